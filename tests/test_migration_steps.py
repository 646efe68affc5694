"""Every rule carries the migration guide's step, and the rule page and `tf2lint rule` show it."""

from tests.conftest import run_cli
from tf2lint.data.migration_steps import BY_CODE, STEPS
from tf2lint.registry import all_rules


def test_every_rule_has_one_of_the_five_steps():
    rules = all_rules()
    assert rules
    for rule in rules:
        assert rule.step in STEPS, rule.code
    assert set(BY_CODE) <= {rule.code for rule in rules}  # no stale per-code entry


def test_steps_follow_the_guide_for_representative_rules():
    steps = {rule.code: rule.step for rule in all_rules()}
    assert steps["TF902"] == 1 and steps["TF903"] == 1  # renamed symbols and keywords
    assert steps["TF601"] == 2 and steps["TF602"] == 2  # tf.contrib
    assert steps["TF101"] == 3 and steps["TF201"] == 3 and steps["TF203"] == 3  # sessions, variables, collections
    assert steps["TF301"] == 4 and steps["TF401"] == 4 and steps["TF801"] == 4  # training, input, saving
    assert steps["TF990"] == 5  # compat.v1 to idiomatic TF2


def test_rule_command_shows_the_step_and_accepts_the_symbol():
    by_code = run_cli("rule", "TF101")
    by_symbol = run_cli("rule", "tf1-session")
    assert by_code.returncode == 0 and by_symbol.returncode == 0, by_symbol.stderr
    assert by_symbol.stdout == by_code.stdout
    assert "Migration step 3 of 5: Run the forward pass eagerly" in by_code.stdout
    lower = run_cli("rule", "tf101")
    assert lower.stdout == by_code.stdout


def test_rules_listing_shows_each_step():
    listing = run_cli("rules").stdout.splitlines()
    assert any(line.startswith("TF101  tf1-session") and " step 3  Reports `tf.Session`" in line for line in listing)
    assert any(line.startswith("TF990") and " step 5  " in line for line in listing)


def test_unknown_rule_is_an_error_naming_both_forms():
    result = run_cli("rule", "no-such-rule")
    assert result.returncode == 2
    assert "no-such-rule" in result.stderr and "code or symbol" in result.stderr


def test_sarif_rules_carry_their_step_as_a_tag():
    from tf2lint.output.sarif import to_sarif

    rules = {r["id"]: r for r in to_sarif([], fingerprints=[])["runs"][0]["tool"]["driver"]["rules"]}
    assert "migration-step-3" in rules["TF101"]["properties"]["tags"]
    assert "migration-step-2" in rules["TF601"]["properties"]["tags"]
