"""Small derived tables kept on disk, keyed by what they are built from.

The folding tables (a pass over Unicode, UTS #39 and OpenCC) take half a second to build and
milliseconds to read. Values are written with ``marshal`` (plain dictionaries, strings and
numbers: reading one runs no code) and checked for their type on the way back; a missing,
stale or unreadable file is rebuilt, and a cache that cannot be written is skipped. The
folder is ``$PROSCRIBE_CACHE_DIR`` or ``~/.cache/proscribe``, as for compiled databases.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Largest cache file read back.
MAX_BYTES = 64 * 1024 * 1024


def cache_dir() -> Path:
    configured = os.environ.get("PROSCRIBE_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "proscribe"


def key_of(*parts: str | bytes) -> str:
    """A content key: the parts given and this Python's version (marshal's format)."""
    sha = hashlib.sha256(sys.version.encode())
    for part in parts:
        sha.update(b"\0" + (part.encode() if isinstance(part, str) else part))
    return sha.hexdigest()[:32]


def cached(name: str, key: str, build: Callable[[], Any], kind: type) -> Any:
    """The value stored under ``name``/``key`` when it is a ``kind``; else ``build()``, stored."""
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        if path.stat().st_size <= MAX_BYTES:
            value = marshal.loads(path.read_bytes())
            if isinstance(value, kind):
                return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    store(path, marshal.dumps(value))
    return value


def save(name: str, key: str, value: Any) -> None:
    """Store ``value`` under ``name``/``key`` (a table that grew since it was read)."""
    store(cache_dir() / f"{name}-{key}.marshal", marshal.dumps(value))


def store(path: Path, blob: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            tmp.write(blob)
        os.replace(tmp.name, path)
    except OSError:
        return
