"""``proscribe eval LABELLED.jsonl``: precision, recall and false alarms on labelled listings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from proscribe.cli.common import DEFAULT_PACK, parse_as_of, parse_jurisdiction, stdout
from proscribe.decide import Engine
from proscribe.evaluate import Report, evaluate_file
from proscribe.policy import load_pack


def evaluate(
    labelled: Annotated[Path, typer.Argument(help="JSON Lines: id, title, label, class, …")],
    pack: Annotated[str, typer.Option(help="Bundled pack id or pack folder.")] = DEFAULT_PACK,
    as_of: Annotated[str | None, typer.Option("--as-of")] = "2021-10-20",
    jurisdiction: Annotated[str | None, typer.Option()] = "CN",
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    min_precision: Annotated[float | None, typer.Option(help="Gate: blocked precision.")] = None,
    min_recall: Annotated[float | None, typer.Option(help="Gate: flagged recall.")] = None,
    worst: Annotated[int, typer.Option(help="Misses and false alarms to show.")] = 10,
) -> None:
    """Measure the engine on labelled listings; exit 1 when a gate fails."""
    engine = Engine(load_pack(pack))
    report = evaluate_file(
        engine,
        labelled,
        as_of=parse_as_of(as_of),
        jurisdiction=parse_jurisdiction(jurisdiction),
        worst=worst,
    )
    failures = report.gates(min_precision=min_precision, min_recall=min_recall)
    if output_format == "json":
        stdout.out(orjson.dumps({**report.to_record(), "gates_failed": failures}).decode())
    else:
        _print(report, failures)
    raise typer.Exit(1 if failures else 0)


def _print(report: Report, failures: list[str]) -> None:
    table = Table(title=f"{report.rows:,} labelled listings", show_edge=False)
    for name in (
        "group",
        "prohibited",
        "allowed",
        "flag recall",
        "block recall",
        "block precision",
        "false-positive rate",
        "borderline → review",
    ):
        table.add_column(name, justify="left" if name == "group" else "right")
    for group, tally in report.ordered():
        table.add_row(
            group,
            f"{tally.prohibited:,}",
            f"{tally.allowed:,}",
            _f(tally.flagged_recall),
            _f(tally.blocked_recall),
            _f(tally.blocked_precision),
            _pct(tally.false_positive_rate),
            f"{tally.borderline_flagged}/{tally.borderline}" if tally.borderline else "",
        )
    stdout.print(table)
    _examples("Worst misses (prohibited, allowed)", report.misses)
    _examples("Worst false alarms (allowed, flagged)", report.false_alarms)
    for failure in failures:
        stdout.print(f"GATE FAILED: {failure}", markup=False)


def _examples(title: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        stdout.print(f"\n[bold]{title}[/]")
    for row in rows:
        stdout.print(
            f"  {row['id']} [{row.get('class') or '-'}] {row['title'][:80]}\n"
            f"    → {row['decision']}: {row['reason'][:160]}",
            markup=False,
        )


def _f(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.4%}"
