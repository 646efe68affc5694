"""The fixpoint loop and file writing, with fixes built by hand where no rule's fix can show the case."""

import os
import re

import pytest

from tf2lint.config import Config
from tf2lint.finding import Applicability, Edit, Finding, Fix, Position, Severity
from tf2lint.fix import files as fix_files
from tf2lint.fix.loop import MAX_PASSES, allowed, fix_text
from tf2lint.fix.report import fixable_hint, mark
from tf2lint.fix.source import SourceText, newline_of, with_newline


def finding(fix, code="TF999", row=1):
    return Finding(code, "test", "m", "r", Severity.ERROR, "t.py", Position(row, 0), Position(row, 1), fix=fix)


def rename(row, col, old, new, applicability="safe", imports=None):
    edits = [Edit(Position(row, col), Position(row, col + len(old)), new)]
    if imports:
        edits.append(Edit(Position(2, 0), Position(2, 0), imports + "\n"))
    return Fix(applicability, tuple(edits), f"Rename to {new}")


def linter(rules):
    """A lint function: each (pattern, replacement, applicability) reports every match with a fix."""

    def lint(text):
        out = []
        for row, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
            for pattern, new, applicability, imports in rules:
                for m in re.finditer(pattern, line):
                    out.append(finding(rename(row, m.start(), m.group(), new, applicability, imports), row=row))
        return out

    return lint


def test_only_allowed_applicabilities_are_applied():
    safe, unsafe = Fix("safe", (Edit(Position(1, 0), Position(1, 1), "x"),)), Fix("unsafe", (Edit(Position(1, 0), Position(1, 1), "x"),))
    display = Fix(Applicability.DISPLAY_ONLY.value, (Edit(Position(1, 0), Position(1, 1), "x"),))
    assert allowed(safe, False) and allowed(safe, True)
    assert not allowed(unsafe, False) and allowed(unsafe, True)
    assert not allowed(display, True) and not allowed(None, True) and not allowed(Fix("safe", ()), True)
    lint = linter([(r"\bold\b", "new", "unsafe", None), (r"\bfoo\b", "bar", "safe", None)])
    source = "import tensorflow\nold(foo)\n"
    assert fix_text(source, "t.py", Config(), lint=lint).source == "import tensorflow\nold(bar)\n"
    assert fix_text(source, "t.py", Config(), lint=lint, unsafe=True).source == "import tensorflow\nnew(bar)\n"


def test_marks_and_hint_follow_the_settings():
    findings = [finding(rename(1, 0, "a", "b")), finding(rename(1, 0, "a", "b", "unsafe")), finding(None)]
    assert [mark(f, False) for f in findings] == ["[*] ", "", ""]
    assert [mark(f, True) for f in findings] == ["[*] ", "[*] ", ""]
    assert fixable_hint(findings, False) == "[*] 1 fixable with --fix (1 more with --unsafe-fixes).\n"
    assert fixable_hint(findings, True) == "[*] 2 fixable with --fix.\n"
    assert fixable_hint(findings[1:], False) == "0 fixable with --fix (1 more with --unsafe-fixes).\n"
    assert fixable_hint(findings[2:], False) == ""


def test_a_result_that_does_not_parse_is_refused_with_tf007():
    lint = linter([(r"\bold\b", "new(", "safe", None)])
    source = "import tensorflow\nx = old(1)\n"
    outcome = fix_text(source, "t.py", Config(), lint=lint)
    assert outcome.source == source and outcome.fixed == []
    assert outcome.error is not None and outcome.error.code == "TF007"
    assert "would make the file unparsable" in outcome.error.message and "TF999" in outcome.error.message
    assert outcome.error.start.row == 2


def test_overlapping_fixes_wait_for_the_next_pass():
    # `aa` -> `a` twice per pass at most, as the matches overlap: the loop converges anyway.
    lint = linter([(r"ab", "b", "safe", None)])
    outcome = fix_text("aaaab\n", "t.py", Config(), lint=lint)
    assert outcome.source == "b\n" and outcome.passes == 4 and outcome.error is None


def test_a_fix_that_never_converges_stops_after_the_bound_with_tf007():
    lint = linter([(r"x", "xy", "safe", None)])  # every pass grows the text again
    outcome = fix_text("x\n", "t.py", Config(), lint=lint)
    assert outcome.passes == MAX_PASSES
    assert outcome.error is not None and outcome.error.code == "TF007" and "still pending" in outcome.error.message


def test_inserted_lines_take_the_file_newline_and_shared_imports_are_added_once():
    lint = linter([(r"\bold\b", "flags", "safe", "from absl import flags")])
    source = "import tensorflow as tf\r\nx = old\r\ny = old\r\n"
    outcome = fix_text(source, "t.py", Config(), lint=lint, newline=newline_of(source))
    assert outcome.source == "import tensorflow as tf\r\nfrom absl import flags\r\nx = flags\r\ny = flags\r\n"
    assert len(outcome.fixed) == 2
    fix = with_newline(rename(1, 0, "a", "b", imports="import x"), "\r")
    assert fix.edits[1].content == "import x\r"


@pytest.mark.parametrize("text, newline", [("a\r\nb\n", "\r\n"), ("a\rb", "\r"), ("a\nb\r\n", "\n"), ("a", "\n")])
def test_newline_of_is_the_first_line_break(text, newline):
    assert newline_of(text) == newline


def test_source_text_round_trips_bytes():
    for data in (b"\xef\xbb\xbfimport tensorflow\r\n", b"# coding: latin-1\nx = '\xe9'\n", b"x = 1"):
        source = SourceText.decode(data)
        assert source.encode(source.text) == data


def test_a_failed_write_leaves_the_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.py"
    path.write_text("import tensorflow as tf\ny = tf.log(x)\n")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = fix_files.fix_file(str(path), Config())
    assert result.error is not None and result.error.code == "TF007"
    assert "cannot write the fixed file: Permission denied" in result.error.message
    assert not result.written and result.fixed == []
    assert path.read_text() == "import tensorflow as tf\ny = tf.log(x)\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]


# ----- TF1 evidence across passes ----------------------------------------------------------------

TF1_POISSON = "import tensorflow as tf\n\ny = tf.log(x)\ns = tf.random.poisson(lam, [10])\n"


def test_later_passes_keep_the_tf1_evidence_of_the_text_before_the_fixes():
    from tf2lint.engine import Carried, lint_source

    outcome = fix_text(TF1_POISSON, "t.py", Config())
    assert outcome.source == TF1_POISSON.replace("tf.log(", "tf.math.log(")
    assert [f.code for f in outcome.fixed] == ["TF902"]
    # The renamed `tf.log` was the evidence; `tf.random.poisson(lam, shape)` still is TF1's call.
    assert [(f.code, f.start.row) for f in outcome.findings] == [("TF906", 4)]
    assert outcome.evidence is Severity.ERROR and outcome.carried
    # Linted afresh, the fixed text holds no evidence: that is what the loop must not rely on.
    assert [f.code for f in lint_source(outcome.source, "t.py", Config())] == []
    assert [f.code for f in lint_source(outcome.source, "t.py", Config(), evidence=Carried(Severity.ERROR))] == ["TF906"]


def test_tf2_code_gains_no_evidence_from_the_loop():
    source = "import tensorflow as tf\n\ns = tf.random.poisson([10], lam)\ny = tf.random.poisson(lam, [10])\n"
    outcome = fix_text(source, "t.py", Config())
    assert outcome.source == source and outcome.evidence is None and not outcome.carried
    assert outcome.findings == []


def test_fixed_files_keep_the_evidence_but_do_not_cache_it(tmp_path):
    path = tmp_path / "t.py"
    path.write_text(TF1_POISSON)
    result = fix_files.fix_file(str(path), Config())
    assert result.written and result.carried
    assert [f.code for f in result.findings] == ["TF906"]
    # A file whose own evidence remains is cached as usual.
    other = tmp_path / "u.py"
    other.write_text(TF1_POISSON + "x = tf.placeholder(tf.float32)\n")
    again = fix_files.fix_file(str(other), Config())
    assert again.written and not again.carried
    assert sorted(f.code for f in again.findings) == ["TF102", "TF906"]


SOFTMAX_V2 = "import tensorflow as tf\n\nsess = tf.Session()\nloss = tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=z)\n"


def test_a_name_the_fix_wrote_is_tf2_code_for_changed_meaning():
    # TF2's `tf.nn.softmax_cross_entropy_with_logits` is TF1's `_v2` (TF 2.21: gradients flow
    # into `labels` in both); the rename must not turn it into a TF1 call TF906 reports.
    outcome = fix_text(SOFTMAX_V2, "t.py", Config())
    assert outcome.source == SOFTMAX_V2.replace("_with_logits_v2(", "_with_logits(")
    assert [f.code for f in outcome.findings] == ["TF101"]
    assert outcome.carried  # a fresh lint cannot tell the renamed call from TF1's own
    # TF1's own function, written by the user in the same module, is still reported.
    own = SOFTMAX_V2 + "old = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=z)\n"
    assert [(f.code, f.start.row) for f in fix_text(own, "t.py", Config()).findings] == [("TF101", 3), ("TF906", 5)]
    genuine = SOFTMAX_V2 + "old = tf.compat.v1.nn.softmax_cross_entropy_with_logits(labels=y, logits=z)\n"
    assert ("TF906", 5) in [(f.code, f.start.row) for f in fix_text(genuine, "t.py", Config()).findings]


def test_written_follows_the_text_the_fixes_wrote_across_passes():
    from tf2lint.fix.edits import apply_fixes, written

    source = "ab tf.log(x) cd\n"
    first = [rename(1, 3, "tf.log", "tf.math.log"), Fix("safe", (Edit(Position(1, 0), Position(1, 0), "Z"),), "m")]
    new, applied = apply_fixes(source, first)
    ranges = written(source, applied)
    assert [new[a:b] for a, b in ranges] == ["Z", "tf.math.log"]
    # A later pass: an edit before the ranges moves them, an edit inside one keeps it, one cutting into it drops it.
    second = [Fix("safe", (Edit(Position(1, 1), Position(1, 3), "abc"),), "m"), rename(1, 4, "tf.math", "tf.compat")]
    newer, applied = apply_fixes(new, second)
    assert [newer[a:b] for a, b in written(new, applied, ranges)] == ["Z", "abc", "tf.compat", "tf.compat.log"]
    cut = [Fix("safe", (Edit(Position(1, 0), Position(1, 6), ""),), "m")]
    newest, applied = apply_fixes(new, cut)
    assert [newest[a:b] for a, b in written(new, applied, ranges)] == []
