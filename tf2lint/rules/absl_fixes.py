"""Unsafe fixes moving `tf.logging`, `tf.flags`, `tf.app.flags` and `tf.app.run` to absl.

The reference's TensorFlow module part is replaced by the absl module (`tf.logging.info` ->
`logging.info`) and `from absl import logging` is added once per file. Where the file binds
that name to something else (`import logging`, `flags = tf.app.flags`), the absl module is
imported under another name (`from absl import logging as absl_logging`). Uses through a
user's own alias are fixed where the alias is bound. Unsafe: absl's log levels are other
numbers than Python's (`tf.logging.INFO` is 20, `absl.logging.INFO` is 0), absl logs through
its own handler, and `absl.app.run` rejects flags that no module defines, which
`tf.app.run` tolerated.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import TYPE_CHECKING, FrozenSet, Optional, Tuple

from tf2lint.data.symbols import ABSL_MOVES
from tf2lint.finding import Applicability, Edit, Fix, Position
from tf2lint.names import TFRef

if TYPE_CHECKING:
    from tf2lint.context import Context


def _bound_names(tree: ast.Module) -> FrozenSet[Tuple[str, bool]]:
    """(name, bound by `from absl import name`) for every name the file binds."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            out.add((node.id, False))
        elif isinstance(node, ast.arg):
            out.add((node.arg, False))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add((node.name, False))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            absl = isinstance(node, ast.ImportFrom) and node.module == "absl" and node.level == 0
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                out.add((bound, absl and alias.asname is None))
    return frozenset(out)


@lru_cache(maxsize=8)
def _bindings(tree: ast.Module) -> FrozenSet[Tuple[str, bool]]:
    return _bound_names(tree)


def absl_name(module: str, ctx: Context) -> Tuple[str, str]:
    """(the name the absl module is used under, the import statement)."""
    bound = _bindings(ctx.tree) if ctx.tree is not None else frozenset()
    if (module, False) in bound:
        alias = f"absl_{module}"
        return alias, f"from absl import {module} as {alias}"
    return module, f"from absl import {module}"


def _module_node(node: ast.AST, module: str, ctx: Context) -> Optional[ast.AST]:
    """The part of a reference chain that names the TensorFlow module itself."""
    current: ast.AST = node
    while True:
        ref = ctx.resolve(current)
        if ref is not None and not ref.instance and ref.name == module:
            return current
        if not isinstance(current, ast.Attribute):
            return None
        current = current.value


def _defines_main(ctx: Context) -> bool:
    body = ctx.tree.body if ctx.tree is not None else []
    return any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == "main" for s in body)


def absl_fix(node: ast.AST, ref: TFRef, module: str, ctx: Context) -> Optional[Tuple[str, Fix]]:
    """(the code shown, the unsafe fix) for a reference into a TF module that moved to absl."""
    move = ABSL_MOVES.get(module)
    if move is None:
        return None
    if isinstance(node, ast.alias):
        return _import_fix(node, ref, module, move.module, ctx)
    if ref.private or isinstance(node, (ast.Import, ast.ImportFrom)):
        return None
    member = ref.name[len(module) + 1 :].split(".")[0]
    if member and (member in move.missing or (move.members is not None and member not in move.members)):
        return None
    target = _module_node(node, module, ctx)
    if target is None or isinstance(target, ast.Name) or not hasattr(target, "lineno"):
        return None  # through the user's own alias: fixed where the alias is bound
    name, statement = absl_name(move.module, ctx)
    edits = [ctx.edit(target, name)]
    shown = name + ctx.source_of(node)[len(ctx.source_of(target)) :]
    call = ctx.call_of.get(id(node))
    if module == "app" and member == "run" and call is not None and call.func is node:
        if not call.args and not any(kw.arg == "main" for kw in call.keywords):
            if not _defines_main(ctx) or call.keywords:
                return None  # TF's run found `main` in `__main__`; absl's needs it passed
            end = ctx.node_span(call)[1]
            before_paren = Position(end.row, end.col - 1)
            edits.append(Edit(before_paren, before_paren, "main"))
            shown += "(main)"
    imported = ctx.import_edit(statement)
    if imported is not None:
        edits.append(imported)
    text = f"`{shown}` with `{statement}`"
    return text, Fix(Applicability.UNSAFE.value, tuple(edits), f"Use absl's `{move.module}`")


def _import_fix(node: ast.alias, ref: TFRef, module: str, absl_module: str, ctx: Context) -> Optional[Tuple[str, Fix]]:
    """`from tensorflow import flags` -> `from absl import flags`: the module itself imported
    alone; the name it binds stays, so its uses need no edit."""
    if ref.name != module or ctx.tree is None:
        return None
    statement = next(
        (s for s in ast.walk(ctx.tree) if isinstance(s, ast.ImportFrom) and any(a is node for a in s.names)), None
    )
    if statement is None or len(statement.names) != 1:
        return None
    bound = node.asname or node.name
    text = f"from absl import {absl_module}" + (f" as {bound}" if bound != absl_module else "")
    fix = Fix(Applicability.UNSAFE.value, (ctx.edit(statement, text),), f"Import absl's `{absl_module}`")
    return f"`{text}`", fix
