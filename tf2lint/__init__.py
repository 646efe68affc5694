"""tf2lint: find TensorFlow 1.x idioms and say what TF2 code to write instead."""

__version__ = "0.1.0"
