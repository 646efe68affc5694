"""A call's own arguments, read to render its replacement: which value each parameter got
(by position or keyword, or bound to a TF1 signature), its source text, its literal value;
and the member lookups the families' name tables share.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from tf2lint.names import prefixes

if TYPE_CHECKING:
    from tf2lint.context import Context

UNKNOWN = object()  # `literal()` of an argument that is not a literal


# ----- which argument a parameter got -------------------------------------------------------


def keyword(call: ast.Call, name: str) -> Optional[ast.keyword]:
    for kw in call.keywords:
        if kw.arg == name:
            return kw
    return None


def arg(call: Optional[ast.Call], index: int, name: str) -> Optional[ast.expr]:
    """The argument bound to parameter ``name`` (keyword, or positional ``index`` when >= 0), if given."""
    if call is None:
        return None
    kw = keyword(call, name)
    if kw is not None:
        return kw.value
    if 0 <= index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return None


def param(call: Optional[ast.Call], signature: Sequence[str], name: str) -> Optional[ast.expr]:
    """The argument bound to parameter ``name`` of ``signature`` (the positional parameters, in order)."""
    return arg(call, signature.index(name) if name in signature else -1, name)


class BoundArgs(NamedTuple):
    named: List[Tuple[str, ast.expr]]  # (TF1 parameter, value) in the call's order
    unpacked: List[str]  # `*args` / `**kwargs` sources, carried over as written


def bind(call: ast.Call, signature: Sequence[str], ctx: Context) -> BoundArgs:
    """Name each argument of ``call`` by the TF1 ``signature`` (positional order)."""
    named: List[Tuple[str, ast.expr]] = []
    unpacked: List[str] = []
    for index, value in enumerate(call.args):
        if isinstance(value, ast.Starred):
            unpacked.append("*" + flat_src(ctx, value.value))
        elif index < len(signature):
            named.append((signature[index], value))
    for kw in call.keywords:
        if kw.arg is None:
            unpacked.append("**" + flat_src(ctx, kw.value))
        else:
            named.append((kw.arg, kw.value))
    return BoundArgs(named, unpacked)


# ----- its source and value ------------------------------------------------------------------

_BREAK = re.compile(r"\s*\n\s*")


def src(ctx: Context, node: Optional[ast.AST], default: str = "") -> str:
    """The source text of an argument, or ``default`` when it was not given."""
    return (ctx.source_of(node) or default) if node is not None else default


def one_line(text: str) -> str:
    """Source text with its line breaks (and the indentation around them) joined by single spaces."""
    return _BREAK.sub(" ", text)


def flat_src(ctx: Context, node: Optional[ast.AST], default: str = "") -> str:
    """``src`` on one line (an argument spanning lines is joined), to render it inside a sentence."""
    return one_line(src(ctx, node, default)).strip()


def spelled_name(node: Optional[ast.AST]) -> str:
    """The last name an argument or callee is spelled with: ``x`` for ``x``, ``b`` for ``a.b``, else ""."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def parenthesized(text: str, node: Optional[ast.AST]) -> str:
    """``text`` (the source of ``node``) in parentheses unless it is atomic, to embed it in an expression."""
    simple = node is None or isinstance(node, (ast.Name, ast.Attribute, ast.Constant, ast.Call, ast.Subscript))
    return text if simple else f"({text})"


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


# ----- the families' name tables ----------------------------------------------------------


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
