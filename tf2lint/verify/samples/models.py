"""Whole training programs (`kind="model"`): a TF1 script from `examples/` against its TF2 migration.

Each TF1 side runs the TF1 script as TF1 (see `tf2lint.verify.legacy`), saving Saver
checkpoints; each TF2 side runs the migrated script twice: from the TF1 checkpoint of step 0
(the same initial weights) and from the one of step 10 (optimizer slots restored by the
script's own TF1-checkpoint loader, which asserts that the checkpoint matched the model).
Both trajectories and the final weights are compared. The scripts live in the source tree's
`examples/` directory, so these pairs need a source checkout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tf2lint.verify.pairs import Pair

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
STEPS = 20
RESUME_AT = 10


def _tf2_module(filename: str):
    """Import a TF2 example as a module (once per process: absl flags are defined at import)."""
    import importlib.util

    name = "tf2lint_example_" + Path(filename).stem
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, EXAMPLES / filename)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot import {EXAMPLES / filename}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # autograph looks converted functions' modules up here
        spec.loader.exec_module(module)
    return sys.modules[name]


def _tf1_module(filename: str):
    from tf2lint.verify.legacy import load

    name = "tf2lint_example_" + Path(filename).stem
    if name not in sys.modules:
        sys.modules[name] = load(str(EXAMPLES / filename), name)
    return sys.modules[name]


def _plain(weights):
    return {name.replace("/", "_"): value for name, value in weights.items()}


def _outputs(losses, weights, resumed_losses, resumed_weights):
    outputs = {"losses": list(losses), "resumed_losses": list(resumed_losses)}
    outputs.update({f"w_{k}": v for k, v in _plain(weights).items()})
    outputs.update({f"resumed_w_{k}": v for k, v in _plain(resumed_weights).items()})
    return outputs


def train_script_tf1(workdir):
    module = _tf1_module("train_tf1.py")
    csv_path = os.path.join(workdir, "train.csv")
    module.write_csv(csv_path)
    losses, weights = module.train(csv_path, os.path.join(workdir, "tf1"), STEPS)
    # The run resumed at RESUME_AT continues the same trajectory.
    return _outputs(losses, weights, losses[RESUME_AT:], weights)


def train_script_tf2(workdir):
    module = _tf2_module("train_tf2.py")
    csv_path = os.path.join(workdir, "train.csv")
    tf1 = os.path.join(workdir, "tf1", "model.ckpt-")
    losses, weights = module.train(csv_path, os.path.join(workdir, "tf2"), STEPS, tf1_checkpoint=tf1 + "0")
    resumed_losses, resumed_weights = module.train(
        csv_path, os.path.join(workdir, "tf2-resumed"), STEPS - RESUME_AT, tf1_checkpoint=tf1 + str(RESUME_AT)
    )
    return _outputs(losses, weights, resumed_losses, resumed_weights)


def classifier_tf1(workdir):
    module = _tf1_module("classifier_tf1.py")
    losses, accuracies, weights = module.train(os.path.join(workdir, "tf1"), STEPS)
    outputs = _outputs(losses, weights, losses[RESUME_AT:], weights)
    outputs["accuracies"] = list(accuracies)
    return outputs


def classifier_tf2(workdir):
    module = _tf2_module("classifier_tf2.py")
    tf1 = os.path.join(workdir, "tf1", "model.ckpt-")
    losses, accuracies, weights = module.train(os.path.join(workdir, "tf2"), STEPS, tf1_checkpoint=tf1 + "0")
    resumed_losses, _, resumed_weights = module.train(os.path.join(workdir, "tf2-resumed"), STEPS, tf1_checkpoint=tf1 + str(RESUME_AT))
    outputs = _outputs(losses, weights, resumed_losses, resumed_weights)
    outputs["accuracies"] = list(accuracies)
    return outputs


PAIRS = [
    Pair(
        "model-train-script",
        ("TF701", "TF703", "TF201", "TF202", "TF401", "TF403", "TF801", "TF805"),
        tf1=train_script_tf1,
        tf2=train_script_tf2,
        outputs=(
            f"examples/train_tf1.py vs train_tf2.py: losses over {STEPS} steps from the TF1 step-0 checkpoint, "
            f"over {STEPS - RESUME_AT} steps resumed from the step-{RESUME_AT} checkpoint (Adam slots restored), "
            "and the final weights"
        ),
        atol=1e-4,
        rtol=1e-4,
        tf2_reads_tf1=True,
        kind="model",
        steps=STEPS,
        files=("examples/train_tf1.py", "examples/train_tf2.py"),
        hand="the migration restructures the whole script (session loop, queues, scopes, Saver); "
        "examples/train_tf2.py follows tf2lint's printed advice line by line",
    ),
    Pair(
        "model-classifier",
        ("TF307", "TF106", "TF305", "TF308", "TF406", "TF701", "TF201", "TF202", "TF901"),
        tf1=classifier_tf1,
        tf2=classifier_tf2,
        outputs=(
            f"examples/classifier_tf1.py vs classifier_tf2.py: losses and streaming accuracy over {STEPS} steps "
            f"from the TF1 step-0 checkpoint, losses over {STEPS - RESUME_AT} steps resumed from the "
            f"step-{RESUME_AT} checkpoint (Momentum slots restored), and the final weights"
        ),
        atol=1e-4,
        rtol=1e-4,
        tf2_reads_tf1=True,
        kind="model",
        steps=STEPS,
        files=("examples/classifier_tf1.py", "examples/classifier_tf2.py"),
        hand="the migration restructures the whole program (MonitoredTrainingSession, hooks, iterator, "
        "metric update ops); examples/classifier_tf2.py follows tf2lint's printed advice",
    ),
]
