"""Pack revisions in the store: ``activate`` keeps the files, ``history`` lists them.

Every activation is kept with the pack folder it activated (zipped: YAML, cases, model), so a
verdict can later be re-decided and re-explained under the revision it named; each one is an
audit event. Modes: ``live`` (everywhere; ends any stage), ``staged`` (live for a share of
sellers and/or some countries), ``shadow`` (decided beside the live revision, recorded, no
effect); ``end(...)`` ends a stage or a shadow. Activating what is already in place is a no-op.
A revision string names one digest: editing a pack means bumping its ``revision``.
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
from proscribe.deploy.scope import Scope
from proscribe.errors import Diagnostic, Location, UsageError
from proscribe.policy import PolicyPack, load_pack
from proscribe.policy.safety import refuse_links
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
    share: float | None = None
    jurisdictions: str | None = None

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
            "share": self.share,
            "jurisdictions": self.jurisdictions.split(",") if self.jurisdictions else None,
        }

    def scope(self) -> Scope:
        """Where a staged revision decides."""
        return Scope.of(self.share, self.jurisdictions)


@dataclass(frozen=True, slots=True)
class InPlace:
    """What a pack id's activations add up to now: the live, staged and shadow revisions."""

    live: Activation | None = None
    staged: Activation | None = None
    shadow: Activation | None = None


MODES = ("live", "staged", "shadow")


def activate(
    engine: sa.Engine,
    pack: PolicyPack,
    *,
    by: str,
    note: str,
    mode: str = "live",
    share: float | None = None,
    jurisdictions: list[str] | None = None,
) -> Activation | None:
    """Put ``pack`` in place as ``mode``; ``None`` when it is in place already, so."""
    assert mode in MODES, mode
    where = ",".join(sorted(j.upper() for j in jurisdictions)) if jurisdictions else None
    with engine.begin() as conn:
        AuditLog().append(conn, [])  # the log's lock first: activations queue like writes
        _check_revision(conn, pack)
        now = in_place(conn, pack.id)
        current: Activation | None = getattr(now, mode)
        if current is not None and (current.digest, current.share, current.jurisdictions) == (
            pack.digest,
            share,
            where,
        ):
            return None
        values = _values(pack.id, pack.revision, pack.digest, mode, by, note)
        values |= {"share": share, "jurisdictions": where}
        found = _insert(conn, values, _zip(pack.path))
        replaces = current.revision if current else None
        result = {"digest": pack.digest, "note": note, "mode": mode, "replaces": replaces}
        if mode == "staged":
            result["scope"] = found.scope().describe()
        event = AuditEvent("activation", f"pack:{pack.id}", by, result, pack.id, pack.revision)
        AuditLog().append(conn, [event])
    return found


def end(engine: sa.Engine, pack_id: str, mode: str, *, by: str, note: str) -> Activation | None:
    """End the stage or the shadow of ``pack_id``; ``None`` when there is none."""
    assert mode in ("staged", "shadow"), mode
    with engine.begin() as conn:
        AuditLog().append(conn, [])
        current: Activation | None = getattr(in_place(conn, pack_id), mode)
        if current is None:
            return None
        values = _values(pack_id, current.revision, current.digest, f"{mode}-ended", by, note)
        found = _insert(conn, values, b"")
        result = {"digest": current.digest, "note": note, "mode": found.mode}
        event = AuditEvent("activation", f"pack:{pack_id}", by, result, pack_id, current.revision)
        AuditLog().append(conn, [event])
    return found


def in_place(conn: sa.Connection, pack_id: str) -> InPlace:
    """Replay the activations of ``pack_id``: a live one ends the stage; ``*-ended`` ends one;
    a shadow of what has gone live has nothing left to compare and ends too."""
    live = staged = shadow = None
    query = (
        sa.select(*_columns())
        .where(pack_activations.c.pack_id == pack_id)
        .order_by(pack_activations.c.id)
    )
    for row in conn.execute(query):
        a = Activation(**row._mapping)
        if a.mode == "live":
            live, staged = a, None
        elif a.mode in ("staged", "shadow"):
            staged, shadow = (a, shadow) if a.mode == "staged" else (staged, a)
        elif a.mode == "staged-ended":
            staged = None
        elif a.mode == "shadow-ended":
            shadow = None
        if shadow is not None and live is not None and shadow.digest == live.digest:
            shadow = None
    return InPlace(live, staged, shadow)


def latest_activation(engine: sa.Engine, pack_id: str) -> int | None:
    """The id of the newest activation of ``pack_id`` (a cheap "has anything changed?")."""
    query = sa.select(sa.func.max(pack_activations.c.id)).where(
        pack_activations.c.pack_id == pack_id
    )
    with engine.connect() as conn:
        found = conn.execute(query).scalar()
    return int(found) if found is not None else None


def _check_revision(conn: sa.Connection, pack: PolicyPack) -> None:
    """One revision string, one digest: otherwise a verdict's revision would be ambiguous."""
    other = conn.execute(
        sa.select(pack_activations.c.digest).where(
            pack_activations.c.pack_id == pack.id,
            pack_activations.c.revision == pack.revision,
            pack_activations.c.digest != pack.digest,
        )
    ).first()
    if other is not None:
        raise UsageError(
            Diagnostic(
                "PSC-U040",
                f"revision '{pack.revision}' of {pack.id} was activated with other contents "
                f"(digest {other.digest[:12]}, this one {pack.digest[:12]})",
                Location(str(pack.path / "pack.yaml")),
                "bump `revision` in pack.yaml: verdicts name the revision they were decided under",
            )
        )


def _values(
    pack_id: str, revision: str, digest: str, mode: str, by: str, note: str
) -> dict[str, Any]:
    return {
        "pack_id": pack_id,
        "revision": revision,
        "digest": digest,
        "mode": mode,
        "activated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "activated_by": by,
        "note": note,
    }


def _insert(conn: sa.Connection, values: dict[str, Any], files: bytes) -> Activation:
    inserted = conn.execute(
        pack_activations.insert().values(files=files, **values)
    ).inserted_primary_key
    assert inserted is not None
    return Activation(int(inserted[0]), **values)


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
        .where(
            pack_activations.c.pack_id == pack_id,
            pack_activations.c.revision == revision,
            pack_activations.c.mode.in_(MODES),
        )
        .order_by(pack_activations.c.id.desc())
    )
    with engine.connect() as conn:
        files = conn.execute(query).scalar()
    if files is None:
        raise KeyError(f"{pack_id} {revision}")
    with zipfile.ZipFile(io.BytesIO(files)) as archive:
        archive.extractall(into)
    return load_pack(into)


def _columns() -> list[sa.Column[Any]]:
    return [c for c in pack_activations.c if c.name != "files"]


def _zip(folder: Path) -> bytes:
    """The pack folder's files (its model among them: packs name nothing outside it)."""
    refuse_links(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()
