"""Pack revisions in the store: ``activate`` keeps the files, ``history`` lists them.

Every activation is kept with the pack folder it activated (zipped: YAML, cases, model), so a
verdict can later be re-decided and re-explained under the revision it named; each one is an
audit event. Activating the revision already live is a no-op (same digest).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from proscribe.audit import AuditEvent, AuditLog
from proscribe.policy import PolicyPack, load_pack
from proscribe.store.tables import pack_activations


@dataclass(frozen=True, slots=True)
class Activation:
    id: int
    pack_id: str
    revision: str
    digest: str
    mode: str
    activated_at: str
    activated_by: str
    note: str

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "pack_id": self.pack_id,
            "revision": self.revision,
            "digest": self.digest,
            "mode": self.mode,
            "activated_at": self.activated_at,
            "activated_by": self.activated_by,
            "note": self.note,
        }


def activate(engine: sa.Engine, pack: PolicyPack, *, by: str, note: str) -> Activation | None:
    """Make ``pack`` the live revision of its id; ``None`` when it is live already."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with engine.begin() as conn:
        AuditLog().append(conn, [])  # the log's lock first: activations queue like writes
        live = _live(conn, pack.id)
        if live is not None and live.digest == pack.digest:
            return None
        values = {
            "pack_id": pack.id,
            "revision": pack.revision,
            "digest": pack.digest,
            "mode": "live",
            "activated_at": now,
            "activated_by": by,
            "note": note,
        }
        inserted = conn.execute(
            pack_activations.insert().values(files=_zip(pack.path), **values)
        ).inserted_primary_key
        assert inserted is not None
        new_id = inserted[0]
        result = {"digest": pack.digest, "note": note, "replaces": live.revision if live else None}
        event = AuditEvent("activation", f"pack:{pack.id}", by, result, pack.id, pack.revision)
        AuditLog().append(conn, [event])
    return Activation(int(new_id), **values)


def history(engine: sa.Engine, pack_id: str) -> list[Activation]:
    """Every activation of ``pack_id``, oldest first."""
    query = (
        sa.select(*_columns())
        .where(pack_activations.c.pack_id == pack_id)
        .order_by(pack_activations.c.id)
    )
    with engine.connect() as conn:
        return [Activation(**row._mapping) for row in conn.execute(query)]


def restore(engine: sa.Engine, pack_id: str, revision: str, into: Path) -> PolicyPack:
    """The files of an activated revision, unpacked into ``into`` and loaded."""
    query = (
        sa.select(pack_activations.c.files)
        .where(pack_activations.c.pack_id == pack_id, pack_activations.c.revision == revision)
        .order_by(pack_activations.c.id.desc())
    )
    with engine.connect() as conn:
        files = conn.execute(query).scalar()
    if files is None:
        raise KeyError(f"{pack_id} {revision}")
    with zipfile.ZipFile(io.BytesIO(files)) as archive:
        archive.extractall(into)
    return load_pack(into)


def _live(conn: sa.Connection, pack_id: str) -> Activation | None:
    query = (
        sa.select(*_columns())
        .where(pack_activations.c.pack_id == pack_id)
        .order_by(pack_activations.c.id.desc())
        .limit(1)
    )
    row = conn.execute(query).first()
    return Activation(**row._mapping) if row is not None else None


def _columns() -> list[sa.Column[Any]]:
    return [c for c in pack_activations.c if c.name != "files"]


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()
