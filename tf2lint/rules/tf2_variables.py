"""Family 2 (TF2xx): variables, collections and layers."""

from __future__ import annotations

import ast
from typing import List, Optional

from tf2lint.context import Context
from tf2lint.data import keras3
from tf2lint.data import variables as data
from tf2lint.finding import Applicability, Fix
from tf2lint.names import VIA_COMPAT_V1, TFRef
from tf2lint.rules import pinned
from tf2lint.rules.base import Rule, register
from tf2lint.rules.call_args import arg, bind, flat_src
from tf2lint.rules.initializers import convert_initializer
from tf2lint.rules.render import (
    Rendered,
    expression,
    missing_in_tf2,
    module_alias,
    names_in,
    root_of,
)


@register
class GetVariableRule(Rule):
    """Reports `tf.get_variable` and `tf.get_local_variable`.

    `get_variable` finds or creates a variable by name in the current variable scope.
    TF2 tracks variables by Python object: create a `tf.Variable` once (or
    `self.add_weight` in a Keras layer) and keep a reference to it.
    """

    code = "TF201"
    symbol = "get-variable"
    summary = "`{name}` creates a variable by name in a TF1 variable scope"
    replacement = (
        "`tf.Variable(initializer(shape), name=...)` owned by a `tf.Module`, or "
        "`self.add_weight(name, shape, initializer=...)` in a Keras layer."
    )
    names = data.VARIABLE_NAMES
    node_types = (ast.Call,)
    INVALID = (
        "import tensorflow as tf\nw = tf.get_variable('w', [3, 4], initializer=tf.zeros_initializer())  # [TF201]\n",
        "import tensorflow.compat.v1 as tf\nb = tf.get_variable(  # [TF201]\n    'b', shape=[4])\n",
        "import tensorflow as tf\nw = tf.get_variable('w', [3], tf.float16, trainable=False)  # [TF201]\n",
    )
    VALID = (
        "import tensorflow as tf\nw = tf.Variable(tf.zeros([3, 4]), name='w')\n",
        "class Store:\n    def get_variable(self, name):\n        return name\nimport tensorflow as tf\nStore().get_variable('w')\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        if ref is None:
            return
        replacement = render_get_variable(node, ctx)
        code = replacement.split("`", 2)[1]  # the `tf.Variable(...)` it renders, shown as an edit
        fix = Fix(Applicability.DISPLAY_ONLY.value, (ctx.edit(node, code),), "A tf.Variable created once")
        self.report_call(ctx, node, ref, replacement, fix=fix)


def _nested(value: ast.AST, ctx: Context) -> Optional[Rendered]:
    """An argument that is itself a TF1 layer or initializer call, rendered as its TF2 form."""
    if not isinstance(value, ast.Call):
        return None
    ref = ctx.resolve_call(value)
    if ref is None:
        return None
    if ref.name.startswith("layers."):
        return render_layer_call(value, ref, ctx)
    return convert_initializer(value, ctx)


def render_layer_call(call: ast.Call, ref: TFRef, ctx: Context) -> Optional[Rendered]:
    """`tf.layers.dense(x, 64, activation=a)` -> `tf.keras.layers.Dense(units=64, activation=a)(x)`: every
    argument kept (`inputs` and `training` move to the layer's call), the ones Keras 3 lacks named."""
    short = ref.name.split(".")[-1]
    signature = data.LAYER_FUNCTION_SIGNATURES.get(short)
    root = root_of(call.func, ctx)
    if signature is None or root is None or pinned.unpacks(call) or len(call.args) > len(signature):
        return None
    bound = bind(call, signature, ctx).named
    values = dict(bound)
    if "inputs" not in values:
        return None
    introduced: set = set()

    def text(value: ast.AST) -> str:
        converted = _nested(value, ctx) or expression(value, ctx)
        introduced.update(converted.introduced)
        return " ".join(converted.text.split())

    kept = [f"{name}={text(value)}" for name, value in bound if name not in data.LAYER_DROPPED and name not in data.LAYER_CALL_ARGUMENTS]
    dropped = [(f"{name}={flat_src(ctx, value)}", data.LAYER_DROPPED[name]) for name, value in bound if name in data.LAYER_DROPPED]
    call_args = [text(values["inputs"])] + ([f"training={text(values['training'])}"] if "training" in values else [])
    code = f"{root.text}.keras.layers.{data.LAYERS[short]}({', '.join(kept)})({', '.join(call_args)})"
    if missing_in_tf2(names_in(code, root.text)):
        return None  # an argument still names a TF1 API (nested deeper): the text says how instead
    introduced |= set(names_in(code, root.text)[:1])
    return Rendered(call, [ctx.edit(call, code)], code, False, dropped, frozenset(introduced))


def render_get_variable(call: ast.Call, ctx: Context) -> str:
    """`tf.Variable(...)` and `self.add_weight(...)` built from every argument of the user's
    `get_variable` call (TF1 initializers converted; the arguments TF2 lacks named with why)."""
    root = module_alias(ctx, call)
    tf = root.text if root is not None else "tf"
    bound = bind(call, data.GET_VARIABLE_SIGNATURE, ctx)
    values = {name: value for name, value in bound.named}

    untranslated: List[str] = []

    def text(name: str) -> str:
        value = values[name]
        converted = convert_initializer(value, ctx) if name == "initializer" else None
        rendered = " ".join((converted or expression(value, ctx)).text.split())
        if missing_in_tf2(names_in(rendered, tf)):
            # A TF1 API TF2 lacks (`tf.contrib.layers.l2_regularizer(...)`): its own finding ports it.
            untranslated.append(f"`{name}=`: port `{rendered}` first (its own finding says how)")
            return f"<{name}>"
        return rendered

    init = text("initializer") if "initializer" in values else f"{tf}.{data.DEFAULT_INITIALIZER}"
    shape = text("shape") if "shape" in values else ""
    dtype = text("dtype") if "dtype" in values else ""
    if shape:
        value = f"{init}({shape}" + (f", dtype={dtype})" if dtype else ")")
    else:
        value = init  # no shape: TF1 took the initializer as the initial value (a tensor or constant)
    kept = [f"{name}={text(name)}" for name in data.VARIABLE_KEYWORDS if name in values]
    variable = f"`{tf}.Variable({', '.join([value, *kept, *bound.unpacked])})`"
    weight_args = [f"{name}={text(name)}" for name in data.ADD_WEIGHT_KEYWORDS if name in values and name != "initializer"]
    weight_args.append(f"initializer={init}")
    weight = f"`self.add_weight({', '.join(weight_args + bound.unpacked)})`"
    dropped = [
        f"`{name}={flat_src(ctx, values[name])}` is dropped: {why}."
        for name, why in data.GET_VARIABLE_DROPPED.items()
        if name in values
    ]
    where = f"{variable} kept on a `tf.Module`" + (f", or {weight} in a Keras layer's `build`." if shape else ".")
    if untranslated:
        dropped.append("For " + "; for ".join(untranslated) + ".")
    parts = [
        where,
        "" if "initializer" in values else "(TF1's default initializer was Glorot uniform.)",
        "A `tf.Variable` is not shared by name: create it once and keep the object.",
        *dropped,
    ]
    return " ".join(p for p in parts if p)


@register
class VariableScopeRule(Rule):
    """Reports `tf.variable_scope`, `get_variable_scope`, `VariableScope` and `AUTO_REUSE`.

    Variable scopes share variables by name; TF2 shares them by object. A scope that
    groups a model's variables becomes a `tf.Module` or Keras layer that creates them
    once; a scope used only for names becomes `tf.name_scope`.
    """

    code = "TF202"
    symbol = "variable-scope"
    summary = "`{name}` shares variables by name (TF1 variable scopes)"
    replacement = (
        "A `tf.keras.layers.Layer` / `tf.Module` subclass that creates its variables once and is reused as an "
        "object; use `tf.name_scope(name)` if the scope only prefixed names."
    )
    names = data.VARIABLE_SCOPE_NAMES
    INVALID = (
        "import tensorflow as tf\nwith tf.variable_scope('enc', reuse=tf.AUTO_REUSE):  # [TF202]\n    pass\n",
        "import tensorflow as tf\ntf.get_variable_scope().reuse_variables()  # [TF202]\n",
    )
    VALID = ("import tensorflow as tf\nwith tf.name_scope('enc'):\n    pass\n",)


@register
class CollectionRule(Rule):
    """Reports graph collections: `get_collection`, `add_to_collection(s)`, `get_collection_ref`, `GraphKeys`.

    Collections are global lists attached to the graph. In TF2 the objects that own
    variables, losses and updates expose them as attributes; some collections
    (`UPDATE_OPS`) are simply no longer needed, and under eager execution some
    collection calls raise while others silently return an empty list.
    """

    code = "TF203"
    symbol = "graph-collection"
    summary = "`{name}` uses a TF1 graph collection"
    replacement = data.DEFAULT_COLLECTION_REPLACEMENT
    names = {**{n: None for n in data.COLLECTION_FUNCTIONS}, "GraphKeys": None}
    node_types = (ast.Call,)
    INVALID = (
        "import tensorflow as tf\nupdates = tf.get_collection(tf.GraphKeys.UPDATE_OPS)  # [TF203]\n",
        "import tensorflow as tf\nreg = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)  # [TF203]\n",
        "import tensorflow as tf\ntf.add_to_collection('my_losses', loss)  # [TF203]\n",
        "import tensorflow as tf\nkeys = [tf.GraphKeys.GLOBAL_VARIABLES]  # [TF203]\n",
    )
    VALID = ("import tensorflow as tf\nreg = sum(model.losses)\nupdates = model.updates\n",)

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        if ref is None or ref.name not in data.COLLECTION_FUNCTIONS:
            return
        replacement = self.replacement
        key = arg(node, 0, "name") or arg(node, 0, "key")
        if isinstance(node.func, ast.Attribute) and ref.name == "add_to_collections":
            key = arg(node, 0, "names")
        if key is not None:
            key_ref = ctx.resolve(key)
            if key_ref is not None and key_ref.name.startswith("GraphKeys."):
                ctx.claim(key)
                replacement = data.GRAPH_KEY_REPLACEMENTS.get(key_ref.name.split(".", 1)[1], replacement)
        self.report_call(ctx, node, ref, replacement)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is not None and ref.name.startswith("GraphKeys."):
            return data.GRAPH_KEY_REPLACEMENTS.get(ref.name.split(".", 1)[1], self.replacement)
        return self.replacement


@register
class VariableListRule(Rule):
    """Reports the global variable lists: `trainable_variables()`, `global_variables()`, ...

    These read graph collections. TF2 has no global list of variables: each
    `tf.Module`, Keras layer or model reports the variables it owns.
    """

    code = "TF204"
    symbol = "global-variable-list"
    summary = "`{name}` reads the TF1 global variable collections"
    replacement = "`model.trainable_variables` / `model.variables` of the object that owns the variables."
    names = data.VARIABLE_LIST_NAMES
    INVALID = (
        "import tensorflow as tf\ngrads = tf.gradients(loss, tf.trainable_variables())  # [TF204]\n",
        "import tensorflow.compat.v1 as tf\nsaver_vars = tf.global_variables()  # [TF204]\n",
    )
    VALID = ("import tensorflow as tf\ngrads = tape.gradient(loss, model.trainable_variables)\n",)


@register
class LayersRule(Rule):
    """Reports `tf.layers.*` functions and classes.

    The TF1 layer functions create variables in the current variable scope on every
    call. Their Keras counterparts are objects: create each layer once, then call it.
    """

    code = "TF205"
    symbol = "tf-layers"
    summary = "`{name}` is a TF1 layer"
    replacement = "The matching `tf.keras.layers` class, created once and called: `dense = tf.keras.layers.Dense(units); y = dense(x)`."
    names = {"layers": None}
    INVALID = (
        "import tensorflow as tf\nh = tf.layers.dense(x, 64, activation=tf.nn.relu)  # [TF205]\n",
        "import tensorflow as tf\nfrom tensorflow.compat.v1 import layers  # [TF205]\ny = layers.conv2d(x, 32, 3)  # [TF205]\n",
    )
    VALID = (
        "import tensorflow as tf\nh = tf.keras.layers.Dense(64, activation='relu')(x)\n",
        "import tensorflow as tf\nh = tf.compat.v1.keras.layers.Dense(64)(x)\n",
    )
    version_notes = (
        "Up to TF 2.15 `tf.compat.v1.layers` runs (legacy, a warning). From 2.16 `tf.compat.v1.layers.*` raises "
        "`AttributeError` (not available with Keras 3): reported as removed, with `tf_keras` and "
        "`TF_USE_LEGACY_KERAS=1` as the stop-gap."
    )

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        call = ctx.call_of.get(id(node))
        rendered = render_layer_call(call, ref, ctx) if call is not None else None
        if rendered is None:
            self.report(ctx, node, ref)
            return
        text = self.replacement_for(ref, ctx).split(" created once", 1)
        notes = rendered.notes()
        shown = f"{rendered.display}, with the layer created once (in `__init__`/`build`) and called per step"
        replacement = shown + "." + (" " + notes if notes else "") + (text[1].split(".", 1)[1] if len(text) > 1 else "")
        fix = Fix(Applicability.DISPLAY_ONLY.value, tuple(rendered.edits), "The Keras layer, created and called")
        self.report(ctx, node, ref, replacement=replacement, fix=fix)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None or not ref.name.startswith("layers."):
            return self.replacement
        short = ref.name.split(".")[1]
        keras = data.LAYERS.get(short)
        if keras is None:
            return self.replacement
        if short[0].islower():
            text = f"`tf.keras.layers.{keras}(...)` created once, then called: `y = layer(x)`."
        else:
            text = f"`tf.keras.layers.{keras}`."
        text += data.LAYER_NOTES.get(keras, "")
        if ref.via == VIA_COMPAT_V1 and keras3.fails_with_keras3(ref.name, ctx.target_version):
            text += " " + keras3.ADVICE
        return text


@register
class MakeTemplateRule(Rule):
    """Reports `tf.make_template`.

    Templates share variables across calls through variable scopes. In TF2 a Keras
    layer or `tf.Module` shares variables by being the same object.
    """

    code = "TF206"
    symbol = "make-template"
    summary = "`{name}` shares variables through a TF1 template"
    replacement = (
        "A `tf.keras.layers.Layer` (or `tf.Module`) whose `__call__` is the template's function, created once and reused."
    )
    version_notes = (
        "The stop-gap shim `tf.compat.v1.keras.utils.track_tf1_style_variables` exists only with Keras 2: "
        "on TF 2.16 and later it needs `pip install tf_keras` and `TF_USE_LEGACY_KERAS=1`."
    )
    names = data.TEMPLATE_NAMES
    INVALID = ("import tensorflow as tf\nnet = tf.make_template('net', net_fn)  # [TF206]\n",)
    VALID = ("import tensorflow as tf\nnet = tf.keras.Sequential([tf.keras.layers.Dense(4)])\n",)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ctx.target_version < (2, 16):
            return self.replacement + " As a stop-gap, `@tf.compat.v1.keras.utils.track_tf1_style_variables` on a Layer method."
        return self.replacement


@register
class RegularizationLossRule(Rule):
    """Reports `tf.losses.get_regularization_loss(es)`.

    They read the `REGULARIZATION_LOSSES` collection, which Keras layers never fill in
    TF2: the call silently returns zero and the model trains unregularized.
    """

    code = "TF207"
    symbol = "regularization-loss"
    summary = "`{name}` reads the TF1 regularization-loss collection"
    replacement = "`sum(model.losses)` (the regularization losses the model's layers added)."
    names = data.REGULARIZATION_LOSS_NAMES
    INVALID = ("import tensorflow as tf\ntotal = loss + tf.losses.get_regularization_loss()  # [TF207]\n",)
    VALID = ("import tensorflow as tf\ntotal = loss + tf.add_n(model.losses)\n",)
