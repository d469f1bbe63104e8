"""Who may see which teams: users, roles and the viewer of a session.

A `manager` sees only the reps of their own teams; a `leader` sees all. Every
data function takes `teams` (None = all) and filters in its SQL, so the rule
holds wherever data is read, not only in the interface. Local mode (no
identity provider) acts as one leader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard import db

ROLES = ("manager", "leader")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Viewer:
    """The person using the app and what they may see."""

    email: str
    name: str
    role: str
    teams: tuple[str, ...] = ()

    @property
    def is_leader(self) -> bool:
        return self.role == "leader"

    @property
    def allowed_teams(self) -> list[str] | None:
        """Teams to pass to data functions: None (everything) for a leader, else the manager's teams."""
        return None if self.is_leader else list(self.teams)


LOCAL_LEADER = Viewer(email="local", name="local user", role="leader")


class AccessError(ValueError):
    """A user record that cannot be saved, with the reason."""


def find_user(database: db.Database, email: str | None) -> Viewer | None:
    """The user with that e-mail, or None if unknown."""
    if not email:
        return None
    rows = database.run("user_find", email=email)
    if rows.empty:
        return None
    row = rows.iloc[0]
    teams = tuple(row["teams"]) if row["teams"] is not None else ()
    return Viewer(row["email"], row["name"] or row["email"], row["role"], teams)


def list_users(database: db.Database):
    """All users (email, name, role, teams), leaders first."""
    return database.run("users_list")


def known_teams(database: db.Database) -> list[str]:
    """Teams in the current roster."""
    return database.run("teams_list")["team"].tolist()


def save_user(
    database: db.Database, email: str, role: str, teams: Sequence[str] = (), name: str | None = None
) -> Viewer:
    """Adds or updates a user. A manager needs at least one team."""
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise AccessError(f"not an e-mail address: {email!r}")
    if role not in ROLES:
        raise AccessError(f"role must be manager or leader, not {role!r}")
    teams = sorted({t.strip() for t in teams if t and t.strip()})
    if role == "manager" and not teams:
        raise AccessError("a manager needs at least one team")
    with database.transaction() as cur:
        db.execute(cur, "user_save", email=email, display_name=name, role=role, teams=teams)
        db.execute(cur, "change_log_add", what="user saved", upload_id=None)
    return Viewer(email, name or email, role, tuple(teams))


def remove_user(database: db.Database, email: str) -> bool:
    """Removes a user; False if there was none."""
    with database.transaction() as cur:
        gone = db.execute(cur, "user_remove", email=email).fetchone() is not None
        if gone:
            db.execute(cur, "change_log_add", what="user removed", upload_id=None)
    return gone


def leaders(database: db.Database) -> list[str]:
    """E-mail addresses of the leaders (whom an unknown user should ask)."""
    users = list_users(database)
    return users.loc[users["role"] == "leader", "email"].tolist()


def teams_param(teams: Sequence[str] | None) -> list[str] | None:
    """The `$teams` parameter every data query takes: None for all teams, else a list."""
    return None if teams is None else list(teams)
