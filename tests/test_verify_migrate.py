"""The migration harness: a TF1 program becomes the TF2 program tf2lint's own output describes."""

from __future__ import annotations

import pytest

from tf2lint.verify.fragments import as_tf1
from tf2lint.verify.migrate import FIX, REPLACEMENT, MigrationError, migrate, migrated_source


def test_fixes_alone_give_a_fix_source():
    result = migrate("import tensorflow as tf\n\n\ndef f(x):\n    return tf.log(x) + tf.reduce_sum(x, keep_dims=True)\n", (2, 21))
    assert result.how == FIX and not result.replaced and not result.remaining
    assert "tf.math.log(x)" in result.source and "keepdims=True" in result.source


def test_display_only_advice_is_inserted_as_its_rendered_code():
    source = "import tensorflow as tf\n\n\ndef draws():\n    return tf.random.poisson(tf.to_float([1, 4]), [6], seed=5)\n"
    result = migrate(source, (2, 21))
    assert result.how == REPLACEMENT and result.replaced == ("TF906",) and result.fixed == ("TF902",)
    assert "tf.random.poisson([6], tf.cast([1, 4], tf.float32), seed=5)" in result.source


def test_advice_that_is_no_code_fails_with_the_finding():
    source = "import tensorflow as tf\n\n\ndef f():\n    x = tf.placeholder(tf.float32, [None, 3])\n    return x\n"
    with pytest.raises(MigrationError, match="TF102"):
        migrated_source(source, (2, 21))


def test_the_target_version_reaches_the_rules():
    source = "import tensorflow as tf\n\n\ndef opt():\n    return tf.keras.optimizers.legacy.Adam(learning_rate=0.1)\n"
    assert migrate(source, (2, 15)).source == source  # legacy optimizers still run under Keras 2
    assert "tf.keras.optimizers.Adam(learning_rate=0.1)" in migrate(source, (2, 16)).source


def test_tf1_programs_run_through_compat_v1():
    assert as_tf1("import numpy as np\nimport tensorflow as tf\n") == "import numpy as np\nimport tensorflow.compat.v1 as tf\n"
    with pytest.raises(ValueError):
        as_tf1("import tensorflow.compat.v1 as tf\n")
