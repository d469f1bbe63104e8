"""Checks that keep the codebase honest: lint, format, layering, docs that cannot drift."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dashboard.cli import app

ROOT = Path(__file__).resolve().parent.parent
RUFF = [sys.executable, "-m", "ruff"]


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff(args: list[str]) -> None:
    result = subprocess.run([*RUFF, *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_never_imports_streamlit() -> None:
    """`dashboard/` is the pure core: importing all of it must not pull in Streamlit."""
    code = (
        "import importlib, pkgutil, sys, dashboard\n"
        "for m in pkgutil.walk_packages(dashboard.__path__, 'dashboard.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('streamlit' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_in_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    group = __import__("typer").main.get_command(app)
    assert group.commands[command].help, f"`dashboard {command}` has no help text"
    assert f"`dashboard {command}" in (ROOT / "README.md").read_text(), f"README does not mention {command}"
