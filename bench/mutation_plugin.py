"""A pytest plugin that empties one component for a whole test session (used by mutation_check.py).

Loaded with ``-p mutation_plugin`` (``bench/`` on ``PYTHONPATH``) and driven by two
environment variables:

- ``MUTATION_COMPONENT``: one of :data:`TARGETS` (``events``, ``people``, ...);
- ``MUTATION_REPORT``: a JSON file where the outcome of every test is written.

The component's function is found by its public import path (``pipeline.events.find_events``)
and its ``__code__`` is swapped for a stand-in with the same signature. The swap changes
the function object itself, so every module that imported it (the spaCy component, the
tests, a submodule after a split) sees the emptied version. The stand-ins have no closure
(a ``__code__`` swap requires the same number of free variables) and run with the original
function's globals, so they import what they need inside their body.

The report also says, per test, whether the emptied function was called during its
setup, its call, or the setup of a fixture it uses: a test that never calls it (a lexicon
or an evaluation helper in the same file) is not a test of the component.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
from collections.abc import Callable, Generator
from pathlib import Path
from types import CodeType
from typing import Any

import pytest

#: stand-ins, in the signature of the real functions; each records that it was called


def _empty_events(doc):  # type: ignore[no-untyped-def]
    from mutation_plugin import record_call

    record_call()
    return []


def _empty_people(doc):  # type: ignore[no-untyped-def]
    from mutation_plugin import record_call

    record_call()
    return []


def _empty_quotes(doc, people=None):  # type: ignore[no-untyped-def]
    from mutation_plugin import record_call

    record_call()
    return []


def _empty_dates(doc, *, published, split_ranges=False):  # type: ignore[no-untyped-def]
    from mutation_plugin import record_call

    record_call()
    return []


def _empty_quantities(span):  # type: ignore[no-untyped-def]
    from mutation_plugin import record_call

    record_call()
    return []


def _entities_as_the_model_gave_them(  # type: ignore[no-untyped-def]
    doc,
    rules=None,
    *,
    remove_junk=True,
    fix_boundaries=True,
    fix_labels=True,
    link_acronyms=True,
):
    # "switched off": the model's (and the gazetteer's) entities as they are, no links;
    # gazetteer matches stay certain, as fix_entities itself keeps them
    from mutation_plugin import record_call

    from pipeline.entities import FixedEntities

    record_call()
    spans = list(doc.ents)
    certain = {k for k, span in enumerate(spans) if span.ent_id_}
    return FixedEntities(spans, [], certain, set())


#: component -> (module, function name, stand-in, test files)
TARGETS: dict[str, tuple[str, str, Callable[..., Any], tuple[str, ...]]] = {
    "events": ("pipeline.events", "find_events", _empty_events, ("tests/test_events.py",)),
    "people": ("pipeline.people", "find_people", _empty_people, ("tests/test_people.py",)),
    "quotes": ("pipeline.people", "find_quotes", _empty_quotes, ("tests/test_people.py",)),
    "entities": (
        "pipeline.entities",
        "fix_entities",
        _entities_as_the_model_gave_them,
        ("tests/test_entities.py",),
    ),
    "dates": ("pipeline.dates", "find_dates", _empty_dates, ("tests/test_dates.py",)),
    "quantities": (
        "pipeline.quantities",
        "find_quantities",
        _empty_quantities,
        ("tests/test_quantities.py",),
    ),
}

#: markers of tests that may pass with their component emptied
EXEMPT_MARKERS = ("negative", "invariant")

_calls = 0
_calling_fixtures: set[str] = set()
_results: dict[str, dict[str, Any]] = {}
_restore: tuple[Callable[..., Any], CodeType] | None = None


def record_call() -> None:
    """Count one call of the emptied function."""
    global _calls
    _calls += 1


def _shape(func: Callable[..., Any]) -> list[tuple[str, Any]]:
    return [(p.name, p.kind) for p in inspect.signature(func).parameters.values()]


def empty(component: str) -> tuple[Callable[..., Any], CodeType]:
    """Swap the component's function body for its stand-in; return what undoes it.

    Raises:
        RuntimeError: the real function's parameters differ from the stand-in's (its
            signature changed: update the stand-in).
    """
    module_name, name, stand_in, _files = TARGETS[component]
    func = getattr(importlib.import_module(module_name), name)
    func = inspect.unwrap(func)
    if _shape(func) != _shape(stand_in):
        raise RuntimeError(
            f"{module_name}.{name}{inspect.signature(func)} no longer has the stand-in's "
            f"parameters {inspect.signature(stand_in)}: update bench/mutation_plugin.py"
        )
    original = func.__code__
    func.__code__ = stand_in.__code__
    return func, original


def pytest_configure(config: pytest.Config) -> None:
    global _restore
    component = os.environ.get("MUTATION_COMPONENT")
    if component:
        _restore = empty(component)


def pytest_unconfigure(config: pytest.Config) -> None:
    global _restore
    if _restore is not None:
        func, code = _restore
        func.__code__ = code
        _restore = None
    path = os.environ.get("MUTATION_REPORT")
    if path:
        Path(path).write_text(json.dumps(_results, indent=1), encoding="utf-8")


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: pytest.FixtureRequest) -> Generator[None, None, None]:
    before = _calls
    yield
    if _calls > before:
        _calling_fixtures.add(fixturedef.argname)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    before = _calls
    yield
    entry = _results.setdefault(item.nodeid, {"outcome": "passed"})
    fixtures = set(getattr(item, "fixturenames", ()))
    entry["called"] = _calls > before or bool(fixtures & _calling_fixtures)
    entry["markers"] = sorted({m.name for m in item.iter_markers()} & set(EXEMPT_MARKERS))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    entry = _results.setdefault(report.nodeid, {"outcome": "passed"})
    if hasattr(report, "wasxfail"):
        outcome = "xfailed" if report.skipped else "xpassed"
    else:
        outcome = report.outcome
    # the first phase that did not pass decides (a setup error, a failed call, a skip)
    if entry["outcome"] == "passed" and outcome != "passed":
        entry["outcome"] = outcome
