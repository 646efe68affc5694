"""`tf2lint verify` under real TensorFlow: the bundled pairs pass, and wrong replacements fail.

TensorFlow comes from this interpreter when it has it, else from the python named by
TF2LINT_TF_PYTHON. Without either the tests skip with that reason, except in CI (CI=true),
where they fail: a test that needs TensorFlow never skips silently there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

from tests.conftest import ROOT, tensorflow_python
from tf2lint.verify.compare import CONFIRMED, DOCUMENTED, FAILED, IDENTITY, SKIPPED, fmt
from tf2lint.verify.environment import version_tuple
from tf2lint.verify.pairs import load_pairs

PAIRS = load_pairs()


def run_verify(
    *args: str, timeout: float = 600, root: Path = ROOT, env_update: Optional[Dict[str, str]] = None
) -> Tuple[int, List[Dict[str, Any]], str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(root) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(env_update or {})
    result = subprocess.run(
        [tensorflow_python("the verify tests", current_first=True), "-m", "tf2lint", "verify", "--output-format", "json", *args],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        timeout=timeout,
    )
    try:
        records = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"verify printed no JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr[-3000:]}")
    return result.returncode, records, result.stderr


@pytest.fixture(scope="module")
def bundled() -> Tuple[int, List[Dict[str, Any]], str]:
    return run_verify()


def test_bundled_pairs_have_no_failure(bundled):
    code, records, stderr = bundled
    failed = [f"{r['pair']}: {r['detail']}" for r in records if r["verdict"] == FAILED]
    assert failed == [] and code == 0, failed or stderr[-3000:]


def test_every_pair_is_reported_once_with_the_json_fields(bundled):
    _, records, _ = bundled
    assert [r["pair"] for r in records] == [p.name for p in PAIRS]
    versions = {r["tf_version"] for r in records}
    assert len(versions) == 1
    for record, pair in zip(records, PAIRS):
        assert {"code", "verdict", "tf_version", "max_abs_diff", "detail"} <= set(record)
        assert record["code"] == pair.code and record["codes"] == list(pair.codes)


def test_verdicts_follow_the_pair_declarations(bundled):
    _, records, _ = bundled
    version = version_tuple(records[0]["tf_version"])
    for record, pair in zip(records, PAIRS):
        verdict, diff = record["verdict"], record["max_abs_diff"]
        if pair.max_tf is not None and version > pair.max_tf:
            assert verdict == SKIPPED and record["detail"].startswith(f"needs TF <= {pair.max_tf[0]}.{pair.max_tf[1]}")
            continue
        if verdict == SKIPPED:
            assert pair.requires and record["detail"].startswith("needs the "), pair.name
            continue
        if pair.difference is None:
            expected = IDENTITY if pair.identity or pair.reference is not None else CONFIRMED
            assert verdict == expected, (pair.name, record["detail"])
            assert diff is not None and diff <= pair.atol, pair.name
        else:
            # A documented difference states its measured magnitude.
            assert verdict == DOCUMENTED, (pair.name, record["detail"])
            assert diff is not None and diff > pair.atol and f"measured {fmt(diff)}" in record["detail"], pair.name


def test_every_family_has_a_confirmed_pair(bundled):
    _, records, _ = bundled
    confirmed = {family for r, p in zip(records, PAIRS) if r["verdict"] == CONFIRMED for family in p.families()}
    assert set(range(1, 10)) <= confirmed
    if version_tuple(records[0]["tf_version"]) <= (2, 15):
        assert any(r["verdict"] == CONFIRMED for r in records if "TF301" in r["codes"])


def test_rmsprop_comes_out_as_a_documented_difference(bundled):
    _, records, _ = bundled
    (rmsprop,) = [r for r in records if r["pair"] == "optimizer-rmsprop"]
    assert rmsprop["verdict"] == DOCUMENTED
    assert rmsprop["max_abs_diff"] > 1e-3
    assert "slot" in rmsprop["detail"]


def test_contrib_pairs_say_they_use_closed_form_math(bundled):
    _, records, _ = bundled
    contrib = [r for r in records if r["code"] == "TF602"]
    assert contrib and all(r["detail"].startswith("closed-form check") or "contrib's implementation" in r["detail"] for r in contrib)
    closed_form = [r for r in contrib if r["detail"].startswith("closed-form check")]
    assert closed_form and all(r["verdict"] == IDENTITY for r in closed_form)


def test_progress_goes_to_stderr(bundled):
    _, _, stderr = bundled
    assert "sample sides to run" in stderr


WRONG_SAMPLES = textwrap.dedent(
    '''
    """Replacements that are wrong on purpose: verify must catch every one."""
    from tf2lint.verify.pairs import Difference, Pair
    from tf2lint.verify.samples import models
    from tf2lint.verify.samples import optimizers as opt


    def adam_betas_swapped(workdir):
        import tensorflow as tf

        return opt.train_tf2(tf, tf.keras.optimizers.Adam(learning_rate=0.1, beta_1=0.99, beta_2=0.8, epsilon=1e-8))


    def rmsprop_rho_from_momentum(workdir):
        import tensorflow as tf

        return opt.train_tf2(tf, tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.5, momentum=0.9))


    def rmsprop_rho_from_momentum_tf1_numerics(workdir):
        import tensorflow as tf

        optimizer = tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.5, momentum=0.9, epsilon=1e-10)
        return opt.train_tf2(tf, optimizer, prepare=opt.start_rms_at_one)


    def raises(workdir):
        raise ValueError("no such layer")


    def kills_its_process(workdir):
        import os

        os._exit(3)


    def three(workdir):
        return {"y": [0.0, 1.0, 2.0]}


    def four(workdir):
        return {"y": [0.0, 1.0, 2.0, 3.0]}


    def nothing(workdir):
        return {"y": []}


    def train_without_slots(workdir):
        """The TF2 script resumed from the TF1 checkpoint with its weights but not Adam's slots."""
        import tensorflow as tf

        from tf2lint.verify.samples import models

        module = models._tf2_module("train_tf2.py")

        def weights_only(path, model, optimizer):
            tf.train.Checkpoint(model=model).restore(path).assert_existing_objects_matched()
            optimizer.iterations.assign(tf.train.load_checkpoint(path).get_tensor("global_step"))

        original, module.restore_tf1_checkpoint = module.restore_tf1_checkpoint, weights_only
        try:
            return models.train_script_tf2(workdir)
        finally:
            module.restore_tf1_checkpoint = original


    PAIRS = [
        Pair("adam-betas-swapped", ("TF701",), tf1=opt.adam_tf1, tf2=adam_betas_swapped, outputs="weights"),
        Pair(
            "rmsprop-rho-from-momentum",
            ("TF701",),
            tf1=opt.rmsprop_tf1,
            tf2=rmsprop_rho_from_momentum,
            outputs="weights",
            difference=Difference("slot", "TF1 starts at 1.0", explained_by=rmsprop_rho_from_momentum_tf1_numerics),
        ),
        Pair("gradient-descent-control", ("TF701",), tf1=opt.gd_tf1, tf2=opt.gd_tf2, outputs="weights"),
        Pair(
            "difference-that-is-not-there",
            ("TF701",),
            tf1=opt.gd_tf1,
            tf2=opt.gd_tf2,
            outputs="weights",
            difference=Difference("imaginary", "none", explained_by=opt.gd_tf2),
        ),
        Pair("tf2-side-raises", ("TF101",), tf1=three, tf2=raises, outputs="y"),
        Pair("shape-mismatch", ("TF101",), tf1=three, tf2=four, outputs="y"),
        Pair("empty-outputs", ("TF101",), tf1=nothing, tf2=nothing, outputs="y"),
        Pair("same-function", ("TF902",), tf1=three, tf2=three, outputs="y", identity="the same function"),
        Pair("tf1-side-raises-before-reader", ("TF801",), tf1=raises, tf2=three, outputs="y", tf2_reads_tf1=True),
        Pair("needs-old-tensorflow", ("TF301",), tf1=three, tf2=three, outputs="y", max_tf=(1, 15)),
        Pair("needs-missing-package", ("TF805",), tf1=three, tf2=three, outputs="y", requires=("tf2lint_no_such_package",)),
        # Last: it ends the TF2 worker, so no TF2 side may come after it.
        Pair("tf2-worker-dies", ("TF101",), tf1=three, tf2=kills_its_process, outputs="y"),
    ]
    '''
)


@pytest.fixture(scope="module")
def wrong(tmp_path_factory) -> Tuple[int, Dict[str, Dict[str, Any]]]:
    path = tmp_path_factory.mktemp("samples") / "wrong_replacements.py"
    path.write_text(WRONG_SAMPLES)
    code, records, _ = run_verify("--samples", str(path), "--no-progress", env_update={"CI": ""})
    return code, {r["pair"]: r for r in records}


def test_a_wrong_replacement_fails_the_run(wrong):
    code, records = wrong
    assert code == 1
    adam = records["adam-betas-swapped"]
    assert adam["verdict"] == FAILED and "exceeds atol 1e-06" in adam["detail"] and adam["max_abs_diff"] > 1e-3


def test_a_wrong_rho_mapping_is_not_mistaken_for_the_documented_difference(wrong):
    _, records = wrong
    rmsprop = records["rmsprop-rho-from-momentum"]
    assert rmsprop["verdict"] == FAILED and "not the documented difference" in rmsprop["detail"]


def test_the_control_pair_still_passes(wrong):
    _, records = wrong
    assert records["gradient-descent-control"]["verdict"] == CONFIRMED


def test_a_documented_difference_that_does_not_show_up_fails(wrong):
    _, records = wrong
    record = records["difference-that-is-not-there"]
    assert record["verdict"] == FAILED and "out of date" in record["detail"]


def test_errors_and_mismatches_fail_with_the_reason(wrong):
    _, records = wrong
    raised = records["tf2-side-raises"]["detail"]
    assert raised.startswith("TF2 side raised ValueError: no such layer (wrong_replacements.py:"), raised
    assert records["shape-mismatch"]["detail"] == "y: shape (3,) vs (4,)"
    died = records["tf2-worker-dies"]["detail"]
    assert died.startswith("TF2 side did not finish: tf2 worker exited with code 3"), died
    reader = records["tf1-side-raises-before-reader"]
    assert reader["verdict"] == FAILED and reader["detail"].startswith("TF1 side raised ValueError")
    assert all(records[name]["verdict"] == FAILED for name in ("tf2-side-raises", "shape-mismatch"))


def test_skips_say_why(wrong):
    _, records = wrong
    assert records["needs-old-tensorflow"]["verdict"] == SKIPPED
    assert records["needs-old-tensorflow"]["detail"] == "needs TF <= 1.15"
    assert records["needs-missing-package"]["detail"] == "needs the tf2lint_no_such_package package"


def test_empty_outputs_fail_and_identity_is_no_confirmation(wrong):
    _, records = wrong
    assert records["empty-outputs"]["verdict"] == FAILED and "empty output" in records["empty-outputs"]["detail"]
    same = records["same-function"]
    assert same["verdict"] == IDENTITY and same["detail"].startswith("identity (the same function)")


def test_a_missing_package_fails_in_ci(tmp_path):
    path = tmp_path / "missing_package.py"
    path.write_text(
        "from tf2lint.verify.pairs import Pair\n\n\ndef three(workdir):\n    return {'y': [0.0, 1.0, 2.0]}\n\n\n"
        "PAIRS = [Pair('needs-missing-package', ('TF805',), tf1=three, tf2=three, outputs='y', "
        "requires=('tf2lint_no_such_package',))]\n"
    )
    code, records, _ = run_verify("--samples", str(path), "--no-progress", env_update={"CI": "true"})
    assert code == 1 and records[0]["verdict"] == FAILED
    assert records[0]["detail"].startswith("needs the tf2lint_no_such_package package: in CI")


def _mutated_checkout(tmp_path: Path, table: str, original: str, mutated: str) -> Path:
    """A copy of the package (and examples) with one mapping in a data table changed."""
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "tf2lint", copy / "tf2lint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "examples", copy / "examples")
    path = copy / "tf2lint" / "data" / table
    text = path.read_text(encoding="utf-8")
    assert text.count(original) == 1, f"the mapping to mutate is no longer in {table}: update this test"
    path.write_text(text.replace(original, mutated), encoding="utf-8")
    return copy


def test_a_mutated_mapping_fails_the_pair_that_runs_it(tmp_path):
    """The TF2 sides are tf2lint's own output: swap Adam's keyword renames and the Adam pair fails."""
    copy = _mutated_checkout(
        tmp_path, "optimizers.py", 'renames={"beta1": "beta_1", "beta2": "beta_2"}', 'renames={"beta1": "beta_2", "beta2": "beta_1"}'
    )
    samples = copy / "tf2lint" / "verify" / "samples" / "optimizers.py"
    code, records, stderr = run_verify("--samples", str(samples), "--no-progress", root=copy)
    by_name = {r["pair"]: r for r in records}
    assert code == 1, stderr[-2000:]
    adam = by_name["optimizer-adam"]
    assert adam["verdict"] == FAILED and adam["tf2_source"] in ("fix", "replacement"), adam
    assert adam["max_abs_diff"] > 1e-3
    assert by_name["optimizer-gradient-descent"]["verdict"] == CONFIRMED


def test_at_least_half_the_pairs_run_tf2lint_output(bundled):
    _, records, _ = bundled
    derived = [r for r in records if r["tf2_source"] in ("fix", "replacement")]
    assert len(derived) * 2 >= len(records), sorted(r["pair"] for r in records if r not in derived)
    hand = [r for r in records if r["tf2_source"] == "hand" and r["verdict"] != SKIPPED]
    assert all("TF2 side written by hand: " in r["detail"] for r in hand), [r["pair"] for r in hand]


def test_model_pairs_train_and_agree(bundled):
    _, records, _ = bundled
    models = [r for r in records if r["kind"] == "model"]
    assert len(models) >= 2
    for record in models:
        assert record["verdict"] == CONFIRMED and record["steps"] >= 10, record
        assert record["max_abs_diff"] is not None and record["max_abs_diff"] <= 1e-3


def test_nothing_is_skipped_for_a_missing_package(bundled):
    _, records, _ = bundled
    assert not [r["pair"] for r in records if r["verdict"] == SKIPPED and not r["detail"].startswith("needs TF <= ")]


def test_a_model_resumed_without_its_optimizer_slots_fails(tmp_path):
    path = tmp_path / "model_without_slots.py"
    path.write_text(
        WRONG_SAMPLES.split("PAIRS = [")[0]
        + textwrap.dedent(
            """
            PAIRS = [
                Pair(
                    "model-without-slots",
                    ("TF801",),
                    tf1=models.train_script_tf1,
                    tf2=train_without_slots,
                    outputs="losses and weights",
                    atol=1e-4,
                    rtol=1e-4,
                    tf2_reads_tf1=True,
                    kind="model",
                    steps=20,
                ),
            ]
            """
        )
    )
    code, records, _ = run_verify("--samples", str(path), "--no-progress")
    (record,) = records
    assert code == 1
    assert record["verdict"] == FAILED and "(in resumed_" in record["detail"], record["detail"]
