"""Dependencies: the service's shared state, the caller's key, role checks."""

from __future__ import annotations

import datetime as dt
import logging
import math
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, HTTPException, Request

from proscribe.access import AccessRules
from proscribe.api.guard import KeyRing, Throttle
from proscribe.api.limits import RateLimiter
from proscribe.api.problems import Coded
from proscribe.decide import Verdict
from proscribe.deploy import Decider, deployment_for
from proscribe.deploy.revisions import latest_activation
from proscribe.deploy.shadow import ShadowWriter, shadow_rows
from proscribe.enforce import Ledger
from proscribe.enforce.fingerprints import REFRESH_SECONDS, relist_index
from proscribe.enforce.keys import Principal
from proscribe.errors import Diagnostic, PackError, ProscribeError, UsageError
from proscribe.policy import PolicyPack, bundled_pack_ids, load_pack
from proscribe.types import Listing

log = logging.getLogger(__name__)

#: Roles that may set ``as_of`` (backdate) and force ``jurisdiction`` on enforcing endpoints.
BACKDATING_ROLES = ("admin",)


@dataclass
class Service:
    """Built once at start-up: the database, the deployment of the pack (live, staged and
    shadow revisions, re-read when one is activated), the ledgers and the access rules."""

    db: sa.Engine
    pack_ref: str  # as given to `serve --pack`
    decider: Decider
    access: AccessRules | None
    limiter: RateLimiter
    metrics: Any
    shadow: ShadowWriter
    restored: Path  # where revisions restored from the store are unpacked
    keys: KeyRing
    throttle: Throttle = field(default_factory=Throttle)
    # One Hyperscan scratch per engine: decisions take turns (the GIL serialises them anyway).
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _access: dict[str, AccessRules] = field(default_factory=dict)
    _refreshed_at: float = -math.inf
    _activation: int | None = None  # the newest activation the decider was built from

    @property
    def pack(self) -> PolicyPack:
        """The live revision."""
        return self.decider.deployment.live

    @property
    def revisions(self) -> list[PolicyPack]:
        """The revisions in hand (live and staged): used as they are when a record names one."""
        return list(self.decider.deployment.packs.values())

    def today(self) -> dt.date:
        return dt.datetime.now(dt.UTC).date()

    def decide(self, listing: Listing, *, as_of: dt.date, jurisdiction: str | None) -> Verdict:
        self._refresh()  # outside the lock: other requests are decided while it loads
        with self._lock:
            verdicts, pairs = self.decider.decide_batch(
                [listing], as_of=as_of, jurisdiction=jurisdiction
            )
        if pairs:
            self.shadow.put(shadow_rows(pairs, "service"))
        verdict = verdicts[0]
        for cls in verdict.classes or ("none",):
            self.metrics.decisions.labels(verdict.decision, cls).inc()
        return verdict

    def _refresh(self) -> None:
        """Every ``REFRESH_SECONDS``: reload removed listings' fingerprints, and the
        deployment when a revision was activated or ended since."""
        now = time.monotonic()
        if now - self._refreshed_at < REFRESH_SECONDS:
            return
        self._refreshed_at = now  # first: concurrent requests do not all reload
        relist = relist_index(self.db, self.pack.id)
        newest = latest_activation(self.db, self.pack.id)
        if newest != self._activation:
            self._activation = newest
            into = Path(tempfile.mkdtemp(dir=self.restored))
            try:
                decider = Decider(deployment_for(self.db, self.pack_ref, into), relist)
            except ProscribeError as exc:  # e.g. `serve --pack FOLDER` and another went live
                log.error("keeping the revisions in use: %s", exc)
            else:
                self.decider = decider  # one swap of the reference, relist index included
                return
        self.decider.set_relist(relist)

    def access_rules(self, pack_id: str | None) -> AccessRules:
        """The access rules of the served pack, or of a bundled pack named by id."""
        if pack_id is None or pack_id == self.pack.id:
            rules = self.access
        else:
            if pack_id not in bundled_pack_ids():
                raise PackError(
                    Diagnostic(
                        "PSC-P008",
                        f"no bundled pack '{pack_id}'",
                        None,
                        f"bundled: {', '.join(bundled_pack_ids())}",
                    )
                )
            rules = self._access.get(pack_id)
            if rules is None:
                rules = self._access[pack_id] = AccessRules(load_pack(pack_id))
        if rules is None or not rules.spec.rules:
            raise UsageError(
                Diagnostic(
                    "PSC-U011",
                    f"pack '{pack_id or self.pack.id}' declares no access rules",
                    None,
                    "name one that does, e.g. cn-exchange-offboarding-2021",
                )
            )
        return rules

    def ledger(self, actor: str, revision: str | None = None) -> Ledger:
        """The ledger acting as ``actor`` (the key's name, for the audit log), enforcing the
        revision that decided (the live one, or the staged one within its scope)."""
        packs = self.decider.deployment.packs
        return Ledger(self.db, packs.get(revision or "", self.pack), actor=actor)


async def service(request: Request) -> Service:
    """An attribute read: ``async`` so FastAPI runs it on the loop, not in a thread (a sync
    dependency costs a thread-pool hop per request)."""
    state: Service = request.app.state.service
    return state


ServiceDep = Annotated[Service, Depends(service)]


def caller(request: Request, svc: ServiceDep) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key:
        raise HTTPException(401, "no API key", headers={"WWW-Authenticate": "Bearer"})
    principal = identify(svc, key.strip(), client_address(request))
    if principal is None:
        raise HTTPException(
            401, "unknown or revoked API key", headers={"WWW-Authenticate": "Bearer"}
        )
    limit(svc, principal)
    return principal


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def identify(svc: Service, key: str, address: str) -> Principal | None:
    """The key's holder; None for a wrong key (counted against the address). An address
    that sent too many wrong keys gets 429 for unknown keys, without a database query."""
    principal = svc.keys.known(key)
    if principal is not None:
        return principal
    wait = svc.throttle.wait(address)
    if wait:
        raise Coded(
            429,
            "PSC-A004",
            f"too many unknown API keys from {address}; wait {wait} s",
            "check the key; each further failure doubles the wait",
            headers={"Retry-After": str(wait)},
        )
    principal = svc.keys.lookup(key)
    if principal is None:
        svc.throttle.failed(address)
    return principal


def limit(svc: Service, principal: Principal) -> None:
    """The key's rate limit (shared by the API and the review UI, and by every worker)."""
    if not svc.limiter.allow(principal.key_id):
        raise HTTPException(429, "rate limit exceeded", headers={"Retry-After": "1"})


def role(*allowed: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency admitting the given roles (and admin, who may do everything)."""

    async def check(principal: Annotated[Principal, Depends(caller)]) -> Principal:
        # no I/O: on the loop, without a thread-pool hop (``caller`` may query: it stays sync)
        if principal.role not in (*allowed, "admin"):
            raise HTTPException(
                403, f"role '{principal.role}' may not do this; needs {' or '.join(allowed)}"
            )
        return principal

    return check
