"""Growing a pack from a first draft: `suggest` against a catalogue, `train --pack`."""

from __future__ import annotations

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
