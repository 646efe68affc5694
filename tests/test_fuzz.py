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


# ----- the whole command over generated trees --------------------------------------------

@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(hypothesmith.from_grammar() if hypothesmith else st.just(""), min_size=4, max_size=8))
def test_command_over_generated_modules_is_clean_and_deterministic(tmp_path_factory, sources):
    import json
    import subprocess

    from tests.hostile import command, env

    root = tmp_path_factory.mktemp("fuzz")
    for i, source in enumerate(sources):
        (root / f"m{i}.py").write_text(PREFIX + source, encoding="utf-8")
    runs = []
    for extra in (["--no-cache"], ["-j", "2"], ["-j", "2"]):  # in process, then filling and reading the cache
        proc = subprocess.run(command("check", ".", "--output-format", "json", *extra), cwd=root, env=env(),
                              capture_output=True, text=True, timeout=120)
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode in (0, 1), proc.stderr
        runs.append(proc.stdout)
    assert runs[0] == runs[1] == runs[2]
    assert not [f for f in json.loads(runs[0]) if f["code"] == "TF009"]
