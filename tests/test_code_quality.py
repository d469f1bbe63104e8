"""Checks that keep the codebase honest: lint, format, layering, docs that cannot drift."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

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


def test_cli_never_imports_pages_or_streamlit() -> None:
    """The CLI and the app share `dashboard/`; the CLI never reaches into the page layer."""
    code = (
        "import sys, dashboard.cli\n"
        "top = {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(top & {'pages', 'streamlit', 'streamlit_app'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def _database_touches(path: Path) -> list[str]:
    """Where a page reaches the database itself: imports of duckdb or dashboard.db (its error class
    aside), or any attribute
    of the handle `get_database()` returns (a query, a cursor, a transaction)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    handles = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", None) == "get_database"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "duckdb" for a in node.names):
            found.append(f"{where} imports duckdb")
        elif isinstance(node, ast.ImportFrom) and (
            node.module == "duckdb"
            or (node.module == "dashboard.db" and any(a.name != "DatabaseError" for a in node.names))
            or (node.module == "dashboard" and any(a.name == "db" for a in node.names))
        ):
            found.append(f"{where} imports {node.module}")
        elif (
            isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in handles
        ):
            found.append(f"{where} uses database.{node.attr}")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", None) == "get_database"
        ):
            found.append(f"{where} uses get_database().{node.attr}")
    return found


def test_pages_never_touch_the_database_object() -> None:
    """Pages hand the database to package functions and draw what comes back; only pages/_shared.py
    (which owns the handle and the caches) may use it. No SQL, cursor or transaction in a page."""
    pages = [p for p in sorted((ROOT / "pages").glob("*.py")) if p.name != "_shared.py"]
    pages.append(ROOT / "streamlit_app.py")
    touches = [t for page in pages for t in _database_touches(page)]
    assert touches == []


def _commands() -> list[str]:
    return sorted(app.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_in_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert app.commands[command].help, f"`dashboard {command}` has no help text"
    assert f"`dashboard {command}" in (ROOT / "README.md").read_text(), f"README does not mention {command}"


TABLE_CALLS = {"dataframe", "table", "data_editor"}


def _table_calls(path: Path) -> list[str]:
    """`….dataframe(`, `….table(` and `….data_editor(` calls in a file (st., a column, a container)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}("
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in TABLE_CALLS
    ]


def test_pages_show_tables_only_through_the_safe_helpers() -> None:
    """A table's toolbar downloads it as CSV: pages use `show_table` / `edit_table` (pages/_shared.py),
    which neutralize formula-like cells, never st.dataframe / st.table / st.data_editor directly."""
    files = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py"))]
    direct = [call for f in files if f.name != "_shared.py" for call in _table_calls(f)]
    assert not direct, "use show_table / edit_table from pages/_shared.py instead:\n" + "\n".join(direct)
    helpers = _table_calls(ROOT / "pages" / "_shared.py")
    assert len(helpers) == 2, helpers  # st.dataframe in show_table, st.data_editor in edit_table
