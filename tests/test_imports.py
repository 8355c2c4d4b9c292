"""No import cycles in newsgraph, counting imports inside functions too.

A function-level import can hold a cycle apart at run time, but the two
modules still depend on each other; a shared third module is the fix.
Imports under `if TYPE_CHECKING:` are not run and are not counted.
"""
from __future__ import annotations

import ast
from pathlib import Path

import newsgraph

ROOT = Path(newsgraph.__file__).parent


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def _targets(module: str, package: bool, node: ast.AST, known: dict) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = module.split(".") if package else module.split(".")[:-1]
    base = base[: len(base) - node.level + 1] if node.level else []
    target = ".".join(base + ([node.module] if node.module else []))
    submodules = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
    # "from . import x" of submodules only needs the package, which is already being imported
    return submodules if len(submodules) == len(node.names) else [target, *submodules]


def _imports(tree: ast.AST):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _imports(node)


def import_graph() -> dict[str, set[str]]:
    known = _modules()
    graph = {}
    for module, (path, package) in known.items():
        nodes = _imports(ast.parse(path.read_text(encoding="utf-8")))
        graph[module] = {t for n in nodes for t in _targets(module, package, n, known) if t in known and t != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that reach one another (strongly connected, more than one)."""
    reach = {m: _reachable(graph, m) for m in graph}
    groups = {frozenset(n for n in reach[m] if m in reach[n]) | {m} for m in graph}
    return sorted(sorted(g) for g in groups if len(g) > 1)


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_no_import_cycles():
    graph = import_graph()
    assert len(graph) > 50 and {"newsgraph.stages", "newsgraph.parallel"} <= graph["newsgraph.pipeline"]
    assert cycles(graph) == []


def test_the_checker_finds_a_cycle_and_a_function_level_import():
    tree = ast.parse("def f():\n    from .b import x\nif TYPE_CHECKING:\n    from .c import y\n")
    assert [n.module for n in _imports(tree)] == ["b"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
