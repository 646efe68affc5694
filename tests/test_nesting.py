"""One finding per thing to change: each case with the exact findings expected (INVALID) and its
look-alike that needs none (VALID)."""

import pytest

from tf2lint.config import Config
from tf2lint.engine import lint_source

S = "import tensorflow as tf\n"


def rows(source):
    return [(f.start.row, f.code) for f in lint_source(source, "t.py", Config())]


@pytest.mark.parametrize(
    "source,expected",
    [
        # the initializer run is one statement to delete
        (S + "sess = tf.Session()\nsess.run(tf.global_variables_initializer())\n", [(2, "TF101"), (3, "TF103")]),
        (S + "sess = tf.Session()\nsess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])\n",
         [(2, "TF101"), (3, "TF103")]),
        # the scope and its reuse flag are one change
        (S + "with tf.variable_scope(name, reuse=tf.AUTO_REUSE):\n    pass\n", [(2, "TF202")]),
        (S + "with tf.variable_scope(tf.get_variable_scope(), reuse=True):\n    pass\n", [(2, "TF202")]),
        (S + "tf.logging.set_verbosity(tf.logging.INFO)\n", [(2, "TF905")]),
        (S + "updates = tf.get_collection(tf.GraphKeys.UPDATE_OPS)\n", [(2, "TF203")]),
        (S + "saver = tf.train.Saver(tf.global_variables())\n", [(2, "TF801")]),
        # the outer rename converts the TF1 names in its arguments: one finding, one fix for both
        (S + "y = tf.log(tf.to_float(x))\n", [(2, "TF902")]),
        (S + "y = tf.log(tf.log(tf.gfile.Exists(p)))\n", [(2, "TF902")]),
        (S + "y = tf.log(tf.image.resize_images(tf.to_float(images), [64, 64]))\n", [(2, "TF902"), (2, "TF902")]),
        (S + "config = tf.ConfigProto(gpu_options=tf.GPUOptions(allow_growth=True))\n", [(2, "TF110")]),
        # an alias is reported where it is made, values read through it are not TF1 code
        (S + "FLAGS = tf.flags.FLAGS\ncur_dir = FLAGS.output_dir\nprint(cur_dir, FLAGS.steps)\n", [(2, "TF905")]),
        (S + "logging = tf.logging\nlogging.set_verbosity(logging.INFO)\n", [(2, "TF905"), (3, "TF905")]),
        # calls through the alias are still lines to change
        (S + "flags = tf.app.flags\nflags.DEFINE_string('data', None, 'input')\nFLAGS = flags.FLAGS\n",
         [(2, "TF905"), (3, "TF905")]),
    ],
)
def test_one_finding_per_thing_to_change(source, expected):
    assert rows(source) == expected


@pytest.mark.parametrize(
    "source,expected",
    [
        # a different change inside the call is still reported
        (S + "sess = tf.Session()\nsess.run([train_op, tf.global_variables_initializer()])\n",
         [(2, "TF101"), (3, "TF103"), (3, "TF104")]),
        # a safe fix nested in an unsafe one: `--fix` alone still makes it
        (S + "r = tf.image.resize_images(tf.to_float(images), [64, 64])\n", [(2, "TF902"), (2, "TF902")]),
        # feeding an initializer is not a statement to delete
        (S + "it = tf.data.make_initializable_iterator(ds)\nsess = tf.Session()\nsess.run(it.initializer, feed_dict={x: data})\n",
         [(2, "TF406"), (3, "TF101"), (4, "TF103"), (4, "TF406")]),
        # TF2 code: nothing
        (S + "from absl import flags, logging\nFLAGS = flags.FLAGS\nlogging.set_verbosity(logging.INFO)\nx = FLAGS.steps\n", []),
    ],
)
def test_distinct_changes_stay_separate_findings(source, expected):
    assert rows(source) == expected


def test_a_nested_finding_with_its_own_fix_is_kept():
    from tf2lint.finding import Applicability, Edit, Finding, Fix, Position, Severity
    from tf2lint.nesting import drop_nested

    def finding(code, start, end, fix=None):
        return Finding(code, "s", "m", "r", Severity.ERROR, "t.py", Position(1, start), Position(1, end), fix=fix)

    fix = Fix(Applicability.SAFE, (Edit(Position(1, 12), Position(1, 20), "x"),), "")
    outer, inner = finding("TF905", 0, 30), finding("TF905", 10, 25, fix)
    assert drop_nested([outer, inner], {id(inner)}, {}, {}) == [outer, inner]
    plain = finding("TF905", 10, 25)
    assert drop_nested([outer, plain], {id(plain)}, {}, {}) == [outer]


@pytest.mark.parametrize(
    "source,expected",
    [
        # `tf.queue.FIFOQueue` in TF2: unchanged
        ("from tensorflow.python.ops import data_flow_ops\nq = data_flow_ops.FIFOQueue(10, ['float32'])\n", []),
        # the SavedModel constants are TF2 API (`tf.saved_model.SERVING`)
        ("from tensorflow.python.saved_model import tag_constants, signature_constants\n"
         "tags = [tag_constants.SERVING]\nkey = signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY\n", []),
        # the private `in_top_k` keeps its TF1 signature: no argument-order finding
        ("from tensorflow.python.ops import nn_ops\nok = nn_ops.in_top_k(predictions, targets, 5)\n", []),
        # the public TF1 spellings are still reported
        (S + "q = tf.FIFOQueue(10, [tf.float32])\nok = tf.nn.in_top_k(predictions, targets, 5)\n",
         [(2, "TF405"), (3, "TF904")]),
        # a private name TF2 does not export stays reported
        ("from tensorflow.python.ops import variable_scope\nv = variable_scope.get_variable('v', [1])\n", [(2, "TF201")]),
    ],
)
def test_private_modules_get_the_verdict_of_their_public_name(source, expected):
    assert rows(source) == expected


def test_a_same_code_finding_is_dropped_only_when_the_outer_fix_makes_its_edits():
    from tf2lint.finding import Applicability, Edit, Finding, Fix, Position, Severity
    from tf2lint.nesting import drop_nested

    def finding(start, end, *fixes):
        edits = tuple(Edit(Position(1, a), Position(1, b), t) for a, b, t in fixes[1:])
        fix = Fix(fixes[0], edits, "") if fixes else None
        return Finding("TF902", "s", "m", "r", Severity.ERROR, "t.py", Position(1, start), Position(1, end), fix=fix)

    safe, unsafe = Applicability.SAFE.value, Applicability.UNSAFE.value
    inner = finding(10, 20, safe, (10, 12, "a"))
    assert drop_nested([finding(0, 30, safe, (0, 5, "b"), (10, 12, "a")), inner], set(), {}, {})[1:] == []
    assert drop_nested([finding(0, 30, unsafe, (0, 5, "b"), (10, 12, "a")), inner], set(), {}, {})[1:] == [inner]
    assert drop_nested([finding(0, 30, safe, (0, 5, "b")), inner], set(), {}, {})[1:] == [inner]
    assert drop_nested([finding(0, 30), inner], set(), {}, {})[1:] == [inner]
