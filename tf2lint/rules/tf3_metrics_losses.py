"""Family 3 (TF3xx), v1 metrics and losses: functions that TF2 turned into Keras objects."""

from __future__ import annotations

import ast
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Tuple

from tf2lint.context import Context
from tf2lint.data import training as data
from tf2lint.finding import Severity
from tf2lint.names import VIA_COMPAT_V1, TFRef
from tf2lint.rules.base import Rule, is_v2_ref, register
from tf2lint.rules.call_args import arg, flat_src, keyword, member, qualified, src

KERAS3 = (2, 16)  # first release whose `tf.keras` is Keras 3


# ----- TF307 / TF308: v1 metrics and losses ---------------------------------------------------------


# Family 3 codes whose plain-`tf` names never existed in TF2 (unlike `tf.estimator`, present up to 2.15).
_TF1_ONLY_CODES = frozenset({"TF306", "TF307", "TF308"})
_PENDING = "tf3.same-name"  # ctx.memo key: the calls and references decided after the walk


def written_for_tf1(ctx: Context) -> bool:
    """True when the module calls plain-`tf` names that TF2 removed: it was written against TF1.

    Weaker evidence (`ctx.runs_tf1`) is not enough here: TF2-era code that spells some
    calls `tf.compat.v1.X` still means Keras by a plain `tf.losses.mean_squared_error`.
    The Estimator rules are left out because `tf.estimator` existed up to TF 2.15. Under
    `--fix`, the TF1 names the text had before the fixes renamed them count too.
    """
    for _, finding in ctx.findings:
        family = finding.code[2]
        if finding.severity is Severity.ERROR and (family not in "03" or finding.code in _TF1_ONLY_CODES):
            return True
    return ctx.tf1_before_fixes()


def _tf1_signature(call: ast.Call, tf1_keywords: frozenset, max_positional: int) -> bool:
    """True when a call uses an argument only the TF1 function accepts."""
    return len(call.args) > max_positional or any(kw.arg in tf1_keywords for kw in call.keywords)


class _SameName(NamedTuple):
    """A plain-`tf` name TF2 (or Keras 2) also serves, reported once the module's evidence is known."""

    rule: _V1FunctionRule
    node: ast.AST  # where the finding goes
    ref: TFRef
    name: str  # the member (`mean_squared_error`)
    replacement: Optional[str]  # the v1 reading's, for a call (None: the rule's for the name)
    call: Optional[ast.Call]


def _decide_after_the_walk(ctx: Context, item: _SameName) -> None:
    pending: Optional[List[_SameName]] = ctx.memo.get(_PENDING)
    if pending is None:
        pending = ctx.memo[_PENDING] = []
        # Deferred twice: after every check the walk deferred (TF602's, ...), whose findings are evidence too.
        ctx.defer(lambda: ctx.defer(lambda: _settle(ctx)))
    pending.append(item)


def _settle(ctx: Context) -> None:
    """Read the evidence once, then report each pending name by it: TF1's v1 function in a module
    written against TF1; elsewhere Keras 2's function of the same name, where the target lacks it."""
    pending: List[_SameName] = ctx.memo.pop(_PENDING, [])
    tf1 = written_for_tf1(ctx)
    runs_tf1 = ctx.runs_tf1
    for item in pending:
        if tf1 and not is_v2_ref(item.ref):
            item.rule.report(ctx, item.node, item.ref, replacement=item.replacement)
        elif item.name in item.rule.in_keras2 and ctx.target_version >= KERAS3:
            item.rule.report_keras2(ctx, item)
    ctx.runs_tf1 = runs_tf1  # a Keras 2 function missing from Keras 3 is no sign of TF1 semantics


class _V1FunctionRule(Rule):
    """v1 metric and loss modules: same module name as the Keras aliases TF2 puts there.

    `tf.metrics` / `tf.losses` in TF2 are `tf.keras.metrics` / `tf.keras.losses`, so a
    plain-`tf` name that TF2 also defines is reported only for a TF1 call signature or
    in a module written against TF1; a name only Keras 2 defines is reported everywhere
    when the target's Keras (3, from TF 2.16) lacks it.
    """

    modules: Tuple[str, ...] = ()
    module_name = ""  # the bare module, reported when reached through compat.v1
    table: Mapping[str, Any] = {}
    in_tf2: frozenset = frozenset()  # members every supported TF2 serves under the same name
    in_keras2: Mapping[str, str] = {}  # members only Keras 2 serves: the Keras class of the same values
    tf1_keywords: frozenset = frozenset()
    version_notes = data.SAME_NAME_VERSION_NOTE

    def _member(self, ref: TFRef) -> str:
        return member(ref.name, self.modules)

    def _is_v1(self, ref: TFRef) -> bool:
        return ref.via == VIA_COMPAT_V1 or not ref.name.startswith(self.module_name + ".")

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if is_v2_ref(ref):
            return  # (the engine passes no `tf.compat.v2` reference; its calls are checked below)
        if ref.name == self.module_name:
            if ref.via == VIA_COMPAT_V1:
                self.report(ctx, node, ref)
            return
        name = self._member(ref)
        head = name.split(".", 1)[0]
        if head not in self.table:
            return
        if self._is_v1(ref) or not self._overlaps(name):
            self.report(ctx, node, ref)
        else:
            _decide_after_the_walk(ctx, _SameName(self, node, ref, name, None, None))

    def _overlaps(self, name: str) -> bool:
        """Whether some supported TF2 serves ``name`` too (Keras 2's functions on TF <= 2.15)."""
        return name in self.in_tf2 or name in self.in_keras2

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        if ref is None:
            return
        if is_v2_ref(ref):
            self._keras2_spelled_v2(node.func, ref, node, ctx)
            return
        name = self._member(ref)
        if name not in self.table:
            return
        ctx.claim(node.func)
        replacement = self.render(name, node, ctx)
        if self._is_v1(ref) or not self._overlaps(name) or _tf1_signature(node, self.tf1_keywords, 2):
            self.report(ctx, node.func, ref, replacement=replacement)
        else:
            _decide_after_the_walk(ctx, _SameName(self, node.func, ref, name, replacement, node))

    def _keras2_spelled_v2(self, node: ast.AST, ref: TFRef, call: ast.Call, ctx: Context) -> None:
        """`tf.compat.v2.losses.mean_squared_error(y, p)` is Keras's function whatever the module runs:
        reported only where the target's Keras lacks it."""
        name = self._member(ref)
        if name in self.in_keras2:
            ctx.claim(node)
            _decide_after_the_walk(ctx, _SameName(self, node, ref, name, None, call))

    def render(self, name: str, call: ast.Call, ctx: Context) -> str:
        raise NotImplementedError

    def report_keras2(self, ctx: Context, item: _SameName) -> None:
        """Keras 2's function of the same name, on a target whose Keras (3) lacks it."""
        cls = self.in_keras2[item.name]
        if item.call is not None:
            y_true = flat_src(ctx, arg(item.call, 0, "y_true"), "y_true")
            y_pred = flat_src(ctx, arg(item.call, 1, "y_pred"), "y_pred")
            replacement = data.KERAS2_FUNCTION_CALL.format(cls=cls, y_true=y_true, y_pred=y_pred)
        else:
            replacement = data.KERAS2_FUNCTION_REFERENCE.format(cls=cls)
        message = (
            f"`{item.ref.display}` is Keras 2's per-example function, which Keras 3 lacks "
            "(this line fails on TF 2.16 and later)"
        )
        self.report(ctx, item.node, item.ref, message=message, replacement=replacement, severity=Severity.ERROR)


def _values(ctx: Context, call: ast.Call, params: Tuple[str, ...]) -> Dict[str, str]:
    return {p: src(ctx, arg(call, i, p), p) for i, p in enumerate(params)}


def _ctor_args(ctx: Context, call: ast.Call, params: Tuple[str, ...], mapping: Mapping[str, str], ctor: List[str]) -> List[str]:
    """Keras constructor arguments rendered from the v1 call's own arguments."""
    for v1, keras in mapping.items():
        node = arg(call, params.index(v1) if v1 in params else -1, v1)
        if node is not None and not any(c.startswith(keras + "=") for c in ctor):
            ctor.append(f"{keras}={ctx.source_of(node)}")
    return ctor


@register
class V1MetricsRule(_V1FunctionRule):
    """Reports v1 functional metrics: `tf.metrics.accuracy`, `auc`, `mean`, `precision_at_k`, ... (value + update-op pairs).

    A v1 metric returns a `(value, update_op)` pair of graph ops backed by local
    variables: it needs a session to run the update and an initializer for its state,
    and does not work under TF2 behaviour. Keras metric objects keep their own state:
    `update_state` replaces the update op and `result()` the value.
    """

    code = "TF307"
    symbol = "v1-metrics"
    summary = "`{name}` is a v1 metric (a value and update-op pair)"
    replacement = (
        "A `tf.keras.metrics` object: `m = tf.keras.metrics.Accuracy(); m.update_state(labels, predictions); m.result()`, "
        "or the object in `model.compile(metrics=[...])`."
    )
    modules = data.METRIC_MODULES
    module_name = "metrics"
    table = data.V1_METRICS
    in_keras2 = data.METRICS_IN_KERAS2
    tf1_keywords = data.METRIC_TF1_KEYWORDS
    names = {"metrics": None, **qualified(data.METRIC_MODULES, data.V1_METRICS)}
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\neval_metric_ops = {\n"
        "    'accuracy': tf.metrics.accuracy(labels, predictions),  # [TF307]\n"
        "    'auc': tf.metrics.auc(labels, probs, num_thresholds=500),  # [TF307]\n}\n",
        "from tensorflow.compat.v1 import metrics  # [TF307]\nvalue, update_op = metrics.mean(loss)  # [TF307]\n",
        "import tensorflow as tf\nmse, mse_update = tf.metrics.mean_squared_error(labels=y, predictions=p)  # [TF307]\n",
        # Keras 2's function of the same name: TF2 code up to TF 2.15, gone from Keras 3 (the default target, 2.21).
        "import tensorflow as tf\nper_example = tf.metrics.mean_absolute_error(y_true, y_pred)  # [TF307]\n",
    )
    VALID = (
        "import tensorflow as tf\nm = tf.keras.metrics.Accuracy()\nm.update_state(y, p)\nacc = tf.metrics.Mean()\n"
        "err = tf.metrics.MeanSquaredError()\nfrom tensorflow import metrics\nauc = metrics.AUC()\n",
    )

    def render(self, name: str, call: ast.Call, ctx: Context) -> str:
        spec: data.MetricSpec = data.V1_METRICS[name]
        values = _values(ctx, call, spec.params)
        weights = arg(call, len(spec.params), "weights")
        if spec.keras is None or (spec.keras2_only and ctx.target_version >= KERAS3):
            text = spec.fallback.format(**values)
            return text[0].upper() + text[1:] + "."
        ctor = _ctor_args(ctx, call, spec.params, spec.ctor, [])
        name_kw = keyword(call, "name")
        if name_kw is not None:
            ctor.append(f"name={ctx.source_of(name_kw.value)}")
        update = ", ".join(values[p] for p in spec.update)
        if weights is not None:
            update += f", sample_weight={ctx.source_of(weights)}"
        cls = f"tf.keras.metrics.{spec.keras}({', '.join(ctor)})"
        text = (
            f"`m = {cls}; m.update_state({update}); m.result()` (create `m` once, outside the step; in `eval_metric_ops` "
            f"pass `{cls}` to `model.compile(metrics=[...])`)."
        )
        return f"{text} {spec.note}" if spec.note else text


@register
class V1LossesRule(_V1FunctionRule):
    """Reports v1 losses: `tf.losses.softmax_cross_entropy`, `sparse_softmax_cross_entropy`, `mean_squared_error`, `add_loss`, ...

    v1 losses add themselves to a graph collection and reduce with
    SUM_BY_NONZERO_WEIGHTS by default; Keras losses are objects that reduce with
    SUM_OVER_BATCH_SIZE. Without `weights` both average over all elements; with zero
    weights the values differ, so a faithful port says which reduction it wants.
    """

    code = "TF308"
    symbol = "v1-losses"
    summary = "`{name}` is a v1 loss"
    replacement = (
        "The `tf.keras.losses` class, created once and called: "
        "`tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)(labels, logits)`. Note: " + data.REDUCTION_NOTE + "."
    )
    modules = data.LOSS_MODULES
    module_name = "losses"
    table = data.V1_LOSSES
    in_tf2 = data.LOSSES_IN_TF2
    in_keras2 = data.LOSSES_IN_KERAS2
    tf1_keywords = data.LOSS_TF1_KEYWORDS
    names = {"losses": None, **qualified(data.LOSS_MODULES, data.V1_LOSSES)}
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\nloss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)  # [TF308]\n",
        "import tensorflow.compat.v1 as tf\nloss = tf.losses.softmax_cross_entropy(onehot, logits, weights=mask)  # [TF308]\n",
        "from tensorflow.compat.v1 import losses  # [TF308]\nlosses.add_loss(penalty)  # [TF308]\n",
        "import tensorflow as tf\n"
        "l = tf.losses.mean_squared_error(y, p, reduction=tf.losses.Reduction.SUM_BY_NONZERO_WEIGHTS)  # [TF308]\n",
        "import tensorflow.compat.v1 as tf\nloss_fn = tf.losses.huber_loss  # [TF308]\n",
        # Keras 2's function of the same name: TF2 code up to TF 2.15, gone from Keras 3 (the default target, 2.21).
        "import tensorflow as tf\nper_example = tf.losses.mean_squared_error(y_true, y_pred)  # [TF308]\n",
    )
    VALID = (
        "import tensorflow as tf\nloss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n"
        "r = tf.losses.Reduction.NONE\nl2 = tf.losses.MeanSquaredError()(y, p)\n"
        "per_example = tf.losses.MeanSquaredError(reduction='none')(y, p)\n",
        "import tensorflow as tf\ntotal = tf.add_n(model.losses)\nmse = tf.compat.v2.losses.MeanSquaredError()(y, p)\n",
    )

    def _overlaps(self, name: str) -> bool:
        # `tf.losses.Reduction.X` exists in TF2 except for the members only v1 has.
        if name.startswith("Reduction."):
            return name.split(".", 1)[1] not in data.V1_ONLY_REDUCTIONS
        return super()._overlaps(name)

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        name = self._member(ref)
        if name.startswith("Reduction.") and not is_v2_ref(ref) and not self._is_v1(ref) and self._overlaps(name):
            return  # `tf.losses.Reduction.NONE` is the Keras enum
        super().on_reference(node, ref, key, ctx)

    def report(self, ctx: Context, node: ast.AST, ref: Optional[TFRef] = None, **kwargs: Any) -> None:
        if ref is not None and kwargs.get("message") is None and self._member(ref).startswith("Reduction"):
            kwargs["message"] = f"`{ref.display}` is a v1 loss reduction ({self.status_note(ref)})"
        super().report(ctx, node, ref, **kwargs)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is not None and self._member(ref).startswith("Reduction"):
            return str(data.V1_LOSSES["Reduction"].fallback).capitalize() + "."
        spec = data.V1_LOSSES.get(self._member(ref)) if ref is not None else None
        if spec is None:
            return self.replacement
        # A reference to the function (`loss=tf.losses.huber_loss`): the matching Keras loss object.
        if spec.keras is None:
            text = spec.fallback.format(**{p: p for p in spec.params})
            return text[0].upper() + text[1:] + "."
        options = ", ".join([spec.extra] if spec.extra else [])
        text = (
            f"`tf.keras.losses.{spec.keras}({options})`, a loss object called as `loss({spec.params[0]}, "
            f"{spec.params[1]}, sample_weight=weights)` (create it once). Reduction: {data.REDUCTION_NOTE}."
        )
        return f"{text} {spec.note}" if spec.note else text

    def render(self, name: str, call: ast.Call, ctx: Context) -> str:
        spec: data.LossSpec = data.V1_LOSSES[name]
        values = _values(ctx, call, spec.params)
        if spec.keras is None:
            text = spec.fallback.format(**values)
            return text[0].upper() + text[1:] + "."
        ctor = _ctor_args(ctx, call, spec.params, spec.ctor, [spec.extra] if spec.extra else [])
        reduction_note = ""
        reduction = keyword(call, "reduction")
        if reduction is not None:
            ctx.claim(reduction.value)
            reduction_note = self._reduction(ctx, reduction.value, ctor)
        weights = arg(call, spec.params.index("weights") if "weights" in spec.params else -1, "weights")
        y_true, y_pred = values[spec.params[0]], values[spec.params[1]]
        sample = f", sample_weight={ctx.source_of(weights)}" if weights is not None else ""
        text = f"`tf.keras.losses.{spec.keras}({', '.join(ctor)})({y_true}, {y_pred}{sample})` (create the loss object once)."
        if weights is not None:
            text += (
                f" Reduction differs: {data.REDUCTION_NOTE}; with `weights=` the results differ wherever weights are zero "
                f"(keep v1's value with `tf.reduce_sum(per_example * w) / tf.cast(tf.math.count_nonzero(w), tf.float32)`)."
            )
        elif not reduction_note:
            text += f" Reduction: {data.REDUCTION_NOTE}; without `weights` both average over all elements."
        text += reduction_note
        return f"{text} {spec.note}" if spec.note else text

    @staticmethod
    def _reduction(ctx: Context, node: ast.AST, ctor: List[str]) -> str:
        ref = ctx.resolve(node)
        member_name = ref.name.rsplit(".", 1)[-1] if ref is not None and ".Reduction." in "." + ref.name else None
        if member_name is None:
            return " Map the `reduction=` argument to a Keras reduction string ('sum_over_batch_size', 'sum', 'none')."
        keras = data.REDUCTIONS.get(member_name)
        if keras is not None:
            ctor.append(f"reduction={keras}")
            return ""
        return (
            f" Keras has no {member_name} reduction: use `reduction='none'` and divide the weighted sum yourself "
            "(by `tf.math.count_nonzero(w)` for SUM_BY_NONZERO_WEIGHTS, by `tf.reduce_sum(w)` for MEAN)."
        )
