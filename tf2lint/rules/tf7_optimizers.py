"""Family 7 (TF7xx): optimizers and learning-rate schedules.

Replacements are rendered from the user's own call: each argument is named by TF1's
signature, renamed to the Keras parameter, or dropped with the reason said.
"""

from __future__ import annotations

import ast
from typing import List, Optional

from tf2lint.context import Context
from tf2lint.data import optimizers as data
from tf2lint.finding import Applicability, Fix, Severity
from tf2lint.names import VIA_COMPAT_V1, TFRef
from tf2lint.rules import pinned
from tf2lint.rules.base import Rule, method_name_node, register, sentences
from tf2lint.rules.call_args import arg, bind, flat_src, keyword, parenthesized
from tf2lint.rules.render import Rendered, Target, mapping, render_mapped, root_of

# ----- which optimizer a reference names ------------------------------------------------------


def optimizer_class(name: str) -> Optional[str]:
    """The TF1 optimizer class a canonical name denotes (``train.AdamOptimizer`` -> ``AdamOptimizer``)."""
    if name.startswith("train.") and name[6:] in data.OPTIMIZERS:
        return name[6:]
    return None


@register
class TF1OptimizerRule(Rule):
    """Reports the TF1 optimizers (`tf.train.AdamOptimizer` and the other `tf.train.*Optimizer` classes).

    The `tf.train` optimizers are gone from TF2; their Keras counterparts take renamed
    arguments (`beta1` is `beta_1`, RMSProp's `decay` is `rho`), drop the graph-only ones
    (`use_locking`, Ftrl's `accum_name`/`linear_name`) and default to a different epsilon
    (1e-7 instead of TF1's 1e-8), so a class swap alone changes the numerics. The
    replacement is rendered from the call with these differences resolved, and says
    where the Keras optimizer still differs (RMSprop's slot initialisation, Adagrad's
    epsilon). Switching the optimizer also renames its slot variables: optimizer state
    in TF1 checkpoints does not carry over.
    """

    code = "TF701"
    symbol = "tf1-optimizer"
    summary = "`{name}` is a TF1 optimizer"
    replacement = (
        "The matching `tf.keras.optimizers` class with the arguments renamed: "
        "`tf.keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.9, beta_2=0.999, epsilon=1e-8)`."
    )
    names = data.OPTIMIZER_NAMES
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\nopt = tf.train.AdamOptimizer(learning_rate=1e-3, beta1=0.8)  # [TF701]\n",
        "import tensorflow.compat.v1 as tf\nopt = tf.train.RMSPropOptimizer(0.01, 0.95, use_locking=True)  # [TF701]\n",
        "from tensorflow.train import MomentumOptimizer  # [TF701]\n"
        "opt = MomentumOptimizer(0.1, 0.9, use_nesterov=True)  # [TF701]\n",
        "import tensorflow as tf\n\nclass Clipped(tf.train.Optimizer):  # [TF701]\n    pass\n",
    )
    VALID = (
        "import tensorflow as tf\nopt = tf.keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.8, epsilon=1e-8)\n",
        "import tensorflow as tf\nsgd = tf.keras.optimizers.SGD(0.1, momentum=0.9, nesterov=True)\n",
        "import tensorflow as tf\nfrom torch.optim import Adam\nopt = Adam(params, lr=1e-3)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        if ref is None:
            return
        cls = optimizer_class(ref.name)
        if cls is None:
            return
        rendered = render_optimizer(node, cls, ctx)
        if rendered is None:
            self.report_call(ctx, node, ref, self._render_call(node, cls, ctx))
            return
        spec = data.OPTIMIZERS[cls]
        notes = [rendered.notes()]
        if "epsilon" in spec.pinned and "epsilon" not in pinned.passed(node, spec.signature):
            notes.append(f"`epsilon={spec.pinned['epsilon']}` keeps TF1's steps (Keras defaults to 1e-7).")
        applicability = Applicability.UNSAFE.value
        if trains_with_tf1_methods(ctx):
            # `minimize`/`compute_gradients` on it would fail on a Keras optimizer: shown, not applied.
            applicability = Applicability.DISPLAY_ONLY.value
        fix = Fix(applicability, tuple(rendered.edits), f"Replace with `{spec.keras}`, TF1's defaults pinned")
        self.report_call(ctx, node, ref, sentences([rendered.display + ".", *notes, spec.note]), fix=fix)

    fix_safety = (
        "Unsafe: the fix swaps the class for its Keras counterpart, renames the arguments (`beta1` -> `beta_1`, "
        "`decay` -> `rho`, `use_nesterov` -> `nesterov`), deletes `use_locking` (and Ftrl's `accum_name`/"
        "`linear_name`) and pins TF1's epsilon (Adam and Adadelta 1e-8, RMSprop 1e-10, Adagrad 0.0: TF1 adds none) "
        "when the call did not pass one. Adam, Adadelta, Adagrad, SGD and Ftrl then take the same steps; RMSprop "
        "starts its mean square at 0 instead of TF1's 1.0, and Momentum drifts from TF1 under a "
        "decaying rate. Slot variables are renamed, so optimizer state in TF1 checkpoints does not restore. A Keras "
        "optimizer has no `minimize(loss_tensor)`/`compute_gradients`: in a module calling those the rendering is "
        "shown only, not applied."
    )
    FIXES = (
        (
            "import tensorflow as tf\nopt = tf.train.AdamOptimizer(learning_rate=1e-3, beta1=0.8)\n",
            "import tensorflow as tf\nopt = tf.keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.8, epsilon=1e-8)\n",
        ),
        (
            "import tensorflow as tf\nopt = tf.train.RMSPropOptimizer(0.01, 0.95, use_locking=True)\n",
            "import tensorflow as tf\nopt = tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.95, epsilon=1e-10)\n",
        ),
        (
            "import tensorflow as tf\nopt = tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True, name='m')\n",
            "import tensorflow as tf\nopt = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True, name='m')\n",
        ),
    )

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        cls = optimizer_class(ref.name) or optimizer_class(key)
        if cls is None:
            return
        spec = data.OPTIMIZERS[cls]
        if cls == "Optimizer" and ref.name.split(".")[-1].startswith("GATE_"):
            text = data.GATE_REPLACEMENT
        elif spec.keras is None:
            text = self._alternative(cls, ctx)
        else:
            text = sentences([f"`{data.KERAS_OPTIMIZERS}.{spec.keras}`, with its arguments renamed.", spec.note])
        self.report(ctx, node, ref, replacement=text)

    @staticmethod
    def _alternative(cls: str, ctx: Context) -> str:
        if cls == "Optimizer":
            return data.BASE_CLASS_KERAS3 if ctx.target_version >= (2, 16) else data.BASE_CLASS_KERAS2
        return data.OPTIMIZERS[cls].alternative

    def _render_call(self, call: ast.Call, cls: str, ctx: Context) -> str:
        spec = data.OPTIMIZERS[cls]
        if spec.keras is None:
            return self._alternative(cls, ctx)
        bound = bind(call, spec.signature, ctx)
        parts: List[str] = []
        dropped: List[str] = []
        passed = set()
        for name, value in bound.named:
            passed.add(name)
            if name in spec.dropped:
                dropped.append(name)
                continue
            parts.append(f"{spec.renames.get(name, name)}={flat_src(ctx, value)}")
        notes: List[str] = []
        if spec.epsilon and "epsilon" not in passed and not bound.unpacked:
            parts.append(f"epsilon={spec.epsilon}")
            notes.append(f"`epsilon={spec.epsilon}` keeps TF1's default (Keras defaults to 1e-7).")
        parts += bound.unpacked
        if bound.unpacked and spec.renames:
            renames = ", ".join(f"`{old}` to `{new}`" for old, new in spec.renames.items())
            notes.append(f"Rename {renames} in the unpacked arguments.")
        if dropped:
            reasons = "; ".join(f"`{name}`: {data.DROPPED_REASONS.get(name, 'no Keras equivalent')}" for name in dropped)
            notes.append(f"Dropped {reasons}.")
        rendered = f"`{data.KERAS_OPTIMIZERS}.{spec.keras}({', '.join(parts)})`."
        return sentences([rendered, *notes, spec.note])


def render_optimizer(call: ast.Call, cls: str, ctx: Context) -> Optional[Rendered]:
    """The user's TF1 optimizer call as its Keras class: arguments renamed, graph-only ones
    dropped (with the reason), TF1's epsilon pinned; None when it cannot be rendered faithfully."""
    spec = data.OPTIMIZERS[cls]
    root = root_of(call.func, ctx)
    if spec.keras is None or root is None or pinned.unpacks(call):
        return None
    targets = {name: Target(new) for name, new in spec.renames.items()}
    for name in spec.dropped:
        targets[name] = Target(None, why=data.DROPPED_REASONS.get(name, "no Keras equivalent"), safe_value=False)
    how = mapping(spec.signature, 0, targets)  # every argument by keyword: the Keras order differs after the first
    callee = f"{root.text}.keras.optimizers.{spec.keras}"
    rendered = render_mapped(call, ctx, how, callee_text=callee, root=root.text)
    if rendered is None:
        return None
    given = pinned.passed(call, spec.signature)
    return pinned.add_keywords(rendered, call, ctx, [(k, v) for k, v in spec.pinned.items() if k not in given])


def render_schedule(call: ast.Call, fn: str, ctx: Context) -> Optional[Rendered]:
    """The user's TF1 decay call as its Keras schedule: the step argument deleted (the optimizer
    passes its own), `learning_rate` renamed; None when it cannot be rendered faithfully."""
    spec = data.SCHEDULES[fn]
    root = root_of(call.func, ctx)
    if spec.keras is None or root is None or pinned.unpacks(call):
        return None
    targets = {name: Target(new) for name, new in spec.renames.items()}
    targets[spec.step] = Target(None, why="the optimizer passes its own step, `optimizer.iterations`")
    if fn == "natural_exp_decay":
        targets["decay_rate"] = Target("decay_rate", "math.exp(-{value:p})")
    name = arg(call, spec.signature.index("name"), "name")
    if isinstance(name, ast.Constant) and name.value is None:
        # Keras schedules raise on `name=None` (their name scope needs a string); TF1's None meant the default.
        targets["name"] = Target(None, why="a Keras schedule needs a string name; `None` meant the default", safe_value=None)
    # Arguments before the step keep their (identical) positions; later ones go by keyword.
    how = mapping(spec.signature, spec.signature.index(spec.step), targets)
    callee = f"{root.text}.keras.optimizers.schedules.{spec.keras}"
    return render_mapped(call, ctx, how, callee_text=callee, root=root.text)


def trains_with_tf1_methods(ctx: Context) -> bool:
    """Whether the module calls `minimize` or `compute_gradients` anywhere (memoized per file)."""
    known: Optional[bool] = ctx.memo.get("tf1-training-methods")
    if known is None:
        methods = ("minimize", "compute_gradients")
        text = ctx.text
        known = ctx.memo["tf1-training-methods"] = (
            ctx.tree is not None
            and any(m in text for m in methods)  # the text check spares most files the walk
            and any(type(n) is ast.Attribute and n.attr in methods for n in ast.walk(ctx.tree))  # type: ignore[attr-defined]
        )
    return bool(known)


# ----- minimize / apply_gradients / compute_gradients ---------------------------------------------


@register
class MinimizeGlobalStepRule(Rule):
    """Reports `minimize`, `compute_gradients` and `apply_gradients(..., global_step=...)` on TF1 optimizers.

    TF1's `minimize` returns a graph op that computes gradients, applies them and
    increments `global_step`. Keras 3 optimizers have no `minimize` at all, and the
    Keras 2 one (TF 2.15 and earlier) needs a callable loss and `var_list` and takes no
    `global_step`. In TF2 the gradients come from a `tf.GradientTape`, the update is
    `optimizer.apply_gradients(zip(grads, variables))`, and the optimizer counts its own
    steps in `optimizer.iterations`. A `global_step=` argument is reported on any
    receiver in a module that runs TF1, since TF2 optimizers never take one.
    """

    code = "TF702"
    symbol = "minimize-global-step"
    summary = "`{name}` is a TF1 optimizer training call"
    replacement = (
        "Compute the loss inside `with tf.GradientTape() as tape:`, then "
        "`grads = tape.gradient(loss, model.trainable_variables)` and "
        "`optimizer.apply_gradients(zip(grads, model.trainable_variables))`; `optimizer.iterations` counts the steps."
    )
    version_notes = (
        "Keras 3 (TF 2.16 and later) optimizers have no `minimize`. With TF 2.15 and earlier, "
        "`optimizer.minimize(loss_fn, var_list=...)` exists but needs a callable loss and an explicit `var_list`, "
        "and has no `global_step`."
    )
    node_types = (ast.Call,)
    call_attrs = data.TRAINING_METHODS
    INVALID = (
        "import tensorflow as tf\nopt = tf.train.AdamOptimizer(0.1)  # [TF701]\n"
        "train_op = opt.minimize(loss, global_step=gs)  # [TF702]\n",
        "import tensorflow as tf\ntrain_op = tf.train.AdamOptimizer(0.1).minimize(loss, global_step=gs)  # [TF701, TF702]\n",
        "import tensorflow.compat.v1 as tf\n\ndef step(optimizer, grads_and_vars, step_var):\n"
        "    return optimizer.apply_gradients(grads_and_vars, global_step=step_var)  # [TF702]\n",
        "import tensorflow as tf\n\nclass Model:\n    def __init__(self):\n"
        "        self.opt = tf.train.GradientDescentOptimizer(0.5)  # [TF701]\n\n"
        "    def build(self, loss):\n        self.grads = self.opt.compute_gradients(loss)  # [TF702]\n",
    )
    VALID = (
        "import tensorflow as tf\nopt = tf.keras.optimizers.Adam(1e-3)\n"
        "with tf.GradientTape() as tape:\n    loss = loss_fn()\n"
        "grads = tape.gradient(loss, model.trainable_variables)\n"
        "opt.apply_gradients(zip(grads, model.trainable_variables))\n",
        "import tensorflow as tf\nopt = tf.keras.optimizers.SGD(0.1)\nopt.minimize(loss_fn, var_list=[w])\n",
        "import tensorflow as tf\nfrom scipy import optimize\nres = optimize.minimize(f, x0)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        func = node.func
        if not isinstance(func, ast.Attribute) or func.attr not in data.TRAINING_METHODS:
            return
        method = func.attr
        receiver = ctx.resolve(func.value)
        if receiver is not None and receiver.instance and optimizer_class(receiver.name) is not None:
            step = self._global_step(node, method)
            if method == "apply_gradients" and step is None:
                return  # Keras' apply_gradients takes the same (grads_and_vars) argument
            self._report(ctx, node, func, step, receiver)
            return
        kw = keyword(node, "global_step")
        if kw is None or method == "compute_gradients":
            return
        # An untyped receiver with `global_step=`: a TF1 optimizer in a module that runs TF1.
        ctx.defer(lambda: self._report(ctx, node, func, kw.value, None) if ctx.runs_tf1 else None)

    @staticmethod
    def _global_step(call: ast.Call, method: str) -> Optional[ast.expr]:
        position = data.GLOBAL_STEP_POSITION.get(method)
        return arg(call, position, "global_step") if position is not None else None

    def _report(
        self, ctx: Context, call: ast.Call, func: ast.Attribute, step: Optional[ast.expr], receiver: Optional[TFRef]
    ) -> None:
        method = func.attr
        opt = "optimizer" if isinstance(func.value, ast.Call) else flat_src(ctx, func.value)
        # Positional arguments follow TF1's signature only on a receiver known to be a TF1 optimizer.
        position = (2 if method == "minimize" else 1) if receiver is not None else -1
        variables = flat_src(ctx, arg(call, position, "var_list"), "model.trainable_variables")
        loss = flat_src(ctx, arg(call, 0, "loss"), "loss")
        step_note = (
            f"`{opt}.iterations` counts the steps, replacing `{flat_src(ctx, step)}`." if step is not None else ""
        )
        if method == "compute_gradients":
            replacement = (
                f"Compute `{loss}` inside `with tf.GradientTape() as tape:`, then "
                f"`grads = tape.gradient({loss}, {variables})`; pair them as `zip(grads, {variables})`."
            )
            message = f"`{opt}.compute_gradients(...)` computes gradients in a TF1 graph"
        elif method == "apply_gradients":
            grads_text = flat_src(ctx, arg(call, 0, "grads_and_vars"), "grads_and_vars")
            replacement = sentences(
                [f"`{opt}.apply_gradients({grads_text})` on a Keras optimizer, without `global_step`.", step_note]
            )
            message = f"`{opt}.apply_gradients(..., global_step=...)` increments the TF1 global step"
        else:
            if ctx.target_version >= (2, 16):
                version = "Keras 3 optimizers have no `minimize`."
            else:
                version = (
                    f"(tf.keras 2.x also has `{opt}.minimize(loss_fn, var_list={variables})`, with `loss_fn` a "
                    "function that computes the loss, and no `global_step`.)"
                )
            replacement = sentences(
                [
                    f"Compute `{loss}` inside `with tf.GradientTape() as tape:`, then "
                    f"`grads = tape.gradient({loss}, {variables})` and "
                    f"`{opt}.apply_gradients(zip(grads, {variables}))` with a Keras optimizer.",
                    step_note,
                    version,
                ]
            )
            message = f"`{opt}.minimize(...)` builds a TF1 training op" + (
                " that increments `global_step`" if step is not None else ""
            )
        if receiver is not None:
            if receiver.via == VIA_COMPAT_V1:
                message += f" ({self.status_note(receiver)})"
            severity = self.severity_for(receiver)
        else:
            severity = Severity.WARNING  # an untyped receiver: TF1 semantics, maybe through compat.v1
        self.report(ctx, method_name_node(func), None, message=message, replacement=replacement, severity=severity)


# ----- learning-rate decay ------------------------------------------------------------------------


@register
class LearningRateDecayRule(Rule):
    """Reports the TF1 learning-rate decay functions (`tf.train.exponential_decay` and the others).

    They return a tensor computed from `global_step` once, in the graph. Under eager
    execution that value is computed a single time and never decays. TF2 passes a
    `tf.keras.optimizers.schedules` object as the optimizer's `learning_rate`; the
    optimizer evaluates it at its own step count. The replacement is rendered from the
    call's arguments. `linear_cosine_decay` and `noisy_linear_cosine_decay` have no
    Keras class and become a small `LearningRateSchedule` subclass.
    """

    code = "TF703"
    symbol = "lr-decay"
    summary = "`{name}` computes a TF1 learning-rate tensor from the global step"
    replacement = (
        "A `tf.keras.optimizers.schedules` object passed as the optimizer's learning rate: "
        "`tf.keras.optimizers.SGD(learning_rate=tf.keras.optimizers.schedules.ExponentialDecay(0.1, "
        "decay_steps=1000, decay_rate=0.96))`."
    )
    names = data.SCHEDULE_NAMES
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\n"
        "lr = tf.train.exponential_decay(0.1, global_step, 1000, 0.96, staircase=True)  # [TF703]\n",
        "import tensorflow.compat.v1 as tf\n"
        "lr = tf.train.piecewise_constant(step, [1000, 2000], [0.1, 0.01, 0.001])  # [TF703]\n",
        "from tensorflow.train import cosine_decay  # [TF703]\nlr = cosine_decay(0.1, step, 5000)  # [TF703]\n",
    )
    VALID = (
        "import tensorflow as tf\n"
        "schedule = tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96)\n"
        "opt = tf.keras.optimizers.SGD(learning_rate=schedule)\n",
        "import tensorflow as tf\nimport math\nrate = 0.1 * math.exp(-0.5 * epoch)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        fn = self._function(ref)
        if ref is None or fn is None:
            return
        rendered = render_schedule(node, fn, ctx)
        if rendered is None:
            self.report_call(ctx, node, ref, self._render_call(node, fn, ctx))
            return
        spec = data.SCHEDULES[fn]
        step = flat_src(ctx, arg(node, spec.signature.index(spec.step), spec.step), spec.step)
        notes = [rendered.display + ".", rendered.notes(), data.SCHEDULE_NOTE.format(step=step)]
        if fn == "natural_exp_decay":
            notes.append(data.NATURAL_EXP_NOTE)
        fix = rendered.fix(f"Replace with `{spec.keras}`", [ctx.import_edit("import math")] if fn == "natural_exp_decay" else [])
        self.report_call(ctx, node, ref, sentences(notes), fix=fix)

    fix_safety = (
        "Unsafe: the fix turns the call into the `tf.keras.optimizers.schedules` object with the same arguments "
        "(`learning_rate` -> `initial_learning_rate`) and deletes the step argument. The result is a schedule, "
        "not a tensor: it decays when passed as a Keras optimizer's `learning_rate` (which calls it with "
        "`optimizer.iterations`), while code that used the old value as a number (a summary, a TF1 optimizer, "
        "arithmetic) must call it, `schedule(step)`. `natural_exp_decay` becomes `ExponentialDecay` with "
        "`decay_rate=math.exp(-rate)` (`import math` added). `linear_cosine_decay` and "
        "`noisy_linear_cosine_decay` have no Keras class and no fix."
    )
    FIXES = (
        (
            "import tensorflow as tf\nlr = tf.train.exponential_decay(0.1, global_step, 1000, 0.96, staircase=True)\n",
            "import tensorflow as tf\n"
            "lr = tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96, staircase=True)\n",
        ),
        (
            "import tensorflow as tf\nlr = tf.train.piecewise_constant(step, [1000, 2000], [0.1, 0.01, 0.001])\n",
            "import tensorflow as tf\n"
            "lr = tf.keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=[1000, 2000], values=[0.1, 0.01, 0.001])\n",
        ),
        (
            "import tensorflow as tf\nlr = tf.train.natural_exp_decay(0.1, step, 100, 0.5)\n",
            "import tensorflow as tf\nimport math\n"
            "lr = tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=100, decay_rate=math.exp(-0.5))\n",
        ),
    )

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if self._function(ref) is not None:
            self.report(ctx, node, ref)

    def _function(self, ref: Optional[TFRef]) -> Optional[str]:
        if ref is None:
            return None
        return ref.name[6:] if ref.name.startswith("train.") and ref.name[6:] in data.SCHEDULES else None

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        fn = self._function(ref)
        if fn is None:
            return self.replacement
        spec = data.SCHEDULES[fn]
        if spec.keras is None:
            return self._subclass_text(fn, spec, "")
        if fn == "natural_exp_decay":
            return sentences([f"`{data.KERAS_SCHEDULES}.ExponentialDecay` with `decay_rate=math.exp(-r)`.", data.NATURAL_EXP_NOTE])
        return sentences([f"`{data.KERAS_SCHEDULES}.{spec.keras}`.", data.SCHEDULE_NOTE.format(step="global_step")])

    @staticmethod
    def _subclass_text(fn: str, spec: data.ScheduleSpec, values: str) -> str:
        cls = "".join(part.capitalize() for part in fn.split("_"))
        return (
            f"No Keras 3 class: write `class {cls}(tf.keras.optimizers.schedules.LearningRateSchedule)` "
            f"whose `__call__(self, step)` computes TF1's formula{values}: {spec.formula}; pass an instance as "
            "the optimizer's `learning_rate`."
        )

    def _render_call(self, call: ast.Call, fn: str, ctx: Context) -> str:
        spec = data.SCHEDULES[fn]
        bound = bind(call, spec.signature, ctx)
        step = "global_step"
        leading = {}
        rest: List[str] = []
        for name, value in bound.named:
            text = flat_src(ctx, value)
            if name == spec.step:
                step = text
                continue
            keras_name = spec.renames.get(name, name)
            if fn == "natural_exp_decay" and name == "decay_rate":
                text = f"math.exp(-{parenthesized(text, value)})"
            if keras_name in spec.positional:
                leading[keras_name] = text
            else:
                rest.append(f"{keras_name}={text}")
        if spec.keras is None:
            values = ", ".join(f"{name}={flat_src(ctx, value)}" for name, value in bound.named if name != spec.step)
            return self._subclass_text(fn, spec, f" (here {values})" if values else "")
        ordered: List[str] = []
        for index, name in enumerate(spec.positional):
            if name in leading:
                # Positional only while every earlier positional parameter is present.
                if all(p in leading for p in spec.positional[:index]):
                    ordered.append(leading[name])
                else:
                    ordered.append(f"{name}={leading[name]}")
        args = ", ".join(ordered + rest + bound.unpacked)
        notes = [f"`{data.KERAS_SCHEDULES}.{spec.keras}({args})`.", data.SCHEDULE_NOTE.format(step=step)]
        if fn == "natural_exp_decay":
            notes.append(data.NATURAL_EXP_NOTE)
        return sentences(notes)


# ----- tf.keras.optimizers.legacy -------------------------------------------------------------------


@register
class LegacyKerasOptimizerRule(Rule):
    """Reports `tf.keras.optimizers.legacy.*` when the target is TensorFlow 2.16 or later.

    The legacy (Keras 2 `OptimizerV2`) optimizers exist up to TF 2.15. From 2.16 `tf.keras`
    is Keras 3: `Adagrad`, `Adam`, `Ftrl`, `Optimizer`, `RMSprop` and `SGD` remain as stubs that
    import and can be named (`isinstance`) but raise `ImportError` when constructed (an error
    where they are called, a warning elsewhere); `Adadelta`, `Adamax` and `Nadam` are gone.
    With a target of 2.15 or earlier they are valid and not reported.
    """

    code = "TF704"
    symbol = "legacy-keras-optimizer"
    summary = "`{name}` is a Keras 2 legacy optimizer: under Keras 3 constructing it raises `ImportError`"
    replacement = (
        "The `tf.keras.optimizers` class of the same name with the same arguments, or keep Keras 2 with "
        "`pip install tf_keras` and `TF_USE_LEGACY_KERAS=1`."
    )
    severity = Severity.ERROR
    version_notes = (
        "Reported only with `target-version` 2.16 or later (the default is 2.21): up to TF 2.15 "
        "`tf.keras.optimizers.legacy` is Keras 2's supported API. From 2.16 `tf.keras` is Keras 3, whose "
        "`optimizers.legacy` stubs raise `ImportError` when constructed."
    )
    names = data.LEGACY_KERAS_NAMES
    INVALID = (
        "import tensorflow as tf\nopt = tf.keras.optimizers.legacy.Adam(learning_rate=1e-3)  # [TF704]\n",
        "from tensorflow.keras.optimizers.legacy import SGD  # [TF704]\nopt = SGD(0.1, momentum=0.9)  # [TF704]\n",
    )
    VALID = ("import tensorflow as tf\nopt = tf.keras.optimizers.Adam(learning_rate=1e-3)\n",)

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if ctx.target_version < (2, 16):
            return
        cls = ref.name.rsplit(".legacy", 1)[-1].lstrip(".").split(".")[0]
        if not cls or cls in data.LEGACY_KERAS3_STUBS and id(node) not in ctx.call_of:
            # Importing the stub or naming it (`isinstance`) works; only constructing it raises.
            message = self.message_for(
                ref, "`{name}` names a Keras 2 legacy optimizer: under Keras 3 it is a stub that raises when constructed"
            )
            self.report(ctx, node, ref, message=message, severity=Severity.WARNING)
            return
        self.report(ctx, node, ref)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None:
            return self.replacement
        cls = ref.name.rsplit(".legacy", 1)[-1].lstrip(".")
        if not cls:
            return self.replacement
        return (
            f"`{data.KERAS_OPTIMIZERS}.{cls.split('.')[0]}` with the same arguments (a `decay=` argument becomes "
            "a learning-rate schedule such as `InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)`); optimizer "
            "state saved by the legacy class may not restore into the new one. To keep Keras 2 instead: "
            "`pip install tf_keras` and `TF_USE_LEGACY_KERAS=1`."
        )
