"""benchmarks/fix_corpus.py on a small bundled sample (the full corpus run is a benchmark)."""

import shutil
import subprocess
import sys

from tests.conftest import FIXTURES, ROOT


def test_fix_corpus_checks_pass_on_the_bundled_sample(tmp_path):
    sample = tmp_path / "sample"
    (sample / "fixtures").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "train_tf1.py", sample)
    for path in FIXTURES.glob("*.py"):
        shutil.copy(path, sample / "fixtures")
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fix_corpus.py"), str(sample), "-j", "1"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("every file that parsed still parses", "a second --fix run changes nothing",
                  "no compat.v1 introduced", "no fix refused (TF007)"):
        assert f"ok   {check}" in result.stdout
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line.startswith("TF")}
    assert int(rows["TF902"][2]) > 0, result.stdout  # findings with a safe fix
    assert int(rows["TF902"][5]) < int(rows["TF902"][1])  # the fixes removed some
    # The sample itself is untouched: the script fixes a copy.
    assert (sample / "train_tf1.py").read_bytes() == (ROOT / "examples" / "train_tf1.py").read_bytes()


def test_fix_corpus_fails_on_a_missing_directory(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fix_corpus.py"), str(tmp_path / "none")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "no such directory" in result.stderr
