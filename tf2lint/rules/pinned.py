"""Keywords a rendering adds to a call so the TF2 class keeps TF1's defaults.

`tf.train.AdamOptimizer()` used epsilon 1e-8 where `tf.keras.optimizers.Adam` uses 1e-7;
`tf.truncated_normal_initializer()` drew with stddev 1.0 where Keras draws with 0.05. A
rendering that swaps the class pins each such default the user did not pass, as one more
edit in the same rendering (so the text shown and the fix written stay the same).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Iterable, Optional, Sequence, Set, Tuple

from tf2lint.finding import Edit, Position
from tf2lint.rules.render import Rendered, apply_to_node

if TYPE_CHECKING:
    from tf2lint.context import Context


def passed(call: ast.Call, signature: Sequence[str]) -> Set[str]:
    """The TF1 parameters ``call`` gives a value (by position along ``signature``, or keyword)."""
    names = {kw.arg for kw in call.keywords if kw.arg is not None}
    for index, value in enumerate(call.args):
        if isinstance(value, ast.Starred):
            break
        if index < len(signature):
            names.add(signature[index])
    return names


def unpacks(call: ast.Call) -> bool:
    """Whether the call passes `*args` or `**kwargs` (which parameters they bind is unknown)."""
    return any(isinstance(a, ast.Starred) for a in call.args) or any(kw.arg is None for kw in call.keywords)


def add_keywords(rendered: Rendered, call: ast.Call, ctx: Context, keywords: Iterable[Tuple[str, str]]) -> Rendered:
    """``rendered`` with ``name=value`` keywords appended after the call's last argument."""
    pairs = list(keywords)
    if not pairs:
        return rendered
    text = ", ".join(f"{name}={value}" for name, value in pairs)
    items = [*call.args, *call.keywords]
    last: Optional[ast.AST] = max(items, key=lambda n: (n.end_lineno, n.end_col_offset)) if items else None  # type: ignore[attr-defined]
    if last is not None:
        # After the last argument, even one the rendering deletes (the insertion survives it).
        end = ctx.node_span(last)[1]
        edit = Edit(end, end, (", " if len(rendered.dropped) < len(items) else "") + text)
    else:
        _, call_end = ctx.node_span(call)
        edit = Edit(Position(call_end.row, call_end.col - 1), Position(call_end.row, call_end.col - 1), text)
    edits = sorted(set(rendered.edits) | {edit})
    return Rendered(
        rendered.node,
        edits,
        apply_to_node(ctx, call, edits),
        rendered.safe,
        rendered.dropped,
        rendered.introduced,
        rendered.unsafe_because,
        rendered.signature,
    )
