"""Entities an analyst can trust: correct the model's named entities, cluster them, index them.

Three parts:

- ``fr_entity_gazetteer``: a user gazetteer (JSONL of ``{"name", "label", "aliases"}``)
  matched by spaCy's :class:`~spacy.pipeline.SpanRuler` ahead of the statistical NER.
- ``fr_entity_fixes``: runs right after ``ner``. :func:`fix_entities` removes junk,
  fixes boundaries and labels with general rules (word lists live in
  ``pipeline/resources/entities_*``), links acronyms to their expansions, and
  :func:`cluster_mentions` groups the mentions of one thing within the article and gives
  each group a canonical name and a corpus-stable ``entity_id``. The component rewrites
  ``doc.ents`` and stores the mentions in ``doc._.entities``.
- :class:`EntityIndex`: a streaming, plain-Python aggregation of document records into
  the corpus entity table and the co-occurrence table (the export module writes them).

Named events (``Jeux olympiques de Rio``) found by the model as MISC are relabelled
``EVENT``: they are not products, and the events stage can use them.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span, Token

from pipeline.errors import UsageError
from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.text import doc_text, doc_words
from pipeline.records import DocumentRecord, EntityMention

logger = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
RULES_PATH = RESOURCES / "entities_rules.json"
DEMONYMS_PATH = RESOURCES / "entities_demonyms.txt"

#: labels our rules reason about; others (DATE from a gazetteer, ...) pass through untouched
NE_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
_RULE_LABELS = NE_LABELS | {"EVENT"}
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "´": "'"})
_ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9}$")


class GazetteerError(UsageError, ValueError):
    """A gazetteer file is missing or has a malformed line."""


# --- rules as data ------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityRules:
    """Word lists driving the fixes; loaded from ``pipeline/resources/entities_*``."""

    function_words: frozenset[str]
    determiners_cased: frozenset[str]
    titles: frozenset[str]
    junk_words: frozenset[str]
    navigation_lines: frozenset[str]
    org_heads_cased: frozenset[str]
    generic_heads_cased: frozenset[str]
    org_triggers: frozenset[str]
    org_triggers_lower_first: frozenset[str]
    legal_forms_cased: frozenset[str]
    event_heads_cased: frozenset[str]
    acronym_stop_words: frozenset[str]
    institution_nouns: frozenset[str]
    loc_acronyms: frozenset[str]
    role_words: frozenset[str]
    collectivity_heads: frozenset[str]
    unit_triggers: frozenset[str]
    event_heads_strict_cased: frozenset[str]
    event_triggers: frozenset[str]
    loc_descriptors_dropped: frozenset[str]
    portfolio_holders: frozenset[str]
    portfolio_bodies: frozenset[str]
    portfolio_excluded_before: frozenset[str]
    demonyms: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None, demonyms_path: Path | None = None) -> EntityRules:
        """Read the rule lists.

        Args:
            path: JSON object of word lists (the packaged ``entities_rules.json`` by default).
            demonyms_path: one masculine singular demonym a line (packaged list by default).

        Returns:
            The rules, every list as a frozenset.
        """
        data = json.loads((path or RULES_PATH).read_text(encoding="utf-8"))
        lines = (demonyms_path or DEMONYMS_PATH).read_text(encoding="utf-8").splitlines()
        bases = [w.strip() for w in lines if w.strip() and not w.startswith(("#", "!"))]
        # "!Suisse": a form that is also a place name is never treated as a demonym
        places = {w[1:].strip().lower() for w in lines if w.startswith("!")}
        missing = [
            name for name in cls.__dataclass_fields__ if name != "demonyms" and name not in data
        ]
        if missing:
            logger.warning("entity rules %s: no list for %s", path, ", ".join(missing))
        kwargs: dict[str, frozenset[str]] = {
            f.name: frozenset(data.get(f.name, ()))
            for f in cls.__dataclass_fields__.values()
            if f.name != "demonyms"
        }
        return cls(**kwargs, demonyms=frozenset(_inflect_demonyms(bases)) - places)


def _inflect_demonyms(bases: Iterable[str]) -> Iterator[str]:
    """Masculine/feminine, singular/plural forms of each demonym (lower-cased)."""
    for base in bases:
        word = base.lower()
        yield word
        if word.endswith("en"):
            yield from (word + "s", word + "ne", word + "nes")
        elif word.endswith("e"):
            yield word + "s"
        elif word.endswith("s"):
            yield from (word + "e", word + "es")
        else:
            yield from (word + "s", word + "e", word + "es")


@cache
def default_rules() -> EntityRules:
    """The packaged rules, read once per process."""
    return EntityRules.load()


# --- working representation -----------------------------------------------------------


@dataclass(slots=True)
class _Ent:
    """A mutable entity candidate (token offsets) while the rules run."""

    start: int
    end: int
    label: str
    ent_id: str = ""  # canonical name from the gazetteer, when it matched
    certain: bool = False  # label set by a rule with textual evidence, not by the model

    @property
    def protected(self) -> bool:
        # EVENT is our own relabelling of MISC, still subject to the rules
        return bool(self.ent_id) or self.label not in _RULE_LABELS


def _is_cap(token: Token) -> bool:
    return bool(token.text) and (token.text[0].isupper() or token.text[0].isdigit())


def _has_cap(tokens: Iterable[Token]) -> bool:
    return any(any(c.isupper() or c.isdigit() for c in t.text) for t in tokens)


def _line_start(doc: Doc, i: int) -> bool:
    return (
        i == 0
        or (doc[i - 1].is_space and "\n" in doc[i - 1].text)
        or "\n" in doc[i - 1].whitespace_
    )


def _sentence_start(doc: Doc, i: int) -> bool:
    if _line_start(doc, i):
        return True
    prev = doc[i - 1]
    if doc.has_annotation("SENT_START") and doc[i].is_sent_start:
        return True
    return prev.text in {".", "!", "?", "«", '"', ":", "—", "–", "-", "…"}


@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    """Case-folded, NFKC, straight apostrophes, single spaces: the key of a name."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(text.split())


# --- corrections ----------------------------------------------------------------------


class FixedEntities(NamedTuple):
    """What :func:`fix_entities` returns."""

    spans: list[Span]
    #: index pairs (into ``spans``) of an expansion and its acronym
    links: list[tuple[int, int]]
    #: indices of spans whose label comes from textual evidence ("l'association X")
    certain: set[int]


def fix_entities(
    doc: Doc,
    rules: EntityRules | None = None,
    *,
    remove_junk: bool = True,
    fix_boundaries: bool = True,
    fix_labels: bool = True,
    link_acronyms: bool = True,
) -> FixedEntities:
    """Correct the entities of a doc that went through ``ner``.

    The doc is not modified. Entities matched by the gazetteer (``ent_id_`` set) and
    entities with labels other than PER/ORG/LOC/MISC are kept as they are.

    Args:
        doc: a doc with ``doc.ents`` (POS tags and sentences are used when present).
        rules: the word lists (packaged ones by default).
        remove_junk: drop generic words, navigation lines and share blocks, titles,
            demonyms.
        fix_boundaries: trim determiners/titles, extend generic heads to the full name
            (and a body's remit: "... aux droits de l'homme").
        fix_labels: ORG for public bodies, legal forms, organisation appositions and
            ministers' portfolios ("ministre de l'Intérieur" -> "Intérieur").
        link_acronyms: find "Expansion (ACR)" and "ACR (Expansion)" pairs.

    Returns:
        The corrected entities sorted by start, the acronym links as index pairs into
        that list, and the indices whose label rests on textual evidence.
    """
    rules = rules or default_rules()
    ents = [_Ent(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
    if fix_boundaries:
        ents = [e for e in (_trim(doc, e, rules) for e in ents) if e is not None]
        ents = _strip_sentence_determiners(doc, ents, rules)
        ents = _extend_to_words(doc, ents, rules)
        ents = _split_coordinations(doc, ents)
        ents = _extend_generic_heads(doc, ents, rules)
        ents = _extend_attributions(doc, ents, rules)
    if fix_labels:
        ents = _add_portfolios(doc, ents, rules)
        ents = _add_appositions(doc, ents, rules)
        for ent in ents:
            if not ent.protected:
                _fix_label(doc, ent, rules)
                _absorb_trigger(doc, ent, rules)
    if fix_boundaries:
        ents = _merge_place_complements(doc, ents, rules)
    if remove_junk:
        navigation = _navigation_tokens(doc, rules)
        ents = [
            e
            for e in ents
            if e.protected
            or not (_is_junk(doc, e, rules) or any(i in navigation for i in range(e.start, e.end)))
        ]
    ents = _without_overlaps(ents)
    links: list[tuple[int, int]] = []
    if link_acronyms:
        ents, links = _link_acronyms(doc, ents, rules)
    spans = [Span(doc, e.start, e.end, label=e.label, span_id=e.ent_id) for e in ents]
    certain = {k for k, e in enumerate(ents) if e.certain or e.ent_id}
    return FixedEntities(spans, links, certain)


def _without_overlaps(ents: list[_Ent]) -> list[_Ent]:
    """Sorted, non-overlapping entities (``doc.ents`` refuses overlaps); the longer wins."""
    out: list[_Ent] = []
    for ent in sorted(ents, key=lambda e: (e.start, -e.end)):
        if out and ent.start < out[-1].end:
            if ent.end - ent.start > out[-1].end - out[-1].start and not out[-1].protected:
                out[-1] = ent
            continue
        out.append(ent)
    return out


def _trim(doc: Doc, ent: _Ent, rules: EntityRules) -> _Ent | None:
    """Drop leading determiners/prepositions/titles and trailing function words."""
    if ent.protected:
        return ent
    start, end = ent.start, ent.end
    # a name never runs over a line break ("Groupe Vaudrey\nFondé à Lyon")
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            end = i
            break
        if "\n" in doc[i].whitespace_:
            end = i + 1
            break
    stripped_title = False
    while start < end:
        tok = doc[start]
        low = tok.lower_
        title = low.rstrip(".")
        has_next = start + 1 < end
        if (
            title in rules.titles
            and has_next
            and (ent.label == "PER" or not _is_cap(tok) or title in _ABBREVIATED_TITLES)
        ):
            stripped_title = True
        elif not (
            tok.is_punct
            or tok.is_space
            or (
                low in rules.function_words
                and not _is_cap(tok)
                # "de Gaulle", "d'Estaing": a lower-case particle inside a person's name
                and not (ent.label == "PER" and low in _NAME_PARTICLES and not stripped_title)
            )
            # "l'Espagnole Caroline Routier"
            or (
                has_next
                and low in rules.demonyms
                and _is_cap(tok)
                and doc[start + 1].text[:1].isupper()
                and (ent.label == "PER" or _demonym_before_person(doc, start + 1, end))
            )
            # "Le Groupe La Poste", "Le BIC", "Le service national": the article of a
            # common noun or an acronym
            or (
                has_next
                and tok.text in rules.determiners_cased
                and (
                    doc[start + 1].text in rules.generic_heads_cased
                    or doc[start + 1].is_lower
                    or _ACRONYM_RE.match(doc[start + 1].text) is not None
                )
            )
        ):
            break
        start += 1
    while end > start + 1 and (
        (doc[end - 1].is_punct and doc[end - 1].text not in {".", "!", ")"})
        or doc[end - 1].is_space
        or (
            doc[end - 1].lower_ in rules.function_words
            and not _is_cap(doc[end - 1])
            and bool(doc[end - 2].whitespace_)  # "Jong-un" is one name
        )
    ):
        end -= 1
    if start >= end:
        return None
    label = ent.label
    if start > ent.start and doc[start - 1].lower_ in rules.demonyms and label != "PER":
        label = "PER"  # "l'Iranien Mojtaba Abedini": what follows the demonym is a person
    if ent.label == "PER" and start > ent.start and doc[start - 1].lower_ in rules.function_words:
        # "Président du Tchad": what follows a stripped title and a preposition is no
        # person; "Président du Conseil des ministres": a body's head word starts a name
        if doc[start].text in rules.generic_heads_cased:
            return _Ent(start, end, "ORG", certain=True)
        return None
    if ent.label == "LOC" and doc[start].lower_ in rules.loc_descriptors_dropped:
        # "lac du Bourget" -> "Bourget", "ville de Rome" -> "Rome": the name is the place;
        # street-like descriptors stay ("place de la République", "mont Ventoux")
        first_cap = next((i for i in range(start, end) if _is_cap(doc[i])), None)
        if (
            first_cap is not None
            and doc[start].lower_ not in rules.org_triggers_lower_first
            and all(doc[i].is_alpha and doc[i].is_lower for i in range(start, first_cap))
        ):
            start = first_cap
    return _Ent(start, end, label, ent.ent_id, certain=label != ent.label)


def _demonym_before_person(doc: Doc, start: int, end: int) -> bool:
    """The capitalised words after a demonym look like a person's name (2-3 words)."""
    words = doc[start:end]
    return 1 <= len(words) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in words)


def _strip_sentence_determiners(doc: Doc, ents: list[_Ent], rules: EntityRules) -> list[_Ent]:
    """ "La France" at sentence start -> "France" when the article also says "France".

    A capitalised determiner is part of many names ("La Poste", "Le Monde", "Le Caire");
    mid-sentence it is kept. At sentence start it is dropped only when the same name
    also appears elsewhere without it.
    """
    bare = {
        _norm(doc[e.start : e.end].text)
        for e in ents
        if doc[e.start].text not in rules.determiners_cased
    }
    for ent in ents:
        if (
            not ent.protected
            and ent.end - ent.start > 1
            and doc[ent.start].text in rules.determiners_cased
            and _sentence_start(doc, ent.start)
            and _norm(doc[ent.start + 1 : ent.end].text) in bare
        ):
            ent.start += 1
    return ents


def _extend_to_words(doc: Doc, ents: list[_Ent], rules: EntityRules) -> list[_Ent]:
    """Entity edges fall between words: "CNDD-FDD", "I-Télé"; "Les Républicains".

    The tokenizer splits hyphenated names; an entity that starts or ends inside such a word
    is extended to the whole word. A capitalised determiner mid-sentence right before an
    entity is part of the name ("Les Républicains", "L'Orient-Le Jour").
    """
    n = len(doc)
    out: list[_Ent] = []
    for ent in ents:
        if ent.protected:
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        while start > 0 and not doc[start - 1].whitespace_ and _word_piece(doc[start - 1], rules):
            start -= 1
        while end < n and not doc[end - 1].whitespace_ and _word_piece(doc[end], rules):
            end += 1
        if start > 0 and (
            (doc[start - 1].text in rules.determiners_cased and not _sentence_start(doc, start - 1))
            # "Thomas De Gendt", "De Gendt remporte": a capitalised particle before a person
            or (ent.label == "PER" and doc[start - 1].text in _CAPITAL_PARTICLES)
        ):
            start -= 1
        if out and start < out[-1].end:
            prev = out[-1]
            if prev.protected or (start, end) == (prev.start, prev.end):
                continue
            # two pieces of one word ("CNDD" "-" "FDD"): keep one entity, the first's label
            out[-1] = _Ent(min(prev.start, start), max(prev.end, end), prev.label)
            continue
        out.append(_Ent(start, end, ent.label, ent.ent_id))
    return out


_CAPITAL_PARTICLES = frozenset(
    {"De", "Del", "Della", "Di", "Da", "Du", "Van", "Von", "Der", "Den", "Ter"}
)


def _split_coordinations(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """ "Dares et Pôle emploi" -> two entities (names joined by "et" are two names).

    "Ministère de l'Économie et des Finances" stays whole: the word after "et" is not
    capitalised.
    """
    out: list[_Ent] = []
    for ent in ents:
        cut = next(
            (
                i
                for i in range(ent.start + 1, ent.end - 1)
                if doc[i].lower_ in {"et", "&"}
                and doc[i].text != "&"
                and _is_cap(doc[i + 1])
                and _is_cap(doc[i - 1])
            ),
            None,
        )
        if ent.protected or cut is None:
            out.append(ent)
            continue
        out.append(_Ent(ent.start, cut, ent.label))
        out.append(_Ent(cut + 1, ent.end, ent.label))
    return out


def _word_piece(tok: Token, rules: EntityRules) -> bool:
    """A token that is part of the same whitespace-delimited word, not a clitic or bracket."""
    if tok.lower_ in rules.function_words or tok.is_space:
        return False
    return tok.text in {"-", "–"} or tok.is_alpha or tok.is_digit


_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "la", "le"})
_ABBREVIATED_TITLES = frozenset({"m", "mme", "mlle", "dr", "pr", "me", "mgr"})
#: words that may link a head to its complement ("Conseil national pour la défense")
_COMPLEMENT_LINKS = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "au", "aux", "pour", "en"}
)
_COMPLEMENT_STOP_POS = frozenset(
    {"VERB", "AUX", "PUNCT", "SPACE", "CCONJ", "SCONJ", "PRON", "NUM", "SYM", "ADP", "DET"}
)


def _extend_generic_heads(doc: Doc, ents: list[_Ent], rules: EntityRules) -> list[_Ent]:
    """ "Direction" + "du système d'information ..." -> the full name; missed bodies added.

    - A lone generic head ("Direction", "État") tagged by the model is extended over its
      complement (prepositions, determiners and words, stopping at punctuation, verbs,
      conjunctions and before another named entity): "État islamique".
    - A capitalised generic head the model missed, not at sentence start (where the
      capital says nothing), is an organisation with its complement: "Pôle emploi",
      "Assemblée nationale", "la Région".
    - A lower-case institution noun with a nationality adjective is an organisation:
      "armée syrienne", "gouvernement ukrainien".

    A lone head left without complement is judged later by junk removal.
    """
    starts = {e.start for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    out: list[_Ent] = []
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        if (
            not ent.protected
            and ent.end - ent.start == 1
            and doc[ent.start].text in rules.generic_heads_cased
        ):
            end = _complement_end(doc, ent.end, starts, rules)
            if end > ent.end:
                ent = _Ent(ent.start, end, "ORG", ent.ent_id)
                skip_until = end
        out.append(ent)
    covered = {i for e in out for i in range(e.start, e.end)}
    n = len(doc)
    texts, lowers = doc_words(doc)
    for i, (text, lower) in enumerate(zip(texts, lowers, strict=True)):
        if i in covered or (text not in rules.generic_heads_cased and lower not in rules.institution_nouns):
            continue
        if text in rules.generic_heads_cased and not _sentence_start(doc, i):
            end = _complement_end(doc, i + 1, starts, rules)
            if all(j not in covered for j in range(i, end)):
                out.append(_Ent(i, end, "ORG"))
                covered.update(range(i, end))
        elif (
            lower in rules.institution_nouns
            and doc[i].is_lower
            and i + 1 < n
            and doc[i + 1].is_lower
            and doc[i + 1].lower_ in rules.demonyms
            and i + 1 not in covered
        ):
            out.append(_Ent(i, i + 2, "ORG"))
            covered.update((i, i + 1))
    out.sort(key=lambda e: e.start)
    return out


#: prepositions giving a body its remit ("Haut-Commissariat ... aux droits de l'homme")
_ATTRIBUTION_LINKS = frozenset({"aux", "à"})  # "au pouvoir", "au sujet de": locutions


def _extend_attributions(doc: Doc, ents: list[_Ent], rules: EntityRules) -> list[_Ent]:
    """ "Haut-Commissariat des Nations unies" + "aux droits de l'homme": the body's remit.

    An organisation headed by a generic noun goes on over "aux/à (la/l')" and a
    lower-case complement, and over a second one coordinated by "et" ("Commissariat à
    l'énergie atomique et aux énergies alternatives"). The complement must end the phrase
    (punctuation, verb, conjunction), not run into another name ("aux côtés de la CCI").
    """
    starts = {e.start for e in ents}
    n = len(doc)
    for k, ent in enumerate(ents):
        if (
            ent.protected
            or ent.label != "ORG"
            or doc[ent.start].text not in rules.generic_heads_cased
        ):
            continue
        limit = ents[k + 1].start if k + 1 < len(ents) else n
        end = ent.end
        has_remit = any(t.lower_ in _ATTRIBUTION_LINKS for t in doc[ent.start : ent.end])
        while end < limit:
            coordinated = doc[end].lower_ == "et" and (has_remit or end > ent.end)
            i = end + 1 if coordinated else end
            if i >= n or doc[i].lower_ not in _ATTRIBUTION_LINKS:
                break
            j = i + 1
            if j < n and doc[j].lower_ in {"la", "l'", "l’"}:
                j += 1
            if j >= n or not doc[j].is_lower:
                break
            stop = _complement_end(doc, j, starts, rules)
            if stop == j or stop >= limit or (stop < n and stop in starts):
                break
            end = stop
        ent.end = end
    return ents


def _complement_end(doc: Doc, i: int, starts: set[int], rules: EntityRules) -> int:
    """End of the noun complement starting at token ``i`` ("du système d'information")."""
    first = end = i
    n = len(doc)
    after_link = False
    while i < n and i - end < 3 and i < end + 12:
        tok = doc[i]
        if tok.lower_ in _COMPLEMENT_LINKS:
            if not tok.is_lower:
                break
            after_link = True
            i += 1
            continue
        if (
            i in starts
            or tok.pos_ in _COMPLEMENT_STOP_POS
            or tok.lower_ in rules.function_words
            or not (tok.is_alpha or "-" in tok.text)
            # a second bare noun starts another phrase ("... des cultes mercredi matin");
            # adjectives and hyphenated compounds go on ("services-courrier-colis")
            or (i > first and not after_link and tok.pos_ != "ADJ" and not _in_compound(doc, i))
        ):
            break
        end = i + 1
        after_link = False
        i += 1
    return end


_DEMONYM_SUFFIXES = (
    "ois",
    "oise",
    "oises",
    "ais",
    "aise",
    "aises",
    "ains",
    "aines",
    "iens",
    "iennes",
    "ins",
)


def _is_demonym_apposition(doc: Doc, ent: _Ent, rules: EntityRules) -> bool:
    """ "le Rémois Thomas Lefèvre", "les Bisontins": an inhabitant, not a place.

    A single capitalised word after a determiner is a demonym when a person's name follows
    it, or when it is plural with a demonym ending.
    """
    if ent.end - ent.start != 1 or ent.start == 0 or ent.label == "PER":
        return False
    det = doc[ent.start - 1].lower_
    if det not in {"le", "la", "l'", "l’", "les", "des", "un", "une"}:
        return False
    word = doc[ent.start]
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.ent_type_ == "PER" and nxt.ent_iob_ == "B" and _is_cap(nxt):
        return True
    return det in {"les", "des"} and word.lower_.endswith(_DEMONYM_SUFFIXES)


def _merge_place_complements(doc: Doc, ents: list[_Ent], rules: EntityRules) -> list[_Ent]:
    """ "Ville de" + "Rennes", "préfecture de la" + "Gironde": one organisation.

    An organisation (or a lower-case institution noun such as "préfecture", "conseil
    départemental") followed by "de (la/l')" and a place is the organisation of that
    place; the place is part of its name, as in both WiNER and the press gold.
    """
    by_start = {e.start: k for k, e in enumerate(ents)}
    covered = {i for e in ents for i in range(e.start, e.end)}
    drop: set[int] = set()
    added: list[_Ent] = []
    n = len(doc)

    def place_after(j: int) -> int | None:
        if j >= n or doc[j].lower_ not in {"de", "du", "des", "d'", "d’"}:
            return None
        j += 1
        if j < n and doc[j].lower_ in {"la", "l'", "l’"}:
            j += 1
        k = by_start.get(j)
        if k is None or ents[k].label != "LOC" or ents[k].protected or k in drop:
            return None
        return k

    for ent in ents:
        if ent.label != "ORG" or ent.protected or ent.end - ent.start > 6:
            continue
        head = doc[ent.start].text
        if not (
            head in rules.generic_heads_cased
            or head in rules.org_heads_cased
            or _ACRONYM_RE.match(head)
            or doc[ent.start].lower_ in rules.collectivity_heads
        ):
            continue  # "ministre de la Défense de la Corée du Nord": no body of a place
        k = place_after(ent.end)
        if k is not None:
            ent.end = ents[k].end
            ent.certain = True
            drop.add(k)
    for i, lower in enumerate(doc_words(doc)[1]):
        if i in covered or lower not in rules.collectivity_heads:
            continue
        tok = doc[i]
        if not (tok.is_lower or _ACRONYM_RE.match(tok.text)):
            continue  # "CHU de Reims" as "préfecture de la Gironde"; "Conseil" is capitalised
        j = tok.i + 1
        while j < n and j - tok.i <= 2 and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        k = place_after(j)
        if k is not None:
            added.append(_Ent(tok.i, ents[k].end, "ORG", certain=True))
            drop.add(k)
    if not drop:
        return ents
    out = [e for k, e in enumerate(ents) if k not in drop] + added
    return sorted(out, key=lambda e: e.start)


def _in_compound(doc: Doc, i: int) -> bool:
    """Token ``i`` is part of a hyphenated compound ("services-courrier-colis")."""
    tok = doc[i]
    if "-" in tok.text:
        return True
    glued_after = not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text == "-"
    glued_before = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    return glued_after or glued_before


def _navigation_tokens(doc: Doc, rules: EntityRules) -> set[int]:
    """Tokens of share/menu blocks: a navigation line and the short list lines after it.

    "Partager cet article :" followed by one-word lines "Courriel ,", "Facebook ,",
    "Google ," is page furniture: the names in it are buttons, not mentions.
    """
    if not any(
        _norm(line.strip(_LINE_PUNCT)) in rules.navigation_lines for line in doc_text(doc).splitlines()
    ):
        return set()  # most articles: no token walk
    lines: list[list[Token]] = [[]]
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            lines.append([])
            continue
        lines[-1].append(tok)
        if "\n" in tok.whitespace_:
            lines.append([])
    out: set[int] = set()
    in_block = False
    for line in lines:
        words = [t for t in line if not t.is_punct and not t.is_space]
        if not words:
            in_block = in_block and not line  # a blank line ends the block
            continue
        key = _norm(doc[words[0].i : words[-1].i + 1].text)
        if key in rules.navigation_lines:
            in_block = True
        elif not (in_block and len(words) <= _MENU_ITEM_WORDS):
            in_block = False
            continue
        out.update(t.i for t in line)
    return out


_LINE_PUNCT = " \t:;,.!?…«»\"'()[]-–—•|/"
#: a line of at most this many words right after a navigation line is a menu item
_MENU_ITEM_WORDS = 2


def _is_junk(doc: Doc, ent: _Ent, rules: EntityRules) -> bool:
    """A generic word, a navigation line, a section title, a demonym or a lone title."""
    span = doc[ent.start : ent.end]
    text = span.text
    low = _norm(text)
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(text) < 2 or not words:
        return True
    if not _has_cap(span) and not _is_institution(span, rules):
        return True
    if low in rules.junk_words:
        return True
    if all(t.lower_ in rules.demonyms or t.like_num for t in words) and ent.label != "PER":
        return True
    if (
        ent.label != "PER"
        and len(words) > 1
        and words[0].lower_.rstrip(".") in rules.titles
        and (words[1].is_lower or words[1].lower_ in rules.function_words)
    ):
        return True  # "Secrétaire d'État chargé de ...", "Chancelière allemande": a position
    if len(words) == 1 and text in rules.generic_heads_cased and _sentence_start(doc, ent.start):
        return True  # "Parti à 8h45 ...": capitalised by its position only
    if not ent.certain and _is_demonym_apposition(doc, ent, rules):
        return True  # ("ministre de l'Intérieur Bernard Cazeneuve" is certain: a portfolio)
    if len(words) == 2 and words[0].text in rules.generic_heads_cased and len(words[1].text) == 1:
        return True  # "Groupe C", "Poule A": a pool of a competition
    line_start = _line_start(doc, ent.start)
    line_end = (
        ent.end == len(doc)
        or "\n" in doc[ent.end - 1].whitespace_
        or (doc[ent.end].is_space and "\n" in doc[ent.end].text)
    )
    if line_start and line_end:
        if low in rules.navigation_lines:
            return True
        if len(words) >= 2 and text.isupper():
            return True  # an all-caps section title
    # "Information mise à jour ...": a common word capitalised only by its position
    return (
        len(words) == 1
        and _sentence_start(doc, ent.start)
        and not _ACRONYM_RE.match(text)
        and (
            span[0].pos_ in {"ADJ", "VERB", "ADV", "PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ"}
            # the tagger calls many proper nouns NOUN: ask the article for the lower form
            or (span[0].pos_ == "NOUN" and _lower_form_used(doc, ent.start))
        )
    )


def _is_institution(span: Span, rules: EntityRules) -> bool:
    """ "armée syrienne", "gouvernement ukrainien": an institution noun + nationality."""
    return (
        len(span) == 2
        and span[0].lower_ in rules.institution_nouns
        and span[1].lower_ in rules.demonyms
    )


def _lower_form_used(doc: Doc, i: int) -> bool:
    """The capitalised word at ``i`` also appears in lower case in the doc."""
    word = doc[i]
    lower = word.lower_
    # another token than word itself: twice if word is already lower case
    return doc_words(doc)[0].count(lower) > (1 if word.text == lower else 0)


def _fix_label(doc: Doc, ent: _Ent, rules: EntityRules) -> None:
    """Set the label from the rules below; evidence from the context makes it certain."""
    label = _fixed_label(doc, ent, rules)
    if label == "ORG" and _preceded_by_trigger(doc, ent.start, rules):
        ent.certain = True
    if label != ent.label:
        ent.label = label
        ent.certain = True


def _after_event_trigger(doc: Doc, i: int, rules: EntityRules) -> bool:
    """ "championne du monde d'X", "l'édition 2016 de l'X", "circuit X": X is a competition."""
    j = i - 1
    if j > 0 and doc[j].text == "(" and i < len(doc) - 1 and doc[i + 1].text == ")":
        # "les séries mondiales de triathlon (WTS)": the acronym of a competition
        j -= 1
        for _ in range(6):
            tok = doc[j] if j >= 0 else None
            if tok is None or not ((tok.is_lower and tok.is_alpha) or tok.like_num):
                return False
            if tok.lower_ in rules.event_triggers:
                return True
            j -= 1
        return False
    while j >= 0 and (doc[j].lower_ in _EVENT_LINKS or doc[j].like_num):
        j -= 1
    if j >= 2 and doc[j].lower_ == "monde" and doc[j - 1].lower_ == "du":
        j -= 2  # "champion du monde de"
    return j >= 0 and doc[j].is_lower and doc[j].lower_ in rules.event_triggers


_EVENT_LINKS = frozenset({"de", "d'", "d’", "du", "l'", "l’", "la", "le"})


def _role_of(doc: Doc, i: int, rules: EntityRules) -> bool:
    """ "présidente de Lumeo", "directeur général d'Océavia", "À propos de X": X is an organisation."""
    j = i - 1
    if j < 1 or doc[j].lower_ not in {"de", "d'", "d’", "du"}:
        return False
    j -= 1
    if doc[j].is_lower and doc[j].pos_ == "ADJ" and j > 0:
        j -= 1  # "directeur général de"
    return doc[j].lower_ in rules.role_words


def _fixed_label(doc: Doc, ent: _Ent, rules: EntityRules) -> str:
    """ORG for public bodies, legal forms and organisation appositions; EVENT for events."""
    label = _organisation_label(doc, ent, rules)
    if label in {"ORG", "MISC"} and _after_event_trigger(doc, ent.start, rules):
        return "EVENT"  # "championne du monde d'Ironman", "le circuit WTS"
    return label


def _organisation_label(doc: Doc, ent: _Ent, rules: EntityRules) -> str:
    span = doc[ent.start : ent.end]
    label = ent.label
    if label == "MISC" and (
        span[0].text in rules.event_heads_cased
        or _norm(span[:2].text).title() in rules.event_heads_cased
    ):
        return "EVENT"
    if label == "ORG" and span[0].text in rules.event_heads_strict_cased:
        return "EVENT"  # "Coupe de la Ligue": a competition, not an organisation
    if label in {"LOC", "MISC"} and any(
        (t.text in rules.org_heads_cased and not _hyphen_follows(t))
        or t.text in rules.legal_forms_cased
        for t in span
    ):
        return "ORG"
    if label in {"LOC", "MISC"} and len(span) == 1 and _is_org_acronym(span[0].text, rules):
        return "ORG"  # NASA, CGT, FIDH: 3+ capitals are organisations far more than places
    if (
        label in {"LOC", "MISC"}
        and span[0].is_lower
        and span[0].lower_ in rules.org_triggers_lower_first
    ):
        return "ORG"
    if label in {"LOC", "MISC", "PER"} and _preceded_by_trigger(doc, ent.start, rules):
        return "ORG"  # "l'association X", "la start-up lilloise X"
    if label == "PER" and _role_of(doc, ent.start, rules):
        return "ORG"  # a person is no one's employer: "présidente de Lumeo"
    return label


#: "(Drac)", "(Feder)": acronyms written as words, accepted only inside parentheses
_TITLE_ACRONYM_RE = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ]{2,6}$"
    # "(FFTri)", "(CRIStAL)": mixed-case acronyms with at least two capitals
    r"|^(?=(?:[^A-ZÀ-Ý]*[A-ZÀ-Ý]){2})[A-ZÀ-Ý][A-Za-zÀ-ÿ]{2,7}$"
)
_ORG_ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý]{3,6}$")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")


def _hyphen_follows(tok: Token) -> bool:
    """ "Centre-Val de Loire": the word is the first part of a compound, not a head noun."""
    doc = tok.doc
    return not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text in {"-", "–"}


def _is_org_acronym(text: str, rules: EntityRules) -> bool:
    return (
        _ORG_ACRONYM_RE.match(text) is not None
        and _ROMAN_RE.match(text) is None
        and text.lower() not in rules.junk_words
        and text not in rules.loc_acronyms
    )


def _absorb_trigger(doc: Doc, ent: _Ent, rules: EntityRules) -> None:
    """ "branche" + "Numérique de La Poste": a capitalised adjective names nothing alone.

    When the entity starts with an adjective right after an organisation noun, the noun is
    the head of the name and belongs to it.
    """
    first = doc[ent.start]
    if ent.start == 0 or first.pos_ != "ADJ" or first.text in rules.org_heads_cased:
        return
    prev = doc[ent.start - 1]
    if prev.is_lower and prev.lower_ in rules.unit_triggers:
        ent.start -= 1
        ent.label = "ORG"


def _preceded_by_trigger(doc: Doc, i: int, rules: EntityRules) -> bool:
    """ "l'association X", "comité stratégique « X »": an organisation noun right before."""
    j = i - 1
    skipped = 0
    while j >= 0 and doc[j].is_space:
        j -= 1  # French typography puts a (non-breaking) space inside « »
    before_name = j
    while (
        j >= 0
        and skipped < 2
        and (
            doc[j].text in {"«", '"', "“"}
            or doc[j].is_space
            or (
                doc[j].is_lower
                and doc[j].is_alpha
                and doc[j].lower_ not in rules.function_words
                and doc[j].lower_ not in rules.org_triggers
                # "la jeune entreprise brestoise X": adjectives only, when tagged
                and (doc[j].pos_ == "ADJ" or not doc.has_annotation("POS"))
            )
        )
    ):
        j -= 1
        skipped += 1
    if j >= 0 and _is_trigger(doc[j], rules):
        return True
    return _trigger_with_complement(doc, before_name, rules)


def _is_trigger(tok: Token, rules: EntityRules) -> bool:
    word = tok.lower_
    for elided in ("l'", "l’", "d'", "d’"):
        word = word.removeprefix(elided)
    return tok.is_lower and word in rules.org_triggers


#: prepositions inside the complement of a trigger noun ("chaîne d'information en continu")
_TRIGGER_COMPLEMENT_LINKS = frozenset({"de", "d'", "d’", "en"})
_TRIGGER_COMPLEMENT_STOP_POS = frozenset(
    {"VERB", "AUX", "PRON", "DET", "CCONJ", "SCONJ", "PUNCT", "NUM", "PROPN", "SPACE"}
)


def _trigger_with_complement(doc: Doc, j: int, rules: EntityRules) -> bool:
    """ "l'agence de presse X", "le fabricant de satellites X": a trigger and its complement.

    ``j`` is the last token before the name (after quotes); up to four lower-case words
    and the prepositions "de"/"en" may separate the trigger from the name, provided the
    word right after the trigger is "de".
    """
    if j < 0 or doc[j].lower_ in _TRIGGER_COMPLEMENT_LINKS:
        return False  # "un groupe de cyclistes en Vendée": a place after a preposition
    words = 0
    while j >= 0 and words < 5:
        tok = doc[j]
        if not ((tok.is_lower and tok.is_alpha) or tok.lower_ in _TRIGGER_COMPLEMENT_LINKS):
            return False
        if tok.pos_ in _TRIGGER_COMPLEMENT_STOP_POS:
            return False
        if _is_trigger(tok, rules):
            return words > 1 and doc[j + 1].lower_ in {"de", "d'", "d’"}
        if tok.lower_ in rules.function_words and tok.lower_ not in _TRIGGER_COMPLEMENT_LINKS:
            return False
        words += 1
        j -= 1
    return False


def _add_portfolios(doc: Doc, ents: list[_Ent], rules: EntityRules) -> list[_Ent]:
    """ "ministre de l'Intérieur" -> "Intérieur"; "ministère russe de la Défense": one ORG.

    A minister is a position, not a name; the capitalised portfolio after it names the
    ministry (ORG), however the model tagged it ("Santé" as a place, "ministre de la" as
    an organisation, nothing at all). After a ministry noun the whole phrase is the name.
    "Premier ministre du Canada" is the head of a government: its complement is a place.
    """
    n = len(doc)
    for i, lower in enumerate(doc_words(doc)[1]):
        word = lower.removeprefix("ex-")  # "l'ex-ministre de la Justice"
        holder = word in rules.portfolio_holders
        if not (holder or word in rules.portfolio_bodies):
            continue
        if i > 0 and doc[i - 1].lower_ in rules.portfolio_excluded_before:
            continue
        j = i + 1
        if j < n and doc[j].is_lower and doc[j].lower_ in rules.demonyms:
            j += 1  # "ministre iranien des Transports"
        if j >= n or doc[j].lower_ not in {"de", "des", "du", "d'", "d’"}:
            continue
        j += 1
        if j < n and doc[j].lower_ in {"la", "l'", "l’"}:
            j += 1
        elif j + 1 < n and doc[j].lower_ == "l" and doc[j + 1].text in {"'", "’"}:
            j += 2  # "de l' Immigration": the tokenizer splits an apostrophe before a space
        if j >= n or not doc[j].text[:1].isupper() or not doc[j].text.replace("-", "").isalpha():
            continue
        if any(e.protected or e.label == "PER" for e in ents if e.start <= j < e.end):
            continue  # "ministre de Gaulle": a person
        start = j if holder else i
        others = {e.start for e in ents if not j <= e.start < e.end <= j + 1} - {i, j}
        end = _portfolio_end(doc, j, others, rules)
        if not holder and any(e.start <= i < e.end and e.end > j for e in ents):
            continue  # "ministère de l'Intérieur" found whole by the model
        ents = [e for e in ents if e.end <= (i if holder else start) or e.start >= end]
        ents.append(_Ent(start, end, "ORG", certain=True))
    return sorted(ents, key=lambda e: e.start)


def _portfolio_end(doc: Doc, j: int, starts: set[int], rules: EntityRules) -> int:
    """End of a portfolio starting at ``j``: "Affaires étrangères", "Situations d'urgence".

    It stops before a nationality ("Intérieur turc"), before "de" + a name ("Justice de
    Dilma Rousseff", "Santé du Cameroun") and before another entity ("Bernard Cazeneuve").
    """
    end = j + 1
    n = len(doc)
    while end < n and end - j < 6 and end not in starts:
        tok = doc[end]
        if (tok.is_lower and tok.pos_ == "ADJ" and tok.lower_ not in rules.demonyms) or (
            _in_compound(doc, end)  # "Outre-Mer" split by the tokenizer
        ):
            end += 1
        elif (
            tok.lower_ in {"de", "d'", "d’"}
            and end + 1 < n
            and doc[end + 1].is_lower
            and doc[end + 1].is_alpha
            and doc[end + 1].lower_ not in rules.function_words
        ):
            end += 2  # "Situations d'urgence"
        else:
            break
    return end


def _add_appositions(doc: Doc, ents: list[_Ent], rules: EntityRules) -> list[_Ent]:
    """ "Start’in Post, un incubateur ..." -> ORG (created when the model missed it)."""
    by_end = {e.end: e for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    added: list[_Ent] = []
    for i, text in enumerate(doc_words(doc)[0]):
        if text != "," or i + 2 >= len(doc):
            continue
        tok = doc[i]
        det, noun = doc[tok.i + 1], doc[tok.i + 2]
        if det.lower_ not in {"un", "une", "l'", "l’", "le", "la"}:
            continue
        if noun.lower_ not in rules.org_triggers or not noun.is_lower:
            continue
        ent = by_end.get(tok.i)
        if ent is not None:
            # "X, la société ..." also opens a clause about X's company when X is a
            # person ("Lucie Montagne et Baptiste Revol, la société compte"): not PER
            if not ent.protected and ent.label in {"LOC", "MISC"}:
                ent.label = "ORG"
                ent.certain = True
            continue
        if tok.i - 1 in covered:
            continue
        start = tok.i
        while start > 0 and start > tok.i - 6:
            prev = doc[start - 1]
            glued = start - 2 >= 0 and not doc[start - 2].whitespace_
            if (
                prev.i in covered
                or prev.is_space
                or (prev.is_punct and prev.text not in {"’", "'", "&"})
            ):
                break
            if _is_cap(prev) or (glued and prev.is_alpha):
                start -= 1
                continue
            break
        if start == tok.i or not doc[start].text[:1].isupper():
            continue
        if tok.i - start == 1 and _sentence_start(doc, start):
            continue  # a lone capitalised word at sentence start is too often not a name
        added.append(_Ent(start, tok.i, "ORG", certain=True))
    if not added:
        return ents
    return sorted([*ents, *added], key=lambda e: e.start)


def _initials_match(acronym: str, words: Sequence[str], stop_words: frozenset[str]) -> bool:
    """Do the capital letters of ``acronym`` spell the initials of ``words``?"""
    letters = [c for c in acronym.upper() if c.isalpha()]
    content = [w for w in words if w.lower() not in stop_words and w[:1].isalpha()]
    initials = [w[0].upper() for w in content]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    if letters == initials:
        return True
    # allow extra letters taken from inside a word ("BIC" from "Business Incubation Centre")
    # only when every content word contributes its initial in order
    it = iter(letters)
    return all(any(c == ini for c in it) for ini in initials) and len(letters) <= 2 * len(initials)


def _link_acronyms(
    doc: Doc, ents: list[_Ent], rules: EntityRules
) -> tuple[list[_Ent], list[tuple[int, int]]]:
    """Find "Expansion (ACR)" and "ACR (Expansion)" and make both one ORG (or their label)."""
    pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    n = len(doc)
    for i, text in enumerate(doc_words(doc)[0]):
        if text != "(":
            continue
        tok = doc[i]
        close = next((j for j in range(tok.i + 1, min(n, tok.i + 12)) if doc[j].text == ")"), None)
        if close is None or close == tok.i + 1:
            continue
        inside = (tok.i + 1, close)
        if close - tok.i == 2 and (
            _ACRONYM_RE.match(doc[tok.i + 1].text) or _TITLE_ACRONYM_RE.match(doc[tok.i + 1].text)
        ):
            acr = doc[tok.i + 1].text
            before = _expansion_before(doc, tok.i, acr, ents, rules)
            if before is not None:
                pairs.append((before, inside))
        elif tok.i > 0 and _ACRONYM_RE.match(doc[tok.i - 1].text):
            acr = doc[tok.i - 1].text
            words = [t.text for t in doc[inside[0] : inside[1]]]
            if _initials_match(acr, words, rules.acronym_stop_words):
                pairs.append((inside, (tok.i - 1, tok.i)))
    if not pairs:
        return ents, []
    common = [
        acr
        for exp, acr in pairs
        if not _has_cap(doc[exp[0] : exp[1]]) and not _is_body_noun(doc[exp[0]], rules)
    ]
    if common:
        # "PME (petites et moyennes entreprises)": the acronym of a common noun is no name;
        # "service national de renseignement (SNR)" is a body written in lower case
        ents = [e for e in ents if e.protected or (e.start, e.end) not in common]
        pairs = [(exp, acr) for exp, acr in pairs if acr not in common]
    for expansion, acronym in pairs:
        label = _pair_label(ents, expansion, acronym)
        for rng in (expansion, acronym):
            ents = [
                e for e in ents if e.end <= rng[0] or e.start >= rng[1] or (e.start, e.end) == rng
            ]
            existing = next((e for e in ents if (e.start, e.end) == rng), None)
            if existing is None:
                ents.append(_Ent(rng[0], rng[1], label))
            elif not existing.protected:
                existing.label = label
    ents.sort(key=lambda e: e.start)
    index = {(e.start, e.end): k for k, e in enumerate(ents)}
    links = [(index[a], index[b]) for a, b in pairs if a in index and b in index]
    return ents, links


def _is_body_noun(tok: Token, rules: EntityRules) -> bool:
    """A lower-case noun that heads the name of a body ("conseil", "service", "agence")."""
    return tok.is_lower and (
        tok.lower_ in rules.collectivity_heads
        or tok.lower_ in rules.org_triggers_lower_first
        or tok.lower_ in rules.institution_nouns
    )


def _expansion_before(
    doc: Doc, paren: int, acronym: str, ents: list[_Ent], rules: EntityRules
) -> tuple[int, int] | None:
    """The expansion ending right before "(ACR)": an entity, or words spelling ACR.

    The nearest start whose content-word initials spell the acronym wins.
    """
    for e in ents:
        if e.end == paren and _initials_match(
            acronym, _without_place_tail(doc[e.start : e.end]), rules.acronym_stop_words
        ):
            return (e.start, e.end)
    limit = max(0, paren - 3 * len(acronym) - 2)
    for start in range(paren - 1, limit - 1, -1):
        tok = doc[start]
        if tok.is_punct or tok.is_space:
            break
        if not (_is_cap(tok) or _is_body_noun(tok, rules)):
            continue
        words = [t.text for t in doc[start:paren]]
        if _initials_match(acronym, words, rules.acronym_stop_words):
            return (start, paren)
    return None


def _without_place_tail(span: Span) -> list[str]:
    """Words of an expansion, without a final "de Bretagne" the acronym leaves out.

    "Direction régionale des affaires culturelles de Bretagne (Drac)": the place is part
    of the name but not of the acronym.
    """
    words = [t.text for t in span]
    for k in range(len(words) - 2, 0, -1):
        if words[k].lower() in {"de", "du", "d'", "d’"} and all(
            w[:1].isupper() for w in words[k + 1 :]
        ):
            return words[:k]
        if not words[k][:1].isupper():
            break
    return words


def _pair_label(ents: list[_Ent], expansion: tuple[int, int], acronym: tuple[int, int]) -> str:
    labels = {(e.start, e.end): e.label for e in ents if (e.start, e.end) in (expansion, acronym)}
    exp_label = labels.get(expansion)
    if exp_label in {"ORG", "LOC", "PER"}:
        return exp_label
    if labels.get(acronym) in {"ORG", "LOC"}:
        return labels[acronym]
    return "ORG"


# --- clustering -----------------------------------------------------------------------


def entity_id(label: str, canonical: str) -> str:
    """Corpus-stable id of an entity: a hash of its label and normalised canonical name.

    Args:
        label: the entity label ("ORG").
        canonical: its canonical name ("Groupe La Poste").

    Returns:
        ``"E"`` followed by 15 hex digits; the same for the same label and name everywhere.
    """
    key = f"{label}\x1f{_norm(canonical)}".encode()
    return "E" + hashlib.blake2b(key, digest_size=8).hexdigest()[:15]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _core_key(span: Span, rules: EntityRules) -> str:
    """Name key without determiner, generic head or legal form: "Le Groupe La Poste" -> "la poste"."""
    words = [t.text for t in span if not t.is_space]
    while len(words) > 1 and (
        words[0] in rules.determiners_cased
        or words[0].lower() in rules.function_words
        or (words[0].lower() == "groupe" and words[1][:1].isupper())
    ):
        words = words[1:]
    while len(words) > 1 and words[-1] in rules.legal_forms_cased:
        words = words[:-1]
    return _norm(" ".join(words))


def _canonical_text(span: Span, rules: EntityRules) -> str:
    words = [t for t in span if not t.is_space]
    while (
        len(words) > 1
        and words[0].text in rules.determiners_cased
        and words[1].text in rules.generic_heads_cased
    ):
        words = words[1:]
    text = span.doc[words[0].i : words[-1].i + 1].text
    return " ".join(text.split())


def cluster_mentions(
    doc: Doc,
    spans: Sequence[Span],
    links: Sequence[tuple[int, int]] = (),
    rules: EntityRules | None = None,
    *,
    certain: Iterable[int] = (),
) -> tuple[list[Span], tuple[EntityMention, ...]]:
    """Group the mentions of one thing within an article.

    Mentions with the same name (without determiner, "Groupe" or legal form), a surname and
    the full name of a person mentioned in the article, an acronym and its expansion, and
    gazetteer aliases of one name form one cluster. Its canonical name is the longest
    mention (the gazetteer name when there is one). Its label is, in this order, the
    gazetteer's, the acronym pair's, the majority of the labels resting on textual
    evidence (``certain``), PER when a surname joined a full name, else the majority
    label (ties go to the canonical mention). Every mention takes the cluster label.

    Args:
        doc: the doc the spans belong to.
        spans: corrected entities sorted by start (from :func:`fix_entities`).
        links: index pairs of mentions known to be the same entity (acronyms).
        rules: the word lists (packaged ones by default).
        certain: indices of spans whose label rests on textual evidence.

    Returns:
        The spans relabelled with their cluster's label, and one
        :class:`~pipeline.records.EntityMention` per span, sorted by start.
    """
    rules = rules or default_rules()
    n = len(spans)
    uf = _UnionFind(n)
    by_key: dict[str, int] = {}
    by_gaz: dict[str, int] = {}
    for k, span in enumerate(spans):
        key = _core_key(span, rules)
        if key in by_key:
            uf.union(by_key[key], k)
        else:
            by_key[key] = k
        if span.id_:
            if span.id_ in by_gaz:
                uf.union(by_gaz[span.id_], k)
            else:
                by_gaz[span.id_] = k
    for a, b in links:
        uf.union(a, b)
    surname_linked = _link_surnames(spans, uf)
    linked = {k for pair in links for k in pair}
    certain_set = set(certain)

    clusters: dict[int, list[int]] = {}
    for k in range(n):
        clusters.setdefault(uf.find(k), []).append(k)
    labels: list[str] = [s.label_ for s in spans]
    canon: list[str] = [""] * n
    ids: list[str] = [""] * n
    for members in clusters.values():
        gaz = next((spans[k] for k in members if spans[k].id_), None)
        best = max(members, key=lambda k: (len(_canonical_text(spans[k], rules)), -k))
        acronym = next((spans[k] for k in members if k in linked), None)
        sure = [k for k in members if k in certain_set]
        if gaz is not None:
            label = gaz.label_
        elif acronym is not None:
            label = acronym.label_
        else:
            sure_label = (
                _cluster_label(spans, sure, best if best in sure else sure[0], set(), None)
                if sure
                else None
            )
            label = _cluster_label(spans, members, best, surname_linked, sure_label)
        if label not in NE_LABELS | {"EVENT"}:
            label = spans[best].label_
        name = gaz.id_ if gaz is not None else _canonical_text(spans[best], rules)
        eid = entity_id(label, name)
        for k in members:
            if not (spans[k].id_ and spans[k].label_ != label):
                labels[k] = label
            canon[k], ids[k] = name, eid

    sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    fixed: list[Span] = []
    mentions: list[EntityMention] = []
    for k, span in enumerate(spans):
        new = (
            span
            if span.label_ == labels[k]
            else Span(doc, span.start, span.end, label=labels[k], span_id=span.id_)
        )
        fixed.append(new)
        mentions.append(
            EntityMention(
                text=new.text,
                label=labels[k],
                start=new.start_char,
                end=new.end_char,
                sentence=max(0, bisect.bisect_right(sent_starts, new.start) - 1),
                entity_id=ids[k],
                canonical=canon[k],
            )
        )
    return fixed, tuple(mentions)


def _cluster_label(
    spans: Sequence[Span],
    members: list[int],
    best: int,
    surname_linked: set[int],
    sure_label: str | None,
) -> str:
    """The majority label, after the evidence has spoken.

    Textual evidence ("présidente de X", "l'association X") turns the model's PER votes
    into ``sure_label``; a surname joined to a full name makes the cluster PER.
    """
    if sure_label is None and any(k in surname_linked for k in members):
        return "PER"

    def vote(k: int) -> str:
        label = spans[k].label_
        return sure_label if sure_label and label == "PER" else label

    votes = Counter(vote(k) for k in members)
    top = max(votes.values())
    if votes[vote(best)] == top:
        return vote(best)
    return min(label for label, count in votes.items() if count == top)


def _link_surnames(spans: Sequence[Span], uf: _UnionFind) -> set[int]:
    """ "Wahl" / "M. Wahl" joins "Philippe Wahl" (the closest full name before it).

    Returns:
        The indices of the mentions joined to a full name.
    """
    full: dict[str, list[int]] = {}
    for k, span in enumerate(spans):
        words = [t.text for t in span if not t.is_space]
        if span.label_ == "PER" and len(words) >= 2:
            for n_last in (1, 2):
                if len(words) > n_last:
                    full.setdefault(_norm(" ".join(words[-n_last:])), []).append(k)
    linked: set[int] = set()
    if not full:
        return linked
    for k, span in enumerate(spans):
        words = [t.text for t in span if not t.is_space]
        if len(words) > 2 or span.label_ not in NE_LABELS:
            continue
        candidates = full.get(_norm(" ".join(words)))
        if not candidates:
            continue
        targets = {_norm(spans[c].text) for c in candidates}
        if len(targets) > 1:
            before = [c for c in candidates if c < k]
            candidates = before[-1:] or candidates[:1]
        uf.union(candidates[0], k)
        linked.add(k)
    return linked


# --- spaCy components -----------------------------------------------------------------


class EntityFixer:
    """The ``fr_entity_fixes`` component: corrected ``doc.ents`` and ``doc._.entities``."""

    def __init__(
        self,
        name: str,
        rules: EntityRules,
        *,
        remove_junk: bool = True,
        fix_boundaries: bool = True,
        fix_labels: bool = True,
        link_acronyms: bool = True,
        cluster: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.rules = rules
        self.options = {
            "remove_junk": remove_junk,
            "fix_boundaries": fix_boundaries,
            "fix_labels": fix_labels,
            "link_acronyms": link_acronyms,
        }
        self.cluster = cluster

    def __call__(self, doc: Doc) -> Doc:
        """Correct, cluster and store the entities of ``doc``."""
        spans, links, certain = fix_entities(doc, self.rules, **self.options)
        if self.cluster:
            fixed, mentions = cluster_mentions(doc, spans, links, self.rules, certain=certain)
        else:
            fixed, mentions = cluster_mentions(doc, spans, (), self.rules)
            fixed = spans
        doc.set_ents(fixed, default="outside")
        doc._.entities = mentions
        return doc


@Language.factory(
    "fr_entity_fixes",
    default_config={
        "rules_path": None,
        "remove_junk": True,
        "fix_boundaries": True,
        "fix_labels": True,
        "link_acronyms": True,
        "cluster": True,
    },
)
def make_entity_fixes(
    nlp: Language,
    name: str,
    rules_path: str | None = None,
    remove_junk: bool = True,
    fix_boundaries: bool = True,
    fix_labels: bool = True,
    link_acronyms: bool = True,
    cluster: bool = True,
) -> EntityFixer:
    """Build the entity-correction component (add it with ``after="ner"``).

    Args:
        nlp: the pipeline.
        name: the component name.
        rules_path: a JSON file of word lists replacing the packaged ``entities_rules.json``.
        remove_junk: drop generic words, navigation lines, titles and demonyms.
        fix_boundaries: trim determiners and titles, extend generic heads.
        fix_labels: relabel public bodies, legal forms, appositions (ORG) and events.
        link_acronyms: join acronyms and expansions into one entity.
        cluster: cluster mentions within the article (``entity_id``, ``canonical``).

    Returns:
        The component.
    """
    register_extensions()
    rules = EntityRules.load(Path(rules_path)) if rules_path else default_rules()
    return EntityFixer(
        name,
        rules,
        remove_junk=remove_junk,
        fix_boundaries=fix_boundaries,
        fix_labels=fix_labels,
        link_acronyms=link_acronyms,
        cluster=cluster,
    )


def read_gazetteer(path: Path) -> list[dict[str, Any]]:
    """Turn a gazetteer JSONL into SpanRuler patterns.

    Args:
        path: one ``{"name", "label", "aliases": [...]}`` object a line.

    Returns:
        Phrase patterns (name and aliases) whose ``id`` is the entry's name.

    Raises:
        GazetteerError: the file is missing or a line is malformed.
    """
    if not path.is_file():
        raise GazetteerError(f"gazetteer not found: {path}")
    patterns: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                name, label = str(entry["name"]).strip(), str(entry["label"]).strip()
                aliases = [str(a).strip() for a in entry.get("aliases", ())]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GazetteerError(f"{path}:{number}: bad gazetteer line ({exc})") from exc
            if not name or not label:
                raise GazetteerError(f"{path}:{number}: empty name or label")
            for text in dict.fromkeys([name, *aliases]):
                if text:
                    patterns.append({"label": label, "pattern": text, "id": name})
    return patterns


@Language.factory("fr_entity_gazetteer", default_config={"path": None})
def make_entity_gazetteer(nlp: Language, name: str, path: str | None = None) -> SpanRuler:
    """Build the gazetteer component (add it with ``before="ner"``).

    Gazetteer matches become ``doc.ents`` before the model runs, so the model keeps them
    and predicts around them; ``fr_entity_fixes`` leaves them untouched and uses the
    entry's name as the canonical name of all its aliases.

    Args:
        nlp: the pipeline.
        name: the component name.
        path: the gazetteer JSONL (an empty ruler when None).

    Returns:
        A :class:`~spacy.pipeline.SpanRuler` writing ``doc.ents``.

    Raises:
        GazetteerError: the file is missing or malformed.
    """
    register_extensions()
    ruler = SpanRuler(nlp, name, spans_key=None, annotate_ents=True, overwrite=False)
    if path is not None:
        patterns = read_gazetteer(Path(path))
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(patterns)
        logger.info("gazetteer %s: %d patterns", path, len(patterns))
    return ruler


# --- corpus aggregation ---------------------------------------------------------------


@dataclass(slots=True)
class _EntityStats:
    canonical: str
    label: str
    aliases: set[str] = field(default_factory=set)
    n_documents: int = 0
    n_mentions: int = 0
    first_published: str | None = None
    last_published: str | None = None


@dataclass(slots=True)
class _PairStats:
    n_documents: int = 0
    n_cooccurrences: int = 0


class EntityIndex:
    """Corpus-wide entity and co-occurrence tables, built one document record at a time.

    Memory grows with the number of distinct entities and pairs, not with documents.
    Two entities co-occur in a document when both are mentioned in it; ``n_cooccurrences``
    counts the sentences where both appear (summed over documents).
    """

    def __init__(self) -> None:
        self._entities: dict[str, _EntityStats] = {}
        self._pairs: dict[tuple[str, str], _PairStats] = {}
        self.n_documents = 0

    def add(self, record: DocumentRecord) -> None:
        """Count one document's entity mentions.

        Args:
            record: a document record whose mentions carry ``entity_id``.
        """
        self._add(
            record.published,
            ((m.entity_id, m.canonical, m.text, m.label, m.sentence) for m in record.entities),
        )

    def add_dict(self, record: dict[str, Any]) -> None:
        """:meth:`add` for a ``documents.jsonl`` record read back as a dict (the export
        path of both engines: no record objects rebuilt)."""
        self._add(
            record.get("published"),
            (
                (m.get("entity_id"), m.get("canonical"), m["text"], m["label"], m["sentence"])
                for m in record.get("entities", ())
            ),
        )

    def _add(
        self,
        published: str | None,
        mentions: Iterable[tuple[str | None, str | None, str, str, int]],
    ) -> None:
        self.n_documents += 1
        sentences: dict[str, set[int]] = {}
        for entity_id, canonical, text, label, sentence in mentions:
            if entity_id is None:
                continue
            stats = self._entities.get(entity_id)
            if stats is None:
                stats = _EntityStats(canonical=canonical or text, label=label)
                self._entities[entity_id] = stats
            stats.aliases.add(" ".join(text.split()))
            stats.n_mentions += 1
            sentences.setdefault(entity_id, set()).add(sentence)
        for eid in sentences:
            stats = self._entities[eid]
            stats.n_documents += 1
            if published:
                if stats.first_published is None or published < stats.first_published:
                    stats.first_published = published
                if stats.last_published is None or published > stats.last_published:
                    stats.last_published = published
        for a, b in combinations(sorted(sentences), 2):
            pair = self._pairs.setdefault((a, b), _PairStats())
            pair.n_documents += 1
            pair.n_cooccurrences += len(sentences[a] & sentences[b])

    def update(self, records: Iterable[DocumentRecord]) -> EntityIndex:
        """Add many records; returns self."""
        for record in records:
            self.add(record)
        return self

    def entity_rows(self) -> list[dict[str, Any]]:
        """One row per entity, most documents first (ties by canonical name).

        Returns:
            Dicts with entity_id, canonical, label, aliases (sorted list), n_documents,
            n_mentions, first_published, last_published.
        """
        items = sorted(
            self._entities.items(),
            key=lambda kv: (-kv[1].n_documents, -kv[1].n_mentions, kv[1].canonical, kv[0]),
        )
        return [
            {
                "entity_id": eid,
                "canonical": s.canonical,
                "label": s.label,
                "aliases": sorted(s.aliases),
                "n_documents": s.n_documents,
                "n_mentions": s.n_mentions,
                "first_published": s.first_published,
                "last_published": s.last_published,
            }
            for eid, s in items
        ]

    def cooccurrence_rows(self) -> list[dict[str, Any]]:
        """One row per pair of entities mentioned in the same document (a < b by id).

        Returns:
            Dicts with entity_id_a, entity_id_b, canonical_a, canonical_b, label_a,
            label_b, n_documents, n_cooccurrences.
        """
        pairs = sorted(
            self._pairs.items(),
            key=lambda kv: (-kv[1].n_documents, -kv[1].n_cooccurrences, kv[0]),
        )
        rows: list[dict[str, Any]] = []
        for (a, b), p in pairs:
            sa, sb = self._entities[a], self._entities[b]
            rows.append(
                {
                    "entity_id_a": a,
                    "entity_id_b": b,
                    "canonical_a": sa.canonical,
                    "canonical_b": sb.canonical,
                    "label_a": sa.label,
                    "label_b": sb.label,
                    "n_documents": p.n_documents,
                    "n_cooccurrences": p.n_cooccurrences,
                }
            )
        return rows


__all__ = [
    "EntityFixer",
    "EntityIndex",
    "EntityRules",
    "FixedEntities",
    "GazetteerError",
    "cluster_mentions",
    "default_rules",
    "entity_id",
    "fix_entities",
    "make_entity_fixes",
    "make_entity_gazetteer",
    "read_gazetteer",
]
