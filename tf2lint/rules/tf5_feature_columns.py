"""Family 5 (TF5xx): feature columns and the layers that consume them."""

from __future__ import annotations

import ast
import math
import weakref
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from tf2lint.context import Context
from tf2lint.data import feature_columns as data
from tf2lint.finding import Severity
from tf2lint.names import VIA_COMPAT_V1, TFRef
from tf2lint.resolver import Scope
from tf2lint.rules.base import LEGACY_NOTE, PRIVATE_NOTE, REMOVED_NOTE, Rule, register
from tf2lint.rules.call_args import literal, param, src


def _short(ref: TFRef) -> str:
    """The function name under a feature-column module (``numeric_column``), or ""."""
    if ref.name.startswith(data.MODULE + "."):
        return ref.name[len(data.MODULE) + 1 :].split(".")[0]
    return ""


@dataclass
class Layer:
    """A Keras preprocessing layer rendered from a column's own arguments."""

    cls: str
    args: List[str]
    note: str
    ids: Optional[int] = None  # how many distinct ids it outputs, when the arguments say

    def code(self, *extra: str) -> str:
        return f"`tf.keras.layers.{self.cls}({', '.join([*self.args, *extra])})`"


class _Renderer:
    """Turns one column constructor call into the Keras code that replaces it."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def src(self, node: Optional[ast.AST], default: str) -> str:
        return src(self.ctx, node, default)

    def arg(self, call: ast.Call, short: str, name: str, via: str = "") -> Optional[ast.expr]:
        params = data.V1_SIGNATURES.get(short, data.SIGNATURES[short]) if via == VIA_COMPAT_V1 else data.SIGNATURES[short]
        return param(call, params, name)

    def column_call(self, node: Optional[ast.AST]) -> Optional[tuple]:
        """(short name, call, ref) when ``node`` is a feature-column constructor call, or a name bound to one."""
        if isinstance(node, ast.Name):
            node = _assigned_column(self.ctx, node)
        if not isinstance(node, ast.Call):
            return None
        ref = self.ctx.resolve_call(node)
        if ref is None or _short(ref) not in data.SIGNATURES:
            return None
        return _short(ref), node, ref

    # ----- categorical columns -> layers ---------------------------------------

    def categorical(self, node: Optional[ast.AST]) -> Optional[Layer]:
        found = self.column_call(node)
        if found is None:
            return None
        short, call, ref = found
        base = short.replace("sequence_", "", 1) if short.startswith("sequence_categorical") else short
        make = self._CATEGORICAL.get(base)
        return make(self, call, short, ref.via) if make is not None else None

    def _identity(self, call: ast.Call, short: str, via: str) -> Layer:
        n = self.arg(call, short, "num_buckets")
        return Layer("CategoryEncoding", [f"num_tokens={self.src(n, 'num_buckets')}"], data.IDENTITY_NOTE, _int(n))

    def _vocabulary(self, call: ast.Call, short: str, via: str) -> Layer:
        vocab = self.arg(call, short, "vocabulary_list") or self.arg(call, short, "vocabulary_file")
        oov = self.arg(call, short, "num_oov_buckets", via)
        dtype = self.src(self.arg(call, short, "dtype", via), "")
        values = literal(vocab)
        integer = "int" in dtype or (
            isinstance(values, (list, tuple)) and bool(values) and all(isinstance(v, int) for v in values)
        )
        args = [f"vocabulary={self.src(vocab, '[...]')}"]
        if oov is not None:
            args.append(f"num_oov_indices={self.src(oov, 'k')}")
        note = data.OOV_NOTE
        size = self.arg(call, short, "vocabulary_size", via)
        if size is not None:
            note += f" The layer reads the whole file: keep only its first {self.src(size, 'n')} lines if `vocabulary_size` trimmed it."
        ids = None
        extra = _int(oov) if oov is not None else 1
        known = len(values) if isinstance(values, (list, tuple)) else _int(size)
        if known is not None and extra is not None:
            ids = known + extra
        return Layer("IntegerLookup" if integer else "StringLookup", args, note, ids)

    def _hash(self, call: ast.Call, short: str, via: str) -> Layer:
        n = self.arg(call, short, "hash_bucket_size")
        return Layer("Hashing", [f"num_bins={self.src(n, 'hash_bucket_size')}"], data.HASH_NOTE, _int(n))

    def _crossed(self, call: ast.Call, short: str, via: str) -> Layer:
        n = self.arg(call, short, "hash_bucket_size")
        note = data.CROSS_NOTE
        if self.arg(call, short, "hash_key") is not None:
            note = " A custom `hash_key` has no Keras counterpart: the buckets will differ from the column's."
        keys = literal(self.arg(call, short, "keys"))
        if isinstance(keys, (list, tuple)) and keys and all(isinstance(k, str) for k in keys):
            note = f" Call it on the inputs: `crossing(({', '.join(f'inputs[{k!r}]' for k in keys)}))`." + note
        return Layer("HashedCrossing", [f"num_bins={self.src(n, 'hash_bucket_size')}"], note, _int(n))

    def _bucketized(self, call: ast.Call, short: str, via: str) -> Layer:
        bounds = self.arg(call, short, "boundaries")
        values = literal(bounds)
        ids = len(values) + 1 if isinstance(values, (list, tuple)) else None
        note = " Same bucket ids as the column (checked)."
        source = self.column_call(self.arg(call, short, "source_column"))
        if source is not None and source[0] == "numeric_column":
            key = self.arg(source[1], "numeric_column", "key")
            if key is not None:
                note = f" Apply it to the `{self.src(key, 'key')}` input." + note
        return Layer("Discretization", [f"bin_boundaries={self.src(bounds, '[...]')}"], note, ids)

    _CATEGORICAL: Dict[str, Callable[[_Renderer, ast.Call, str, str], Layer]] = {
        "categorical_column_with_identity": _identity,
        "categorical_column_with_vocabulary_list": _vocabulary,
        "categorical_column_with_vocabulary_file": _vocabulary,
        "categorical_column_with_hash_bucket": _hash,
        "crossed_column": _crossed,
        "bucketized_column": _bucketized,
    }

    # ----- whole replacements ----------------------------------------------------

    def render(self, call: ast.Call, short: str, ref: TFRef) -> Optional[str]:
        if short == "numeric_column" or short == "sequence_numeric_column":
            return self._numeric(call, short)
        if short == "indicator_column":
            inner = self.categorical(self.arg(call, short, "categorical_column"))
            if inner is None:
                return None
            one_hot = inner.code("output_mode='one_hot'")
            return f"{one_hot} (`'multi_hot'` when an example has several values)." + inner.note
        if short in ("embedding_column", "shared_embeddings", "shared_embedding_columns"):
            return self._embedding(call, short)
        if short == "weighted_categorical_column":
            inner = self.categorical(self.arg(call, short, "categorical_column"))
            weight = self.arg(call, short, "weight_feature_key")
            n = str(inner.ids) if inner is not None and inner.ids is not None else "number_of_ids"
            lead = f"{inner.code()} for the ids, then " if inner is not None and inner.cls != "CategoryEncoding" else ""
            return (
                f"{lead}`tf.keras.layers.CategoryEncoding(num_tokens={n}, output_mode='count')` called as "
                f"`layer(ids, count_weights=inputs[{self.src(weight, 'weight_key')}])`: the weights are a call argument."
            )
        layer = self.categorical(call)
        if layer is None:
            return None
        text = layer.code() + "."
        if layer.cls == "CategoryEncoding":
            text = layer.code("output_mode='one_hot'") + " (for an `Embedding`, feed the ids directly)."
        if short.startswith("sequence_"):
            return text + data.SEQUENCE_NOTE + layer.note
        return text + layer.note

    def _numeric(self, call: ast.Call, short: str) -> str:
        key = self.src(self.arg(call, short, "key"), "'key'")
        shape_node = self.arg(call, short, "shape")
        shape = literal(shape_node)
        if isinstance(shape, int):
            dims = [str(shape)]
        elif isinstance(shape, (list, tuple)) and all(isinstance(d, int) for d in shape):
            dims = [str(d) for d in shape]
        elif shape_node is None:
            dims = ["1"]
        else:
            dims = [f"*{self.src(shape_node, 'shape')}"]
        if short.startswith("sequence_"):
            dims.insert(0, "None")
        shape_src = f"({dims[0]},)" if len(dims) == 1 else f"({', '.join(dims)})"
        dtype = self.arg(call, short, "dtype")
        dtype_src = f", dtype={self.src(dtype, '')}" if dtype is not None else ""
        text = f"`tf.keras.Input(shape={shape_src}, name={key}{dtype_src})`"
        norm = self.arg(call, short, "normalizer_fn")
        if norm is not None:
            text += (
                f" followed by `tf.keras.layers.Normalization()` adapted to the training data (`norm.adapt(values)`) "
                f"in place of `normalizer_fn={self.src(norm, 'fn')}` (or apply that function in the `tf.data` map)"
            )
        default = self.arg(call, short, "default_value")
        text += "."
        if default is not None:
            text += f" Fill missing values when parsing: `tf.io.FixedLenFeature(shape, dtype, default_value={self.src(default, 'value')})`."
        if short.startswith("sequence_"):
            text += " Pad or keep the time axis ragged; the sequence model consumes it directly."
        else:
            text += " In a `FeatureSpace`: `FeatureSpace.float_normalized()` (or `float()`)."
        return text

    def _embedding(self, call: ast.Call, short: str) -> str:
        dim_node = self.arg(call, short, "dimension")
        dim = self.src(dim_node, "dimension")
        shared = short != "embedding_column"
        inner = None
        if not shared:
            inner = self.categorical(self.arg(call, short, "categorical_column"))
        else:
            columns = self.arg(call, short, "categorical_columns")
            if isinstance(columns, (ast.List, ast.Tuple)) and columns.elts:
                inner = self.categorical(columns.elts[0])
        n = str(inner.ids) if inner is not None and inner.ids is not None else "number_of_ids"
        lead = ""
        if inner is not None and inner.cls != "CategoryEncoding":
            lead = f"{inner.code()} then "
        emb = f"`tf.keras.layers.Embedding(input_dim={n}, output_dim={dim})`"
        text = f"{lead}{emb}"
        if shared:
            text = f"One {emb} object called on each categorical input (after its lookup layer): calling the same layer shares its table."
        else:
            text += "."
        combiner = literal(self.arg(call, short, "combiner"))
        pooling = {"mean": "average", "sum": "sum", "sqrtn": "sum divided by sqrt(count)"}.get(
            combiner if isinstance(combiner, str) else "mean", "average"
        )
        text += (
            f" `Embedding` has no `combiner`: for several ids per example pool the looked-up vectors explicitly "
            f"({pooling} over the id axis, masking padding; the column's default was `'mean'`)."
        )
        init = self.arg(call, short, "initializer")
        if init is not None:
            text += f" Pass `embeddings_initializer={self.src(init, 'initializer')}`."
        else:
            d = _int(dim_node)
            stddev = f"{1 / math.sqrt(d):.4g}" if d else f"1 / math.sqrt({dim})"
            text += (
                " To keep the column's initialization pass "
                f"`embeddings_initializer=tf.keras.initializers.TruncatedNormal(stddev={stddev})` "
                "(Keras defaults to `RandomUniform(-0.05, 0.05)`)."
            )
        if inner is not None and inner.note and inner.cls in ("StringLookup", "IntegerLookup"):
            text += inner.note
        return text


# `education = fc.categorical_column_with_vocabulary_list(...)`: the constructor call each
# name was last assigned, per scope, so that `fc.embedding_column(education, 8)` can size its table.
_ASSIGNED: weakref.WeakKeyDictionary[Context, Dict[Tuple[int, str], ast.Call]] = weakref.WeakKeyDictionary()


def _record_assignment(node: ast.Assign, ctx: Context) -> None:
    if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Call):
        ref = ctx.resolve_call(node.value)
        if ref is not None and _short(ref) in data.SIGNATURES:
            _ASSIGNED.setdefault(ctx, {})[(id(ctx.scope), node.targets[0].id)] = node.value


def _assigned_column(ctx: Context, name: ast.Name) -> Optional[ast.Call]:
    """The recorded constructor call, if the name still denotes a feature column where it is used."""
    ref = ctx.resolve(name)
    recorded = _ASSIGNED.get(ctx)
    if ref is None or not ref.instance or recorded is None:
        return None
    scope: Optional[Scope] = ctx.scope
    while scope is not None:
        if name.id in scope.bindings:
            call = recorded.get((id(scope), name.id))
            if call is None:
                return None
            call_ref = ctx.resolve_call(call)
            return call if call_ref is not None and call_ref.name == ref.name else None
        scope = scope.parent
    return None


def _int(node: Optional[ast.AST]) -> Optional[int]:
    value = literal(node)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@register
class FeatureColumnRule(Rule):
    """Reports every `tf.feature_column` constructor (`numeric_column`, `categorical_column_with_*`,
    `embedding_column`, `sequence_*`, ...).

    Feature columns describe preprocessing for Estimators and `DenseFeatures`. TF2 deprecates
    them in favour of Keras preprocessing layers, which run inside the model or the `tf.data`
    pipeline, can be adapted to data and saved with the model. Keras 3 (TF 2.16+) has no
    layer that consumes feature columns at all. The replacement is rendered from the call's
    own arguments; where the layer's behaviour differs (lookup indices shift by the OOV slots,
    embedding combiners and initializers), the message says how.
    """

    code = "TF501"
    symbol = "feature-column"
    summary = "`{name}` is a feature column; Keras preprocessing layers replace it"
    replacement = (
        "The matching Keras preprocessing layer (`Normalization`, `Discretization`, `StringLookup`, `IntegerLookup`, "
        "`Hashing`, `HashedCrossing`, `CategoryEncoding`, `Embedding`), or `tf.keras.utils.FeatureSpace`."
    )
    names = {f"{data.MODULE}.{short}": None for short in data.CONSTRUCTORS}
    node_types = (ast.Call,)
    call_names = tuple(names)
    version_notes = (
        "`tf.feature_column` still exists in TF 2.21, deprecated. From TF 2.16 `tf.keras` is Keras 3, which has no "
        "`DenseFeatures`: columns reach a Keras model only through `tf_keras` (`TF_USE_LEGACY_KERAS=1`). "
        "`shared_embedding_columns` exists only as `tf.compat.v1.feature_column.shared_embedding_columns`; its TF2 "
        "name is `tf.feature_column.shared_embeddings`. Every layer named in the replacements exists as "
        "`tf.keras.layers.*` in TF 2.15 and 2.21 (older releases had `HashedCrossing` and the lookup layers under "
        "`tf.keras.layers.experimental.preprocessing`)."
    )
    INVALID = (
        "import tensorflow as tf\nage = tf.feature_column.numeric_column('age', normalizer_fn=scale)  # [TF501]\n",
        "import tensorflow as tf\nfc = tf.feature_column\n"
        "city = fc.categorical_column_with_vocabulary_list('city', ['paris', 'rome'])  # [TF501]\n"
        "city_emb = fc.embedding_column(city, 8)  # [TF501]\n",
        "from tensorflow.feature_column import bucketized_column  # [TF501]\n"
        "b = bucketized_column(age, boundaries=[18, 35, 65])  # [TF501]\n",
        "import tensorflow.compat.v1 as tf\n"
        "ids = tf.feature_column.sequence_categorical_column_with_identity('ids', num_buckets=100)  # [TF501]\n",
    )
    VALID = (
        "import tensorflow as tf\nage = tf.keras.Input(shape=(1,), name='age')\n"
        "city = tf.keras.layers.StringLookup(vocabulary=['paris', 'rome'])\n"
        "space = tf.keras.utils.FeatureSpace(features={'age': tf.keras.utils.FeatureSpace.float_normalized()})\n",
        "import tensorflow as tf\n\ndef numeric_column(key):\n    return key\n\nnumeric_column('age')\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        assignment = ctx.assigned.get(id(node))
        if assignment is not None:
            _record_assignment(assignment, ctx)
        ref = self.called(node, ctx)
        if ref is None:
            return
        replacement = _Renderer(ctx).render(node, _short(ref), ref) or self.replacement_for(ref, ctx)
        self.report_call(ctx, node, ref, replacement)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is not None:
            return data.CONSTRUCTORS.get(_short(ref), self.replacement)
        return self.replacement

    def severity_for(self, ref: Optional[TFRef]) -> Severity:
        return Severity.ERROR if ref is not None and _status(ref) == REMOVED_NOTE else Severity.WARNING

    def status_note(self, ref: Optional[TFRef]) -> str:
        return _status(ref) if ref is not None else ""


def _status(ref: TFRef) -> str:
    """Whether the function still runs on TF2, and how."""
    if ref.private:
        return PRIVATE_NOTE
    if ref.via == VIA_COMPAT_V1:
        return LEGACY_NOTE
    return data.DEPRECATED_NOTE if _short(ref) in data.V2_NAMES else REMOVED_NOTE


@register
class FeatureColumnLayerRule(Rule):
    """Reports what consumes feature columns: `input_layer`, `linear_model`, `DenseFeatures`,
    `SequenceFeatures`, `shared_embedding_columns`, `make_parse_example_spec`.

    These turn a list of feature columns into a dense tensor (or a linear model) inside a TF1
    graph or a Keras 2 model. Keras 3, the `tf.keras` of TF 2.16 and later, has no
    `DenseFeatures`: models built on it need the legacy `tf_keras` package. In TF2 each
    feature is preprocessed by its own Keras layer and the results are concatenated, or a
    `tf.keras.utils.FeatureSpace` does both.
    """

    code = "TF502"
    symbol = "feature-column-layer"
    summary = "`{name}` consumes feature columns"
    replacement = data.LAYER_FUNCTIONS["input_layer"]
    names = {
        **{f"{data.MODULE}.{short}": None for short in data.LAYER_FUNCTIONS},
        **{name: None for name in data.KERAS_LAYERS},
    }
    node_types = (ast.Call,)
    call_names = tuple(names)
    version_notes = (
        "`tf.keras.layers.DenseFeatures` and `tf.keras.experimental.SequenceFeatures` exist up to TF 2.15 (Keras 2). "
        "With `target-version` 2.16 or later they are reported as errors: Keras 3 removed them (also from "
        "`tf.compat.v1.keras`), and they run only with `pip install tf_keras` and `TF_USE_LEGACY_KERAS=1`. "
        "`input_layer`, `linear_model` and `shared_embedding_columns` exist only under `tf.compat.v1.feature_column` "
        "(graph mode); `make_parse_example_spec` is still in `tf.feature_column`, deprecated."
    )
    INVALID = (
        "import tensorflow as tf\nnet = tf.feature_column.input_layer(features, columns)  # [TF502]\n",
        "import tensorflow as tf\nlayer = tf.keras.layers.DenseFeatures(columns)  # [TF502]\n",
        "import tensorflow.compat.v1 as tf\nlogits = tf.feature_column.linear_model(features, columns, units=3)  # [TF502]\n",
        "import tensorflow as tf\nspec = tf.feature_column.make_parse_example_spec(columns)  # [TF502]\n",
    )
    VALID = (
        "import tensorflow as tf\nx = tf.keras.layers.Concatenate()([age_norm, city_onehot])\n"
        "spec = {'age': tf.io.FixedLenFeature([1], tf.float32)}\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        if ref is None:
            return
        replacement = self.replacement_for(ref, ctx)
        short = _short(ref)
        if short == "linear_model":
            units_src = src(ctx, param(node, data.SIGNATURES[short], "units"), "1")
            replacement = replacement.replace("Dense(units)", f"Dense({units_src})")
        elif short == "shared_embedding_columns":
            rendered = _Renderer(ctx)._embedding(node, short)
            replacement = rendered or replacement
        self.report_call(ctx, node, ref, replacement, message=self._message(ref, ctx), severity=self._severity(ref, ctx))

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        message, severity = self._message(ref, ctx), self._severity(ref, ctx)
        self.report(ctx, node, ref, message=message, replacement=self.replacement_for(ref, ctx), severity=severity)

    def _keras(self, ref: TFRef) -> bool:
        return self.match_name(ref.name) in data.KERAS_LAYERS

    def _severity(self, ref: TFRef, ctx: Context) -> Severity:
        if self._keras(ref):
            return Severity.ERROR if ctx.target_version >= (2, 16) else Severity.WARNING
        return self.severity_for(ref)

    def _message(self, ref: TFRef, ctx: Context) -> str:
        text = self.summary.format(name=ref.display)
        if self._keras(ref):
            note = data.KERAS2_ONLY_NOTE if ctx.target_version >= (2, 16) else data.KERAS2_DEPRECATED_NOTE
        else:
            note = _status(ref)
        return f"{text} ({note})"

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None:
            return self.replacement
        if self._keras(ref):
            key = self.match_name(ref.name) or ""
            return data.KERAS_LAYERS.get(key, self.replacement)
        return data.LAYER_FUNCTIONS.get(_short(ref), self.replacement)

    def severity_for(self, ref: Optional[TFRef]) -> Severity:
        return Severity.ERROR if ref is not None and _status(ref) == REMOVED_NOTE else Severity.WARNING
