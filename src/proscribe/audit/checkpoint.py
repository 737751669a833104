"""Signed checkpoints: an audit log that survives whoever can write to its database.

The hash chain alone proves that events were not changed *relative to each other*; someone
with write access can still delete the tail and rewrite ``audit_head``, or edit an event and
re-compute every later hash. A checkpoint is the head's sequence number and hash, with the
time, signed with an Ed25519 key the database never sees. Kept elsewhere (another system,
a regulator's inbox, a public page), it lets ``audit verify --checkpoint`` prove that the
log still *extends* what was signed: the event at the checkpoint's sequence number is still
there, with the same hash.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from proscribe.errors import ProscribeError, UsageError, error
from proscribe.store.tables import audit_events, audit_head

CHECKPOINT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """What was signed: the head's position and hash at a time, and whose key signed it."""

    seq: int
    hash: str
    at: str
    key_id: str
    version: int = CHECKPOINT_VERSION

    def payload(self) -> bytes:
        """The canonical bytes the signature covers."""
        return orjson.dumps(asdict(self), option=orjson.OPT_SORT_KEYS)


def key_id(public: Ed25519PublicKey) -> str:
    """A short, stable name for a public key: the first 16 hex digits of its SHA-256."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def keygen(private_path: Path, public_path: Path) -> str:
    """Write a new Ed25519 key pair (PEM; the private key readable by its owner only)."""
    for path in (private_path, public_path):
        if path.exists():
            raise error(
                UsageError,
                "PSC-U060",
                f"'{path}' exists; refusing to overwrite a key",
                hint="choose another file name, or move the old key away first",
            )
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    public = private.public_key()
    public_path.write_bytes(
        public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return key_id(public)


def load_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(_read(path, "private key"), password=None)
    except (ValueError, TypeError) as exc:
        raise _bad_key(path, f"is not an unencrypted PEM private key ({exc})") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise _bad_key(path, "is not an Ed25519 private key")
    return key


def load_public(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(_read(path, "public key"))
    except ValueError as exc:
        raise _bad_key(path, f"is not a PEM public key ({exc})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise _bad_key(path, "is not an Ed25519 public key")
    return key


def sign_head(engine: sa.Engine, private: Ed25519PrivateKey, now: dt.datetime) -> dict[str, Any]:
    """Sign the log's head as it is now; return the checkpoint document to keep elsewhere."""
    with engine.connect() as conn:
        head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash)).one()
    checkpoint = Checkpoint(
        int(head.seq),
        str(head.hash),
        now.astimezone(dt.UTC).isoformat(timespec="seconds"),
        key_id(private.public_key()),
    )
    signature = private.sign(checkpoint.payload())
    return {"checkpoint": asdict(checkpoint), "signature": base64.b64encode(signature).decode()}


def read_checkpoint(path: Path) -> tuple[Checkpoint, bytes]:
    """Parse a checkpoint file (PSC-U063 when it is not one)."""
    try:
        document = orjson.loads(_read(path, "checkpoint"))
        fields = document["checkpoint"]
        checkpoint = Checkpoint(
            int(fields["seq"]),
            str(fields["hash"]),
            str(fields["at"]),
            str(fields["key_id"]),
            int(fields["version"]),
        )
        return checkpoint, base64.b64decode(document["signature"], validate=True)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise error(
            UsageError,
            "PSC-U063",
            f"'{path}' is not a checkpoint file ({type(exc).__name__}: {exc})",
            hint="write one with `proscribe audit checkpoint --key PRIVATE --out FILE`",
        ) from exc


def check(
    engine: sa.Engine, checkpoint: Checkpoint, signature: bytes, public: Ed25519PublicKey
) -> str | None:
    """``None`` when the signature holds and the log extends the checkpoint; else the problem."""
    try:
        public.verify(signature, checkpoint.payload())
    except InvalidSignature:
        return (
            "the checkpoint's signature does not verify with this public key: the checkpoint "
            "was altered or forged, or it was signed with another key"
        )
    with engine.connect() as conn:
        head = int(conn.execute(sa.select(audit_head.c.seq)).scalar_one())
        stored = conn.execute(
            sa.select(audit_events.c.hash).where(audit_events.c.seq == checkpoint.seq)
        ).scalar()
    if checkpoint.seq == 0:
        return None
    if stored is None or head < checkpoint.seq:
        return (
            f"the checkpoint of {checkpoint.at} signed event {checkpoint.seq}, but the log now "
            f"ends at event {head}: events were removed since"
        )
    if stored != checkpoint.hash:
        return (
            f"event {checkpoint.seq} no longer has the hash signed at {checkpoint.at} "
            f"({checkpoint.hash[:12]}…, now {str(stored)[:12]}…): the log was rewritten since"
        )
    return None


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise error(
            UsageError,
            "PSC-U061",
            f"cannot read the {what} '{path}': {exc.strerror}",
            hint="create keys with `proscribe audit keygen`",
        ) from exc


def _bad_key(path: Path, problem: str) -> ProscribeError:
    return error(
        UsageError,
        "PSC-U062",
        f"'{path}' {problem}",
        hint="use the files `proscribe audit keygen` writes",
    )
