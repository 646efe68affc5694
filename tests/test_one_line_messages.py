"""flake8 and pylint print one line per message: replacements rendered from a call that spans
several lines are joined, through the real executables."""

import re
import textwrap

import pytest

from tests import plugin_tools as tools
from tf2lint.one_line import one_line

# Calls spread over several lines, as real code writes them (the shapes come from magenta and
# tensor2tensor); replacements that quote the user's arguments keep their line breaks.
SOURCE = textwrap.dedent(
    """\
    import tensorflow as tf
    w = tf.get_variable("w", shape=[3],
                        initializer=tf.constant_initializer(
                            0.5))
    audio, pitch = tf.train.batch(
        [
            audio, pitch
        ],
        batch_size=32,
        enqueue_many=True)
    loss = tf.losses.sigmoid_cross_entropy(
        labels[:, :, :88],
        logits[:, :, :88],
        weights=tf.expand_dims(
            tf.sequence_mask(
                length, maxlen=tf.shape(labels)[1]), 2))
    with tf.Session() as sess:
        sess.run(w,
                 feed_dict={x: [[1.0]]})
    """
)
FLAKE8_LINE = re.compile(r"^model\.py:\d+:\d+: TF\d{3} ")
PYLINT_LINE = re.compile(r"^model\.py:\d+:\d+: W7\d{3}: TF\d{3} ")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("`tf.cast(tf.tile(\n        x, [1, 2]), tf.float32)`", "`tf.cast(tf.tile(x, [1, 2]), tf.float32)`"),
        ("f(a,\n  b\n)", "f(a, b)"),
        ("with w.as_default():\n    tf.summary.scalar('a', x, step=s)\nw.flush()",
         "with w.as_default(): tf.summary.scalar('a', x, step=s); w.flush()"),
        ("a = '('\nb = 2", "a = '('; b = 2"),
        ("one line", "one line"),
        ("ends\r\nwith CRLF\r", "ends; with CRLF"),
    ],
)
def test_one_line(text, expected):
    assert one_line(text) == expected


@pytest.fixture
def project(tmp_path):
    (tmp_path / "model.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def cli_findings(project):
    return tools.cli_json(tools.tf2lint("check", "--isolated", "--output-format", "json", "model.py", cwd=project).stdout)


def _row(line):
    return int(line.split(":")[1]), int(line.split(":")[2])


def test_the_cli_keeps_the_line_breaks_the_plugins_join(project):
    assert any("\n" in f["replacement"] for f in cli_findings(project))


def test_flake8_prints_one_line_per_finding(project):
    result = tools.flake8("--isolated", "--select", "TF", "model.py", cwd=project)
    lines = result.stdout.splitlines()
    findings = cli_findings(project)
    assert len(lines) == len(findings) >= 3, result.stdout
    assert all(FLAKE8_LINE.match(line) for line in lines), result.stdout
    for line, finding in zip(lines, findings):
        assert line.endswith(f"-> {one_line(finding['replacement'])}")


def test_pylint_prints_one_line_per_message(project):
    result = tools.pylint("--disable=all", "--enable=W7101,W7103,W7201,W7308,W7402", "--score=n", "model.py", cwd=project)
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("*")]
    findings = cli_findings(project)
    assert len(lines) == len(findings) >= 3, result.stdout
    assert all(PYLINT_LINE.match(line) for line in lines), result.stdout
    for line, finding in zip(sorted(lines, key=_row), findings):
        assert f"-> {one_line(finding['replacement'])}" in line
