"""The pre-commit hook end to end: the real `pre-commit` installs this project and runs it.

The project's working tree (committed or not) is snapshotted into a temporary git repository,
and a user repository's `.pre-commit-config.yaml` names it with `repo:` and the snapshot's
`rev:`, as a user's configuration names the published repository.  `pre-commit run
--all-files` then clones it and installs it with pip into a fresh environment;
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


SNAPSHOT_SKIPS = shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", "*_cache", ".venv", "build", "dist")


def git(*args, cwd):
    identity = ["-c", "user.name=tf2lint tests", "-c", "user.email=tests@tf2lint.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def snapshot(destination):
    """The working tree as a one-commit repository; returns the commit."""
    shutil.copytree(ROOT, destination, ignore=SNAPSHOT_SKIPS)
    git("init", "-q", ".", cwd=destination)
    git("add", "-A", cwd=destination)
    git("commit", "-q", "-m", "snapshot", cwd=destination)
    return git("rev-parse", "HEAD", cwd=destination)


def test_hook_definition_matches_the_cli():
    hook, fixing = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "tf2lint"
    assert fixing["id"] == "tf2lint-fix" and fixing["args"] == ["--fix"]
    for definition in (hook, fixing):
        assert definition["entry"] == "tf2lint check --force-exclude"
        assert definition["language"] == "python"
        assert definition["types_or"] == ["python", "jupyter"]
        assert definition["require_serial"] is True


def test_pre_commit_fails_on_tf1_code_and_passes_once_fixed(tmp_path):
    assert shutil.which("git"), "git is needed to run pre-commit"
    hooks_repo = tmp_path / "tf2lint"
    rev = snapshot(hooks_repo)
    repo = tmp_path / "repo"
    (repo / "legacy").mkdir(parents=True)
    (repo / "train.py").write_text(TF1, encoding="utf-8")
    (repo / "legacy" / "old_train.py").write_text(TF1, encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.tf2lint]\nexclude = ["legacy"]\n', encoding="utf-8")
    config = {"repos": [{"repo": str(hooks_repo), "rev": rev, "hooks": [{"id": "tf2lint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("init", "-q", ".", cwd=repo)
    git("add", "-A", cwd=repo)

    def pre_commit():
        env = tools.env({"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"})
        env.pop("PYTHONPATH")  # the hook must run the tf2lint pre-commit installed, not this checkout
        return subprocess.run(
            [tools.executable("pre-commit"), "run", "--all-files"],
            cwd=repo, capture_output=True, text=True, env=env, timeout=900,
        )

    failed = pre_commit()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "tf2lint" in failed.stdout and "Failed" in failed.stdout
    reported = {line.split()[1] for line in failed.stdout.splitlines() if line.startswith("train.py:")}
    assert reported == {"TF101", "TF102", "TF103", "TF104", "TF205"}, failed.stdout
    # pre-commit passes legacy/old_train.py explicitly; --force-exclude honours `exclude`.
    assert "old_train.py" not in failed.stdout

    (repo / "train.py").write_text(TF2, encoding="utf-8")
    git("add", "-A", cwd=repo)
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


FIXABLE = "import tensorflow as tf\n\nif tf.gfile.Exists(path):  # a comment that stays\n    y = tf.log(x)\n"


def test_fix_hook_rewrites_the_file_fails_once_then_passes(tmp_path):
    assert shutil.which("git"), "git is needed to run pre-commit"
    rev = snapshot(tmp_path / "tf2lint")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "train.py").write_text(FIXABLE, encoding="utf-8")
    config = {"repos": [{"repo": str(tmp_path / "tf2lint"), "rev": rev, "hooks": [{"id": "tf2lint-fix"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("init", "-q", ".", cwd=repo)
    git("add", "-A", cwd=repo)

    def pre_commit():
        env = tools.env({"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"})
        env.pop("PYTHONPATH")
        return subprocess.run(
            [tools.executable("pre-commit"), "run", "--all-files"],
            cwd=repo, capture_output=True, text=True, env=env, timeout=900,
        )

    first = pre_commit()
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout and "files were modified by this hook" in first.stdout, first.stdout
    assert (repo / "train.py").read_text(encoding="utf-8") == FIXABLE.replace("tf.gfile.Exists", "tf.io.gfile.exists").replace(
        "tf.log", "tf.math.log"
    )
    git("add", "-A", cwd=repo)
    second = pre_commit()
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
