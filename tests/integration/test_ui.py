"""The review UI in a real headless Chromium (Debian's), driven by Playwright.

A screenshot of each page is kept in test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest
from tests.conftest import REPO
from tests.integration.test_api import start

from proscribe.enforce.keys import create_key
from proscribe.store import engine_for, upgrade

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = REPO / "test-artifacts" / "screenshots"
# Flags this machine needs: no sandbox as root, and no background traffic to a closed network.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        if os.environ.get("PROSCRIBE_REQUIRE_BROWSER"):
            pytest.fail(f"no Chromium at {CHROMIUM} although PROSCRIBE_REQUIRE_BROWSER is set")
        pytest.skip("install Debian's chromium to run the UI tests (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        yield context.new_page()
        browser.close()


def test_reviewer_blocks_from_the_queue_and_the_seller_is_struck(
    browser_page, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = browser_page
    SHOTS.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{tmp_path / 'ui.db'}"
    engine = engine_for(db)
    upgrade(engine)
    integrator = create_key(engine, name="shop", role="integrator")
    reviewer = create_key(engine, name="alice", role="reviewer")
    process, url = start(db)
    try:
        api = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {integrator}"})
        for index, title in enumerate(
            ["Bitcoin For Beginners <script>alert(1)</script>", "6 GPU bundle RX 580 high hashrate"]
        ):
            api.post(
                "/v1/listings",
                json={
                    "id": f"ui-{index}",
                    "title": title,
                    "seller_id": "seller-ui",
                    "as_of": "2021-10-20",
                },
            )
        page.goto(f"{url}/ui/queue")
        assert page.url.endswith("/ui/login")  # not signed in: sent to sign in
        page.screenshot(path=str(SHOTS / "login.png"))
        page.fill("#key", reviewer)
        page.click("button[type=submit]")
        page.wait_for_url("**/ui/queue")
        assert page.locator("#queue tr[data-href]").count() == 2
        page.screenshot(path=str(SHOTS / "queue.png"))
        # Priority order: the GPU bundle (the stronger case) comes first.
        assert page.locator("#queue tr[data-href]").first.get_attribute("data-id") == "ui-1"
        page.keyboard.press("j")  # keyboard: move to the second item and open it
        page.keyboard.press("Enter")
        page.wait_for_url("**/ui/listings/ui-0")
        assert page.locator("#title mark").first.inner_text() == "Bitcoin"
        assert page.locator("#title").inner_text().endswith("<script>alert(1)</script>")  # escaped
        page.screenshot(path=str(SHOTS / "listing.png"))
        page.fill("#note", "sells a crypto trading course")
        page.click("button[value=block]")
        page.wait_for_url("**/ui/listings/ui-1")  # on to the next item
        page.click("#seller")
        page.wait_for_url("**/ui/sellers/seller-ui")
        assert page.locator("#standing").inner_text() == "warned"
        assert page.locator("#strikes").inner_text() == "1"
        page.screenshot(path=str(SHOTS / "seller.png"))
        page.goto(f"{url}/ui/")
        assert page.locator("#backlog").inner_text() == "1"
        page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
        page.goto(f"{url}/ui/appeals")
        page.screenshot(path=str(SHOTS / "appeals.png"))
        page.click("#signout")  # a form with the session's CSRF token: ends the session
        page.wait_for_url("**/ui/login?error=signed-out")
        assert page.locator("p.block").inner_text() == "Signed out."
        page.goto(f"{url}/ui/queue")
        assert page.url.endswith("/ui/login")
    finally:
        process.terminate()
        process.wait(timeout=10)
