"""Guards before any parsing (body size, text a store refuses in the path or query) and
per-key rate limits kept in the store, shared by every worker and every server."""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any
from urllib.parse import unquote_to_bytes

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from proscribe.api.fields import REFUSED_TEXT, refused_at
from proscribe.limits import MAX_BODY
from proscribe.store.tables import rate_buckets


async def send_problem(send: Any, status: int, body: dict[str, Any]) -> None:
    """A problem+json response sent straight from ASGI middleware."""
    code = body["code"]
    data = orjson.dumps({"type": f"https://proscribe.dev/problems/{code}", "title": code, **body})
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(data)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


class BodyLimit:
    """Answers 413 as soon as a request body passes ``limit`` bytes, declared or streamed
    (chunked): whatever the application made of the cut-off body is replaced by the 413."""

    def __init__(self, app: Any, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._reject(send)
            return
        seen, over = 0, False

        async def limited() -> Any:
            nonlocal seen, over
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                over = True
                raise _TooLarge
            return message

        async def sending(message: Any) -> None:
            if not over:  # the app's answer to a cut-off body (a 400, say) is dropped
                await send(message)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, limited, sending)
        if over:
            await self._reject(send)

    async def _reject(self, send: Any) -> None:
        await send_problem(
            send,
            413,
            {
                "status": 413,
                "code": "PSC-U023",
                "detail": f"request body over {self.limit:,} bytes",
                "hint": "send at most 1,000 listings and 2 MB per request",
            },
        )


class _TooLarge(Exception):  # noqa: N818 - an internal signal, not an error users see
    pass


class TextGuard:
    """422 PSC-U025 for a path or query string holding a character no store keeps (a NUL,
    or percent-escapes that are not UTF-8): ids and filters reach SQL as text."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            where = _refused(scope)
            if where is not None:
                await send_problem(
                    send,
                    422,
                    {
                        "status": 422,
                        "code": REFUSED_TEXT,
                        "detail": f"the {where} holds a NUL byte or bytes that are not UTF-8",
                        "hint": "ids and query values must be UTF-8 text without NUL bytes",
                    },
                )
                return
        await self.app(scope, receive, send)


def _refused(scope: Any) -> str | None:
    raw = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
    for where, data in (("path", raw), ("query string", scope.get("query_string", b""))):
        decoded = unquote_to_bytes(data.replace(b"+", b" "))
        try:
            text = decoded.decode("utf-8")
        except UnicodeDecodeError:
            return where
        if refused_at(text) is not None:
            return where
    return None


class RateLimiter:
    """A token bucket per key, ``rate`` requests a second and bursts up to ``burst``, kept in
    the store's ``rate_buckets``: every worker and every server on the database shares it.

    A worker takes tokens from the store in leases of ``rate / 20`` (at least 1, at most a
    quarter of the burst) and spends them within ``LEASE_SECONDS``; what it has not spent by
    then lapses. So the store sees about 20 writes a second per busy key, and no worker can
    spend more than the shared bucket holds. One atomic UPDATE … RETURNING per lease."""

    LEASE_SECONDS = 1.0

    def __init__(self, engine: sa.Engine, rate: float, burst: int) -> None:
        self.engine = engine
        self.rate = rate
        self.burst = float(burst)
        self.lease = max(1, min(int(rate / 20), burst // 4))
        refilled = rate_buckets.c.tokens + (sa.bindparam("now") - rate_buckets.c.at) * rate
        level = sa.case((refilled > self.burst, self.burst), else_=refilled)
        self._take = (
            rate_buckets.update()
            .where(rate_buckets.c.bucket == sa.bindparam("b"), level >= sa.bindparam("n"))
            .values(tokens=level - sa.bindparam("n"), at=sa.bindparam("now"))
            .returning(rate_buckets.c.tokens)
        )
        dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
        self._insert = dialect.insert(rate_buckets)
        self._in_hand: dict[int, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key_id: int) -> bool:
        now = time.monotonic()
        with self._lock:
            left, since = self._in_hand.get(key_id, (0, now))
            if left > 0 and now - since < self.LEASE_SECONDS:
                self._in_hand[key_id] = (left - 1, since)
                return True
        got = self._lease(f"key:{key_id}")
        if got:
            with self._lock:
                self._in_hand[key_id] = (got - 1, now)
        return got > 0

    def _lease(self, bucket: str) -> int:
        """Tokens taken from the shared bucket: a lease, or 1 if that is all there is, or 0."""
        now = time.time()
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # a lost refill after a crash is no loss
                conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            for n in dict.fromkeys((self.lease, 1)):
                if conn.execute(self._take, {"b": bucket, "n": n, "now": now}).first():
                    return n
            fresh = self._insert.values(bucket=bucket, tokens=self.burst - self.lease, at=now)
            added = conn.execute(fresh.on_conflict_do_nothing().returning(rate_buckets.c.bucket))
            if added.first() is not None:
                return self.lease if self.burst >= self.lease else 0
            # another worker created the bucket meanwhile: take from it
            taken = conn.execute(self._take, {"b": bucket, "n": 1, "now": now}).first()
            return 1 if taken else 0
