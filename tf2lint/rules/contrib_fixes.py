"""Unsafe fixes for the contrib regularizers and the Xavier initializer (TF602).

`tf.contrib.layers.l2_regularizer(0.1)` -> `tf.keras.regularizers.L2(0.05)`,
`l1_regularizer(s)` -> `L1(s)`, `xavier_initializer(uniform=False, seed=3)` ->
`tf.keras.initializers.GlorotNormal(seed=3)`: the user's call rendered with every argument
kept or named as dropped, as the edits of one rendering, so the advice shows what the fix writes.

Checked against TF 1.15's contrib source: `l2_regularizer(scale)(w)` is `scale * nn.l2_loss(w)`
(`scale * sum(w**2) / 2`), `l1_regularizer(scale)(w)` is `scale * sum(abs(w))`, and
`xavier_initializer` is `variance_scaling_initializer(factor=1.0, mode='FAN_AVG', uniform=...)`
(uniform on +-sqrt(3 / n), or a truncated normal with stddev sqrt(1.3 / n), n the fan average).
On TF 2.15 and 2.21, `L2(0.5 * s)(w)` equals `s * tf.nn.l2_loss(w)` and `L1(s)(w)` equals
`s * reduce_sum(abs(w))`; `GlorotUniform` draws on +-sqrt(6 / (fan_in + fan_out)) and
`GlorotNormal` from a truncated normal of variance 1 / n; both take `seed`, neither `dtype`.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable, Dict, NamedTuple, Optional, Tuple

from tf2lint.data import contrib as data
from tf2lint.finding import Applicability, Edit, Fix
from tf2lint.rules import pinned
from tf2lint.rules.call_args import UNKNOWN, literal, param
from tf2lint.rules.render import TF2, Rendered, Target, apply_to_node, mapping, render_mapped, root_of

if TYPE_CHECKING:
    from tf2lint.context import Context
    from tf2lint.names import TFRef


class Advice(NamedTuple):
    text: str  # the finding's replacement: the rendered code and what to know about it
    fix: Optional[Fix]  # None where the rendering is advice only


def _number(value: float) -> str:
    text = repr(round(value, 12))
    return text[:-2] if text.endswith(".0") and "e" not in text else text


def _fixable(call: ast.Call, ref: TFRef, ctx: Context) -> Tuple[str, bool]:
    """(the module alias new names are spelled from, whether a fix may be written).

    A fix needs a `tensorflow` alias in reach (under a `tensorflow.compat.v1` alias TF 2.15's
    `tf.compat.v1.keras.initializers` has no `GlorotUniform`), and a name reached through
    `contrib.layers`: slim's re-export keeps working unchanged with tf_slim, which TF601 advises.
    """
    root = root_of(call.func, ctx)
    if root is None or root.namespace != TF2:
        return "tf", False
    return root.text, ref.name.startswith("contrib.layers.") and hasattr(call.func, "lineno")


def _finish(rendered: Rendered, call: ast.Call, ctx: Context, extra: Tuple[Edit, ...] = (), keep_dropped: bool = True) -> Rendered:
    edits = sorted(set(rendered.edits) | set(extra))
    dropped = rendered.dropped if keep_dropped else [d for d in rendered.dropped if not d[0].startswith("uniform")]
    return Rendered(call, edits, apply_to_node(ctx, call, edits), False, dropped, rendered.introduced, rendered.unsafe_because)


# ----- regularizers -----------------------------------------------------------------------------

_REGULARIZERS = {"l2_regularizer": ("L2", "l2", 0.5, data.L2_NOTE), "l1_regularizer": ("L1", "l1", 1.0, data.L1_NOTE)}


def _regularizer(call: ast.Call, ref: TFRef, symbol: str, ctx: Context) -> Optional[Advice]:
    cls, keyword, factor, note = _REGULARIZERS[symbol]
    params = ("scale", "scope")
    scale = param(call, params, "scale")
    value = literal(scale)
    if scale is None or isinstance(value, int):
        return None  # contrib raised for a missing or integer scale: nothing that ran to port
    root, fixable = _fixable(call, ref, ctx)
    how = mapping(params, 1, {"scale": Target(keyword), "scope": Target(None, why=data.SCOPE_DROPPED)}, strict=True)
    rendered = render_mapped(call, ctx, how, callee_text=f"{root}.keras.regularizers.{cls}", root=root)
    if rendered is None:
        return None
    start, end = ctx.node_span(scale)
    folded = ""
    if factor == 1.0:
        extra: Tuple[Edit, ...] = ()
    elif isinstance(value, float):
        extra = (Edit(start, end, _number(factor * value)),)
        folded = f" ({_number(factor)} * {ctx.source_of(scale)})"
    elif isinstance(scale, (ast.Name, ast.Attribute, ast.Constant, ast.Call, ast.Subscript)):
        extra = (Edit(start, start, f"{_number(factor)} * "),)
    else:
        extra = (Edit(start, start, f"{_number(factor)} * ("), Edit(end, end, ")"))
    done = _finish(rendered, call, ctx, extra)
    text = " ".join(p for p in (done.display + folded + note, done.notes()) if p)
    fix = Fix(Applicability.UNSAFE.value, tuple(done.edits), f"Replace with `tf.keras.regularizers.{cls}`") if fixable else None
    return Advice(text, fix)


# ----- the Xavier initializer ------------------------------------------------------------------

_FLOAT32 = frozenset({"float32", "dtypes.float32"})


def _default_dtype(node: ast.AST, ctx: Context) -> bool:
    """Whether a `dtype=` argument is float32, contrib's default (what Keras initializers draw by default too)."""
    if literal(node) == "float32":
        return True
    ref = ctx.resolve(node)
    return ref is not None and not ref.instance and ref.name in _FLOAT32


def _xavier(call: ast.Call, ref: TFRef, symbol: str, ctx: Context) -> Optional[Advice]:
    params = ("uniform", "seed", "dtype")
    uniform = param(call, params, "uniform")
    flag = True if uniform is None else literal(uniform)
    if flag is UNKNOWN:
        return None  # a computed `uniform`: the class is chosen at run time (advice only)
    cls = "GlorotUniform" if flag else "GlorotNormal"
    dtype = param(call, params, "dtype")
    root, fixable = _fixable(call, ref, ctx)
    targets: Dict[str, Target] = {
        "uniform": Target(None, why="it chose the class"),
        "seed": Target("seed"),
        "dtype": Target(None, why=data.DTYPE_DROPPED),
    }
    rendered = render_mapped(call, ctx, mapping(params, 0, targets, strict=True), callee_text=f"{root}.keras.initializers.{cls}", root=root)
    if rendered is None:
        return None
    done = _finish(rendered, call, ctx, keep_dropped=False)
    if dtype is not None and not _default_dtype(dtype, ctx):
        fixable = False  # an initializer called without `dtype` would draw float32 where contrib drew this type
    note = data.GLOROT_UNIFORM_NOTE if flag else data.GLOROT_NORMAL_NOTE
    text = " ".join(p for p in (done.display + note, done.notes()) if p)
    fix = Fix(Applicability.UNSAFE.value, tuple(done.edits), f"Replace with `tf.keras.initializers.{cls}`") if fixable else None
    return Advice(text, fix)


_RENDERERS: Dict[str, Callable[[ast.Call, TFRef, str, Context], Optional[Advice]]] = {
    "l2_regularizer": _regularizer,
    "l1_regularizer": _regularizer,
    "xavier_initializer": _xavier,
    "xavier_initializer_conv2d": _xavier,
}


def contrib_advice(call: ast.Call, ref: TFRef, symbol: str, ctx: Context) -> Optional[Advice]:
    """The rendered replacement (and, where it can be written, the unsafe fix) of a contrib.layers
    regularizer or Xavier initializer call; None for any other call or one it cannot render."""
    render = _RENDERERS.get(symbol)
    if render is None or pinned.unpacks(call):
        return None
    return render(call, ref, symbol, ctx)
