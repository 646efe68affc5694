"""The sample pairs are proof that the advice is lint-clean: each TF1 side reports its pair's
rule codes, each TF2 side reports nothing. Also the pairs' metadata. No TensorFlow needed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace

import pytest

from tests.conftest import ROOT
from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.registry import all_rules
from tf2lint.verify.pairs import Pair, load_pairs, select

PAIRS = load_pairs()
IMPLEMENTED = {cls.code for cls in all_rules()}
ALLOCATED = re.compile(r"^TF[1-9][0-9]{2}$")


def _codes(source: str, name: str) -> set:
    return {f.code for f in lint_source(source, name, Config())}


def _pair_code_params():
    for pair in PAIRS:
        for code in pair.codes:
            yield pytest.param(pair, code, id=f"{pair.name}-{code}")


@pytest.mark.parametrize("pair, code", list(_pair_code_params()))
def test_tf1_side_reports_the_pair_code(pair: Pair, code: str):
    assert code in IMPLEMENTED, f"{code} is not in the catalog"
    config = Config() if pair.target is None else replace(Config(), target_version=pair.target)
    assert code in {f.code for f in lint_source(pair.source("tf1"), f"{pair.name}_tf1.py", config)}


def _tf2_side_params():
    for pair in PAIRS:
        for side in pair.sides():
            if side != "tf1":
                yield pytest.param(pair, side, id=f"{pair.name}-{side}")


@pytest.mark.parametrize("pair, side", list(_tf2_side_params()))
def test_tf2_side_is_lint_clean(pair: Pair, side: str):
    findings = lint_source(pair.source(side), f"{pair.name}_{side}.py", Config())
    assert findings == [], [f"{f.code} {f.start.row}: {f.message}" for f in findings]


def test_tf1_sides_use_compat_v1_with_v2_behavior_disabled():
    for pair in PAIRS:
        if pair.tf1 is None:
            continue
        source = pair.source("tf1")
        if pair.program or pair.files:
            # A TF1 program written as users wrote it; the harness runs it through tf.compat.v1.
            assert "import tensorflow as tf" in source and "import tensorflow.compat.v1" not in source, pair.name
            continue
        assert "import tensorflow.compat.v1 as tf" in source and "tf.disable_v2_behavior()" in source, pair.name
        assert "import tensorflow as tf" not in source, pair.name


# Pairs whose TF2 side is a `tf.compat.v1` bridge because that is the only TF2 way to run the TF1 artifact.
COMPAT_V1_BRIDGES = {
    "meta-graph-to-wrap-function": "a TF1 MetaGraph runs in TF2 only through tf.compat.v1.wrap_function",
}


def test_tf2_sides_use_plain_tensorflow():
    for pair in PAIRS:
        for side in pair.sides():
            if side != "tf1" and pair.name not in COMPAT_V1_BRIDGES:
                source = pair.source(side)
                assert "tf.compat.v1" not in source.replace("`tf.compat.v1`", "") and "disable_v2_behavior" not in source, (
                    pair.name,
                    side,
                )


@pytest.mark.parametrize("pair", [p for p in PAIRS if p.program], ids=lambda p: p.name)
def test_program_pairs_tf2_side_is_tf2lint_output(pair: Pair):
    """The TF2 program is tf2lint's fixes and rendered replacements applied to the TF1 program."""
    from tf2lint.verify.migrate import migrate

    result = migrate(pair.program)
    assert result.source != pair.program and (result.fixed or result.replaced), pair.name
    assert pair.tf2_source() in ("fix", "replacement")
    assert pair.source("tf2") == result.source


def test_hand_written_tf2_sides_are_the_rest():
    for pair in PAIRS:
        assert pair.tf2_source() == ("hand" if not pair.program else pair.tf2_source()), pair.name


def test_model_pairs_train_at_least_ten_steps():
    models = [p for p in PAIRS if p.kind == "model"]
    assert len(models) >= 2
    for pair in models:
        assert pair.steps is not None and pair.steps >= 10 and pair.tf2_reads_tf1, pair.name
        assert pair.files and all((ROOT / f).is_file() for f in pair.files), pair.name


def test_pair_metadata():
    names = [p.name for p in PAIRS]
    assert len(names) == len(set(names))
    for pair in PAIRS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pair.name), pair.name
        assert all(ALLOCATED.match(code) for code in pair.codes), pair.codes
        assert pair.outputs and pair.atol > 0 and pair.rtol >= 0, pair.name
        if pair.difference is not None:
            assert pair.difference.kind and pair.difference.description, pair.name
        if pair.reference is not None:
            assert pair.families() == (6,), "closed-form references are for tf.contrib, which cannot be imported"


def test_every_family_has_pairs():
    families = {family for pair in PAIRS for family in pair.families()}
    assert families == set(range(1, 10))


@pytest.mark.parametrize(
    "code",
    ["TF101", "TF102", "TF103", "TF201", "TF202", "TF203", "TF207", "TF301", "TF401", "TF402", "TF403", "TF501", "TF602",
     "TF701", "TF703", "TF801", "TF804", "TF805", "TF807", "TF902", "TF903"],
)
def test_codes_the_issue_lists_are_covered(code: str):
    assert select(PAIRS, rule=code), code


def test_every_optimizer_has_a_pair():
    names = {p.name for p in select(PAIRS, rule="TF701")}
    for optimizer in ("gradient-descent", "momentum", "adam", "adagrad", "adadelta", "ftrl", "rmsprop"):
        assert f"optimizer-{optimizer}" in names


def test_rmsprop_is_a_documented_difference():
    (rmsprop,) = [p for p in PAIRS if p.name == "optimizer-rmsprop"]
    assert rmsprop.difference is not None


def test_estimator_pairs_need_tf_2_15():
    for pair in select(PAIRS, rule="TF301"):
        assert pair.skip_reason((2, 16)) == "needs TF <= 2.15 (tf.estimator was removed in TF 2.16)"
        assert pair.skip_reason((2, 15)) is None


def test_select_by_rule_prefix_and_family():
    assert all(any(c.startswith("TF7") for c in p.codes) for p in select(PAIRS, rule="tf7"))
    family_two = select(PAIRS, family=2)
    assert family_two and all(2 in p.families() for p in family_two)
    both = select(PAIRS, rule="TF7", family=2)
    assert both and all(p.kind == "model" for p in both)  # only whole programs span families 2 and 7
    assert select(PAIRS, rule="TF8", family=5) == []


def test_a_missing_module_skips_the_pair_with_the_reason():
    (summaries,) = [p for p in select(PAIRS, rule="TF805") if p.name == "file-writer-scalars"]
    reason = summaries.skip_reason((2, 21), lambda name: name != "tensorboard")
    assert reason is not None and reason.startswith("needs the tensorboard package")
    assert summaries.skip_reason((2, 21), lambda name: True) is None


def test_contrib_pairs_lint_a_contrib_program():
    for pair in select(PAIRS, rule="TF602"):
        assert "tf.contrib" in pair.source("tf1") and pair.program, pair.name
        # The TF1 side runs contrib's body on tf.compat.v1, or a closed form says what contrib computed.
        assert pair.reference is not None or "contrib's implementation on tf.compat.v1" in pair.outputs, pair.name


def test_verify_list_needs_no_tensorflow(cli):
    result = cli("verify", "--list", "--rule", "TF701")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(select(PAIRS, rule="TF701"))
    assert any("optimizer-rmsprop" in line for line in lines)


def test_verify_rejects_a_selection_without_pairs(cli):
    result = cli("verify", "--rule", "TF999")
    assert result.returncode == 2
    assert "no sample pair matches" in result.stderr


def test_verify_reports_a_broken_samples_file(cli, tmp_path):
    bad = tmp_path / "bad_samples.py"
    bad.write_text("PAIRS = ['not a pair']\n")
    result = cli("verify", "--samples", str(bad), "--list")
    assert result.returncode == 2
    assert "cannot load sample pairs" in result.stderr


def test_linting_never_imports_tensorflow_or_numpy(cli, tmp_path):
    """The verify package is part of tf2lint, but `check` must not pull TensorFlow in."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import sys\n"
        "from tf2lint.cli import main\n"
        "main(['check', '--isolated', sys.argv[1]])\n"
        "import tf2lint.verify.cli, tf2lint.verify.pairs\n"
        "load = tf2lint.verify.pairs.load_pairs()\n"
        "assert 'tensorflow' not in sys.modules and 'numpy' not in sys.modules, 'imported'\n"
        "print('ok', len(load))\n"
    )
    source = tmp_path / "m.py"
    source.write_text("import tensorflow as tf\nx = tf.placeholder(tf.float32)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, str(probe), str(source)], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"ok {len(PAIRS)}"


# Every "(checked)" in an advice text, and the sample pair that checks it.
CHECKED_CLAIMS = {
    ("tf2lint/rules/tf5_feature_columns.py", "Same bucket ids as the column (checked)"): "numeric-bucket-vocabulary-identity",
    ("tf2lint/data/feature_columns.py", "same bucket ids; checked"): "numeric-bucket-vocabulary-identity",
    ("tf2lint/data/contrib.py", "instance normalization (checked)"): "contrib-instance-norm",
    ("tf2lint/data/contrib.py", "by the learning rate (checked)"): "contrib-adamw",
    ("tf2lint/data/feature_columns.py", "the vocabulary becomes 1..n (checked)"): "vocabulary-oov-bucket",
    ("tf2lint/data/feature_columns.py", "string form; checked"): "hash-bucket-and-cross",
    ("tf2lint/data/feature_columns.py", "default `hash_key` (checked)"): "hash-bucket-and-cross",
    ("tf2lint/data/saving.py", "load the checkpoint into the imported variables (checked)"): "meta-graph-to-wrap-function",
}


def test_advice_says_checked_only_where_a_pair_checks_it():
    names = {p.name for p in PAIRS}
    claimed = 0
    for path in sorted((ROOT / "tf2lint").rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "generated" in parts or "verify" in parts:
            continue
        text = path.read_text(encoding="utf-8")
        claimed += len(re.findall(r"[(;] ?checked\)", text))
    assert claimed == len(CHECKED_CLAIMS), "a new '(checked)' claim needs a sample pair and an entry here"
    for (file, snippet), pair in CHECKED_CLAIMS.items():
        assert snippet in (ROOT / file).read_text(encoding="utf-8"), (file, snippet)
        assert pair in names, pair


def test_meta_graph_pair_runs_the_printed_advice():
    """Each code span TF802 prints for the pair's TF1 call, placeholders aside, is a line of the TF2 side."""
    pair = next(p for p in PAIRS if p.name == "meta-graph-to-wrap-function")
    tf1 = pair.source("tf1")
    call = re.search(r"tf\.train\.import_meta_graph\(\w+\)", tf1)
    assert call, "the TF1 side imports a MetaGraph"
    [finding] = [f for f in lint_source(f"import tensorflow as tf\nsaver = {call.group(0)}\n", "m.py", Config())]
    spans = re.findall(r"`([^`]+)`", finding.replacement)
    tf2_lines = {line.strip() for line in pair.source("tf2").splitlines()}
    run = [span for span in spans if span in tf2_lines]
    assert run[:3] == [
        "savers = []",
        "imported = tf.compat.v1.wrap_function(lambda: savers.append(tf.compat.v1.train.import_meta_graph(meta_path)), [])",
        "restore = imported.prune(savers[0].saver_def.filename_tensor_name, savers[0].saver_def.restore_op_name)",
    ], spans
    assert "restore(tf.constant(checkpoint_prefix))" in run
    assert "tf.train.load_checkpoint(checkpoint_prefix).get_tensor(name)" in spans
    assert 'w = tf.train.load_checkpoint(checkpoint_prefix).get_tensor("dense/w")' in tf2_lines
