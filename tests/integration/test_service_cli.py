"""``proscribe keys`` and ``proscribe reviews export`` as an administrator runs them."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from proscribe import load_pack
from proscribe.enforce import Ledger
from proscribe.enforce.keys import authenticate
from proscribe.enforce.reviews import decide_review
from proscribe.store import engine_for

Cli = Callable[..., subprocess.CompletedProcess[str]]


def test_keys_are_shown_once_stored_hashed_and_revocable(cli: Cli, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'k.db'}"
    done = cli("keys", "create", "--role", "reviewer", "--name", "alice", "--db", db)
    assert done.returncode == 0, done.stderr
    key = done.stdout.strip().splitlines()[-1]
    assert key.startswith("psk_") and len(key) > 40
    assert key not in (tmp_path / "k.db").read_bytes().decode("latin-1")  # only its hash
    engine = engine_for(db)
    who = authenticate(engine, key)
    assert who is not None and (who.name, who.role) == ("alice", "reviewer")
    listed = cli("keys", "list", "--db", db).stdout
    assert re.search(r"alice\s+reviewer\s+active", listed) and key not in listed
    assert cli("keys", "revoke", str(who.key_id), "--db", db).returncode == 0
    assert authenticate(engine, key) is None
    again = cli("keys", "revoke", str(who.key_id), "--db", db)
    assert again.returncode == 2 and "PSC-E007" in again.stderr
    bad = cli("keys", "create", "--role", "superuser", "--name", "x", "--db", db)
    assert bad.returncode == 2 and "PSC-U013" in bad.stderr


def test_reviewer_decisions_export_as_labelled_listings(cli: Cli, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    cli("db", "upgrade", "--db", db)
    engine = engine_for(db)
    pack = load_pack("cn-crypto-mining-2021")
    ledger = Ledger(engine, pack, actor="shop")
    for ident, title in (
        ("r1", "Bitcoin For Beginners"),
        ("r2", "The Complete Short Course on Ethereum"),
    ):
        record = {
            "id": ident,
            "decision": "review",
            "classes": ["crypto-tutorials"],
            "score": 0.55,
            "evidence": [],
            "evasion": [],
            "reason": "review",
            "pack": pack.id,
            "revision": pack.revision,
            "as_of": "2021-10-20",
            "phase": "enforced",
            "seller_id": "s1",
        }
        with engine.connect() as conn, conn.begin():
            ledger.apply(conn, [record], {ident: (title, None, "Books")})
    day = dt.date(2021, 10, 21)
    decide_review(
        ledger, "r1", decision="block", note="teaches buying", reviewer="alice", as_of=day
    )
    decide_review(ledger, "r2", decision="allow", note="technology", reviewer="bob", as_of=day)
    out = tmp_path / "labels.jsonl"
    done = cli("reviews", "export", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], r["label"], r["class"], r["reviewer"]) for r in rows] == [
        ("r1", "prohibited", "crypto-tutorials", "alice"),
        ("r2", "allowed", None, "bob"),
    ]
    assert rows[0]["title"] == "Bitcoin For Beginners" and rows[0]["how"] == "reviewed"
