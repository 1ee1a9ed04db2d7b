"""The custom ``Doc`` attributes our components read and write.

``doc._.published`` (ISO date string or None) is set before the pipe from the article's
metadata; each extraction component stores a tuple of records from
:mod:`pipeline.records` in its own attribute. Registering is idempotent, so every
component factory calls :func:`register_extensions` and a worker process that unpickles
the pipeline gets the same attributes.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: attribute name -> default value. Defaults are immutable so no doc shares state.
DOC_EXTENSIONS: dict[str, object] = {
    "published": None,  # str | None: the article's publication date, ISO "YYYY-MM-DD" (or "YYYY-MM", "YYYY")
    "published_inferred": None,  # str | None: the date inferred when there is none (pipeline.dates.inference)
    "entities": (),  # tuple[EntityMention, ...]: corrected, clustered mentions
    "dates": (),  # tuple[DateMention, ...]: ranges as one interval (what events read)
    "timex": (),  # tuple[DateMention, ...]: every end of a range on its own (the record's dates)
    "events": (),  # tuple[Event, ...]
    "people": (),  # tuple[Person, ...]
    "quotes": (),  # tuple[Quote, ...]
}


def register_extensions() -> None:
    """Register every pipeline ``Doc`` extension (safe to call many times)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
