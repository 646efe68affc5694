"""TF1 initializer calls rendered as their TF2 classes, with every argument kept and TF1's
defaults pinned (`tf.truncated_normal_initializer(stddev=0.02)` ->
`tf.keras.initializers.TruncatedNormal(stddev=0.02)`, `tf.truncated_normal_initializer()` ->
`tf.keras.initializers.TruncatedNormal(stddev=1.0)`). Shared by the rules that report them and
by the renderings that contain one (`get_variable(..., initializer=...)`).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Dict, Optional

from tf2lint.data import initializers as data
from tf2lint.finding import Applicability, Fix
from tf2lint.rules import pinned
from tf2lint.rules.render import V1, Rendered, Target, mapping, render_mapped, root_of

if TYPE_CHECKING:
    from tf2lint.context import Context
    from tf2lint.names import TFRef


def initializer_key(name: str) -> Optional[str]:
    """The table entry for a canonical TF1 name (`compat.v1` prefix already stripped), if any."""
    if name in data.INITIALIZERS:
        return name
    return data.ALIASES.get(name) or None


def _keep(spec: data.InitializerSpec) -> int:
    """How many leading positional parameters mean the same in the TF2 class."""
    for index, name in enumerate(spec.signature):
        if name in data.DROPPED or name in spec.templates or name in spec.renames:
            return index
    return len(spec.signature)


def render_initializer(call: ast.Call, ref: TFRef, ctx: Context) -> Optional[Rendered]:
    """The user's TF1 initializer call as its TF2 class, or None (not one, or not renderable)."""
    key = initializer_key(ref.name)
    if key is None or pinned.unpacks(call):
        return None
    spec = data.INITIALIZERS[key]
    root = root_of(call.func, ctx)
    if root is None or (root.namespace == V1 and not spec.target.startswith("keras.")):
        return None  # under a compat.v1 alias `tf.zeros_initializer` is TF1's own again
    targets: Dict[str, Target] = {name: Target(None, why=why) for name, why in data.DROPPED.items()}
    targets.update({name: Target(new) for name, new in spec.renames.items()})
    for name, template in spec.templates.items():
        keyword, _, value = template.partition("=")
        targets[name] = Target(keyword, value)
    distribution = _argument(call, spec, "distribution")
    if isinstance(distribution, ast.Constant) and distribution.value == "normal":
        targets["distribution"] = Target("distribution", '"truncated_normal"')
    rendered = render_mapped(
        call, ctx, mapping(spec.signature, _keep(spec), targets), callee_text=f"{root.text}.{spec.target}", root=root.text
    )
    if rendered is None:
        return None
    given = pinned.passed(call, spec.signature)
    extra = [(k, v) for k, v in spec.pinned.items() if k not in given]
    return pinned.add_keywords(rendered, call, ctx, extra)


def _argument(call: ast.Call, spec: data.InitializerSpec, name: str) -> Optional[ast.expr]:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    index = spec.signature.index(name) if name in spec.signature else -1
    return call.args[index] if 0 <= index < len(call.args) else None


def initializer_replacement(rendered: Rendered, ref: TFRef) -> str:
    """The finding text for a rendered initializer: the code, what was dropped, how values differ."""
    key = initializer_key(ref.name) or ""
    note = data.INITIALIZERS[key].note if key else ""
    parts = [rendered.display + ".", rendered.notes(), note]
    return " ".join(p for p in parts if p)


def initializer_fix(rendered: Rendered) -> Optional[Fix]:
    if not rendered.edits:
        return None
    return Fix(Applicability.UNSAFE.value, tuple(rendered.edits), "Replace with the TF2 initializer, TF1's defaults pinned")


def convert_initializer(node: Optional[ast.AST], ctx: Context) -> Optional[Rendered]:
    """The rendering of ``node`` when it is a call of a TF1 initializer (for embedding it)."""
    if not isinstance(node, ast.Call):
        return None
    ref = ctx.resolve_call(node)
    if ref is None:
        return None
    return render_initializer(node, ref, ctx)
