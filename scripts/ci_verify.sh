#!/usr/bin/env bash
# The execution check under both pinned TensorFlows, as CI runs it.
#
#   scripts/ci_verify.sh VENV_ROOT
#
# Creates (or reuses) VENV_ROOT/tf-2.15 (tensorflow-cpu 2.15 + tensorflow-estimator: Keras 2,
# Estimator) and VENV_ROOT/tf-2.21 (tensorflow-cpu 2.21.0: Keras 3), installs this checkout
# with its `verify` extra into each, and runs `tf2lint verify` in each. Exits 1 when either run
# has a `failed` verdict (or cannot run). Each run's JSON goes to VENV_ROOT/verify-<name>.json,
# the input of scripts/record_verification.py; scripts/compare_verification.py then fails the
# run when the results drifted from tf2lint/data/verification.json. CI=true (set here unless
# given) makes a pair whose package is missing fail instead of skip. Set PYTHON to choose the
# interpreter (python3).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV_ROOT="${1:?usage: scripts/ci_verify.sh VENV_ROOT}"
PYTHON="${PYTHON:-python3}"
mkdir -p "$VENV_ROOT"
VENV_ROOT="$(cd "$VENV_ROOT" && pwd)"

status=0
export CI="${CI:-true}"

verify_in() {
    local name="$1"
    shift
    local venv="$VENV_ROOT/$name"
    echo "== $name: installing $* and tf2lint[verify]"
    [ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    # One resolve: the pins win over the extra's lower bounds.
    "$venv/bin/python" -m pip install --quiet "$@" -e "$ROOT[verify]"
    echo "== $name: tf2lint verify"
    local start=$SECONDS
    local rc=0
    (cd "$ROOT" && "$venv/bin/tf2lint" verify --no-progress --output-format json >"$VENV_ROOT/verify-$name.json") || rc=$?
    "$venv/bin/python" - "$VENV_ROOT/verify-$name.json" <<'EOF' || rc=1
import json, sys
from tf2lint.verify.report import render_records
render_records(json.load(open(sys.argv[1])), sys.stdout)
EOF
    echo "== $name: exit $rc, $((SECONDS - start)) s"
    [ "$rc" -eq 0 ] || status=1
}

verify_in tf-2.15 "tensorflow-cpu==2.15.*" "tensorflow-estimator==2.15.*"
verify_in tf-2.21 "tensorflow-cpu==2.21.0"

echo "== compare with tf2lint/data/verification.json"
"$PYTHON" "$ROOT/scripts/compare_verification.py" "$VENV_ROOT/verify-tf-2.15.json" "$VENV_ROOT/verify-tf-2.21.json" || status=1

echo "TensorFlow pythons for the pytest verify tests: TF2LINT_TF_PYTHON=$VENV_ROOT/tf-2.21/bin/python"
exit "$status"
