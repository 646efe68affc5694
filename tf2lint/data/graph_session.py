"""Family 1 tables: graph and session APIs and their TF2 replacements."""

SESSION_NAMES = {
    "Session": None,
    "InteractiveSession": None,
    "get_default_session": "Call the function that computes the values directly; there is no default session in TF2.",
}

# Receivers whose `.run(...)` executes a TF1 graph.
SESSION_INSTANCE_NAMES = frozenset(
    {
        "Session",
        "InteractiveSession",
        "get_default_session",
        "train.MonitoredTrainingSession",
        "train.MonitoredSession",
        "train.SingularMonitoredSession",
    }
)

# APIs returning an Operation, whose `.run()` executes it in the default session.
OP_PRODUCERS = frozenset(
    {
        "global_variables_initializer", "local_variables_initializer", "tables_initializer",
        "initialize_all_variables", "initialize_local_variables", "variables_initializer",
        "initialize_variables", "group", "no_op", "assign", "assign_add", "assign_sub",
        "compat.v1.assign", "train.Optimizer.minimize",
    }
)

PLACEHOLDER_NAMES = {
    "placeholder": None,
    "placeholder_with_default": (
        "A Python default argument: `def f(x=tf.constant(default)):` (or pass the default explicitly)."
    ),
    "sparse_placeholder": "A `tf.sparse.SparseTensor` function argument, declared with `tf.SparseTensorSpec` in an `input_signature`.",
}

INITIALIZER_NAMES = {
    "global_variables_initializer": None,
    "local_variables_initializer": None,
    "tables_initializer": "Delete the call: lookup tables initialize when they are created in TF2.",
    "initialize_all_variables": None,
    "initialize_local_variables": None,
    "initialize_all_tables": "Delete the call: lookup tables initialize when they are created in TF2.",
    "variables_initializer": None,
    "initialize_variables": None,
    "report_uninitialized_variables": "Delete the check: TF2 variables cannot be uninitialized.",
    "is_variable_initialized": "Delete the check: TF2 variables cannot be uninitialized.",
    "assert_variables_initialized": "Delete the check: TF2 variables cannot be uninitialized.",
}

DEFAULT_GRAPH_NAMES = {
    "get_default_graph": None,
    "reset_default_graph": "Delete the call: TF2 has no global graph to reset; objects go away with their Python references.",
}

MONITORED_NAMES = {
    "train.MonitoredTrainingSession": None,
    "train.MonitoredSession": None,
    "train.SingularMonitoredSession": None,
    "train.Scaffold": None,
    "train.ChiefSessionCreator": None,
    "train.WorkerSessionCreator": None,
    "train.SessionCreator": None,
    "train.Supervisor": None,
    "train.SessionManager": None,
}

BEHAVIOR_SWITCH_NAMES = {
    "disable_v2_behavior": "Delete the call and migrate the module to TF2 behaviour (eager, no collections, resource variables).",
    "disable_eager_execution": "Delete the call: wrap performance-critical code in `@tf.function` instead of turning eager off.",
    "enable_eager_execution": None,
    "enable_v2_behavior": None,
    "disable_resource_variables": "Delete the call: TF2 always uses resource variables.",
    "enable_resource_variables": None,
    "disable_control_flow_v2": "Delete the call: TF2 control flow (`tf.cond`, `tf.while_loop`) is always v2.",
    "enable_control_flow_v2": None,
    "disable_tensor_equality": "Delete the call; compare tensors with `tf.equal` or keep them in dicts by `t.ref()`.",
    "disable_v2_tensorshape": "Delete the call: `shape[i]` is an int (or None) in TF2, not a `Dimension`.",
    "enable_v2_tensorshape": None,
}

PY_FUNC_NAMES = {"py_func": None}

RANDOM_SEED_NAMES = {"set_random_seed": None, "random.set_random_seed": None}

SESSION_CONFIG_NAMES = {
    "ConfigProto": (
        "`tf.config` calls: `tf.config.threading.set_intra_op_parallelism_threads(n)`, "
        "`tf.config.experimental.set_memory_growth(gpu, True)`, `tf.config.set_soft_device_placement(True)`."
    ),
    "GPUOptions": (
        "`tf.config.experimental.set_memory_growth(gpu, True)` or "
        "`tf.config.set_logical_device_configuration(gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=...)])`."
    ),
    "GraphOptions": "`tf.config.optimizer.set_jit(True)` / `tf.config.optimizer.set_experimental_options({...})`.",
    "OptimizerOptions": "`tf.config.optimizer.set_jit(True)` / `tf.config.optimizer.set_experimental_options({...})`.",
    "RunOptions": "`tf.profiler.experimental.start(logdir)` / `tf.profiler.experimental.stop()` to trace execution.",
    "RunMetadata": "`tf.profiler.experimental.start(logdir)` / `tf.profiler.experimental.stop()` to trace execution.",
}
