"""The CLI conventions ruff and flake8 users expect, through real subprocess runs: standard
input, --quiet, --statistics, the output formats, colour, --help, unknown `# noqa` codes,
and never "All checks passed" after an error."""

import html.parser
import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

TF1 = "import tensorflow as tf\nx = tf.placeholder(tf.float32)\nsess = tf.Session()\ny = tf.log(x)\n"
TF2 = "import tensorflow as tf\nx = tf.constant(1.0)\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
PASSED = "All checks passed"


def cli(*args, cwd, input=None, env=None):
    """`python -m tf2lint` with this checkout, colour variables cleared unless given."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ["PYTHONPATH"] = str(ROOT) + os.pathsep + environ.get("PYTHONPATH", "")
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tf2lint", *map(str, args)],
        cwd=cwd, input=input, capture_output=True, text=True, env=environ, timeout=300,
    )


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ----- standard input ------------------------------------------------------------------


def test_dash_reads_standard_input(tmp_path):
    result = cli("check", "--isolated", "-", cwd=tmp_path, input=TF1)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("-:2:5: TF102 ")
    assert "-:3:8: TF101 " in result.stdout
    assert "-:4:5: TF902 [*] " in result.stdout  # --fix would rename it
    assert result.stdout.endswith("Found 3 findings in 1 file.\n[*] 1 fixable with --fix.\n")
    assert result.stderr == ""


def test_stdin_filename_names_the_findings_and_finds_config_and_per_file_ignores(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.tf2lint]
        ignore = ["TF902"]
        [tool.tf2lint.per-file-ignores]
        "tests/*" = ["TF101"]
    """)
    (tmp_path / "tests").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Run from another directory: the configuration is looked for from the named file's folder.
    named = cli("check", "--output-format", "json", "-", "--stdin-filename", tmp_path / "tests" / "test_model.py",
                cwd=elsewhere, input=TF1)
    items = json.loads(named.stdout)
    assert [(i["filename"], i["code"]) for i in items] == [(str(tmp_path / "tests" / "test_model.py"), "TF102")]
    plain = cli("check", "--output-format", "json", "--stdin-filename", "src/model.py", cwd=tmp_path, input=TF1)
    assert [(i["filename"], i["code"]) for i in json.loads(plain.stdout)] == [("src/model.py", "TF102"), ("src/model.py", "TF101")]


def test_stdin_with_force_exclude_skips_an_excluded_name(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.tf2lint]\nexclude = ["generated"]\n')
    result = cli("check", "--force-exclude", "--stdin-filename", "generated/x.py", "-", cwd=tmp_path, input=TF1)
    assert result.returncode == 0, result.stdout
    included = cli("check", "--stdin-filename", "src/x.py", "-", cwd=tmp_path, input=TF1)
    assert included.returncode == 1


FIXED_TF1 = TF1.replace("tf.log(x)", "tf.math.log(x)")


def test_fix_on_stdin_writes_the_fixed_source_to_stdout_and_the_report_to_stderr(tmp_path):
    fixed = cli("check", "--isolated", "--fix", "-", cwd=tmp_path, input=TF1)
    assert fixed.returncode == 1, fixed.stderr  # the placeholder and the session remain
    assert fixed.stdout == FIXED_TF1  # nothing else on stdout: an editor replaces its buffer with it
    assert fixed.stderr.startswith("-:2:5: TF102 ") and "-:3:8: TF101 " in fixed.stderr
    assert "Found 3 findings (1 fixed, 2 remaining).\n" in fixed.stderr and "TF902" not in fixed.stderr
    json_report = cli("check", "--isolated", "--fix", "--output-format", "json", "--stdin-filename", "src/m.py", "-",
                      cwd=tmp_path, input=TF1)
    assert json_report.stdout == FIXED_TF1
    assert [(i["filename"], i["code"]) for i in json.loads(json_report.stderr)] == [("src/m.py", "TF102"), ("src/m.py", "TF101")]


def test_fix_on_stdin_exit_codes_follow_fix(tmp_path):
    only_fixable = "import tensorflow as tf\ny = tf.log(x)\n"
    done = cli("check", "--isolated", "--fix", "-", cwd=tmp_path, input=only_fixable)
    assert done.returncode == 0, done.stderr  # nothing remains
    assert done.stdout == "import tensorflow as tf\ny = tf.math.log(x)\n"
    assert "Found 1 finding (1 fixed, 0 remaining)." in done.stderr
    clean = cli("check", "--isolated", "--fix", "-", cwd=tmp_path, input=TF2)
    assert (clean.returncode, clean.stdout) == (0, TF2) and PASSED in clean.stderr
    untouched = cli("check", "--isolated", "--fix", "--exit-zero", "-", cwd=tmp_path, input="x = 1\n")
    assert (untouched.returncode, untouched.stdout) == (0, "x = 1\n")
    remaining = cli("check", "--isolated", "--fix", "--exit-zero", "-", cwd=tmp_path, input=TF1)
    assert (remaining.returncode, remaining.stdout) == (0, FIXED_TF1)


def test_unsafe_fixes_on_stdin(tmp_path):
    source = "import tensorflow as tf\nreg = tf.contrib.layers.l2_regularizer(0.1)\n"
    safe = cli("check", "--isolated", "--fix", "-", cwd=tmp_path, input=source)
    assert (safe.returncode, safe.stdout) == (1, source)
    assert "(1 more with --unsafe-fixes)" in safe.stderr
    unsafe = cli("check", "--isolated", "--fix", "--unsafe-fixes", "-", cwd=tmp_path, input=source)
    assert (unsafe.returncode, unsafe.stdout) == (0, "import tensorflow as tf\nreg = tf.keras.regularizers.L2(0.05)\n")


def test_fix_on_stdin_keeps_encoding_and_line_endings(tmp_path):
    source = "# -*- coding: latin-1 -*-\r\nimport tensorflow as tf\r\nname = 'caf\xe9'\r\ny = tf.log(x)\r\n"
    result = subprocess.run(
        [sys.executable, "-m", "tf2lint", "check", "--isolated", "--fix", "-"], cwd=tmp_path, input=source.encode("latin-1"),
        capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == source.replace("tf.log", "tf.math.log").encode("latin-1")


def test_fix_on_stdin_with_files_fixes_both(tmp_path):
    path = write(tmp_path / "a.py", "import tensorflow as tf\nz = tf.log(2.0)\n")
    result = cli("check", "--isolated", "--no-cache", "--fix", "a.py", "-", cwd=tmp_path, input=TF1)
    assert result.returncode == 1
    assert path.read_text() == "import tensorflow as tf\nz = tf.math.log(2.0)\n"
    assert result.stdout == FIXED_TF1
    assert "Found 4 findings (2 fixed, 2 remaining)." in result.stderr


def test_fix_on_stdin_passes_an_excluded_name_through(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.tf2lint]\nexclude = ["generated"]\n')
    result = cli("check", "--fix", "--force-exclude", "--stdin-filename", "generated/x.py", "-", cwd=tmp_path, input=TF1)
    assert (result.returncode, result.stdout) == (0, TF1)
    diff = cli("check", "--diff", "--force-exclude", "--stdin-filename", "generated/x.py", "-", cwd=tmp_path, input=TF1)
    assert (diff.returncode, diff.stdout) == (0, "")


def test_diff_on_stdin(tmp_path):
    diff = cli("check", "--isolated", "--diff", "-", cwd=tmp_path, input=TF1)
    assert diff.returncode == 1, diff.stderr  # there is a diff
    assert diff.stdout == (
        "--- -\n+++ -\n@@ -1,4 +1,4 @@\n import tensorflow as tf\n x = tf.placeholder(tf.float32)\n"
        " sess = tf.Session()\n-y = tf.log(x)\n+y = tf.math.log(x)\n"
    )
    assert diff.stderr == "Would fix 1 finding in 1 file.\n"
    named = cli("check", "--isolated", "--diff", "--stdin-filename", "src/m.py", cwd=tmp_path, input=TF1)
    assert named.stdout.startswith("--- a/src/m.py\n+++ b/src/m.py\n")
    none = cli("check", "--isolated", "--diff", "-", cwd=tmp_path, input=TF2)
    assert (none.returncode, none.stdout, none.stderr) == (0, "", "No fixes to apply.\n")


def test_fix_on_stdin_notebook(tmp_path):
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                           "source": ["import tensorflow as tf\n", "y = tf.log(x)"]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    text = json.dumps(notebook, indent=1) + "\n"
    result = cli("check", "--isolated", "--fix", "--stdin-filename", "nb.ipynb", cwd=tmp_path, input=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["cells"][0]["source"] == ["import tensorflow as tf\n", "y = tf.math.log(x)"]
    assert result.stdout == text.replace("tf.log", "tf.math.log")
    diff = cli("check", "--isolated", "--diff", "--stdin-filename", "nb.ipynb", cwd=tmp_path, input=text)
    assert diff.returncode == 1 and diff.stdout.startswith("--- a/nb.ipynb:cell 1\n")


def test_stdin_notebook_and_clean_source(tmp_path):
    notebook = {"cells": [{"cell_type": "code", "source": ["import tensorflow as tf\n", "s = tf.Session()\n"]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    result = cli("check", "--isolated", "--stdin-filename", "nb.ipynb", cwd=tmp_path, input=json.dumps(notebook))
    assert result.stdout.startswith("nb.ipynb:cell 1:2:5: TF101 ")
    clean = cli("check", "--isolated", "-", cwd=tmp_path, input=TF2)
    assert clean.returncode == 0 and PASSED in clean.stdout


# ----- errors --------------------------------------------------------------------------


def test_missing_path_is_an_error_and_never_all_checks_passed(tmp_path):
    write(tmp_path / "clean.py", TF2)
    alone = cli("check", "--isolated", "nope.py", cwd=tmp_path)
    assert alone.returncode == 2
    assert "tf2lint: error: nope.py: no such file or directory" in alone.stderr
    assert PASSED not in alone.stdout + alone.stderr
    with_clean = cli("check", "--isolated", "clean.py", "nope.py", cwd=tmp_path)
    assert with_clean.returncode == 2 and PASSED not in with_clean.stdout
    with_findings = cli("check", "--isolated", "nope.py", "-", cwd=tmp_path, input=TF1)
    assert with_findings.returncode == 2 and "Found 3 findings" in with_findings.stdout


# ----- --quiet and --statistics -------------------------------------------------------


def test_quiet_prints_the_findings_only(tmp_path):
    write(tmp_path / "a.py", TF1 + "z = 1  # noqa: TF999\n")
    loud = cli("check", "--isolated", "a.py", cwd=tmp_path)
    quiet = cli("check", "--isolated", "-q", "a.py", cwd=tmp_path)
    assert quiet.returncode == loud.returncode == 1
    assert loud.stdout == quiet.stdout + "Found 3 findings in 1 file.\n[*] 1 fixable with --fix.\n"
    assert "TF999" in loud.stderr and quiet.stderr == ""
    write(tmp_path / "b.py", TF2)
    clean = cli("check", "--isolated", "--quiet", "b.py", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout == ""


def test_statistics_replace_the_findings(tmp_path):
    write(tmp_path / "a.py", TF1 + "w = tf.placeholder(tf.int32)\n")
    result = cli("check", "--isolated", "--statistics", "a.py", cwd=tmp_path)
    assert result.stdout.splitlines() == ["     2  TF102  tf1-placeholder", "     1  TF101  tf1-session", "     1  TF902  renamed-symbol"]
    assert result.returncode == 1
    as_json = cli("check", "--isolated", "--statistics", "--output-format", "json", "a.py", cwd=tmp_path)
    assert json.loads(as_json.stdout)[0] == {"code": "TF102", "name": "tf1-placeholder", "count": 2}


# ----- output formats --------------------------------------------------------------------


def test_text_is_the_old_name_of_concise_the_default(tmp_path):
    write(tmp_path / "a.py", TF1)
    default = cli("check", "--isolated", "a.py", cwd=tmp_path)
    assert cli("check", "--isolated", "--output-format", "text", "a.py", cwd=tmp_path).stdout == default.stdout
    assert cli("check", "--isolated", "--output-format", "concise", "a.py", cwd=tmp_path).stdout == default.stdout
    assert default.stdout.splitlines()[0].startswith("a.py:2:5: TF102 `tf.placeholder`")
    assert default.stdout.splitlines()[1].startswith("    -> Make it a function argument")


def test_full_shows_the_source_line_with_a_caret_span_and_the_replacement(tmp_path):
    write(tmp_path / "a.py", "import tensorflow as tf\nif True:\n\tsess = tf.Session()\nv = '東京'; x = tf.log(v)\n")
    result = cli("check", "--isolated", "--output-format", "full", "a.py", cwd=tmp_path)
    blocks = result.stdout.split("\n\n")
    session = blocks[0].splitlines()
    assert session[0].startswith("a.py:3:9: TF101 ")
    assert session[1:4] == ["  |", "3 |     sess = tf.Session()", "  |            ^^^^^^^^^^^^"]  # tab shown as 4 spaces
    assert session[4].startswith("  = use instead: Write the computation")
    log = blocks[1].splitlines()
    # Wide characters take two columns: the carets stay under `tf.log(v)`.
    assert log[2:4] == ["4 | v = '東京'; x = tf.log(v)", "  |                 ^^^^^^^^^"]
    assert log[0].startswith("a.py:4:15: TF902 [*] `tf.log`")
    assert log[4].startswith("  = use instead: `tf.math.log")
    assert log[5].startswith("  = safe fix: ") and "tf.math.log" in log[5]
    assert blocks[-1] == "Found 2 findings in 1 file.\n[*] 1 fixable with --fix.\n"


def test_json_lines_is_one_json_object_per_finding(tmp_path):
    write(tmp_path / "a.py", TF1)
    lines = cli("check", "--isolated", "--output-format", "json-lines", "a.py", cwd=tmp_path).stdout.splitlines()
    full = json.loads(cli("check", "--isolated", "--output-format", "json", "a.py", cwd=tmp_path).stdout)
    assert [json.loads(line) for line in lines] == full and len(full) == 3


def gitlab(tmp_path, *paths):
    result = cli("check", "--isolated", "--no-cache", "--output-format", "gitlab", *paths, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_gitlab_code_quality_report(tmp_path):
    write(tmp_path / "src" / "a.py", TF1 + "w = tf.placeholder(tf.float32)\n")
    write(tmp_path / "src" / "b.py", TF1)
    issues = gitlab(tmp_path, "src")
    assert len(issues) == 7
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] in {"src/a.py", "src/b.py"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == 7  # unique, even for identical code in two files
    first = issues[0]
    assert first["check_name"] == "TF102 tf1-placeholder" and first["severity"] == "major"
    assert first["location"] == {"path": "src/a.py", "lines": {"begin": 2, "end": 2}}
    assert "Use instead:" in first["description"]
    # Lines inserted above keep every fingerprint.
    write(tmp_path / "src" / "a.py", "# a comment\n\n" + TF1 + "w = tf.placeholder(tf.float32)\n")
    moved = gitlab(tmp_path, "src")
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert moved[0]["location"]["lines"]["begin"] == 4
    legacy = write(tmp_path / "c.py", "import tensorflow.compat.v1 as tf\nx = tf.placeholder(tf.float32)\n")
    assert gitlab(tmp_path, legacy.name)[0]["severity"] == "minor"


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.links, self.ids, self.text = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "href" in attrs:
            self.links.append(attrs["href"])
        if "id" in attrs:
            self.ids.add(attrs["id"])

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_and_grouped_by_step_and_file(tmp_path):
    write(tmp_path / "pkg" / "a.py", TF1)
    write(tmp_path / "pkg" / "b.py", "import tensorflow as tf\nr = tf.contrib.layers.l2_regularizer(0.1)  # <b>\n")
    result = cli("check", "--isolated", "--output-format", "html", "-o", "report.html", "pkg", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags  # no external assets
    assert not any("src" in attrs for _, attrs in parser.tags)
    assert "<style>" in page
    assert {"step-1", "step-2", "step-3"} <= parser.ids and "step-4" not in parser.ids
    assert page.index('id="step-1"') < page.index('id="step-2"') < page.index('id="step-3"')
    assert "https://github.com/tf2lint/tf2lint/blob/main/docs/rules/TF101.md" in parser.links
    text = "".join(parser.text)
    assert "pkg/a.py (2)" in text and "pkg/b.py (1)" in text  # step 3 holds a.py's two findings
    assert "# <b>" in text and "<b>" not in page.replace("&lt;b&gt;", "")  # the source is escaped
    assert "Remove tf.contrib" in text


def test_every_format_runs_on_a_clean_tree(tmp_path):
    write(tmp_path / "a.py", TF2)
    for fmt in ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "html", "text"):
        result = cli("check", "--isolated", "--output-format", fmt, "a.py", cwd=tmp_path)
        assert result.returncode == 0, (fmt, result.stderr)


# ----- colour ------------------------------------------------------------------------------


def test_colour_follows_force_color_and_no_color(tmp_path):
    write(tmp_path / "a.py", TF1)
    piped = cli("check", "--isolated", "a.py", cwd=tmp_path)
    assert not ANSI.search(piped.stdout)  # not a terminal
    forced = cli("check", "--isolated", "a.py", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert ANSI.search(forced.stdout)
    assert ANSI.sub("", forced.stdout) == piped.stdout
    assert "\x1b[31mTF102\x1b[0m" in forced.stdout  # removed in TF2: red
    both = cli("check", "--isolated", "a.py", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert both.stdout == piped.stdout
    full = cli("check", "--isolated", "--output-format", "full", "a.py", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert ANSI.search(full.stdout)
    for fmt in ("json", "github", "gitlab"):
        machine = cli("check", "--isolated", "--output-format", fmt, "a.py", cwd=tmp_path, env={"FORCE_COLOR": "1"})
        assert not ANSI.search(machine.stdout), fmt
    to_file = cli("check", "--isolated", "-o", "out.txt", "a.py", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert to_file.returncode == 1 and not ANSI.search((tmp_path / "out.txt").read_text())


# ----- help -------------------------------------------------------------------------------


def test_check_help_lists_exit_codes_and_examples(tmp_path):
    result = cli("check", "--help", cwd=tmp_path)
    assert result.returncode == 0
    text = result.stdout
    assert "exit codes:" in text and "examples:" in text
    assert re.search(r"^\s+0\s+no findings", text, re.M)
    assert re.search(r"^\s+1\s+findings reported", text, re.M)
    assert re.search(r"^\s+2\s+usage, configuration or internal error", text, re.M)
    assert "tf2lint check - --stdin-filename" in text.replace("cat model.py | ", "")
    for option in ("--quiet", "--stdin-filename", "--output-format", "--statistics", "--summary"):
        assert option in text


def test_help_examples_run(tmp_path):
    """The examples in --help are commands that work."""
    write(tmp_path / "src" / "model.py", TF1)
    write(tmp_path / "model.py", TF1)
    text = cli("check", "--help", cwd=tmp_path).stdout
    examples = text.split("examples:", 1)[1].strip().splitlines()
    assert len(examples) >= 5
    for line in examples:
        command = re.split(r"\s{2,}", line.strip())[0]
        if command.startswith("cat "):
            source, command = command.split(" | ", 1)
            data = (tmp_path / source.split()[1]).read_text()
        else:
            data = None
        args = command.split()
        assert args[0] == "tf2lint"
        result = cli(*args[1:], cwd=tmp_path, input=data)
        assert result.returncode in (0, 1), (command, result.stderr)
        assert "error" not in result.stderr, (command, result.stderr)


# ----- # noqa with unknown codes --------------------------------------------------------------


def test_unknown_noqa_codes_are_warned_once_per_file_and_code(tmp_path):
    write(tmp_path / "a.py", """\
        import tensorflow as tf
        x = tf.placeholder(tf.float32)  # noqa: TF1O2
        y = tf.placeholder(tf.float32)  # noqa: TF1O2, E501
        s = tf.Session()  # noqa: tf101
        t = tf.Session()  # noqa: TF1, TF10, TF101, TF
        u = tf.log(1.0)  # noqa: TF9999
    """)
    result = cli("check", "--isolated", "a.py", cwd=tmp_path)
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        "tf2lint: warning: a.py:2: `# noqa` names unknown code TF1O2: no tf2lint rule has this code (see `tf2lint rules`)",
        "tf2lint: warning: a.py:4: `# noqa` names unknown code tf101: codes are matched as written: use TF101",
        "tf2lint: warning: a.py:6: `# noqa` names unknown code TF9999: no tf2lint rule has this code (see `tf2lint rules`)",
    ]
    # Warnings, not errors: the exit status is the findings'.
    assert result.returncode == 1
    stdin = cli("check", "--isolated", "--stdin-filename", "b.py", cwd=tmp_path, input="x = 1  # noqa: TF000\n")
    assert stdin.returncode == 0
    assert "tf2lint: warning: b.py:1: `# noqa` names unknown code TF000" in stdin.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unknown_noqa_codes_are_warned_from_cached_and_parallel_results(tmp_path, jobs):
    # The checked files' results say which files hold a `noqa` at all; only those are read again.
    for i in range(20):  # enough files for the worker pool
        (tmp_path / f"m{i:02d}.py").write_text("import tensorflow as tf\nx = tf.log(1.0)\n", encoding="utf-8")
    (tmp_path / "m07.py").write_text("import tensorflow as tf\nx = tf.log(1.0)  # noqa: TF9O2\n", encoding="utf-8")
    expected = ["tf2lint: warning: m07.py:2: `# noqa` names unknown code TF9O2: no tf2lint rule has this code (see `tf2lint rules`)"]
    for run in ("cold", "warm"):
        result = cli("check", "--isolated", "-j", jobs, "--cache-dir", str(tmp_path / "cache"), ".", cwd=tmp_path)
        warnings = [line.replace("./", "") for line in result.stderr.splitlines() if "warning" in line]
        assert warnings == expected, run
        assert result.returncode == 1


# ----- notebooks: annotations a code host can place ------------------------------------------------


@pytest.fixture
def notebook_file(tmp_path):
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Training\n"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 1,
         "source": ["import tensorflow as tf\n", "\n", "x = tf.placeholder(tf.float32)\n", "s = tf.Session()"]},
    ]
    data = {"cells": cells, "metadata": {"kernelspec": {"language": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "train.ipynb"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def test_github_annotations_point_at_the_notebook_json_line(notebook_file):
    result = cli("check", "--isolated", "--output-format", "github", notebook_file.name, cwd=notebook_file.parent)
    lines = notebook_file.read_text().splitlines()
    annotations = result.stdout.splitlines()
    assert len(annotations) == 2
    for annotation, needle in zip(annotations, ["tf.placeholder", "tf.Session"]):
        props = dict(p.split("=", 1) for p in annotation.split(" ", 1)[1].split("::", 1)[0].split(","))
        assert needle in lines[int(props["line"]) - 1], (annotation, lines)
        assert "col" not in props  # columns would count in the cell, not in the JSON
    assert "title=TF102 tf1-placeholder (notebook cell 2%2C line 3)" in annotations[0]


def test_gitlab_points_at_the_notebook_json_line(notebook_file):
    result = cli("check", "--isolated", "--output-format", "gitlab", notebook_file.name, cwd=notebook_file.parent)
    lines = notebook_file.read_text().splitlines()
    issues = json.loads(result.stdout)
    assert "tf.placeholder" in lines[issues[0]["location"]["lines"]["begin"] - 1]
    assert issues[0]["description"].startswith("Notebook cell 2, line 3: ")
