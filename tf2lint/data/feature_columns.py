"""Family 5 tables: feature columns and the Keras preprocessing layers that replace them.

Facts marked "checked" were confirmed by running both sides on TF 2.15 (Keras 2) and
TF 2.21 (Keras 3): bucket ids, hash buckets and crossed buckets agree exactly; lookup
indices shift by the OOV slots.
"""

from typing import Dict, FrozenSet, Tuple

# The module of the column functions (the private `tensorflow.python.feature_column.*` modules
# that library code imports them from resolve to it).
MODULE = "feature_column"

# Positional parameters of each `tf.feature_column` function (TF 2.x signatures; the
# v1 and v2 spellings agree except for `*_with_vocabulary_file`, see V1_SIGNATURES).
SIGNATURES: Dict[str, Tuple[str, ...]] = {
    "numeric_column": ("key", "shape", "default_value", "dtype", "normalizer_fn"),
    "bucketized_column": ("source_column", "boundaries"),
    "categorical_column_with_identity": ("key", "num_buckets", "default_value"),
    "categorical_column_with_vocabulary_list": ("key", "vocabulary_list", "dtype", "default_value", "num_oov_buckets"),
    "categorical_column_with_vocabulary_file": (
        "key", "vocabulary_file", "vocabulary_size", "dtype", "default_value", "num_oov_buckets", "file_format",
    ),
    "categorical_column_with_hash_bucket": ("key", "hash_bucket_size", "dtype"),
    "crossed_column": ("keys", "hash_bucket_size", "hash_key"),
    "indicator_column": ("categorical_column",),
    "embedding_column": ("categorical_column", "dimension", "combiner", "initializer"),
    "shared_embeddings": ("categorical_columns", "dimension", "combiner", "initializer"),
    "shared_embedding_columns": ("categorical_columns", "dimension", "combiner", "initializer"),
    "weighted_categorical_column": ("categorical_column", "weight_feature_key", "dtype"),
    "sequence_numeric_column": ("key", "shape", "default_value", "dtype", "normalizer_fn"),
    "sequence_categorical_column_with_identity": ("key", "num_buckets", "default_value"),
    "sequence_categorical_column_with_hash_bucket": ("key", "hash_bucket_size", "dtype"),
    "sequence_categorical_column_with_vocabulary_list": (
        "key", "vocabulary_list", "dtype", "default_value", "num_oov_buckets",
    ),
    "sequence_categorical_column_with_vocabulary_file": (
        "key", "vocabulary_file", "vocabulary_size", "num_oov_buckets", "default_value", "dtype",
    ),
    "input_layer": ("features", "feature_columns"),
    "linear_model": ("features", "feature_columns", "units", "sparse_combiner"),
    "make_parse_example_spec": ("feature_columns",),
}
V1_SIGNATURES: Dict[str, Tuple[str, ...]] = {
    "categorical_column_with_vocabulary_file": (
        "key", "vocabulary_file", "vocabulary_size", "num_oov_buckets", "default_value", "dtype",
    ),
}

# Column constructors that TF 2.x still ships as `tf.feature_column.*` (deprecated, they run);
# the others exist only under `tf.compat.v1.feature_column`.
V2_NAMES: FrozenSet[str] = frozenset(
    {
        "bucketized_column",
        "categorical_column_with_hash_bucket",
        "categorical_column_with_identity",
        "categorical_column_with_vocabulary_file",
        "categorical_column_with_vocabulary_list",
        "crossed_column",
        "embedding_column",
        "indicator_column",
        "make_parse_example_spec",
        "numeric_column",
        "sequence_categorical_column_with_hash_bucket",
        "sequence_categorical_column_with_identity",
        "sequence_categorical_column_with_vocabulary_file",
        "sequence_categorical_column_with_vocabulary_list",
        "sequence_numeric_column",
        "shared_embeddings",
        "weighted_categorical_column",
    }
)

OOV_NOTE = (
    " Index shift: the column maps the vocabulary to 0..n-1 and unknown values to `default_value` (-1) or, with "
    "`num_oov_buckets=k`, to n..n+k-1; the lookup layer reserves the first `num_oov_indices` (default 1) ids for "
    "unknown values, so the vocabulary becomes 1..n (checked). Size a following `Embedding` as n + num_oov_indices."
)
HASH_NOTE = (
    " Same buckets as the column for string and integer keys (both FarmHash64 of the value's string form; checked) "
    "as long as `Hashing` gets no `salt` (a salt switches it to SipHash)."
)
CROSS_NOTE = " Same buckets as the column's default `hash_key` (checked); discretize numeric sources first."
IDENTITY_NOTE = (
    " Out-of-range ids: the column raises or maps them to `default_value`; Keras 3 `CategoryEncoding` encodes them as "
    "all zeros without an error (Keras 2 raised), so use `tf.keras.layers.IntegerLookup(vocabulary=list(range(n)))` "
    "when unknown ids must get their own slot."
)
EMBEDDING_NOTE = (
    " `Embedding` has no `combiner`: for several ids per example, pool explicitly "
    "(mean: `tf.keras.layers.GlobalAveragePooling1D()` over the masked sequence, sum: `tf.reduce_sum(axis=1)`). "
    "The column initialized with `TruncatedNormal(stddev=1/sqrt(dimension))`, `Embedding` with "
    "`RandomUniform(-0.05, 0.05)`: pass `embeddings_initializer` to keep the column's."
)
SEQUENCE_NOTE = (
    " Sequence columns: apply the same layer to a `(batch, time)` input (padded or `tf.RaggedTensor`); for raw text "
    "`tf.keras.layers.TextVectorization` does splitting and lookup in one layer."
)
FEATURE_SPACE = (
    "Or declare every feature at once with `tf.keras.utils.FeatureSpace(features={...}, output_mode='concat')` and "
    "`feature_space.adapt(dataset)`."
)

# Default replacement per constructor, used where the call cannot be rendered from its
# own arguments (a reference that is not a call, or arguments that are not literal).
CONSTRUCTORS: Dict[str, str] = {
    "numeric_column": (
        "`tf.keras.Input(shape=(1,), name='key')`; a `normalizer_fn` becomes `tf.keras.layers.Normalization()` adapted "
        "to the training data (`FeatureSpace.float_normalized()`)."
    ),
    "bucketized_column": "`tf.keras.layers.Discretization(bin_boundaries=[...])` applied to the numeric input (same bucket ids; checked).",
    "categorical_column_with_identity": (
        "`tf.keras.layers.CategoryEncoding(num_tokens=num_buckets, output_mode='one_hot')`." + IDENTITY_NOTE
    ),
    "categorical_column_with_vocabulary_list": (
        "`tf.keras.layers.StringLookup(vocabulary=[...])` (`IntegerLookup` for integer vocabularies)." + OOV_NOTE
    ),
    "categorical_column_with_vocabulary_file": (
        "`tf.keras.layers.StringLookup(vocabulary='path/to/vocab.txt')` (`IntegerLookup` for integer ids)." + OOV_NOTE
    ),
    "categorical_column_with_hash_bucket": "`tf.keras.layers.Hashing(num_bins=hash_bucket_size)`." + HASH_NOTE,
    "crossed_column": "`tf.keras.layers.HashedCrossing(num_bins=hash_bucket_size)` called on the tuple of inputs." + CROSS_NOTE,
    "indicator_column": (
        "`output_mode='one_hot'` (one value per example) or `'multi_hot'` (several) on the lookup, hashing or "
        "`CategoryEncoding` layer that replaces the wrapped categorical column."
    ),
    "embedding_column": (
        "The categorical column's lookup layer followed by "
        "`tf.keras.layers.Embedding(input_dim=number_of_ids, output_dim=dimension)`." + EMBEDDING_NOTE
    ),
    "shared_embeddings": (
        "One `tf.keras.layers.Embedding(input_dim, output_dim=dimension)` object called on each categorical input: "
        "calling the same layer shares its table." + EMBEDDING_NOTE
    ),
    "weighted_categorical_column": (
        "`tf.keras.layers.CategoryEncoding(num_tokens=n, output_mode='count')` called as "
        "`layer(ids, count_weights=weights)`: the weights are a call argument."
    ),
    "sequence_numeric_column": (
        "`tf.keras.Input(shape=(None, 1), name='key')` (padded or ragged time axis) fed straight to the sequence model."
    ),
    "sequence_categorical_column_with_identity": (
        "`tf.keras.layers.CategoryEncoding(num_tokens=num_buckets)` or the ids fed to an `Embedding(..., mask_zero=True)`."
        + SEQUENCE_NOTE
    ),
    "sequence_categorical_column_with_hash_bucket": "`tf.keras.layers.Hashing(num_bins=hash_bucket_size)`." + SEQUENCE_NOTE,
    "sequence_categorical_column_with_vocabulary_list": "`tf.keras.layers.StringLookup(vocabulary=[...])`." + SEQUENCE_NOTE,
    "sequence_categorical_column_with_vocabulary_file": (
        "`tf.keras.layers.StringLookup(vocabulary='path/to/vocab.txt')`." + SEQUENCE_NOTE
    ),
}

# Functions and Keras layers that consume feature columns (TF502).
LAYER_FUNCTIONS: Dict[str, str] = {
    "input_layer": (
        "Preprocess each feature with its Keras layer and join the results with "
        "`tf.keras.layers.Concatenate()([...])`. " + FEATURE_SPACE
    ),
    "linear_model": (
        "`tf.keras.layers.Dense(units)` on the concatenated preprocessed features (categorical features one-hot or "
        "multi-hot encoded, crosses from `HashedCrossing(..., output_mode='one_hot')`). " + FEATURE_SPACE
    ),
    "shared_embedding_columns": (
        "One `tf.keras.layers.Embedding(input_dim, output_dim=dimension)` object called on each categorical input: "
        "calling the same layer shares its table." + EMBEDDING_NOTE
    ),
    "make_parse_example_spec": (
        "Write the parsing spec next to the preprocessing layers: "
        "`{'age': tf.io.FixedLenFeature([1], tf.float32), 'tags': tf.io.VarLenFeature(tf.string)}` for "
        "`tf.io.parse_example` in the `tf.data` map."
    ),
}
_DENSE_FEATURES = (
    "Preprocess each feature with its Keras layer (`Normalization`, `StringLookup`, `Hashing`, ...) and join the "
    "results with `tf.keras.layers.Concatenate()`. " + FEATURE_SPACE
)
_SEQUENCE_FEATURES = (
    "Apply each feature's lookup or embedding layer to the padded or ragged sequence input and join them with "
    "`tf.keras.layers.Concatenate(axis=-1)`; the sequence model masks padding (`mask_zero=True`)."
)
# Keras 2 layers that consume feature columns. The private feature-column modules export them
# too (`tensorflow.python.feature_column.feature_column_lib.DenseFeatures`): the last two.
KERAS_LAYERS: Dict[str, str] = {
    "keras.layers.DenseFeatures": _DENSE_FEATURES,
    "keras.experimental.SequenceFeatures": _SEQUENCE_FEATURES,
    "feature_column.DenseFeatures": _DENSE_FEATURES,
    "feature_column.SequenceFeatures": _SEQUENCE_FEATURES,
}
KERAS2_ONLY_NOTE = (
    "not in Keras 3, the `tf.keras` of TF 2.16 and later: it runs only with `pip install tf_keras` and "
    "`TF_USE_LEGACY_KERAS=1`"
)
KERAS2_DEPRECATED_NOTE = "deprecated in Keras 2 and removed from Keras 3 (TF 2.16+)"
DEPRECATED_NOTE = "deprecated: still in TF 2.x, unmaintained"
