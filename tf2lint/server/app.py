"""The language server: LSP over stdio on pygls, wired to the linter, actions and hover."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List, Optional, Tuple
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from tf2lint import __version__
from tf2lint.config import Config, ConfigError
from tf2lint.engine import lint_source
from tf2lint.finding import Finding
from tf2lint.gc_tuning import tune_for_linting
from tf2lint.server import actions
from tf2lint.server.diagnostics import diagnostic
from tf2lint.server.document import Snapshot
from tf2lint.server.fixing import fixed_text
from tf2lint.server.hover import hover
from tf2lint.server.linting import Linter
from tf2lint.server.positions import UTF8, UTF16, UTF32
from tf2lint.server.settings import Settings, config_for

logger = logging.getLogger(__name__)

# PositionEncodingKind values are the names tf2lint.server.positions uses.
_ENCODINGS = frozenset({UTF8, UTF16, UTF32})


class Tf2lintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("tf2lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        # One thread: lints run one after another, never competing with each other for the GIL.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tf2lint-lint")
        self.linter = Linter(self.executor, self.log_lint)
        self.pending: Dict[str, asyncio.Task[None]] = {}
        self.reported: set = set()  # configuration errors already shown
        self.startup_error: Optional[str] = None  # a bad initialization option, shown once initialized

    # ----- documents ----------------------------------------------------------------

    def snapshot(self, uri: str) -> Optional[Snapshot]:
        document = self.workspace.text_documents.get(unquote(uri))  # pygls keys documents unquoted
        if document is None:
            return None
        agreed = self.workspace.position_encoding
        encoding = str(getattr(agreed, "value", agreed))
        if encoding not in _ENCODINGS:
            encoding = UTF16
        return Snapshot(uri, document.version, document.source, encoding, document.language_id)

    def config(self, snapshot: Snapshot) -> Config:
        try:
            return config_for(snapshot.path, self.settings, self.workspace.root_path)
        except ConfigError as exc:
            self.show_error(f"tf2lint: {exc}")
            return self.settings.apply(Config(root=self.workspace.root_path))  # the defaults

    def show_error(self, text: str) -> None:
        if text not in self.reported:
            self.reported.add(text)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=text))

    def log_lint(self, snapshot: Snapshot, findings: List[Finding], seconds: float) -> None:
        """One line in the client's log per engine call (editors show it in the server's log)."""
        noun = "finding" if len(findings) == 1 else "findings"
        self.window_log_message(
            types.LogMessageParams(
                type=types.MessageType.Log,
                message=f"linted {snapshot.uri} version {snapshot.version}: {len(findings)} {noun} in {seconds:.3f} s",
            )
        )

    async def findings(self, snapshot: Snapshot) -> Tuple[List[Finding], Config]:
        config = self.config(snapshot)
        return await self.linter.findings(snapshot, config), config

    # ----- diagnostics --------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint and publish after ``delay`` seconds, replacing a lint still waiting for its turn."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self._publish(uri, delay))

    async def _publish(self, uri: str, delay: float) -> None:
        try:
            await self._lint_and_publish(uri, delay)
        except asyncio.CancelledError:
            raise
        except Exception:  # pragma: no cover - a bug here must not go unnoticed, nor stop the server
            logger.exception("publishing diagnostics for %s failed", uri)

    async def _lint_and_publish(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return
        findings, _ = await self.findings(snapshot)
        current = self.snapshot(uri)
        if current is None or current.version != snapshot.version:
            return  # the document moved on; its own lint publishes
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=snapshot.version, diagnostics=[diagnostic(snapshot, f) for f in findings]
            )
        )

    def close(self, uri: str) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.linter.forget(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # ----- requests -----------------------------------------------------------------

    async def code_actions(self, params: types.CodeActionParams) -> Optional[List[types.CodeAction]]:
        snapshot = self.snapshot(params.text_document.uri)
        if snapshot is None:
            return None
        findings, config = await self.findings(snapshot)
        only = params.context.only
        fixed = None
        if actions.wants_fix_all(findings, only):
            # Fixing to a fixpoint lints the fixed text again: off the event loop too.
            fixed = await asyncio.get_running_loop().run_in_executor(
                self.executor, fixed_text, snapshot.text, snapshot.filename, config, findings
            )
        return actions.code_actions(snapshot, findings, params.range, only, fixed)

    async def hover(self, params: types.HoverParams) -> Optional[types.Hover]:
        snapshot = self.snapshot(params.text_document.uri)
        if snapshot is None:
            return None
        findings, _ = await self.findings(snapshot)
        return hover(snapshot, findings, params.position)


def build() -> Tf2lintServer:
    server = Tf2lintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: Tf2lintServer, params: types.InitializeParams) -> None:
        try:
            ls.settings = Settings.from_options(params.initialization_options)
        except ConfigError as exc:
            ls.settings = Settings()
            ls.startup_error = f"tf2lint: {exc}"

    @server.feature(types.INITIALIZED)
    def initialized(ls: Tf2lintServer, params: types.InitializedParams) -> None:
        if ls.startup_error:
            ls.show_error(ls.startup_error)
        # Import and index the rules now, not when the first document opens.
        ls.executor.submit(lint_source, "import tensorflow as tf\n", "<warm-up>", Config())

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Tf2lintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Tf2lintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.settings.debounce_ms / 1000)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: Tf2lintServer, params: types.DidSaveTextDocumentParams) -> None:
        # The configuration may have changed on disk: a new one means a new engine call.
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Tf2lintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=actions.KINDS))
    async def code_action(ls: Tf2lintServer, params: types.CodeActionParams) -> Optional[List[types.CodeAction]]:
        return await ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: Tf2lintServer, params: types.HoverParams) -> Optional[types.Hover]:
        return await ls.hover(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: Tf2lintServer, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.pending.clear()
        ls.executor.shutdown(wait=False, cancel_futures=True)

    return server




def serve() -> int:
    """Run the server on stdin/stdout until the client says exit; the exit status is 0 after
    a shutdown request and 1 without one, as LSP specifies."""
    tune_for_linting()
    logging.basicConfig(level=logging.WARNING, format="tf2lint server: %(levelname)s %(message)s")
    # The protocol writes to its own handle on the standard output (pygls closes it at exit),
    # and a stray print from any library goes to stderr, not into the message stream.
    stdout = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    saved, sys.stdout = sys.stdout, sys.stderr
    server = build()
    try:
        server.start_io(stdin=sys.stdin.buffer, stdout=stdout)
    finally:
        sys.stdout = saved
    return 0 if getattr(server.protocol, "_shutdown", True) else 1
