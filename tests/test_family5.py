"""Feature columns (TF501, TF502): replacements rendered from the call, severities, target versions."""

import pytest

from tf2lint.config import Config
from tf2lint.data import feature_columns as data
from tf2lint.engine import lint_source
from tf2lint.finding import Severity


def lint(source, target=(2, 21)):
    return lint_source(source, "model.py", Config(select=("TF5",), target_version=target))


def only(source, target=(2, 21)):
    findings = lint(source, target)
    assert len(findings) == 1, [(f.code, f.message) for f in findings]
    return findings[0]


@pytest.mark.parametrize(
    "call, expected",
    [
        ("fc.numeric_column('age')", "`tf.keras.Input(shape=(1,), name='age')`"),
        ("fc.numeric_column('pix', shape=[28, 28])", "`tf.keras.Input(shape=(28, 28), name='pix')`"),
        ("fc.numeric_column('h', shape=3)", "`tf.keras.Input(shape=(3,), name='h')`"),
        ("fc.numeric_column('h', normalizer_fn=scale)", "`tf.keras.layers.Normalization()` adapted"),
        ("fc.numeric_column('h', normalizer_fn=scale)", "in place of `normalizer_fn=scale`"),
        ("fc.sequence_numeric_column('clicks')", "`tf.keras.Input(shape=(None, 1), name='clicks')`"),
        ("fc.bucketized_column(fc.numeric_column('age'), [18, 65])", "`tf.keras.layers.Discretization(bin_boundaries=[18, 65])`"),
        ("fc.bucketized_column(fc.numeric_column('age'), [18, 65])", "Apply it to the `'age'` input"),
        ("fc.categorical_column_with_vocabulary_list('k', ['a', 'b'])", "`tf.keras.layers.StringLookup(vocabulary=['a', 'b'])`"),
        ("fc.categorical_column_with_vocabulary_list('k', ['a', 'b'])", "vocabulary becomes 1..n"),
        ("fc.categorical_column_with_vocabulary_list('k', [3, 5], num_oov_buckets=2)",
         "`tf.keras.layers.IntegerLookup(vocabulary=[3, 5], num_oov_indices=2)`"),
        ("fc.categorical_column_with_vocabulary_file('w', 'v.txt', vocabulary_size=40)", "first 40 lines"),
        ("fc.categorical_column_with_identity('id', num_buckets=10)",
         "`tf.keras.layers.CategoryEncoding(num_tokens=10, output_mode='one_hot')`"),
        ("fc.categorical_column_with_hash_bucket('q', 1000)", "`tf.keras.layers.Hashing(num_bins=1000)`"),
        ("fc.categorical_column_with_hash_bucket('q', 1000)", "no `salt`"),
        ("fc.crossed_column(['a', 'b'], 500)", "`tf.keras.layers.HashedCrossing(num_bins=500)`"),
        ("fc.crossed_column(['a', 'b'], 500)", "`crossing((inputs['a'], inputs['b']))`"),
        ("fc.crossed_column(['a', 'b'], 500, hash_key=7)", "buckets will differ"),
        ("fc.weighted_categorical_column(fc.categorical_column_with_identity('id', 5), 'w')",
         "`tf.keras.layers.CategoryEncoding(num_tokens=5, output_mode='count')` called as `layer(ids, count_weights=inputs['w'])`"),
    ],
)
def test_replacement_is_rendered_from_the_call(call, expected):
    findings = lint(f"import tensorflow as tf\nfc = tf.feature_column\ncol = {call}\n")
    outer = min(findings, key=lambda f: f.start.col)
    assert outer.code == "TF501"
    assert expected in outer.replacement


def test_indicator_wraps_the_rendered_lookup_layer():
    source = (
        "import tensorflow as tf\nfc = tf.feature_column\n"
        "c = fc.indicator_column(fc.categorical_column_with_vocabulary_list('c', ['x', 'y']))\n"
    )
    outer = min(lint(source), key=lambda f: f.start.col)
    assert "`tf.keras.layers.StringLookup(vocabulary=['x', 'y'], output_mode='one_hot')`" in outer.replacement


def test_embedding_sizes_the_table_and_keeps_the_column_initializer():
    source = (
        "import tensorflow as tf\nfc = tf.feature_column\n"
        "e = fc.embedding_column(fc.categorical_column_with_hash_bucket('q', 1000), 16, combiner='sum')\n"
    )
    outer = min(lint(source), key=lambda f: f.start.col)
    assert "`tf.keras.layers.Hashing(num_bins=1000)` then `tf.keras.layers.Embedding(input_dim=1000, output_dim=16)`" in outer.replacement
    assert "TruncatedNormal(stddev=0.25)" in outer.replacement
    assert "sum over the id axis" in outer.replacement


def test_embedding_input_dim_counts_the_oov_slot_of_a_vocabulary():
    source = (
        "import tensorflow as tf\nfc = tf.feature_column\n"
        "e = fc.embedding_column(fc.categorical_column_with_vocabulary_list('c', ['a', 'b', 'c']), 4)\n"
    )
    outer = min(lint(source), key=lambda f: f.start.col)
    assert "Embedding(input_dim=4, output_dim=4)" in outer.replacement


def test_v2_constructors_are_deprecated_warnings_and_v1_only_names_are_errors():
    assert only("import tensorflow as tf\nc = tf.feature_column.numeric_column('a')\n").severity is Severity.WARNING
    removed = only("import tensorflow as tf\nx = tf.feature_column.input_layer(f, cols)\n")
    assert removed.code == "TF502" and removed.severity is Severity.ERROR
    assert "removed in TF2" in removed.message
    legacy = only("import tensorflow as tf\nx = tf.compat.v1.feature_column.input_layer(f, cols)\n")
    assert legacy.severity is Severity.WARNING and "tf.compat.v1" in legacy.message


def test_private_module_paths_are_reported():
    source = (
        "from tensorflow.python.feature_column import feature_column_v2 as fc\n"
        "age = fc.numeric_column('age')\n"
    )
    finding = only(source)
    assert finding.code == "TF501" and "private TensorFlow module" in finding.message


def test_dense_features_message_depends_on_the_target_version():
    source = "import tensorflow as tf\nlayer = tf.keras.layers.DenseFeatures(columns)\n"
    new = only(source, (2, 16))
    old = only(source, (2, 15))
    assert new.severity is Severity.ERROR and "tf_keras" in new.message
    assert old.severity is Severity.WARNING and "deprecated in Keras 2" in old.message


def test_linear_model_renders_units():
    finding = only("import tensorflow.compat.v1 as tf\nlogits = tf.feature_column.linear_model(f, cols, units=3)\n")
    assert "`tf.keras.layers.Dense(3)`" in finding.replacement


def test_imports_of_constructors_are_reported_but_the_module_is_not():
    source = (
        "from tensorflow import feature_column\n"
        "from tensorflow.feature_column import numeric_column\n"
    )
    assert [(f.start.row, f.code) for f in lint(source)] == [(2, "TF501")]


def test_keras_preprocessing_layers_and_feature_space_are_never_reported():
    source = (
        "import tensorflow as tf\n"
        "a = tf.keras.layers.StringLookup(vocabulary=['a'])\n"
        "b = tf.keras.layers.HashedCrossing(num_bins=4)\n"
        "c = tf.keras.utils.FeatureSpace(features={'x': tf.keras.utils.FeatureSpace.float()})\n"
        "d = tf.keras.layers.Discretization(bin_boundaries=[1.0])\n"
    )
    assert lint(source) == []


def test_tables_are_consistent():
    assert set(data.CONSTRUCTORS) <= set(data.SIGNATURES)
    assert set(data.LAYER_FUNCTIONS) <= set(data.SIGNATURES)
    assert data.V2_NAMES <= set(data.SIGNATURES)
    assert not set(data.CONSTRUCTORS) & set(data.LAYER_FUNCTIONS)


def test_a_column_bound_to_a_name_is_rendered_where_it_is_wrapped():
    source = (
        "import tensorflow as tf\nfc = tf.feature_column\n"
        "occupation = fc.categorical_column_with_hash_bucket('occupation', 1000)\n"
        "country = fc.categorical_column_with_vocabulary_file('c', 'c.txt', vocabulary_size=40)\n"
        "def deep():\n"
        "    return [fc.embedding_column(occupation, 8), fc.embedding_column(country, 4)]\n"
    )
    found = {f.start.col: f.replacement for f in lint(source) if f.start.row == 6}
    first, second = (found[k] for k in sorted(found))
    assert "`tf.keras.layers.Hashing(num_bins=1000)` then `tf.keras.layers.Embedding(input_dim=1000, output_dim=8)`" in first
    assert "`tf.keras.layers.Embedding(input_dim=41, output_dim=4)`" in second


def test_a_rebound_name_is_not_rendered_from_its_old_column():
    source = (
        "import tensorflow as tf\nfc = tf.feature_column\n"
        "col = fc.categorical_column_with_hash_bucket('q', 1000)\n"
        "col = make_column()\n"
        "e = fc.embedding_column(col, 8)\n"
    )
    outer = [f for f in lint(source) if f.start.row == 5][0]
    assert "Embedding(input_dim=number_of_ids, output_dim=8)" in outer.replacement
