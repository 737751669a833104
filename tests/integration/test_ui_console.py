"""The review console in Chromium: two reviewers work a queue of 1,000 mixed items by keyboard,
by priority, without collisions; bulk decisions; the dashboard's SVG charts; accessibility
(Chromium's accessibility tree, focus order, contrast computed from the rendered colours).

Screenshots go to test-artifacts/screenshots/console-*.png.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from tests.integration.test_api import start
from tests.integration.test_review_queue import fill
from tests.integration.test_ui import SHOTS, browser_page  # noqa: F401  (a fixture)

from proscribe.enforce.keys import create_key
from proscribe.store import engine_for, upgrade

HOSTILE = ["$x^2$", "<script>alert(1)</script>", "二手显卡"]


@pytest.fixture
def console(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'console.db'}"
    engine = engine_for(db)
    upgrade(engine)
    keys = {n: create_key(engine, name=n, role="reviewer") for n in ("alice", "bob")}
    integrator = create_key(engine, name="shop", role="integrator")
    # 1,000 mixed items: classes (hostile names too), scores, evasion, ages.
    fill(
        engine,
        [
            (f"M{i}", f"s{i % 37}", 0.3 + (i % 7) / 10, [HOSTILE[i % 3]], i % 11 == 0, i % 5,
             f"item {i} {HOSTILE[i % 3]}")
            for i in range(1000)
        ],
    )  # fmt: skip
    process, url = start(db)
    api = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {integrator}"})
    for index, title in enumerate(["6 GPU bundle RX 580 high hashrate", "Bitcoin For Beginners"]):
        api.post("/v1/listings", json={"id": f"R{index}", "title": title, "seller_id": "real"})
    api.post(
        "/v1/listings", json={"id": "P1", "title": "S19 miner for sale S19  ", "seller_id": "p"}
    )
    try:
        yield url, keys
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in(page: Any, url: str, key: str) -> None:
    page.goto(f"{url}/ui/login")
    page.fill("#key", key)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{url}/ui/queue")


def test_two_reviewers_work_the_queue_by_keyboard_without_collisions(
    browser_page: Any,  # noqa: F811
    console: Any,
) -> None:
    url, keys = console
    alice = browser_page
    bob = alice.context.browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    sign_in(alice, url, keys["alice"])
    sign_in(bob, url, keys["bob"])
    alice.goto(f"{url}/ui/queue")
    assert "1002 waiting" in alice.locator("h1").inner_text()
    priorities = [int(p) for p in alice.locator("#queue tbody td.num span").all_inner_texts()]
    assert priorities == sorted(priorities, reverse=True)
    first = alice.locator("#queue tr[data-href]").first.get_attribute("data-id")
    alice.keyboard.press("n")  # claim the highest-priority item and open it
    alice.wait_for_url(re.compile(r".*/ui/listings/.+"))
    assert alice.url.endswith(f"/ui/listings/{first}")
    assert alice.locator("#claim-state").inner_text() == "Claimed by you."
    bob.goto(f"{url}/ui/queue")
    bob.keyboard.press("n")  # bob gets the next one, not alice's
    bob.wait_for_url(re.compile(r".*/ui/listings/.+"))
    bobs = bob.url.rsplit("/", 1)[1]
    assert bobs != first
    bob.goto(f"{url}/ui/listings/{first}")  # alice's item: no decision form for bob
    assert bob.locator("#decide").count() == 0
    assert "Claimed by alice" in bob.locator("#claim-state").inner_text()
    bob.screenshot(path=str(SHOTS / "console-claimed-by-other.png"))
    seen = {first}
    for _ in range(3):  # alice decides by keyboard: a, the note, Enter → the next claimed item
        alice.keyboard.press("a")
        alice.keyboard.type("looks fine")
        before = alice.url
        alice.keyboard.press("Enter")
        alice.wait_for_url(lambda u, b=before: u != b)
        seen.add(alice.url.rsplit("/", 1)[1])
    assert len(seen) == 4 and bobs not in seen  # never bob's claimed item
    alice.screenshot(path=str(SHOTS / "console-listing.png"), full_page=True)
    # Bulk by keyboard: select three rows with x, block them with one note.
    bob.goto(f"{url}/ui/queue?q=real")
    assert bob.locator("#queue tr[data-href]").count() == 2
    for key in ("x", "j", "x"):
        bob.keyboard.press(key)
    assert bob.locator("#selected-count").inner_text() == "2 selected"
    bob.keyboard.press("b")
    bob.keyboard.type("crypto hardware and courses")
    bob.keyboard.press("Enter")
    bob.wait_for_url("**/ui/queue?done=2&skipped=0")
    bob.goto(f"{url}/ui/sellers/real")
    assert bob.locator("#strikes").inner_text() == "2"
    alice.goto(f"{url}/ui/queue")
    alice.screenshot(path=str(SHOTS / "console-queue.png"))
    alice.goto(f"{url}/ui/")
    rows = alice.locator("#sla-reviewers tbody tr").all_inner_texts()
    assert any(r.startswith("alice\t3\t1") for r in rows), rows  # 3 decided, 1 claim held
    assert any(r.startswith("bob\t2\t1") for r in rows), rows
    legend = alice.locator("#chart-per-day svg text").all_text_contents()
    for label in HOSTILE:
        assert label in legend  # escaped, drawn as written (CJK by the browser's fonts)
    swatches = alice.locator("#chart-per-day svg rect.swatch")
    fills = {swatches.nth(i).get_attribute("fill") for i in range(swatches.count())}
    assert len(fills) == swatches.count() >= 4
    alice.screenshot(path=str(SHOTS / "console-dashboard.png"), full_page=True)


def test_listing_page_evidence_is_trimmed_rounded_and_most_decisive_first(
    browser_page: Any,  # noqa: F811
    console: Any,
) -> None:
    url, keys = console
    page = browser_page
    sign_in(page, url, keys["alice"])
    page.goto(f"{url}/ui/listings/P1")
    rows = page.locator("#evidence tbody tr")
    matched = page.locator("#evidence td.matched").all_inner_texts()
    weights = page.locator("#evidence td.num").all_inner_texts()
    assert matched[0] == "miner for sale" and weights[0] == "0.90"  # the most decisive first
    assert all(m == m.strip() for m in matched) and "S19" in matched
    assert all(re.fullmatch(r"\d\.\d\d", w) for w in weights), weights
    assert rows.count() == len(matched)
    marks = page.locator("#title mark").all_inner_texts()
    assert marks[0] == "S19"  # the mark ends with the match, not the space after it
    page.screenshot(path=str(SHOTS / "console-evidence.png"))


# --- accessibility ---------------------------------------------------------------------------

NAMED = {"button", "textbox", "searchbox", "combobox", "checkbox", "spinbutton", "link"}
TEXT_COLOURS = """() => [...document.querySelectorAll('body *')].filter(e =>
  [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.offsetParent !== null
  && !e.closest('svg')).map(e => {
    let b = e, bg = 'rgba(0, 0, 0, 0)';
    const clear = 'rgba(0, 0, 0, 0)';
    while (b && (bg = getComputedStyle(b).backgroundColor) === clear) b = b.parentElement;
    const s = getComputedStyle(e);
    return [e.tagName, s.color, bg, parseFloat(s.fontSize), s.fontWeight];
  })"""


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_accessibility_names_focus_order_and_contrast(
    browser_page: Any,  # noqa: F811
    console: Any,
) -> None:
    url, keys = console
    page = browser_page
    sign_in(page, url, keys["alice"])
    report = []
    for path in ("/ui/queue", "/ui/", "/ui/listings/M0", "/ui/appeals"):
        page.goto(url + path)
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        unnamed = [
            n["role"]["value"]
            for n in tree
            if not n.get("ignored")
            and n.get("role", {}).get("value") in NAMED
            and not n.get("name", {}).get("value", "").strip()
        ]
        assert unnamed == [], f"{path}: controls without an accessible name: {unnamed}"
        low = []
        for tag, colour, background, size, weight in page.evaluate(TEXT_COLOURS):
            large = size >= 24 or (size >= 18.66 and int(weight) >= 700)
            ratio = contrast(colour, background)
            if ratio < (3.0 if large else 4.5):
                low.append((tag, colour, background, round(ratio, 2)))
        assert low == [], f"{path}: text below WCAG AA contrast: {low[:5]}"
        report.append(path)
    # Focus order on the queue: Tab goes through the header, the filters, the actions, then
    # the rows, in document order (no positive tabindex).
    page.goto(url + "/ui/queue")
    order = []
    for _ in range(16):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.name"))
    expected = ["f-q", "f-cls", "f-lang", "f-age", "f-seller"]
    positions = [order.index(i) for i in expected]
    assert positions == sorted(positions)
    assert order.index("claim-next") > positions[-1] and "bulk-note" in order
    assert (
        page.evaluate("document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"])').length") == 0
    )


def test_chart_palette_has_contrast_against_white() -> None:
    from proscribe.report.charts import COLOURS, PALETTE

    for colour in [*PALETTE, *COLOURS.values()]:
        rgb = f"rgb({int(colour[1:3], 16)}, {int(colour[3:5], 16)}, {int(colour[5:7], 16)})"
        assert contrast(rgb, "rgb(255, 255, 255)") >= 3.0, colour  # WCAG 1.4.11 graphics


# --- the pack revision page ------------------------------------------------------------------


def test_admin_sees_the_diff_and_shadow_agreement_and_activates_audited(
    browser_page: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    from tests.conftest import PACK_ID, next_revision

    from proscribe.deploy.revisions import activate
    from proscribe.policy.pack import load_pack
    from proscribe.store.tables import audit_events

    db = f"sqlite:///{tmp_path / 'packs.db'}"
    engine = engine_for(db)
    upgrade(engine)
    activate(engine, load_pack(PACK_ID), by="ann", note="ban")
    activate(engine, load_pack(next_revision(tmp_path)), by="ann", note="try", mode="shadow")
    admin = create_key(engine, name="root", role="admin")
    reviewer = create_key(engine, name="alice", role="reviewer")
    process, url = start(db)
    try:
        page = browser_page
        sign_in(page, url, reviewer)
        assert page.goto(f"{url}/ui/packs").status == 403  # admins only
        page.context.clear_cookies()
        sign_in(page, url, admin)
        page.goto(f"{url}/ui/packs")
        assert page.locator("#live").inner_text() == "2021.10.1"
        changes = page.locator(".candidate .changes li").all_inner_texts()
        assert any("mining-hardware" in c and "0.99" in c for c in changes), changes
        assert "shadow agreement" in page.locator("#agreement").inner_text()
        page.screenshot(path=str(SHOTS / "console-packs.png"), full_page=True)
        page.fill("#note-1", "approved after a week in shadow")
        page.click(".activate button")
        page.wait_for_url("**/ui/packs?activated=2021.11.1")
        with engine.connect() as conn:
            event = conn.execute(
                sa.select(audit_events)
                .where(audit_events.c.kind == "activation")
                .order_by(audit_events.c.seq.desc())
            ).first()
        assert event is not None and event.actor == "root" and event.revision == "2021.11.1"
        assert "approved after a week" in event.result
    finally:
        process.terminate()
        process.wait(timeout=10)
