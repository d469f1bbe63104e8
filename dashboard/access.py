"""Who may see which teams: users, roles and the viewer of a session.

A `manager` sees only the reps of their own teams; a `leader` sees all. Every
data function takes `teams` (None = all) and filters in its SQL, so the rule
holds wherever data is read, not only in the interface. Write functions take the
acting `Viewer` and refuse what the role does not allow (`NotAllowed`), and record
who acted (`Viewer.by`). Local mode (no identity provider) and the CLI act as one
leader, `LOCAL_LEADER`.
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

    @property
    def by(self) -> str:
        """How this viewer's changes are recorded: the e-mail, or 'local user' without login."""
        return LOCAL_USER if self.email == _LOCAL_EMAIL else self.email


_LOCAL_EMAIL = "local"  # never a valid user e-mail (save_user checks the form)
LOCAL_USER = "local user"
LOCAL_LEADER = Viewer(email=_LOCAL_EMAIL, name=LOCAL_USER, role="leader")


class AccessError(ValueError):
    """A user record that cannot be saved, with the reason."""


class NotAllowed(PermissionError):
    """The viewer's role does not allow this change; the message says who can."""


def require_leader(viewer: Viewer, what: str) -> None:
    """Raises NotAllowed unless the viewer is a leader; `what` completes "only a sales leader can …"."""
    if not viewer.is_leader:
        raise NotAllowed(f"Only a sales leader can {what}; nothing was changed.")


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
    database: db.Database,
    email: str,
    role: str,
    teams: Sequence[str] = (),
    name: str | None = None,
    *,
    viewer: Viewer = LOCAL_LEADER,
) -> Viewer:
    """Adds or updates a user (leaders only: `viewer` acts). A manager needs at least one team."""
    require_leader(viewer, "change who may use the app")
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
        db.execute(cur, "change_log_add", what="user saved", upload_id=None, by=viewer.by)
    return Viewer(email, name or email, role, tuple(teams))


def remove_user(database: db.Database, email: str, *, viewer: Viewer = LOCAL_LEADER) -> bool:
    """Removes a user (leaders only: `viewer` acts); False if there was none."""
    require_leader(viewer, "change who may use the app")
    with database.transaction() as cur:
        gone = db.execute(cur, "user_find", email=email).fetchone() is not None
        if gone:
            db.execute(cur, "user_remove", email=email)
            db.execute(cur, "change_log_add", what="user removed", upload_id=None, by=viewer.by)
    return gone


def leaders(database: db.Database) -> list[str]:
    """E-mail addresses of the leaders (whom an unknown user should ask)."""
    users = list_users(database)
    return users.loc[users["role"] == "leader", "email"].tolist()


def teams_param(teams: Sequence[str] | None) -> list[str] | None:
    """The `$teams` parameter every data query takes: None for all teams, else a list."""
    return None if teams is None else list(teams)
