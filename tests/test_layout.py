"""The package's shape (issue 14): stage folders, bounded modules and functions, no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
#: a function may be longer when the line above its ``def`` says why
LONG_MARK = "# long function:"

MODULES = sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules of the package imported when ``path`` is imported (not inside functions)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    known = {_module_name(p) for p in MODULES}
    for node in tree.body:
        if isinstance(node, ast.If):  # ``if TYPE_CHECKING:`` imports nothing at run time
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("pipeline"))
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layout_module_is_bounded(path: Path) -> None:
    n_lines = len(path.read_text("utf-8").splitlines())
    assert n_lines <= MAX_MODULE_LINES, f"{n_lines} lines: split it by what it does"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layout_functions_are_bounded_or_say_why(path: Path) -> None:
    lines = path.read_text("utf-8").splitlines()
    too_long = []
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            n_lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if n_lines > MAX_FUNCTION_LINES and LONG_MARK not in lines[first - 2]:
                too_long.append(f"{node.name} ({n_lines} lines)")
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines without a reason: {too_long}"


def test_layout_has_no_import_cycle() -> None:
    graph = {_module_name(p): _top_level_imports(p) for p in MODULES}
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph.get(name, ())):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path[path.index(nxt):], nxt]))
            if nxt not in state:
                visit(nxt, [*path, nxt])
        state[name] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize(("module", "forbidden"), [
    ("pipeline.runner.local", "pipeline.runner.dask_engine"),
    ("pipeline.runner.dask_engine", "pipeline.runner.local"),
    ("pipeline.runner.core", "pipeline.runner.local"),
    ("pipeline.runner.core", "pipeline.runner.dask_engine"),
    ("pipeline.cli", "pipeline.runner.core"),
    ("pipeline.cli.run", "pipeline.runner.core"),
    ("pipeline.cli.commands", "pipeline.runner.core"),
])
def test_layout_engines_only_meet_in_the_core(module: str, forbidden: str) -> None:
    path = next(p for p in MODULES if _module_name(p) == module)
    assert forbidden not in _top_level_imports(path)


@pytest.mark.parametrize("stage", ["ingest", "nlp", "entities", "dates", "events", "outputs", "runner", "resources"])
def test_layout_every_stage_is_a_folder(stage: str) -> None:
    assert (PACKAGE / stage / "__init__.py").is_file()
