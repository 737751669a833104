"""Compiled Hyperscan databases, cached on disk by content so each is built once.

Compiling a pack takes about a second and a half; loading its cached database takes
milliseconds. The key is a SHA-256 of the expressions, their flags and the Hyperscan
version, so a changed pack (or library) never reuses a stale database. The cache lives in
``$PROSCRIBE_CACHE_DIR`` or ``~/.cache/proscribe``; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import hashlib

import hyperscan

from proscribe.cachefile import cache_dir, store


def database(expressions: list[tuple[int, str]], flags: int) -> hyperscan.Database:
    """A block-mode database for ``(id, expression)`` pairs, from the cache when possible."""
    key = _key(expressions, flags)
    path = cache_dir() / f"hs-{key}.db"
    try:
        db = hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
        db.scratch = hyperscan.Scratch(db)
        return db
    except (OSError, hyperscan.error):
        pass
    db = hyperscan.Database()
    db.compile(
        expressions=[e.encode() for _, e in expressions],
        ids=[i for i, _ in expressions],
        elements=len(expressions),
        flags=[flags] * len(expressions),
    )
    store(path, hyperscan.dumpb(db))
    return db


def _key(expressions: list[tuple[int, str]], flags: int) -> str:
    sha = hashlib.sha256(f"{getattr(hyperscan, '__version__', '?')}|{flags}".encode())
    for ident, expression in expressions:
        sha.update(f"\0{ident}\0{expression}".encode())
    return sha.hexdigest()[:32]
