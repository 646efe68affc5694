"""Which TF calls change the rank of a tensor: the evidence TF906 needs for `tf.where`.

TF1's three-argument `tf.where(condition, x, y)` selects whole rows of `x`/`y` when
`condition` is a vector; TF2's broadcasts. The two agree whenever `condition` has the shape of
`x` and `y`, so a call is reported only on static evidence that `condition` has lower rank.
"""

# Calls whose result has fewer dimensions than their first argument when an axis is given
# (all of them, for argmax/argmin, which default to axis 0).
REDUCTIONS = frozenset(
    {
        "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "reduce_any", "reduce_all",
        "reduce_logsumexp", "math.reduce_sum", "math.reduce_mean", "math.reduce_max", "math.reduce_min",
        "math.reduce_prod", "math.reduce_any", "math.reduce_all", "math.reduce_logsumexp", "norm", "linalg.norm",
        "count_nonzero", "math.count_nonzero",
    }
)
ALWAYS_REDUCE = frozenset({"argmax", "argmin", "math.argmax", "math.argmin"})

# Elementwise calls: the result has the rank of their (broadcast) tensor arguments.
ELEMENTWISE = frozenset(
    {
        "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and", "logical_or",
        "logical_not", "logical_xor", "math.equal", "math.not_equal", "math.greater", "math.greater_equal",
        "math.less", "math.less_equal", "math.logical_and", "math.logical_or", "math.logical_not",
        "math.logical_xor", "cast", "to_float", "to_int32", "to_int64", "abs", "math.abs", "is_nan",
        "math.is_nan", "is_finite", "math.is_finite", "is_inf", "math.is_inf", "identity", "stop_gradient",
    }
)

# Calls whose result's shape is their `shape` argument (first positional), or always 1-D (range).
SHAPED = frozenset(
    {
        "random_uniform", "random.uniform", "random_normal", "random.normal", "truncated_normal",
        "random.truncated_normal", "zeros", "ones", "fill",
    }
)
ONE_DIMENSIONAL = frozenset({"range"})
