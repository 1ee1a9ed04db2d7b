"""Entity labels: organisations, events and ministries, from the words around a name.

The model's label is corrected when the text gives evidence: a head noun or a legal form
("Métropole", "SAS"), a trigger before the name ("l'association X"), a role ("présidente
de X"), an apposition ("X, un incubateur"), a portfolio ("ministre de l'Intérieur"), a
competition ("championne du monde d'X"). A label set on evidence is marked certain.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.entities.candidates import (
    Candidate,
    in_compound,
    is_cap,
    name_key,
    sentence_start,
    word_ending_at,
)
from pipeline.entities.context import (
    add_appositions,
    after_org_preposition,
    join_legal_forms,
    join_name_ends,
)
from pipeline.entities.rules import EntityRules
from pipeline.nlp.text import doc_words

#: the rule families of :func:`relabel`, in their order (``fix_entities(without=...)``):
#: the names each one adds, then the labels from the words around every name
LABEL_STEPS: tuple[str, ...] = (
    "portfolios",
    "appositions",
    "legal_forms",
    "name_ends",
    "trigger_names",
    "label_rules",
)


def relabel(
    doc: Doc, ents: list[Candidate], rules: EntityRules, *, without: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Add the portfolios and appositions, then fix the label of every candidate.

    Args:
        doc: the doc.
        ents: candidates sorted by start (protected ones keep their label).
        rules: the word lists.
        without: the families of :data:`LABEL_STEPS` left out.

    Returns:
        The candidates, with the added ones, sorted by start.
    """
    steps = (
        ("portfolios", _add_portfolios),
        ("appositions", add_appositions),
        ("legal_forms", join_legal_forms),
        ("name_ends", join_name_ends),
        ("trigger_names", _add_trigger_names),
    )
    for family, step in steps:
        if family not in without:
            ents = step(doc, ents, rules)
    if "label_rules" in without:
        return ents
    for ent in ents:
        if not ent.protected:
            _fix_label(doc, ent, rules)
            _absorb_trigger(doc, ent, rules)
            _absorb_nationality(doc, ent, rules)
    return ents


def _absorb_nationality(doc: Doc, ent: Candidate, rules: EntityRules) -> None:
    """ "Croix-Rouge" + "française": a nationality right after an organisation is its own.

    Only when the adjective agrees with the name's first word in gender and number
    ("des Nations unies sud-coréen" qualifies someone else).
    """
    if (
        ent.label == "ORG"
        and ent.end < len(doc)
        and doc[ent.end].is_lower
        and doc[ent.end].lower_ in rules.demonyms
        and doc[ent.end - 1].whitespace_
        and _agree(doc[ent.start], doc[ent.end])
    ):
        ent.end += 1


def _agree(a: Token, b: Token) -> bool:
    """Both words carry the same gender and number."""
    features = ("Gender", "Number")
    return all(a.morph.get(f, []) and a.morph.get(f, []) == b.morph.get(f, []) for f in features)


def _fix_label(doc: Doc, ent: Candidate, rules: EntityRules) -> None:
    """Set the label from the rules below; evidence from the context makes it certain."""
    label = _fixed_label(doc, ent, rules)
    if label == "ORG" and _preceded_by_trigger(doc, ent.start, rules):
        ent.certain = True
    if label != ent.label:
        ent.not_person = ent.label == "PER" and label == "ORG" and _role_of(doc, ent.start, rules)
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
    return word_ending_at(doc, j) in rules.role_words


def _member_of_body(doc: Doc, ent: Candidate, rules: EntityRules) -> bool:
    """ "le secrétaire du parti Jean Dupont": a full name after a position held in a body.

    The name is the position holder's; a one-word PER stays open to the organisation
    noun ("l'équipe Lumeo").
    """
    j = ent.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if ent.end - ent.start < 2 or j < 2 or not doc[j].is_lower:
        return False
    j -= 1  # the organisation noun
    if doc[j].lower_ in {"la", "l'", "l’"}:
        j -= 1
    if j < 1 or doc[j].lower_ not in {"de", "d'", "d’", "du", "des"}:
        return False
    j -= 1
    if doc[j].is_lower and doc[j].pos_ == "ADJ" and j > 0:
        j -= 1  # "secrétaire général du parti"
    return word_ending_at(doc, j) in rules.member_roles


def _fixed_label(doc: Doc, ent: Candidate, rules: EntityRules) -> str:
    """ORG for public bodies, legal forms and organisation appositions; EVENT for events."""
    label = _organisation_label(doc, ent, rules)
    if label in {"ORG", "MISC"} and _after_event_trigger(doc, ent.start, rules):
        return "EVENT"  # "championne du monde d'Ironman", "le circuit WTS"
    return label


def _organisation_label(doc: Doc, ent: Candidate, rules: EntityRules) -> str:
    span = doc[ent.start : ent.end]
    label = ent.label
    if label == "MISC" and (
        span[0].text in rules.event_heads_cased
        or name_key(span[:2].text).title() in rules.event_heads_cased
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
    if (
        label in {"LOC", "MISC"} or (label == "PER" and not _member_of_body(doc, ent, rules))
    ) and _preceded_by_trigger(doc, ent.start, rules):
        return "ORG"  # "l'association X", "la start-up lilloise X"
    if (
        label in {"LOC", "MISC"} or (label == "PER" and len(span) == 1)
    ) and _preceded_by_trigger(doc, ent.start, rules, rules.org_cues):
        return "ORG"  # "l'aquaculteur Fjordlaks"; "le spécialiste Jean Dupont" is a person
    if (
        label in {"LOC", "MISC"} or (label == "PER" and len(span) == 1)
    ) and after_org_preposition(doc, ent.start, rules):
        return "ORG"  # "chez X", "auprès de X"; "chez Marie Dupont" is a person
    if label in {"LOC", "MISC", "PER"} and name_key(span.text) in rules.org_metonyms:
        return "ORG"  # "le Pentagone a affirmé"
    if label in {"PER", "MISC"} and _role_of(doc, ent.start, rules):
        return "ORG"  # a person or a thing is no one's employer: "présidente de Lumeo"
    return label


_ORG_ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý]{3,6}$")
#: a well-formed roman numeral ("XIV"), not any word of its letters ("CICV", "CIC")
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


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


def _absorb_trigger(doc: Doc, ent: Candidate, rules: EntityRules) -> None:
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


def _preceded_by_trigger(
    doc: Doc, i: int, rules: EntityRules, nouns: frozenset[str] | None = None
) -> bool:
    """ "l'association X", "comité stratégique « X »": an organisation noun right before.

    ``nouns`` replaces ``org_triggers`` (the weaker ``org_cues``: "l'aquaculteur X").
    """
    nouns = rules.org_triggers if nouns is None else nouns
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
                and not _is_trigger(doc[j], nouns)
                # "la jeune entreprise brestoise X": adjectives only, when tagged
                and (doc[j].pos_ == "ADJ" or not doc.has_annotation("POS"))
            )
        )
    ):
        j -= 1
        skipped += 1
    if j >= 0 and _is_trigger(doc[j], nouns):
        return True
    return _trigger_with_complement(doc, before_name, rules, nouns)


def _add_trigger_names(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "le fonds Nord Création": capitalised words right after an organisation noun.

    The name the model missed after a trigger ("l'association", "le fonds") is the run
    of capitalised words that follows it (1-5 tokens, "&" and hyphens inside), mid-sentence.
    """
    covered = {i for e in ents for i in range(e.start, e.end)}
    by_start = {e.start: e for e in ents}
    added: list[Candidate] = []
    nouns = rules.org_triggers
    # "start-up" ends with the token "up": the last pieces of hyphenated triggers
    pieces = {w.rsplit("-", 1)[1] for w in nouns if "-" in w}
    for i, lower in enumerate(doc_words(doc)[1][:-1]):
        if not (lower in nouns or lower in pieces or lower.removesuffix("s") in nouns):
            continue  # a string test first: most tokens are no trigger
        tok = doc[i]
        if not tok.is_lower or not _is_trigger(tok, nouns):
            continue  # "CLUB DU TROISIEME AGE": a heading in capitals
        j = i + 1
        if not is_cap(doc[j]) or doc[j].is_punct or sentence_start(doc, j):
            continue
        ent = by_start.get(j)
        if ent is not None:
            # "le fonds" + "Nord" (LOC) + "Création": the name goes on
            if not ent.protected:
                ent.end = _capitalised_end(doc, ent.end, covered, ent.start + 5)
            continue
        if j in covered:
            continue
        end = _capitalised_end(doc, j, covered, j + 5)
        if end > j:
            added.append(Candidate(j, end, "ORG", certain=True))
            covered.update(range(j, end))
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents


def _capitalised_end(doc: Doc, end: int, covered: set[int], limit: int) -> int:
    """End of the capitalised words (with "&" and hyphens) from ``end``, up to ``limit``."""
    start = end
    while end < min(len(doc), limit) and end not in covered and (
        is_cap(doc[end]) or doc[end].text in {"&", "-"} or in_compound(doc, end)
    ):
        end += 1
    while end > start and not doc[end - 1].is_alpha:
        end -= 1
    return end


def _is_trigger(tok: Token, nouns: frozenset[str]) -> bool:
    word = word_ending_at(tok.doc, tok.i)
    for elided in ("l'", "l’", "d'", "d’"):
        word = word.removeprefix(elided)
    # "les firmes X et Y": a plural trigger; "la PME X": an acronym noun
    return (tok.is_lower or tok.is_upper) and (word in nouns or word.removesuffix("s") in nouns)


#: prepositions inside the complement of a trigger noun ("chaîne d'information en continu")
_TRIGGER_COMPLEMENT_LINKS = frozenset({"de", "d'", "d’", "en"})
_TRIGGER_COMPLEMENT_STOP_POS = frozenset(
    {"VERB", "AUX", "PRON", "DET", "CCONJ", "SCONJ", "PUNCT", "NUM", "PROPN", "SPACE"}
)


def _trigger_with_complement(doc: Doc, j: int, rules: EntityRules, nouns: frozenset[str]) -> bool:
    """ "l'agence de presse X", "le négociant en vins X": a trigger and its complement.

    ``j`` is the last token before the name (after quotes); up to four lower-case words
    and the prepositions "de"/"en" may separate the trigger (one of ``nouns``) from the
    name, provided the word right after the trigger is "de" or "en".
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
        if _is_trigger(tok, nouns):
            return words > 1 and doc[j + 1].lower_ in _TRIGGER_COMPLEMENT_LINKS
        if tok.lower_ in rules.function_words and tok.lower_ not in _TRIGGER_COMPLEMENT_LINKS:
            return False
        words += 1
        j -= 1
    return False


def _add_portfolios(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
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
        ents.append(Candidate(start, end, "ORG", certain=True))
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
            in_compound(doc, end)  # "Outre-Mer" split by the tokenizer
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
