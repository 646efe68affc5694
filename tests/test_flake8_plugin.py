"""The flake8 plugin, through the real `flake8` executable."""

import ast
import subprocess
import sys
import textwrap

import pytest

from tests import plugin_tools as tools
from tf2lint import __version__
from tf2lint.flake8_plugin import Plugin

SOURCE = textwrap.dedent(
    """\
    import tensorflow as tf

    sess = tf.Session()
    x = tf.placeholder(tf.float32, [None, 3])  # noqa: TF102
    net = tf.make_template("net", build)
    init = tf.global_variables_initializer()
    """
)
STOP_GAP = "track_tf1_style_variables"  # TF206's advice below target 2.16 only


@pytest.fixture
def project(tmp_path):
    (tmp_path / "model.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def default_run(tmp_path_factory):
    """One flake8 run over the sample with no configuration, shared by the tests that only read it."""
    root = tmp_path_factory.mktemp("flake8-default")
    (root / "model.py").write_text(SOURCE, encoding="utf-8")
    return tools.flake8("model.py", cwd=root)


def codes(result):
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return sorted((row, code) for _, row, _, code in tools.flake8_rows(result.stdout))


def message_of(result, code):
    return next(line for line in result.stdout.splitlines() if f": {code} " in line)


def test_flake8_registers_the_plugin(project):
    result = tools.flake8("--version", cwd=project)
    assert f"tf2lint: {__version__}" in result.stdout


def test_findings_and_columns_match_the_cli(project):
    flake8 = tools.flake8_rows(tools.flake8("--select", "TF", "model.py", cwd=project).stdout)
    cli = tools.cli_json(tools.tf2lint("check", "--output-format", "json", "model.py", cwd=project).stdout)
    assert {(row, col, code) for _, row, col, code in flake8} == {
        (f["location"]["row"], f["location"]["column"], f["code"]) for f in cli
    }
    assert {code for *_, code in flake8} == {"TF101", "TF206", "TF104"}


def test_message_carries_the_replacement(default_run):
    line = message_of(default_run, "TF101")
    assert "`tf.Session`" in line and " -> " in line and "tf.function" in line


def test_noqa_is_applied_by_flake8(project, default_run):
    # The plugin yields the finding; flake8's own noqa handling drops it.
    assert (4, "TF102") not in codes(default_run)
    assert (4, "TF102") in codes(tools.flake8("--disable-noqa", "model.py", cwd=project))


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--select", "TF1"], {"TF101", "TF104"}),
        (["--ignore", "TF101"], {"TF206", "TF104"}),
        (["--extend-ignore", "TF2,TF104"], {"TF101"}),
        (["--select", "E", "--extend-select", "TF206"], {"TF206"}),
        (["--select", "E"], set()),
    ],
)
def test_select_and_ignore_behave_as_in_flake8(project, args, expected):
    found = {code for _, code in codes(tools.flake8(*args, "model.py", cwd=project))}
    assert {c for c in found if c.startswith("TF")} == expected


def test_per_file_ignores_from_flake8_config(project):
    (project / "legacy").mkdir()
    (project / "legacy" / "old.py").write_text(SOURCE, encoding="utf-8")
    (project / ".flake8").write_text("[flake8]\nper-file-ignores =\n    legacy/*.py: TF1\n", encoding="utf-8")
    result = tools.flake8("--select", "TF", ".", cwd=project)
    by_file = {}
    for path, _, _, code in tools.flake8_rows(result.stdout):
        by_file.setdefault(path.replace("\\", "/"), set()).add(code)
    assert by_file == {"./model.py": {"TF101", "TF206", "TF104"}, "./legacy/old.py": {"TF206"}}


@pytest.mark.parametrize("config_name", ["setup.cfg", "tox.ini", ".flake8"])
def test_target_version_from_flake8_config_files(project, config_name, default_run):
    assert STOP_GAP not in message_of(default_run, "TF206")
    (project / config_name).write_text("[flake8]\ntf2lint-target-version = 2.15\n", encoding="utf-8")
    assert STOP_GAP in message_of(tools.flake8("model.py", cwd=project), "TF206")


def test_pyproject_applies_and_flake8_options_take_precedence(project):
    (project / "pyproject.toml").write_text(
        '[tool.tf2lint]\ntarget-version = "2.15"\nignore = ["TF101"]\n', encoding="utf-8"
    )
    result = tools.flake8("model.py", cwd=project)
    assert "TF101" not in {code for _, code in codes(result)}
    assert STOP_GAP in message_of(result, "TF206")
    overridden = tools.flake8("--tf2lint-target-version=2.21", "model.py", cwd=project)
    assert STOP_GAP not in message_of(overridden, "TF206")
    # The pyproject is found from the file's directory, wherever flake8 runs.
    (project / "sub").mkdir()
    elsewhere = tools.flake8(str(project / "model.py"), cwd=project / "sub")
    assert "TF101" not in {code for _, code in codes(elsewhere)}


@pytest.mark.parametrize(
    "args, pyproject, message",
    [
        (["--tf2lint-target-version=1.15"], None, "unsupported target-version '1.15'"),
        (["--tf2lint-extend-select=E501"], None, "'E501' is not a TF code prefix"),
        ([], '[tool.tf2lint]\nselcet = ["TF1"]\n', "unknown key 'selcet'"),
    ],
)
def test_configuration_errors_are_clear(project, args, pyproject, message):
    if pyproject:
        (project / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = tools.flake8(*args, "model.py", cwd=project)
    assert result.returncode == 1
    assert "critical error" in result.stdout and message in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_stdin_with_display_name_uses_the_real_path_for_config(tmp_path):
    """What VS Code, ALE and nvim-lint run for an unsaved buffer."""
    (tmp_path / "pkg" / "legacy").mkdir(parents=True)
    (tmp_path / ".flake8").write_text("[flake8]\nper-file-ignores =\n    pkg/legacy/*.py: TF101\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tf2lint.per-file-ignores]\n"pkg/legacy/*" = ["TF104"]\n', encoding="utf-8"
    )
    vscode_format = "--format='%(row)d,%(col)d,%(code).1s,%(code)s:%(text)s'"
    legacy = tools.flake8(vscode_format, "--stdin-display-name", "pkg/legacy/model.py", "-", cwd=tmp_path, input=SOURCE)
    fresh = tools.flake8(vscode_format, "--stdin-display-name", "pkg/model.py", "-", cwd=tmp_path, input=SOURCE)

    def vscode_codes(result):
        assert result.returncode in (0, 1), result.stdout + result.stderr
        found = {line.strip("'").split(",")[3].split(":")[0] for line in result.stdout.splitlines()}
        return {code for code in found if code.startswith("TF")}

    assert vscode_codes(fresh) == {"TF101", "TF206", "TF104"}
    assert vscode_codes(legacy) == {"TF206"}
    ale = tools.flake8("--format=default", "--stdin-display-name", "pkg/model.py", "-", cwd=tmp_path, input=SOURCE)
    assert {path for path, *_ in tools.flake8_rows(ale.stdout)} == {"pkg/model.py"}
    # nvim-lint with the documented --stdin-display-name: an absolute buffer name.
    nvim_format = "--format=%(path)s:%(row)d:%(col)d:%(code)s:%(text)s"
    absolute = str(tmp_path / "pkg" / "legacy" / "model.py")
    nvim = tools.flake8(nvim_format, "--no-show-source", "--stdin-display-name", absolute, "-", cwd=tmp_path, input=SOURCE)
    assert {line.split(":")[3] for line in nvim.stdout.splitlines() if ":TF" in line} == {"TF206"}


def test_opt_in_rules_need_an_explicit_selection(tmp_path):
    (tmp_path / "m.py").write_text("import tensorflow as tf\nc = tf.constant(1)\ns = tf.Session()\n", encoding="utf-8")

    def run(*args):
        result = tools.with_opt_in_rule("flake8", *args, "m.py", cwd=tmp_path, support=tmp_path / "support")
        return {code for _, code in codes(result)}

    assert run() == {"TF101"}
    assert run("--extend-select", tools.OPT_IN_CODE) == {"TF101", tools.OPT_IN_CODE}
    assert run("--select", "TF9") == {tools.OPT_IN_CODE}
    assert run("--extend-select", "TF") == {"TF101"}  # "TF" names no family, as in `tf2lint check`
    assert run(f"--tf2lint-extend-select={tools.OPT_IN_CODE}") == {"TF101", tools.OPT_IN_CODE}
    (tmp_path / "pyproject.toml").write_text(f'[tool.tf2lint]\nextend-select = ["{tools.OPT_IN_CODE}"]\n', encoding="utf-8")
    assert run() == {"TF101", tools.OPT_IN_CODE}
    assert run("--extend-ignore", tools.OPT_IN_CODE) == {"TF101"}


@pytest.mark.xfail(strict=True, reason=(
    "every default rule runs (its findings are evidence of TF1), so an ignored TF101 still takes its place; "
    "and TF901, which reports tf.Session as well, outranks the priority-5 test rule"
))
def test_code_flake8_ignores_does_not_run(tmp_path):
    # A second rule reporting `tf.Session` at the same place as TF101 but yielding to it: were
    # the ignored TF101 still run, it would hide the finding the user asked for.
    (tmp_path / "m.py").write_text("import tensorflow as tf\ns = tf.Session()\n", encoding="utf-8")
    rule = tools.opt_in_rule(api="Session", priority=5)

    def run(*args):
        result = tools.with_opt_in_rule("flake8", *args, "m.py", cwd=tmp_path, support=tmp_path / "support", rule=rule)
        return {code for _, code in codes(result)}

    assert run("--extend-select", tools.OPT_IN_CODE) == {"TF101"}
    assert run("--extend-select", tools.OPT_IN_CODE, "--extend-ignore", "TF101") == {tools.OPT_IN_CODE}


def test_files_without_tensorflow_are_not_linted():
    # No tree at all: if the plugin went past its cheap text check, the engine would fail.
    plugin = Plugin(None, ["import numpy as np\n", "x = np.zeros(3)\n"], "plain.py")  # type: ignore[arg-type]
    assert list(plugin.run()) == []
    tree = ast.parse(SOURCE)
    assert [r[2].split()[0] for r in Plugin(tree, SOURCE.splitlines(True), "model.py").run()]


def test_plugin_module_does_not_need_flake8():
    code = "import sys; sys.modules['flake8'] = None; import tf2lint.flake8_plugin, tf2lint.cli; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=tools.env(), timeout=60)
    assert result.stdout.strip() == "ok", result.stderr
