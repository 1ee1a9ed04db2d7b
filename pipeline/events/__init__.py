"""Events: what happened or is planned, when, where, who, how many.

:func:`find_events` reads a parsed ``Doc`` (dependencies, lemmas, entities) plus the
date mentions of the dates component (``doc._.dates``) and returns one
:class:`~pipeline.records.Event` per real-world event of the article.

How it works, per sentence:

1. *Triggers* are lemmas from ``resources/events_fr.json`` (nominal "la venue",
   verbal "a visité", multiword "levée de fonds"). A nominal trigger governed by a
   support verb ("a conclu un partenariat", "la rencontre aura lieu") or modified by
   one ("une rencontre organisée") is one mention; a noun that is counted ("une
   quarantaine de rendez-vous") is a quantity, not an event.
2. The sentence is cut into one *segment* per mention (from the mention's phrase to
   the next mention's): the parser often attaches dates and names to the wrong head
   in long French sentences, while the linear order of a press sentence is reliable.
3. In its segment a mention takes its date, participants (named entities, and the
   items of an "avec …" list), location ("à/au/dans" + place), name (MISC entity or
   short quoted name) and quantities (those governed by the trigger or its verb).
4. A date of the sentence that no trigger took and that the parse attaches to a verb
   (not a verb of state, a measure, a negation; not "depuis/jusqu'à/d'ici" + date) makes
   that verb's clause an event of its own, of type ``other`` unless its arguments say
   more ("arrivée à la tête du lieu en 2020": an appointment).
5. Status comes from tense, mood and cue words; when the verb gives nothing the
   date is compared with the publication date.

Mentions of one real-world event are then merged inside the article: same type and
compatible dates (one may be a prefix of the other: "décembre 2014" and
"11 décembre 2014"), or an undated anaphoric mention ("cette rencontre") with the
last event of its type. Every mention's evidence span is kept.

The modules follow those steps: :mod:`~pipeline.events.lexicon` (the trigger words),
:mod:`~pipeline.events.triggers` (1, 2), :mod:`~pipeline.events.arguments` and
:mod:`~pipeline.events.participants` (3), :mod:`~pipeline.events.clauses` (4),
:mod:`~pipeline.events.status` (5),
:mod:`~pipeline.events.merging` (the merge and the records), with the shared
:mod:`~pipeline.events.mention` and :mod:`~pipeline.events.grammar`;
:mod:`~pipeline.events.extraction` runs them (:func:`find_events`) and
:mod:`~pipeline.events.component` is the spaCy component.
"""

from pipeline.events.component import EventsComponent, make_events_component
from pipeline.events.extraction import find_events
from pipeline.events.lexicon import EventLexicon, load_lexicon

__all__ = [
    "EventLexicon",
    "EventsComponent",
    "find_events",
    "load_lexicon",
    "make_events_component",
]
