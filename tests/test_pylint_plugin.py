"""The pylint plugin, through the real `pylint` executable (and pylint's own API for the catalog)."""

import textwrap
from collections import defaultdict

import astroid
import pytest
from pylint.lint import PyLinter

from tests import plugin_tools as tools
from tf2lint import pylint_plugin
from tf2lint.registry import all_rules

SOURCE = textwrap.dedent(
    """\
    import tensorflow as tf

    sess = tf.Session()
    x = tf.placeholder(tf.float32, [None, 3])
    net = tf.make_template("net", build)
    init = tf.global_variables_initializer()  # noqa: TF104


    def run():
        # pylint: disable=tf1-session
        with tf.Session() as inner:
            return inner


    other = tf.Session()  # pylint: disable=tf1-session
    """
)
STOP_GAP = "track_tf1_style_variables"  # TF206's advice below target 2.16 only
ONLY_TF = ("--disable=all", "--enable=tf2lint", "--output-format=json", "--score=n")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "model.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def default_run(tmp_path_factory):
    """One pylint run over the sample with no configuration, shared by the tests that only read it."""
    root = tmp_path_factory.mktemp("pylint-default")
    (root / "model.py").write_text(SOURCE, encoding="utf-8")
    return tools.pylint(*ONLY_TF, "model.py", cwd=root)


def messages(result):
    assert result.returncode not in (32,) and "Traceback" not in result.stderr, result.stdout + result.stderr
    return tools.pylint_json(result.stdout)


def codes(result):
    return sorted((m["line"], "TF" + m["message-id"][2:]) for m in messages(result) if m["message-id"].startswith("W7"))


def message_of(result, code):
    return next(m["message"] for m in messages(result) if m["message-id"] == pylint_plugin.message_id(code))


@pytest.fixture(scope="module")
def linter():
    linter = PyLinter()
    linter.load_default_plugins()  # a symbol clashing with one of pylint's own fails here
    pylint_plugin.register(linter)
    return linter


def test_one_checker_per_family_with_messages_from_the_catalog(linter):
    checkers = [c for c in linter.get_checkers() if c.name == "tf2lint"]
    families = defaultdict(set)
    for rule in all_rules():
        families[rule.family()].add(rule.code)
    assert sorted(c.family for c in checkers) == sorted(families)
    for checker in checkers:
        assert {"TF" + msgid[2:] for msgid in checker.msgs} == families[checker.family]
        assert {msgid[1:3] for msgid in checker.msgs} == {f"7{checker.family}"}
    for rule in all_rules():
        (definition,) = linter.msgs_store.get_message_definitions(f"W7{rule.code[2:]}")
        assert definition.symbol == (f"tf2lint-{rule.symbol}" if rule.family() == 0 else rule.symbol)
        assert definition.msgid == "W7" + rule.code[2:]
        assert definition.default_enabled == rule.default_enabled
        assert linter.msgs_store.get_message_definitions(definition.symbol) == [definition]


def test_engine_runs_once_per_module(linter):
    shared = linter._tf2lint_findings
    module = astroid.parse(SOURCE, path="model.py")
    first = shared.for_family(module, 1)
    assert [f.code for f in first] == ["TF101", "TF102", "TF101", "TF101"]  # TF104 has a noqa
    assert shared.for_family(module, 2)[0].code == "TF206"
    assert shared.for_family(module, 1) is first  # the same result object: not linted again
    assert shared.for_family(astroid.parse(SOURCE, path="model.py"), 1) is not first


def test_spans_match_the_cli(project):
    result = tools.pylint(*ONLY_TF, "--disable=tf2lint", "--enable=W7101,W7102,W7104,W7206", "model.py", cwd=project)
    pylint = {
        ("TF" + m["message-id"][2:], m["line"], m["column"] + 1, m["endLine"], m["endColumn"] + 1) for m in messages(result)
    }
    cli = tools.cli_json(tools.tf2lint("check", "--output-format", "json", "model.py", cwd=project).stdout)
    assert pylint == {
        (f["code"], f["location"]["row"], f["location"]["column"], f["end_location"]["row"], f["end_location"]["column"])
        for f in cli
        if f["location"]["row"] not in (11, 15)  # disabled with pylint pragmas
    }
    assert ("TF101", 3, 8, 3, 20) in pylint  # `tf.Session()`: editors underline the whole call


def test_pylint_disable_and_noqa_both_silence(project, default_run):
    assert codes(default_run) == [(3, "TF101"), (4, "TF102"), (5, "TF206")]
    # Without the pragmas' effect the same findings are there: the plugin reports them.
    cli = tools.cli_json(tools.tf2lint("check", "--output-format", "json", "model.py", cwd=project).stdout)
    assert {(f["location"]["row"], f["code"]) for f in cli} >= {(11, "TF101"), (15, "TF101")}


def test_message_carries_the_replacement(default_run):
    text = message_of(default_run, "TF101")
    assert text.startswith("TF101 `tf.Session`") and " -> " in text and "tf.function" in text


def test_target_version_from_tool_pylint_section(project, default_run):
    assert STOP_GAP not in message_of(default_run, "TF206")
    (project / "pyproject.toml").write_text('[tool.pylint.tf2lint]\ntf2lint-target-version = "2.15"\n', encoding="utf-8")
    assert STOP_GAP in message_of(tools.pylint(*ONLY_TF, "model.py", cwd=project), "TF206")


@pytest.mark.parametrize("rcfile, section", [(".pylintrc", "[TF2LINT]"), ("pylintrc", "[MAIN]"), ("setup.cfg", "[pylint.tf2lint]")])
def test_target_version_from_rcfile(project, rcfile, section):
    (project / rcfile).write_text(f"{section}\ntf2lint-target-version = 2.15\n", encoding="utf-8")
    assert STOP_GAP in message_of(tools.pylint(*ONLY_TF, "model.py", cwd=project), "TF206")


def test_pyproject_tf2lint_applies_and_pylint_options_take_precedence(project):
    (project / "pyproject.toml").write_text(
        '[tool.tf2lint]\ntarget-version = "2.15"\nignore = ["TF102"]\n', encoding="utf-8"
    )
    result = tools.pylint(*ONLY_TF, "model.py", cwd=project)
    assert codes(result) == [(3, "TF101"), (5, "TF206")]
    assert STOP_GAP in message_of(result, "TF206")
    overridden = tools.pylint(*ONLY_TF, "--tf2lint-target-version=2.21", "model.py", cwd=project)
    assert STOP_GAP not in message_of(overridden, "TF206")


def test_invalid_target_version_is_a_usage_error(project):
    result = tools.pylint(*ONLY_TF, "--tf2lint-target-version=1.15", "model.py", cwd=project)
    assert result.returncode == 2  # argparse's usage error: the option is a choice
    assert "invalid choice: '1.15'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, pyproject, message",
    [
        (["--tf2lint-extend-select=E501"], None, "tf2lint-extend-select: 'E501' is not a TF code prefix"),
        ([], '[tool.tf2lint]\nselcet = ["TF1"]\n', "unknown key 'selcet'"),
    ],
)
def test_configuration_errors_are_usage_errors(project, args, pyproject, message):
    if pyproject:
        (project / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = tools.pylint(*ONLY_TF, *args, "model.py", cwd=project)
    assert result.returncode == 32 and message in result.stderr and "Traceback" not in result.stderr


def test_from_stdin_uses_the_real_path(tmp_path):
    """What VS Code (json) and ALE (text template) run for an unsaved buffer."""
    (tmp_path / "pkg" / "legacy").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[tool.tf2lint.per-file-ignores]\n"pkg/legacy/*" = ["TF1"]\n', encoding="utf-8")
    vscode = ("--reports=n", "--output-format=json", "--disable=all", "--enable=tf2lint", "--clear-cache-post-run=y")
    legacy = tools.pylint(*vscode, "--from-stdin", "pkg/legacy/model.py", cwd=tmp_path, input=SOURCE)
    fresh = tools.pylint(*vscode, "--from-stdin", "pkg/model.py", cwd=tmp_path, input=SOURCE)
    assert codes(legacy) == [(5, "TF206")]
    assert codes(fresh) == [(3, "TF101"), (4, "TF102"), (5, "TF206")]
    assert {m["path"] for m in messages(fresh)} == {"pkg/model.py"}
    ale = tools.pylint(
        "--disable=all", "--enable=tf2lint", "--output-format", "text",
        "--msg-template={path}:{line}:{column}: {msg_id} ({symbol}) {msg}", "--reports", "n",
        "--from-stdin", "pkg/model.py", cwd=tmp_path, input=SOURCE,
    )
    assert "pkg/model.py:3:7: W7101 (tf1-session) TF101 `tf.Session`" in ale.stdout
    # nvim-lint (`-f json --from-stdin <buffer name>`, an absolute path).
    absolute = str(tmp_path / "pkg" / "legacy" / "model.py")
    nvim = tools.pylint("--disable=all", "--enable=tf2lint", "-f", "json", "--from-stdin", absolute, cwd=tmp_path, input=SOURCE)
    assert codes(nvim) == [(5, "TF206")]


def test_pycharm_plugin_command_line(tmp_path):
    """The PyCharm Pylint plugin runs `pylint -f json <args> <absolute paths>` from the project root."""
    (tmp_path / "pkg" / "legacy").mkdir(parents=True)
    (tmp_path / "pkg" / "legacy" / "model.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pylint.main]\nload-plugins = ["tf2lint.pylint_plugin"]\ndisable = ["all"]\nenable = ["tf2lint"]\n'
        '[tool.tf2lint.per-file-ignores]\n"pkg/legacy/*" = ["TF2"]\n',
        encoding="utf-8",
    )
    result = tools.run([tools.executable("pylint"), "-f", "json", str(tmp_path / "pkg" / "legacy" / "model.py")], tmp_path)
    assert codes(result) == [(3, "TF101"), (4, "TF102")]


def test_opt_in_rules_follow_pylint_enable(tmp_path):
    (tmp_path / "m.py").write_text("import tensorflow as tf\nc = tf.constant(1)\ns = tf.Session()\n", encoding="utf-8")
    opt_in = tools.OPT_IN_CODE

    def run(*args):
        result = tools.with_opt_in_rule(
            "pylint", "--disable=all", "--enable=tf2lint", "--output-format=json", *args, "m.py",
            cwd=tmp_path, support=tmp_path / "support",
        )
        return {code for _, code in codes(result)}

    assert run() == {"TF101", opt_in}  # the checker's name enables all of its messages
    assert run("--disable=tf2lint", "--enable=tf1-session") == {"TF101"}
    assert run("--disable=tf2lint", f"--enable={tools.OPT_IN_SYMBOL}") == {opt_in}

    def run_default(*args):
        result = tools.with_opt_in_rule(
            "pylint", "--output-format=json", "--disable=C,import-error", *args, "m.py",
            cwd=tmp_path, support=tmp_path / "support",
        )
        return {code for _, code in codes(result)}

    assert run_default() == {"TF101"}  # opt-in messages are off by default
    assert run_default(f"--tf2lint-extend-select={opt_in}") == {"TF101", opt_in}
    (tmp_path / "pyproject.toml").write_text(f'[tool.tf2lint]\nextend-select = ["{opt_in}"]\n', encoding="utf-8")
    assert run_default() == {"TF101", opt_in}


def test_files_without_tensorflow_and_unparsable_files(tmp_path):
    (tmp_path / "plain.py").write_text("import numpy as np\nx = np.zeros(3)\n", encoding="utf-8")
    (tmp_path / "broken.py").write_text('import tensorflow as tf\nprint "hi"\n', encoding="utf-8")
    result = tools.pylint("--disable=all", "--enable=tf2lint,syntax-error", "--output-format=json", "plain.py", "broken.py", cwd=tmp_path)
    assert [(m["path"], m["line"], m["symbol"]) for m in messages(result)] == [("broken.py", 2, "syntax-error")]
