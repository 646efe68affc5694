"""Family 3: Estimator training, v1 losses and v1 metrics against their Keras replacements."""

from __future__ import annotations

from tf2lint.verify.pairs import Difference, Pair
from tf2lint.verify.samples import _data as data

LABELS = [[1.0], [0.0], [2.0], [3.0], [0.5], [1.5]]
PREDICTIONS = [[0.8], [0.3], [2.5], [2.0], [0.5], [1.0]]
WEIGHTS = [[1.0], [0.0], [2.0], [0.0], [1.0], [0.5]]  # zeros: where the two reductions part ways
CLASS_LABELS = [0, 2, 1, 1, 0, 2]
PREDICTED_CLASSES = [0, 1, 1, 1, 2, 2]
VALUES = [0.5, 1.0, 4.0, 2.0, 0.25, 3.0]
LOGITS = [[2.0, 0.5, -1.0], [0.1, 0.2, 0.3], [-1.0, 3.0, 0.0], [0.0, 0.0, 0.0], [1.5, -0.5, 0.2], [0.3, 0.1, 2.2]]


def _estimator(tf, workdir):
    """A linear-regression Estimator and its train and eval input functions."""
    import os

    def input_fn():
        return tf.data.Dataset.from_tensor_slices(({"x": data.REG_X}, data.REG_Y)).batch(4).repeat(3)

    def eval_input_fn():
        return tf.data.Dataset.from_tensor_slices(({"x": data.REG_X}, data.REG_Y)).batch(4)

    def model_fn(features, labels, mode):
        w = tf.get_variable("w", initializer=data.REG_W0)
        b = tf.get_variable("b", initializer=data.REG_B0)
        predictions = tf.matmul(features["x"], w) + b
        loss = tf.losses.mean_squared_error(labels, predictions)
        train_op = None
        if mode == tf.estimator.ModeKeys.TRAIN:
            train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=tf.train.get_global_step())
        return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)

    config = tf.estimator.RunConfig(tf_random_seed=0, log_step_count_steps=None, save_summary_steps=None)
    estimator = tf.estimator.Estimator(model_fn, model_dir=os.path.join(workdir, "estimator"), config=config)
    return estimator, input_fn, eval_input_fn


def _estimator_outputs(estimator, metrics):
    return {
        "w": estimator.get_variable_value("w"),
        "b": estimator.get_variable_value("b"),
        "eval_loss": metrics["loss"],
        "steps": metrics["global_step"],
    }


def estimator_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    estimator, input_fn, eval_input_fn = _estimator(tf, workdir)
    estimator.train(input_fn)
    return _estimator_outputs(estimator, estimator.evaluate(eval_input_fn))


def train_and_evaluate_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    estimator, input_fn, eval_input_fn = _estimator(tf, workdir)
    train_spec = tf.estimator.TrainSpec(input_fn, max_steps=12)
    eval_spec = tf.estimator.EvalSpec(eval_input_fn, steps=None, throttle_secs=0)
    metrics, _ = tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)
    return _estimator_outputs(estimator, metrics)


def estimator_tf2(workdir):
    import tensorflow as tf

    dense = tf.keras.layers.Dense(
        1,
        kernel_initializer=tf.keras.initializers.Constant(data.REG_W0),
        bias_initializer=tf.keras.initializers.Constant(data.REG_B0),
    )
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), dense])
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.1), loss="mean_squared_error")
    dataset = tf.data.Dataset.from_tensor_slices((data.REG_X, data.REG_Y)).batch(4)
    model.fit(dataset, epochs=3, shuffle=False, verbose=0)
    eval_loss = model.evaluate(dataset, verbose=0)
    w, b = dense.get_weights()
    return {"w": w, "b": b, "eval_loss": eval_loss, "steps": model.optimizer.iterations}


def canned_tf1(workdir):
    import os

    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()

    def input_fn():
        return tf.data.Dataset.from_tensor_slices(({"x": data.REG_X}, data.REG_Y)).batch(4).repeat(3)

    regressor = tf.estimator.LinearRegressor(
        [tf.feature_column.numeric_column("x", shape=(3,))],
        model_dir=os.path.join(workdir, "linear"),
        optimizer=tf.train.GradientDescentOptimizer(learning_rate=0.01),
    )
    regressor.train(input_fn)
    return {
        "w": regressor.get_variable_value("linear/linear_model/x/weights"),
        "b": regressor.get_variable_value("linear/linear_model/bias_weights"),
    }


def _linear_keras(tf, loss):
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1, kernel_initializer="zeros")])
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.01), loss=loss)
    model.fit(tf.data.Dataset.from_tensor_slices((data.REG_X, data.REG_Y)).batch(4), epochs=3, shuffle=False, verbose=0)
    w, b = model.layers[-1].get_weights()
    return {"w": w, "b": b}


def canned_tf2(workdir):
    import tensorflow as tf

    return _linear_keras(tf, "mean_squared_error")


def canned_tf2_summed_loss(workdir):
    import tensorflow as tf

    return _linear_keras(tf, tf.keras.losses.MeanSquaredError(reduction="sum"))


# The TF1 program: each v1 loss; tf2lint rewrites each into a Keras loss object called on the same tensors.
LOSSES = """
import tensorflow as tf


def losses(labels, predictions, weights, class_labels, logits):
    return {
        "mse": tf.losses.mean_squared_error(labels, predictions),
        "weighted_mse": tf.losses.mean_squared_error(labels, predictions, weights=weights),
        "cross_entropy": tf.losses.sparse_softmax_cross_entropy(class_labels, logits),
    }
"""


def _loss_inputs(tf):
    return [tf.constant(v) for v in (LABELS, PREDICTIONS, WEIGHTS, CLASS_LABELS, LOGITS)]


def losses_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    outputs = tf1_program(LOSSES).losses(*_loss_inputs(tf))
    with tf.Session() as sess:
        return sess.run(outputs)


def losses_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    return tf2_program(LOSSES).losses(*_loss_inputs(tf))


def losses_tf1_reduction(workdir):
    import tensorflow as tf

    labels, predictions, weights = tf.constant(LABELS), tf.constant(PREDICTIONS), tf.constant(WEIGHTS)
    total = tf.keras.losses.MeanSquaredError(reduction="sum")(labels, predictions, sample_weight=weights)
    nonzero = tf.cast(tf.math.count_nonzero(weights), tf.float32)
    xent = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    return {
        "mse": tf.keras.losses.MeanSquaredError()(labels, predictions),
        "weighted_mse": total / nonzero,
        "cross_entropy": xent(tf.constant(CLASS_LABELS), tf.constant(LOGITS)),
    }


def metrics_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    labels = tf.placeholder(tf.int64, [None])
    predictions = tf.placeholder(tf.int64, [None])
    values = tf.placeholder(tf.float32, [None])
    accuracy, update_accuracy = tf.metrics.accuracy(labels, predictions)
    mean, update_mean = tf.metrics.mean(values)
    with tf.Session() as sess:
        sess.run(tf.local_variables_initializer())
        for start in (0, 2, 4):
            batch = slice(start, start + 2)
            feed = {labels: CLASS_LABELS[batch], predictions: PREDICTED_CLASSES[batch], values: VALUES[batch]}
            sess.run([update_accuracy, update_mean], feed_dict=feed)
        acc, avg = sess.run([accuracy, mean])
    return {"accuracy": acc, "mean": avg}


def metrics_tf2(workdir):
    import tensorflow as tf

    accuracy = tf.keras.metrics.Accuracy()
    mean = tf.keras.metrics.Mean()
    for start in (0, 2, 4):
        batch = slice(start, start + 2)
        accuracy.update_state(tf.constant(CLASS_LABELS[batch]), tf.constant(PREDICTED_CLASSES[batch]))
        mean.update_state(tf.constant(VALUES[batch]))
    return {"accuracy": accuracy.result(), "mean": mean.result()}


PAIRS = [
    Pair(
        "estimator-to-keras-fit",
        ("TF301",),
        tf1=estimator_tf1,
        tf2=estimator_tf2,
        outputs="weights after 12 SGD steps, evaluation loss and step count",
        atol=1e-5,
        max_tf=(2, 15),
        version_note="tf.estimator was removed in TF 2.16",
        hand="model_fn and input_fn become a Keras model trained by model.fit (a restructuring)",
    ),
    Pair(
        "train-and-evaluate-to-keras-fit",
        ("TF303",),
        tf1=train_and_evaluate_tf1,
        tf2=estimator_tf2,
        outputs="weights after 12 SGD steps, evaluation loss and step count",
        atol=1e-5,
        max_tf=(2, 15),
        version_note="tf.estimator was removed in TF 2.16",
        hand="TrainSpec, EvalSpec and train_and_evaluate become model.fit and model.evaluate (a restructuring)",
    ),
    Pair(
        "canned-linear-regressor-to-keras",
        ("TF302",),
        tf1=canned_tf1,
        tf2=canned_tf2,
        outputs="weights after 12 SGD steps from zeros",
        max_tf=(2, 15),
        version_note="tf.estimator was removed in TF 2.16",
        difference=Difference(
            "loss reduction",
            "tf.compat.v1 canned estimators sum the loss over the batch (Reduction.SUM), Keras averages it, "
            "so each step is batch-size times smaller in Keras",
            explained_by=canned_tf2_summed_loss,
        ),
        hand="a canned Estimator becomes a Keras model trained by model.fit (a restructuring)",
    ),
    Pair(
        "v1-losses-to-keras",
        ("TF308",),
        tf1=losses_tf1,
        tf2=losses_tf2,
        outputs="MSE, weighted MSE and sparse cross-entropy",
        program=LOSSES,
        difference=Difference(
            "loss reduction",
            "v1 losses divide a weighted sum by the number of non-zero weights (SUM_BY_NONZERO_WEIGHTS), "
            "Keras losses by the batch size (SUM_OVER_BATCH_SIZE); unweighted losses agree",
            explained_by=losses_tf1_reduction,
        ),
    ),
    Pair(
        "v1-metrics-to-keras",
        ("TF307",),
        tf1=metrics_tf1,
        tf2=metrics_tf2,
        outputs="streaming accuracy and mean over 3 batches",
        hand="a (value, update_op) pair becomes a metric object and update_state/result statements, not an expression in place of the call",
    ),
]
