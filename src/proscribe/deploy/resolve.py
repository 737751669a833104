"""Which pack a store-backed command acts under: what the store recorded, never a default.

A strike, a removal and a verdict name the pack id and revision they were decided under, and
``pack activate`` keeps each activated revision's files in the store. So ``seller show``,
``appeal decide``, ``reinstate``, ``rescan`` and the service's seller and appeal endpoints
restore the very revision the store names (``stored_pack``), or the live revision of a pack
id (``pack_in_store``) — any team's pack, not only the bundled ones. When the store cannot
say, the error names ``pack activate``.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

import orjson
import sqlalchemy as sa

from proscribe.cachefile import cache_dir
from proscribe.deploy.revisions import in_place, restore
from proscribe.errors import Diagnostic, Location, PackError, UsageError
from proscribe.policy import PolicyPack, bundled_pack_ids, load_pack
from proscribe.store.tables import appeals, listings, pack_activations, removals, strikes

_cache: dict[tuple[str, str, str], PolicyPack] = {}  # (id, revision, digest)
_lock = threading.Lock()


def never_activated(pack_id: str, revision: str | None) -> PackError:
    what = f"revision {revision} of pack '{pack_id}'" if revision else f"pack '{pack_id}'"
    return PackError(
        Diagnostic(
            "PSC-P046",
            f"{what} was never activated in this store, so its files were not kept",
            None,
            "activate the pack's folder first (proscribe pack activate FOLDER --note … "
            "--db URL), or pass --pack FOLDER; bundled packs: " + ", ".join(bundled_pack_ids()),
        )
    )


def stored_pack(
    db: sa.Engine, pack_id: str, revision: str, known: Iterable[PolicyPack] = ()
) -> PolicyPack:
    """Revision ``revision`` of ``pack_id`` as the store kept it (or the bundled folder when
    it is that revision and was never activated). Its files are unpacked once per digest into
    the cache (``$PROSCRIBE_CACHE_DIR/revisions/``) and stay there: worker processes load a
    pack from its folder. ``known``: packs in hand (a service's revisions), used as they are
    when one is that revision."""
    for pack in known:
        if (pack.id, pack.revision) == (pack_id, revision):
            return pack
    digest = _digest(db, pack_id, revision)
    key = (pack_id, revision, digest)
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = _unpacked(db, pack_id, revision, digest) if digest else _bundled(pack_id, revision)
        with _lock:
            _cache[key] = found
    return found


def _unpacked(db: sa.Engine, pack_id: str, revision: str, digest: str) -> PolicyPack:
    final = _revisions_dir() / digest
    if (final / "pack.yaml").is_file():
        return load_pack(final)
    scratch = Path(tempfile.mkdtemp(prefix=f".{digest[:12]}-", dir=final.parent))
    pack = restore(db, pack_id, revision, scratch)
    try:
        scratch.rename(final)
    except OSError:  # another process unpacked it first, or the cache is read-only
        return pack
    return load_pack(final)


def _revisions_dir() -> Path:
    folder = cache_dir() / "revisions"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path(tempfile.mkdtemp(prefix="proscribe-revisions-"))
    return folder


def _digest(db: sa.Engine, pack_id: str, revision: str) -> str:
    query = sa.select(pack_activations.c.digest).where(
        pack_activations.c.pack_id == pack_id, pack_activations.c.revision == revision
    )
    with db.connect() as conn:
        return str(conn.execute(query).scalar() or "")


def _bundled(pack_id: str, revision: str | None) -> PolicyPack:
    if pack_id in bundled_pack_ids():
        pack = load_pack(pack_id)
        if revision is None or pack.revision == revision:
            return pack
    raise never_activated(pack_id, revision)


def pack_in_store(db: sa.Engine, ref: str) -> PolicyPack:
    """``--pack REF``: a pack folder as given; else the live revision of the pack id in the
    store; else a bundled pack. Never a silent default."""
    path = Path(ref)
    if path.is_dir() or path.name == "pack.yaml":
        return load_pack(ref)
    with db.connect() as conn:
        live = in_place(conn, ref).live
    if live is not None:
        return stored_pack(db, ref, live.revision)
    if ref in bundled_pack_ids():
        return load_pack(ref)
    raise PackError(
        Diagnostic(
            "PSC-P008",
            f"no policy pack '{ref}': not a folder, not live in this store, not bundled",
            Location(ref),
            "activate it (proscribe pack activate FOLDER --note … --db URL) or give its "
            "folder; bundled: " + ", ".join(bundled_pack_ids()),
        )
    )


def seller_pack(
    db: sa.Engine, seller_id: str, known: Iterable[PolicyPack] = ()
) -> PolicyPack | None:
    """The pack whose ladder the seller stands on: that of their latest strike (``None``
    when they have none)."""
    query = (
        sa.select(strikes.c.pack_id, strikes.c.revision)
        .where(strikes.c.seller_id == seller_id)
        .order_by(strikes.c.id.desc())
        .limit(1)
    )
    with db.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else stored_pack(db, row.pack_id, row.revision, known)


def listing_pack(
    db: sa.Engine, listing_id: str, known: Iterable[PolicyPack] = ()
) -> PolicyPack | None:
    """The pack that removed the listing (its latest removal), else that of its verdict."""
    query = (
        sa.select(removals.c.pack_id, removals.c.revision)
        .where(removals.c.listing_id == listing_id)
        .order_by(removals.c.id.desc())
        .limit(1)
    )
    with db.connect() as conn:
        row = conn.execute(query).first()
        if row is None:
            verdict = conn.execute(
                sa.select(listings.c.verdict).where(listings.c.listing_id == listing_id)
            ).scalar_one_or_none()
    if row is not None:
        return stored_pack(db, row.pack_id, row.revision, known)
    if verdict is None:
        return None
    record = orjson.loads(verdict)
    return stored_pack(db, record["pack"], record["revision"], known)


def live_pack_ids(db: sa.Engine) -> list[str]:
    """The ids of the packs with a live revision in the store."""
    ids = sa.select(pack_activations.c.pack_id).distinct()
    with db.connect() as conn:
        found = [str(i) for i in conn.execute(ids).scalars()]
        return sorted(i for i in found if in_place(conn, i).live is not None)


def default_ref(db: sa.Engine, given: str | None, fallback: str) -> str:
    """``--pack`` when given; else the one pack live in the store; else ``fallback`` (an
    empty store). Several live packs and no ``--pack`` is a usage error naming them."""
    if given is not None:
        return given
    live = live_pack_ids(db)
    if len(live) == 1:
        return live[0]
    if not live:
        return fallback
    raise UsageError(
        Diagnostic(
            "PSC-U050",
            f"{len(live)} packs are live in this store ({', '.join(live)}); which one?",
            None,
            "pass --pack ID (`proscribe pack history ID` shows what is in place)",
        )
    )


def appeal_pack(
    db: sa.Engine, appeal_id: int, known: Iterable[PolicyPack] = ()
) -> PolicyPack | None:
    """The pack that removed the appealed listing (``None`` for an unknown appeal)."""
    query = sa.select(appeals.c.listing_id).where(appeals.c.id == appeal_id)
    with db.connect() as conn:
        listing_id = conn.execute(query).scalar_one_or_none()
    return None if listing_id is None else listing_pack(db, listing_id, known)
