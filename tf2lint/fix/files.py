"""Fixing files on disk: Python sources and notebooks, written atomically, never when nothing changed."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from tf2lint import tool_findings
from tf2lint.atomic import write_atomic
from tf2lint.cache import digest
from tf2lint.config import Config
from tf2lint.engine import mentions_tensorflow, rule_set
from tf2lint.finding import Finding
from tf2lint.fix.loop import fix_text
from tf2lint.fix.notebook import fix_notebook
from tf2lint.fix.source import SourceText
from tf2lint.runner import NOTEBOOK_SUFFIX, PARALLEL_MIN_FILES, _pool_context, read


@dataclass
class FileFix:
    """What fixing one file did (or, without writing, would do)."""

    path: str
    fixed: List[Finding] = field(default_factory=list)  # the findings whose fixes were applied
    error: Optional[Finding] = None  # TF007
    changes: List[Tuple[str, str, str]] = field(default_factory=list)  # (label, before, after) for --diff
    data: Optional[bytes] = None  # the new bytes, None when unchanged
    written: bool = False
    findings: Optional[List[Finding]] = None  # what checking ``data`` gives, when the fixing already knows
    # ``findings`` relied on what the fixes removed or wrote: checking ``data`` afresh may give
    # other findings (tf2lint/fix/loop.py), so they are not cached for those bytes.
    carried: bool = False


Known = Tuple[str, List[Finding]]  # (digest of a file's bytes, the findings checking them gave)


def fix_file(path: str, config: Config, *, unsafe: bool = False, write: bool = True, known: Optional[Known] = None) -> FileFix:
    """Apply the allowed fixes of one file to a fixpoint; write the result when asked and changed.

    ``known``: the check's result for the file, used when the bytes are still the ones checked.
    """
    data, _ = read(path, config.max_file_size)
    if data is None:
        return FileFix(path)  # an unreadable file is reported by the check itself
    result = fix_data(data, path, config, unsafe=unsafe, known=known)
    if write and result.data is not None and result.data != data:
        try:
            write_atomic(path, result.data)
        except OSError as exc:
            detail = f"cannot write the fixed file: {exc.strerror or exc}; the file was left unchanged"
            return FileFix(path, [], tool_findings.fix_failed(path, detail))
        result.written = True
    return result


def fix_data(data: bytes, path: str, config: Config, *, unsafe: bool = False, known: Optional[Known] = None) -> FileFix:
    """What fixing the bytes of ``path`` (a notebook when it ends in ``.ipynb``) gives; nothing is written.

    Standard input is fixed this way too (``path`` is then the name it goes by).
    """
    if not mentions_tensorflow(data):
        return FileFix(path)
    if path.endswith(NOTEBOOK_SUFFIX):
        nb = fix_notebook(data, path, config, unsafe=unsafe)
        return FileFix(path, nb.outcome.fixed, nb.outcome.error,
                       [(f"{path}:cell {number}", before, after) for number, before, after in nb.cells], nb.data)
    try:
        source = SourceText.decode(data)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return FileFix(path)  # TF002 from the check
    first = known[1] if known is not None and known[0] == digest(data) else None
    outcome = fix_text(source.text, path, config, unsafe=unsafe, newline=source.newline, first=first)
    if outcome.source == source.text:
        return FileFix(path, [], outcome.error)
    try:
        new = source.encode(outcome.source)
    except UnicodeEncodeError as exc:
        detail = (f"the fixed text holds {exc.object[exc.start:exc.end]!r}, which the file's encoding "
                  f"({source.encoding}) cannot represent; the file was left unchanged")
        return FileFix(path, [], tool_findings.fix_failed(path, detail))
    # What the check would report for the new bytes (it skips files that never mention TensorFlow).
    final = outcome.findings if mentions_tensorflow(new) else []
    return FileFix(path, outcome.fixed, outcome.error, [(path, source.text, outcome.source)], new, findings=final,
                   carried=outcome.carried)


# ----- many files ---------------------------------------------------------------------

_worker: Tuple[Optional[Config], bool, bool, Dict[str, Known]] = (None, False, False, {})


def _init(config: Config, unsafe: bool, write: bool, known: Dict[str, Known]) -> None:
    global _worker
    _worker = (config, unsafe, write, known)


def _work(path: str) -> FileFix:
    config, unsafe, write, known = _worker
    assert config is not None
    return fix_file(path, config, unsafe=unsafe, write=write, known=known.get(path))


def fix_files(
    paths: Sequence[str], config: Config, *, unsafe: bool, write: bool, jobs: int = 1, known: Optional[Dict[str, Known]] = None
) -> Iterator[FileFix]:
    """Fix every path, in the order given (in worker processes for many files)."""
    known = known or {}
    if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES:
        rule_set(config)  # index the rules once, before the workers are forked
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(), initializer=_init,
                                 initargs=(config, unsafe, write, known)) as pool:
            yield from pool.map(_work, paths, chunksize=max(1, min(8, len(paths) // (jobs * 8))))
        return
    for path in paths:
        yield fix_file(path, config, unsafe=unsafe, write=write, known=known.get(path))
