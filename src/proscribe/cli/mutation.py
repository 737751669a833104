"""The report of ``proscribe test --mutate``: per case and trick what survives, a summary."""

from __future__ import annotations

from pathlib import Path

import orjson
from rich.table import Table

from proscribe.cli.common import stdout
from proscribe.decide import Engine
from proscribe.mutate import MutationReport, mutate_file


def run_mutation(engine: Engine, files: list[Path], seed: int, as_json: bool) -> bool:
    """Print the mutation report of one pack; whether it misses the pack's declared bar."""
    report = MutationReport()
    for file in files:
        report.variants += mutate_file(engine, file, seed=seed)
    bar = engine.pack.spec.mutation.min_recall if engine.pack.spec.mutation else None
    recall = report.recall
    missed = bar is not None and recall is not None and recall < bar
    if as_json:
        record = report.to_record() | {"pack": engine.pack.id, "min_recall": bar, "missed": missed}
        stdout.out(orjson.dumps(record).decode())
        return missed
    for v in report.variants:
        if not v.held:
            what = "twin flagged" if v.twin else "survived (allowed)"
            stdout.print(
                f"MUTANT {what}: {v.file}: {v.case} [{v.trick}] {v.title!r} → {v.decision}",
                markup=False,
            )
    stdout.print(_table(report, engine.pack.id))
    shown = "n/a" if recall is None else f"{recall:.1%}"
    verdict = (
        "" if bar is None else (f" — BELOW min_recall {bar:.0%}" if missed else f" (≥ {bar:.0%})")
    )
    stdout.print(f"mutation recall {engine.pack.id}: {shown}{verdict}", markup=False)
    return missed


def _table(report: MutationReport, pack_id: str) -> Table:
    table = Table(title=f"Mutations of {pack_id}'s cases", show_edge=False)
    for name in ("trick", "variants", "caught", "recall", "twins", "twins flagged"):
        table.add_column(name, justify="left" if name == "trick" else "right")
    for name, s in report.per_trick().items():
        recall = "–" if s.recall is None else f"{s.recall:.1%}"
        table.add_row(
            name, str(s.variants), str(s.caught), recall, str(s.twins), str(s.false_alarms)
        )
    return table
