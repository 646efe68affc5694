"""Shared by families 3 and 4: reading a call's own arguments to render a replacement."""

from __future__ import annotations

import ast
import weakref
from typing import Any, Dict, Iterable, Mapping, Optional

from tf2lint.context import Context
from tf2lint.names import TFRef, prefixes
from tf2lint.rules.base import keyword

UNKNOWN = object()  # `literal()` of an argument that is not a literal

class _CallRefs:
    """Calls resolved once per file: a dozen family 3/4 rules look at every call."""

    owner: Optional[weakref.ref[Context]] = None
    refs: Dict[int, Optional[TFRef]] = {}


def call_ref(ctx: Context, call: ast.AST) -> Optional[TFRef]:
    """``ctx.resolve_call(call)``, memoized for the file being linted."""
    memo = _CallRefs
    if memo.owner is None or memo.owner() is not ctx:
        memo.owner, memo.refs = weakref.ref(ctx), {}
    key = id(call)
    refs = memo.refs
    if key not in refs:
        refs[key] = ctx.resolve_call(call)
    return refs[key]


def arg(call: ast.Call, index: int, name: str) -> Optional[ast.expr]:
    """The argument bound to parameter ``name`` (keyword, or positional ``index`` when >= 0), if given."""
    kw = keyword(call, name)
    if kw is not None:
        return kw.value
    if 0 <= index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return None


def src(ctx: Context, node: Optional[ast.AST], default: str) -> str:
    """The source text of an argument, or ``default`` when it was not given."""
    return (ctx.source_of(node) or default) if node is not None else default


def literal(node: Optional[ast.AST]) -> Any:
    """The Python value of a literal argument, or ``UNKNOWN``."""
    if node is None:
        return UNKNOWN
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return UNKNOWN


def flag(node: Optional[ast.AST], default: bool = False) -> Any:
    """A boolean argument: its literal truth, ``default`` when absent, ``UNKNOWN`` when computed."""
    if node is None:
        return default
    value = literal(node)
    return UNKNOWN if value is UNKNOWN else bool(value)


def member(name: str, modules: Iterable[str]) -> str:
    """``estimator.ModeKeys.TRAIN`` -> ``ModeKeys.TRAIN``: the part after the longest matching module."""
    best = None
    for module in modules:
        if module == "":
            best = best if best is not None else ""
        elif name.startswith(module + ".") and (best is None or len(module) > len(best)):
            best = module
    return name[len(best) + 1 :] if best else name


def lookup(table: Mapping[str, Any], name: str) -> Optional[str]:
    """The table key for a member name: itself, a dotted prefix, or its last component."""
    for key in prefixes(name):
        if key in table:
            return key
    last = name.rsplit(".", 1)[-1]
    return last if last in table else None


def qualified(modules: Iterable[str], keys: Iterable[str]) -> Dict[str, Optional[str]]:
    """``names`` entries for every key under every module (``""`` is the top level)."""
    keys = list(keys)
    return {(f"{module}.{key}" if module else key): None for module in modules for key in keys}
