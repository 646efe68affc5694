"""Name resolution: every import form and alias reaches the canonical API; look-alikes do not."""

import ast

import pytest

from tf2lint.names import TFRef
from tf2lint.resolver import Resolver


def resolve_last(source):
    """Resolve the expression on the last line of `source` at module scope."""
    tree = ast.parse(source)
    resolver = Resolver(tree)
    scope, body = resolver.module_scope, tree.body
    while isinstance(body[-1], ast.FunctionDef):
        scope, body = resolver.scopes[id(body[-1])], body[-1].body
    expr = body[-1]
    assert isinstance(expr, ast.Expr)
    return resolver.resolve(expr.value, scope)


@pytest.mark.parametrize(
    "source,name,via",
    [
        ("import tensorflow as tf\ntf.Session", "Session", "tf"),
        ("import tensorflow\ntensorflow.Session", "Session", "tf"),
        ("import tensorflow.compat.v1 as tf\ntf.Session", "Session", "compat.v1"),
        ("from tensorflow.compat import v1\nv1.Session", "Session", "compat.v1"),
        ("from tensorflow.compat.v1 import Session\nSession", "Session", "compat.v1"),
        ("from tensorflow import feature_column as fc\nfc.numeric_column", "feature_column.numeric_column", "tf"),
        ("from tensorflow.train import AdamOptimizer\nAdamOptimizer", "train.AdamOptimizer", "tf"),
        ("import tensorflow.contrib.slim as slim\nslim.conv2d", "contrib.slim.conv2d", "tf"),
        ("import tensorflow.contrib.slim\ntensorflow.contrib.slim.conv2d", "contrib.slim.conv2d", "tf"),
        ("import tensorflow as tf\ntf1 = tf.compat.v1\ntf1.Session", "Session", "compat.v1"),
        ("import tensorflow as tf\nS = tf.compat.v1.Session\nS", "Session", "compat.v1"),
        ("import tensorflow.compat.v2 as tf\ntf.summary", "summary", "compat.v2"),
        ("try:\n    import tensorflow.compat.v1 as tf\nexcept ImportError:\n    import tensorflow as tf\ntf.Session",
         "Session", "compat.v1"),
        ("try:\n    import tensorflow as tf\nexcept ImportError:\n    tf = None\ntf.Session", "Session", "tf"),
        ("if True:\n    import tensorflow as tf\nelse:\n    tf = None\ntf.Session", "Session", "tf"),
        ("def f():\n    import tensorflow as tf\n    tf.Session", "Session", "tf"),
        ("import tensorflow as tf\ndef f():\n    tf.Session", "Session", "tf"),
        ("def f():\n    global tf\n    import tensorflow as tf\ntf.Session", "Session", "tf"),
    ],
)
def test_import_forms(source, name, via):
    ref = resolve_last(source)
    assert isinstance(ref, TFRef) and not ref.instance
    assert (ref.name, ref.via) == (name, via)


@pytest.mark.parametrize(
    "source",
    [
        "import tensorflow as tf\ntf = None\ntf.Session",
        "import tensorflow as tf\ndef f():\n    tf = None\n    tf.Session",
        "import tensorflow as tf\ndef f(tf):\n    tf.Session",
        "import tensorflow as tf\nclass Session:\n    pass\nSession",
        "from tensorflow.compat.v1 import Session\nfrom sqlalchemy.orm import Session\nSession",
        "from sqlalchemy.orm import Session\nSession",
        "import tensorflow as tf\ndef placeholder():\n    pass\nplaceholder",
        "import tensorflow as tf\nfrom . import tensorflow\ntensorflow.Session",
        "import tensorflow as tf\nfor tf in range(3):\n    pass\ntf.Session",
        "import tensorflow_hub as hub\nhub.Session",
        "import tensorflow as tf\nwith open('f') as tf:\n    pass\ntf.Session",
        "import tensorflow as tf\ndel tf\ntf.Session",
    ],
)
def test_lookalikes_are_not_tensorflow(source):
    assert resolve_last(source) is None


def test_call_results_are_instances_and_attributes_on_them_are_not_apis():
    ref = resolve_last("import tensorflow as tf\nsess = tf.Session()\nsess")
    assert ref == TFRef("tensorflow.Session", instance=True)
    assert resolve_last("import tensorflow as tf\nsess = tf.Session()\nsess.run") is None
    assert resolve_last("import tensorflow as tf\nwith tf.Session() as s:\n    pass\ns").instance


def test_self_attributes_carry_instances():
    source = (
        "import tensorflow as tf\n"
        "class M:\n"
        "    def __init__(self):\n"
        "        self.sess = tf.Session()\n"
        "    def go(self):\n"
        "        self.sess\n"
    )
    tree = ast.parse(source)
    resolver = Resolver(tree)
    go = tree.body[1].body[1]
    expr = go.body[0].value
    assert resolver.resolve(expr, resolver.scopes[id(go)]) == TFRef("tensorflow.Session", instance=True)


def test_comprehension_and_lambda_scopes_through_the_engine():
    from tf2lint.config import Config
    from tf2lint.engine import lint_source

    source = (
        "import tensorflow as tf\n"
        "a = [tf.placeholder(tf.float32) for _ in range(2)]\n"
        "b = [tf.Session() for tf in objs]\n"
        "c = lambda tf: tf.Session()\n"
        "d = lambda: tf.Session()\n"
    )
    found = [(f.start.row, f.code) for f in lint_source(source, "x.py", Config())]
    assert found == [(2, "TF102"), (5, "TF101")]


def test_strings_comments_and_docstrings_are_never_reported():
    from tf2lint.config import Config
    from tf2lint.engine import lint_source

    source = (
        '"""Call tf.Session() and tf.placeholder()."""\n'
        "import tensorflow as tf  # tf.Session()\n"
        "x = 'tf.placeholder(tf.float32)'\n"
        "def f():\n"
        '    """tf.get_variable(\'w\')"""\n'
        "    return f'{tf.__version__} tf.Session()'\n"
    )
    assert lint_source(source, "x.py", Config()) == []


def test_compat_v2_is_tf2_api_and_never_reported():
    from tf2lint.config import Config
    from tf2lint.engine import lint_source

    source = "import tensorflow.compat.v2 as tf\ntf.enable_v2_behavior()\nx = tf.Variable(1.0)\n"
    assert lint_source(source, "x.py", Config()) == []


@pytest.mark.parametrize(
    "path,name",
    [
        ("tensorflow.python.training.adam.AdamOptimizer", "train.AdamOptimizer"),
        ("tensorflow.python.training.sync_replicas_optimizer.SyncReplicasOptimizer", "train.SyncReplicasOptimizer"),
        ("tensorflow.python.training.proximal_adagrad.ProximalAdagradOptimizer", "train.ProximalAdagradOptimizer"),
        ("tensorflow.python.saved_model.simple_save.simple_save", "saved_model.simple_save"),
        ("tensorflow.python.saved_model.builder.SavedModelBuilder", "saved_model.builder.SavedModelBuilder"),
        ("tensorflow.python.summary.writer.writer.FileWriter", "summary.FileWriter"),
        ("tensorflow.python.feature_column.dense_features_v2.DenseFeatures", "keras.layers.DenseFeatures"),
        ("tensorflow.python.tpu.tpu_estimator.TPUEstimatorSpec", "estimator.tpu.TPUEstimatorSpec"),
        ("tensorflow.python.keras.estimator.model_to_estimator", "keras.estimator.model_to_estimator"),
    ],
)
def test_private_module_paths_reach_the_public_name(path, name):
    ref = TFRef(path)
    assert (ref.name, ref.via, ref.display, ref.private) == (name, "compat.v1", path, True)


@pytest.mark.parametrize(
    "path,name",
    [
        ("tensorflow.python.ops.data_flow_ops.FIFOQueue", "queue.FIFOQueue"),
        ("tensorflow.python.saved_model.tag_constants.SERVING", "saved_model.SERVING"),
        ("tensorflow.python.feature_column.feature_column_v2.numeric_column", "feature_column.numeric_column"),
        ("tensorflow.python.ops.math_ops.log", "math.log"),
    ],
)
def test_private_names_tf2_exports_take_their_tf2_name(path, name):
    """From TensorFlow's `tf_export` records (tf2lint/data/generated/private_exports.py)."""
    ref = TFRef(path)
    assert (ref.name, ref.via, ref.private) == (name, "tf", True)


def test_private_names_exported_only_to_tf1_stay_legacy():
    assert (TFRef("tensorflow.python.ops.nn_ops.in_top_k").name, TFRef("tensorflow.python.ops.nn_ops.in_top_k").via) == (
        "nn.in_top_k", "compat.v1"
    )
    # not exported at all: the hand-written module table decides, as before
    assert TFRef("tensorflow.python.ops.variable_scope._pure_variable_scope").name == "_pure_variable_scope"


def test_a_private_module_itself_has_no_public_name():
    ref = TFRef("tensorflow.python.tpu.tpu_estimator")
    assert (ref.name, ref.private) == ("python.tpu.tpu_estimator", True)
