"""Family 5: feature columns (through `input_layer`) against Keras preprocessing layers."""

from __future__ import annotations

from tf2lint.verify.pairs import Difference, Pair

PRICE = [-1.5, 0.0, 0.5, 1.0, 2.0, 7.25]
COLOR = ["red", "green", "blue", "green", "red", "blue"]
COLOR_WITH_OOV = ["red", "mauve", "blue", "green", "teal", "blue"]
VOCAB = ["red", "green", "blue"]
ITEM = [0, 3, 1, 4, 4, 2]
ITEM_WEIGHT = [0.5, 1.0, 2.0, 0.25, 1.5, 3.0]
SIZE = ["s", "m", "l", "m", "s", "xl"]
EMBEDDINGS = [[0.1 * (r + 1) * (c - 1) for c in range(3)] for r in range(5)]


def _input_layer(tf, features, columns):
    """Run `input_layer` once per column (so each column's output is compared on its own)."""
    fc = tf.feature_column
    tensors = {name: fc.input_layer(features, [column]) for name, column in columns.items()}
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.tables_initializer()])
        return sess.run(tensors)


def columns_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    fc = tf.feature_column
    features = {"price": tf.constant(PRICE), "color": tf.constant(COLOR), "item": tf.constant(ITEM, tf.int64)}
    return _input_layer(
        tf,
        features,
        {
            "normalized": fc.numeric_column("price", normalizer_fn=lambda x: (x - 2.0) / 3.0),
            "bucketized": fc.bucketized_column(fc.numeric_column("price"), boundaries=[0.0, 1.0, 2.0]),
            "vocabulary": fc.indicator_column(fc.categorical_column_with_vocabulary_list("color", VOCAB)),
            "identity": fc.indicator_column(fc.categorical_column_with_identity("item", num_buckets=5)),
        },
    )


def columns_tf2(workdir):
    import tensorflow as tf

    layers = tf.keras.layers
    price, color, item = tf.constant(PRICE), tf.constant(COLOR), tf.constant(ITEM, tf.int64)
    return {
        "normalized": layers.Normalization(mean=2.0, variance=9.0)(price[:, None]),
        "bucketized": layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode="one_hot")(price),
        "vocabulary": layers.StringLookup(vocabulary=VOCAB, num_oov_indices=0, output_mode="one_hot")(color),
        "identity": layers.CategoryEncoding(num_tokens=5, output_mode="one_hot")(item),
    }


def hashing_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    fc = tf.feature_column
    features = {"color": tf.constant(COLOR_WITH_OOV), "size": tf.constant(SIZE), "item": tf.constant(ITEM, tf.int64)}
    return _input_layer(
        tf,
        features,
        {
            "hashed": fc.indicator_column(fc.categorical_column_with_hash_bucket("color", hash_bucket_size=7)),
            "hashed_int": fc.indicator_column(fc.categorical_column_with_hash_bucket("item", hash_bucket_size=7, dtype=tf.int64)),
            "crossed": fc.indicator_column(fc.crossed_column(["color", "size"], hash_bucket_size=11)),
        },
    )


def hashing_tf2(workdir):
    import tensorflow as tf

    layers = tf.keras.layers
    color, size, item = tf.constant(COLOR_WITH_OOV), tf.constant(SIZE), tf.constant(ITEM, tf.int64)
    return {
        "hashed": layers.CategoryEncoding(num_tokens=7, output_mode="one_hot")(layers.Hashing(num_bins=7)(color)),
        "hashed_int": layers.CategoryEncoding(num_tokens=7, output_mode="one_hot")(layers.Hashing(num_bins=7)(item)),
        "crossed": layers.HashedCrossing(num_bins=11, output_mode="one_hot")((color, size)),
    }


def oov_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    fc = tf.feature_column
    column = fc.categorical_column_with_vocabulary_list("color", VOCAB, num_oov_buckets=1)
    return _input_layer(tf, {"color": tf.constant(COLOR_WITH_OOV)}, {"one_hot": fc.indicator_column(column)})


def oov_tf2(workdir):
    import tensorflow as tf

    lookup = tf.keras.layers.StringLookup(vocabulary=VOCAB, num_oov_indices=1, output_mode="one_hot")
    return {"one_hot": lookup(tf.constant(COLOR_WITH_OOV))}


def oov_tf2_oov_last(workdir):
    import tensorflow as tf

    lookup = tf.keras.layers.StringLookup(vocabulary=VOCAB, num_oov_indices=1, output_mode="one_hot")
    one_hot = lookup(tf.constant(COLOR_WITH_OOV))
    return {"one_hot": tf.concat([one_hot[:, 1:], one_hot[:, :1]], axis=1)}


def embedding_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    fc = tf.feature_column
    weighted = fc.weighted_categorical_column(fc.categorical_column_with_identity("item", num_buckets=5), "weight")
    features = {"item": tf.constant(ITEM, tf.int64), "weight": tf.constant(ITEM_WEIGHT)}
    return _input_layer(
        tf,
        features,
        {
            "embedded": fc.embedding_column(
                fc.categorical_column_with_identity("item", num_buckets=5),
                dimension=3,
                initializer=tf.constant_initializer(EMBEDDINGS),
            ),
            "weighted": fc.indicator_column(weighted),
        },
    )


def embedding_tf2(workdir):
    import tensorflow as tf

    layers = tf.keras.layers
    item, weight = tf.constant(ITEM, tf.int64), tf.constant(ITEM_WEIGHT)
    embedding = layers.Embedding(5, 3, embeddings_initializer=tf.keras.initializers.Constant(EMBEDDINGS))
    counts = layers.CategoryEncoding(num_tokens=5, output_mode="count")
    return {"embedded": embedding(item), "weighted": counts(item[:, None], count_weights=weight[:, None])}


def input_layer_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    fc = tf.feature_column
    columns = [fc.numeric_column("price"), fc.indicator_column(fc.categorical_column_with_vocabulary_list("color", VOCAB))]
    dense = fc.input_layer({"price": tf.constant(PRICE), "color": tf.constant(COLOR)}, columns)
    with tf.Session() as sess:
        sess.run(tf.tables_initializer())
        return {"dense": sess.run(dense)}


def input_layer_tf2(workdir):
    import tensorflow as tf

    layers = tf.keras.layers
    color = layers.StringLookup(vocabulary=VOCAB, num_oov_indices=0, output_mode="one_hot")(tf.constant(COLOR))
    price = tf.constant(PRICE)[:, None]
    # input_layer orders its columns by name: "color_indicator" before "price".
    return {"dense": layers.Concatenate()([color, price])}


PAIRS = [
    Pair(
        "numeric-bucket-vocabulary-identity",
        ("TF501",),
        tf1=columns_tf1,
        tf2=columns_tf2,
        outputs="normalized, bucketized, vocabulary and identity one-hot columns",
        hand="feature columns read through input_layer become preprocessing layers applied to each input (a restructuring)",
    ),
    Pair(
        "hash-bucket-and-cross",
        ("TF501",),
        tf1=hashing_tf1,
        tf2=hashing_tf2,
        outputs="hashed (string and integer keys) and crossed one-hot columns",
        hand="feature columns read through input_layer become preprocessing layers applied to each input (a restructuring)",
    ),
    Pair(
        "vocabulary-oov-bucket",
        ("TF501",),
        tf1=oov_tf1,
        tf2=oov_tf2,
        outputs="one-hot vocabulary column with out-of-vocabulary values",
        difference=Difference(
            "OOV index position",
            "a vocabulary column puts its OOV buckets after the vocabulary, StringLookup puts its OOV indices first",
            explained_by=oov_tf2_oov_last,
        ),
        hand="feature columns read through input_layer become preprocessing layers applied to each input (a restructuring)",
    ),
    Pair(
        "embedding-and-weighted-column",
        ("TF501",),
        tf1=embedding_tf1,
        tf2=embedding_tf2,
        outputs="embedding lookups and weighted category counts",
        hand="feature columns read through input_layer become preprocessing layers applied to each input (a restructuring)",
    ),
    Pair(
        "input-layer-concatenate",
        ("TF501", "TF502"),
        tf1=input_layer_tf1,
        tf2=input_layer_tf2,
        outputs="the dense input matrix (columns in input_layer's name order)",
        hand="input_layer over several columns becomes preprocessing layers and a concatenation (a restructuring)",
    ),
]
