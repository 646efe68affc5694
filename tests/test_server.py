"""`tf2lint server` end to end: a real LSP client (pytest-lsp) drives `python -m tf2lint server`
over stdio, as an editor does."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path
from typing import Callable, Dict, List, Sequence, Tuple

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tf2lint.config import Config
from tf2lint.engine import lint_source

ROOT = Path(__file__).resolve().parent.parent
SERVER_COMMAND = [sys.executable, "-m", "tf2lint", "server"]
SERVER_ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
# A shared two-core machine can take seconds to start the server and lint: wait generously.
TIMEOUT = 120.0

pytestmark = pytest.mark.asyncio

SOURCE = """import tensorflow as tf

x = tf.placeholder(tf.float32, shape=[None, 3])
sess = tf.Session()
"""


def config() -> ClientServerConfig:
    return ClientServerConfig(server_command=SERVER_COMMAND, server_env=SERVER_ENV)


async def start(lsp_client: LanguageClient, root: Path, spec: str = "visual-studio-code", **options) -> types.InitializeResult:
    params = types.InitializeParams(
        capabilities=client_capabilities(spec),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options={"debounceMs": 10, **options},
    )
    return await lsp_client.initialize_session(params)


@pytest_lsp.fixture(config=config())
async def bare(lsp_client: LanguageClient):
    """A client whose test initializes the server itself."""
    yield


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


async def wait_for(condition: Callable[[], bool], what: str) -> None:
    """Poll until ``condition()`` holds: diagnostics arrive as notifications, at any time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def diagnostics_of(client: LanguageClient, uri: str, codes: Sequence[str]) -> List[types.Diagnostic]:
    """Wait until the diagnostics published for ``uri`` have exactly these codes, in order."""
    await wait_for(lambda: [d.code for d in client.diagnostics.get(uri, [])] == list(codes) and uri in client.diagnostics,
                   f"diagnostics {list(codes)} for {uri} (have {[d.code for d in client.diagnostics.get(uri, [])]})")
    return list(client.diagnostics[uri])


def open_document(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)
        )
    )
    return uri


def whole(text: str) -> types.TextDocumentContentChangeWholeDocument:
    return types.TextDocumentContentChangeWholeDocument(text=text)


def apply_text_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply LSP edits (ASCII documents: characters are UTF-16 units) the way an editor does."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(pos: types.Position) -> int:
        return starts[pos.line] + pos.character if pos.line < len(lines) else len(text)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def edits_of(action: types.CodeAction) -> List[types.TextEdit]:
    assert action.edit is not None and action.edit.document_changes
    (change,) = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    return [e for e in change.edits if isinstance(e, types.TextEdit)]


async def code_actions(client: LanguageClient, uri: str, rng: types.Range, only=None) -> List[types.CodeAction]:
    result = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=rng,
                context=types.CodeActionContext(diagnostics=[], only=only),
            )
        ),
        TIMEOUT,
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


def at(line: int, character: int) -> types.Range:
    return types.Range(start=types.Position(line=line, character=character), end=types.Position(line=line, character=character))


async def test_initialize_advertises_the_features(bare: LanguageClient, tmp_path: Path):
    # The options and command line docs/editors.md gives every editor.
    result = await start(bare, tmp_path, targetVersion="2.16", extendSelect=["TF990"], debounceMs=150)
    try:
        caps = result.capabilities
        assert result.server_info is not None and result.server_info.name == "tf2lint"
        assert caps.hover_provider
        assert isinstance(caps.code_action_provider, types.CodeActionOptions)
        assert set(caps.code_action_provider.code_action_kinds or []) == {"quickfix", "source.fixAll.tf2lint"}
        sync = caps.text_document_sync
        assert isinstance(sync, types.TextDocumentSyncOptions)
        assert sync.open_close and sync.change == types.TextDocumentSyncKind.Incremental and sync.save
        assert caps.position_encoding == types.PositionEncodingKind.Utf16
    finally:
        await bare.shutdown_session()


async def test_diagnostics_on_open(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "train.py", SOURCE)
    placeholder, session = await diagnostics_of(client, uri, ["TF102", "TF101"])
    assert placeholder.source == "tf2lint"
    assert placeholder.severity == types.DiagnosticSeverity.Error
    # The whole call, as the CLI's JSON gives it.
    assert placeholder.range == types.Range(start=types.Position(line=2, character=4), end=types.Position(line=2, character=47))
    assert session.range == types.Range(start=types.Position(line=3, character=7), end=types.Position(line=3, character=19))
    assert " -> " in placeholder.message and "tf.function" in placeholder.message  # the replacement
    assert placeholder.code_description is not None
    assert placeholder.code_description.href.endswith("/docs/rules/TF102.md")
    # An unsaved buffer has no file: the workspace's configuration, the same findings.
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri="untitled:Untitled-1", language_id="python", version=1, text=SOURCE)
        )
    )
    await diagnostics_of(client, "untitled:Untitled-1", ["TF102", "TF101"])


async def test_did_change_updates_and_did_save(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "train.py", SOURCE)
    await diagnostics_of(client, uri, ["TF102", "TF101"])
    # Full and incremental changes: drop the session line, then the placeholder.
    without_session = SOURCE.replace("sess = tf.Session()\n", "")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[whole(without_session)]
        )
    )
    await diagnostics_of(client, uri, ["TF102"])
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=2, character=0), end=types.Position(line=3, character=0)),
                    text="x = 1\n",
                )
            ],
        )
    )
    await diagnostics_of(client, uri, [])
    # A saved configuration change applies on save: TF990 (opt-in) reports compat.v1 use.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=4),
            content_changes=[whole("import tensorflow as tf\n\nn = tf.compat.v1.nn.relu\n")],
        )
    )
    await diagnostics_of(client, uri, [])
    (tmp_path / "pyproject.toml").write_text('[tool.tf2lint]\nextend-select = ["TF990"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    (found,) = await diagnostics_of(client, uri, ["TF990"])
    assert found.severity == types.DiagnosticSeverity.Information


async def test_configuration_from_the_documents_folder(client: LanguageClient, tmp_path: Path):
    project = tmp_path / "project"
    (project / "tests").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[tool.tf2lint]\nignore = ["TF101"]\n[tool.tf2lint.per-file-ignores]\n"tests/*" = ["TF102"]\n', encoding="utf-8"
    )
    src = open_document(client, project / "train.py", SOURCE)
    test = open_document(client, project / "tests" / "test_train.py", SOURCE)
    await diagnostics_of(client, src, ["TF102"])
    await diagnostics_of(client, test, [])
    # A broken configuration is shown once, and the file is linted with the defaults.
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pyproject.toml").write_text("[tool.tf2lint]\nselect = [\n", encoding="utf-8")
    uri = open_document(client, broken / "train.py", SOURCE)
    await diagnostics_of(client, uri, ["TF102", "TF101"])
    (message,) = client.messages
    assert message.type == types.MessageType.Error and "invalid TOML" in message.message


async def test_code_action_adds_noqa(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "train.py", SOURCE)
    await diagnostics_of(client, uri, ["TF102", "TF101"])
    actions = await code_actions(client, uri, at(3, 10))
    titles = [a.title for a in actions]
    assert "Disable TF101 for this line" in titles
    assert not any("TF102" in t for t in titles)  # only the finding under the cursor
    noqa = actions[titles.index("Disable TF101 for this line")]
    assert noqa.kind == types.CodeActionKind.QuickFix
    assert [d.code for d in noqa.diagnostics or []] == ["TF101"]
    fixed = apply_text_edits(SOURCE, edits_of(noqa))
    assert fixed.splitlines()[3] == "sess = tf.Session()  # noqa: TF101"
    # The editor applies the edit and reports the change: the finding is gone.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[whole(fixed)]
        )
    )
    await diagnostics_of(client, uri, ["TF102"])
    # A second code on a line with a noqa comment extends it.
    two = "import tensorflow as tf\nx = tf.placeholder(tf.float32); s = tf.Session()  # noqa: TF101\n"
    other = open_document(client, tmp_path / "other.py", two)
    await diagnostics_of(client, other, ["TF102"])
    (action,) = [a for a in await code_actions(client, other, at(1, 6)) if a.title.startswith("Disable")]
    assert apply_text_edits(two, edits_of(action)).splitlines()[1].endswith("# noqa: TF101, TF102")


async def test_hover_shows_the_rule_page(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "train.py", SOURCE)
    await diagnostics_of(client, uri, ["TF102", "TF101"])
    result = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=3, character=12))
        ),
        TIMEOUT,
    )
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    text = result.contents.value
    assert result.contents.kind == types.MarkupKind.Markdown
    assert text.startswith("**TF101** `tf1-session`")
    for section in ("\n### What it does\n", "\n### Why is this bad?\n", "\n### Use instead\n"):
        assert section in text  # the rule's page, its headings one level down
    assert "with tf.Session() as sess:  # [TF101]" in text  # its examples as written
    assert result.range == types.Range(start=types.Position(line=3, character=7), end=types.Position(line=3, character=19))
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0))
    )
    assert nothing is None
    # Diagnostics, hovers, code actions and a save of one version: one engine call.
    await code_actions(client, uri, at(3, 10))
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await code_actions(client, uri, at(2, 10))
    lints = [m.message for m in client.log_messages if m.message.startswith(f"linted {uri} ")]
    assert lints == [f"linted {uri} version 1: 2 findings in {lints[0].rsplit(' in ', 1)[1]}"]


async def test_a_bad_document_gives_tf001_and_the_server_recovers(client: LanguageClient, tmp_path: Path):
    broken = "import tensorflow as tf\nsess = tf.Session(\n"
    uri = open_document(client, tmp_path / "broken.py", broken)
    (error,) = await diagnostics_of(client, uri, ["TF001"])
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.range.start.line in (1, 2)
    assert await code_actions(client, uri, error.range) == []  # no noqa: flake8 reports E999 whatever the comment
    python2 = open_document(client, tmp_path / "py2.py", "import tensorflow as tf\nprint 'hello'\n")
    (py2,) = await diagnostics_of(client, python2, ["TF001"])
    assert "Python 2" in py2.message
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[whole(SOURCE)]
        )
    )
    await diagnostics_of(client, uri, ["TF102", "TF101"])


async def test_positions_are_utf16_code_units(client: LanguageClient, tmp_path: Path):
    # Two characters outside the BMP: two UTF-16 units each, so the column moves by two.
    text = 'import tensorflow as tf\nlabel = "\U0001F600\U0001F600"; sess = tf.Session()\n'
    uri = open_document(client, tmp_path / "emoji.py", text)
    (session,) = await diagnostics_of(client, uri, ["TF101"])
    column = text.splitlines()[1].index("tf.Session")
    assert session.range.start == types.Position(line=1, character=column + 2)
    assert session.range.end == types.Position(line=1, character=column + 2 + len("tf.Session()"))
    actions = await code_actions(client, uri, at(1, column + 3))
    assert [a.title for a in actions] == ["Disable TF101 for this line"]


@pytest_lsp.fixture(config=config())
async def neovim(lsp_client: LanguageClient, tmp_path: Path):
    result = await start(lsp_client, tmp_path, spec="neovim@v0.11.0")
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


async def test_positions_in_the_encoding_the_client_chose(neovim: LanguageClient, tmp_path: Path):
    # Neovim 0.11 prefers UTF-8: each emoji is four bytes.
    text = 'import tensorflow as tf\nlabel = "\U0001F600"; sess = tf.Session()\n'
    uri = open_document(neovim, tmp_path / "emoji.py", text)
    (session,) = await diagnostics_of(neovim, uri, ["TF101"])
    assert session.range.start.character == text.splitlines()[1].index("tf.Session") + 3


async def test_bad_initialization_option_is_reported(bare: LanguageClient, tmp_path: Path):
    lsp_client = bare
    await start(lsp_client, tmp_path, targetVersion="1.15")
    try:
        await wait_for(lambda: bool(lsp_client.messages), "a window/showMessage")
        assert "target-version" in lsp_client.messages[0].message
        assert lsp_client.messages[0].type == types.MessageType.Error
        # The server still runs with the defaults.
        uri = open_document(lsp_client, tmp_path / "train.py", SOURCE)
        await diagnostics_of(lsp_client, uri, ["TF102", "TF101"])
    finally:
        await lsp_client.shutdown_session()


async def test_close_clears_and_shutdown_exits(bare: LanguageClient, tmp_path: Path):
    lsp_client = bare
    await start(lsp_client, tmp_path)
    uri = open_document(lsp_client, tmp_path / "train.py", SOURCE)
    await diagnostics_of(lsp_client, uri, ["TF102", "TF101"])
    lsp_client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await diagnostics_of(lsp_client, uri, [])
    server = lsp_client._server
    assert server is not None
    await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)
    assert server.returncode == 0  # exit after shutdown: status 0, as LSP says


FIXABLE = """import tensorflow as tf

sess = tf.Session()
y = tf.log(tf.to_float(x))
tf.logging.set_verbosity(tf.logging.INFO)
"""


def fix_messages(text: str) -> Dict[Tuple[int, int], str]:
    """Each fixable finding's fix message by its start, as the engine renders it."""
    return {(f.start.row, f.start.col): f.fix.message for f in lint_source(text, "train.py", Config()) if f.fix is not None}


async def test_quick_fixes_from_the_findings_fixes(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "train.py", FIXABLE)
    await diagnostics_of(client, uri, ["TF101", "TF902", "TF905"])
    # On `tf.log(...)`: its own fix (safe, preferred; it converts the nested cast too) and noqa.
    actions = await code_actions(client, uri, at(3, 6))
    # With no kind asked for, the file's fix-all comes last (editors list it under source actions).
    messages = fix_messages(FIXABLE)
    assert [a.title for a in actions] == [f"TF902: {messages[(4, 4)]}", "Disable TF902 for this line", "tf2lint: fix all safe fixes"]
    rename = actions[0]
    assert rename.is_preferred and rename.kind == types.CodeActionKind.QuickFix
    assert [d.code for d in rename.diagnostics or []] == ["TF902"]
    assert apply_text_edits(FIXABLE, edits_of(rename)).splitlines()[3] == "y = tf.math.log(tf.cast(x, tf.float32))"
    # An unsafe fix says so, is not preferred, and brings its import; it rewrites the nested
    # `tf.logging.INFO` too (one finding for the statement).
    (unsafe, _) = await code_actions(client, uri, at(4, 3), only=["quickfix"])
    assert unsafe.title == f"TF905: {messages[(5, 0)]} (unsafe)" and not unsafe.is_preferred
    after = apply_text_edits(FIXABLE, edits_of(unsafe))
    assert "from absl import logging\n" in after and "\nlogging.set_verbosity(logging.INFO)" in after
    # A finding without a fix (TF101) gets noqa only.
    assert [a.title for a in await code_actions(client, uri, at(2, 9), only=["quickfix"])] == ["Disable TF101 for this line"]


async def test_fix_all_applies_the_safe_fixes_to_a_fixpoint(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "train.py", FIXABLE)
    await diagnostics_of(client, uri, ["TF101", "TF902", "TF905"])
    # As an editor asks on save: only fix-all, for the whole file.
    whole_file = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=5, character=0))
    (fix_all,) = await code_actions(client, uri, whole_file, only=["source.fixAll"])
    assert fix_all.kind == "source.fixAll.tf2lint"
    fixed = apply_text_edits(FIXABLE, edits_of(fix_all))
    # The rename with its nested cast (one finding), nothing unsafe, nothing without a fix.
    assert fixed == FIXABLE.replace("tf.log(tf.to_float(x))", "tf.math.log(tf.cast(x, tf.float32))")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[whole(fixed)]
        )
    )
    await diagnostics_of(client, uri, ["TF101", "TF905"])
    # Nothing safe is left: no fix-all action; quickfix requests never get it.
    assert await code_actions(client, uri, whole_file, only=["source.fixAll"]) == []
    assert all(a.kind == "quickfix" for a in await code_actions(client, uri, whole_file, only=["quickfix"]))


async def test_changes_in_quick_succession_are_linted_once(bare: LanguageClient, tmp_path: Path):
    await start(bare, tmp_path, debounceMs=1000)
    try:
        uri = open_document(bare, tmp_path / "train.py", SOURCE)
        await diagnostics_of(bare, uri, ["TF102", "TF101"])
        text = SOURCE
        for version in range(2, 7):  # typing: five changes well within the debounce
            text += f"v{version} = tf.Session()\n"
            bare.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[whole(text)]
                )
            )
        await diagnostics_of(bare, uri, ["TF102", "TF101"] + ["TF101"] * 5)
        linted = [m.message for m in bare.log_messages if m.message.startswith(f"linted {uri} ")]
        assert [int(re.search(r" version (\d+): ", m).group(1)) for m in linted] == [1, 6]  # type: ignore[union-attr]
    finally:
        await bare.shutdown_session()


async def test_requests_are_answered_while_a_large_file_is_linted(client: LanguageClient, tmp_path: Path):
    small = open_document(client, tmp_path / "small.py", SOURCE)
    await diagnostics_of(client, small, ["TF102", "TF101"])
    # TF2 code: nothing to report, but seconds of parsing and walking on a slow machine.
    large_text = "import tensorflow as tf\n" + "".join(f"x{i} = tf.nn.relu(tf.matmul(y{i}, w{i}) + b{i})\n" for i in range(10000))
    large = open_document(client, tmp_path / "large.py", large_text)
    result = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=small), position=types.Position(line=3, character=10))
        ),
        TIMEOUT,
    )
    assert result is not None
    assert large not in client.diagnostics  # the hover did not wait for the lint in progress
    await diagnostics_of(client, large, [])


async def test_exit_without_shutdown_is_status_1(bare: LanguageClient, tmp_path: Path):
    await start(bare, tmp_path)
    server = bare._server
    assert server is not None
    bare.exit(None)
    assert await asyncio.wait_for(server.wait(), TIMEOUT) == 1
