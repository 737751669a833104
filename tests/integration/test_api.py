"""The HTTP service, as a real uvicorn process on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import schemathesis
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from tests.conftest import pg_url

from proscribe.enforce.keys import create_key
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import listings, strikes

AS_OF = "2021-10-20"


@dataclass
class Server:
    url: str
    db: str
    keys: dict[str, str]

    def client(self, role: str | None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.keys[role]}"} if role else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database(kind: str, tmp: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp / 'service.db'}"
    url = pg_url()
    if url is None:
        pytest.skip("set PROSCRIBE_TEST_PG_URL to run against PostgreSQL (.ci/run does)")
    with sa.create_engine(url).begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    return url


def start(
    db: str, env: dict[str, str] | None = None, workers: int = 1
) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "proscribe",
            "serve",
            "--db",
            db,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # a cold start compiles the pack (seconds on a busy machine)
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(process.communicate()[0].decode())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    db = _database(request.param, tmp_path_factory.mktemp("api"))
    engine = engine_for(db)
    upgrade(engine)
    keys = {
        role: create_key(engine, name=f"{role}-1", role=role)
        for role in ("integrator", "reviewer", "admin")
    }
    process, url = start(db)
    yield Server(url, db, keys)
    process.terminate()
    process.wait(timeout=10)


def _problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code and body["status"] == status
    return body


def test_keys_and_roles(server: Server) -> None:
    listing = {"id": "k1", "title": "Yoga mat"}
    _problem(server.client(None).post("/v1/listings/check", json=listing), 401, "PSC-A001")
    bad = httpx.post(
        f"{server.url}/v1/listings/check",
        json=listing,
        headers={"Authorization": "Bearer psk_not_a_key"},
    )
    _problem(bad, 401, "PSC-A001")
    _problem(server.client("integrator").get("/v1/reviews"), 403, "PSC-A002")
    _problem(server.client("reviewer").get("/v1/packs"), 403, "PSC-A002")
    assert server.client("admin").get("/v1/packs").status_code == 200


def test_check_returns_the_scan_verdict_record_and_stores_nothing(server: Server) -> None:
    body = {
        "id": "c1",
        "title": "Аntminer S19 95TH",
        "seller_id": "s-c",
        "as_of": AS_OF,
        "jurisdiction": "CN",
        "colour": "ignored",
    }
    verdict = server.client("integrator").post("/v1/listings/check", json=body).json()
    assert verdict["decision"] == "block" and verdict["classes"] == ["mining-hardware"]
    assert {"evidence", "evasion", "reason", "pack", "revision", "as_of"} <= set(verdict)
    assert verdict["evasion"][0]["signal"] == "obfuscated"
    _problem(server.client("integrator").get("/v1/listings/c1"), 404, "PSC-E001")


def test_check_batch_keeps_order_and_caps_size(server: Server) -> None:
    client = server.client("integrator")
    items = [
        {"id": f"b{i}", "title": t, "as_of": AS_OF}
        for i, t in enumerate(["Yoga mat", "挖矿教程", "Sell USDT, instant delivery"])
    ]
    verdicts = client.post("/v1/listings/check-batch", json={"listings": items}).json()["verdicts"]
    assert [v["decision"] for v in verdicts] == ["allow", "block", "block"]
    too_many = [{"id": str(i), "title": "x"} for i in range(1001)]
    _problem(client.post("/v1/listings/check-batch", json={"listings": too_many}), 422, "PSC-U020")


def test_submit_enforces_and_the_reviewer_blocks_from_the_queue(server: Server) -> None:
    integrator, reviewer = server.client("integrator"), server.client("reviewer")
    hard = integrator.post(
        "/v1/listings",
        json={"id": "s1", "title": "Antminer S19 95TH", "seller_id": "seller-x", "as_of": AS_OF},
    )
    assert hard.status_code == 201
    assert {a["kind"] for a in hard.json()["actions"]} >= {"removed", "strike"}
    assert integrator.get("/v1/listings/s1").json()["status"] == "removed"
    soft = integrator.post(
        "/v1/listings",
        json={
            "id": "s2",
            "title": "Bitcoin For Beginners",
            "seller_id": "seller-y",
            "as_of": AS_OF,
        },
    )
    assert soft.json()["verdict"]["decision"] == "review"
    queue = reviewer.get("/v1/reviews", params={"class": "crypto-tutorials"}).json()["items"]
    assert [i["listing_id"] for i in queue] == ["s2"]
    assert queue[0]["priority"]["total"] > 0 and queue[0]["claimed_by"] is None  # the console's
    before = integrator.get("/v1/sellers/seller-y").json()["standing"]
    decided = reviewer.post(
        "/v1/reviews/s2/decision", json={"decision": "block", "note": "sells a trading course"}
    )
    assert decided.status_code == 200, decided.text
    after = integrator.get("/v1/sellers/seller-y").json()
    assert (before, after["strikes"]) == ("good", 1)
    assert reviewer.get("/v1/reviews").json() == {"items": [], "total": 0}
    history = integrator.get("/v1/listings/s2").json()["history"]
    assert any(e["kind"] == "review" and e["actor"] == "reviewer-1" for e in history)
    _problem(
        reviewer.post("/v1/reviews/s2/decision", json={"decision": "allow", "note": "x"}),
        409,
        "PSC-E008",
    )


def test_appeal_overturn_reinstates(server: Server) -> None:
    integrator, reviewer = server.client("integrator"), server.client("reviewer")
    integrator.post(
        "/v1/listings",
        json={
            "id": "ap1",
            "title": "Whatsminer M30S 100TH/s",
            "seller_id": "seller-z",
            "as_of": AS_OF,
        },
    )
    opened = reviewer.post("/v1/appeals", json={"listing_id": "ap1", "reason": "a toy"})
    assert opened.status_code == 201
    appeal = opened.json()["id"]
    done = reviewer.post(
        f"/v1/appeals/{appeal}/decision", json={"outcome": "overturn", "note": "toy model"}
    )
    assert done.status_code == 200
    assert integrator.get("/v1/listings/ap1").json()["status"] == "reinstated"
    _problem(
        reviewer.post("/v1/appeals", json={"listing_id": "never", "reason": "x"}), 404, "PSC-E001"
    )
    admin = server.client("admin")
    assert admin.get("/v1/audit/verify").json()["ledger_problem"] is None
    revoked = strikes.c.listing_id == "ap1"
    with engine_for(server.db).begin() as conn:  # the revoked strike put back behind the log
        when = conn.execute(sa.select(strikes.c.revoked_on).where(revoked)).scalar_one()
        conn.execute(strikes.update().where(revoked).values(revoked_on=None))
    report = admin.get("/v1/audit/verify").json()
    assert report["ok"] is False and "strike for listing 'ap1'" in report["ledger_problem"]
    with engine_for(server.db).begin() as conn:  # the module's server is shared: undo it
        conn.execute(strikes.update().where(revoked).values(revoked_on=when))
    assert admin.get("/v1/audit/verify").json()["ok"] is True


def test_operations_endpoints(server: Server) -> None:
    admin = server.client("admin")
    assert admin.get("/healthz").json() == {"status": "ok"}
    assert admin.get("/readyz").json()["pack"] == "cn-crypto-mining-2021"
    assert admin.get("/v1/audit/verify").json()["ok"] is True
    assert admin.get("/v1/packs/cn-crypto-mining-2021").json()["revision"] == "2021.10.1"
    _problem(admin.get("/v1/packs/no-such-pack"), 404, "PSC-P008")
    metrics = admin.get("/metrics").text
    assert 'proscribe_requests_total{method="POST",route="/v1/listings/check"' in metrics
    assert "proscribe_request_seconds_bucket" in metrics
    assert 'proscribe_decisions_total{class="mining-hardware",decision="block"}' in metrics
    assert admin.get("/openapi.json").json()["info"]["title"] == "proscribe"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 422, "PSC-U020"),
        (b'{"id": "x"}', 422, "PSC-U020"),
        (b'{"id": "x", "title": 42}', 422, "PSC-U020"),
        (b'{"id": "x", "title": "t", "as_of": "yesterday"}', 422, "PSC-U020"),
        (b'{"id": "x", "title": "' + b"a" * (10 * 1024 * 1024) + b'"}', 413, "PSC-U023"),
    ],
)
def test_bad_input_is_a_clear_4xx_and_stores_nothing(
    server: Server, body: bytes, status: int, code: str
) -> None:
    response = server.client("integrator").post(
        "/v1/listings", content=body, headers={"content-type": "application/json"}
    )
    _problem(response, status, code)
    with engine_for(server.db).connect() as conn:
        assert (
            conn.execute(
                sa.select(listings.c.listing_id).where(listings.c.listing_id == "x")
            ).first()
            is None
        )


def test_injection_strings_are_data(server: Server) -> None:
    nasty = "x'; DROP TABLE listings; -- <script>alert(1)</script>"
    body = {"id": nasty, "title": f"Antminer S19 {nasty}", "seller_id": nasty, "as_of": AS_OF}
    client = server.client("integrator")
    assert client.post("/v1/listings", json=body).status_code == 201
    path = quote(nasty, safe="")
    stored = client.get(f"/v1/listings/{path}")
    assert stored.status_code == 200 and stored.json()["listing_id"] == nasty
    assert client.get(f"/v1/sellers/{path}").json()["seller_id"] == nasty
    with engine_for(server.db).connect() as conn:  # the table is still there
        assert conn.execute(sa.select(sa.func.count()).select_from(listings)).scalar_one() > 0


def _fuzz(operation: Any, url: str, headers: dict[str, str], failures: list[str]) -> None:
    @settings(
        max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(case=operation.as_strategy())
    def call(case: Any) -> None:
        response = case.call(base_url=url, headers=headers)
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.formatted_path}: {response.status_code}")

    call()


def test_generated_requests_never_cause_a_server_error(server: Server) -> None:
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    failures: list[str] = []
    for result in schema.get_all_operations():
        for role in ("admin", None):
            headers = {"Authorization": f"Bearer {server.keys[role]}"} if role else {}
            _fuzz(result.ok(), server.url, headers, failures)
    assert failures == [], "\n".join(sorted(set(failures)))


def test_rate_limit_per_key(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'rl.db'}"
    engine = engine_for(db)
    upgrade(engine)
    key = create_key(engine, name="burst", role="integrator")
    process, url = start(db, {"PROSCRIBE_RATE_PER_KEY": "0.01", "PROSCRIBE_BURST_PER_KEY": "3"})
    try:
        client = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"})
        codes = [
            client.post("/v1/listings/check", json={"id": "r", "title": "t"}).status_code
            for _ in range(5)
        ]
        assert codes == [200, 200, 200, 429, 429]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_access_check_over_http(server: Server) -> None:
    client = server.client("integrator")
    body = {
        "pack": "cn-exchange-offboarding-2021",
        "action": "deposit",
        "subject": {"id": "u1", "kyc_country": "CN", "created_at": "2021-03-01"},
        "as_of": "2021-11-05T10:00:00+08:00",
    }
    decision = client.post("/v1/access/check", json=body).json()
    assert (decision["effect"], decision["rule"]) == ("deny", "cn-withdrawal-only")
    batch = client.post(
        "/v1/access/check-batch",
        json={
            "checks": [
                {**body, "action": "withdraw"},
                {**body, "action": "withdraw", "as_of": "2021-12-05T10:00"},
                {**body, "subject": {"id": "u2", "kyc_country": "SG"}},
            ]
        },
    ).json()["decisions"]
    assert [d["effect"] for d in batch] == ["allow-with-notice", "require-review", "allow"]
    typo = _problem(
        client.post("/v1/access/check", json={**body, "action": "depsit"}), 400, "PSC-U051"
    )
    assert "did you mean 'deposit'?" in typo["hint"]
    _problem(client.post("/v1/access/check", json={**body, "pack": "nope"}), 404, "PSC-P008")
    _problem(client.post("/v1/access/check", json={**body, "pack": None}), 400, "PSC-U011")
    _problem(server.client(None).post("/v1/access/check", json=body), 401, "PSC-A001")


def test_review_queue_filters_by_age(server: Server) -> None:
    backdated = server.client("admin").post(  # only admin keys may backdate (README)
        "/v1/listings",
        json={"id": "age-1", "title": "What is Bitcoin? An introduction", "as_of": "2021-10-20"},
    )
    assert backdated.status_code == 201 and backdated.json()["ignored"] == []
    reviewer = server.client("reviewer")
    old = reviewer.get("/v1/reviews", params={"min_age_days": 365}).json()["items"]
    assert "age-1" in [i["listing_id"] for i in old]  # decided 2021-10-20: years ago
    assert reviewer.get("/v1/reviews", params={"min_age_days": 3650}).json()["items"] == []


def test_an_item_claimed_in_the_console_is_refused_to_another_reviewer(server: Server) -> None:
    from proscribe.enforce.claims import claim, release

    integrator, reviewer = server.client("integrator"), server.client("reviewer")
    body = {"id": "c1", "title": "Bitcoin For Beginners", "seller_id": "y", "as_of": AS_OF}
    assert integrator.post("/v1/listings", json=body).json()["verdict"]["decision"] == "review"
    claim(engine_for(server.db), "c1", "alice")
    decision = {"decision": "allow", "note": "fine"}
    _problem(reviewer.post("/v1/reviews/c1/decision", json=decision), 409, "PSC-E020")
    release(engine_for(server.db), "c1", "alice")
    assert reviewer.post("/v1/reviews/c1/decision", json=decision).status_code == 200
