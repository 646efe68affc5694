"""Family 9 fixes (and TF111): applied to a fixpoint, checked against the rendered replacement,
the target TensorFlow's names, and a program's output under real TensorFlow 2.21."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import pytest

from tests.conftest import FIXTURES, tensorflow_python
from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Finding
from tf2lint.fix.edits import apply_fixes
from tf2lint.registry import all_rules

OWN = ("TF111", "TF902", "TF903", "TF904", "TF905")
SAFE = frozenset({"safe"})
ALL = frozenset({"safe", "unsafe"})


def findings(source: str, select: Sequence[str] = ("TF",)) -> List[Finding]:
    return lint_source(source, "example.py", Config(select=tuple(select)))


def fix_all(source: str, select: Sequence[str] = ("TF9",), kinds: frozenset = ALL, passes: int = 10) -> str:
    """Apply fixes pass after pass (re-linting in between) until nothing changes."""
    current = source
    for _ in range(passes):
        fixes = [f.fix for f in findings(current, select) if f.fix is not None and f.fix.applicable and f.fix.applicability in kinds]
        new, _ = apply_fixes(current, fixes)
        if new == current:
            return current
        current = new
    raise AssertionError(f"no fixpoint after {passes} passes:\n{current}")


def one(source: str, code: str) -> Finding:
    found = [f for f in findings(source) if f.code == code]
    assert len(found) == 1, found
    return found[0]


# ----- the catalog's examples --------------------------------------------------------------


def _own_examples() -> List[Tuple[str, str, str]]:
    return [(cls.code, before, after) for cls in all_rules() if cls.code in OWN for before, after in cls.FIXES]


@pytest.mark.parametrize("code,before,after", _own_examples())
def test_fix_examples(code, before, after):
    assert fix_all(before, (code,)) == after
    assert fix_all(after, (code,)) == after  # a second run changes nothing
    ast.parse(after)


def test_every_own_fixable_rule_has_examples_and_says_how_safe():
    for cls in all_rules():
        if cls.code in OWN:
            assert cls.FIXES, cls.code
            assert "No automatic fix" not in cls.fix_safety, cls.code


# ----- one rendering for the text and the fix ----------------------------------------------

SHOWN = re.compile(r"`([^`]+)`")

RENDERED_CASES = (
    ("import tensorflow as tf\ny = tf.log(tf.to_float(x))\n", "TF902", 1),  # one finding: the rename converts the cast
    ("import tensorflow as tf\ny = tf.to_int32(tf.log(x), name='n')\n", "TF902", 1),
    ("import tensorflow as tf\nok = tf.gfile.Exists(filename=path)\n", "TF902", 1),
    ("import tensorflow as tf\nok = tf.gfile.Exists(filename=path)\n", "TF903", 1),
    ("import tensorflow as tf\ns = tf.reduce_sum(x, reduction_indices=[1], keep_dims=True)\n", "TF903", 2),
    ("import tensorflow.compat.v1 as tf\ni = tf.argmax(logits, 1, 'predictions')\n", "TF904", 1),
    ("import tensorflow as tf\ns = tf.substr(s, 0, 3, 'cut')\n", "TF902", 1),
    ("import tensorflow as tf\nu = tf.random_uniform([2], *rest)\n", "TF902", 1),
)


@pytest.mark.parametrize("source,code,count", RENDERED_CASES)
def test_replacement_is_the_code_the_fix_writes(source, code, count):
    found = [f for f in findings(source) if f.code == code]
    assert len(found) == count
    for finding in found:
        assert finding.fix is not None
        shown = SHOWN.search(finding.replacement)
        assert shown is not None, finding.replacement
        fixed, applied = apply_fixes(source, [finding.fix])
        assert applied == [finding.fix]
        line = fixed.splitlines()[finding.start.row - 1]
        assert shown.group(1) in line, (shown.group(1), line)
        assert shown.group(1) not in source


def test_the_rules_on_one_call_carry_the_same_edits():
    source = "import tensorflow as tf\nok = tf.gfile.Exists(filename=path)\n"
    fixes = {f.code: f.fix for f in findings(source) if f.fix is not None}
    assert fixes["TF902"].edits == fixes["TF903"].edits
    fixed, applied = apply_fixes(source, list(fixes.values()))
    assert len(applied) == 2  # identical edits are applied once
    assert fixed == "import tensorflow as tf\nok = tf.io.gfile.exists(path=path)\n"


# ----- what the fixes write --------------------------------------------------------------------


@pytest.mark.parametrize(
    "source,expected",
    [
        # nested TF1 names are converted by the same renderer
        ("import tensorflow as tf\ny = tf.to_float(tf.log(x))\n", "import tensorflow as tf\ny = tf.cast(tf.math.log(x), tf.float32)\n"),
        # keyword `x=` of a cast
        ("import tensorflow as tf\ny = tf.to_int64(x=v)\n", "import tensorflow as tf\ny = tf.cast(x=v, dtype=tf.int64)\n"),
        # a TF2 name under a compat.v1 alias stays in that alias
        ("import tensorflow.compat.v1 as tf\ny = tf.log(x)\n", "import tensorflow.compat.v1 as tf\ny = tf.math.log(x)\n"),
        # a spelled-out compat.v1 name becomes the TF2 name where it runs the same code
        (
            "import tensorflow as tf\ny = tf.compat.v1.log(x)\n",
            "import tensorflow as tf\ny = tf.math.log(x)\n",
        ),
        # positions that moved are passed by keyword; renamed keywords mapped
        (
            "import tensorflow as tf\nc = tf.multinomial(logits, 1, 7)\n",
            "import tensorflow as tf\nc = tf.random.categorical(logits, 1, seed=7)\n",
        ),
        # `**kwargs` kept as written
        (
            "import tensorflow as tf\ns = tf.reduce_sum(x, keep_dims=True, **extra)\n",
            "import tensorflow as tf\ns = tf.reduce_sum(x, keepdims=True, **extra)\n",
        ),
        # multi-line call: only the edited parts change, comments stay
        (
            "import tensorflow as tf\ns = tf.reduce_mean(\n    x,  # input\n    reduction_indices=[0],\n)\n",
            "import tensorflow as tf\ns = tf.reduce_mean(\n    x,  # input\n    axis=[0],\n)\n",
        ),
        # private-module import: spelled from the module's own alias
        (
            "import tensorflow as tf\nfrom tensorflow.python.ops import math_ops\ny = math_ops.rsqrt(x)\n",
            "import tensorflow as tf\nfrom tensorflow.python.ops import math_ops\ny = tf.math.rsqrt(x)\n",
        ),
        # dimension value
        ("import tensorflow as tf\nn = x.shape[-1].value\n", "import tensorflow as tf\nn = x.shape[-1]\n"),
    ],
)
def test_safe_fix_writes(source, expected):
    assert fix_all(source, ("TF9", "TF111"), SAFE) == expected


@pytest.mark.parametrize(
    "source",
    [
        # compat.v1 serves another function under the TF2 name: the module keeps TF1's
        "import tensorflow.compat.v1 as tf\ny = tf.nn.avg_pool_v2(x, 2, 2, 'SAME')\n",
        # an unpacked *args before a moved position: the binding is unknown
        "import tensorflow as tf\nt = tf.substr(*args)\n",
        # the removed keyword's value is not what TF2 does
        "import tensorflow as tf\ne = tf.nn.embedding_lookup(p, ids, partition_strategy='mod')\n",
        # no name bound to TensorFlow to spell the new name from
        "from tensorflow import log\ny = log(x)\n",
    ],
)
def test_no_safe_fix(source):
    assert fix_all(source, ("TF9",), SAFE) == source


def test_unsafe_rename_says_how_it_differs():
    f = one("import tensorflow as tf\nr = tf.image.resize_images(img, [2, 2])\n", "TF902")
    assert f.fix is not None and f.fix.applicability == "unsafe"
    assert "half-pixel" in f.replacement


def test_dropped_argument_is_named_with_the_reason():
    f = one("import tensorflow as tf\ne = tf.nn.embedding_lookup(p, ids, partition_strategy='mod')\n", "TF903")
    assert f.fix is not None and f.fix.applicability == "unsafe"
    assert "`partition_strategy='mod'` is dropped" in f.replacement


def test_dimension_value_where_tf1_behaviour_may_be_on():
    source = "import tensorflow.compat.v1 as tf\nn = x.shape[0].value\n"
    assert fix_all(source, ("TF111",), SAFE) == "import tensorflow.compat.v1 as tf\nn = tf.compat.dimension_value(x.shape[0])\n"
    source = "from tensorflow.compat.v1 import placeholder\nn = x.shape[0].value\n"
    f = one(source, "TF111")
    assert f.fix is not None and f.fix.applicability == "unsafe"  # no name to spell `dimension_value` from


def test_absl_import_added_once_and_clash_avoided():
    source = "import logging\nimport tensorflow as tf\n\ntf.logging.info('a')\ntf.logging.warning('b')\nlogging.info('c')\n"
    fixed = fix_all(source, ("TF905",))
    assert fixed.count("from absl import logging as absl_logging\n") == 1
    assert "absl_logging.info('a')" in fixed and "absl_logging.warning('b')" in fixed and "\nlogging.info('c')" in fixed
    assert all(f.fix is None or f.fix.applicability == "unsafe" for f in findings(source) if f.code == "TF905")


@pytest.mark.parametrize(
    "uses, fixed",
    [
        ("flags.DEFINE_string('a', None, 'x')\n", True),
        ("(flags).DEFINE_string('a', None, 'x')\n", True),
        ('"""flags.not_in_absl is only mentioned here."""\nflags.DEFINE_string(\'a\', None, \'x\')\n', True),
        ("flags.DEFINE_string('a', None, 'x')\nflags.not_in_absl()\n", False),
        ("flags  # a comment\\n  .not_in_absl\n".replace("\\n", "\n"), False),
        ("flags.DEFINE_string('a', None, 'x')\n# flags # ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) )\n# flags" + " )" * 5000 + "\n", True),
    ],
    ids=["absl-member", "parenthesized", "docstring-mention", "missing-member", "comment-between", "hostile-comment"],
)
def test_module_alias_fix_needs_every_use_to_exist_in_absl(uses, fixed):
    # The file's text is checked first and the tree only when the text names an attribute absl
    # lacks (in a docstring, say): the decision is the tree's either way.
    source = "import tensorflow as tf\nflags = tf.app.flags\n" + uses
    result = fix_all(source, ("TF905",))
    assert ("from absl import flags" in result) is fixed


def test_app_run_without_main_in_the_module_is_not_fixed():
    source = "import tensorflow as tf\ntf.app.run()\n"
    assert fix_all(source, ("TF905",)) == source


def test_fixtures_fix_to_parsing_code_without_new_compat_v1():
    for path in sorted(FIXTURES.glob("*.py")):
        source = path.read_text()
        fixed = fix_all(source, ("TF",))
        ast.parse(fixed)
        assert fixed.count("compat.v1") <= source.count("compat.v1"), path.name
        assert fix_all(fixed, ("TF",)) == fixed, path.name


# ----- names the fixes introduce exist in TensorFlow 2.21 ------------------------------------

MODULES = {"tensorflow": "tensorflow", "tensorflow.compat.v1": "tensorflow.compat.v1", "absl.logging": "absl.logging",
           "absl.flags": "absl.flags", "absl.app": "absl.app"}


def _aliases(tree: ast.Module) -> Dict[str, str]:
    """Module-level names bound to TensorFlow or absl modules -> the module."""
    out: Dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES and alias.asname:
                    out[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full in MODULES:
                    out[alias.asname or alias.name] = full
    return out


def _dotted(node: ast.AST) -> Optional[Tuple[str, str]]:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name) and parts:
        return node.id, ".".join(reversed(parts))
    return None


def _references(source: str) -> Set[Tuple[str, str]]:
    """(module, dotted member) for every attribute chain rooted in a TF or absl module alias."""
    tree = ast.parse(source)
    aliases = _aliases(tree)
    out = set()
    for node in ast.walk(tree):
        found = _dotted(node) if isinstance(node, ast.Attribute) else None
        if found is not None and found[0] in aliases:
            out.add((aliases[found[0]], found[1]))
    return out


def introduced(before: str, after: str) -> Set[Tuple[str, str]]:
    """The TF/absl names ``after`` spells that ``before`` does not (longest chains only)."""
    new = _references(after) - _references(before)
    return {(m, n) for m, n in new if not any(m == m2 and n2.startswith(n + ".") for m2, n2 in new)}


def _fix_pairs() -> Iterable[Tuple[str, str, str]]:
    for cls in all_rules():
        for before, after in cls.FIXES:
            yield f"{cls.code} example", before, after
    for path in sorted(FIXTURES.glob("*.py")):
        source = path.read_text()
        yield path.name, source, fix_all(source, ("TF",))


_RESOLVE = """
import importlib, json, os, sys
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import tensorflow as tf
missing = []
for module, name in json.load(sys.stdin):
    obj = importlib.import_module(module)
    try:
        for part in name.split("."):
            obj = getattr(obj, part)
    except AttributeError:
        missing.append(module + "." + name)
print(json.dumps({"version": tf.__version__, "missing": missing}))
"""


def _resolve(names: Set[Tuple[str, str]]) -> Dict[str, object]:
    python = tensorflow_python("the fix checks against TensorFlow")
    result = subprocess.run(
        [python, "-c", _RESOLVE], input=json.dumps(sorted(names)), capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_name_a_fix_introduces_exists_in_tensorflow_2_21():
    names: Set[Tuple[str, str]] = set()
    for _, before, after in _fix_pairs():
        names |= introduced(before, after)
    assert ("tensorflow", "math.log") in names  # the collection sees what the fixes write
    answer = _resolve(names)
    assert answer["version"] == "2.21.0"
    assert answer["missing"] == []


# ----- a runnable program: same output before and after the safe fixes ------------------------

PROGRAM = '''\
"""TF1 spellings that TF 2.21 still runs: through `tf.compat.v1`, spelled out."""
import os
import tempfile

import numpy as np
import tensorflow as tf

tf.compat.v1.set_random_seed(7)
x = tf.constant([[1.0, 4.0, 2.0], [3.0, 0.5, 6.0]])
ids = tf.constant([0, 2, 1])
text = tf.constant(["tensorflow", "keras"])
out = {
    "log": tf.compat.v1.log(x),
    "to_float": tf.compat.v1.to_float(tf.constant([1, 2, 3])),
    "to_int32": tf.compat.v1.to_int32(tf.compat.v1.log(x) * 10.0),
    "sum": tf.compat.v1.reduce_sum(x, reduction_indices=[1], keep_dims=True),
    "mean": tf.compat.v1.reduce_mean(x, 0, keep_dims=True),
    "argmax": tf.compat.v1.argmax(x, 1, "am"),
    "arg_max": tf.compat.v1.arg_max(x, 0),
    "substr": tf.compat.v1.substr(text, 0, 3, "cut"),
    "softmax": tf.compat.v1.nn.softmax(x, dim=-1),
    "expand": tf.compat.v1.expand_dims(ids, dim=0),
    "squeeze": tf.compat.v1.squeeze(tf.compat.v1.expand_dims(x, 0), squeeze_dims=[0]),
    "floor_div": tf.compat.v1.floor_div(ids, 2),
    "mod": tf.compat.v1.mod(ids, 2),
    "diag": tf.compat.v1.matrix_diag(ids),
    "transpose": tf.compat.v1.matrix_transpose(x),
    "rsqrt": tf.compat.v1.rsqrt(x),
    "xent": tf.compat.v1.nn.softmax_cross_entropy_with_logits_v2(labels=tf.nn.softmax(x), logits=x),
    "uniform": tf.compat.v1.random_uniform([3], seed=1),
    "normal": tf.compat.v1.random_normal([3], seed=2),
    "multinomial": tf.compat.v1.multinomial(tf.compat.v1.log([[0.2, 0.8]]), 5, seed=3),
}
directory = tempfile.mkdtemp()
nested = os.path.join(directory, "a", "b")
tf.compat.v1.gfile.MakeDirs(nested)
with tf.compat.v1.gfile.GFile(os.path.join(nested, "f.txt"), "w") as handle:
    handle.write("hello")
out["exists"] = tf.compat.v1.gfile.Exists(nested)
out["isdir"] = tf.compat.v1.gfile.IsDirectory(dirname=nested)
out["glob"] = [os.path.basename(p) for p in tf.compat.v1.gfile.Glob(os.path.join(nested, "*.txt"))]
out["listdir"] = tf.compat.v1.gfile.ListDirectory(nested)
tf.compat.v1.gfile.DeleteRecursively(directory)
out["deleted"] = not tf.compat.v1.gfile.Exists(directory)
for key in sorted(out):
    value = out[key]
    value = value.numpy() if hasattr(value, "numpy") else value
    print(key, np.array2string(np.asarray(value), precision=6) if not isinstance(value, (bool, list, int)) else value)
'''


GRAPH_PROGRAM = '''\
"""A TF1 graph program under `import tensorflow.compat.v1 as tf`, run in a session."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
tf.set_random_seed(11)
x = tf.placeholder(tf.float32, [None, 3])
labels = tf.placeholder(tf.int64, [None])
probs = tf.nn.softmax(x, dim=-1)
out = {
    "log": tf.log(x),
    "to_float": tf.to_float(labels),
    "sum": tf.reduce_sum(x, reduction_indices=[1], keep_dims=True),
    "argmax": tf.argmax(probs, 1, "am"),
    "correct": tf.reduce_mean(tf.to_float(tf.equal(tf.argmax(probs, 1), labels))),
    "uniform": tf.random_uniform([3], seed=1),
    "normal": tf.random_normal([2], seed=2),
    "multinomial": tf.multinomial(tf.log([[0.3, 0.7]]), 4, seed=3),
    "matrix": tf.matrix_transpose(tf.matrix_diag(labels)),
    "exists": tf.constant(tf.gfile.Exists("/")),
    "width": tf.constant(x.shape[1].value),
    "batch": tf.constant(str(x.shape[0].value)),
}
with tf.Session() as sess:
    values = sess.run(out, {x: [[1.0, 2.0, 0.5], [0.2, 0.1, 3.0]], labels: [1, 2]})
for key in sorted(values):
    print(key, np.array2string(np.asarray(values[key]), precision=6))
'''


def test_safe_fixes_keep_a_tf1_graph_program_s_output_under_tensorflow_2_21(tmp_path):
    """The same check for a module that keeps TF1 semantics: `import tensorflow.compat.v1 as tf`
    with `disable_v2_behavior()` and a session. Here the safe fixes rename only where
    `tf.compat.v1` serves the same code under the TF2 name (so the module stays TF1) and never
    write `compat.v1`; the program must print the same values before and after."""
    python = tensorflow_python("the fix checks against TensorFlow")
    fixed = fix_all(GRAPH_PROGRAM, ("TF9", "TF111"), SAFE)
    assert "tf.compat.dimension_value(x.shape[0])" in fixed
    assert "tf.math.log(x)" in fixed and "tf.random.uniform([3], seed=1)" in fixed and "keepdims=True" in fixed
    assert fixed.count("compat.v1") == GRAPH_PROGRAM.count("compat.v1")
    assert len(findings(fixed, ("TF902", "TF903", "TF904"))) < len(findings(GRAPH_PROGRAM, ("TF902", "TF903", "TF904")))
    before = _run(python, GRAPH_PROGRAM, tmp_path, "before.py")
    after = _run(python, fixed, tmp_path, "after.py")
    assert before.count("\n") >= 10
    assert before == after


def _run(python: str, source: str, tmp_path, name: str) -> str:
    path = tmp_path / name
    path.write_text(source)
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""}
    result = subprocess.run([python, str(path)], capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_safe_fixes_keep_a_program_s_output_under_tensorflow_2_21(tmp_path):
    """A TF1-spelled program that TF 2.21 runs both before and after the safe fixes.

    The TF1 names are spelled out as `tf.compat.v1.<name>` under `import tensorflow as tf`:
    TF 2.21 still serves them there with their TF1 implementation, so the original runs, and
    the safe fixes replace them by the TF2 names (`tf.math.log`, `tf.cast`, `tf.io.gfile.*`,
    `keepdims=`, arguments passed by keyword, ...). So the program runs the TF1 functions
    before and the TF2 functions after, on the same inputs, and must print the same values:
    a real check that each safe rename is the same computation. Spelling them under
    `import tensorflow.compat.v1 as tf` would check less: the safe fixes keep those names in
    `tf.compat.v1`. Plain `tf.log` under `import tensorflow as tf` cannot run on TF 2.21 at
    all. Random ops are seeded (op seed plus global seed), so the TF1 and TF2 spellings must
    draw the same numbers if they are the same function.
    """
    python = tensorflow_python("the fix checks against TensorFlow")
    fixed = fix_all(PROGRAM, ("TF9",), SAFE)
    assert fixed != PROGRAM
    still = {f.code for f in findings(fixed, ("TF902", "TF903", "TF904"))}
    assert not still, fixed
    assert fixed.count("compat.v1") < PROGRAM.count("compat.v1")
    before = _run(python, PROGRAM, tmp_path, "before.py")
    after = _run(python, fixed, tmp_path, "after.py")
    assert before.count("\n") >= 25
    assert before == after


# ----- the renderer as other rules use it ---------------------------------------------------


def _context(source: str):
    from tf2lint.context import Context
    from tf2lint.resolver import Resolver

    tree = ast.parse(source)
    ctx = Context("example.py", source.splitlines(), Resolver(tree), (2, 21), tree)
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    return ctx, call


def test_render_mapped_keeps_every_argument_and_names_the_dropped_ones():
    from tf2lint.rules import render

    source = "import tensorflow as tf\nw = tf.get_variable('w', [3], tf.float32, init, reg, trainable=False, collections=c, **kw)\n"
    ctx, call = _context(source)
    how = render.mapping(
        ("name", "shape", "dtype", "initializer", "regularizer", "trainable", "collections"),
        1,
        {"collections": render.Target(None, why="TF2 has no collections"), "initializer": render.Target("initial_value")},
    )
    out = render.render_mapped(call, ctx, how, callee_text="tf.Variable")
    assert out is not None
    assert out.text == (
        "tf.Variable('w', shape=[3], dtype=tf.float32, initial_value=init, regularizer=reg, trainable=False, **kw)"
    )
    assert out.dropped == [("collections=c", "TF2 has no collections")]
    assert not out.safe and "Variable" in out.introduced
    fixed, _ = apply_fixes(source, [out.fix("Rewrite")])
    assert out.text in fixed


def test_render_mapped_refuses_names_tensorflow_lacks_and_unknown_bindings():
    from tf2lint.rules import render

    ctx, call = _context("import tensorflow as tf\ni = tf.glorot_uniform_initializer(seed=1)\n")
    how = render.mapping(("seed", "dtype"), 0, {})
    assert render.render_mapped(call, ctx, how, callee_text="tf.glorot_uniform_initializer") is None
    assert render.render_mapped(call, ctx, how, callee_text="tf.keras.initializers.GlorotUniform") is not None
    ctx, call = _context("import tensorflow as tf\ni = tf.foo(a, *rest, b)\n")
    assert render.render_mapped(call, ctx, render.mapping(("x", "y", "z"), 1, {}), callee_text="tf.math.log") is None
    assert render.render_mapped(call, ctx, render.mapping(("x",), 9, {"x": render.Target("y")}, strict=True)) is not None


def test_uses_through_an_own_alias_carry_the_fix_of_its_binding():
    source = "import tensorflow as tf\nflags = tf.app.flags\nflags.DEFINE_string('a', None, 'x')\nFLAGS = flags.FLAGS\n"
    found = [f for f in findings(source) if f.code == "TF905"]
    binding = next(f for f in found if f.start.row == 2)
    use = next(f for f in found if f.start.row == 3)
    assert binding.fix is not None and use.fix is not None and binding.fix.edits == use.fix.edits
    assert use.replacement.startswith("Where `flags` is bound: ")
    assert fix_all(source, ("TF905",)) == (
        "import tensorflow as tf\nfrom absl import flags as absl_flags\nflags = absl_flags\n"
        "flags.DEFINE_string('a', None, 'x')\nFLAGS = flags.FLAGS\n"
    )


def test_module_imports_become_absl_imports_unless_a_use_needs_more():
    source = "from tensorflow.python.platform import tf_logging as logging\nlogging.info('a')\n"
    assert fix_all(source, ("TF905",)) == "from absl import logging\nlogging.info('a')\n"
    lacking = "from tensorflow.python.platform import tf_logging as logging\nlogging.TaskLevelStatusMessage('a')\n"
    assert fix_all(lacking, ("TF905",)) == lacking


def test_hand_written_rename_tables_fit_the_generated_ones():
    from tf2lint.data import symbols as routes
    from tf2lint.data.generated import fixes as facts
    from tf2lint.data.generated import v1_symbols as gen

    assert routes.SAME_BEHAVIOUR_RENAMES <= set(gen.RENAMED)
    assert not routes.SAME_BEHAVIOUR_RENAMES & facts.SAME_IN_TF2  # listed only where the generated facts say no
    assert set(routes.RENAME_DIFFERENCES) <= set(gen.RENAMED) - facts.SAME_IN_TF2 - routes.SAME_BEHAVIOUR_RENAMES
    assert facts.SAME_IN_TF2 <= set(gen.RENAMED) and facts.SAME_IN_COMPAT_V1 <= set(gen.RENAMED)
