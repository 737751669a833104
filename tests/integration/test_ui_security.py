"""The review UI's defences over real HTTP (uvicorn), on SQLite and PostgreSQL: server-side
sessions, CSRF tokens and the Origin check, cookie flags, security headers, sign-out, known
sign-in messages only, throttled sign-ins, the per-key rate limit, ids as path segments."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from tests.integration.test_api import _database, _problem, start

from proscribe.api.guard import FREE_FAILURES
from proscribe.enforce.keys import create_key
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import ui_sessions

TRAVERSAL = "X5/../../ui/login"


@dataclass
class Site:
    url: str
    db: str
    reviewer: str
    integrator: str
    process: subprocess.Popen[bytes]


def _serve(kind: str, tmp: Path, env: dict[str, str] | None = None) -> Site:
    db = _database(kind, tmp)
    engine = engine_for(db)
    upgrade(engine)
    reviewer = create_key(engine, name="alice", role="reviewer")
    integrator = create_key(engine, name="shop", role="integrator")
    process, url = start(db, env)
    return Site(url, db, reviewer, integrator, process)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    served = _serve(request.param, tmp_path_factory.mktemp("ui"))
    shop = {"Authorization": f"Bearer {served.integrator}"}
    for ident, title in ((TRAVERSAL, "Bitcoin For Beginners"), ("ui-2", "Crypto course")):
        body = {"id": ident, "title": title, "seller_id": "s/1"}
        assert httpx.post(f"{served.url}/v1/listings", json=body, headers=shop).status_code == 201
    yield served
    served.process.terminate()
    served.process.wait(timeout=10)


def _token(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def sign_in(site: Site, key: str | None = None) -> tuple[httpx.Client, str]:
    """A browser-like client signed in, and the session's CSRF token."""
    client = httpx.Client(base_url=site.url, timeout=30)
    form = client.get("/ui/login")
    signed = client.post("/ui/login", data={"key": key or site.reviewer, "csrf": _token(form.text)})
    assert signed.status_code == 303 and signed.headers["location"] == "/ui/queue", signed.text
    queue = client.get("/ui/queue")
    assert queue.status_code == 200
    return client, _token(queue.text)


def test_the_session_cookie_is_an_opaque_id_stored_hashed(site: Site) -> None:
    client = httpx.Client(base_url=site.url)
    form = client.get("/ui/login")
    response = client.post("/ui/login", data={"key": site.reviewer, "csrf": _token(form.text)})
    cookie = response.headers["set-cookie"]
    assert site.reviewer not in cookie
    session = client.cookies["proscribe_session"]
    assert len(session) >= 40 and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain HTTP, no proxy saying otherwise
    with engine_for(site.db).connect() as conn:
        stored = conn.execute(sa.select(ui_sessions.c.id_hash)).scalars().all()
    assert stored and session not in stored


def test_cookies_are_secure_behind_https(site: Site) -> None:
    client = httpx.Client(base_url=site.url, headers={"X-Forwarded-Proto": "https"})
    form = client.get("/ui/login")
    assert "Secure" in form.headers["set-cookie"]
    # A client over plain HTTP does not send a Secure cookie back: send it as the proxy would.
    proxied = httpx.Client(base_url=site.url, headers={"X-Forwarded-Proto": "https"})
    proxied.cookies.set("proscribe_login", form.cookies["proscribe_login"])
    signed = proxied.post("/ui/login", data={"key": site.reviewer, "csrf": _token(form.text)})
    assert signed.status_code == 303 and "Secure" in signed.headers["set-cookie"]


def test_every_ui_response_carries_the_security_headers(site: Site) -> None:
    client, _ = sign_in(site)
    for response in (
        httpx.get(f"{site.url}/ui/login"),
        httpx.get(f"{site.url}/ui/queue"),  # a redirect to sign in
        client.get("/ui/queue"),
        client.get("/ui/listings/ui-2"),
        client.get("/ui/static/queue.js"),
    ):
        headers = response.headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
    page = client.get("/ui/listings/ui-2").text
    assert "<script>" not in page  # every script is a file under /ui/static (CSP: 'self')


def test_forms_need_the_csrf_token_and_this_origin(site: Site) -> None:
    client, token = sign_in(site)
    decide = "/ui/listings/ui-2/decision"
    note = {"decision": "allow", "note": "fine"}
    _problem(client.post(decide, data=note), 403, "PSC-A005")
    _problem(client.post(decide, data={**note, "csrf": "forged"}), 403, "PSC-A005")
    elsewhere = {"Origin": "https://evil.example"}
    _problem(client.post(decide, data={**note, "csrf": token}, headers=elsewhere), 403, "PSC-A005")
    _problem(client.post("/ui/logout", data={"csrf": "forged"}), 403, "PSC-A005")
    nul = client.post(decide, data={**note, "note": "a\x00b", "csrf": token})
    _problem(nul, 422, "PSC-U025")
    done = client.post(decide, data={**note, "csrf": token}, headers={"Origin": site.url})
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/ui/listings/X5%2F..%2F..%2Fui%2Flogin"  # the next one
    login = httpx.Client(base_url=site.url)
    form = login.get("/ui/login")
    forged = login.post("/ui/login", data={"key": site.reviewer, "csrf": "forged"})
    assert forged.headers["location"] == "/ui/login?error=form"
    cross = login.post(
        "/ui/login", data={"key": site.reviewer, "csrf": _token(form.text)}, headers=elsewhere
    )
    assert cross.headers["location"] == "/ui/login?error=form"


def test_signing_out_ends_the_session_on_the_server(site: Site) -> None:
    client, token = sign_in(site)
    session = client.cookies["proscribe_session"]
    out = client.post("/ui/logout", data={"csrf": token})
    assert out.status_code == 303 and out.headers["location"] == "/ui/login?error=signed-out"
    replayed = httpx.get(f"{site.url}/ui/queue", cookies={"proscribe_session": session})
    assert replayed.status_code == 303 and replayed.headers["location"] == "/ui/login"
    assert httpx.get(f"{site.url}/ui/logout").status_code == 405  # no sign-out by a GET link


def test_the_sign_in_page_says_only_what_it_knows(site: Site) -> None:
    said = httpx.get(f"{site.url}/ui/login", params={"error": "key"}).text
    assert "A reviewer or admin key is needed." in said
    forged = "Your key expired, call +1-555-0100 to renew"
    page = httpx.get(f"{site.url}/ui/login", params={"error": forged}).text
    assert "555" not in page and 'class="block"' not in page


def test_an_integrator_key_does_not_open_the_ui(site: Site) -> None:
    client = httpx.Client(base_url=site.url)
    form = client.get("/ui/login")
    refused = client.post("/ui/login", data={"key": site.integrator, "csrf": _token(form.text)})
    assert refused.headers["location"] == "/ui/login?error=key"
    assert "proscribe_session" not in client.cookies


def test_appeal_ids_beyond_any_integer_are_a_4xx(site: Site) -> None:
    client, token = sign_in(site)
    response = client.post(
        "/ui/appeals/99999999999999999999/decision",
        data={"outcome": "uphold", "note": "n", "csrf": token},
    )
    _problem(response, 422, "PSC-U020")


def test_ids_are_single_path_segments_in_links(site: Site) -> None:
    client, _ = sign_in(site)
    queue = client.get("/ui/queue").text
    assert 'href="/ui/listings/X5%2F..%2F..%2Fui%2Flogin"' in queue
    assert 'href="/ui/sellers/s%2F1"' in queue
    page = client.get("/ui/listings/X5%2F..%2F..%2Fui%2Flogin")
    assert page.status_code == 200 and "Listing X5/../../ui/login" in page.text


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_failed_sign_ins_are_throttled(kind: str, tmp_path: Path) -> None:
    served = _serve(kind, tmp_path)
    try:
        client = httpx.Client(base_url=served.url)
        for attempt in range(FREE_FAILURES + 1):
            form = client.get("/ui/login")
            wrong = client.post("/ui/login", data={"key": f"k{attempt}", "csrf": _token(form.text)})
            assert wrong.headers["location"] == "/ui/login?error=key"
        form = client.get("/ui/login")
        throttled = client.post("/ui/login", data={"key": "again", "csrf": _token(form.text)})
        assert throttled.status_code == 429 and int(throttled.headers["retry-after"]) >= 1
        assert "Too many failed sign-ins" in throttled.text
    finally:
        served.process.terminate()
        served.process.wait(timeout=10)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_ui_shares_the_keys_rate_limit(kind: str, tmp_path: Path) -> None:
    limits = {"PROSCRIBE_RATE_PER_KEY": "0.01", "PROSCRIBE_BURST_PER_KEY": "4"}
    served = _serve(kind, tmp_path, limits)
    try:
        client, _ = sign_in(served)  # the queue page: 1 request of the key's 4
        assert client.get("/ui/appeals").status_code == 200
        api = httpx.get(
            f"{served.url}/v1/reviews", headers={"Authorization": f"Bearer {served.reviewer}"}
        )
        assert api.status_code == 200
        assert client.get("/ui/appeals").status_code == 200  # the 4th
        limited = client.get("/ui/appeals")
        _problem(limited, 429, "PSC-A003")
        assert limited.headers["retry-after"] == "1"
    finally:
        served.process.terminate()
        served.process.wait(timeout=10)
