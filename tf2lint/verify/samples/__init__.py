"""Bundled sample pairs, one module per rule family (see `tf2lint.verify.pairs`).

Every module here not starting with `_` is loaded and must define `PAIRS`. Sample modules
import TensorFlow only inside side functions, so listing and linting them needs no TensorFlow.
"""
