"""API keys: random, shown once, stored as SHA-256 hashes, each with one role."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from proscribe.audit import AuditEvent, AuditLog
from proscribe.errors import Diagnostic, LedgerError, UsageError
from proscribe.store.tables import api_keys

ROLES = ("integrator", "reviewer", "admin")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key's name (the actor in the audit log) and its role."""

    key_id: int
    name: str
    role: str


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def create_key(engine: sa.Engine, *, name: str, role: str, actor: str = "admin-cli") -> str:
    """Create a key and return it; only its hash is stored, so it cannot be shown again."""
    if role not in ROLES:
        raise UsageError(
            Diagnostic(
                "PSC-U013", f"unknown role '{role}'", None, f"choose one of {', '.join(ROLES)}"
            )
        )
    key = "psk_" + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        AuditLog().append(conn, [])
        key_id = conn.execute(
            api_keys.insert()
            .values(name=name, role=role, key_hash=_hash(key), created_at=_now())
            .returning(api_keys.c.id)
        ).scalar_one()
        AuditLog().append(
            conn, [AuditEvent("key-created", f"key:{key_id}", actor, {"name": name, "role": role})]
        )
    return key


def revoke_key(engine: sa.Engine, key_id: int, *, actor: str = "admin-cli") -> None:
    with engine.begin() as conn:
        AuditLog().append(conn, [])
        done = conn.execute(
            api_keys.update()
            .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
            .values(revoked_at=_now())
            .returning(api_keys.c.id)
        ).first()
        if done is None:
            raise LedgerError(
                Diagnostic(
                    "PSC-E007",
                    f"no active key {key_id}",
                    None,
                    "list keys with `proscribe keys list`",
                )
            )
        AuditLog().append(conn, [AuditEvent("key-revoked", f"key:{key_id}", actor, {})])


def list_keys(engine: sa.Engine) -> list[dict[str, object]]:
    query = sa.select(
        api_keys.c.id,
        api_keys.c.name,
        api_keys.c.role,
        api_keys.c.created_at,
        api_keys.c.revoked_at,
    ).order_by(api_keys.c.id)
    with engine.connect() as conn:
        return [{str(k): v for k, v in r._mapping.items()} for r in conn.execute(query)]


def authenticate(engine: sa.Engine, key: str) -> Principal | None:
    query = sa.select(api_keys.c.id, api_keys.c.name, api_keys.c.role).where(
        api_keys.c.key_hash == _hash(key), api_keys.c.revoked_at.is_(None)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Principal(int(row.id), str(row.name), str(row.role)) if row else None
