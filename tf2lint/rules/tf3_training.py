"""Family 3 (TF3xx): training loops: Estimator, hooks, global step, v1 metrics and losses."""

from __future__ import annotations

import ast
from functools import partial
from typing import Any, List, Optional, Tuple

from tf2lint.context import Context
from tf2lint.data import training as data
from tf2lint.finding import Severity
from tf2lint.names import TFRef
from tf2lint.rules.base import Rule, register
from tf2lint.rules.call_args import UNKNOWN, arg, keyword, literal, lookup, member, qualified, spelled_name, src

ESTIMATOR_REMOVED_IN = (2, 16)

ESTIMATOR_VERSION_NOTES = (
    "`tf.estimator` (with `tf.compat.v1.estimator` and `tf.keras.estimator`) was removed in TF 2.16. With "
    "`target-version` 2.16 or later (the default) the finding says the API is removed and is an error; with "
    "`target-version = \"2.15\"` it says deprecated and is a warning, because TF 2.15 still ships it through "
    "`tensorflow-estimator`."
)


def is_estimator_name(name: str) -> bool:
    if name in data.ESTIMATOR_ERA_HOOKS:
        return True
    return any(
        name == m or name.startswith(m + ".")
        for m in (
            *data.ESTIMATOR_MODULES, *data.TPU_ESTIMATOR_MODULES, *data.ESTIMATOR_PRIVATE_MODULES, *data.MODEL_TO_ESTIMATOR_NAMES
        )
    )


def estimator_status(ctx: Context) -> Tuple[str, Severity]:
    if ctx.target_version >= ESTIMATOR_REMOVED_IN:
        return "removed in TF 2.16: `tf.estimator` no longer exists", Severity.ERROR
    return (
        "deprecated: TF 2.15 still ships `tf.estimator` through `tensorflow-estimator`; TF 2.16 removes it",
        Severity.WARNING,
    )


def input_expr(ctx: Context, node: Optional[ast.AST]) -> str:
    """What an `input_fn` argument becomes: the dataset it returns."""
    if node is None:
        return "train_dataset"
    if isinstance(node, ast.Lambda) and not node.args.args:
        return ctx.source_of(node.body)
    return f"{ctx.source_of(node)}()"


class TrainingRule(Rule):
    """Shared reporting: Estimator APIs get the target-version status, other names the usual one."""

    def report(self, ctx: Context, node: ast.AST, ref: Optional[TFRef] = None, **kwargs: Any) -> None:
        if kwargs.get("message") is None and ref is not None and is_estimator_name(ref.name):
            kwargs["message"], kwargs["severity"] = self.estimator_message(ctx, ref.display)
        super().report(ctx, node, ref, **kwargs)

    def estimator_message(self, ctx: Context, name: str) -> Tuple[str, Severity]:
        """The summary for an Estimator API, with the status the target version gives it."""
        status, severity = estimator_status(ctx)
        return f"{self.summary.format(name=name)} ({status})", severity


# ----- TF301 ----------------------------------------------------------------------------------------

_ESTIMATOR_METHODS = {
    "train": "model.fit({data}{steps})",
    "evaluate": "model.evaluate({data}{steps})",
    "predict": "model.predict({data})",
}
_EXPORT_METHODS = frozenset({"export_saved_model", "export_savedmodel"})
# Keywords only `Estimator.evaluate` / `Estimator.predict` accept (Keras has none of them).
_ESTIMATOR_ONLY_KEYWORDS = frozenset({"input_fn", "checkpoint_path", "predict_keys", "yield_single_examples", "saving_listeners"})


def _export_call_shape(call: ast.Call) -> bool:
    """`x.export_saved_model(dir, serving_input_fn)`: an Estimator export even when `x` is not resolved."""
    if any(kw.arg in ("serving_input_receiver_fn", "checkpoint_path", "assets_extra") for kw in call.keywords):
        return True
    second = call.args[1] if len(call.args) > 1 else None
    return spelled_name(second).endswith(("input_fn", "receiver_fn"))


def _estimator_call_shape(call: ast.Call, first: Optional[ast.AST]) -> bool:
    """`x.train(input_fn=...)`, `x.predict(eval_input_fn)`: an Estimator call even when `x` is not resolved."""
    if any(kw.arg in _ESTIMATOR_ONLY_KEYWORDS for kw in call.keywords):
        return True
    return spelled_name(first).endswith("input_fn")


@register
class EstimatorRule(TrainingRule):
    """Reports the Estimator and its `model_fn` plumbing: `Estimator`, `EstimatorSpec`, `ModeKeys`, `input_fn` training calls.

    An Estimator runs a TF1 graph built by `model_fn` inside a monitored session, fed by
    an `input_fn`. TF 2.16 removed `tf.estimator`; the same model is a Keras model trained
    with `compile`/`fit` (or a custom `train_step` / `GradientTape` loop) on a `tf.data`
    dataset, and `mode == ModeKeys.TRAIN` becomes the `training` argument.
    """

    code = "TF301"
    symbol = "estimator"
    summary = "`{name}` is the TF1 Estimator API"
    replacement = data.ESTIMATOR_GENERIC
    names = {
        "estimator": None,
        **{module: None for module in data.ESTIMATOR_PRIVATE_MODULES},
        **qualified(data.ESTIMATOR_MODULES, data.ESTIMATOR_CORE),
        **qualified(data.ESTIMATOR_MODULES, data.HEADS),
        **qualified(data.TPU_ESTIMATOR_MODULES, ["TPUEstimatorSpec"]),
    }
    node_types = (ast.Call, ast.Import, ast.ImportFrom)
    version_notes = ESTIMATOR_VERSION_NOTES
    INVALID = (
        "import tensorflow as tf\n\ndef model_fn(features, labels, mode, params):\n"
        "    logits = model(features, training=mode == tf.estimator.ModeKeys.TRAIN)  # [TF301]\n"
        "    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)  # [TF301]\n\n"
        "est = tf.estimator.Estimator(model_fn=model_fn, model_dir='/tmp/m', params={'lr': 0.1})  # [TF301]\n"
        "est.train(input_fn=train_input_fn, max_steps=1000)  # [TF301]\n",
        "from tensorflow import estimator  # [TF301]\nspec = estimator.EstimatorSpec(mode=mode, predictions=p)  # [TF301]\n",
        "import tensorflow.compat.v1 as tf\nif mode == tf.estimator.ModeKeys.PREDICT:  # [TF301]\n    pass\n",
        "import tensorflow_estimator as tfe  # [TF301]\nimport tensorflow as tf\n",
    )
    VALID = (
        "import tensorflow as tf\n\nclass Net(tf.keras.Model):\n    def call(self, x, training=False):\n"
        "        return self.dense(x)\n\nmodel = Net()\nmodel.fit(train_ds, validation_data=val_ds)\n",
        "import tensorflow as tf\nfrom sklearn.linear_model import Ridge\nest = Ridge()\nest.predict(x)\n"
        "trainer.train(dataset, steps=10)\n",
    )

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None:
            return self.replacement
        name = member(ref.name, (*data.ESTIMATOR_MODULES, *data.TPU_ESTIMATOR_MODULES))
        key = lookup(data.ESTIMATOR_CORE, name)
        if key is not None and data.ESTIMATOR_CORE[key]:
            return str(data.ESTIMATOR_CORE[key])
        head = lookup(data.HEADS, name)
        if head is not None:
            return data.HEAD_REPLACEMENT.format(loss=data.HEADS[head])
        if name.endswith("TPUEstimatorSpec"):
            return data.TPU_SPEC_REPLACEMENT
        return self.replacement

    def check(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self._check_package_import(node, ctx)
            return
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        if ref is not None:
            if is_estimator_name(ref.name):
                self._check_construction(node, ref, ctx)
            return
        func = node.func
        if isinstance(func, ast.Attribute) and (func.attr in _ESTIMATOR_METHODS or func.attr in _EXPORT_METHODS):
            self._check_method(node, func, ctx)

    def _check_package_import(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules = [node.module or ""]
        else:
            return
        if any(module.split(".")[0] == data.ESTIMATOR_PACKAGE for module in modules):
            message, severity = self.estimator_message(ctx, data.ESTIMATOR_PACKAGE)
            self.report(ctx, node, None, message=message, severity=severity)

    def _check_construction(self, call: ast.Call, ref: TFRef, ctx: Context) -> None:
        name = member(ref.name, (*data.ESTIMATOR_MODULES, *data.TPU_ESTIMATOR_MODULES))
        last = name.rsplit(".", 1)[-1]
        if last == "Estimator":
            replacement = self._render_estimator(call, ctx)
        elif last == "EstimatorSpec":
            replacement = self._render_spec(call, ctx)
        elif last in ("numpy_input_fn", "pandas_input_fn"):
            replacement = self._render_input_fn(call, ctx, last)
        else:
            return
        self.report_call(ctx, call, ref, replacement)

    @staticmethod
    def _render_estimator(call: ast.Call, ctx: Context) -> str:
        model_fn = src(ctx, arg(call, 0, "model_fn"), "model_fn")
        text = (
            f"A `tf.keras.Model` holding the layers `{model_fn}` builds, trained with "
            "`model.compile(optimizer=..., loss=..., metrics=[...])` and `model.fit(train_dataset, validation_data=eval_dataset)` "
            "(custom logic: override `train_step`, or write a `tf.GradientTape` loop)."
        )
        params = arg(call, 3, "params")
        if params is not None:
            text += f" `params` ({ctx.source_of(params)}) become arguments of the model's constructor."
        model_dir = arg(call, 1, "model_dir")
        if model_dir is not None:
            d = ctx.source_of(model_dir)
            text += (
                f" Checkpoints in {d}: `callbacks=[tf.keras.callbacks.BackupAndRestore(os.path.join({d}, 'backup'))]` "
                "(a directory of its own: it deletes it when `fit` ends), or "
                f"`tf.train.CheckpointManager(tf.train.Checkpoint(model=model), {d}, max_to_keep=5)` in a custom loop."
            )
        warm = arg(call, 4, "warm_start_from")
        if warm is not None:
            text += f" Warm start: `model.load_weights({ctx.source_of(warm)})` before `fit`."
        return text

    @staticmethod
    def _render_spec(call: ast.Call, ctx: Context) -> str:
        parts = {
            "loss": "`loss` → `compile(loss=...)` (or the value `train_step` differentiates)",
            "train_op": "`train_op` → the optimizer in `compile(optimizer=...)` (or `optimizer.apply_gradients` in `train_step`)",
            "eval_metric_ops": "`eval_metric_ops` → `compile(metrics=[tf.keras.metrics...])`",
            "predictions": "`predictions` → the model's outputs (`model.predict`)",
            "export_outputs": "`export_outputs` → `signatures=` of `tf.saved_model.save`",
            "training_hooks": "`training_hooks` → `callbacks=[...]` of `fit`",
            "evaluation_hooks": "`evaluation_hooks` → `callbacks=[...]` of `evaluate`",
            "prediction_hooks": "`prediction_hooks` → `callbacks=[...]` of `predict`",
            "scaffold": "`scaffold` → nothing (variables initialize when created)",
        }
        positional = (
            "mode", "predictions", "loss", "train_op", "eval_metric_ops", "export_outputs", "training_chief_hooks", "training_hooks",
        )
        given = [p for i, p in enumerate(positional) if p in parts and arg(call, i, p) is not None]
        given += [kw.arg for kw in call.keywords if kw.arg in parts and kw.arg not in given]
        detail = "; ".join(parts[p] for p in given if p is not None)
        text = "No spec object in TF2: a Keras model's `compile`/`fit` (or `train_step`/`test_step`) takes its parts"
        return f"{text}: {detail}." if detail else f"{text}: loss, optimizer and metrics go to `compile`."

    @staticmethod
    def _render_input_fn(call: ast.Call, ctx: Context, kind: str) -> str:
        x = src(ctx, arg(call, 0, "x"), "x")
        y = arg(call, 1, "y")
        features = f"dict({x})" if kind == "pandas_input_fn" else x
        chain = f"tf.data.Dataset.from_tensor_slices(({features}, {ctx.source_of(y)}))" if y is not None else (
            f"tf.data.Dataset.from_tensor_slices({features})"
        )
        shuffle = arg(call, 4, "shuffle")
        capacity = src(ctx, arg(call, 5, "queue_capacity"), "1000")
        shuffle_value = literal(shuffle)
        note = ""
        if shuffle is not None and (shuffle_value is UNKNOWN or shuffle_value):
            chain += f".shuffle({capacity})"
            if shuffle_value is UNKNOWN:
                note = f" (shuffle only when {ctx.source_of(shuffle)})"
        epochs = arg(call, 3, "num_epochs")
        epochs_value = literal(epochs)
        if epochs is not None and epochs_value is None:
            chain += ".repeat()"
        elif epochs is not None and epochs_value != 1:
            chain += f".repeat({ctx.source_of(epochs)})"
        chain += f".batch({src(ctx, arg(call, 2, 'batch_size'), '128')})"
        return f"`{chain}`{note}, passed to `model.fit`."

    def _check_method(self, call: ast.Call, func: ast.Attribute, ctx: Context) -> None:
        receiver = ctx.resolve(func.value)
        known = receiver is not None and receiver.instance and is_estimator_name(receiver.name)
        input_fn = keyword(call, "input_fn")
        if func.attr in _EXPORT_METHODS:
            if not known and not _export_call_shape(call):
                return
            export_dir = src(ctx, arg(call, 0, "export_dir_base"), "export_dir")
            replacement = (
                f"`model.export({export_dir})` (Keras 3) or `tf.saved_model.save(model, {export_dir}, signatures=serve)` "
                "with a `@tf.function(input_signature=[...])` serving function."
            )
        else:
            first = input_fn.value if input_fn is not None else (call.args[0] if call.args else None)
            if not known and not _estimator_call_shape(call, first):
                return
            data_src = input_expr(ctx, first)
            steps_node = keyword(call, "steps") or keyword(call, "max_steps")
            steps = ""
            if steps_node is not None and func.attr == "train":
                steps = f", epochs=1, steps_per_epoch={ctx.source_of(steps_node.value)}"
            elif steps_node is not None and func.attr == "evaluate":
                steps = f", steps={ctx.source_of(steps_node.value)}"
            replacement = f"`{_ESTIMATOR_METHODS[func.attr].format(data=data_src, steps=steps)}` on a Keras model"
            if keyword(call, "hooks") is not None:
                replacement += ", with the hooks as `callbacks=[...]`"
            replacement += " (the `input_fn` returns a `tf.data.Dataset`)."
        message, severity = self.estimator_message(ctx, f"{ctx.source_of(func)}(...)")
        self.report(ctx, call, receiver if known else None, message=message, replacement=replacement, severity=severity)


# ----- TF302 ----------------------------------------------------------------------------------------


@register
class CannedEstimatorRule(TrainingRule):
    """Reports the canned estimators (`DNNClassifier`, `LinearRegressor`, `DNNLinearCombined*`, `BoostedTrees*`, `TPUEstimator`, ...).

    Canned estimators are Estimators with a built-in `model_fn`, so they disappeared
    with `tf.estimator` in TF 2.16. Each maps to a small Keras model that must also
    reproduce the canned defaults (Adagrad for DNNs, Ftrl for linear models), to TF
    Decision Forests for boosted trees, and to `TPUStrategy` for `TPUEstimator`.
    """

    code = "TF302"
    symbol = "canned-estimator"
    summary = "`{name}` is a canned TF1 Estimator"
    replacement = "A Keras model built to the same architecture, trained with `compile`/`fit` on a `tf.data` dataset."
    names = qualified(data.ESTIMATOR_MODULES, data.CANNED_KINDS)
    node_types = (ast.Call,)
    version_notes = ESTIMATOR_VERSION_NOTES + (
        " Linear and wide-and-deep estimators map to `tf.compat.v1.keras.models.LinearModel` / `WideDeepModel` below "
        "2.16 only: those classes exist in Keras 2 alone, so from 2.16 the replacement is a plain Keras model."
    )
    INVALID = (
        "import tensorflow as tf\nclf = tf.estimator.DNNClassifier(hidden_units=[64, 32], feature_columns=cols, n_classes=3)  # [TF302]\n",
        "import tensorflow as tf\nreg = tf.estimator.LinearRegressor(feature_columns=cols)  # [TF302]\n",
        "import tensorflow.compat.v1 as tf\n"
        "est = tf.estimator.tpu.TPUEstimator(model_fn=model_fn, use_tpu=True, train_batch_size=1024)  # [TF302]\n",
        "from tensorflow.estimator import BoostedTreesClassifier  # [TF302]\n"
        "m = BoostedTreesClassifier(cols, n_batches_per_layer=1)  # [TF302]\n",
    )
    VALID = (
        "import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(64, activation='relu'), tf.keras.layers.Dense(3)])\n"
        "model.compile('adam', tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n",
        "import tensorflow as tf\nfrom sklearn.neural_network import MLPClassifier\nclf = MLPClassifier(hidden_layer_sizes=(64, 32))\n",
    )

    def _kind(self, ref: TFRef) -> Optional[str]:
        key = lookup(data.CANNED_KINDS, member(ref.name, data.ESTIMATOR_MODULES))
        return data.CANNED_KINDS[key] if key is not None else None

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        kind = self._kind(ref) if ref is not None else None
        if kind is None:
            return self.replacement
        return self._render(kind, None, ctx, ref.name if ref is not None else "")

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        kind = self._kind(ref) if ref is not None else None
        if ref is None or kind is None:
            return
        self.report_call(ctx, node, ref, self._render(kind, node, ctx, ref.name))

    def _render(self, kind: str, call: Optional[ast.Call], ctx: Context, name: str) -> str:
        if kind in data.CANNED_OTHER:
            return data.CANNED_OTHER[kind]
        if kind == "tpu":
            return self._render_tpu(call, ctx)
        keras2 = ctx.target_version < ESTIMATOR_REMOVED_IN
        get = partial(arg, call)
        if kind.startswith("dnn"):
            layers = _dense_stack(ctx, get(0, "hidden_units"), get(-1, "activation_fn"), get(-1, "dropout"))
            output, loss = _head(ctx, kind, get(-1, "n_classes"), get(-1, "label_dimension"))
            optimizer = _optimizer(ctx, get(-1, "optimizer"), "dnn")
            features = src(ctx, get(1, "feature_columns"), "feature_columns")
            return (
                f"`model = tf.keras.Sequential([{layers}, {output}])` on inputs preprocessed with Keras layers "
                f"(replacing the feature columns `{features}`, see TF501), then "
                f"`model.compile(optimizer={optimizer}, loss={loss})` and `model.fit(dataset)`.{_defaults_note(get)}"
            )
        if kind.startswith("linear"):
            output, loss = _head(ctx, kind, get(-1, "n_classes"), get(-1, "label_dimension"))
            units = output[len("tf.keras.layers.Dense(") : -1]
            optimizer = _optimizer(ctx, get(-1, "optimizer"), "linear")
            features = src(ctx, get(0, "feature_columns"), "feature_columns")
            if keras2:
                model = f"`model = tf.compat.v1.keras.models.LinearModel(units={units})` (Keras 2 only)"
            else:
                model = (
                    f"a one-layer Keras model `tf.keras.Sequential([{output}])` (`LinearModel` exists only in Keras 2: "
                    "`tf_keras` with `TF_USE_LEGACY_KERAS=1`)"
                )
            return (
                f"{model} on the one-hot / crossed features from Keras preprocessing layers (replacing the feature "
                f"columns `{features}`, see TF501), `model.compile(optimizer={optimizer}, loss={loss})`, "
                f"`model.fit(dataset)`.{_defaults_note(get)}"
            )
        # wide-deep
        suffix = "classifier" if name.endswith("Classifier") else "regressor" if name.endswith("Regressor") else "estimator"
        head_kind = "wide-deep-" + suffix
        output, loss = _head(ctx, head_kind, get(-1, "n_classes"), get(-1, "label_dimension"))
        units = output[len("tf.keras.layers.Dense(") : -1]
        layers = _dense_stack(ctx, get(-1, "dnn_hidden_units"), get(-1, "dnn_activation_fn"), get(-1, "dnn_dropout"))
        linear_opt = _optimizer(ctx, get(-1, "linear_optimizer"), "linear")
        dnn_opt = _optimizer(ctx, get(-1, "dnn_optimizer"), "dnn")
        if keras2:
            return (
                f"`model = tf.compat.v1.keras.models.WideDeepModel(tf.compat.v1.keras.models.LinearModel(units={units}), "
                f"tf.keras.Sequential([{layers}, {output}]))` (Keras 2 only), "
                f"`model.compile(optimizer=[{linear_opt}, {dnn_opt}], loss={loss})`, `model.fit(dataset)`.{_defaults_note(get)}"
            )
        return (
            "A functional Keras model adding a wide (linear) and a deep part: "
            f"`logits = tf.keras.layers.Add()([{output}(wide_inputs), tf.keras.Sequential([{layers}, {output}])(deep_inputs)])` "
            f"(`WideDeepModel` exists only in Keras 2), `model.compile(optimizer=..., loss={loss})`; the optimizers were "
            f"`{linear_opt}` for the wide part and `{dnn_opt}` for the deep part.{_defaults_note(get)}"
        )

    @staticmethod
    def _render_tpu(call: Optional[ast.Call], ctx: Context) -> str:
        model_fn = src(ctx, arg(call, 0, "model_fn"), "model_fn")
        text = (
            "`strategy = tf.distribute.TPUStrategy(tf.distribute.cluster_resolver.TPUClusterResolver(tpu))`; build the "
            f"Keras model (the layers `{model_fn}` creates) under `strategy.scope()` and "
            "`model.compile(..., steps_per_execution=iterations_per_loop)`"
        )
        batch = arg(call, 5, "train_batch_size")
        if batch is not None:
            text += f"; batch the dataset with the global batch size: `dataset.batch({ctx.source_of(batch)}, drop_remainder=True)`"
        return text + "."


def _dense_stack(ctx: Context, hidden: Optional[ast.AST], activation: Optional[ast.AST], dropout: Optional[ast.AST]) -> str:
    act = src(ctx, activation, "'relu'")
    drop = f", tf.keras.layers.Dropout({ctx.source_of(dropout)})" if dropout is not None else ""
    units = literal(hidden)
    if isinstance(units, (list, tuple)) and units and all(isinstance(u, int) for u in units):
        return ", ".join(f"tf.keras.layers.Dense({u}, activation={act}){drop}" for u in units)
    hidden_src = src(ctx, hidden, "hidden_units")
    if drop:
        return f"*[layer for u in {hidden_src} for layer in (tf.keras.layers.Dense(u, activation={act}){drop})]"
    return f"*[tf.keras.layers.Dense(u, activation={act}) for u in {hidden_src}]"


def _defaults_note(get: Any) -> str:
    if get(-1, "optimizer") is not None and get(-1, "linear_optimizer") is None and get(-1, "dnn_optimizer") is None:
        return ""
    return (
        " The canned defaults were Adagrad(learning_rate=0.05) for DNNs and Ftrl with learning rate "
        "min(0.2, 1/sqrt(number of feature columns)) for linear models."
    )


def _head(ctx: Context, kind: str, n_classes: Optional[ast.AST], label_dim: Optional[ast.AST]) -> Tuple[str, str]:
    """The output layer and loss a canned estimator's head implies."""
    if kind.endswith("regressor"):
        dim = src(ctx, label_dim, "1")
        return f"tf.keras.layers.Dense({dim})", "tf.keras.losses.MeanSquaredError()"
    if kind.endswith("estimator"):
        return "tf.keras.layers.Dense(units)", "the loss of its `head`"
    n = literal(n_classes)
    if n_classes is None or n == 2:
        return "tf.keras.layers.Dense(1)", "tf.keras.losses.BinaryCrossentropy(from_logits=True)"
    return f"tf.keras.layers.Dense({ctx.source_of(n_classes)})", "tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)"


def _optimizer(ctx: Context, node: Optional[ast.AST], family: str) -> str:
    """The Keras optimizer for `compile`: the canned default, or the user's own one, a TF1 optimizer
    call rendered as its Keras class (never a TF1 optimizer, which `compile` rejects)."""
    from tf2lint.rules.tf7_optimizers import optimizer_class, render_optimizer

    if node is None:
        return data.CANNED_DEFAULT_OPTIMIZER[family]
    ref = ctx.resolve_call(node)
    cls = optimizer_class(ref.name) if ref is not None else None
    if cls is None:
        return " ".join(ctx.source_of(node).split())
    rendered = render_optimizer(node, cls, ctx) if isinstance(node, ast.Call) else None
    if rendered is not None:
        return " ".join(rendered.text.split())
    return f"<a Keras optimizer: `{ref.display if ref else cls}` has no Keras class, see TF701>"


# ----- TF303 ----------------------------------------------------------------------------------------


@register
class TrainingSpecRule(TrainingRule):
    """Reports the Estimator training driver: `TrainSpec`, `EvalSpec`, `train_and_evaluate`, `RunConfig`, exporters, `add_metrics`.

    These configure how an Estimator trains, evaluates, checkpoints and exports. In TF2
    the same settings are arguments of `Model.fit` (`validation_data`, `epochs`,
    `steps_per_epoch`) and Keras callbacks (`ModelCheckpoint`, `BackupAndRestore`,
    `TensorBoard`); exporting is `model.export` / `tf.saved_model.save`.
    """

    code = "TF303"
    symbol = "estimator-training-spec"
    summary = "`{name}` configures Estimator training"
    replacement = (
        "`model.fit(train_dataset, validation_data=eval_dataset, epochs=..., callbacks=[tf.keras.callbacks.ModelCheckpoint(...), "
        "tf.keras.callbacks.TensorBoard(log_dir)])`."
    )
    names = qualified(data.ESTIMATOR_MODULES, data.TRAINING_SPEC)
    node_types = (ast.Call,)
    version_notes = ESTIMATOR_VERSION_NOTES + (
        " Distributed evaluation with `tf.keras.utils.SidecarEvaluator` exists in Keras 2 only (TF <= 2.15 or `tf_keras`)."
    )
    INVALID = (
        "import tensorflow as tf\n"
        "config = tf.estimator.RunConfig(model_dir='/tmp/m', save_checkpoints_steps=500, keep_checkpoint_max=3)  # [TF303]\n"
        "train_spec = tf.estimator.TrainSpec(input_fn=train_input_fn, max_steps=10000)  # [TF303]\n"
        "eval_spec = tf.estimator.EvalSpec(input_fn=lambda: make_ds('eval'), steps=50)  # [TF303]\n"
        "tf.estimator.train_and_evaluate(est, train_spec, eval_spec)  # [TF303]\n",
        "import tensorflow as tf\nexporter = tf.estimator.BestExporter(serving_input_receiver_fn=serving_fn)  # [TF303]\n",
        "import tensorflow.compat.v1 as tf\nfn = tf.estimator.export.build_parsing_serving_input_receiver_fn(spec)  # [TF303]\n",
    )
    VALID = (
        "import tensorflow as tf\nmodel.fit(train_ds, validation_data=val_ds, epochs=5,\n"
        "          callbacks=[tf.keras.callbacks.ModelCheckpoint('ckpt/{epoch:02d}.weights.h5', save_weights_only=True)])\n",
    )

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None:
            return self.replacement
        key = lookup(data.TRAINING_SPEC, member(ref.name, data.ESTIMATOR_MODULES))
        if key is not None and data.TRAINING_SPEC[key]:
            return str(data.TRAINING_SPEC[key])
        return self.replacement

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        if ref is None:
            return
        name = member(ref.name, data.ESTIMATOR_MODULES)
        render = {
            "TrainSpec": self._train_spec,
            "EvalSpec": self._eval_spec,
            "train_and_evaluate": self._train_and_evaluate,
            "RunConfig": self._run_config,
            "tpu.RunConfig": self._run_config,
        }.get(name)
        if render is None:
            return
        self.report_call(ctx, node, ref, render(node, ctx))

    @staticmethod
    def _train_spec(call: ast.Call, ctx: Context) -> str:
        dataset = input_expr(ctx, arg(call, 0, "input_fn"))
        steps = arg(call, 1, "max_steps")
        text = f"`model.fit({dataset}"
        text += f", epochs=1, steps_per_epoch={ctx.source_of(steps)}" if steps is not None else ", epochs=num_epochs"
        hooks = arg(call, 2, "hooks")
        text += ", callbacks=[...])` with the hooks as Keras callbacks" if hooks is not None else ")`"
        return text + "."

    @staticmethod
    def _eval_spec(call: ast.Call, ctx: Context) -> str:
        dataset = input_expr(ctx, arg(call, 0, "input_fn"))
        steps = arg(call, 1, "steps")
        text = f"`validation_data={dataset}"
        if steps is None or literal(steps) is not None:
            text += f", validation_steps={src(ctx, steps, '100')}"
        text += "` in `model.fit`"
        if arg(call, 4, "exporters") is not None:
            text += "; exporters → `tf.keras.callbacks.ModelCheckpoint(path, save_best_only=True)` and `model.export(path)`"
        if arg(call, 6, "throttle_secs") is not None:
            text += "; Keras validates every `validation_freq` epochs, not by seconds"
        return text + "."

    @staticmethod
    def _train_and_evaluate(call: ast.Call, ctx: Context) -> str:
        est = src(ctx, arg(call, 0, "estimator"), "estimator")
        train = src(ctx, arg(call, 1, "train_spec"), "train_spec")
        evaluate = src(ctx, arg(call, 2, "eval_spec"), "eval_spec")
        sidecar = "`tf.keras.utils.SidecarEvaluator`" + (" (Keras 2 only)" if ctx.target_version >= ESTIMATOR_REMOVED_IN else "")
        return (
            f"`model.fit(train_dataset, validation_data=eval_dataset, epochs=..., steps_per_epoch=..., callbacks=[...])` "
            f"with the Keras model that replaces {est} and the datasets of {train} and {evaluate}; multi-worker training "
            f"under `tf.distribute.MultiWorkerMirroredStrategy`, a separate evaluator job with {sidecar}."
        )

    @staticmethod
    def _run_config(call: ast.Call, ctx: Context) -> str:
        model_dir = arg(call, 0, "model_dir")
        d = src(ctx, model_dir, "model_dir")
        items: List[str] = []
        steps = keyword(call, "save_checkpoints_steps")
        if model_dir is not None or steps is not None:
            freq = ctx.source_of(steps.value) if steps is not None else "'epoch'"
            items.append(
                f"`tf.keras.callbacks.ModelCheckpoint(os.path.join({d}, 'ckpt-{{epoch:02d}}.weights.h5'), "
                f"save_weights_only=True, save_freq={freq})` and `tf.keras.callbacks.BackupAndRestore(os.path.join({d}, "
                "'backup'))` to resume (a directory apart from the checkpoints: it deletes it when `fit` ends)"
            )
        if keyword(call, "save_checkpoints_secs") is not None:
            items.append("Keras checkpoints by batches (`save_freq=N`) or epochs, not seconds")
        keep = keyword(call, "keep_checkpoint_max")
        if keep is not None:
            items.append(
                f"`tf.train.CheckpointManager(tf.train.Checkpoint(model=model), {d}, max_to_keep={ctx.source_of(keep.value)})` "
                "to keep only the newest checkpoints"
            )
        summary = keyword(call, "save_summary_steps")
        if summary is not None:
            items.append(f"`tf.keras.callbacks.TensorBoard({d}, update_freq={ctx.source_of(summary.value)})`")
        seed = arg(call, 1, "tf_random_seed")
        if seed is not None:
            items.append(f"`tf.keras.utils.set_random_seed({ctx.source_of(seed)})`")
        if keyword(call, "session_config") is not None:
            items.append("`tf.config` calls instead of the session config (see TF110)")
        for key in ("train_distribute", "eval_distribute"):
            strategy = keyword(call, key)
            if strategy is not None:
                items.append(f"build and compile the model under `{ctx.source_of(strategy.value)}.scope()`")
        if keyword(call, "tpu_config") is not None:
            items.append("`tf.distribute.TPUStrategy(resolver)` and `compile(..., steps_per_execution=iterations_per_loop)`")
        if not items:
            return (
                "Keras callbacks and settings: `tf.keras.callbacks.ModelCheckpoint(...)`, `tf.keras.callbacks.TensorBoard(log_dir)`, "
                "`tf.keras.utils.set_random_seed(seed)`, and a `tf.distribute` strategy for devices."
            )
        return "Keras callbacks and settings: " + "; ".join(items) + "."


# ----- TF304 ----------------------------------------------------------------------------------------


@register
class ModelToEstimatorRule(TrainingRule):
    """Reports `tf.keras.estimator.model_to_estimator`.

    Wrapping a Keras model in an Estimator only made it trainable by Estimator
    infrastructure. That infrastructure is gone in TF 2.16: train, evaluate and
    save the Keras model directly.
    """

    code = "TF304"
    symbol = "model-to-estimator"
    summary = "`{name}` wraps a Keras model in a TF1 Estimator"
    replacement = (
        "Use the Keras model itself: `model.fit(dataset)`, `model.evaluate(...)`, `model.predict(...)`; save it with "
        "`model.save('model.keras')` and export it with `model.export(dir)` (Keras 3) or `tf.saved_model.save(model, dir)`."
    )
    names = {name: None for name in data.MODEL_TO_ESTIMATOR_NAMES}
    node_types = (ast.Call,)
    version_notes = ESTIMATOR_VERSION_NOTES
    INVALID = (
        "import tensorflow as tf\nest = tf.keras.estimator.model_to_estimator(keras_model=model, model_dir='/tmp/m')  # [TF304]\n",
        "from tensorflow.keras.estimator import model_to_estimator  # [TF304]\nest = model_to_estimator(model)  # [TF304]\n",
    )
    VALID = ("import tensorflow as tf\nmodel.fit(train_ds, epochs=3)\nmodel.save('model.keras')\n",)

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        if ref is None or not ref.name.endswith("model_to_estimator"):
            return
        model = src(ctx, arg(node, 0, "keras_model"), "model")
        replacement = (
            f"Use {model} itself: `{model}.fit(dataset)`, `{model}.evaluate(...)`, `{model}.predict(...)`; save with "
            f"`{model}.save('model.keras')`, export with `{model}.export(dir)` (Keras 3) or `tf.saved_model.save({model}, dir)`."
        )
        self.report_call(ctx, node, ref, replacement)


# ----- TF305 ----------------------------------------------------------------------------------------

_HOOK_KEYS = [h for h in data.HOOKS if not h.startswith("experimental.")]
_EARLY_STOP = {
    "stop_if_no_decrease_hook": "min",
    "stop_if_no_increase_hook": "max",
}


@register
class SessionRunHookRule(TrainingRule):
    """Reports `SessionRunHook` subclasses and the built-in hooks (`LoggingTensorHook`, `StopAtStepHook`, `CheckpointSaverHook`, ...).

    Hooks plug into a TF1 `MonitoredSession` around each `session.run`. TF2 has no
    session to hook: Keras `fit` takes callbacks (`ModelCheckpoint`, `TensorBoard`,
    `EarlyStopping`, `TerminateOnNaN`, a custom `Callback`), and a custom loop simply
    runs the code between steps.
    """

    code = "TF305"
    symbol = "session-run-hook"
    summary = "`{name}` is a TF1 session-run hook"
    replacement = "A Keras callback in `model.fit(..., callbacks=[...])` (or plain code between the steps of a custom loop)."
    names = {
        **qualified(data.HOOK_MODULES, _HOOK_KEYS),
        **qualified(data.ESTIMATOR_MODULES, [h for h in data.HOOKS if h.startswith("experimental.")]),
        **qualified(data.DEBUG_HOOK_MODULES, data.DEBUG_HOOKS),
        **{name: None for name in data.ESTIMATOR_ERA_HOOKS},
    }
    node_types = (ast.Call,)
    version_notes = (
        "The hooks under `tf.train` (removed from TF2; `tf.compat.v1.train` keeps them) are reported the same for every "
        "target version. " + ESTIMATOR_VERSION_NOTES.replace("`tf.estimator`", "`tf.estimator` (which re-exports the hooks)", 1)
    )
    INVALID = (
        "import tensorflow as tf\n\nclass TimerHook(tf.train.SessionRunHook):  # [TF305]\n"
        "    def before_run(self, run_context):\n        return tf.train.SessionRunArgs(loss)  # [TF305]\n",
        "import tensorflow as tf\nhooks = [tf.train.StopAtStepHook(num_steps=1000),  # [TF305]\n"
        "         tf.train.NanTensorHook(loss)]  # [TF305]\n",
        "import tensorflow.compat.v1 as tf\nsaver_hook = tf.train.CheckpointSaverHook('/tmp/ckpt', save_steps=500)  # [TF305]\n",
        "import tensorflow as tf\nstop = tf.estimator.experimental.stop_if_no_decrease_hook(est, 'loss', 1000)  # [TF305]\n",
    )
    VALID = (
        "import tensorflow as tf\ncallbacks = [tf.keras.callbacks.EarlyStopping(patience=3), tf.keras.callbacks.TerminateOnNaN(),\n"
        "             tf.keras.callbacks.TensorBoard('logs')]\n",
        "import tensorflow as tf\n\nclass Timer(tf.keras.callbacks.Callback):\n    def on_train_batch_end(self, batch, logs=None):\n"
        "        pass\n",
    )

    @staticmethod
    def _hook(ref: TFRef) -> Optional[str]:
        return lookup(data.HOOKS, member(ref.name, (*data.HOOK_MODULES, *data.ESTIMATOR_MODULES)))

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None:
            return self.replacement
        if ref.name in data.ESTIMATOR_ERA_HOOKS:
            return data.ESTIMATOR_ERA_HOOKS[ref.name]
        if ref.name.rsplit(".", 1)[-1] in data.DEBUG_HOOKS:
            return data.DEBUG_HOOK_REPLACEMENT
        key = self._hook(ref)
        if key is None:
            return self.replacement
        return data.HOOKS[key] or self._render(key, None, ctx)

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        self._check_hook_arguments(node, ref, ctx)
        if ref is None or self.match_name(ref.name) is None:
            return
        key = self._hook(ref)
        if key is None or data.HOOKS[key] is not None:
            return
        self.report_call(ctx, node, ref, self._render(key, node, ctx))

    def _check_hook_arguments(self, call: ast.Call, ref: Optional[TFRef], ctx: Context) -> None:
        """`training_hooks=[...]` on its own line of a multi-line TF1 call: the hook list is the idiom there."""
        hooks = [kw for kw in call.keywords if kw.arg in data.HOOK_KEYWORDS and getattr(kw, "lineno", call.lineno) != call.lineno]
        if not hooks:
            return
        func = call.func
        estimator_call = ref is None and isinstance(func, ast.Attribute) and func.attr in _ESTIMATOR_METHODS
        if not (ref is not None or estimator_call and _estimator_call_shape(call, None)):
            return
        if ref is None or is_estimator_name(ref.name):
            status, severity = estimator_status(ctx)
        else:
            status, severity = self.status_note(ref), self.severity_for(ref)
        for kw in hooks:
            message = f"`{kw.arg}=` passes TF1 session-run hooks ({status})"
            self.report(ctx, kw, None, message=message, replacement=data.HOOK_ARGUMENT_REPLACEMENT, severity=severity)

    def _render(self, key: str, call: Optional[ast.Call], ctx: Context) -> str:
        def get(i: int, n: str, default: str) -> str:
            return src(ctx, arg(call, i, n), default)

        def given(i: int, n: str) -> bool:
            return arg(call, i, n) is not None

        short = key.rsplit(".", 1)[-1]
        if short == "StopAtStepHook":
            if given(1, "last_step") and not given(0, "num_steps"):
                return (
                    f"`model.fit(dataset, epochs=E, steps_per_epoch=S)` with `E * S == {get(1, 'last_step', 'last_step')}`; "
                    "`tf.keras.callbacks.BackupAndRestore(backup_dir)` resumes an interrupted run at the right step "
                    "(`backup_dir` only for it: it is deleted when `fit` ends)."
                )
            return (
                f"`model.fit(dataset, epochs=1, steps_per_epoch={get(0, 'num_steps', 'num_steps')})` "
                f"(or `for batch in dataset.take({get(0, 'num_steps', 'num_steps')}):` in a custom loop)."
            )
        if short == "CheckpointSaverHook":
            d = get(0, "checkpoint_dir", "checkpoint_dir")
            freq = get(2, "save_steps", "'epoch'")
            text = (
                f"`tf.keras.callbacks.ModelCheckpoint(os.path.join({d}, 'ckpt-{{epoch:02d}}.weights.h5'), save_weights_only=True, "
                f"save_freq={freq})` (Keras 3 paths end in `.weights.h5` / `.keras`), or "
                f"`tf.keras.callbacks.BackupAndRestore(os.path.join({d}, 'backup'))` to resume after interruption (its own "
                f"directory, deleted when `fit` ends); in a custom loop `tf.train.CheckpointManager(ckpt, {d}, max_to_keep=5).save()`"
            )
            if given(1, "save_secs"):
                text += "; Keras saves every N batches (`save_freq=N`), not every N seconds"
            return text + "."
        if short == "LoggingTensorHook":
            n = get(1, "every_n_iter", "N")
            return (
                "Return the values as metrics (Keras prints them and passes them in `logs`), and log every "
                f"{n} steps with `tf.keras.callbacks.LambdaCallback(on_train_batch_end=lambda batch, logs: "
                f"print(batch, logs) if batch % {n} == 0 else None)`; in a custom loop `tf.print(...)`."
            )
        if short == "SummarySaverHook":
            return (
                f"`tf.keras.callbacks.TensorBoard(log_dir={get(2, 'output_dir', 'log_dir')}, update_freq={get(0, 'save_steps', 'N')})`; "
                "in a custom loop `tf.summary.scalar(name, value, step=step)` inside `writer.as_default()`."
            )
        if short == "ProfilerHook":
            out = get(2, "output_dir", "log_dir")
            return (
                f"`tf.keras.callbacks.TensorBoard(log_dir={out}, profile_batch=(start, stop))`, or "
                f"`tf.profiler.experimental.start({out})` / `tf.profiler.experimental.stop()` around the profiled steps."
            )
        if short in _EARLY_STOP:
            metric = arg(call, 1, "metric_name")
            value = literal(metric)
            monitor = f"'val_{value}'" if isinstance(value, str) else (f"'val_' + {ctx.source_of(metric)}" if metric else "'val_loss'")
            patience = get(2, "max_steps_without_decrease" if short.endswith("decrease_hook") else "max_steps_without_increase", "N")
            return (
                f"`tf.keras.callbacks.EarlyStopping(monitor={monitor}, mode='{_EARLY_STOP[short]}', "
                f"patience={patience} // steps_per_epoch, restore_best_weights=True)` (patience counts epochs, not steps)."
            )
        # stop_if_higher_hook / stop_if_lower_hook
        metric_src = get(1, "metric_name", "'loss'")
        op = ">" if short == "stop_if_higher_hook" else "<"
        return (
            "A `tf.keras.callbacks.Callback` whose `on_epoch_end(self, epoch, logs)` sets `self.model.stop_training = True` "
            f"when `logs['val_' + {metric_src}] {op} {get(2, 'threshold', 'threshold')}`."
        )


# ----- TF306 ----------------------------------------------------------------------------------------


@register
class GlobalStepRule(TrainingRule):
    """Reports the global-step helpers: `get_or_create_global_step`, `get_global_step`, `create_global_step`, `global_step`.

    The global step is a variable found through a graph collection. TF2 has no
    collections: the optimizer counts its own updates in `optimizer.iterations`, and a
    custom loop keeps its step in an ordinary variable it owns.
    """

    code = "TF306"
    symbol = "global-step"
    summary = "`{name}` uses the TF1 global-step collection"
    replacement = data.GLOBAL_STEP_REPLACEMENT
    names = qualified(data.GLOBAL_STEP_MODULES, data.GLOBAL_STEP)
    INVALID = (
        "import tensorflow as tf\nstep = tf.train.get_or_create_global_step()  # [TF306]\n",
        "import tensorflow.compat.v1 as tf\n"
        "lr = tf.train.exponential_decay(0.1, tf.train.get_global_step(), 1000, 0.96)  # [TF703, TF306]\n",
    )
    VALID = (
        "import tensorflow as tf\nstep = tf.Variable(0, dtype=tf.int64, trainable=False)\nstep.assign_add(1)\n"
        "n = optimizer.iterations\n",
    )

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        key = lookup(data.GLOBAL_STEP, member(ref.name, data.GLOBAL_STEP_MODULES)) if ref is not None else None
        return (data.GLOBAL_STEP[key] if key is not None else None) or self.replacement
