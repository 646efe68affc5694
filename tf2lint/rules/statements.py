"""Fixes that delete a whole statement: a line that only runs a TF1 variable initializer.

`sess.run(tf.global_variables_initializer())`, `self.evaluate(tf.local_variables_initializer())`,
`tf.global_variables_initializer().run()` and a bare initializer call have nothing left to do in
TF2, where variables hold their value from the moment they are created. Deleting the statement
is the fix; a statement alone in its block becomes `pass`.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from tf2lint.finding import Applicability, Edit, Fix, Position

if TYPE_CHECKING:
    from tf2lint.context import Context

# Initializer ops whose run a TF2 program drops (their results are never used as values).
DELETABLE_INITIALIZERS = frozenset(
    {
        "global_variables_initializer",
        "local_variables_initializer",
        "initialize_all_variables",
        "initialize_local_variables",
        "variables_initializer",
        "initialize_variables",
        "tables_initializer",
        "initialize_all_tables",
        "initializers.global_variables",
        "initializers.local_variables",
        "initializers.variables",
        "initializers.tables_initializer",
    }
)
# Methods whose call with the initializer as its only argument just runs it.
_RUNNERS = ("run", "evaluate")
# Calls that switch a module to graph mode: there the initializer run is still needed.
_GRAPH_MODE = ("disable_v2_behavior", "disable_eager_execution")

INITIALIZER_FIX_MESSAGE = "Delete the initializer run: TF2 variables are initialized when created"


def _is_initializer(node: ast.AST, ctx: Context) -> bool:
    ref = ctx.resolve_call(node)
    return ref is not None and ref.name in DELETABLE_INITIALIZERS


def _initializer_calls(stmt: ast.Expr, ctx: Context) -> List[ast.Call]:
    """The initializer calls ``stmt`` does nothing but run; empty when it does anything else."""
    value = stmt.value
    if not isinstance(value, ast.Call):
        return []
    if _is_initializer(value, ctx):
        return [value]
    func = value.func
    if not isinstance(func, ast.Attribute) or func.attr not in _RUNNERS:
        return []
    if not value.args and not value.keywords and func.attr == "run" and _is_initializer(func.value, ctx):
        return [func.value]  # type: ignore[list-item]
    if len(value.args) != 1 or value.keywords:
        return []
    fetched = value.args[0]
    items = fetched.elts if isinstance(fetched, (ast.List, ast.Tuple)) else [fetched]
    if items and all(_is_initializer(item, ctx) for item in items):
        return list(items)  # type: ignore[arg-type]
    return []


def _graph_mode(ctx: Context) -> bool:
    if ctx.tree is None or not any(name in ctx.text for name in _GRAPH_MODE):
        return False  # the text check spares a walk of every file that never switches
    for node in ast.walk(ctx.tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in _GRAPH_MODE:
                return True
    return False


def _blocks(tree: ast.Module) -> List[List[ast.stmt]]:
    """Every statement list in the module (statements only: expressions hold none)."""
    out: List[List[ast.stmt]] = []
    pending: List[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            block = getattr(node, field, None)
            if type(block) is not list:
                continue
            if field in ("handlers", "cases"):
                pending.extend(block)
            else:
                out.append(block)
                pending.extend(block)
    return out


Located = Tuple[ast.stmt, List[ast.stmt]]  # a statement and the block holding it


def _index(ctx: Context) -> Dict[int, Located]:
    """id(initializer call, its callee or the run around it) -> the statement that only runs it
    and its block (built once per file)."""
    cached: Optional[Dict[int, Located]] = ctx.memo.get("initializer-statements")
    if cached is not None:
        return cached
    found: Dict[int, Located] = {}
    if ctx.tree is not None and not _graph_mode(ctx):
        for block in _blocks(ctx.tree):
            for stmt in block:
                if isinstance(stmt, ast.Expr):
                    for call in _initializer_calls(stmt, ctx):
                        for node_id in (id(call), id(call.func), id(stmt.value)):
                            found[node_id] = (stmt, block)
    ctx.memo["initializer-statements"] = found
    return found


def initializer_run_fix(node: ast.AST, ctx: Context) -> Optional[Fix]:
    """An unsafe fix deleting the statement that only runs the initializer ``node`` (the
    initializer call, its callee, or the run call around it); None for any other place."""
    located = _index(ctx).get(id(node))
    if located is None:
        return None
    edit = delete_statement(located[0], located[1], ctx)
    if edit is None:
        return None
    return Fix(Applicability.UNSAFE.value, (edit,), INITIALIZER_FIX_MESSAGE)


def delete_statement(stmt: ast.stmt, block: List[ast.stmt], ctx: Context) -> Optional[Edit]:
    """An edit removing ``stmt``'s lines (``pass`` when it is alone in ``block``); None when
    the statement shares a line with other code."""
    start, end = ctx.node_span(stmt)
    first = ctx.lines[start.row - 1] if start.row - 1 < len(ctx.lines) else ""
    last = ctx.lines[end.row - 1] if end.row - 1 < len(ctx.lines) else ""
    rest = last[end.col :].strip()
    if first[: start.col].strip() or (rest and not rest.startswith("#")):
        return None  # `a = 1; sess.run(init)` or `if x: sess.run(init)`
    if len(block) == 1:
        return Edit(start, end, "pass")
    return Edit(Position(start.row, 0), Position(end.row + 1, 0), "")
