"""``proscribe train --pack PATH``: wiring for :mod:`proscribe.packtrain`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from proscribe.cli.common import open_db, stderr, stdout
from proscribe.errors import Diagnostic, Location, UsageError
from proscribe.evaluate import read_labelled
from proscribe.packtrain import MODEL_FILE, case_rows, for_pack, tally, write_model_section
from proscribe.policy import load_pack


def train_pack(
    folder: Path, files: list[Path], db: str | None, *, seed: int, c: float, as_json: bool
) -> None:
    from proscribe.classify.train import train

    policy = load_pack(folder)
    rows = _rows(policy, files, db)
    training = tally(rows)
    try:
        with stderr.status("training: hashing tokens, fitting…"):
            model, report = train(iter(rows), c=c, seed=seed)
    except ValueError as exc:
        raise UsageError(
            Diagnostic(
                "PSC-U053",
                f"too few labels to train at all ({_counts(training.labels)}): {exc}",
                Location(str(folder)),
                "add labelled rows: more cases, --db with reviewer decisions "
                "(`reviews export`), or labelled JSON Lines files",
            )
        ) from exc
    model.save(policy.path / MODEL_FILE)
    classes = [label for label in model.labels if label in policy.class_ids]
    write_model_section(policy.path / "pack.yaml", classes, training.trusted)
    load_pack(policy.path)  # the pack with its new model still loads
    record = report.to_record() | training.to_record() | {"model": str(policy.path / MODEL_FILE)}
    if as_json:
        stdout.out(orjson.dumps(record).decode())
        return
    stdout.print(
        f"trained on {report.rows} labelled rows ({_counts(training.sources)}): "
        f"{_counts(training.labels)}; wrote {policy.path / MODEL_FILE} and the `model:` "
        "thresholds of pack.yaml (bump `revision` before `pack activate`)",
        markup=False,
    )
    stdout.print(training.verdict(), markup=False)


def _rows(policy: Any, files: list[Path], db: str | None) -> list[dict[str, Any]]:
    rows = list(case_rows(policy))
    if db is not None:
        from proscribe.enforce.reviews import export_reviews

        rows += for_pack(export_reviews(open_db(db)), policy)
    for path in files:
        rows += ({**r, "source": path.name} for r in for_pack(read_labelled(path), policy))
    return rows


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
