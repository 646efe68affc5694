"""Static evidence that one expression has fewer dimensions than another (for TF906 `tf.where`)."""

from __future__ import annotations

import ast
from typing import Optional, Tuple

from tf2lint.context import Context
from tf2lint.data import rank as data


def dropped_dims(node: Optional[ast.AST], ctx: Context) -> int:
    """How many dimensions the expression evidently removes from the tensors it is built from
    (0 when nothing says so; negative when it adds some: `m[..., tf.newaxis]`)."""
    if node is None:
        return 0
    if isinstance(node, ast.Call):
        ref = ctx.resolve_call(node)
        if ref is None:
            return 0
        name = ref.name
        first = node.args[0] if node.args else None
        if name in data.ALWAYS_REDUCE:
            return 1 + dropped_dims(first, ctx)
        if name in data.REDUCTIONS:
            axis = node.args[1] if len(node.args) > 1 else _keyword(node, ("axis", "reduction_indices"))
            keep = _keyword(node, ("keepdims", "keep_dims"))
            if axis is None or (isinstance(axis, ast.Constant) and axis.value is None):
                return 0  # a full reduction gives a scalar, which TF1 and TF2 both broadcast
            if isinstance(keep, ast.Constant) and keep.value is True:
                return dropped_dims(first, ctx)
            removed = len(axis.elts) if isinstance(axis, (ast.List, ast.Tuple)) else 1
            return removed + dropped_dims(first, ctx)
        if name in data.ELEMENTWISE:
            return max((dropped_dims(a, ctx) for a in node.args), default=0)
        return 0
    if isinstance(node, ast.Compare):
        return max(dropped_dims(n, ctx) for n in (node.left, *node.comparators))
    if isinstance(node, ast.BinOp):
        return max(dropped_dims(node.left, ctx), dropped_dims(node.right, ctx))
    if isinstance(node, ast.UnaryOp):
        return dropped_dims(node.operand, ctx)
    if isinstance(node, ast.Subscript):
        return _subscript_drop(node.slice) + dropped_dims(node.value, ctx)
    return 0


def _keyword(call: ast.Call, names: Tuple[str, ...]) -> Optional[ast.expr]:
    return next((k.value for k in call.keywords if k.arg in names), None)


def _subscript_drop(index: ast.AST) -> int:
    """`m[:, 0]` drops one dimension, `m[..., tf.newaxis]` / `m[:, None]` add one."""
    parts = index.elts if isinstance(index, ast.Tuple) else [index]
    drop = 0
    for part in parts:
        if isinstance(part, ast.Constant) and part.value is None:
            drop -= 1
        elif isinstance(part, ast.Attribute) and part.attr == "newaxis":
            drop -= 1
        elif isinstance(part, ast.Constant) and isinstance(part.value, int) and not isinstance(part.value, bool):
            drop += 1
        elif isinstance(part, ast.UnaryOp) and isinstance(part.operand, ast.Constant) and isinstance(part.operand.value, int):
            drop += 1
    return drop


def is_vector(node: Optional[ast.AST], ctx: Context, depth: int = 0, maybe: bool = False) -> bool:
    """Whether the expression is evidently 1-D: built elementwise from `tf.range(n)` or a tensor
    made with a one-element shape (`tf.random_uniform([batch_size])`), possibly through a local name.
    With ``maybe``, a shape that is not a literal list (`tf.ones(n)`) counts too."""
    if node is None or depth > 3:
        return False
    if isinstance(node, ast.Name):
        return is_vector(_local_value(node, ctx), ctx, depth + 1, maybe)
    if isinstance(node, ast.Call):
        ref = ctx.resolve_call(node)
        if ref is None:
            return False
        if ref.name in data.ONE_DIMENSIONAL:
            return True
        if ref.name in data.SHAPED:
            shape = node.args[0] if node.args else _keyword(node, ("shape", "dims"))
            if isinstance(shape, (ast.List, ast.Tuple)):
                return len(shape.elts) == 1
            return isinstance(shape, ast.Constant) or (maybe and shape is not None)
        if ref.name in data.ELEMENTWISE:
            return any(is_vector(a, ctx, depth + 1, maybe) for a in node.args)
        return False
    if isinstance(node, ast.Compare):
        return any(is_vector(n, ctx, depth + 1, maybe) for n in (node.left, *node.comparators))
    if isinstance(node, ast.BinOp):
        return is_vector(node.left, ctx, depth + 1, maybe) or is_vector(node.right, ctx, depth + 1, maybe)
    if isinstance(node, ast.UnaryOp):
        return is_vector(node.operand, ctx, depth + 1, maybe)
    return False


def _local_value(name: ast.Name, ctx: Context) -> Optional[ast.AST]:
    """The expression a local name was last assigned before its use, if any."""
    binding = ctx.resolver.binding_at(name.id, ctx.scope, (name.lineno, name.col_offset))
    return binding.source if binding is not None else None


def selects_rows(condition: Optional[ast.AST], x: Optional[ast.AST], y: Optional[ast.AST], ctx: Context) -> bool:
    """Whether `tf.where(condition, x, y)` evidently has a condition of lower rank than its branches
    (the TF1 row selection TF2 broadcasts differently): a reduction or an index that drops a
    dimension the branches keep, or a 1-D condition with branches not evidently 1-D."""
    cond = dropped_dims(condition, ctx)
    if cond > 0 and cond > max(dropped_dims(x, ctx), dropped_dims(y, ctx)):
        return True
    return is_vector(condition, ctx) and not (is_vector(x, ctx, maybe=True) or is_vector(y, ctx, maybe=True))
