"""The layers of cvfilter point one way, and no module imports itself round a circle.

Every import counts: at the top of a module, inside a function (a lazy import hides a cycle from
Python, not from a reader), under `if TYPE_CHECKING:`, and the edge modules that the format
registry and the pandoc-writer table load by name. A module not placed in a layer fails the test,
so a new module is placed on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

from cvfilter.formats import finishing
from cvfilter.formats.registry import FORMATS

PACKAGE = Path(__file__).resolve().parents[2] / "filters" / "cvfilter"

# Top to bottom. A module may import from its own layer and from any layer below it. Within a layer
# of several groups, a group may not import another (macros and formats know nothing of each other).
# A name is a module or a package (with all it holds, unless a longer name places a module elsewhere).
LAYERS: list[tuple[tuple[str, ...], ...]] = [
    (("cli", "filter"),),
    (("watch", "serve", "preview", "check", "typst_cli", "stats.command", "works.command", "importers", "starter",
      "ci_template", "schema", "report", "ats.command"),),
    (("build",),),
    (("writing", "warmer"),),
    (("pipeline",),),
    (("macros",), ("formats",), ("ats",)),
    (("safety", "raw_policy"),),  # what a link, a raw block or an image may be: the pipeline and the HTML edge ask
    (("bibliography",), ("stats",), ("works",)),
    (("context",),),
    (("config",),),
    (("data", "bibliography.reader", "bibliography.entries", "bibliography.stored", "bibliography.names",
      "bibliography.inherit", "bibliography.latex", "stats.cache", "source", "labels", "elements", "locate", "translations", "design", "themes"),),
    (("", "errors", "cache", "files", "forking", "walk", "numbers", "assets", "pandoc", "clock", "document", "cldr",
      "words", "web", "textfile", "home", "_version",
      "script_fonts", "fonts"),),
]


def module_names() -> dict[str, Path]:
    """Every module of the package, by dotted name below `cvfilter` ("" is the package itself)."""
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports, anywhere in its code."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    package = [part for part in package if part]
    found: set[str] = set()

    def add(target: str) -> None:
        while target not in known and "." in target:
            target = target.rsplit(".", 1)[0]
        if target in known and target != name:
            found.add(target)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "cvfilter" or alias.name.startswith("cvfilter."):
                    add(alias.name.removeprefix("cvfilter").lstrip("."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and (node.module == "cvfilter" or node.module.startswith("cvfilter.")):
                module = node.module.removeprefix("cvfilter").lstrip(".")
            else:
                continue
            for alias in node.names:
                add(f"{module}.{alias.name}".lstrip("."))
            add(module)
    return found


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    graph = {name: imports_of(name, path, set(names)) for name, path in names.items()}
    # Loaded by name (importlib), so not in the source as an import: the edges the tables name.
    graph["formats.registry"] |= {f"formats.{fmt.module}" for fmt in FORMATS.values()}
    graph["formats.finishing"] |= {f"formats.{edge}" for edge in {*finishing._EDGES.values(), "plain"}}
    return graph


def place(name: str) -> tuple[int, int]:
    """(layer, group) of a module: the longest name in LAYERS that is it or holds it."""
    best: tuple[int, int, int] | None = None
    for layer, groups in enumerate(LAYERS):
        for group, members in enumerate(groups):
            for member in members:
                if member == "" or name == member or name.startswith(member + "."):
                    if best is None or len(member) > best[0]:
                        best = (len(member), layer, group)
    if best is None or (best[0] == 0 and name != ""):
        raise LookupError(name)
    return best[1], best[2]


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    wrong = []
    for name, targets in sorted(graph.items()):
        layer, group = place(name)
        for target in sorted(targets):
            to_layer, to_group = place(target)
            if to_layer < layer or (to_layer == layer and to_group != group):
                wrong.append(f"cvfilter.{name} (layer {layer}) imports cvfilter.{target} (layer {to_layer})")
    return wrong


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer() -> None:
    unplaced = []
    for name in module_names():
        try:
            place(name)
        except LookupError:
            unplaced.append(f"cvfilter.{name}")
    assert not unplaced, f"add these to LAYERS in {Path(__file__).name}: {', '.join(sorted(unplaced))}"


def test_imports_only_point_down() -> None:
    wrong = upward_imports(import_graph())
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_the_checks_see_lazy_and_upward_imports(tmp_path: Path) -> None:
    """The test itself: an import inside a function is seen, and one pointing up is refused."""
    module = tmp_path / "context.py"
    module.write_text("def later():\n    from .build import build\n    return build\n", encoding="utf-8")
    graph = {"context": imports_of("context", module, {"context", "build"}), "build": {"context"}}
    assert graph["context"] == {"build"}
    low, high = place("context")[0], place("build")[0]
    assert upward_imports(graph) == [f"cvfilter.context (layer {low}) imports cvfilter.build (layer {high})"]
    assert cycles(graph) == [["build", "context"]]
