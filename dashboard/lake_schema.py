"""The migrations as a DuckLake takes them: the same files, without what a lake cannot hold.

DuckLake keeps NOT NULL and literal defaults only: no primary keys, unique
constraints, CHECK constraints, indexes, sequences, list defaults, and no
boolean defaults on ALTER … ADD COLUMN (ducklake.select "Constraints",
"Unsupported Features"). `for_lake` drops those from a migration's text; the
write path keeps what they guarded (one writer at a time, ids as max + 1,
replace as delete + insert), and tests/test_stores.py checks the invariants on
every store. A boolean default on an added column is written as text ('false'),
which DuckLake takes as a constant.
"""

from __future__ import annotations

import re

_SEQUENCE = re.compile(r"^\s*CREATE\s+SEQUENCE\b[^;]*;", re.IGNORECASE | re.MULTILINE)
_INDEX = re.compile(r"^\s*CREATE\s+(UNIQUE\s+)?INDEX\b[^;]*;", re.IGNORECASE | re.MULTILINE)
_TABLE_KEY = re.compile(r"^\s*(PRIMARY\s+KEY|UNIQUE)\s*\([^)]*\)\s*$", re.IGNORECASE | re.MULTILINE)
_COLUMN_KEY = re.compile(r"\s+PRIMARY\s+KEY\b", re.IGNORECASE)
_COLUMN_UNIQUE = re.compile(r"\s+UNIQUE\b(?!\s*\()", re.IGNORECASE)
_NEXTVAL = re.compile(r"\s+DEFAULT\s+nextval\('[^']*'\)", re.IGNORECASE)
_LIST_DEFAULT = re.compile(r"\s+DEFAULT\s+\[\s*\]", re.IGNORECASE)
_CHECK = re.compile(r"\bCHECK\s*\(", re.IGNORECASE)
_DANGLING_COMMA = re.compile(r",((?:\s*--[^\n]*)?\s*)\n(\s*)\)", re.MULTILINE)
_ADD_WITH_DEFAULT = re.compile(
    r"ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)\s+([\w\[\]]+)\s+DEFAULT\s+([^;]+?)\s*;", re.IGNORECASE
)


def for_lake(script: str) -> str:
    """The migration `script` without the constraints and objects DuckLake does not support."""
    text = _SEQUENCE.sub("", script)
    text = _INDEX.sub("", text)
    text = _NEXTVAL.sub("", text)
    text = _LIST_DEFAULT.sub("", text)
    text = _drop_checks(text)
    text = _TABLE_KEY.sub("", text)
    text = _COLUMN_KEY.sub(" NOT NULL", text)  # a key column was NOT NULL implicitly
    text = _COLUMN_UNIQUE.sub("", text)
    text = _ADD_WITH_DEFAULT.sub(_add_then_default, text)
    return _tidy_commas(text)


def _add_then_default(match: re.Match[str]) -> str:
    """DuckLake adds a column with a constant default, but takes `true`/`false` for expressions:
    written as text ('false') they are constants it casts."""
    table, column, type_, default = match.groups()
    if default.lower() in ("true", "false"):
        default = f"'{default.lower()}'"
    return f"ALTER TABLE {table} ADD COLUMN {column} {type_} DEFAULT {default};"


def _drop_checks(text: str) -> str:
    """Removes every `CHECK ( … )` (balanced parentheses); a line left empty goes too."""
    while match := _CHECK.search(text):
        depth, end = 0, match.end() - 1
        for end in range(match.end() - 1, len(text)):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
        text = text[: match.start()].rstrip(" ") + text[end + 1 :]
    return text


def _tidy_commas(text: str) -> str:
    """`a INTEGER,\n)` (a table's last constraint line removed) -> `a INTEGER\n)`, comments kept;
    empty lines left by the removals go."""
    text = re.sub(r"\n[ \t]*\n(?=[ \t]*\))", "\n", text)
    previous = None
    while previous != text:
        previous = text
        text = _DANGLING_COMMA.sub(r"\1\n\2)", text)
    return text
