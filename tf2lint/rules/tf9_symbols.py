"""Family 9 (TF9xx), names: removed symbols, renamed symbols, removed modules.

Every TF1 name TF2 lacks under the same spelling is in one of the generated tables
(tf2lint/data/generated/v1_symbols.py). These generic rules yield to the idiom rules of
families 1-8: they run with ``priority = 1`` and never register a name under a longer key
than an idiom rule's, so the engine's dispatch still reaches the idiom rule first.
"""

from __future__ import annotations

import ast
from functools import cache
from typing import Callable, ClassVar, Dict, FrozenSet, Iterable, Optional, Tuple, Type
from weakref import WeakKeyDictionary

from tf2lint.context import Context
from tf2lint.data import symbols as routes
from tf2lint.data.generated import v1_symbols as gen
from tf2lint.data.symbols import MIGRATION_TOOLS
from tf2lint.finding import Fix, Severity
from tf2lint.names import VIA_COMPAT_V1, TFRef, prefixes
from tf2lint.rules import initializers, render
from tf2lint.rules.absl_fixes import absl_fix
from tf2lint.rules.base import Rule, register

RENAMED = "renamed"
REMOVED = "removed"
MODULE = "module"


def _under_removed_module(name: str) -> bool:
    return any(p in gen.REMOVED_MODULES for p in prefixes(name) if p != name)


def _build_kinds() -> Dict[str, str]:
    kinds: Dict[str, str] = {m: MODULE for m in gen.REMOVED_MODULES}
    for name in gen.REMOVED | routes.EXTRA_REMOVED:
        kinds[name] = MODULE if _under_removed_module(name) else REMOVED
    for name in gen.RENAMED:
        kinds[name] = RENAMED
    return kinds


# Every TF1-only name (and removed module) -> which rule reports it.
KINDS: Dict[str, str] = _build_kinds()


def classify(name: str) -> Optional[Tuple[str, str]]:
    """(table key, kind) for the longest TF1-only prefix of ``name``, if any."""
    for prefix in prefixes(name):
        kind = KINDS.get(prefix)
        if kind is not None:
            return prefix, kind
    return None


@cache
def idiom_names() -> FrozenSet[str]:
    """The names the idiom rules (families 1-8) dispatch on."""
    from tf2lint.registry import all_rules

    return frozenset(key for cls in all_rules() if cls.family() not in (0, 9) for key in cls.names)


def covered_by_idiom(name: str) -> bool:
    idioms = idiom_names()
    return any(p in idioms for p in prefixes(name))


def dispatch_keys(own: Iterable[str]) -> Dict[str, Optional[str]]:
    """The keys a family-9 rule registers so that it never hides an idiom rule.

    The engine calls only the rules of the longest key matching a name. A family-9 key below
    an idiom rule's key (``contrib.data.AUTOTUNE`` under ``contrib``) is replaced by that key,
    and idiom keys below a family-9 key are added, so that both rules are called on the same
    node and the engine's dedupe keeps the idiom finding.
    """
    idioms = idiom_names()
    own_keys = set(own)
    keys: Dict[str, Optional[str]] = {}
    for key in own_keys:
        # The longest idiom key above it: the one the engine's dispatch would stop at.
        cover = next((p for p in prefixes(key) if p != key and p in idioms), key)
        keys[cover] = None
    for key in idioms:
        if any(p in own_keys for p in prefixes(key) if p != key):
            keys[key] = None
    return keys


class Evidence:
    """Whether a module evidently runs TF1, for calls TF2 code may write the same way.

    Evidence is a name that fails on TF2 (a finding of severity error: TF1-only names reached
    through plain `tf`, TF1-only keywords) or a call that switches TF2 to TF1 behaviour; under
    `--fix`, also such a name in the text before the fixes renamed it (``ctx.fixed_tf1``). It is
    read once, after the walk and before any other deferred check can add findings. A module
    that merely calls some `tf.compat.v1` API is TF2 code using a legacy function, not evidence:
    its plain `tf.*` calls mean what TF2 says. (Calls reached through `tf.compat.v1` itself
    always carry their TF1 meaning and need no evidence.)
    """

    __slots__ = ("switched", "runs_tf1")

    def __init__(self) -> None:
        self.switched = False
        self.runs_tf1: Optional[bool] = None

    def settle(self, ctx: Context) -> None:
        own = self.switched or any(f.severity is Severity.ERROR and not f.code.startswith("TF0") for _, f in ctx.findings)
        self.runs_tf1 = own or ctx.tf1_before_fixes()


_EVIDENCE: WeakKeyDictionary[Context, Evidence] = WeakKeyDictionary()


def evidence(ctx: Context) -> Evidence:
    found = _EVIDENCE.get(ctx)
    if found is None:
        found = _EVIDENCE[ctx] = Evidence()
        # First in line: settle before other deferred checks add findings of their own.
        ctx.deferred.insert(0, lambda: found.settle(ctx))  # type: ignore[union-attr]
    return found


def when_tf1(ctx: Context, report: Callable[[], None]) -> None:
    """Report after the walk if the module evidently runs TF1."""
    seen = evidence(ctx)
    ctx.defer(lambda: report() if seen.runs_tf1 else None)


class SymbolRule(Rule):
    """Shared behaviour of TF901/TF902/TF905: dispatch on the generated tables."""

    kind: ClassVar[str] = ""
    priority = 1
    _bound: ClassVar[bool]

    def __init__(self) -> None:
        cls: Type[SymbolRule] = type(self)
        if "_bound" not in cls.__dict__:  # once per class, when every rule is registered
            cls.names = dispatch_keys(k for k, v in KINDS.items() if v == cls.kind)
            cls._bound = True

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if ref.name in MIGRATION_TOOLS:
            return
        hit = classify(ref.name)
        if hit is None or hit[1] != self.kind:
            return
        self.report_symbol(node, ref, hit[0], ctx)

    def report_symbol(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        raise NotImplementedError


def compat_available(name: str, target: Tuple[int, int]) -> bool:
    """Whether `tf.compat.v1.<name>` exists on the target release."""
    if name == "contrib" or name.startswith("contrib."):
        return False
    if name in gen.COMPAT_V1_ABSENT or name.startswith("estimator."):
        return target < routes.KERAS3_FROM
    return True


def version_notes_for(name: str, target: Tuple[int, int]) -> str:
    notes = []
    if name.startswith("keras.") and target >= routes.KERAS3_FROM:
        notes.append(routes.KERAS_SHIM_NOTE)
    if (name == "layers" or name.startswith(("layers.", "nn.rnn_cell"))) and target >= routes.KERAS3_FROM:
        notes.append(routes.COMPAT_LAYERS_NOTE)
    if name.startswith("estimator") and target >= routes.ESTIMATOR_REMOVED_IN:
        notes.append(routes.ESTIMATOR_NOTE)
    if name.startswith("summary") and target >= routes.TENSORBOARD_OPTIONAL_FROM:
        notes.append(routes.SUMMARY_NOTE)
    if name.startswith("lite") and target >= routes.LITE_INTERPRETER_DEPRECATED_IN:
        notes.append(routes.LITE_NOTE)
    return "".join(" " + n for n in notes)


def spells_compat_v1(node: ast.AST) -> bool:
    """Whether the code names `tf.compat.v1` itself here (an attribute chain through `.compat.v1`
    or an import from it), rather than through an alias such as `import tensorflow.compat.v1 as tf`."""
    if isinstance(node, (ast.alias, ast.Import, ast.ImportFrom)):
        return True
    while isinstance(node, ast.Attribute):
        value = node.value
        if node.attr == "v1" and isinstance(value, ast.Attribute) and value.attr == "compat":
            return True
        node = value
    return False


def _sentence(text: str) -> str:
    text = text.rstrip(".")
    return (text[0].upper() + text[1:] if text[:1].isalpha() else text) + "."


def _severity(ref: TFRef) -> Severity:
    return Severity.WARNING if ref.via == VIA_COMPAT_V1 else Severity.ERROR


def _route(key: str) -> Optional[str]:
    route = routes.ROUTES.get(key)
    if route is not None:
        return route
    if key in routes.PROTOS:
        return routes.proto_route(key)
    for prefix in prefixes(key):
        if prefix in routes.PREFIX_ROUTES:
            return routes.PREFIX_ROUTES[prefix]
    return None


@register
class RemovedSymbolRule(SymbolRule):
    """Reports TF1 names that have no TF2 name: TensorFlow keeps them only in `tf.compat.v1`.

    Under `import tensorflow as tf` on TF2 the name raises `AttributeError`. The converter
    rewrites it to `tf.compat.v1.<name>`, which keeps the TF1 behaviour (graph mode,
    collections); the finding gives that spelling and, where there is one, the TF2 way to
    write the same thing. A name spelled `tf.compat.v1.<name>` already is reported only when a
    TF2 route is known; through an alias (`import tensorflow.compat.v1 as tf`) it always is.
    """

    code = "TF901"
    symbol = "removed-symbol"
    summary = "`{name}` has no TF2 name"
    replacement = (
        "The TF2 code the finding names (`tf.print` for `tf.Print`, a Keras RNN layer for `tf.nn.dynamic_rnn`, a Keras "
        "initializer object for `tf.glorot_uniform_initializer`, ...), or `tf.compat.v1.<name>` to keep the TF1 behaviour meanwhile."
    )
    kind = REMOVED
    version_notes = " ".join(
        (routes.KERAS_SHIM_NOTE, routes.ESTIMATOR_NOTE, routes.SUMMARY_NOTE, routes.LITE_NOTE)
    )
    INVALID = (
        "import tensorflow as tf\ntf.Print(x, [x])  # [TF901]\n",
        "import tensorflow as tf\nw = tf.glorot_uniform_initializer()  # [TF901]\n",
        "import tensorflow as tf\nout, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)  # [TF901]\n",
        "from tensorflow import div  # [TF901]\nz = div(a, b)  # [TF901]\n",
    )
    VALID = (
        "import tensorflow as tf\ntf.print(x)\nv = tf.Variable(1.0)\n\n@tf.function\ndef f(x):\n    return x\n",
        "import tensorflow as tf\nwith tf.name_scope('block'):\n    y = tf.keras.initializers.GlorotUniform()((3, 3))\n",
    )
    fix_safety = (
        "Only TF1 initializer calls carry a fix (unsafe): `tf.truncated_normal_initializer(...)` and the others "
        "become their `tf.keras.initializers` class with every argument kept and TF1's defaults pinned where Keras "
        "differs (`stddev=1.0` for the normal ones, `minval=0.0, maxval=1.0` for the uniform one); "
        "`uniform_unit_scaling_initializer(factor)` becomes `VarianceScaling(scale=factor ** 2, mode=\"fan_in\", "
        "distribution=\"uniform\")`, and `distribution=\"normal\"` is spelled `\"truncated_normal\"`. A `dtype` "
        "argument is deleted (TF2 initializers take it when called). The distribution is the same, the numbers "
        "drawn for a seed are not (TF2's random generators)."
    )
    FIXES = (
        (
            "import tensorflow as tf\nw = tf.truncated_normal_initializer(stddev=0.02, seed=1)\n",
            "import tensorflow as tf\nw = tf.keras.initializers.TruncatedNormal(stddev=0.02, seed=1)\n",
        ),
        (
            "import tensorflow as tf\nw = tf.truncated_normal_initializer()\n",
            "import tensorflow as tf\nw = tf.keras.initializers.TruncatedNormal(stddev=1.0)\n",
        ),
        (
            "import tensorflow as tf\nw = tf.uniform_unit_scaling_initializer(1.43, dtype=tf.float32)\n",
            "import tensorflow as tf\n"
            "w = tf.keras.initializers.VarianceScaling(scale=1.43 ** 2, mode=\"fan_in\", distribution=\"uniform\")\n",
        ),
    )

    def report_symbol(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        route = _route(key)
        if ref.via == VIA_COMPAT_V1 and (route is None or key in routes.PROTOS) and spells_compat_v1(node):
            return  # already spelled `tf.compat.v1.X`, and no TF2 way to suggest (TF990 covers it)
        target = ctx.target_version
        keras2 = routes.KERAS2_FUNCTIONS.get(key)
        if keras2 is not None and ref.via != VIA_COMPAT_V1 and target < routes.KERAS3_FROM:
            # Keras 2 serves the same spelling with TF2 meaning: a TF1 call only in a TF1 module.
            when_tf1(ctx, lambda: self._report_removed(node, ref, key, route, ctx))
            return
        self._report_removed(node, ref, key, route, ctx)

    def _report_removed(self, node: ast.AST, ref: TFRef, key: str, route: Optional[str], ctx: Context) -> None:
        target = ctx.target_version
        parts = []
        if route is not None:
            parts.append(_sentence(route))
        if compat_available(key, target):
            compat = f"`tf.compat.v1.{key}`"
            if route:
                parts.append(f"To keep the TF1 behaviour meanwhile: {compat}.")
            else:
                parts.append(f"{compat} keeps the TF1 behaviour; TF2 has no direct equivalent.")
        elif route is None:
            parts.append(f"TF2 has no equivalent, and TF {target[0]}.{target[1]} has no `tf.compat.v1.{key}` either.")
        replacement = " ".join(parts) + version_notes_for(key, target)
        keras2 = routes.KERAS2_FUNCTIONS.get(key)
        if keras2 is not None:
            replacement += " " + routes.KERAS2_NOTE.format(name=key, keras=keras2)
        call = ctx.call_of.get(id(node))
        rendered = initializers.render_initializer(call, ref, ctx) if call is not None else None
        if rendered is not None:  # an initializer call: its TF2 class with the user's arguments
            replacement = initializers.initializer_replacement(rendered, ref) + version_notes_for(key, target)
        fix = initializers.initializer_fix(rendered) if rendered is not None else None
        self.report(ctx, node, ref, replacement=replacement, severity=_severity(ref), fix=fix)


@register
class RenamedSymbolRule(SymbolRule):
    """Reports TF1 names whose API lives on in TF2 under another name (`tf.log` -> `tf.math.log`).

    The TF1 spelling raises `AttributeError` on TF2 (under `import tensorflow as tf`), while
    the same function exists under its TF2 name. The casts `tf.to_float(x)` and friends become
    `tf.cast(x, dtype)`, rendered with the call's own argument.
    """

    code = "TF902"
    symbol = "renamed-symbol"
    summary = "`{name}` is `{new}` in TF2"
    replacement = (
        "The TF2 name: `tf.math.log` for `tf.log`, `tf.io.gfile.exists` for `tf.gfile.Exists`, `tf.random.uniform` for "
        "`tf.random_uniform`, `tf.cast(x, tf.float32)` for `tf.to_float(x)` (rendered with the call's argument)."
    )
    version_notes = (
        "The table is generated from TensorFlow 2.21.0 (its converter tables and API); every suggested name exists "
        "in that release under `import tensorflow as tf`."
    )
    kind = RENAMED
    node_types = (ast.Call,)
    call_attrs = tuple(name.rpartition(".")[2] for name in routes.CASTS)
    fix_safety = (
        "Safe where the TF2 name runs the same code as the TF1 one (checked against TensorFlow 2.21: the same "
        "function, or a TF1 wrapper that calls it), rendered from the call: `tf.to_float(x)` becomes "
        "`tf.cast(x, tf.float32)` (in graph mode the op is named `Cast` instead of `ToFloat`), keywords TF2 renamed "
        "and arguments whose position moved are passed by their TF2 keyword, and TF1 names inside the arguments are "
        "converted too. Unsafe where the TF2 function differs (`tf.image.resize_images` -> `tf.image.resize` samples "
        "at half-pixel centres; the finding says how). Under `import tensorflow.compat.v1 as tf` the rename stays in "
        "that namespace and is made only where `tf.compat.v1` serves the same code under the new name; the fix never "
        "writes `compat.v1` and never switches a module to TF2 semantics."
    )
    FIXES = (
        (
            "import tensorflow as tf\ny = tf.log(tf.to_float(x))\n",
            "import tensorflow as tf\ny = tf.math.log(tf.cast(x, tf.float32))\n",
        ),
        (
            "import tensorflow as tf\nif not tf.gfile.Exists(path):\n    tf.gfile.MakeDirs(path)\n",
            "import tensorflow as tf\nif not tf.io.gfile.exists(path):\n    tf.io.gfile.makedirs(path)\n",
        ),
        (
            "import tensorflow.compat.v1 as tf\nu = tf.random_uniform([2], seed=1)\n",
            "import tensorflow.compat.v1 as tf\nu = tf.random.uniform([2], seed=1)\n",
        ),
        (
            "import tensorflow as tf\nr = tf.image.resize_images(images, [64, 64])\n",
            "import tensorflow as tf\nr = tf.image.resize(images, [64, 64])\n",
        ),
    )
    INVALID = (
        "import tensorflow as tf\ny = tf.log(x)  # [TF902]\n",
        "import tensorflow as tf\nif tf.gfile.Exists(path):  # [TF902]\n    pass\n",
        "import tensorflow as tf\ny = tf.to_float(labels)  # [TF902]\n",
        "import tensorflow.compat.v1 as tf\nu = tf.random_uniform([2])  # [TF902]\n",
    )
    VALID = (
        "import tensorflow as tf\ny = tf.math.log(x)\nok = tf.io.gfile.exists(path)\nz = tf.cast(labels, tf.float32)\n",
        "import numpy as np\nimport tensorflow as tf\ny = np.log(x)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        """`tf.to_float(x)` -> `tf.cast(x, tf.float32)`, rendered with the user's argument."""
        assert isinstance(node, ast.Call)
        func = node.func
        last = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if last not in routes.CASTS:
            return
        ref = ctx.resolve_call(node)
        if ref is None or ref.name not in routes.CASTS or covered_by_idiom(ref.name):
            return
        value = _argument(node, 0, "x")
        if value is None:
            return
        rendered = render.cast(node, ref, ctx)
        if rendered is not None:
            replacement, fix = _shown(rendered, "Rewrite as `tf.cast`")
        else:
            name = _argument(node, 1, "name")
            text = f"tf.cast({ctx.source_of(value)}, {routes.CASTS[ref.name]}" + (f", name={ctx.source_of(name)}" if name else "") + ")"
            replacement, fix = f"`{text}`", None
        ctx.claim(func)
        # The span is the whole call: the rendered `tf.cast(...)` replaces all of it.
        self.report(ctx, node, ref, replacement=replacement, severity=_severity(ref), new="tf.cast", fix=fix)

    def report_symbol(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        fix = None
        if key in routes.CASTS:
            new = "tf.cast"
            replacement = f"`tf.cast(x, {routes.CASTS[key]})`"
        else:
            new = f"tf.{gen.RENAMED[key]}{ref.name[len(key):]}"
            replacement = f"`{new}`"
            call = ctx.call_of.get(id(node))
            if call is not None and call.func is node:
                rendered = render.call_plan(call, ref, ctx)
            else:
                rendered = render.rename(node, ref, ctx)
            if rendered is not None:
                replacement, fix = _shown(rendered, f"Rename to `{new}`")
        self.report(ctx, node, ref, replacement=replacement, severity=_severity(ref), new=new, fix=fix)


def _shown(rendered: render.Rendered, message: str) -> Tuple[str, Optional[Fix]]:
    """A finding's replacement text and fix, both from one rendering."""
    notes = rendered.notes()
    return (rendered.display + (" " + notes if notes else "")), rendered.fix(message)


def _through_constant(node: ast.AST, module: str, ctx: Context) -> bool:
    """Whether the reference starts at a name bound to a constant of the removed module
    (`FLAGS`, `INFO`: upper case), whose every use would otherwise repeat one finding."""
    while isinstance(node, ast.Attribute):
        node = node.value
    if not isinstance(node, ast.Name):
        return False
    root = ctx.resolve(node)
    if root is None or not root.name.startswith(module + "."):
        return False
    member = root.name.rpartition(".")[2]
    return member.isupper()


def _argument(call: ast.Call, index: int, name: str) -> Optional[ast.AST]:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    if len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return None


@register
class RemovedModuleRule(SymbolRule):
    """Reports uses of TF1 modules TF2 does not have: `tf.flags`, `tf.app`, `tf.logging`, `tf.gfile`, `tf.python_io`, `tf.nn.rnn_cell`, ...

    These modules are gone from TF2; command-line flags, the program entry point and
    logging moved to absl (or the standard library), file access to `tf.io.gfile`, TFRecord
    I/O to `tf.io` and `tf.data`, RNN cells to Keras. Members with a TF2 name of their own
    (`tf.gfile.Exists`) are reported as renamed symbols (TF902) instead. A module constant bound
    to a name (`FLAGS = tf.app.flags.FLAGS`) is reported where it is bound, not at every use.
    """

    code = "TF905"
    symbol = "removed-module"
    summary = "`{name}`: TF2 has no module `tf.{module}`"
    replacement = (
        "`absl.flags` or `argparse` for `tf.flags`, `absl.app.run` for `tf.app.run`, `absl.logging` or `tf.get_logger()` "
        "for `tf.logging`, `tf.io.gfile` for `tf.gfile`, `tf.io` / `tf.data` for `tf.python_io`, Keras cells for "
        "`tf.nn.rnn_cell`; the finding names the member's own destination."
    )
    kind = MODULE
    version_notes = routes.COMPAT_LAYERS_NOTE
    fix_safety = (
        "Unsafe, for `tf.logging`, `tf.flags`, `tf.app.flags` and `tf.app.run`: the TensorFlow module is replaced by "
        "absl's (`tf.logging.info` -> `logging.info`) and `from absl import logging` is added once per file (as "
        "`absl_logging` where the file binds `logging` otherwise). Behaviour differs: absl's log levels are other "
        "numbers than Python's (`tf.logging.INFO` is 20, `absl.logging.INFO` is 0) and absl logs through its own "
        "handler; `absl.app.run` rejects command-line flags no module defines, which `tf.app.run` tolerated, and "
        "needs `main` passed. Uses through an own alias (`flags = tf.app.flags`) are fixed where it is bound. Other "
        "removed modules have no automatic fix."
    )
    FIXES = (
        (
            "import tensorflow as tf\n\ntf.logging.set_verbosity(tf.logging.INFO)\n",
            "import tensorflow as tf\nfrom absl import logging\n\nlogging.set_verbosity(logging.INFO)\n",
        ),
        (
            "import tensorflow as tf\n\nFLAGS = tf.app.flags.FLAGS\ntf.app.flags.DEFINE_string('data', None, 'input')\n\n\n"
            "def main(_):\n    pass\n\n\ntf.app.run()\n",
            "import tensorflow as tf\nfrom absl import app\nfrom absl import flags\n\nFLAGS = flags.FLAGS\n"
            "flags.DEFINE_string('data', None, 'input')\n\n\ndef main(_):\n    pass\n\n\napp.run(main)\n",
        ),
    )
    INVALID = (
        "import tensorflow as tf\ntf.logging.set_verbosity(tf.logging.INFO)  # [TF905]\n",
        "import tensorflow as tf\nFLAGS = tf.app.flags.FLAGS  # [TF905]\ntf.app.run(main)  # [TF905]\n",
        "from tensorflow import flags  # [TF905]\nflags.DEFINE_string('data', None, 'input')  # [TF905]\n",
        "import tensorflow as tf\ncell = tf.nn.rnn_cell.LSTMCell(128)  # [TF905]\n",
        "import tensorflow as tf\nfor record in tf.python_io.tf_record_iterator(path):  # [TF905]\n    pass\n",
    )
    VALID = (
        "import tensorflow as tf\nfrom absl import app, flags, logging\nlogging.info('start')\ntf.get_logger().info('x')\n"
        "cell = tf.keras.layers.LSTMCell(128)\nwriter = tf.io.TFRecordWriter(path)\n",
    )

    def report_symbol(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        name = ref.name
        module = next(p for p in prefixes(name) if p in gen.REMOVED_MODULES)
        if isinstance(node, (ast.alias, ast.Import, ast.ImportFrom)):
            if module.split(".")[0] == "contrib":
                return  # the import statement is TF601's
        elif _through_constant(node, module, ctx):
            return  # `FLAGS.data_dir` after `FLAGS = tf.app.flags.FLAGS`: reported where it was bound
        route = routes.MODULE_MEMBER_ROUTES.get(name) or routes.ROUTES.get(name)
        if route is None:
            for prefix in prefixes(name):
                if prefix in routes.MODULE_ROUTES:
                    route = routes.MODULE_ROUTES[prefix]
                    break
        target = ctx.target_version
        replacement = _sentence(route) if route else "Remove the dependency on this module."
        if compat_available(name, target) and ref.via != VIA_COMPAT_V1:
            replacement += f" `tf.compat.v1.{name}` keeps working meanwhile."
        replacement += version_notes_for(name, target)
        moved = absl_fix(node, ref, module, ctx)
        if moved is not None and not replacement.startswith(moved[0]):  # the table may say it already
            replacement = f"{moved[0]}. {replacement}"
        fix = moved[1] if moved is not None else None
        self.report(ctx, node, ref, replacement=replacement, severity=_severity(ref), module=module, fix=fix)
