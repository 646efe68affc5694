"""GitHub Actions annotations: the workflow-command format and its escaping rules."""

import json
import re

from tests.conftest import run_cli
from tests.test_sarif import TF1
from tf2lint.finding import Finding, Position, Severity
from tf2lint.output.github import annotation, escape_data, escape_property

LINE = re.compile(r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text):
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def finding(**kw):
    base = dict(
        code="TF101", symbol="tf1-session", message="`tf.Session` runs a TF1 graph", replacement="call a function",
        severity=Severity.ERROR, filename="src/a.py", start=Position(3, 4), end=Position(3, 14),
    )
    base.update(kw)
    return Finding(**base)


def test_data_escaping():
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    # `%` first, so that an escape's own `%` is not escaped again.
    assert escape_data("%0A") == "%250A"


def test_property_escaping():
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_annotation_line():
    assert annotation(finding()) == (
        "::error file=src/a.py,line=3,endLine=3,col=5,endColumn=15,title=TF101 tf1-session"
        "::`tf.Session` runs a TF1 graph%0AUse instead: call a function"
    )


def test_annotation_escapes_message_and_properties():
    line = annotation(finding(filename="we,ird:name.py", message="50% of it\nbreaks", replacement="a: b, c"))
    assert line.startswith("::error file=we%2Cird%3Aname.py,line=3,")
    assert line.endswith("::50%25 of it%0Abreaks%0AUse instead: a: b, c")
    assert "\n" not in line


def test_severity_maps_to_annotation_kind():
    kinds = [annotation(finding(severity=s)).split(" ", 1)[0] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    assert kinds == ["::error", "::warning", "::notice"]


def test_multiline_finding_has_no_columns():
    line = annotation(finding(start=Position(3, 4), end=Position(5, 1)))
    assert "line=3,endLine=5,title=" in line
    assert "col=" not in line and "endColumn=" not in line


def test_notebook_cell_in_title():
    line = annotation(finding(filename="nb.ipynb", extra=(("cell", 4),)))
    # The runner unescapes %2C: the title reads "(notebook cell 4, line 3)".
    assert "title=TF101 tf1-session (notebook cell 4%2C line 3)::" in line


def test_cli_annotations_round_trip_to_the_json_findings(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "model.py").write_text(TF1)
    gh = run_cli("check", "--isolated", "--no-cache", "--output-format", "github", ".", cwd=tmp_path)
    plain = run_cli("check", "--isolated", "--no-cache", "--output-format", "json", ".", cwd=tmp_path)
    assert gh.returncode == 1
    items = json.loads(plain.stdout)
    lines = gh.stdout.splitlines()
    assert len(lines) == len(items) > 3
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, item in zip(lines, items):
        match = LINE.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        assert match["kind"] == kinds[item["severity"]]
        assert unescape(props["file"]) == "pkg/model.py"
        assert int(props["line"]) == item["location"]["row"]
        assert int(props["endLine"]) == item["end_location"]["row"]
        assert int(props["col"]) == item["location"]["column"]
        assert int(props["endColumn"]) == item["end_location"]["column"]
        assert unescape(props["title"]) == f"{item['code']} {item['symbol']}"
        assert unescape(match["message"]) == f"{item['message']}\nUse instead: {item['replacement']}"
