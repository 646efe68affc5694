"""Property-based robustness: no input makes the engine raise."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tf2lint.config import Config
from tf2lint.engine import lint_bytes, lint_source

CONFIG = Config()
PREFIX = "import tensorflow as tf\nimport tensorflow.compat.v1 as v1\n"

try:
    import hypothesmith
except ImportError:  # pragma: no cover - the test extra installs it
    hypothesmith = None


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data):
    for finding in lint_bytes(b"import tensorflow\n" + data, "fuzz.py", CONFIG):
        assert finding.code.startswith("TF")


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    lint_source(PREFIX + text, "fuzz.py", CONFIG)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar() if hypothesmith else st.just(""))
def test_generated_programs_never_raise(source):
    findings = lint_source(PREFIX + source, "fuzz.py", CONFIG)
    assert not [f for f in findings if f.code == "TF009"], findings
