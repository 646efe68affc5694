"""Output formats: each builds its whole text from one :class:`Report`; the CLI writes it once."""

from __future__ import annotations

from typing import Callable, Dict, List, TextIO

from tf2lint.finding import Finding
from tf2lint.output import github, gitlab, html, json_format, sarif, text
from tf2lint.output.report import Report

Formatter = Callable[[Report], str]

FORMATS: Dict[str, Formatter] = {
    "concise": text.format_concise,
    "full": text.format_full,
    "json": json_format.format_json,
    "json-lines": json_format.format_json_lines,
    "sarif": sarif.format_sarif,
    "github": github.format_github,
    "gitlab": gitlab.format_gitlab,
    "html": html.format_html,
}
# Older names that configurations and scripts may still use.
ALIASES: Dict[str, str] = {"text": "concise"}
DEFAULT_FORMAT = "concise"
# Formats a person reads in a terminal: colour, --statistics and --summary go with them on stdout.
HUMAN_FORMATS = frozenset({"concise", "full"})
# Formats that carry a fingerprint per finding.
FINGERPRINT_FORMATS = frozenset({"sarif", "gitlab"})


def canonical(name: str) -> str:
    return ALIASES.get(name, name)


def format_report(report: Report, name: str) -> str:
    return FORMATS[canonical(name)](report)


Renderer = Callable[[List[Finding], TextIO], None]

# The earlier interface: a function writing a list of findings.
RENDERERS: Dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
}
