"""The execution check: run each rule's TF1 sample and its TF2 replacement under real TensorFlow.

Nothing in this package imports TensorFlow except `worker.py`, which runs in a subprocess
(eager execution can be switched only once per process, so TF1 and TF2 sides never share one).
"""
