"""Review-UI sessions: the cookie holds an opaque random id; the store keeps its SHA-256,
the key it was opened with, and the CSRF token its forms carry. Sign-out deletes the row;
revoking the key ends its sessions at once."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

import sqlalchemy as sa

from proscribe.enforce.keys import Principal
from proscribe.store.tables import api_keys, ui_sessions

#: A session lasts this long after sign-in, however active.
SESSION_SECONDS = 12 * 3600


@dataclass(frozen=True, slots=True)
class Session:
    principal: Principal
    csrf: str


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()


def open_session(engine: sa.Engine, key_id: int) -> tuple[str, str]:
    """A new session for the key: (the id for the cookie, the CSRF token)."""
    session_id, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(32), time.time()
    with engine.begin() as conn:
        conn.execute(ui_sessions.delete().where(ui_sessions.c.expires_at < now))
        conn.execute(
            ui_sessions.insert().values(
                id_hash=_hash(session_id),
                key_id=key_id,
                csrf=csrf,
                created_at=now,
                expires_at=now + SESSION_SECONDS,
            )
        )
    return session_id, csrf


def session_for(engine: sa.Engine, session_id: str) -> Session | None:
    """The live session with this id, opened with a key that is still active; else None."""
    query = (
        sa.select(api_keys.c.id, api_keys.c.name, api_keys.c.role, ui_sessions.c.csrf)
        .join(api_keys, api_keys.c.id == ui_sessions.c.key_id)
        .where(
            ui_sessions.c.id_hash == _hash(session_id),
            ui_sessions.c.expires_at > time.time(),
            api_keys.c.revoked_at.is_(None),
        )
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Session(Principal(row.id, row.name, row.role), row.csrf) if row else None


def end_session(engine: sa.Engine, session_id: str) -> None:
    with engine.begin() as conn:
        conn.execute(ui_sessions.delete().where(ui_sessions.c.id_hash == _hash(session_id)))
