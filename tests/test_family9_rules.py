"""Family 9 behaviour: messages and rendered replacements, the two changed-meaning cases, target versions."""

import json

import pytest

from tests.conftest import FIXTURES
from tests.markers import expected
from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Severity

ALL = Config(extend_select=("TF990",))
DEFAULT = Config()


def lint(source, config=DEFAULT):
    return lint_source(source, "example.py", config)


def only(source, code, config=DEFAULT):
    found = [f for f in lint(source, config) if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in lint(source, config)]
    return found[0]


# ----- TF902 renamed symbols ------------------------------------------------------------------


def test_cast_is_rendered_with_the_users_argument():
    f = only("import tensorflow as tf\ny = tf.to_int64(ids + 1, name='i')\n", "TF902")
    assert f.replacement == "`tf.cast(ids + 1, tf.int64, name='i')`"
    assert (f.start.row, f.start.col, f.end.col) == (2, 4, 34)  # the whole call the cast replaces


def test_rename_keeps_the_rest_of_the_attribute_chain():
    f = only("import tensorflow as tf\nw = tf.gfile.GFile.write\n", "TF902")
    assert f.replacement == "`tf.io.gfile.GFile.write`"


def test_rename_through_compat_v1_is_legacy_not_removed():
    f = only("import tensorflow as tf\ny = tf.compat.v1.random_uniform([2])\n", "TF902")
    assert f.severity is Severity.WARNING and "`tf.random.uniform([2])`" in f.replacement
    g = only("import tensorflow as tf\ny = tf.random_uniform([2])\n", "TF902")
    assert g.severity is Severity.ERROR


# ----- TF901 removed symbols ------------------------------------------------------------------


def test_removed_symbol_gives_the_route_and_the_compat_spelling():
    f = only("import tensorflow as tf\nout = tf.nn.dynamic_rnn(cell, x)\n", "TF901")
    assert "tf.keras.layers.RNN" in f.replacement and "`tf.compat.v1.nn.dynamic_rnn`" in f.replacement


def test_removed_symbol_without_a_route_gives_the_compat_spelling():
    f = only("import tensorflow as tf\nm = tf.MetaGraphDef()\n", "TF901")
    assert "`tf.compat.v1.MetaGraphDef`" in f.replacement


def test_spelled_out_compat_v1_without_a_route_is_left_to_tf990():
    assert lint("import tensorflow as tf\nd = tf.compat.v1.GraphDef()\n") == []
    assert [f.code for f in lint("import tensorflow as tf\nd = tf.compat.v1.GraphDef()\n", ALL)] == ["TF990"]


def test_removed_symbol_through_a_compat_v1_alias_is_reported_as_legacy():
    f = only("import tensorflow.compat.v1 as tf\nd = tf.GraphDef()\n", "TF901")
    assert f.severity is Severity.WARNING


@pytest.mark.parametrize(
    "source,code,version,note",
    [
        ("import tensorflow as tf\ns = tf.keras.backend.get_session()\n", "TF901", (2, 16), "tf_keras"),
        ("import tensorflow as tf\nw = tf.summary.FileWriter(d)\n", "TF805", (2, 21), "pip install tensorboard"),
        ("import tensorflow as tf\nc = tf.lite.TocoConverter(g, i, o)\n", "TF901", (2, 19), "ai_edge_litert"),
    ],
)
def test_advice_follows_the_target_version(source, code, version, note):
    before = (version[0], version[1] - 1)
    assert note in only(source, code, Config(target_version=version)).replacement
    assert note not in only(source, code, Config(target_version=before)).replacement


def test_keras_shim_compat_spelling_is_offered_only_before_keras_3():
    source = "import tensorflow as tf\ns = tf.keras.backend.get_session()\n"
    assert "tf.compat.v1.keras.backend.get_session" in only(source, "TF901", Config(target_version=(2, 15))).replacement
    assert "tf.compat.v1.keras.backend.get_session" not in only(source, "TF901", Config(target_version=(2, 16))).replacement


# ----- TF905 removed modules ------------------------------------------------------------------


def test_removed_module_members_get_their_own_route():
    f = only("import tensorflow as tf\ntf.logging.warning('x')\n", "TF905")
    assert "absl" in f.replacement and "tf.get_logger().warning" in f.replacement


def test_removed_module_import_is_reported_at_the_import():
    findings = lint("from tensorflow import logging\nlogging.info('x')\n")
    assert [(f.start.row, f.code) for f in findings] == [(1, "TF905"), (2, "TF905")]


def test_contrib_imports_are_left_to_the_contrib_rules():
    assert [f.code for f in lint("import tensorflow.contrib.slim as slim\n")] == ["TF601"]
    assert [f.code for f in lint("import tensorflow as tf\nx = tf.contrib.layers.flatten(y)\n")] == ["TF602"]


# ----- TF903 keywords -------------------------------------------------------------------------


def test_keep_prob_becomes_rate_rendered():
    f = only("import tensorflow as tf\ny = tf.nn.dropout(x, keep_prob=1 - drop)\n", "TF903")
    assert f.replacement == "`tf.nn.dropout(x, rate=1 - (1 - drop))`"
    assert (f.start.col, f.end.col) == (21, 39)


def test_renamed_keyword_keeps_its_value_and_removed_keyword_says_why():
    findings = lint(
        "import tensorflow as tf\ns = tf.squeeze(x, squeeze_dims=[0])\ne = tf.nn.embedding_lookup(p, i, partition_strategy='mod')\n"
    )
    assert [f.replacement for f in findings][0] == "`tf.squeeze(x, axis=[0])`"
    assert '"div" strategy' in findings[1].replacement


def test_keyword_through_compat_v1_is_legacy():
    f = only("import tensorflow.compat.v1 as tf\ns = tf.reduce_sum(x, keep_dims=True)\n", "TF903")
    assert f.severity is Severity.WARNING


def test_keyword_of_an_unrelated_function_is_ignored():
    assert lint("import tensorflow as tf\nimport numpy as np\ns = np.squeeze(x, squeeze_dims=[0])\n") == []


def test_removed_method_keyword():
    f = only("import tensorflow as tf\nop = opt.minimize(loss, colocate_gradients_with_ops=True)\n", "TF903")
    assert "delete" in f.replacement


# ----- TF904 argument order -------------------------------------------------------------------


def test_reordered_call_in_tf2_code_is_not_reported():
    assert lint("import tensorflow as tf\ni = tf.argmax(x, 1, tf.int64)\n") == []


def test_reordered_call_in_a_tf1_module_is_reported_with_keywords():
    source = "import tensorflow as tf\ntf.disable_v2_behavior()\ni = tf.argmax(x, 1, 'am')\n"
    f = only(source, "TF904")
    assert f.replacement == "Pass them by keyword: `tf.argmax(x, 1, name='am')`."
    assert (f.start.row, f.start.col) == (3, 20)


def test_reordered_call_spanning_lines_covers_the_moved_arguments():
    source = "import tensorflow.compat.v1 as tf\ny = tf.nn.conv2d(\n    x,\n    w,\n    s,\n    p,\n    False)\n"
    f = only(source, "TF904")
    assert (f.start.row, f.end.row) == (7, 7)
    assert "data_format" in f.message


# ----- TF906 same name, changed meaning -------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        "tf.nn.dropout(x, 0.5)",
        "tf.random.poisson(lam, [10])",
        "tf.assert_equal(a, b, [a, b])",
        "tf.constant_initializer(0.0, tf.float32)",
    ],
)
def test_same_call_with_another_meaning_is_reported_only_in_tf1_modules(call):
    assert lint(f"import tensorflow as tf\ny = {call}\n") == []
    tf1 = lint(f"import tensorflow as tf\nsess = tf.Session()\ny = {call}\n")
    assert [(f.start.row, f.code) for f in tf1] == [(2, "TF101"), (3, "TF906")]


@pytest.mark.parametrize(
    "call",
    [
        "tf.name_scope(None, 'default', [x])",
        "tf.name_scope('s', values=[x])",
        "tf.zeros_initializer(dtype=tf.int32)",
        "tf.zeros_initializer(tf.int32)",
        "tf.debugging.assert_equal(a, b, data=[a])",
    ],
)
def test_tf1_only_signature_is_always_reported(call):
    assert [f.code for f in lint(f"import tensorflow as tf\ny = {call}\n")] == ["TF906"]


@pytest.mark.parametrize(
    "call", ["tf.saved_model.load(sess, ['serve'], path)", "tf.saved_model.load(sess, ['serve'], path, import_scope='m')"]
)
def test_tf1_saved_model_load_is_the_saved_model_rules_in_any_module(call):
    """A session first is TF1's loader signature: TF804 (the SavedModel idiom rule) owns it, TF2 module or not."""
    assert [f.code for f in lint(f"import tensorflow as tf\ny = {call}\n")] == ["TF804"]
    tf1 = lint(f"import tensorflow as tf\nsess = tf.Session()\ny = {call}\n")
    assert [(f.start.row, f.code) for f in tf1] == [(2, "TF101"), (3, "TF804")]


def test_plain_name_scope_is_never_reported():
    for module in ("import tensorflow as tf\n", "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n"):
        source = module + "with tf.name_scope('block'):\n    pass\nwith tf.name_scope(scope_name) as s:\n    pass\n"
        assert [f.code for f in lint(source)] in ([], ["TF107"])


def test_name_scope_replacement_uses_the_default_name():
    f = only("import tensorflow as tf\nwith tf.name_scope(None, 'layer', [x]):\n    pass\n", "TF906")
    assert f.replacement == "`tf.name_scope('layer')`"


def test_where_with_vector_condition_is_only_a_warning():
    f = only("import tensorflow.compat.v1 as tf\ny = tf.where(tf.reduce_any(done, 1), a, b)\n", "TF906")
    assert f.severity is Severity.WARNING
    assert lint("import tensorflow.compat.v1 as tf\ny = tf.where(c)\n") == []


@pytest.mark.parametrize(
    "call",
    [
        "tf.where(tf.reduce_any(finished, 1), finished_seq, alive_seq)",  # a reduction drops the beam axis
        "tf.where(tf.less(tf.random.uniform([batch_size]), p), latents, inputs)",  # a 1-D condition
        "tf.where(mask[:, 0], x, y)",  # an index drops a dimension
    ],
)
def test_where_is_reported_on_evidence_of_a_row_selecting_condition(call):
    assert [f.code for f in lint(f"import tensorflow.compat.v1 as tf\ny = {call}\n")] == ["TF906"]


@pytest.mark.parametrize(
    "call",
    [
        "tf.where(c, a, b)",  # nothing says the shapes differ: TF1 and TF2 agree on equal shapes
        "tf.where(step < warmup_steps, warmup, decay)",
        "tf.where(tf.equal(tf.reduce_max(m, axis=2), 1.0), tf.reduce_max(o, axis=2), tf.reduce_max(p, axis=2))",
        "tf.where(tf.equal(tf.range(n), k), coeff * tf.ones(n), tf.zeros(n))",  # 1-D branches too
        "tf.where(tf.reduce_sum(w) > 0, loss, tf.zeros_like(loss))",  # a full reduction is a scalar
    ],
)
def test_where_with_conditions_of_the_branches_shape_is_not_reported(call):
    assert lint(f"import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\ny = {call}\n") == lint(
        "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n"
    )


def test_saved_model_load_with_tf2_arguments_is_never_reported():
    source = "import tensorflow as tf\nsess = tf.Session()\nm = tf.saved_model.load(path)\nn = tf.saved_model.load(path, ['serve'])\n"
    assert [f.code for f in lint(source)] == ["TF101"]


# ----- TF990 ----------------------------------------------------------------------------------


def test_compat_v1_use_is_opt_in():
    source = "import tensorflow.compat.v1 as tf\nx = tf.constant(1)\n"
    assert lint(source) == []
    findings = lint(source, ALL)
    assert [(f.start.row, f.code, f.severity) for f in findings] == [(1, "TF990", Severity.INFO)]
    assert "import tensorflow.compat.v1 as tf" in findings[0].message


# ----- fixture files through the CLI ----------------------------------------------------------


@pytest.mark.parametrize("name", ["family9_tf1.py", "family9_compat_v1.py", "family9_tf2.py"])
def test_fixture(cli, name):
    path = FIXTURES / name
    result = cli("check", "--output-format", "json", "--extend-select", "TF990", path)
    assert result.returncode in (0, 1), result.stderr
    found = {(f["location"]["row"], f["code"]) for f in json.loads(result.stdout)}
    assert found == expected(path.read_text())


def test_uses_of_a_bound_flags_object_are_reported_once():
    source = "import tensorflow as tf\nFLAGS = tf.app.flags.FLAGS\nprint(FLAGS.data_dir, FLAGS.steps)\n"
    assert [(f.start.row, f.code) for f in lint(source)] == [(2, "TF905")]


def test_submodule_aliases_of_removed_modules_are_reported():
    source = "from tensorflow.contrib import layers as contrib_layers\ninit = contrib_layers.xavier_initializer()\n"
    # tf.contrib is the contrib rules': the import and the call through the alias
    assert [(f.start.row, f.code) for f in lint(source)] == [(1, "TF601"), (2, "TF602")]
    source = "from tensorflow import gfile as tf_gfile\nok = tf_gfile.Glob(pattern)\n"
    assert [(f.start.row, f.code) for f in lint(source)] == [(1, "TF905"), (2, "TF902")]


def test_annotations_are_checked():
    source = (
        "from typing import Optional\nimport tensorflow as tf\n"
        "def restore(session: Optional[tf.MetaGraphDef], path: tf.gfile.GFile = None) -> tf.Variable:\n    pass\n"
    )
    assert sorted((f.start.col, f.code) for f in lint(source)) == [(30, "TF901"), (54, "TF902")]


def test_a_tf2_module_calling_some_compat_v1_api_is_not_evidence_of_tf1():
    source = (
        "import tensorflow as tf\n"
        "g = tf.compat.v1.get_default_graph()\n"
        "y = tf.where(c, a, b)\n"
        "d = tf.nn.dropout(x, 0.5)\n"
        "i = tf.image.draw_bounding_boxes(images, boxes, colors)\n"
    )
    assert [f.code for f in lint(source)] == ["TF105"]


def test_switching_to_tf1_behaviour_is_evidence():
    source = "import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\nd = tf.nn.dropout(x, 0.5)\n"
    assert [(f.start.row, f.code) for f in lint(source)] == [(2, "TF107"), (3, "TF906")]


def test_compat_v2_calls_are_tf2_calls():
    source = "import tensorflow as tf\nsess = tf.Session()\ny = tf.compat.v2.where(c, a, b)\nz = tf.compat.v2.random.poisson(lam, [3])\n"
    assert [f.code for f in lint(source)] == ["TF101"]


def test_keras2_function_of_the_same_name_depends_on_the_target():
    tf2 = "import tensorflow as tf\nloss = tf.losses.mean_squared_error(y, p)\n"
    tf1 = "import tensorflow as tf\nsess = tf.Session()\nloss = tf.losses.mean_squared_error(y, p)\n"
    keras2 = Config(target_version=(2, 15))
    assert lint(tf2, keras2) == []
    # the v1-losses idiom rule (TF308) owns `tf.losses.*`
    assert [f.code for f in lint(tf1, keras2)] == ["TF101", "TF308"]
    f = only(tf2, "TF308")  # Keras 3 (TF 2.16+): `tf.losses.mean_squared_error` is gone
    assert "MeanSquaredError" in f.replacement
