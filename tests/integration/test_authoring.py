"""Growing a pack from a first draft: `suggest` against a catalogue, `train --pack`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import edit_text
from tests.docpack import write_doc_pack

Cli = Callable[..., subprocess.CompletedProcess[str]]
ROWS = [
    ("b1", "Laughing gas canisters 24 pack with party balloons"),
    ("b2", "Laughing gas canisters, party balloons free"),
    ("b3", "FastGas 640g cylinder and party balloons"),
    ("a1", "Party balloons with gas canisters, 10 pack"),  # the draft misses it
    ("a2", "Garden hose 20 m"),
    ("a3", "Garden hose reel"),
    ("n1", "Cream chargers 8g"),  # just below review once chargers weigh 0.4
]


def _catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "catalogue.jsonl"
    rows = [{"id": i, "title": t, "seller_id": "s"} for i, t in ROWS]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_suggest_finds_phrases_beside_the_blocked_and_near_misses(cli: Cli, tmp_path: Path) -> None:
    pack = write_doc_pack(tmp_path / "draft")
    edit_text(pack / "nitrous-canisters.yaml", "    weight: 0.6", "    weight: 0.4")
    args = (
        "suggest",
        str(_catalogue(tmp_path)),
        "--pack",
        str(pack),
        "--as-of",
        "2023-12-01",
        "--jurisdiction",
        "GB",
        "--min-count",
        "2",
    )
    done = cli(*args, "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert (found["decided"], found["blocked"], found["jurisdiction"]) == (7, 3, "GB")
    phrases = {c["phrase"]: c for c in found["candidates"]}
    balloons = phrases["party balloons"]
    assert (balloons["blocked"], balloons["total"]) == (3, 4)
    assert balloons["unflagged_examples"] == ["a1"] and balloons["share_blocked"] == 0.75
    assert "laughing gas" not in phrases and "fastgas" not in phrases  # the pack's words
    assert "hose" not in phrases  # never beside a blocked listing
    near = found["near_misses"]
    assert [(n["id"], n["class"], n["score"]) for n in near] == [("n1", "nitrous-canisters", 0.4)]
    text = cli(*args).stdout
    assert "Phrases beside what the pack blocks" in text and "party balloons" in text


def _labelled(tmp_path: Path) -> Path:
    """Confirmed examples, written for the test: a few per label, not enough to trust."""
    canisters = ["Nangs 24 box", "N2O tank 2kg", "Whippits party box", "Hippy crack canisters"]
    balloons = ["Gas cracker with 10 balloons", "NOS balloons party pack", "Nitrous cracker"]
    allowed = ["Garden hose 20 m", "Party balloons 50 pcs", "Cream whipper, steel", "Car wax"]
    rows = [(t, "prohibited", "nitrous-canisters") for t in canisters * 3]
    rows += [(t, "prohibited", "nitrous-balloons") for t in balloons * 3]
    rows += [(t, "allowed", None) for t in allowed * 3]
    path = tmp_path / "confirmed.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"c{i}", "title": t, "label": lab, "class": cls}) + "\n"
            for i, (t, lab, cls) in enumerate(rows)
        )
    )
    return path


def _reviews(cli: Cli, tmp_path: Path, pack: Path) -> str:
    """A store where reviewers blocked two listings the pack sent to review."""
    db = f"sqlite:///{tmp_path / 'reviews.db'}"
    catalogue = tmp_path / "queue.jsonl"
    titles = ["Cream chargers 8g, 24 pcs", "Cream chargers 16g"]
    catalogue.write_text(
        "".join(
            json.dumps({"id": f"q{i}", "title": t, "seller_id": "s"}) + "\n"
            for i, t in enumerate(titles)
        )
    )
    assert cli("pack", "activate", str(pack), "--note", "n", "--db", db).returncode == 0
    cli("enforce", str(catalogue), "--as-of", "2023-12-01", "--jurisdiction", "GB", "--db", db)
    from proscribe.enforce import Ledger
    from proscribe.enforce.reviews import decide_review
    from proscribe.policy import load_pack
    from proscribe.store import engine_for

    ledger = Ledger(engine_for(db), load_pack(pack), actor="t")
    for listing in ("q0", "q1"):
        decide_review(
            ledger,
            listing,
            decision="block",
            note="sold for inhaling",
            reviewer="ann",
            as_of=dt.date(2023, 12, 2),
        )
    return db


def test_train_pack_learns_from_cases_reviews_and_files_and_says_when_to_distrust(
    cli: Cli, tmp_path: Path
) -> None:
    pack = write_doc_pack(tmp_path / "p")
    alone = cli("train", "--pack", str(pack))
    assert alone.returncode == 2 and "PSC-U053 too few labels to train at all" in alone.stderr
    db = _reviews(cli, tmp_path, pack)
    done = cli("train", "--pack", str(pack), str(_labelled(tmp_path)), "--db", db, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["sources"] == {"case": 8, "review": 2, "confirmed.jsonl": 33}
    assert report["labels"]["nitrous-canisters"] == 3 + 2 + 12
    assert not report["trusted"] and "nitrous-balloons" in report["short"]
    assert (pack / "model.skops").is_file()
    text = (pack / "pack.yaml").read_text()
    assert "model:  # written by `proscribe train --pack`; NOT trusted" in text
    assert "nitrous-canisters: {review: 0.9, block: 1.0}" in text
    assert "OK uk-nitrous-oxide-2023" in cli("pack", "check", str(pack)).stdout
    said = cli("train", "--pack", str(pack), str(_labelled(tmp_path)), "--db", db).stdout
    assert "TOO FEW LABELS TO TRUST THIS MODEL" in said and "bump `revision`" in said
