"""The language server configurations in docs/editors.md work as written: each one's command
line starts the server, and its initialization options take effect."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tf2lint.config import tomllib

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
SERVER_ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
TIMEOUT = 120.0
ESTIMATOR = "import tensorflow as tf\nest = tf.estimator.Estimator(model_fn)\n"

Setup = Tuple[List[str], Dict[str, Any]]  # (command line, initialization options)


def blocks(language: str) -> List[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)


def lua_table(text: str) -> Dict[str, Any]:
    """A flat Lua table of strings: { key = 'value', ... }."""
    return dict(re.findall(r"(\w+)\s*=\s*'([^']*)'", text))


def vscode() -> List[Setup]:
    out = []
    for block in blocks("json"):
        settings = json.loads(block)
        if "glspc.server.command" in settings:
            assert settings["glspc.server.languageId"] == ["python"]
            assert settings["editor.codeActionsOnSave"] == {"source.fixAll.tf2lint": "explicit"}
            out.append(([settings["glspc.server.command"], *settings["glspc.server.commandArguments"]],
                        settings["glspc.server.initializationOptions"]))
    return out


def neovim() -> List[Setup]:
    out = []
    for block in blocks("lua"):
        cmd = re.search(r"cmd = \{ ([^}]*) \}", block)
        if cmd is None:
            if "source.fixAll" in block:
                assert "only = { 'source.fixAll.tf2lint' }" in block
            continue
        options = re.search(r"init_options = (\{[^}]*\})", block)
        assert options is not None
        out.append((re.findall(r"'([^']*)'", cmd.group(1)), lua_table(options.group(1))))
    return out


def helix() -> List[Setup]:
    out = []
    for block in blocks("toml"):
        data = tomllib.loads(block)
        server = data.get("language-server", {}).get("tf2lint")
        if server:
            (python,) = [lang for lang in data["language"] if lang["name"] == "python"]
            assert "tf2lint" in python["language-servers"]
            out.append(([server["command"], *server["args"]], server["config"]))
    return out


def eglot() -> List[Setup]:
    out = []
    for block in blocks("elisp"):
        match = re.search(r'\. \(((?:"[^"]*" )+):initializationOptions \(([^)]*)\)\)', block)
        assert match is not None, block
        plist = re.findall(r':(\w+) "([^"]*)"', match.group(2))
        out.append((re.findall(r'"([^"]*)"', match.group(1)), dict(plist)))
    return out


SETUPS = [("vscode", s) for s in vscode()] + [("neovim", s) for s in neovim()] + [("helix", s) for s in helix()] + [
    ("emacs", s) for s in eglot()
]


def test_every_editor_has_a_configuration():
    assert sorted({name for name, _ in SETUPS}) == ["emacs", "helix", "neovim", "vscode"]
    assert len([1 for name, _ in SETUPS if name == "neovim"]) == 2  # vim.lsp.config and lspconfig


def runnable(command: List[str]) -> List[str]:
    """The documented command as this environment runs it: the `tf2lint` script beside this
    Python when it is installed there, else the same entry point through `python -m`."""
    assert command[0] == "tf2lint"
    script = Path(sys.executable).with_name("tf2lint")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "tf2lint"]
    return head + command[1:]


@pytest.mark.asyncio
@pytest.mark.parametrize("editor, setup", SETUPS, ids=[name for name, _ in SETUPS])
async def test_the_documented_setup_starts_the_server(editor: str, setup: Setup, tmp_path: Path):
    command, options = setup
    assert command == ["tf2lint", "server"]
    assert options == {"targetVersion": "2.15"}
    client = await ClientServerConfig(server_command=runnable(command), server_env=SERVER_ENV).start()
    assert isinstance(client, LanguageClient)
    try:
        spec = {"vscode": "visual-studio-code", "neovim": "neovim", "emacs": "emacs", "helix": "neovim"}[editor]
        result = await asyncio.wait_for(
            client.initialize_session(
                types.InitializeParams(capabilities=client_capabilities(spec), root_uri=tmp_path.as_uri(),
                                       initialization_options=options)
            ),
            TIMEOUT,
        )
        assert result.capabilities.code_action_provider is not None
        path = tmp_path / "train.py"
        path.write_text(ESTIMATOR, encoding="utf-8")
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="python", version=1, text=ESTIMATOR)
            )
        )
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while path.as_uri() not in client.diagnostics:
            assert loop.time() < deadline, "no diagnostics"
            await asyncio.sleep(0.02)
        (finding,) = client.diagnostics[path.as_uri()]
        assert finding.code == "TF301"
        assert "TF 2.15 still ships" in finding.message  # targetVersion 2.15 took effect
        assert not client.messages  # no option was refused
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
    finally:
        await client.stop()
