"""flake8 plugin: entry point `TF` in `flake8.extension`.

flake8 hands over the tree it already parsed; the plugin runs the same engine as
`tf2lint check` on it and yields every finding the configuration enables.  flake8 itself
then applies `--select`, `--ignore`, `--extend-select`, `--per-file-ignores` and `# noqa`.

Which rules run: those `[tool.tf2lint]` in the nearest `pyproject.toml` enables (as for
the CLI), with `tf2lint-target-version` and `tf2lint-extend-select` from flake8's own
configuration taking precedence, plus any opt-in rule flake8's `--select` or
`--extend-select` names with a prefix of at least three characters (`TF9`, `TF990`):
flake8 shows plugin codes by default, so an opt-in rule must stay silent until asked for.
Codes flake8's selection drops everywhere (`--ignore TF101`, `--select E`) do not run.

Nothing here imports flake8: the module loads, and the CLI works, without it.
"""

from __future__ import annotations

import ast
from typing import Any, ClassVar, FrozenSet, Iterator, List, Optional, Sequence, Tuple, Type

from tf2lint import __version__
from tf2lint.config import ConfigError
from tf2lint.engine import lint_tree
from tf2lint.one_line import one_line
from tf2lint.plugin_config import check_codes, check_target, config_for, explicitly_selected
from tf2lint.registry import all_rules

Result = Tuple[int, int, str, Type[Any]]


def _codes(values: Optional[Sequence[str]]) -> Tuple[str, ...]:
    return tuple(v.strip().upper() for v in values or () if v and v.strip())


def _flake8_selection(options: Any) -> Tuple[Optional[FrozenSet[str]], Tuple[str, ...]]:
    """(codes flake8 would show anywhere, prefixes the user selected explicitly), by flake8's own rules.

    The decision engine is flake8's; should its interface ever change, every code counts as
    shown and the select options are read directly.
    """
    explicit = _codes(getattr(options, "select", None)) + _codes(getattr(options, "extend_select", None))
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        shown = frozenset(cls.code for cls in all_rules() if engine.decision_for(cls.code) is Decision.Selected)
    except (ImportError, AttributeError, TypeError):
        return None, explicit
    return shown, explicit


def _flake8_error(exc: ConfigError) -> Exception:
    """flake8's own error for a configuration problem: it prints the message and exits 1."""
    from flake8.exceptions import ExecutionError  # flake8 is running, so it is importable

    return ExecutionError(str(exc))


def render(code: str, message: str, replacement: str) -> str:
    """One line (flake8 and pylint print one message per line): the code and message, then the
    replacement after the arrow, line breaks joined."""
    text = f"{code} {message} -> {replacement}" if replacement else f"{code} {message}"
    return one_line(text)


class Plugin:
    """The flake8 checker: one instance per file."""

    name = "tf2lint"
    version = __version__

    # Set once from flake8's options in parse_options (class-level, as flake8 expects).
    target_version: ClassVar[Optional[str]] = None
    extend_select: ClassVar[Tuple[str, ...]] = ()
    host_codes: ClassVar[Tuple[str, ...]] = ()
    host_allowed: ClassVar[Optional[FrozenSet[str]]] = None

    def __init__(self, tree: ast.Module, lines: List[str], filename: str) -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @classmethod
    def add_options(cls, manager: Any) -> None:
        manager.add_option(
            "--tf2lint-target-version",
            metavar="X.Y",
            parse_from_config=True,
            help="TensorFlow version the code moves to (2.15 ... 2.21); overrides target-version in [tool.tf2lint].",
        )
        manager.add_option(
            "--tf2lint-extend-select",
            metavar="codes",
            parse_from_config=True,
            comma_separated_list=True,
            default=[],
            help="tf2lint code prefixes to run in addition to [tool.tf2lint]'s selection (e.g. TF990, an opt-in rule).",
        )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        try:
            cls.target_version = check_target(getattr(options, "tf2lint_target_version", None), "--tf2lint-target-version")
            cls.extend_select = check_codes(_codes(getattr(options, "tf2lint_extend_select", None)), "--tf2lint-extend-select")
        except ConfigError as exc:
            raise _flake8_error(exc) from None
        cls.host_allowed, explicit = _flake8_selection(options)
        cls.host_codes = explicitly_selected(explicit)

    def run(self) -> Iterator[Result]:
        if self.host_allowed is not None and not self.host_allowed:
            return  # flake8's selection leaves out every TF code
        if not any("tensorflow" in line for line in self.lines):
            return
        try:
            config = config_for(
                self.filename,
                target_version=self.target_version,
                extend_select=self.extend_select,
                host_codes=self.host_codes,
                host_allowed=self.host_allowed,
            )
        except ConfigError as exc:  # a broken [tool.tf2lint]: stop the run with its message
            raise _flake8_error(exc) from None
        lines = [line.rstrip("\r\n") for line in self.lines]
        for finding in lint_tree(self.tree, lines, self.filename, config, apply_noqa=False):
            yield (
                finding.start.row,
                finding.start.col,
                render(finding.code, finding.message, finding.replacement),
                type(self),
            )
