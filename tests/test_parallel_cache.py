"""Scale: -j N reports exactly what -j 1 reports; the cache serves unchanged files and
misses on any change of content, configuration or tool; .gitignore-aware discovery."""

import json
import re

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_notebook import NB
from tf2lint.cache import Cache
from tf2lint.config import Config
from tf2lint.discovery import discover
from tf2lint.registry import all_rules
from tf2lint.runner import PARALLEL_MIN_FILES, run

STATS = re.compile(r"(\d+) files?: (\d+) checked, (\d+) from cache; (\d+) jobs?")


def make_tree(root, copies=3):
    """A tree of real TF1 code: every rule's examples, the example script, notebooks, a
    broken file and files without TensorFlow, spread over nested packages."""
    example = (ROOT / "examples" / "train_tf1.py").read_text()
    count = 0
    for n in range(copies):
        for rule in all_rules():
            for kind in ("INVALID", "VALID"):
                for i, source in enumerate(getattr(rule, kind)):
                    target = root / f"pkg{n}" / f"family{rule.family()}" / f"{rule.code.lower()}_{kind.lower()}_{i}.py"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(source)
                    count += 1
        # Shifted copies: the same findings on other lines.
        (root / f"pkg{n}" / "train.py").write_text("\n" * n + example)
        (root / f"pkg{n}" / "nb.ipynb").write_bytes(NB)
        (root / f"pkg{n}" / "plain.py").write_text("import os\nprint(os.getcwd())\n")
        count += 3
    (root / "broken.py").write_text("import tensorflow as tf\nprint 'hi'\n")
    return count + 1


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree")
    count = make_tree(root)
    assert count > 4 * PARALLEL_MIN_FILES
    return root


def stats(stderr):
    match = STATS.search(stderr)
    assert match, stderr
    return tuple(int(g) for g in match.groups())


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_2_reports_exactly_what_jobs_1_reports(tree, fmt):
    serial = run_cli("check", "--isolated", "--no-cache", "-v", "-j", "1", "--output-format", fmt, ".", cwd=tree)
    parallel = run_cli("check", "--isolated", "--no-cache", "-v", "-j", "2", "--output-format", fmt, ".", cwd=tree)
    assert serial.returncode == parallel.returncode == 1
    assert stats(serial.stderr)[3] == 1
    assert stats(parallel.stderr)[3] == 2  # the pool really ran
    assert parallel.stdout == serial.stdout
    if fmt == "json":
        items = json.loads(serial.stdout)
        assert len(items) > 100
        keys = [(i["filename"], i.get("cell", 0), i["location"]["row"], i["location"]["column"], i["code"]) for i in items]
        assert keys == sorted(keys)


def test_few_files_are_checked_in_process(tree):
    result = run_cli("check", "--isolated", "--no-cache", "-v", "-j", "4", "pkg0/train.py", "pkg1/train.py", cwd=tree)
    assert stats(result.stderr)[3] == 1


def test_second_run_is_served_from_the_cache(tree, tmp_path):
    cache = tmp_path / "cache"
    first = run_cli("check", "--isolated", "-v", "--cache-dir", cache, "--output-format", "json", ".", cwd=tree)
    files, checked, cached, _ = stats(first.stderr)
    assert (checked, cached) == (files, 0)
    second = run_cli("check", "--isolated", "-v", "--cache-dir", cache, "--output-format", "json", ".", cwd=tree)
    assert stats(second.stderr)[1:3] == (0, files)
    assert second.stdout == first.stdout
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").is_file()


def test_changed_content_or_configuration_misses(tree, tmp_path):
    work = tmp_path / "work"
    make_tree(work, copies=1)
    cache = tmp_path / "cache"

    def check(*args):
        result = run_cli("check", "--isolated", "-v", "--cache-dir", cache, "--output-format", "json", *args, ".", cwd=work)
        return stats(result.stderr), json.loads(result.stdout)

    (files, _, _, _), before = check()
    train = work / "pkg0" / "train.py"
    train.write_text(train.read_text() + "\nsess2 = tf.Session()\n")
    (_, checked, cached, _), after = check()
    assert (checked, cached) == (1, files - 1)
    assert len(after) == len(before) + 1
    # Another target version or selection is another configuration: nothing is reused...
    assert check("--target-version", "2.15")[0][1] == files
    assert check("--select", "TF1")[0][1] == files
    # ...and going back finds the first configuration's results again.
    assert check()[0][1] == 0


def test_cache_hit_rechecks_nothing_and_gives_the_same_findings(tmp_path):
    """The speed of a cache hit is measured in benchmarks/bench.py (cold/warm); here,
    that a warm run lints no file and returns exactly what the cold run found."""
    example = (ROOT / "examples" / "train_tf1.py").read_text()
    for n in range(8):
        (tmp_path / "tree" / f"m{n % 4}").mkdir(parents=True, exist_ok=True)
        (tmp_path / "tree" / f"m{n % 4}" / f"train_{n}.py").write_text("\n" * n + example)
    paths, _ = discover([str(tmp_path / "tree")], Config())
    cache_dir = tmp_path / "cache"
    first, first_stats = run(paths, Config(), cache=Cache(str(cache_dir), Config()))
    second, second_stats = run(paths, Config(), cache=Cache(str(cache_dir), Config()))
    assert first_stats.checked == 8
    assert second_stats.checked == 0
    assert any(r.findings for r in first)
    assert [r.findings for r in second] == [r.findings for r in first]


def test_no_cache_writes_nothing(tree, tmp_path):
    result = run_cli("check", "--isolated", "--no-cache", "pkg0/train.py", cwd=tree)
    assert result.returncode == 1
    assert not (tree / ".tf2lint_cache").exists()


def test_default_cache_lives_next_to_the_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.tf2lint]\nselect = ['TF']\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.py").write_text("import tensorflow as tf\ntf.Session()\n")
    result = run_cli("check", "a.py", cwd=tmp_path / "sub")
    assert result.returncode == 1
    assert (tmp_path / ".tf2lint_cache" / ".gitignore").is_file()


def test_corrupt_cache_is_ignored(tmp_path):
    (tmp_path / "a.py").write_text("import tensorflow as tf\ntf.Session()\n")
    first = run_cli("check", "--isolated", "-v", "a.py", cwd=tmp_path)
    for path in (tmp_path / ".tf2lint_cache").glob("results-*.json"):
        path.write_text("{not json")
    second = run_cli("check", "--isolated", "-v", "a.py", cwd=tmp_path)
    assert second.stdout == first.stdout
    assert stats(second.stderr)[1] == 1


# ----- .gitignore-aware discovery ----------------------------------------------------------


@pytest.fixture
def ignoring_repo(tmp_path):
    (tmp_path / ".git").mkdir()  # the top of a work tree
    (tmp_path / ".gitignore").write_text("generated/\n*_pb2.py\n/scratch.py\n")
    for rel in ("a.py", "scratch.py", "model_pb2.py", "generated/g.py", "pkg/b.py", "pkg/scratch.py",
                "pkg/keep_pb2.py", "pkg/local.py", "pkg/deep/c.py"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("import tensorflow as tf\ntf.Session()\n")
    (tmp_path / "pkg" / ".gitignore").write_text("!keep_pb2.py\nlocal.py\n")
    return tmp_path


def names(files, root):
    return sorted(str(p)[len(str(root)) + 1 :] for p in files)


def test_gitignored_files_are_not_discovered(ignoring_repo):
    files, _ = discover([str(ignoring_repo)], Config())
    assert names(files, ignoring_repo) == ["a.py", "pkg/b.py", "pkg/deep/c.py", "pkg/keep_pb2.py", "pkg/scratch.py"]


def test_rules_above_the_checked_directory_apply(ignoring_repo):
    files, _ = discover([str(ignoring_repo / "pkg")], Config())
    assert names(files, ignoring_repo) == ["pkg/b.py", "pkg/deep/c.py", "pkg/keep_pb2.py", "pkg/scratch.py"]


def test_named_files_are_checked_unless_force_exclude(ignoring_repo):
    named = [str(ignoring_repo / "model_pb2.py"), str(ignoring_repo / "pkg" / "local.py")]
    assert discover(named, Config())[0] == sorted(named)
    assert discover(named, Config(), force_exclude=True)[0] == []
    result = run_cli("check", "--isolated", "--no-cache", "--force-exclude", "model_pb2.py", "a.py", cwd=ignoring_repo)
    assert "model_pb2.py" not in result.stdout and "a.py:2:1" in result.stdout


def test_respecting_gitignore_can_be_turned_off(ignoring_repo):
    files, _ = discover([str(ignoring_repo)], Config(), respect_gitignore=False)
    assert len(files) == 9
    result = run_cli("check", "--isolated", "--no-cache", "--no-respect-gitignore", "--output-format", "json", ".",
                     cwd=ignoring_repo)
    assert len({i["filename"] for i in json.loads(result.stdout)}) == 9
