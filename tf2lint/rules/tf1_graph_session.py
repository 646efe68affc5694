"""Family 1 (TF1xx): graph and session."""

from __future__ import annotations

import ast
import re
import weakref
from typing import List, Optional, Tuple

from tf2lint.context import Context
from tf2lint.data import graph_session as data
from tf2lint.finding import Applicability, Fix, Severity
from tf2lint.names import TFRef
from tf2lint.rules.base import Rule, register
from tf2lint.rules.call_args import keyword, spelled_name
from tf2lint.rules.statements import initializer_run_fix

FUNCTION_REPLACEMENT = (
    "Write the computation as a plain Python function (optionally `@tf.function`) and call it: "
    "placeholders become its arguments, fetched tensors its return values."
)


@register
class SessionRule(Rule):
    """Reports `tf.Session` and `tf.InteractiveSession`.

    TF2 executes eagerly: there is no graph to launch and no session to run it in. Code
    built around a session must become functions that are called with real values.
    """

    code = "TF101"
    symbol = "tf1-session"
    absorbs = ("TF110",)  # `tf.Session(config=tf.ConfigProto(...))`: the session and its config go together
    summary = "`{name}` runs a TF1 graph"
    replacement = FUNCTION_REPLACEMENT
    names = data.SESSION_NAMES
    INVALID = (
        "import tensorflow as tf\nwith tf.Session() as sess:  # [TF101]\n    pass\n",
        "import tensorflow.compat.v1 as tf\nsess = tf.InteractiveSession()  # [TF101]\n",
        "from tensorflow.compat.v1 import Session  # [TF101]\ns = Session()  # [TF101]\n",
    )
    VALID = (
        "import tensorflow as tf\n\n@tf.function\ndef step(x):\n    return x * 2\n\nprint(step(tf.constant(1.0)))\n",
        "from sqlalchemy.orm import Session\nimport tensorflow as tf\nwith Session(engine) as s:\n    s.run()\n",
        "import tensorflow as tf\n\nclass Session:\n    pass\n\nSession()\n",
    )


_SESSION_LIKE = re.compile(r"(^|_)(sess|session)$", re.IGNORECASE)


@register
class SessionRunRule(Rule):
    """Reports `Session.run(...)` calls, `feed_dict` feeds and `Tensor.eval`/`Operation.run` with a session.

    A session run evaluates a TF1 graph: fetches are computed from fed placeholders.
    In TF2 the values are computed by calling Python functions, so every `run` call
    becomes a function call whose arguments replace `feed_dict`.
    """

    code = "TF103"
    symbol = "session-run"
    summary = "`{name}` executes a TF1 graph{feed}"
    replacement = (
        "Call the function that computes the fetches, passing the fed values as arguments: "
        "`loss_value = train_step(x_batch, y_batch)`."
    )
    call_attrs = ("eval", "run", "partial_run", "partial_run_setup")
    node_types = (ast.Call, ast.With, ast.AsyncWith)
    INVALID = (
        "import tensorflow as tf\nsess = tf.Session()  # [TF101]\nsess.run(init)  # [TF103]\n",
        "import tensorflow as tf\n\ndef train(model):\n"
        "    model.sess.run(model.op, feed_dict={model.x: 1})  # [TF103]\n",
        "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()  # [TF107]\n"
        "def go(sess):\n    return sess.run(y)  # [TF103]\n",
        "import tensorflow as tf\nvalue = loss.eval(feed_dict={x: 1.0})  # [TF103]\n",
        "import tensorflow as tf\nsess = tf.Session()  # [TF101]\nvalue = var.eval(sess)  # [TF103]\ntrain_op.run(sess)  # [TF103]\n",
        "import tensorflow as tf\nwith tf.Session():  # [TF101]\n    init_op.run()  # [TF103]\n    print(x.eval())  # [TF103]\n",
        "import tensorflow as tf\nsess = tf.Session()  # [TF101]\nsess.run(tf.global_variables_initializer())  # [TF103]\n",
    )
    VALID = (
        "import tensorflow as tf\nimport onnxruntime as ort\nsess = ort.InferenceSession('m.onnx')\n"
        "sess.run(None, {'x': x})\n",
        "import tensorflow as tf\nimport subprocess\nsubprocess.run(['ls'])\n",
        "import tensorflow as tf\n\ndef f(session):\n    return session.run()\n",
        "import tensorflow as tf\nmodel.evaluate(x)\nresult = metric.result()\n",
        "import tensorflow as tf\n\nclass Runner:\n    def run(self, session=None):\n        pass\n\n"
        "runner = Runner()\nrunner.run()\nrunner.eval(session)\nmodel.eval()\n",
    )
    fix_safety = (
        "Only a run whose single fetch is a variable initializer carries a fix (unsafe, the same as TF104's): the "
        "statement is deleted, which is right once the code runs eagerly; while it still runs a TF1 graph in a "
        "session the variables stay uninitialized. Other session runs are restructurings a person writes."
    )
    FIXES = (
        (
            "import tensorflow as tf\nsess = tf.compat.v1.Session()\nsess.run(tf.compat.v1.global_variables_initializer())\n"
            "print(sess.run(total))\n",
            "import tensorflow as tf\nsess = tf.compat.v1.Session()\nprint(sess.run(total))\n",
        ),
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, (ast.With, ast.AsyncWith)):
            self.check_with(node, ctx)
            return
        assert isinstance(node, ast.Call)
        func = node.func
        if not isinstance(func, ast.Attribute):
            return
        attr = func.attr
        feed = keyword(node, "feed_dict")
        session_kw = keyword(node, "session")
        if attr == "eval" or (attr == "run" and session_kw is not None):
            if feed is not None or session_kw is not None:
                self._report(ctx, node, f"{ctx.source_of(func)}(...)", feed, None)
                return
        if attr in ("eval", "run") and len(node.args) == 1 and not node.keywords and not _user_object(func.value, ctx):
            # `var.eval(sess)` / `op.run(session)`: the session passed positionally
            session = _session_argument(node.args[0], ctx)
            display = f"{ctx.source_of(func)}(...)"
            if session == "typed":
                self._report(ctx, node, display, None, None)
                return
            if session == "spelled":
                ctx.defer(lambda: self._report(ctx, node, display, None, None) if ctx.runs_tf1 else None)
                return
        if attr in ("eval", "run") and not node.args and not node.keywords:
            # `tensor.eval()` / `init_op.run()` on something a TF call returned
            base = _chain_base(func.value)
            ref = ctx.resolve(base) if base is not None else None
            if ref is not None and ref.instance and ref.name not in data.SESSION_INSTANCE_NAMES:
                # Any tensor's `.eval()` is TF1; `.run()` only on ops (other TF2 objects have `run`).
                is_op = ref.name in data.OP_PRODUCERS or (
                    isinstance(func.value, ast.Attribute) and func.value.attr in ("initializer", "op")
                )
                if attr == "eval" or is_op:
                    self._report(ctx, node, f"{ctx.source_of(func)}()", None, None)
                    return
            elif ref is None and _in_session_block(node, ctx) and not _user_object(func.value, ctx):
                # `op.run()` / `x.eval()` of an unknown receiver under `with tf.Session():` (the default session)
                self._report(ctx, node, f"{ctx.source_of(func)}()", None, None)
                return
        if attr not in ("run", "partial_run", "partial_run_setup"):
            return
        receiver = ctx.resolve(func.value)
        display = f"{ctx.source_of(func)}(...)"
        if receiver is not None and receiver.instance:
            if receiver.name in data.SESSION_INSTANCE_NAMES:
                self._report(ctx, node, display, feed, receiver)
            return
        if isinstance(func.value, ast.Name) and _bound_to_non_session(ctx, func.value):
            return  # a local `sess = something_else()`: not provably a TF session
        if feed is not None:
            self._report(ctx, node, display, feed, None)
            return
        if not _SESSION_LIKE.search(spelled_name(func.value)):
            return
        # An untyped `sess`/`self.session` is a TF session only in a module that runs TF1.
        ctx.defer(lambda: self._report(ctx, node, display, feed, None) if ctx.runs_tf1 else None)

    def check_with(self, node: ast.AST, ctx: Context) -> None:
        """Remember the lines of `with tf.Session():` blocks: there a bare `x.eval()` runs in that session."""
        assert isinstance(node, (ast.With, ast.AsyncWith))
        for item in node.items:
            ref = ctx.resolve_call(item.context_expr)
            factory = isinstance(item.context_expr, ast.Call) and isinstance(item.context_expr.func, ast.Attribute) and (
                _SESSION_FACTORIES.search(item.context_expr.func.attr) is not None
                and item.context_expr.func.attr != "InferenceSession"
            )
            if (ref is not None and ref.name in data.SESSION_INSTANCE_NAMES) or (factory and ctx.runs_tf1):
                _SESSION_BLOCKS.setdefault(ctx, []).append((node.body[0].lineno, node.end_lineno or node.lineno))
                return

    def _report(self, ctx: Context, node: ast.Call, display: str, feed: Optional[ast.keyword], ref: Optional[TFRef]) -> None:
        suffix = " with a `feed_dict`" if feed is not None else ""
        severity = Severity.WARNING if ref is not None and ref.via == "compat.v1" else Severity.ERROR
        reads = _reads_variable_list(node, ctx)
        if reads is not None:
            # One finding for `sess.run(tf.global_variables())`: reading the values is the change (TF204 absorbed).
            self.report(ctx, node, None, name=display, feed=suffix, severity=severity, replacement=_READ_VALUES.format(reads))
            ctx.covers_nested(("TF204",))
            return
        if _runs_only_initializers(node, ctx):
            # One finding for `sess.run(tf.global_variables_initializer())` (TF104 inside is absorbed).
            self.report(
                ctx, node, None, name=display, feed=suffix, severity=severity, replacement=_DELETE_INIT_RUN,
                fix=initializer_run_fix(node, ctx),
            )
            ctx.covers_nested(("TF104", "TF406"))
            return
        self.report(ctx, node, None, name=display, feed=suffix, severity=severity, fix=initializer_run_fix(node, ctx))


_READ_VALUES = "Read the values directly: `[v.numpy() for v in {}]` (the variables of the object that owns them)."
_VARIABLE_LISTS = {
    "global_variables": "model.variables",
    "all_variables": "model.variables",
    "model_variables": "model.variables",
    "trainable_variables": "model.trainable_variables",
    "local_variables": "model.non_trainable_variables",
}


def _reads_variable_list(node: ast.Call, ctx: Context) -> Optional[str]:
    """`sess.run(tf.global_variables())`: the TF2 attribute that lists those variables, else None."""
    if not isinstance(node.func, ast.Attribute) or node.func.attr != "run" or len(node.args) != 1 or node.keywords:
        return None
    fetch = node.args[0]
    ref = ctx.resolve_call(fetch) if isinstance(fetch, ast.Call) and not fetch.args and not fetch.keywords else None
    return _VARIABLE_LISTS.get(ref.name) if ref is not None else None


_DELETE_INIT_RUN = "Delete the statement: TF2 variables are initialized when they are created, tables when they are built."


def _runs_only_initializers(node: ast.Call, ctx: Context) -> bool:
    """`sess.run(tf.global_variables_initializer())`, `sess.run([init_g(), init_l()])`, `sess.run(it.initializer)`."""
    fetches = node.args[0] if node.args else keyword(node, "fetches")
    if isinstance(fetches, ast.keyword):
        fetches = fetches.value
    items = fetches.elts if isinstance(fetches, (ast.List, ast.Tuple)) else [fetches]
    if not items or not isinstance(node.func, ast.Attribute) or node.func.attr != "run" or node.keywords:
        return False  # a `feed_dict` feeds the initializer: the data moves into the dataset instead
    for item in items:
        if isinstance(item, ast.Attribute) and item.attr == "initializer" and not isinstance(item.value, ast.Call):
            continue  # `iterator.initializer`: a TF2 dataset needs none (TF406 names the iterator's change)
        ref = ctx.resolve_call(item) if isinstance(item, ast.Call) else None
        if ref is None or ref.name not in _INITIALIZERS:
            return False
    return True


_INITIALIZERS = frozenset(
    name for name, text in data.INITIALIZER_NAMES.items() if text is None or text.startswith("Delete the call")
)


# Calls whose result is a TF session although they are not TF APIs (tf.test.TestCase helpers).
_SESSION_FACTORIES = re.compile(r"^(cached_session|test_session|session|get_session|_get_session|\w*_session)$|Session$")


# Per file: the (first, last) lines of `with tf.Session():` bodies seen so far.
_SESSION_BLOCKS: weakref.WeakKeyDictionary[Context, List[Tuple[int, int]]] = weakref.WeakKeyDictionary()


def _in_session_block(node: ast.AST, ctx: Context) -> bool:
    row = getattr(node, "lineno", 0)
    return any(first <= row <= last for first, last in _SESSION_BLOCKS.get(ctx, ()))


def _session_argument(node: ast.AST, ctx: Context) -> Optional[str]:
    """"typed" for a TF session, "spelled" for a name spelled like one (`sess`, `self.session`), else None."""
    ref = ctx.resolve(node)
    if ref is not None:
        return "typed" if ref.instance and ref.name in data.SESSION_INSTANCE_NAMES else None
    if isinstance(node, ast.Name) and _bound_to_non_session(ctx, node):
        return None
    if isinstance(node, (ast.Name, ast.Attribute)) and _SESSION_LIKE.search(spelled_name(node)) is not None:
        return "spelled"
    return None


def _user_object(receiver: ast.AST, ctx: Context) -> bool:
    """The receiver is a local bound to an object this module makes (`runner = Runner()`), not a TF op."""
    base = _chain_base(receiver)
    return isinstance(base, ast.Name) and base is receiver and _bound_to_non_session(ctx, base)


def _bound_to_non_session(ctx: Context, name: ast.Name) -> bool:
    """True when the name is bound in this scope to a call that is not a session factory."""
    binding = ctx.resolver.binding_at(name.id, ctx.scope, (name.lineno, name.col_offset))
    if binding is None or binding.pos == (0, 0):  # unknown, or a parameter
        return False
    source = binding.source
    if isinstance(source, ast.Call):
        callee = source.func
        if isinstance(callee, ast.Name):
            # A class or function of this module (or a non-TF import): not a TF session.
            return ctx.resolver.binding_at(callee.id, ctx.scope, (callee.lineno, callee.col_offset)) is not None
        callee_name = callee.attr if isinstance(callee, ast.Attribute) else ""
        return not _SESSION_FACTORIES.search(callee_name) or callee_name == "InferenceSession"
    return True


def _chain_base(node: ast.AST) -> Optional[ast.AST]:
    """The innermost object of ``a.b.c`` (``a``), or the call it starts from."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node if isinstance(node, (ast.Name, ast.Call)) else None


@register
class PlaceholderRule(Rule):
    """Reports `tf.placeholder`, `placeholder_with_default` and `sparse_placeholder`.

    Placeholders are graph inputs filled through `feed_dict`; TF2 has none. Values flow
    into functions as arguments, and `tf.function(input_signature=...)` fixes their
    shapes and dtypes when a traced signature is needed.
    """

    code = "TF102"
    symbol = "tf1-placeholder"
    summary = "`{name}` declares a graph input fed through `feed_dict`"
    replacement = (
        "Make it a function argument; to fix shape and dtype use "
        "`@tf.function(input_signature=[tf.TensorSpec(shape, dtype)])`."
    )
    names = data.PLACEHOLDER_NAMES
    INVALID = (
        "import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 3])  # [TF102]\n",
        "from tensorflow.compat import v1\nx = v1.placeholder_with_default(1.0, [])  # [TF102]\n",
        "import tensorflow\ny = tensorflow.placeholder(tensorflow.int32)  # [TF102]\n",
    )
    VALID = (
        "import tensorflow as tf\n\n@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])\n"
        "def f(x):\n    return x\n",
        "def placeholder(dtype):\n    return dtype\nx = placeholder(float)\nimport tensorflow as tf\n",
    )


@register
class InitializerRule(Rule):
    """Reports the variable initializer ops (`global_variables_initializer` and friends).

    TF2 variables hold their value from the moment they are created; the initializer
    ops and the `sess.run(init)` that runs them have nothing left to do.
    """

    code = "TF104"
    symbol = "variables-initializer"
    summary = "`{name}` initializes TF1 graph variables"
    replacement = "Delete the call (and the `sess.run` of it): TF2 variables are initialized when created."
    names = data.INITIALIZER_NAMES
    fix_safety = (
        "Unsafe: the fix deletes a statement that only runs an initializer (`sess.run(tf.global_variables_initializer())`, "
        "`self.evaluate(...)`, `init_op.run()`). That is right once the code runs eagerly; while the module still "
        "builds a TF1 graph and runs it in a session, the variables stay uninitialized and the next `sess.run` raises "
        "`FailedPreconditionError`. No fix is offered in a module that calls `disable_v2_behavior()` or "
        "`disable_eager_execution()`, nor where the initializer's op is stored or combined with other fetches."
    )
    INVALID = (
        "import tensorflow as tf\ninit = tf.global_variables_initializer()  # [TF104]\n",
        "import tensorflow.compat.v1 as tf1\nops = [tf1.local_variables_initializer(), tf1.tables_initializer()]  # [TF104]\n",
    )
    VALID = ("import tensorflow as tf\nv = tf.Variable(tf.zeros([3]))\n",)
    FIXES = (
        (
            "import tensorflow as tf\n\n\ndef test_value(self):\n    v = make_variable()\n"
            "    self.evaluate(tf.compat.v1.global_variables_initializer())\n    self.assertEqual(self.evaluate(v), 1.0)\n",
            "import tensorflow as tf\n\n\ndef test_value(self):\n    v = make_variable()\n"
            "    self.assertEqual(self.evaluate(v), 1.0)\n",
        ),
        (
            "import tensorflow.compat.v1 as tf\n\nwith tf.Session() as sess:\n    sess.run(tf.local_variables_initializer())\n",
            "import tensorflow.compat.v1 as tf\n\nwith tf.Session() as sess:\n    pass\n",
        ),
    )

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        self.report(ctx, node, ref, fix=initializer_run_fix(node, ctx))


@register
class DefaultGraphRule(Rule):
    """Reports the global default graph: `get_default_graph`, `reset_default_graph`, `Graph().as_default()`.

    TF2 has no global graph. `tf.Graph().as_default()` is a false friend: it still
    exists and silently switches the enclosed code back to TF1 graph behaviour.
    """

    code = "TF105"
    symbol = "default-graph"
    summary = "`{name}` uses the TF1 default graph"
    replacement = "Trace the computation with `@tf.function` (use `f.get_concrete_function(...).graph` to inspect a graph)."
    names = data.DEFAULT_GRAPH_NAMES
    node_types = (ast.Call,)
    call_attrs = ("as_default",)
    INVALID = (
        "import tensorflow as tf\ng = tf.get_default_graph()  # [TF105]\ntf.reset_default_graph()  # [TF105]\n",
        "import tensorflow as tf\nwith tf.Graph().as_default():  # [TF105]\n    pass\n",
        "import tensorflow as tf\ngraph = tf.Graph()\nwith graph.as_default():  # [TF105]\n    pass\n",
    )
    VALID = (
        "import tensorflow as tf\n\n@tf.function\ndef f(x):\n    return x\n\ng = f.get_concrete_function(tf.constant(1.0)).graph\n",
        "import tensorflow as tf\nwith strategy.scope():\n    pass\nwith writer.as_default():\n    pass\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "as_default":
            graph = ctx.resolve(func.value)
            if graph is not None and graph.instance and graph.name in ("Graph", "get_default_graph"):
                # `tf.Graph` exists in TF2: the line runs, but in TF1 graph mode.
                self.report(
                    ctx, node, None, name=ctx.source_of(func) + "()", severity=Severity.WARNING,
                    message=f"`{ctx.source_of(func)}()` switches the enclosed code to TF1 graph mode (runs, with TF1 semantics)",
                )


@register
class MonitoredSessionRule(Rule):
    """Reports `MonitoredTrainingSession`, `MonitoredSession`, `Scaffold`, `Supervisor` and the session creators.

    These drive a TF1 graph with hooks, checkpointing and recovery. TF2 gets the same
    from `Model.fit` with callbacks, or from a custom loop with a `CheckpointManager`.
    """

    code = "TF106"
    symbol = "monitored-session"
    absorbs = ("TF104",)  # `tf.train.Scaffold(init_op=tf.global_variables_initializer())`: nothing to initialize
    summary = "`{name}` drives a TF1 graph session"
    replacement = (
        "`model.fit(dataset, callbacks=[tf.keras.callbacks.BackupAndRestore(backup_dir), ...])` (`backup_dir` only "
        "for it: it is deleted when `fit` ends), or a custom "
        "`GradientTape` loop with `tf.train.CheckpointManager(tf.train.Checkpoint(model=model), dir, max_to_keep=5)`."
    )
    names = data.MONITORED_NAMES
    INVALID = (
        "import tensorflow as tf\nwith tf.train.MonitoredTrainingSession(checkpoint_dir=d) as s:  # [TF106]\n    pass\n",
        "import tensorflow as tf\nscaffold = tf.train.Scaffold(saver=None)  # [TF106]\n",
    )
    VALID = ("import tensorflow as tf\nmanager = tf.train.CheckpointManager(ckpt, d, max_to_keep=3)\n",)


@register
class BehaviorSwitchRule(Rule):
    """Reports global behaviour switches: `disable_v2_behavior`, `disable_eager_execution`, `enable_eager_execution`, ...

    `disable_v2_behavior` makes a TF2 install run TF1; `enable_eager_execution` is the
    TF1 opt-in to what TF2 does by default. Either way the call goes once the module is
    migrated.
    """

    code = "TF107"
    symbol = "tf1-behavior-switch"
    summary = "`{name}` switches TensorFlow's global execution mode"
    replacement = "Delete the call: TF2 executes eagerly by default."
    names = data.BEHAVIOR_SWITCH_NAMES
    INVALID = (
        "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()  # [TF107]\n",
        "import tensorflow as tf\ntf.enable_eager_execution()  # [TF107]\n",
        "import tensorflow as tf\ntf.compat.v1.disable_eager_execution()  # [TF107]\n",
    )
    VALID = ("import tensorflow as tf\ntf.config.run_functions_eagerly(True)\n",)


@register
class PyFuncRule(Rule):
    """Reports `tf.py_func`.

    `tf.py_func` is gone. `tf.numpy_function` keeps its exact semantics (NumPy arrays
    in and out, not differentiable); `tf.py_function` passes eager tensors and supports
    gradients.
    """

    code = "TF108"
    symbol = "py-func"
    summary = "`{name}` is the TF1 Python-op wrapper"
    replacement = (
        "`tf.numpy_function(func, inp, Tout)` (same semantics) or "
        "`tf.py_function(func, inp, Tout)` for eager tensors and gradients."
    )
    names = data.PY_FUNC_NAMES
    INVALID = ("import tensorflow as tf\ny = tf.py_func(np.sinh, [x], tf.float32)  # [TF108]\n",)
    VALID = ("import tensorflow as tf\ny = tf.numpy_function(np.sinh, [x], tf.float32)\n",)
    FIXES = (
        (
            "import tensorflow as tf\ny = tf.py_func(np.sinh, [x], tf.float32)\n",
            "import tensorflow as tf\ny = tf.numpy_function(np.sinh, [x], tf.float32)\n",
        ),
    )

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        fix = _callee_rename(node, ctx, "numpy_function", Applicability.SAFE, "Rewrite as `tf.numpy_function` (same semantics)")
        if fix is None:
            self.report(ctx, node, ref)
            return
        shown = f"`{fix[0]}` (same semantics), or `tf.py_function` for eager tensors and gradients."
        self.report(ctx, node, ref, replacement=shown, fix=fix[1])


@register
class RandomSeedRule(Rule):
    """Reports `tf.set_random_seed`.

    The graph-level seed moved to `tf.random.set_seed`; op-level seeds combine with it
    as before, but the sequence of random values differs between TF1 graphs and TF2.
    """

    code = "TF109"
    symbol = "set-random-seed"
    summary = "`{name}` is the TF1 global-seed setter"
    replacement = "`tf.random.set_seed(seed)`"
    names = data.RANDOM_SEED_NAMES
    INVALID = ("import tensorflow as tf\ntf.set_random_seed(42)  # [TF109]\n",)
    VALID = ("import tensorflow as tf\ntf.random.set_seed(42)\n",)
    FIXES = (("import tensorflow as tf\ntf.set_random_seed(42)\n", "import tensorflow as tf\ntf.random.set_seed(42)\n"),)
    NOTE = " (TF2 random sequences differ from TF1 graphs even with the same seed)"

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        fix = _callee_rename(node, ctx, "random.set_seed", Applicability.UNSAFE, "Rewrite as `tf.random.set_seed`")
        if fix is None:
            self.report(ctx, node, ref, replacement="`tf.random.set_seed(seed)`" + self.NOTE)
            return
        self.report(ctx, node, ref, replacement=f"`{fix[0]}`" + self.NOTE, fix=fix[1])


def _callee_rename(node: ast.AST, ctx: Context, new: str, applicability: Applicability, message: str) -> Optional[Tuple[str, Fix]]:
    """`tf.<new>(same arguments)` for a call of ``node`` under a plain `tensorflow` alias: the rendered call and its fix."""
    from tf2lint.rules.render import TF2, root_of

    call = ctx.call_of.get(id(node))
    root = root_of(node, ctx)
    if root is None or root.namespace != TF2 or not isinstance(call, ast.Call) or call.func is not node:
        return None
    name = f"{root.text}.{new}"
    text = ctx.source_of(call)
    callee = ctx.source_of(node)
    if not text.startswith(callee):
        return None
    return name + text[len(callee) :], Fix(applicability.value, (ctx.edit(node, name),), message)


@register
class SessionConfigRule(Rule):
    """Reports session configuration protos: `ConfigProto`, `GPUOptions`, `RunOptions`, ...

    These configure a session; TF2 sets the same knobs process-wide with `tf.config`
    calls before the first op runs, and traces with the profiler instead of `RunOptions`.
    """

    code = "TF110"
    symbol = "session-config"
    absorbs = ("TF110",)  # `tf.ConfigProto(gpu_options=tf.GPUOptions(...))`: one config to rewrite
    summary = "`{name}` configures a TF1 session"
    replacement = "`tf.config` calls (threading, memory growth, device placement) before the first op runs."
    names = data.SESSION_CONFIG_NAMES
    INVALID = (
        "import tensorflow as tf\nconfig = tf.ConfigProto()  # [TF110]\n"
        "config.gpu_options.allow_growth = True\n",
    )
    VALID = (
        "import tensorflow as tf\nfor gpu in tf.config.list_physical_devices('GPU'):\n"
        "    tf.config.experimental.set_memory_growth(gpu, True)\n",
    )


@register
class DimensionValueRule(Rule):
    """Reports `.value` on an element of a static shape (`x.shape[0].value`, `x.get_shape()[1].value`).

    In TF1 a shape element is a `Dimension` object whose `.value` is the int. In TF2 it
    already is an int (or None), so `.value` raises `AttributeError`.
    """

    code = "TF111"
    symbol = "dimension-value"
    summary = "`{name}` reads a TF1 `Dimension` object"
    replacement = "Drop `.value`: `x.shape[i]` is already an int (or None) in TF2."
    node_types = (ast.Attribute,)
    attr_names = ("value",)
    severity = Severity.ERROR
    INVALID = (
        "import tensorflow as tf\nn = x.get_shape()[1].value  # [TF111]\nm = x.shape[-1].value  # [TF111]\n",
    )
    VALID = ("import tensorflow as tf\nn = x.shape[1]\nv = var.value()\nd = dims[0].value\n",)
    fix_safety = (
        "Safe: deletes `.value`, since a TF2 shape element already is the int (or None). In a module that may run "
        "with TF1 behaviour (it uses `tf.compat.v1` or TF1-only names; `disable_v2_behavior` or "
        "`disable_v2_tensorshape` make shape elements `Dimension`s again) it writes `tf.compat.dimension_value(x.shape[i])`, "
        "which reads the int (or None) either way. Unsafe only where no name bound to TensorFlow is there to spell that "
        "with: then `.value` is deleted, and code comparing the `Dimension` with None changes."
    )
    FIXES = (
        ("import tensorflow as tf\nn = x.get_shape()[1].value\n", "import tensorflow as tf\nn = x.get_shape()[1]\n"),
        (
            "import tensorflow.compat.v1 as tf\nn = x.shape[-1].value\n",
            "import tensorflow.compat.v1 as tf\nn = tf.compat.dimension_value(x.shape[-1])\n",
        ),
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Attribute)
        if node.attr != "value" or not isinstance(node.ctx, ast.Load):
            return
        sub = node.value
        if not isinstance(sub, ast.Subscript):
            return
        base = sub.value
        is_shape = (isinstance(base, ast.Attribute) and base.attr == "shape") or (
            isinstance(base, ast.Call) and isinstance(base.func, ast.Attribute) and base.func.attr == "get_shape"
        )
        if is_shape:
            self.report(ctx, node, None, name=ctx.source_of(node), fix=dimension_fix(node, sub, ctx))


def dimension_fix(node: ast.Attribute, element: ast.AST, ctx: Context) -> Fix:
    """TF2 shapes index to ints: drop `.value`. A module that may switch TF1 behaviour back on
    (it uses `tf.compat.v1` or TF1-only names) gets `Dimension`s, so there the value is read with
    `tf.compat.dimension_value(...)`, which gives the int (or None) for both."""
    from tf2lint.rules.render import module_alias

    text = ctx.source_of(element)
    if not ctx.runs_tf1:
        return Fix(Applicability.SAFE.value, (ctx.edit(node, text),), "Drop `.value`")
    root = module_alias(ctx, node)
    if root is None:
        return Fix(Applicability.UNSAFE.value, (ctx.edit(node, text),), "Drop `.value`")
    return Fix(Applicability.SAFE.value, (ctx.edit(node, f"{root.text}.compat.dimension_value({text})"),), "Read it with `dimension_value`")
