"""``create_app(db, pack)``: the FastAPI application (``proscribe serve`` runs it on uvicorn)."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi_offline import FastAPIOffline
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

import proscribe
from proscribe import ui
from proscribe.access import AccessRules
from proscribe.api import problems
from proscribe.api.deps import Service
from proscribe.api.guard import KeyRing
from proscribe.api.limits import BodyLimit, RateLimiter, TextGuard
from proscribe.api.routes import router
from proscribe.deploy import Decider, deployment_for
from proscribe.deploy.revisions import latest_activation
from proscribe.deploy.shadow import ShadowWriter
from proscribe.store import DEFAULT_URL, engine_for, upgrade


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "proscribe_requests",
            "HTTP requests",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "proscribe_request_seconds",
            "Request latency",
            ["route"],
            registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5),
        )
        self.decisions = Counter(
            "proscribe_decisions",
            "Verdicts by decision and class",
            ["decision", "class"],
            registry=self.registry,
        )


def create_app(
    db: str = DEFAULT_URL,
    pack: str = "cn-crypto-mining-2021",
    *,
    rate: float = 200.0,
    burst: int = 400,
) -> FastAPI:
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = engine_for(db)
        upgrade(database)
        with tempfile.TemporaryDirectory(prefix="proscribe-revisions-") as restored:
            deployment = deployment_for(database, pack, Path(restored) / "start")
            policy = deployment.live
            rules = policy.spec.access.rules if policy.spec.access else None
            shadow = ShadowWriter(database)
            app.state.service = Service(
                database,
                pack,
                Decider(deployment),
                AccessRules(policy) if rules else None,
                RateLimiter(database, rate, burst),
                metrics,
                shadow,
                Path(restored),
                KeyRing(database),
                _activation=latest_activation(database, policy.id),
            )
            yield
            shadow.close()
        database.dispose()

    app = FastAPIOffline(  # /docs and /redoc from packaged assets: no CDN
        title="proscribe",
        version=proscribe.__version__,
        lifespan=lifespan,
        description="Policy-pack compliance checks, enforcement, reviews and appeals.",
    )
    problems.install(app)
    app.include_router(router)
    ui.install(app)
    _operations(app, metrics)
    app.add_middleware(TextGuard)
    app.add_middleware(Measure, metrics=metrics)
    app.add_middleware(BodyLimit)
    return app


class Measure:
    """Pure ASGI middleware counting requests and timing them per route (Prometheus)."""

    def __init__(self, app: Any, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.requests.labels(scope["method"], route, str(status)).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - started)


def _operations(app: FastAPI, metrics: Metrics) -> None:
    @app.get("/healthz", tags=["operations"])
    async def healthz() -> dict[str, str]:  # on the event loop: never queued behind decisions
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"])
    def readyz(request: Request) -> dict[str, str]:
        svc = request.app.state.service
        with svc.db.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return {"status": "ready", "pack": svc.pack.id, "revision": svc.pack.revision}

    @app.get("/metrics", tags=["operations"])
    def prometheus() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)


def from_environment() -> FastAPI:
    """The app ``proscribe serve`` starts in each uvicorn worker (settings from the env)."""
    return create_app(
        os.environ.get("PROSCRIBE_DB", DEFAULT_URL),
        os.environ.get("PROSCRIBE_PACK", "cn-crypto-mining-2021"),
        rate=float(os.environ.get("PROSCRIBE_RATE_PER_KEY", "200")),
        burst=int(os.environ.get("PROSCRIBE_BURST_PER_KEY", "400")),
    )
