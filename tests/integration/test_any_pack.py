"""A second, unrelated ban end to end: the UK's nitrous-oxide ban of docs/policy-packs.md, written
from scratch with its own ladder (top step `store-blocked`) and evasion step, through every
command, the service and the review UI. Every store-backed command must act under this
pack's revision as the store recorded it — never the bundled pack's ladder."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from tests.conftest import edit_text
from tests.docpack import PACK_ID, write_doc_pack
from tests.integration.test_api import start

from proscribe.enforce.keys import create_key
from proscribe.store import engine_for

Cli = Callable[..., subprocess.CompletedProcess[str]]
PACK = PACK_ID
DAY = "2023-12-01"
CATALOGUE = [
    {"id": "n1", "title": "Laughing gas canisters 24 pack", "seller_id": "s1"},
    {"id": "n2", "title": "FastGas 640g cylinder, next day delivery", "seller_id": "s1"},
    {"id": "n3", "title": "Nitrous balloons, bag of 100", "seller_id": "s1"},
    {"id": "n4", "title": "Laughing gаs canisters, 10 pack", "seller_id": "s2"},  # Cyrillic а
    {"id": "ok", "title": "Whipped cream dispenser, stainless steel 0.5 L", "seller_id": "s3"},
    {"id": "r1", "title": "Cream chargers 8g, 24 pcs", "seller_id": "s3"},
]


def _ok(done: subprocess.CompletedProcess[str], *codes: int) -> str:
    assert done.returncode in (codes or (0,)), done.stdout + done.stderr
    return done.stdout


def _json(cli: Cli, *args: str) -> Any:
    return json.loads(_ok(cli(*args, "--json")))


def _write(tmp_path: Path) -> tuple[Path, Path, Path]:
    pack = write_doc_pack(tmp_path / PACK)  # as docs/policy-packs.md writes it
    catalogue = tmp_path / "catalogue.jsonl"
    catalogue.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CATALOGUE))
    withdrawn = tmp_path / "next"  # the next revision withdraws the balloons class
    shutil.copytree(pack, withdrawn)
    edit_text(withdrawn / "pack.yaml", 'revision: "2023.11.1"', 'revision: "2023.12.1"')
    edit_text(
        withdrawn / "nitrous-balloons.yaml", "thresholds:", "withdrawn: 2023-12-15\nthresholds:"
    )
    return pack, catalogue, withdrawn


def test_a_second_ban_goes_through_every_command(cli: Cli, db_url: str, tmp_path: Path) -> None:
    pack, catalogue, withdrawn = _write(tmp_path)
    db = ("--db", db_url)
    assert "OK uk-nitrous-oxide-2023" in _ok(cli("pack", "check", str(pack)))
    assert "PASS: 9/9" in _ok(cli("test", str(pack)))
    scanned = cli(
        "scan",
        str(catalogue),
        "--pack",
        str(pack),
        "--as-of",
        DAY,
        "--jurisdiction",
        "GB",
        "--out",
        str(tmp_path / "v.jsonl"),
        "--workers",
        "1",
    )
    assert f"under {PACK} 2023.11.1 as of {DAY} in GB" in _ok(scanned, 1)
    verdicts = [json.loads(line) for line in (tmp_path / "v.jsonl").read_text().splitlines()]
    assert {v["pack"] for v in verdicts} == {PACK}
    # Not activated yet: a store-backed command by id says how to fix it.
    missing = cli("enforce", str(catalogue), "--pack", PACK, "--as-of", DAY, *db)
    assert missing.returncode == 2 and "pack activate" in missing.stderr, missing.stderr
    _ok(cli("pack", "activate", str(pack), "--note", "UK ban", *db))
    # No --pack: the one pack live in the store decides.
    enforce = ("enforce", str(catalogue), "--as-of", DAY, "--jurisdiction", "GB")
    enforced = _ok(cli(*enforce, "--workers", "2", *db), 1)
    assert f"under {PACK} 2023.11.1 as of {DAY} in GB" in enforced
    again = json.loads(_ok(cli(*enforce, "--workers", "1", "--json", *db), 1))
    assert (again["pack"], again["jurisdiction"], again["as_of_source"]) == (PACK, "GB", "given")
    _seller_and_listing(cli, db)
    _appeal(cli, db)
    _withdrawal_and_rescan(cli, db, withdrawn)
    _service(db_url)


def _seller_and_listing(cli: Cli, db: tuple[str, str]) -> None:
    s1 = _json(cli, "seller", "show", "s1", "--as-of", DAY, *db)
    # Three strikes: this pack's top step (the bundled ladder would say store-restricted).
    assert (s1["standing"], s1["strikes"], s1["pack"]) == ("store-blocked", 3, PACK)
    assert (s1["revision"], s1["as_of"], s1["as_of_source"]) == ("2023.11.1", DAY, "given")
    s2 = _json(cli, "seller", "show", "s2", "--as-of", DAY, *db)
    assert (s2["standing"], s2["strikes"], s2["aggravated"]) == ("store-blocked", 1, True)
    text = _ok(cli("seller", "show", "s1", *db))  # today: the strikes expired (180 days)
    assert "as of" in text and "(today: --as-of not given)" in text
    assert f"ladder of {PACK} 2023.11.1 (jurisdictions GB)" in text
    shown = _ok(cli("listing", "show", "n1", *db))
    assert f"under {PACK} 2023.11.1, as of {DAY} in GB" in shown
    assert "nitrous-canisters" in shown
    n4 = _json(cli, "listing", "show", "n4", *db)
    assert n4["verdict"]["evasion"][0]["signal"] == "obfuscated"


def _appeal(cli: Cli, db: tuple[str, str]) -> None:
    assert "appeal 1 opened" in _ok(cli("appeal", "open", "n2", "--reason", "catering", *db))
    decided = _ok(
        cli(
            "appeal",
            "decide",
            "1",
            "--overturn",
            "--by",
            "alice",
            "--note",
            "chef",
            "--as-of",
            "2023-12-02",
            *db,
        )
    )
    assert f"as of 2023-12-02; ladder of {PACK} 2023.11.1" in decided
    assert "2 active strike(s): store-blocked → store-restricted" in decided
    assert _json(cli, "listing", "show", "n2", *db)["status"] == "reinstated"


def _withdrawal_and_rescan(cli: Cli, db: tuple[str, str], withdrawn: Path) -> None:
    _ok(cli("pack", "activate", str(withdrawn), "--note", "balloons withdrawn", *db))
    done = _ok(cli("reinstate", "--as-of", "2023-12-16", *db))
    assert f"reinstate under {PACK} 2023.12.1 as of 2023-12-16" in done
    assert "reinstated: listing:n3" in done
    assert "1 active strike(s): store-restricted → warned" in done
    s1 = _json(cli, "seller", "show", "s1", "--as-of", "2023-12-16", *db)
    assert (s1["standing"], s1["strikes"], s1["pack"]) == ("warned", 1, PACK)
    run = _json(cli, "rescan", "--as-of", "2023-12-16", *db)
    assert (run["pack"], run["revision"], run["as_of_source"]) == (PACK, "2023.12.1", "given")


def _service(db_url: str) -> None:
    engine = engine_for(db_url)
    key = create_key(engine, name="rev", role="reviewer")
    # only an admin key may backdate and force the jurisdiction of an enforcing submission
    admin_key = create_key(engine, name="ops", role="admin")
    process, url = start(db_url)  # no --pack: the one pack live in the store
    try:
        auth = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=url, headers=auth, timeout=30) as api:
            s2 = api.get("/v1/sellers/s2", params={"as_of": DAY}).json()
            assert (s2["standing"], s2["pack"], s2["as_of_source"]) == (
                "store-blocked",
                PACK,
                "given",
            )
            ops = {"Authorization": f"Bearer {admin_key}"}
            body = {
                "id": "w1",
                "title": "Whippits 50 pack, fast delivery",
                "seller_id": "s5",
                "as_of": DAY,
                "jurisdiction": "GB",
            }
            submitted = api.post("/v1/listings", json=body, headers=ops).json()
            assert (submitted["verdict"]["pack"], submitted["verdict"]["decision"]) == (
                PACK,
                "block",
            )
            assert submitted["ignored"] == []
            appeal = api.post("/v1/appeals", json={"listing_id": "w1", "reason": "x"}).json()["id"]
            done = api.post(
                f"/v1/appeals/{appeal}/decision", json={"outcome": "overturn", "note": "ok"}
            )
            assert done.status_code == 200, done.text
            assert api.get("/v1/listings/w1").json()["status"] == "reinstated"
        _ui(url, key)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _ui(url: str, key: str) -> None:
    with httpx.Client(base_url=url, timeout=30, follow_redirects=True) as browser:
        form = browser.get("/ui/login").text  # the sign-in form carries its CSRF token
        token = re.search(r'name="csrf" value="([^"]+)"', form)
        assert token is not None
        signed = browser.post("/ui/login", data={"key": key, "csrf": token.group(1)})
        assert signed.status_code == 200 and "/ui/login" not in str(signed.url)
        page = browser.get("/ui/sellers/s2", params={"as_of": DAY}).text
    assert '<b id="standing">store-blocked</b>' in page
    assert f'<span id="pack">{PACK} 2023.11.1</span>' in page


def test_a_pack_the_store_never_kept_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    pack, catalogue, _ = _write(tmp_path)
    db = ("--db", f"sqlite:///{tmp_path / 'loose.db'}")
    enforce = ("enforce", str(catalogue), "--pack", str(pack), "--as-of", DAY)
    _ok(cli(*enforce, "--jurisdiction", "GB", "--workers", "1", *db), 1)  # a folder, not activated
    shown = cli("seller", "show", "s1", "--as-of", DAY, *db)
    assert shown.returncode == 2 and "PSC-P046" in shown.stderr
    assert "was never activated in this store" in shown.stderr
    assert "proscribe pack activate" in shown.stderr
    given = _json(cli, "seller", "show", "s1", "--as-of", DAY, "--pack", str(pack), *db)
    assert (given["standing"], given["pack"]) == ("store-blocked", PACK)
