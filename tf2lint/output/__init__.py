"""Renderers: each turns the same list of findings into one output format."""

from __future__ import annotations

from typing import Callable, Dict, List, TextIO

from tf2lint.finding import Finding
from tf2lint.output import github, json_format, sarif, text

Renderer = Callable[[List[Finding], TextIO], None]

RENDERERS: Dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
}
