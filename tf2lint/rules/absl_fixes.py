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
import re
from typing import TYPE_CHECKING, Dict, FrozenSet, Optional, Set, Tuple

from tf2lint.data.symbols import ABSL_MOVES
from tf2lint.finding import Applicability, Edit, Fix, Position
from tf2lint.names import TFRef

if TYPE_CHECKING:
    from tf2lint.context import Context


def _attributes(ctx: Context) -> Dict[str, FrozenSet[str]]:
    """Name -> the attributes the file reads from it (one walk per file, when a fix asks)."""
    known: Optional[Dict[str, FrozenSet[str]]] = ctx.memo.get("absl.attributes")
    if known is not None:
        return known
    found: Dict[str, Set[str]] = {}
    if ctx.tree is not None:
        for node in ast.walk(ctx.tree):
            if type(node) is ast.Attribute and type(node.value) is ast.Name:  # type: ignore[attr-defined]
                found.setdefault(node.value.id, set()).add(node.attr)  # type: ignore[attr-defined]
    known = ctx.memo["absl.attributes"] = {k: frozenset(v) for k, v in found.items()}
    return known


def _binds_otherwise(name: str, ctx: Context) -> bool:
    """Whether the file binds ``name`` (in any scope) other than by `from absl import name`."""
    resolver = ctx.resolver
    if not any(name in scope.bindings for scope in (resolver.module_scope, *resolver.scopes.values())):
        return False
    body = ctx.tree.body if ctx.tree is not None else []
    absl = any(
        isinstance(s, ast.ImportFrom) and s.module == "absl" and s.level == 0 and any(a.name == name and a.asname is None for a in s.names)
        for s in body
    )
    return not absl


def _import_edit(statement: str, ctx: Context) -> Optional[Edit]:
    """``ctx.import_edit``, once per file and statement (many findings need the same import)."""
    known: Dict[str, Optional[Edit]] = ctx.memo.setdefault("absl.import_edits", {})
    if statement not in known:
        known[statement] = ctx.import_edit(statement)
    return known[statement]


def absl_name(module: str, ctx: Context) -> Tuple[str, str]:
    """(the name the absl module is used under, the import statement)."""
    if _binds_otherwise(module, ctx):
        alias = f"absl_{module}"
        return alias, f"from absl import {module} as {alias}"
    return module, f"from absl import {module}"


def _module_node(node: ast.AST, module: str, ctx: Context) -> Optional[ast.AST]:
    """The part of a reference chain that names the TensorFlow module itself."""
    current: ast.AST = node
    while True:
        ref = ctx.resolve(current)
        if ref is not None and not ref.instance and _names_module(ref, module):
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
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return None
    member = ref.name[len(module) + 1 :].split(".")[0]
    if member and member not in move.members:
        return None
    target = _module_node(node, module, ctx)
    if isinstance(target, ast.Name):
        return _binding_fix(target, module, move.module, ctx)
    if target is None or ref.private or not hasattr(target, "lineno"):
        return None
    if not member and not _uses_fit(_bound_by(node, ctx), move.members, ctx):
        return None  # the module is bound to a name whose uses reach members absl lacks
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
    imported = _import_edit(statement, ctx)
    if imported is not None:
        edits.append(imported)
    text = f"`{shown}` with `{statement}`"
    return text, Fix(Applicability.UNSAFE.value, tuple(edits), f"Use absl's `{move.module}`")


def _import_fix(node: ast.alias, ref: TFRef, module: str, absl_module: str, ctx: Context) -> Optional[Tuple[str, Fix]]:
    """`from tensorflow import flags` -> `from absl import flags`: the module itself imported
    alone; the name it binds stays, so its uses need no edit."""
    if not _names_module(ref, module) or ctx.tree is None:
        return None
    statement = next(
        (s for s in ast.walk(ctx.tree) if isinstance(s, ast.ImportFrom) and any(a is node for a in s.names)), None
    )
    if statement is None or len(statement.names) != 1:
        return None
    bound = node.asname or node.name
    if not _uses_fit(bound, ABSL_MOVES[module].members, ctx):
        return None
    text = f"from absl import {absl_module}" + (f" as {bound}" if bound != absl_module else "")
    fix = Fix(Applicability.UNSAFE.value, (ctx.edit(statement, text),), f"Import absl's `{absl_module}`")
    return f"`{text}`", fix


def _binding_fix(use: ast.Name, module: str, absl_module: str, ctx: Context) -> Optional[Tuple[str, Fix]]:
    """A use through the user's own name for the module (`flags.DEFINE_string` after
    `flags = tf.app.flags` or `from tensorflow import flags`): the fix of the module-level
    statement that binds it, so every use carries the same edits and they apply once."""
    if ctx.tree is None:
        return None
    for statement in ctx.tree.body:
        if isinstance(statement, ast.ImportFrom) and len(statement.names) == 1:
            alias = statement.names[0]
            if (alias.asname or alias.name) == use.id and statement.module and statement.level == 0:
                ref = TFRef(f"{statement.module}.{alias.name}")
                if _names_module(ref, module):
                    return _at_binding(use, _import_fix(alias, ref, module, absl_module, ctx))
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            bound = statement.targets[0]
            if isinstance(bound, ast.Name) and bound.id == use.id and not isinstance(statement.value, ast.Name):
                value = ctx.resolve(statement.value)
                if value is not None and not value.instance and value.name == module and not value.private:
                    return _at_binding(use, absl_fix(statement.value, value, module, ctx))
    return None


def _names_module(ref: TFRef, module: str) -> bool:
    """Whether ``ref`` is the TF module ``module`` itself (a private module maps only its members)."""
    return ref.name == module or ref.child("x").name == module + ".x"


def _at_binding(use: ast.Name, found: Optional[Tuple[str, Fix]]) -> Optional[Tuple[str, Fix]]:
    if found is None:
        return None
    return f"Where `{use.id}` is bound: {found[0]}", found[1]


def _bound_by(value: ast.AST, ctx: Context) -> Optional[str]:
    """The name a module-level `name = <value>` binds, if ``value`` is such a statement's value."""
    for statement in ctx.tree.body if ctx.tree is not None else []:
        if isinstance(statement, ast.Assign) and statement.value is value and len(statement.targets) == 1:
            target = statement.targets[0]
            return target.id if isinstance(target, ast.Name) else None
    return None


def _uses_fit(name: Optional[str], members: FrozenSet[str], ctx: Context) -> bool:
    """Whether every `name.<attr>` in the file names a member absl has (True for no name)."""
    if name is None or ctx.tree is None:
        return True
    if _spelled_attributes(name, ctx) <= members:
        return True  # the text's reads are a superset of the tree's: no walk needed
    return _attributes(ctx).get(name, frozenset()) <= members


# Between a name and its `.attr`: spaces, line continuations, comments and closing brackets
# (`(flags).x`). The text match is a superset of the tree's attribute reads (it also finds them
# in strings and comments), so a fit found in the text holds in the tree.
_GAP = r"(?:\s|\\\r?\n|#[^\n]*\n|\))*"  # each alternative starts with its own character: no backtracking blow-up


def _spelled_attributes(name: str, ctx: Context) -> FrozenSet[str]:
    known: Dict[str, FrozenSet[str]] = ctx.memo.setdefault("absl.spelled", {})
    found = known.get(name)
    if found is None:
        pattern = re.compile(rf"(?<![\w.]){re.escape(name)}{_GAP}\.{_GAP}([^\W\d]\w*)")
        found = known[name] = frozenset(m.group(1) for m in pattern.finditer(ctx.text))
    return found
