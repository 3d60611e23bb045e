"""The layout reads one way: imports point down the layers, never up and never in a circle.

Every module under `app/` is parsed with `ast`; every import counts (module level, inside
functions, under `TYPE_CHECKING`). Layers, top to bottom (a module may import its own layer or
any lower one, never a higher one):

    6  app.cli                                    argparse front ends
    5  app.tools                                  evaluation, baselines, bench, load generator
    4  app.main, app.serving                      the application factory; how it is served
    3  app.api, app.web, app.batch                HTTP, the reading view, archives
    2  app.service, app.schemas                   the service core and the API's models
    1  app.pipeline, app.settings, app.errors     spaCy components; settings; domain errors

On top of the ranks: no import circle between modules (strongly connected components of the
module graph), `app.pipeline` imports nothing else from `app`, modules outside the pipeline use
only its public surface, `api` and `web` do not import each other, and no module is over 500
lines.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

APP = ROOT / "app"
MAX_LINES = 500

LAYERS: dict[str, int] = {
    "app.cli": 6,
    "app.tools": 5,
    "app.main": 4,
    "app.serving": 4,
    "app.api": 3,
    "app.web": 3,
    "app.batch": 3,
    "app.service": 2,
    "app.schemas": 2,
    "app.pipeline": 1,
    "app.settings": 1,
    "app.errors": 1,
}
# What the rest of `app` (and the tests outside tests/pipeline) may import from the pipeline.
PIPELINE_SURFACE = frozenset({"app.pipeline", "app.pipeline.extensions", "app.pipeline.types"})
# Same-layer packages that stay independent of each other.
SEPARATE_SIBLINGS = (("app.api", "app.web"),)


@dataclass(frozen=True, slots=True)
class Import:
    source: str  # importing module
    target: str  # imported module of `app`
    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.source} imports {self.target}"


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path = APP) -> dict[str, Path]:
    return {module_name(path, root.parent): path for path in sorted(root.rglob("*.py"))}


def _resolve(name: str, known: Mapping[str, Path]) -> str | None:
    """The module `name` refers to: itself, or the nearest known package above it."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(source: str, path: Path, known: Mapping[str, Path]) -> Iterator[Import]:
    """Every import of an `app` module in `path`, wherever it stands in the file."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package of `source`
                package = source.split(".")
                package = package if is_package else package[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            # `from pkg import mod` imports the module pkg.mod; `from mod import name`, mod
            names = [f"{base}.{alias.name}" for alias in node.names]
            names = [n if n in known else base for n in names]
        targets = {_resolve(n, known) for n in names if n == "app" or n.startswith("app.")}
        for target in sorted(t for t in targets if t is not None and t != source):
            yield Import(source, target, path, node.lineno)


def import_graph(root: Path = APP) -> list[Import]:
    known = modules(root)
    return [edge for name, path in known.items() for edge in imports_of(name, path, known)]


def layer(module: str) -> str | None:
    matches = [prefix for prefix in LAYERS if module == prefix or module.startswith(prefix + ".")]
    return max(matches, key=len) if matches else None


def strongly_connected(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one node (or a self-loop): the
    import circles. Iterative, so a long chain cannot hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    circles: list[list[str]] = []
    nodes = sorted(set(graph) | {m for targets in graph.values() for m in targets})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    circles.append(sorted(component))
    return sorted(circles)


# --- the cycle detector itself, on hand-made graphs ---------------------------------------------


def test_cycle_detector_finds_circles_and_only_circles() -> None:
    graph = {
        "a": ["b"],
        "b": ["c"],
        "c": ["a", "d"],  # a -> b -> c -> a
        "d": ["e"],
        "e": [],
        "f": ["f"],  # a self-loop
        "g": ["h"],
        "h": ["g"],  # g <-> h
        "i": ["a", "e"],  # points into a circle, is not in one
    }
    assert strongly_connected(graph) == [["a", "b", "c"], ["f"], ["g", "h"]]
    assert strongly_connected({"x": ["y"], "y": ["z"], "z": []}) == []
    long_chain = {str(n): [str(n + 1)] for n in range(5000)}
    assert strongly_connected(long_chain) == []
    long_chain["4999"] = ["0"]
    assert strongly_connected(long_chain) == [sorted(long_chain)]


def test_import_parser_sees_every_kind_of_import(tmp_path: Path) -> None:
    package = tmp_path / "app"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__.py", "low.py", "sub/__init__.py", "sub/mod.py", "sub/other.py"):
        (package / name).write_text("", encoding="utf-8")
    (package / "sub" / "mod.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "import app.low\n"
        "from app.sub import other\n"
        "from . import other as again\n"
        "from .. import low as low_again\n"
        "if TYPE_CHECKING:\n"
        "    from app.sub.other import Thing\n"
        "def f():\n"
        "    from app.missing.deeper import x\n",
        encoding="utf-8",
    )
    edges = {(e.source, e.target, e.line) for e in import_graph(package)}
    assert edges == {
        ("app.sub.mod", "app.low", 2),
        ("app.sub.mod", "app.sub.other", 3),
        ("app.sub.mod", "app.sub.other", 4),
        ("app.sub.mod", "app.low", 5),
        ("app.sub.mod", "app.sub.other", 7),
        ("app.sub.mod", "app", 9),  # an unknown module counts as its nearest package
    }


# --- the rules, on app/ ------------------------------------------------------------------------

MODULES = modules()
GRAPH = import_graph()


def test_every_module_has_a_layer() -> None:
    unplaced = [name for name in MODULES if name != "app" and layer(name) is None]
    assert unplaced == [], f"modules outside every layer of LAYERS: {unplaced}"


def test_the_app_package_itself_imports_nothing() -> None:
    assert [str(e) for e in GRAPH if e.source == "app"] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    upward = []
    for edge in GRAPH:
        if edge.source != module or edge.target == "app":
            continue
        source_layer, target_layer = layer(edge.source), layer(edge.target)
        assert source_layer is not None and target_layer is not None
        if LAYERS[target_layer] > LAYERS[source_layer]:
            upward.append(
                f"{edge} ({target_layer} is layer {LAYERS[target_layer]}, "
                f"above {source_layer}'s {LAYERS[source_layer]})"
            )
    assert upward == [], "upward imports:\n" + "\n".join(upward)


def test_no_import_circles() -> None:
    graph: dict[str, set[str]] = {}
    for edge in GRAPH:
        graph.setdefault(edge.source, set()).add(edge.target)
    circles = strongly_connected(graph)
    described = []
    for circle in circles:
        members = set(circle)
        edges = [str(e) for e in GRAPH if e.source in members and e.target in members]
        described.append(" <-> ".join(circle) + "\n    " + "\n    ".join(edges))
    assert circles == [], "import circles:\n" + "\n".join(described)


def test_pipeline_imports_nothing_else_from_app() -> None:
    outside = [
        str(e)
        for e in GRAPH
        if layer(e.source) == "app.pipeline" and layer(e.target) != "app.pipeline"
    ]
    assert outside == [], "the pipeline imports the rest of app:\n" + "\n".join(outside)


def test_only_the_pipeline_surface_is_used_outside_it() -> None:
    known = {**MODULES, **modules(ROOT / "tests")}
    users = [*GRAPH]
    for name, path in modules(ROOT / "tests").items():
        if not name.startswith("tests.pipeline"):
            users += imports_of(name, path, known)
    internal = [
        str(e)
        for e in users
        if layer(e.source) != "app.pipeline"
        and layer(e.target) == "app.pipeline"
        and e.target not in PIPELINE_SURFACE
    ]
    assert internal == [], "pipeline internals used outside it:\n" + "\n".join(internal)


@pytest.mark.parametrize(("one", "other"), SEPARATE_SIBLINGS)
def test_sibling_packages_stay_apart(one: str, other: str) -> None:
    crossing = [str(e) for e in GRAPH if {layer(e.source), layer(e.target)} == {one, other}]
    assert crossing == [], f"{one} and {other} import each other:\n" + "\n".join(crossing)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_at_most_500_lines(module: str) -> None:
    path = MODULES[module]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines (at most {MAX_LINES})"
