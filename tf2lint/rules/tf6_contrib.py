"""Family 6 (TF6xx): tf.contrib, with the destination of each submodule and well-known symbol."""

from __future__ import annotations

import ast
import weakref
from typing import Callable, Dict, List, Optional, Set, Tuple

from tf2lint.context import Context
from tf2lint.data import contrib as data
from tf2lint.finding import Applicability, Fix, Severity
from tf2lint.names import TFRef, exists_in_tf2
from tf2lint.resolver import Scope
from tf2lint.rules.base import Rule, register
from tf2lint.rules.call_args import literal, param, parenthesized, src
from tf2lint.rules.contrib_fixes import contrib_advice
from tf2lint.rules.render import module_alias

REMOVED = "absent from every TF 2.x release, tf.compat.v1 included"
IMPORT_NODES = (ast.alias, ast.Import, ast.ImportFrom)


def destination(name: str) -> Tuple[str, str, str]:
    """(table, symbol, replacement) for a canonical ``contrib.*`` name.

    ``table`` and ``symbol`` say which symbol entry matched (empty for a submodule-level answer).
    """
    parts = name.split(".")
    if len(parts) < 2:
        return "", "", data.DEFAULT
    sub, rest = parts[1], parts[2:]
    tables = (sub, *data.ALSO_SEARCH.get(sub, ()))
    for component in reversed(rest):
        for table in tables:
            text = data.SYMBOLS.get(table, {}).get(component)
            if text is not None:
                return table, component, text
    for length in (2, 1):
        key = ".".join(parts[1 : 1 + length])
        module = data.RENAMED_MODULES.get(key)
        if module is not None and len(parts) >= 1 + length:
            tail = [p for p in parts[1 + length :] if p not in ("python", "api")]
            target = ".".join([module, *tail])
            if target.startswith("tf.") and tail and exists_in_tf2(target[3:]) is False:
                # `tf.contrib.framework.nest.flatten_up_to`: TF2's module kept only part of contrib's.
                return "", "", f"`{module}` has no `{tail[-1]}` in TF 2.21: rewrite it with the functions `{module}` has."
            return "", "", f"`{target}` (the same name in TF2)."
    return "", "", data.SUBMODULES.get(sub, data.DEFAULT)


def _number(value: float) -> str:
    text = repr(round(value, 12))
    return text[:-2] if text.endswith(".0") and "e" not in text else text


class _Call:
    """Argument access for one contrib call, by the TF1 signature of the function."""

    def __init__(self, call: ast.Call, params: Tuple[str, ...], ctx: Context):
        self.call, self.params, self.ctx = call, params, ctx

    def node(self, name: str) -> Optional[ast.expr]:
        return param(self.call, self.params, name)

    def src(self, name: str, default: str = "") -> str:
        return src(self.ctx, self.node(name), default)

    def number(self, name: str) -> Optional[float]:
        value = literal(self.node(name))
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def activation(self, name: str = "activation_fn") -> str:
        node = self.node(name)
        if node is None:
            return ", activation='relu'"
        if isinstance(node, ast.Constant) and node.value is None:
            return ""
        return f", activation={self.src(name)}"


# ----- renderers: the Keras code for one call, from the call's own arguments -------------

Renderer = Callable[[_Call, str], str]


def _l2(c: _Call, symbol: str) -> str:
    value = c.number("scale")
    if value is not None:
        return f"`tf.keras.regularizers.L2({_number(0.5 * value)})` (0.5 * {c.src('scale')})" + data.L2_NOTE
    scale = parenthesized(c.src("scale", "scale"), c.node("scale"))
    return f"`tf.keras.regularizers.L2(0.5 * {scale})`" + data.L2_NOTE


def _l1(c: _Call, symbol: str) -> str:
    return f"`tf.keras.regularizers.L1({c.src('scale', 'scale')})`" + data.L1_NOTE


def _l1_l2(c: _Call, symbol: str) -> str:
    l1 = c.src("scale_l1", "1.0")
    l2_value = c.number("scale_l2")
    if c.node("scale_l2") is None:
        l2_value = 1.0
    l2 = _number(0.5 * l2_value) if l2_value is not None else f"0.5 * {parenthesized(c.src('scale_l2'), c.node('scale_l2'))}"
    return f"`tf.keras.regularizers.L1L2(l1={l1}, l2={l2})`" + data.L2_NOTE


def _distribution(c: _Call, uniform_by_default: bool) -> str:
    """The Keras initializer `distribution` for contrib's `uniform` flag."""
    node = c.node("uniform")
    uniform = uniform_by_default if node is None else literal(node)
    if uniform is True:
        return "'uniform'"
    if uniform is False:
        return "'truncated_normal'"
    return f"'uniform' if {c.src('uniform')} else 'truncated_normal'"


def _xavier(c: _Call, symbol: str) -> str:
    seed = f", seed={c.src('seed')}" if c.node("seed") is not None else ""
    dist = _distribution(c, uniform_by_default=True)
    return f"`tf.keras.initializers.VarianceScaling(1.0, 'fan_avg', {dist}{seed})`" + data.XAVIER_NOTE


def _variance_scaling(c: _Call, symbol: str) -> str:
    scale = c.src("factor", "2.0")
    mode_value = literal(c.node("mode"))
    if c.node("mode") is None:
        mode = "'fan_in'"
    elif isinstance(mode_value, str):
        mode = repr(mode_value.lower())
    else:
        mode = f"{c.src('mode')}.lower()"
    dist = _distribution(c, uniform_by_default=False)
    seed = f", seed={c.src('seed')}" if c.node("seed") is not None else ""
    return (
        f"`tf.keras.initializers.VarianceScaling(scale={scale}, mode={mode}, distribution={dist}{seed})`"
        + data.VARIANCE_SCALING_NOTE
    )


def _dense(c: _Call, symbol: str) -> str:
    units = c.src("num_outputs", "num_outputs")
    if symbol in ("linear", "legacy_linear"):
        return f"`tf.keras.layers.Dense({units})` (no activation)."
    return f"`tf.keras.layers.Dense({units}{c.activation()})`" + data.ACTIVATION_NOTE


_CONV_CLASSES = {
    "conv1d": "Conv1D", "convolution1d": "Conv1D", "conv2d": "Conv2D", "convolution2d": "Conv2D",
    "convolution": "Conv2D", "conv3d": "Conv3D", "convolution3d": "Conv3D",
    "conv2d_transpose": "Conv2DTranspose", "convolution2d_transpose": "Conv2DTranspose",
    "separable_conv2d": "SeparableConv2D", "separable_convolution2d": "SeparableConv2D",
}


def _padding(c: _Call, default: str) -> str:
    value = literal(c.node("padding"))
    if c.node("padding") is None:
        return default
    if isinstance(value, str):
        return repr(value.lower())
    return f"{c.src('padding')}.lower()"


def _conv(c: _Call, symbol: str) -> str:
    args = [c.src("num_outputs", "filters"), c.src("kernel_size", "kernel_size")]
    if c.node("stride") is not None:
        args.append(f"strides={c.src('stride')}")
    args.append(f"padding={_padding(c, repr('same'))}")
    act = c.activation()
    return f"`tf.keras.layers.{_CONV_CLASSES[symbol]}({', '.join(args)}{act})`" + data.CONV_NOTE


def _pool(c: _Call, symbol: str) -> str:
    cls = {"max_pool2d": "MaxPooling2D", "avg_pool2d": "AveragePooling2D"}[symbol]
    args = [f"pool_size={c.src('kernel_size', 'kernel_size')}", f"strides={c.src('stride', '2')}"]
    padding = _padding(c, "")
    if padding and padding != "'valid'":
        args.append(f"padding={padding}")
    return f"`tf.keras.layers.{cls}({', '.join(args)})`" + data.POOL_NOTE


def _dropout(c: _Call, symbol: str) -> str:
    keep = c.number("keep_prob")
    if c.node("keep_prob") is None:
        rate = "0.5"
    elif keep is not None:
        rate = _number(1 - keep)
    else:
        rate = f"1 - {parenthesized(c.src('keep_prob'), c.node('keep_prob'))}"
    training = c.src("is_training", "...")
    return f"`tf.keras.layers.Dropout(rate={rate})` called with `training={training}`" + data.DROPOUT_NOTE


def _batch_norm(c: _Call, symbol: str) -> str:
    args = [f"momentum={c.src('decay', '0.999')}", f"epsilon={c.src('epsilon', '0.001')}"]
    if c.node("center") is not None:
        args.append(f"center={c.src('center')}")
    args.append(f"scale={c.src('scale', 'False')}")
    training = c.src("is_training", "...")
    return f"`tf.keras.layers.BatchNormalization({', '.join(args)})` called with `training={training}`" + data.BATCH_NORM_NOTE


def _applied(c: _Call) -> str:
    """`(inputs)`: a contrib layer function returned its output, so the Keras layer is called on the same input."""
    inputs = c.src("inputs")
    return f"({inputs})" if inputs else ""


def _layer_norm(c: _Call, symbol: str) -> str:
    args = ["epsilon=1e-12"]
    for name in ("center", "scale"):
        if c.node(name) is not None:
            args.append(f"{name}={c.src(name)}")
    return f"`tf.keras.layers.LayerNormalization({', '.join(args)}){_applied(c)}`" + data.LAYER_NORM_NOTE


def _group_norm(c: _Call, symbol: str) -> str:
    groups = "-1" if symbol == "instance_norm" else c.src("groups", "32")
    note = data.INSTANCE_NORM_NOTE if symbol == "instance_norm" else data.GROUP_NORM_NOTE
    return f"`tf.keras.layers.GroupNormalization(groups={groups}, epsilon={c.src('epsilon', '1e-6')}){_applied(c)}`" + note


def _hparams(c: _Call, symbol: str) -> Optional[str]:
    call = c.call
    if call.args or any(kw.arg is None for kw in call.keywords) or not call.keywords:
        return None
    fields = [f"{kw.arg}={c.ctx.source_of(kw.value)}" for kw in call.keywords if kw.arg != "model_structure"]
    if len(fields) > 8 or any("\n" in f for f in fields):
        return None
    return f"`types.SimpleNamespace({', '.join(fields)})`" + data.HPARAMS_NOTE


def _optimizer(c: _Call, symbol: str) -> str:
    cls = {"AdaMaxOptimizer": "Adamax", "NadamOptimizer": "Nadam", "AdamWOptimizer": "AdamW"}[symbol]
    args: List[str] = []
    lr = c.src("learning_rate")
    if lr:
        args.append(f"learning_rate={lr}")
    if symbol == "AdamWOptimizer":
        wd_node, lr_value, wd_value = c.node("weight_decay"), c.number("learning_rate"), c.number("weight_decay")
        if c.node("learning_rate") is None:
            lr_value = 0.001
        if wd_value is not None and lr_value:
            args.append(f"weight_decay={_number(wd_value / lr_value)}")
        else:
            decay = parenthesized(c.src("weight_decay", "weight_decay"), wd_node)
            args.append(f"weight_decay={decay} / {parenthesized(lr or '0.001', c.node('learning_rate'))}")
    for old, new in (("beta1", "beta_1"), ("beta2", "beta_2")):
        if c.node(old) is not None:
            args.append(f"{new}={c.src(old)}")
    args.append(f"epsilon={c.src('epsilon', '1e-08')}")
    if c.node("name") is not None:
        args.append(f"name={c.src('name')}")
    note = data.ADAMW_NOTE if symbol == "AdamWOptimizer" else data.BETA_NOTE
    return f"`tf.keras.optimizers.{cls}({', '.join(args)})`" + note


_CELLS = {
    "BasicLSTMCell": ("LSTMCell", "", data.LSTM_NOTE),
    "LSTMCell": ("LSTMCell", "", data.LSTM_NOTE),
    "LSTMBlockCell": ("LSTMCell", "", data.LSTM_NOTE),
    "GRUCell": ("GRUCell", ", reset_after=False", data.GRU_NOTE),
    "GRUBlockCell": ("GRUCell", ", reset_after=False", data.GRU_NOTE),
    "GRUBlockCellV2": ("GRUCell", ", reset_after=False", data.GRU_NOTE),
    "BasicRNNCell": ("SimpleRNNCell", "", "."),
}


def _cell(c: _Call, symbol: str) -> str:
    cls, extra, note = _CELLS[symbol]
    units = c.src("num_units", "num_units")
    return f"`tf.keras.layers.RNN(tf.keras.layers.{cls}({units}{extra}))`" + note


_RENDERERS: Dict[str, Tuple[Tuple[str, ...], Callable[..., Optional[str]]]] = {
    "l2_regularizer": (("scale", "scope"), _l2),
    "l1_regularizer": (("scale", "scope"), _l1),
    "l1_l2_regularizer": (("scale_l1", "scale_l2", "scope"), _l1_l2),
    "xavier_initializer": (("uniform", "seed", "dtype"), _xavier),
    "xavier_initializer_conv2d": (("uniform", "seed", "dtype"), _xavier),
    "variance_scaling_initializer": (("factor", "mode", "uniform", "seed", "dtype"), _variance_scaling),
    "fully_connected": (("inputs", "num_outputs", "activation_fn"), _dense),
    "linear": (("inputs", "num_outputs"), _dense),
    "legacy_linear": (("inputs", "num_outputs"), _dense),
    **{name: (("inputs", "num_outputs", "kernel_size"), _conv) for name in _CONV_CLASSES},
    "max_pool2d": (("inputs", "kernel_size", "stride", "padding"), _pool),
    "avg_pool2d": (("inputs", "kernel_size", "stride", "padding"), _pool),
    "dropout": (("inputs", "keep_prob", "noise_shape", "is_training"), _dropout),
    "batch_norm": (("inputs", "decay", "center", "scale", "epsilon"), _batch_norm),
    "layer_norm": (("inputs", "center", "scale"), _layer_norm),
    "group_norm": (("inputs", "groups", "channels_axis", "reduction_axes", "center", "scale", "epsilon"), _group_norm),
    "instance_norm": (("inputs", "center", "scale", "epsilon"), _group_norm),
    "HParams": ((), _hparams),
    "AdaMaxOptimizer": (("learning_rate", "beta1", "beta2", "epsilon"), _optimizer),
    "NadamOptimizer": (("learning_rate", "beta1", "beta2", "epsilon"), _optimizer),
    "AdamWOptimizer": (("weight_decay", "learning_rate", "beta1", "beta2", "epsilon"), _optimizer),
    **{name: (("num_units",), _cell) for name in _CELLS},
}
# Tables whose symbols the renderers above understand (slim re-exports contrib.layers).
_RENDERED_TABLES = ("layers", "rnn", "opt", "training")


def _slim_wrap(name: str, table: str, symbol: str, text: str) -> str:
    """Slim names re-exported from contrib.layers: offer tf_slim first, then the Keras code."""
    if name.startswith("contrib.slim.") and table not in ("slim", ""):
        return f"Unchanged: `slim.{symbol}` after `pip install tf_slim` and `import tf_slim as slim`. In Keras: {text}"
    return text


def _root_name(node: ast.AST) -> Optional[ast.Name]:
    while isinstance(node, (ast.Attribute, ast.Call)):
        node = node.value if isinstance(node, ast.Attribute) else node.func
    return node if isinstance(node, ast.Name) else None


def _is_contrib(ref: Optional[TFRef]) -> bool:
    return ref is not None and (ref.name == "contrib" or ref.name.startswith("contrib."))


def _import_alias(node: ast.AST) -> Optional[ast.alias]:
    if isinstance(node, ast.alias):
        return node
    if isinstance(node, (ast.Import, ast.ImportFrom)) and len(node.names) == 1:
        return node.names[0]
    return None


def _is_contrib_module(module: str) -> bool:
    return module == "tensorflow.contrib" or module.startswith("tensorflow.contrib.") or module.startswith(
        "tensorflow.compat.v1.contrib"
    )


def _import_bindings(stmts: List[ast.stmt]) -> List[Tuple[str, bool, ast.alias]]:
    """(bound name, is tf.contrib, alias) for the imports directly in a block."""
    out = []
    for stmt in stmts:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname or "." not in alias.name:
                    out.append((alias.asname or alias.name, _is_contrib_module(alias.name), alias))
        elif isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and stmt.module:
            for alias in stmt.names:
                full = f"{stmt.module}.{alias.name}"
                contrib = _is_contrib_module(full) or (stmt.module == "tensorflow" and alias.name == "contrib")
                out.append((alias.asname or alias.name, contrib, alias))
    return out


class _Fallbacks:
    """Contrib imports with an import of the same name in another branch of their `try`."""

    def __init__(self) -> None:
        self.aliases: Set[int] = set()  # id() of the guarded contrib import aliases
        self.names: Set[Tuple[int, str]] = set()  # (id(scope), name) bound by them


_FALLBACKS: weakref.WeakKeyDictionary[Context, _Fallbacks] = weakref.WeakKeyDictionary()
TRY_NODES: Tuple[type, ...] = tuple(t for t in (ast.Try, getattr(ast, "TryStar", None)) if t is not None)


def record_try(node: ast.AST, ctx: Context) -> None:
    """`try: from tensorflow.contrib import slim` / `except ImportError: import tf_slim as slim`
    runs on TF2: the contrib branch is dead code and the uses of `slim` are fine.
    (A fallback that only sets the name to None is no replacement: its uses still are reported.)
    """
    branches = [node.body, node.orelse, *[h.body for h in node.handlers]]  # type: ignore[attr-defined]
    bound = [_import_bindings(stmts) for stmts in branches]
    for i, branch in enumerate(bound):
        for name, contrib, alias in branch:
            if not contrib:
                continue
            others = [n for j, other in enumerate(bound) if j != i for n, c, _ in other if not c]
            if name in others:
                found = _FALLBACKS.setdefault(ctx, _Fallbacks())
                found.aliases.add(id(alias))
                found.names.add((id(ctx.scope), name))


def has_import_fallback(ctx: Context, name: str, scope: Optional[Scope]) -> bool:
    """True when ``name``, as seen from ``scope``, is a contrib import with an import fallback."""
    found = _FALLBACKS.get(ctx)
    if found is None:
        return False
    while scope is not None:
        if name in scope.bindings:
            return (id(scope), name) in found.names
        scope = scope.parent
    return False


def _claim_availability_test(node: ast.AST, ctx: Context) -> None:
    """`if cudnn_rnn is not None:` / `if not slim:` tests whether contrib imported; it is no use of it.

    A block under `if hasattr(tf, 'contrib'):` runs only on TF1, so nothing in it fails on TF2.
    """
    if isinstance(node, ast.If) and _tests_contrib_presence(node.test, ctx):
        for stmt in node.body:
            for child in ast.walk(stmt):
                if isinstance(child, (ast.Name, ast.Attribute)) and _is_contrib(ctx.resolve(child)):
                    ctx.claim(child)
        return
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        if all(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops) and any(
            isinstance(o, ast.Constant) and o.value is None for o in operands
        ):
            for operand in operands:
                if isinstance(operand, ast.Name) and _is_contrib(ctx.resolve(operand)):
                    ctx.claim(operand)
        return
    test = getattr(node, "test", None)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if isinstance(test, ast.Name) and _is_contrib(ctx.resolve(test)):
        ctx.claim(test)


def _tests_contrib_presence(test: ast.AST, ctx: Context) -> bool:
    """`hasattr(tf, 'contrib')` with `tf` the TensorFlow module."""
    if not (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "hasattr"):
        return False
    if len(test.args) != 2 or not isinstance(test.args[1], ast.Constant) or test.args[1].value != "contrib":
        return False
    ref = ctx.resolve(test.args[0])
    return ref is not None and ref.name == ""


class _ContribRule(Rule):
    names = {"contrib": None}
    node_types = TRY_NODES
    severity = Severity.ERROR

    def check(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, TRY_NODES):
            record_try(node, ctx)

    def status_note(self, ref: Optional[TFRef]) -> str:
        return REMOVED if ref is not None else ""

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None:
            return data.DEFAULT
        table, symbol, text = destination(ref.name)
        return _slim_wrap(ref.name, table, symbol, text)


@register
class ContribImportRule(_ContribRule):
    """Reports every import of `tensorflow.contrib` (`import tensorflow.contrib.slim as slim`,
    `from tensorflow.contrib import layers`, `from tensorflow.contrib.layers import xavier_initializer`, ...).

    `tf.contrib` is absent from every TF 2.x release, `tf.compat.v1` included: the import
    raises `ImportError`. Each submodule moved somewhere else (core TensorFlow, Keras,
    tf_slim, TensorFlow Probability, TensorFlow I/O) or was dropped; the message names
    the destination of the imported submodule or symbol. An import with an
    `except ImportError` fallback still runs on TF2 and is reported as a warning.
    """

    code = "TF601"
    symbol = "contrib-import"
    summary = "`{name}` imports tf.contrib"
    replacement = data.OVERVIEW
    INVALID = (
        "import tensorflow.contrib.slim as slim  # [TF601]\n",
        "from tensorflow.contrib import layers  # [TF601]\n",
        "from tensorflow.contrib.layers import xavier_initializer  # [TF601]\n",
        "import tensorflow.contrib  # [TF601]\n",
        "try:\n    from tensorflow.contrib import slim  # [TF601]\nexcept ImportError:\n    import tf_slim as slim\n"
        "net = slim.conv2d(x, 32, 3)\n",
    )
    VALID = (
        "import tf_slim as slim\nimport tensorflow as tf\nnet = slim.conv2d(x, 32, [3, 3])\n",
        "from mypkg import contrib\nimport tensorflow as tf\nlayers = contrib.layers\n",
    )

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if not isinstance(node, IMPORT_NODES):
            return
        alias = _import_alias(node)
        replacement = self.replacement_for(ref, ctx)
        parts = ref.name.split(".")
        bound = (alias.asname or alias.name) if alias is not None else None
        if alias is not None and alias.asname is None and "." in alias.name:
            bound = None  # `import tensorflow.contrib.x` binds `tensorflow`
        if len(parts) == 2 and parts[1] == "slim" and bound:
            replacement = (
                f"`import tf_slim as {bound}` (after `pip install tf_slim`; the same API). "
                "Pretrained nets: `tf.keras.applications` or TF Hub."
            )
        found = _FALLBACKS.get(ctx)
        if alias is not None and found is not None and id(alias) in found.aliases:
            self.report(
                ctx, node, ref,
                message=f"`{ref.display}` imports tf.contrib ({REMOVED}; the `except ImportError` fallback is what runs on TF2)",
                replacement="Delete the tf.contrib branch and import the fallback directly.",
                severity=Severity.WARNING,
            )
            return
        self.report(ctx, node, ref, replacement=replacement)


def moved_module_fix(node: ast.AST, ref: TFRef, ctx: Context) -> Optional[Fix]:
    """`tf.contrib.framework.nest.flatten` -> `tf.nest.flatten`: an unsafe fix for a name of a contrib
    module TensorFlow moved whole into core, when TF 2.21 has that name."""
    for module, core in data.CORE_MODULES.items():
        prefix = f"contrib.{module}"
        # The module itself (`nest = contrib.framework.nest`) is left: its later uses may name a member
        # TF 2.21's `tf.nest` lacks.
        if not ref.name.startswith(prefix + ".") or ref.instance:
            continue
        new = core + ref.name[len(prefix) :]
        # Under a compat.v1 alias too: TF 2.21's `tf.compat.v1.nest` / `signal` hold the very functions of
        # `tf.nest` / `tf.signal` (checked member by member).
        root = module_alias(ctx, node)
        if root is None or exists_in_tf2(new) is not True or not hasattr(node, "lineno"):
            return None
        edit = ctx.edit(node, f"{root.text}.{new}")
        return Fix(Applicability.UNSAFE.value, (edit,), f"Use `tf.{new}`")
    return None


@register
class ContribUseRule(_ContribRule):
    """Reports every use of a `tf.contrib` name: `tf.contrib.layers.l2_regularizer(0.1)`,
    `slim.conv2d(...)` where `slim` came from contrib, a from-imported contrib function.

    `tf.contrib` is absent from every TF 2.x release, `tf.compat.v1` included, so each use
    fails. The replacement names where that submodule and, when known, that symbol went,
    rendered from the call's own arguments where the TF2 API differs
    (`l2_regularizer(0.1)` is `tf.keras.regularizers.L2(0.05)`: Keras has no 1/2 factor).
    """

    code = "TF602"
    symbol = "contrib-use"
    summary = "`{name}` uses tf.contrib"
    replacement = data.SYMBOL_OVERVIEW
    node_types = (ast.Call, ast.Compare, ast.If, ast.While, ast.IfExp, *TRY_NODES)
    call_names = ("contrib",)
    version_notes = (
        "`tf.contrib` was last shipped in TF 1.15; no TF 2.x release has it. Some destinations depend on the "
        "target: `tf.estimator` (for `contrib.estimator`, `contrib.tpu.TPUEstimator`) exists only up to TF 2.15, "
        "and TF 2.17 is the last release built with TensorRT. `tf.keras.optimizers.AdamW`, "
        "`tf.keras.layers.GroupNormalization` and the `weight_decay` / `use_ema` optimizer arguments exist in "
        "TF 2.15 and 2.21 alike."
    )
    INVALID = (
        "import tensorflow as tf\nreg = tf.contrib.layers.l2_regularizer(0.1)  # [TF602]\n",
        "import tensorflow.contrib.slim as slim  # [TF601]\nnet = slim.conv2d(images, 64, [3, 3])  # [TF602]\n",
        "from tensorflow.contrib.layers import xavier_initializer  # [TF601]\ninit = xavier_initializer()  # [TF602]\n",
        "import tensorflow as tf\nhp = tf.contrib.training.HParams(batch_size=32, learning_rate=0.1)  # [TF602]\n",
        "import tensorflow.compat.v1 as tf\ncell = tf.contrib.rnn.MultiRNNCell(cells)  # [TF602]\n",
    )
    VALID = (
        "import tensorflow as tf\nreg = tf.keras.regularizers.L2(0.05)\ninit = tf.keras.initializers.GlorotUniform()\n",
        "import tf_slim as slim\nimport tensorflow as tf\nnet = slim.conv2d(x, 32, [3, 3])\n",
        "import tensorflow as tf\nfrom mypkg import contrib\ncontrib.layers.l2_regularizer(0.1)\n",
    )
    fix_safety = (
        "Unsafe fixes, for two kinds of name. (1) The contrib modules TensorFlow moved whole into core: "
        "`tf.contrib.framework.nest.X` becomes `tf.nest.X` and `tf.contrib.signal.X` `tf.signal.X`, where TF 2.21 "
        "has `X`. It is the same code, in the version of TF 2.21: structures TF 1.x handled another way (attrs "
        "classes, composite tensors) may flatten differently. (2) The `contrib.layers` regularizers and Xavier "
        "initializer: `l2_regularizer(scale)` becomes `tf.keras.regularizers.L2(0.5 * scale)` (a number literal "
        "folded: `0.1` -> `0.05`; contrib halved the sum of squares, Keras does not), `l1_regularizer(scale)` "
        "`tf.keras.regularizers.L1(scale)`, `xavier_initializer()` `tf.keras.initializers.GlorotUniform()` and "
        "`xavier_initializer(uniform=False)` `GlorotNormal()`, `seed` kept; `scope` is dropped (it only named "
        "the penalty's ops), and so is `dtype=tf.float32`. The penalty is the same number (checked on TF 2.15 and "
        "2.21), but a Keras regularizer passed to a layer adds it to `model.losses`, not to the "
        "`REGULARIZATION_LOSSES` collection the TF1 loss read, and Keras accepts only a Python number as the "
        "factor (a tensor or NumPy float32 `scale` raises). The initializers draw the same distribution (the "
        "truncated normal's stddev is 0.3% smaller) but other numbers for the same seed. No fix for a `uniform` "
        "computed at run time, another `dtype` (a Keras initializer takes the dtype when called), names reached "
        "through slim (`slim.l2_regularizer` works unchanged with tf_slim), or a module that reaches TensorFlow "
        "only through `tensorflow.compat.v1`. The contrib import that brought a name in, if any, is TF601's to "
        "remove."
    )
    FIXES = (
        (
            "import tensorflow as tf\nflat = tf.contrib.framework.nest.flatten(state)\n",
            "import tensorflow as tf\nflat = tf.nest.flatten(state)\n",
        ),
        (
            "import tensorflow as tf\nreg = tf.contrib.layers.l2_regularizer(0.1)\n",
            "import tensorflow as tf\nreg = tf.keras.regularizers.L2(0.05)\n",
        ),
        (
            "import tensorflow as tf\nreg = tf.contrib.layers.l2_regularizer(scale=FLAGS.weight_decay, scope='reg')\n",
            "import tensorflow as tf\nreg = tf.keras.regularizers.L2(l2=0.5 * FLAGS.weight_decay)\n",
        ),
        (
            "import tensorflow as tf\nreg = tf.contrib.layers.l1_regularizer(1e-4)\n",
            "import tensorflow as tf\nreg = tf.keras.regularizers.L1(1e-4)\n",
        ),
        (
            "import tensorflow as tf\ninit = tf.contrib.layers.xavier_initializer(uniform=False, seed=7)\n",
            "import tensorflow as tf\ninit = tf.keras.initializers.GlorotNormal(seed=7)\n",
        ),
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, (ast.Compare, ast.If, ast.While, ast.IfExp)):
            _claim_availability_test(node, ctx)
            return
        if not isinstance(node, ast.Call):
            super().check(node, ctx)
            return
        if id(node.func) in ctx.claimed:
            return
        ref = ctx.resolve_call(node)
        if ref is None or not _is_contrib(ref):
            return
        ctx.claim(node.func)
        table, symbol, text = destination(ref.name)
        advice = contrib_advice(node, ref, symbol, ctx) if table == "layers" else None
        renderer = _RENDERERS.get(symbol) if table in _RENDERED_TABLES else None
        if advice is not None:
            text = advice.text
        elif renderer is not None:
            params, render = renderer
            text = render(_Call(node, params, ctx), symbol) or text
        fix = advice.fix if advice is not None else None
        self._report_unless_guarded(ctx, node.func, ref, _slim_wrap(ref.name, table, symbol, text), fix)

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if not isinstance(node, IMPORT_NODES):
            self._report_unless_guarded(ctx, node, ref, self.replacement_for(ref, ctx))

    def _report_unless_guarded(
        self, ctx: Context, node: ast.AST, ref: TFRef, replacement: str, fix: Optional[Fix] = None
    ) -> None:
        """Report after the walk, when every `try` with an import fallback has been seen."""
        root, scope = _root_name(node), ctx.scope

        def finish() -> None:
            if root is None or not has_import_fallback(ctx, root.id, scope):
                moved = moved_module_fix(node, ref, ctx) if fix is None else None
                text = f"`{moved.edits[0].content}`." if moved is not None else replacement
                self.report(ctx, node, ref, replacement=text, fix=fix or moved)

        ctx.defer(finish)
