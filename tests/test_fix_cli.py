"""`tf2lint check --fix / --unsafe-fixes / --diff / --show-fixes`, through the real command."""

import json
import os
import stat

import jsonschema
import pytest

from tests.conftest import ROOT, run_cli

TF1 = "import tensorflow as tf\n\ny = tf.log(x)  # keep this comment\nz = tf.gfile.Exists(path)\nq = tf.placeholder(tf.float32)\n"
FIXED = "import tensorflow as tf\n\ny = tf.math.log(x)  # keep this comment\nz = tf.io.gfile.exists(path)\nq = tf.placeholder(tf.float32)\n"
# tf.logging -> absl is an unsafe fix (absl's logging is not TensorFlow's logger) that adds an import.
UNSAFE = "import tensorflow as tf\n\ntf.logging.info(tf.log(2.0))\n"
UNSAFE_FIXED = "import tensorflow as tf\nfrom absl import logging\n\nlogging.info(tf.math.log(2.0))\n"
ONLY_FIXABLE = "import tensorflow as tf\nw = tf.log(tf.log(x))\n"


def check(tmp_path, *args):
    return run_cli("check", "--isolated", "--no-cache", *args, cwd=tmp_path)


def write(tmp_path, name, text, newline="\n", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_fix_applies_the_safe_fixes_and_reports_what_remains(tmp_path):
    path = write(tmp_path, "train.py", TF1)
    result = check(tmp_path, "--fix", "train.py")
    assert result.returncode == 1, result.stderr  # the placeholder remains
    assert path.read_text() == FIXED
    assert "train.py:5:5: TF102 " in result.stdout
    assert "Found 3 findings (2 fixed, 1 remaining)." in result.stdout
    assert ":3:" not in result.stdout and ":4:" not in result.stdout


def test_fix_exits_0_when_everything_was_fixed(tmp_path):
    path = write(tmp_path, "a.py", ONLY_FIXABLE)
    result = check(tmp_path, "--fix", "a.py")
    assert result.returncode == 0, result.stdout + result.stderr
    # One finding: the outer rename's fix renames the nested call too.
    assert path.read_text() == "import tensorflow as tf\nw = tf.math.log(tf.math.log(x))\n"
    assert "Found 1 finding (1 fixed, 0 remaining)." in result.stdout


def test_text_output_marks_fixable_findings_and_counts_them(tmp_path):
    write(tmp_path, "train.py", TF1)
    result = check(tmp_path, "train.py")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "train.py:3:5: TF902 [*] `tf.log` is `tf.math.log` in TF2" in result.stdout
    assert any(line.startswith("train.py:5:5: TF102 `tf.placeholder`") for line in lines), result.stdout
    assert lines[-1] == "[*] 2 fixable with --fix."
    assert (tmp_path / "train.py").read_text() == TF1  # checking never writes


def test_second_fix_run_changes_nothing_and_does_not_touch_the_file(tmp_path):
    path = write(tmp_path, "train.py", TF1)
    assert check(tmp_path, "--fix", "train.py").returncode == 1
    before = os.stat(path)
    again = check(tmp_path, "--fix", "train.py")
    after = os.stat(path)
    assert path.read_text() == FIXED
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not rewritten
    assert "Found 1 finding in 1 file." in again.stdout
    assert check(tmp_path, "--diff", "train.py").returncode == 0


@pytest.mark.parametrize(
    "newline, encoding, prefix",
    [
        ("\r\n", "utf-8", ""),
        ("\r", "utf-8", ""),
        ("\n", "utf-8-sig", ""),
        ("\r\n", "latin-1", "# -*- coding: latin-1 -*-\n# caf\u00e9 \u00e0 la cr\u00e8me\n"),
    ],
    ids=["crlf", "cr", "bom", "latin-1-cookie"],
)
def test_encoding_bom_and_newlines_are_kept(tmp_path, newline, encoding, prefix):
    path = write(tmp_path, "m.py", prefix + TF1, newline, encoding)
    result = check(tmp_path, "--fix", "m.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert path.read_bytes() == (prefix + FIXED).replace("\n", newline).encode(encoding)


def test_diff_prints_what_fix_would_change_and_writes_nothing(tmp_path):
    path = write(tmp_path, "train.py", TF1)
    result = check(tmp_path, "--diff", "train.py")
    assert result.returncode == 1, result.stderr
    assert path.read_text() == TF1
    assert result.stdout.startswith("--- a/train.py\n+++ b/train.py\n@@ ")
    assert "-y = tf.log(x)  # keep this comment\n-z = tf.gfile.Exists(path)\n+y = tf.math.log(x)  # keep this comment\n" in result.stdout
    assert "Would fix 2 findings in 1 file." in result.stderr
    clean = write(tmp_path, "clean.py", "import tensorflow as tf\ny = tf.math.log(x)\n")
    nothing = check(tmp_path, "--diff", clean.name)
    assert (nothing.returncode, nothing.stdout) == (0, "")
    assert check(tmp_path, "--diff", "--exit-zero", "train.py").returncode == 0


def test_show_fixes_lists_the_fixes_per_file_and_code(tmp_path):
    write(tmp_path, "a.py", TF1)
    write(tmp_path, "b.py", ONLY_FIXABLE)
    result = check(tmp_path, "--fix", "--show-fixes", "a.py", "b.py")
    assert "Fixed 3 findings:\n- a.py:\n       2 x TF902 (renamed-symbol)\n- b.py:\n       1 x TF902 (renamed-symbol)\n" in result.stdout
    diff = check(tmp_path, "--diff", "--show-fixes", "a.py")
    assert "No findings would be fixed." in diff.stderr  # a.py was fixed above


def test_selection_ignore_and_noqa_are_respected(tmp_path):
    source = "import tensorflow as tf\na = tf.log(x)  # noqa: TF902\nb = tf.log(x)\n"
    path = write(tmp_path, "a.py", source)
    for args in (["--ignore", "TF902"], ["--select", "TF1"], ["--extend-ignore", "TF9"]):
        result = check(tmp_path, "--fix", *args, "a.py")
        assert result.returncode == 0 and path.read_text() == source, (args, result.stdout)
    result = check(tmp_path, "--fix", "a.py")
    assert result.returncode == 0, result.stdout
    assert path.read_text() == "import tensorflow as tf\na = tf.log(x)  # noqa: TF902\nb = tf.math.log(x)\n"


def test_per_file_ignores_and_config_keys(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tf2lint]\nfix = true\nper-file-ignores = {"legacy/*" = ["TF902"]}\n', encoding="utf-8"
    )
    (tmp_path / "legacy").mkdir()
    kept = write(tmp_path, "legacy/old.py", ONLY_FIXABLE)
    fixed = write(tmp_path, "new.py", ONLY_FIXABLE)
    untouched = write(tmp_path, "other.py", ONLY_FIXABLE)
    no_fix = run_cli("check", "--no-cache", "--no-fix", "other.py", cwd=tmp_path)
    assert no_fix.returncode == 1 and untouched.read_text() == ONLY_FIXABLE
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)  # `fix = true` from the configuration
    assert kept.read_text() == ONLY_FIXABLE
    assert fixed.read_text() == untouched.read_text() == "import tensorflow as tf\nw = tf.math.log(tf.math.log(x))\n"
    assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "pyproject.toml").write_text("[tool.tf2lint]\nunsafe-fixes = 1\n", encoding="utf-8")
    error = run_cli("check", "--no-cache", ".", cwd=bad)
    assert error.returncode == 2 and "unsafe-fixes must be true or false" in error.stderr


def test_writes_keep_permissions_and_links_and_leave_no_temporary_file(tmp_path):
    real = write(tmp_path, "real.py", ONLY_FIXABLE)
    os.chmod(real, 0o640)
    link = tmp_path / "link.py"
    link.symlink_to(real.name)
    result = check(tmp_path, "--fix", "link.py")
    assert result.returncode == 0, result.stdout
    assert link.is_symlink() and real.read_text().endswith("tf.math.log(tf.math.log(x))\n")
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.py", "real.py"]


def test_cache_never_serves_the_result_of_the_text_before_the_fix(tmp_path):
    path = write(tmp_path, "a.py", TF1)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = run_cli("check", "--isolated", *cache, "a.py", cwd=tmp_path)
    assert "Found 3 findings" in first.stdout
    fixed = run_cli("check", "--isolated", *cache, "--fix", "a.py", cwd=tmp_path)
    assert "(2 fixed, 1 remaining)" in fixed.stdout
    again = run_cli("check", "--isolated", *cache, "-v", "a.py", cwd=tmp_path)
    assert "Found 1 finding in 1 file." in again.stdout
    assert "1 from cache" in again.stderr  # the fix run stored the new text's result
    path.write_text(TF1)
    assert "Found 3 findings" in run_cli("check", "--isolated", *cache, "a.py", cwd=tmp_path).stdout


def test_json_and_sarif_carry_the_fix(tmp_path):
    write(tmp_path, "a.py", "import tensorflow as tf\ny = tf.log(x)\n")
    items = json.loads(check(tmp_path, "--output-format", "json", "a.py").stdout)
    assert items[0]["fix"] == {
        "applicability": "safe",
        "message": "Rename to `tf.math.log`",
        "edits": [{"content": "tf.math.log", "location": {"row": 2, "column": 5}, "end_location": {"row": 2, "column": 11}}],
    }
    log = json.loads(check(tmp_path, "--output-format", "sarif", "a.py").stdout)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    (fix,) = log["runs"][0]["results"][0]["fixes"]
    assert fix["description"]["text"] == "safe fix: Rename to `tf.math.log`"
    (change,) = fix["artifactChanges"]
    assert change["replacements"] == [
        {"deletedRegion": {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 11}, "insertedContent": {"text": "tf.math.log"}}
    ]


def test_unsafe_fixes_without_fix_only_count_as_available(tmp_path):
    path = write(tmp_path, "a.py", UNSAFE)
    plain = check(tmp_path, "a.py")
    assert plain.stdout.splitlines()[-1] == "[*] 1 fixable with --fix (1 more with --unsafe-fixes)."
    assert "a.py:3:1: TF905 `tf.logging.info`" in plain.stdout  # no [*]: unsafe fixes are not enabled
    result = check(tmp_path, "--unsafe-fixes", "a.py")
    assert result.returncode == 1 and path.read_text() == UNSAFE
    assert result.stdout.splitlines()[-1] == "[*] 2 fixable with --fix."
    assert "a.py:3:1: TF905 [*] `tf.logging.info`" in result.stdout


def test_unsafe_fixes_are_applied_only_with_unsafe_fixes_and_their_import_takes_the_file_newline(tmp_path):
    path = write(tmp_path, "a.py", UNSAFE, "\r\n")
    safe = check(tmp_path, "--fix", "a.py")
    assert safe.returncode == 1
    assert path.read_bytes() == b"import tensorflow as tf\r\n\r\ntf.logging.info(tf.math.log(2.0))\r\n"
    assert safe.stdout.splitlines()[-2:] == ["Found 2 findings (1 fixed, 1 remaining).",
                                              "0 fixable with --fix (1 more with --unsafe-fixes)."]
    unsafe = check(tmp_path, "--fix", "--unsafe-fixes", "a.py")
    assert unsafe.returncode == 0, unsafe.stdout
    assert path.read_bytes() == b"import tensorflow as tf\r\nfrom absl import logging\r\n\r\nlogging.info(tf.math.log(2.0))\r\n"
    (tmp_path / "pyproject.toml").write_text("[tool.tf2lint]\nunsafe-fixes = true\n", encoding="utf-8")
    again = write(tmp_path, "b.py", UNSAFE)
    assert run_cli("check", "--no-cache", "--fix", "b.py", cwd=tmp_path).returncode == 0
    assert again.read_text() == "import tensorflow as tf\nfrom absl import logging\n\nlogging.info(tf.math.log(2.0))\n"
    assert run_cli("check", "--no-cache", "--no-unsafe-fixes", "--diff", "b.py", cwd=tmp_path).returncode == 0


def test_a_file_that_does_not_parse_is_reported_and_never_touched(tmp_path):
    source = "import tensorflow as tf\ny = tf.log(x\n"
    path = write(tmp_path, "broken.py", source)
    result = check(tmp_path, "--fix", "broken.py")
    assert result.returncode == 1 and "TF001" in result.stdout
    assert path.read_text() == source


def test_the_report_after_fixing_is_what_a_fresh_check_reports(tmp_path):
    for name in ("a.py", "b.py"):
        write(tmp_path, name, TF1 + UNSAFE.split("\n", 1)[1])
    fixed = check(tmp_path, "--fix", "--output-format", "json", "-j", "1", ".")
    fresh = check(tmp_path, "--output-format", "json", ".")
    assert json.loads(fixed.stdout) == json.loads(fresh.stdout) != []
    assert fixed.returncode == fresh.returncode == 1


def test_many_files_fixed_in_worker_processes_match_one_process(tmp_path):
    reports = []
    for jobs in ("1", "2"):
        tree = tmp_path / f"j{jobs}"
        tree.mkdir()
        for i in range(20):  # above the threshold for a process pool
            write(tree, f"m{i:02d}.py", TF1 if i % 2 else UNSAFE)
        result = run_cli("check", "--isolated", "--no-cache", "--fix", "--unsafe-fixes", "--show-fixes", "-j", jobs, ".", cwd=tree)
        assert result.returncode == 1, result.stderr
        assert all((tree / f"m{i:02d}.py").read_text() == (FIXED if i % 2 else UNSAFE_FIXED) for i in range(20))
        reports.append(result.stdout)
    assert reports[0] == reports[1]
    assert "Found 50 findings (40 fixed, 10 remaining)." in reports[0]


def test_fix_still_reports_what_the_tf1_evidence_it_renamed_away_decided(tmp_path):
    # `tf.log` makes the module TF1 code, so its `tf.random.poisson(lam, shape)` is TF1's call
    # (TF2 swaps the arguments). Renaming `tf.log` removes that evidence from the text; the
    # fix run still judges the module by the text it started from.
    path = write(tmp_path, "a.py", "import tensorflow as tf\n\ny = tf.log(x)\ns = tf.random.poisson(lam, [10])\n")
    result = check(tmp_path, "--fix", "a.py")
    assert path.read_text() == "import tensorflow as tf\n\ny = tf.math.log(x)\ns = tf.random.poisson(lam, [10])\n"
    assert result.returncode == 1, result.stdout
    assert "a.py:4:5: TF906 `tf.random.poisson(...)` means something else in TF2" in result.stdout
    assert "Found 2 findings (1 fixed, 1 remaining)." in result.stdout


def test_fix_does_not_report_the_tf2_name_it_renamed_tf1_v2_to(tmp_path):
    source = "import tensorflow as tf\n\nsess = tf.Session()\nloss = tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=z)\n"
    path = write(tmp_path, "a.py", source)
    result = check(tmp_path, "--fix", "a.py")
    assert path.read_text() == source.replace("_with_logits_v2(", "_with_logits(")
    assert "TF906" not in result.stdout and "Found 2 findings (1 fixed, 1 remaining)." in result.stdout
