"""SARIF output: valid against the official 2.1.0 schema and what GitHub code scanning reads."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, run_cli
from tests.test_notebook import NB
from tf2lint.docs import render_rule_page
from tf2lint.registry import all_rules

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

TF1 = """\
import tensorflow as tf
import tensorflow.compat.v1 as v1


class Model:
    def build(self):
        self.x = tf.placeholder(tf.float32, [None, 3])
        return v1.Session()


def train():
    with tf.Session() as sess:
        sess.run([train_op, tf.global_variables_initializer()])
"""


def validator():
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)


def errors(document):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(document)]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("sarif")
    (root / "src" / "my pkg").mkdir(parents=True)
    (root / "src" / "my pkg" / "model.py").write_text(TF1)
    (root / "src" / "broken.py").write_text("import tensorflow as tf\nprint 'hi'\n")
    (root / "nb.ipynb").write_bytes(NB)
    return root


@pytest.fixture(scope="module")
def outputs(project):
    sarif = run_cli("check", "--isolated", "--no-cache", "--output-format", "sarif", ".", cwd=project)
    assert sarif.returncode == 1, sarif.stderr
    plain = run_cli("check", "--isolated", "--no-cache", "--output-format", "json", ".", cwd=project)
    return json.loads(sarif.stdout), json.loads(plain.stdout)


def test_output_validates_against_the_sarif_schema(outputs):
    document, _ = outputs
    assert errors(document) == []


def test_the_schema_check_can_fail(outputs):
    document, _ = outputs
    broken = copy.deepcopy(document)
    del broken["version"]
    broken["runs"][0]["results"][0]["level"] = "fatal"
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(errors(broken)) == 3


def test_driver_describes_every_rule_from_the_catalog(outputs):
    document, _ = outputs
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["name"] == "tf2lint"
    assert driver["version"]
    assert driver["informationUri"].startswith("https://")
    catalog = all_rules()
    assert [r["id"] for r in driver["rules"]] == [cls.code for cls in catalog]
    for rule, cls in zip(driver["rules"], catalog):
        what, why = cls.docs()
        assert rule["name"] == cls.symbol
        assert rule["shortDescription"]["text"] == what
        assert why in rule["fullDescription"]["text"]
        assert rule["help"]["markdown"] == render_rule_page(cls) == rule["help"]["text"]
        assert rule["helpUri"] == cls.url()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_results_match_the_json_findings(outputs):
    document, plain = outputs
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(plain) > 4
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, item in zip(results, plain):
        assert result["ruleId"] == item["code"]
        assert rules[result["ruleIndex"]]["id"] == item["code"]
        assert result["level"] == levels[item["severity"]]
        assert result["message"]["text"].startswith(item["message"])
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not location["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert location["region"] == {
            "startLine": item["location"]["row"],
            "startColumn": item["location"]["column"],
            "endLine": item["end_location"]["row"],
            "endColumn": item["end_location"]["column"],
        }
    assert {r["level"] for r in results} >= {"error", "warning"}  # tf.X is removed, v1.X legacy


def test_uris_are_relative_and_percent_encoded(outputs):
    document, _ = outputs
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {"src/my%20pkg/model.py", "src/broken.py", "nb.ipynb"}
    root = document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root.startswith("file:///") and root.endswith("/")


def test_notebook_results_carry_the_cell(outputs):
    document, _ = outputs
    cells = [r["properties"]["cell"] for r in document["runs"][0]["results"] if r.get("properties")]
    assert cells == [3, 5]


def test_fingerprints_are_unique_and_survive_inserted_lines(project, tmp_path):
    target = tmp_path / "model.py"
    target.write_text(TF1)

    def fingerprints():
        result = run_cli("check", "--isolated", "--no-cache", "--output-format", "sarif", "model.py", cwd=tmp_path)
        results = json.loads(result.stdout)["runs"][0]["results"]
        return {
            r["partialFingerprints"]["tf2lint/v1"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for r in results
        }, len(results)

    before, count = fingerprints()
    assert len(before) == count  # unique per result
    target.write_text("import os\n\n\n" + TF1)
    after, _ = fingerprints()
    assert set(after) == set(before)
    assert all(after[fp] == before[fp] + 3 for fp in before)


def test_file_outside_the_working_directory_gets_an_absolute_uri(project, tmp_path):
    result = run_cli("check", "--isolated", "--no-cache", "--output-format", "sarif",
                     project / "src" / "my pkg" / "model.py", cwd=tmp_path)
    document = json.loads(result.stdout)
    assert errors(document) == []
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in location
    assert location["uri"] == (project / "src" / "my pkg" / "model.py").as_uri()


def test_clean_run_is_valid_sarif_with_no_results(tmp_path):
    (tmp_path / "ok.py").write_text("import tensorflow as tf\nx = tf.constant(1)\n")
    result = run_cli("check", "--isolated", "--no-cache", "--output-format", "sarif", ".", cwd=tmp_path)
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert errors(document) == []
    assert document["runs"][0]["results"] == []


def test_renderer_computes_fingerprints_when_not_given(project, monkeypatch):
    from tf2lint.config import Config
    from tf2lint.output.sarif import to_sarif
    from tf2lint.runner import run

    monkeypatch.chdir(project)
    results, _ = run(["src/my pkg/model.py"], Config(), want_identities=True)
    findings = results[0].findings
    expected = [i.fingerprint for i in results[0].identities]
    document = to_sarif(findings)
    assert [r["partialFingerprints"]["tf2lint/v1"] for r in document["runs"][0]["results"]] == expected
    assert Path("src/my pkg/model.py").is_file()
