"""Family 2 tables: variables, collections and tf.layers."""

VARIABLE_NAMES = {"get_variable": None, "get_local_variable": None}

VARIABLE_SCOPE_NAMES = {
    "variable_scope": None,
    "variable_op_scope": None,
    "get_variable_scope": None,
    "VariableScope": None,
    "AUTO_REUSE": "Create the variables once in `__init__`/`build` of a `tf.Module` or Keras layer and reuse the object.",
}

COLLECTION_FUNCTIONS = frozenset(
    {"get_collection", "get_collection_ref", "add_to_collection", "add_to_collections"}
)

# GraphKeys.X -> what to write instead of reading or filling that collection.
GRAPH_KEY_REPLACEMENTS = {
    "TRAINABLE_VARIABLES": "`model.trainable_variables` (any `tf.Module` / Keras layer or model).",
    "GLOBAL_VARIABLES": "`model.variables`.",
    "VARIABLES": "`model.variables`.",
    "MODEL_VARIABLES": "`model.variables`.",
    "LOCAL_VARIABLES": "`model.non_trainable_variables`; metric state lives in `tf.keras.metrics` objects.",
    "METRIC_VARIABLES": "`metric.variables` of a `tf.keras.metrics` object; `metric.reset_state()` to reset.",
    "REGULARIZATION_LOSSES": "`sum(model.losses)`.",
    "LOSSES": "`model.losses` for added losses; compute the total loss explicitly in the training step.",
    "UPDATE_OPS": "Delete it — batch-norm updates run automatically in TF2 (call the layer with `training=True`).",
    "GLOBAL_STEP": "`optimizer.iterations`, or an own `tf.Variable(0, trainable=False, dtype=tf.int64)`.",
    "SUMMARIES": "Delete it: `tf.summary.*` calls inside `writer.as_default()` write directly.",
    "SUMMARY_OP": "Delete it: `tf.summary.*` calls inside `writer.as_default()` write directly.",
    "QUEUE_RUNNERS": "Delete it: build the input with `tf.data`.",
    "TABLE_INITIALIZERS": "Delete it: lookup tables initialize when they are created.",
    "INIT_OP": "Delete it: variables initialize when they are created.",
    "LOCAL_INIT_OP": "Delete it: variables initialize when they are created.",
    "READY_OP": "Delete it: variables initialize when they are created.",
    "READY_FOR_LOCAL_INIT_OP": "Delete it: variables initialize when they are created.",
    "SAVERS": "`tf.train.Checkpoint(model=model, optimizer=optimizer)`.",
    "SAVEABLE_OBJECTS": "`tf.train.Checkpoint(model=model, optimizer=optimizer)`.",
    "MOVING_AVERAGE_VARIABLES": "`tf.train.ExponentialMovingAverage.average(var)` for each tracked variable.",
    "ACTIVATIONS": "Return the activations from the layer or model that computes them.",
    "WEIGHTS": "`layer.kernel` / `layer.trainable_weights` of the owning layer.",
    "BIASES": "`layer.bias` of the owning layer.",
    "TRAIN_OP": "Keep the training step function itself; there is no train op in TF2.",
    "ASSET_FILEPATHS": "`tf.saved_model.Asset(path)` tracked by the saved object.",
    "COND_CONTEXT": "Delete it: TF2 control flow needs no graph contexts.",
    "WHILE_CONTEXT": "Delete it: TF2 control flow needs no graph contexts.",
    "CONCATENATED_VARIABLES": "Delete it.",
    "EVAL_STEP": "A Python counter or an own `tf.Variable` in the evaluation loop.",
    "LOSSES_COLLECTION": "`model.losses`.",
}
DEFAULT_COLLECTION_REPLACEMENT = "Keep the objects in a Python attribute or list of the object that owns them."

VARIABLE_LIST_NAMES = {
    "trainable_variables": "`model.trainable_variables` of the `tf.Module` / Keras model that owns them.",
    "global_variables": "`model.variables` of the `tf.Module` / Keras model that owns them.",
    "all_variables": "`model.variables` of the `tf.Module` / Keras model that owns them.",
    "local_variables": "`model.non_trainable_variables`; metric state lives in `tf.keras.metrics` objects.",
    "model_variables": "`model.variables` of the `tf.Module` / Keras model that owns them.",
    "moving_average_variables": "Keep the variables passed to `tf.train.ExponentialMovingAverage.apply` in a list.",
}

# tf.layers.X -> tf.keras.layers.Y
LAYERS = {
    "dense": "Dense",
    "Dense": "Dense",
    "conv1d": "Conv1D",
    "Conv1D": "Conv1D",
    "conv2d": "Conv2D",
    "Conv2D": "Conv2D",
    "conv3d": "Conv3D",
    "Conv3D": "Conv3D",
    "conv2d_transpose": "Conv2DTranspose",
    "Conv2DTranspose": "Conv2DTranspose",
    "conv3d_transpose": "Conv3DTranspose",
    "Conv3DTranspose": "Conv3DTranspose",
    "separable_conv1d": "SeparableConv1D",
    "SeparableConv1D": "SeparableConv1D",
    "separable_conv2d": "SeparableConv2D",
    "SeparableConv2D": "SeparableConv2D",
    "max_pooling1d": "MaxPooling1D",
    "MaxPooling1D": "MaxPooling1D",
    "max_pooling2d": "MaxPooling2D",
    "MaxPooling2D": "MaxPooling2D",
    "max_pooling3d": "MaxPooling3D",
    "MaxPooling3D": "MaxPooling3D",
    "average_pooling1d": "AveragePooling1D",
    "AveragePooling1D": "AveragePooling1D",
    "average_pooling2d": "AveragePooling2D",
    "AveragePooling2D": "AveragePooling2D",
    "average_pooling3d": "AveragePooling3D",
    "AveragePooling3D": "AveragePooling3D",
    "batch_normalization": "BatchNormalization",
    "BatchNormalization": "BatchNormalization",
    "dropout": "Dropout",
    "Dropout": "Dropout",
    "flatten": "Flatten",
    "Flatten": "Flatten",
    "Layer": "Layer",
    "InputSpec": "InputSpec",
}

LAYER_NOTES = {
    "BatchNormalization": " Call it with `training=True` while training; its moving averages update without `UPDATE_OPS`.",
    "Dropout": " Call it with `training=True` while training (the TF1 function took `training=` as an argument).",
}

TEMPLATE_NAMES = {"make_template": None}

REGULARIZATION_LOSS_NAMES = {
    "losses.get_regularization_loss": None,
    "losses.get_regularization_losses": None,
}

# `tf.get_variable`'s TF1 parameters (positional order) and where each goes in TF2.
GET_VARIABLE_SIGNATURE = (
    "name", "shape", "dtype", "initializer", "regularizer", "trainable", "collections", "caching_device",
    "partitioner", "validate_shape", "use_resource", "custom_getter", "constraint", "synchronization", "aggregation",
)
# Passed on to `tf.Variable(...)` under the same keyword.
VARIABLE_KEYWORDS = ("name", "dtype", "trainable", "validate_shape", "caching_device", "constraint",
                     "synchronization", "aggregation")
# Passed on to a Keras layer's `self.add_weight(...)` under the same keyword.
ADD_WEIGHT_KEYWORDS = ("name", "shape", "dtype", "initializer", "regularizer", "trainable", "constraint", "aggregation")
# Why the others have no place in TF2.
GET_VARIABLE_DROPPED = {
    "regularizer": "`tf.Variable` takes none: add `regularizer(var)` to the loss (Keras `add_weight` keeps it)",
    "collections": "TF2 has no graph collections: keep the variable in a Python attribute",
    "partitioner": "partition with a `tf.distribute.experimental.ParameterServerStrategy` `variable_partitioner`",
    "use_resource": "TF2 variables are always resource variables",
    "custom_getter": "TF2 has no variable getters: wrap the creation in a `tf.variable_creator_scope`",
}
# TF1's default when `initializer` is not given (a floating dtype): Glorot uniform.
DEFAULT_INITIALIZER = "keras.initializers.GlorotUniform()"

# TF1 layer functions (`tf.compat.v1.layers`, TF 2.15) whose Keras 3 class takes the same keywords once
# `inputs` moves to the layer's call: their positional parameters, in order.
_CONV = ("inputs", "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "activation",
         "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
         "activity_regularizer", "kernel_constraint", "bias_constraint", "trainable", "name", "reuse")
_POOL = ("inputs", "pool_size", "strides", "padding", "data_format", "name")
LAYER_FUNCTION_SIGNATURES = {
    "dense": ("inputs", "units", "activation", "use_bias", "kernel_initializer", "bias_initializer",
              "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
              "bias_constraint", "trainable", "name", "reuse"),
    "conv1d": _CONV, "conv2d": _CONV, "conv3d": _CONV,
    "max_pooling1d": _POOL, "max_pooling2d": _POOL, "max_pooling3d": _POOL,
    "average_pooling1d": _POOL, "average_pooling2d": _POOL, "average_pooling3d": _POOL,
    "dropout": ("inputs", "rate", "noise_shape", "seed", "training", "name"),
    "batch_normalization": ("inputs", "axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
                            "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
                            "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint",
                            "training", "trainable", "name", "reuse", "renorm", "renorm_clipping",
                            "renorm_momentum", "fused", "virtual_batch_size", "adjustment"),
    "flatten": ("inputs", "name", "data_format"),
}
# Arguments that go to the layer's call instead of its constructor.
LAYER_CALL_ARGUMENTS = ("inputs", "training")
# TF1 arguments the Keras 3 classes do not take, and why.
LAYER_DROPPED = {
    "reuse": "a Keras layer is shared by calling the same object again",
    "fused": "Keras picks the fused kernel itself",
    "virtual_batch_size": "Keras 3's BatchNormalization has no ghost batches",
    "adjustment": "Keras 3's BatchNormalization has no adjustment function",
}
