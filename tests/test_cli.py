"""Behaviour of the `tf2lint` command, through real subprocess runs."""

import json
import textwrap

import pytest

from tests.conftest import run_cli

TF1 = "import tensorflow as tf\nx = tf.placeholder(tf.float32)\nsess = tf.Session()\n"
TF2 = "import tensorflow as tf\nx = tf.constant(1.0)\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def test_text_output_shows_location_code_message_replacement_and_summary(tmp_path):
    write(tmp_path / "a.py", TF1)
    result = run_cli("check", tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'a.py'}:2:5: TF102 `tf.placeholder`")
    assert "removed in TF2" in lines[0]
    assert lines[1].startswith("    -> ") and "tf.TensorSpec" in lines[1]
    assert lines[-1] == "Found 2 findings in 1 file."


def test_clean_tree_exits_zero(tmp_path):
    write(tmp_path / "a.py", TF2)
    result = run_cli("check", tmp_path)
    assert result.returncode == 0, result.stdout
    assert "no TF1 idioms" in result.stdout


def test_exit_zero_and_output_file(tmp_path):
    write(tmp_path / "a.py", TF1)
    out = tmp_path / "report.json"
    result = run_cli("check", "--exit-zero", "--output-format", "json", "-o", out, tmp_path / "a.py")
    assert result.returncode == 0
    assert [f["code"] for f in json.loads(out.read_text())] == ["TF102", "TF101"]


def test_json_shape_is_stable(tmp_path):
    write(tmp_path / "a.py", "import tensorflow.compat.v1 as tf\nx = tf.placeholder(tf.float32)\n")
    result = run_cli("check", "--output-format", "json", tmp_path / "a.py")
    [item] = json.loads(result.stdout)
    assert set(item) == {
        "code", "symbol", "message", "replacement", "severity", "filename",
        "location", "end_location", "url", "fix",
    }
    assert item["code"] == "TF102" and item["symbol"] == "tf1-placeholder"
    assert item["severity"] == "warning"  # reached through compat.v1: legacy, still runs
    assert "legacy" in item["message"]
    assert item["location"] == {"row": 2, "column": 5}
    assert item["end_location"] == {"row": 2, "column": 31}  # the whole call
    assert item["url"].endswith("docs/rules/TF102.md")
    assert item["fix"] is None


def test_select_ignore_and_extend_select(tmp_path):
    write(tmp_path / "a.py", TF1)
    def codes(*flags):
        result = run_cli("check", "--output-format", "json", *flags, tmp_path)
        return sorted(f["code"] for f in json.loads(result.stdout))
    assert codes() == ["TF101", "TF102"]
    assert codes("--select", "TF101") == ["TF101"]
    assert codes("--ignore", "TF1") == []
    assert codes("--ignore", "TF1", "--extend-select", "TF102") == ["TF102"]  # longer prefix wins
    assert codes("--select", "TF2") == []


def test_noqa_suppresses_by_code_prefix(tmp_path):
    write(tmp_path / "a.py", "import tensorflow as tf\n"
          "a = tf.placeholder(tf.float32)  # noqa: TF102\n"
          "b = tf.placeholder(tf.float32)  # noqa: TF1\n"
          "c = tf.placeholder(tf.float32)  # noqa\n"
          "d = tf.placeholder(tf.float32)  # noqa: TF101\n")
    result = run_cli("check", "--output-format", "json", tmp_path)
    assert [(f["location"]["row"], f["code"]) for f in json.loads(result.stdout)] == [(5, "TF102")]


def test_pyproject_config_is_found_upward_and_flags_override(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.tf2lint]
        ignore = ["TF101"]
        exclude = ["generated"]
        [tool.tf2lint.per-file-ignores]
        "tests/*" = ["TF102"]
    """)
    write(tmp_path / "src" / "pkg" / "a.py", TF1)
    write(tmp_path / "src" / "generated" / "b.py", TF1)
    write(tmp_path / "tests" / "test_a.py", TF1)
    result = run_cli("check", "--output-format", "json", ".", cwd=tmp_path)
    got = sorted((f["filename"], f["code"]) for f in json.loads(result.stdout))
    assert got == [("src/pkg/a.py", "TF102")]
    result = run_cli("check", "--output-format", "json", "--ignore", "", "src/pkg", cwd=tmp_path)
    assert sorted(f["code"] for f in json.loads(result.stdout)) == ["TF101", "TF102"]
    result = run_cli("check", "--output-format", "json", "a.py", cwd=tmp_path / "src" / "pkg")
    assert [f["code"] for f in json.loads(result.stdout)] == ["TF102"]  # config found upward


def test_explicit_config_file_and_isolated(tmp_path):
    write(tmp_path / "a.py", TF1)
    cfg = write(tmp_path / "custom.toml", "[tool.tf2lint]\nselect = [\"TF101\"]\n")
    result = run_cli("check", "--output-format", "json", "--config", cfg, tmp_path / "a.py")
    assert [f["code"] for f in json.loads(result.stdout)] == ["TF101"]
    write(tmp_path / "pyproject.toml", "[tool.tf2lint]\nselect = [\"TF101\"]\n")
    result = run_cli("check", "--output-format", "json", "--isolated", tmp_path / "a.py")
    assert len(json.loads(result.stdout)) == 2


@pytest.mark.parametrize(
    "toml,needle",
    [
        ('target-version = "1.15"', "target-version"),
        ("select = 3", "select"),
        ('ignore = ["E501"]', "ignore"),
        ('colour = "red"', "colour"),
        ("per-file-ignores = 1", "per-file-ignores"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_config_value_names_key_and_file(tmp_path, toml, needle):
    write(tmp_path / "pyproject.toml", "[tool.tf2lint]\n" + toml + "\n")
    write(tmp_path / "a.py", TF1)
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert needle in result.stderr and "pyproject.toml" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_target_version_flag_is_a_usage_error(tmp_path):
    write(tmp_path / "a.py", TF1)
    result = run_cli("check", "--target-version", "3.0", tmp_path)
    assert result.returncode == 2 and "target-version" in result.stderr


def test_missing_path_is_an_error_but_other_files_are_still_checked(tmp_path):
    write(tmp_path / "a.py", TF1)
    result = run_cli("check", "--output-format", "json", tmp_path / "a.py", tmp_path / "nope.py")
    assert result.returncode == 2
    assert "nope.py" in result.stderr
    assert len(json.loads(result.stdout)) == 2


def test_discovery_skips_vcs_venv_and_build_directories(tmp_path):
    for d in (".git", ".venv", "build", "node_modules", "__pycache__", "pkg.egg-info"):
        write(tmp_path / d / "x.py", TF1)
    write(tmp_path / "myenv" / "pyvenv.cfg", "home = /usr\n")
    write(tmp_path / "myenv" / "lib" / "x.py", TF1)
    write(tmp_path / "real" / "x.py", TF1)
    result = run_cli("check", "--output-format", "json", tmp_path)
    assert {f["filename"] for f in json.loads(result.stdout)} == {str(tmp_path / "real" / "x.py")}


def test_statistics(tmp_path):
    write(tmp_path / "a.py", TF1 + "y = tf.placeholder(tf.int32)\n")
    result = run_cli("check", "--statistics", tmp_path)
    assert "     2  TF102  tf1-placeholder" in result.stdout
    assert "     1  TF101  tf1-session" in result.stdout


def test_target_version_changes_advice(tmp_path):
    write(tmp_path / "a.py", "import tensorflow as tf\nnet = tf.make_template('n', fn)\n")
    old = run_cli("check", "--output-format", "json", "--target-version", "2.15", tmp_path)
    new = run_cli("check", "--output-format", "json", "--target-version", "2.21", tmp_path)
    assert "track_tf1_style_variables" in json.loads(old.stdout)[0]["replacement"]
    assert "track_tf1_style_variables" not in json.loads(new.stdout)[0]["replacement"]


def test_rules_and_rule_commands():
    listing = run_cli("rules")
    assert listing.returncode == 0 and "TF101  tf1-session" in listing.stdout
    page = run_cli("rule", "tf101")
    assert page.returncode == 0 and page.stdout.startswith("# TF101 `tf1-session`")
    unknown = run_cli("rule", "TF999")
    assert unknown.returncode == 2 and "no rule has the code or symbol 'TF999'" in unknown.stderr


def test_usage_error_exits_two():
    assert run_cli("check", "--output-format", "xml").returncode == 2
    assert run_cli().returncode == 2


def test_never_writes_to_checked_files(tmp_path):
    target = write(tmp_path / "a.py", TF1)
    before = (target.read_bytes(), target.stat().st_mtime_ns)
    run_cli("check", tmp_path)
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]


def test_tf1_evidence_does_not_depend_on_the_selection(tmp_path):
    write(tmp_path / "a.py", "import tensorflow as tf\nsess = tf.Session()\n\ndef f(session):\n    return session.run(x)\n")
    result = run_cli("check", "--output-format", "json", "--select", "TF103", tmp_path)
    assert [(f["location"]["row"], f["code"]) for f in json.loads(result.stdout)] == [(5, "TF103")]
