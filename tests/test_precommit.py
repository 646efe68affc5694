"""The pre-commit hook end to end: the real `pre-commit` installs this checkout and runs it.

`pre-commit try-repo` clones the checkout (with its uncommitted changes) and installs it into
a fresh environment with pip, exactly as `repo: <url>` in a `.pre-commit-config.yaml` would;
PRE_COMMIT_HOME points into the test's temporary directory, so nothing is shared with the
user's cache.  This test never skips: without git or pre-commit it fails and says why.
"""

import shutil
import subprocess
import textwrap

import yaml

from tests import plugin_tools as tools
from tests.conftest import ROOT

TF1 = textwrap.dedent(
    """\
    import tensorflow as tf

    x = tf.placeholder(tf.float32, [None, 3])
    y = tf.layers.dense(x, 1)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
    """
)
TF2 = textwrap.dedent(
    """\
    import tensorflow as tf

    layer = tf.keras.layers.Dense(1)


    @tf.function
    def predict(x):
        return layer(x)
    """
)


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def test_hook_definition_matches_the_cli():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "tf2lint"
    assert hook["entry"] == "tf2lint check --force-exclude"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["python", "jupyter"]
    assert hook["require_serial"] is True


def test_pre_commit_fails_on_tf1_code_and_passes_once_fixed(tmp_path):
    assert shutil.which("git"), "git is needed to run pre-commit"
    assert (ROOT / ".git").exists(), f"{ROOT} is not a git checkout: pre-commit installs hooks from git"
    repo = tmp_path / "repo"
    (repo / "legacy").mkdir(parents=True)
    (repo / "train.py").write_text(TF1, encoding="utf-8")
    (repo / "legacy" / "old_train.py").write_text(TF1, encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.tf2lint]\nexclude = ["legacy"]\n', encoding="utf-8")
    git("init", "-q", ".", cwd=repo)
    git("add", "-A", cwd=repo)

    def pre_commit():
        env = tools.env({"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"})
        env.pop("PYTHONPATH")  # the hook must run the tf2lint pre-commit installed, not this checkout
        return subprocess.run(
            [tools.executable("pre-commit"), "try-repo", str(ROOT), "tf2lint", "--all-files"],
            cwd=repo, capture_output=True, text=True, env=env, timeout=900,
        )

    failed = pre_commit()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "tf2lint" in failed.stdout and "Failed" in failed.stdout
    for code in ("TF101", "TF102", "TF104", "TF205"):
        assert f"train.py:" in failed.stdout and code in failed.stdout, failed.stdout
    # pre-commit passes legacy/old_train.py explicitly; --force-exclude honours `exclude`.
    assert "old_train.py" not in failed.stdout

    (repo / "train.py").write_text(TF2, encoding="utf-8")
    git("add", "-A", cwd=repo)
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
