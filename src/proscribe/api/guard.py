"""Who is calling, without a database query per wrong key: the active keys' hashes held in
memory, and failed keys and sign-ins throttled per client address with a growing back-off."""

from __future__ import annotations

import hashlib
import math
import threading
import time
from dataclasses import dataclass, field

import sqlalchemy as sa

from proscribe.enforce.keys import Principal
from proscribe.store.tables import api_keys

#: How long the key list is trusted: a revoked key works at most this much longer.
KEY_CACHE_SECONDS = 10.0
#: An unknown key re-reads the list at most this often (a key created a moment ago works).
MISS_REFRESH_SECONDS = 1.0
#: Failed keys an address may send before it must wait; then 1 s, 2 s, 4 s … up to MAX_WAIT.
FREE_FAILURES = 5
MAX_WAIT = 300.0
#: An address's failures are forgotten after this long without one.
FORGET_SECONDS = 900.0


class KeyRing:
    """The active keys by SHA-256, read from the store at most once per ``KEY_CACHE_SECONDS``
    (and, on an unknown key, at most once per ``MISS_REFRESH_SECONDS``)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._keys: dict[str, Principal] = {}
        self._read_at = -math.inf
        self._lock = threading.Lock()

    def known(self, key: str) -> Principal | None:
        """The key's holder if the list has it; reads the store only when the list is older
        than ``KEY_CACHE_SECONDS`` (so a revocation counts within that time)."""
        if time.monotonic() - self._read_at > KEY_CACHE_SECONDS:
            self._reload(KEY_CACHE_SECONDS)
        return self._keys.get(_hash(key))

    def lookup(self, key: str) -> Principal | None:
        digest = _hash(key)
        age = time.monotonic() - self._read_at
        if age > KEY_CACHE_SECONDS or (digest not in self._keys and age > MISS_REFRESH_SECONDS):
            self._reload(MISS_REFRESH_SECONDS)
        return self._keys.get(digest)

    def _reload(self, older_than: float) -> None:
        with self._lock:
            if time.monotonic() - self._read_at <= older_than:
                return  # another thread just did
            query = sa.select(
                api_keys.c.id, api_keys.c.name, api_keys.c.role, api_keys.c.key_hash
            ).where(api_keys.c.revoked_at.is_(None))
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
            self._keys = {r.key_hash: Principal(r.id, r.name, r.role) for r in rows}
            self._read_at = time.monotonic()


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class _Record:
    failures: int = 0
    last: float = 0.0
    until: float = 0.0


@dataclass
class Throttle:
    """Failed keys and sign-ins per client address (in this worker's memory: counting them
    in the store would be the database query per failure this avoids)."""

    _by_address: dict[str, _Record] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, address: str) -> int:
        """Seconds the address must still wait before another unknown key is tried (0: none)."""
        record = self._by_address.get(address)
        if record is None:
            return 0
        return max(0, math.ceil(record.until - time.monotonic()))

    def failed(self, address: str) -> int:
        """Count a failure; the seconds the address must now wait."""
        now = time.monotonic()
        with self._lock:
            if len(self._by_address) > 100_000:
                self._forget(now)
            record = self._by_address.setdefault(address, _Record())
            if now - record.last > FORGET_SECONDS:
                record.failures = 0
            record.failures += 1
            record.last = now
            over = record.failures - FREE_FAILURES
            if over > 0:
                record.until = now + min(MAX_WAIT, 2.0 ** (over - 1))
        return self.wait(address)

    def _forget(self, now: float) -> None:
        stale = [a for a, r in self._by_address.items() if now - r.last > FORGET_SECONDS]
        for address in stale:
            del self._by_address[address]
        if len(self._by_address) > 100_000:
            self._by_address.clear()
