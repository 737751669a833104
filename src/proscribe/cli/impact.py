"""``proscribe impact CATALOGUE --from OLD --to NEW``: what a new revision would change."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from proscribe.catalogue import Catalogue, Rejected
from proscribe.cli.common import as_of_said, parse_as_of, parse_jurisdiction, said, stderr, stdout
from proscribe.cli.scan import progress_bar
from proscribe.decide import Engine
from proscribe.impact import KINDS, Impact, impact
from proscribe.policy import load_pack
from proscribe.types import Listing


def impact_command(
    catalogue: Annotated[Path, typer.Argument(help="Catalogue: JSON Lines, CSV or Parquet.")],
    old: Annotated[str, typer.Option("--from", help="The revision in force (folder or id).")],
    new: Annotated[str, typer.Option("--to", help="The candidate revision (folder or id).")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Decide as of YYYY-MM-DD (default: today).")
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Country for every listing (default: each its own).")
    ] = None,
    examples: Annotated[int, typer.Option(help="Examples kept per kind of change.")] = 5,
    report_path: Annotated[
        Path | None, typer.Option("--report", help="Also write an HTML report with charts.")
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Processes deciding listings.")
    ] = os.cpu_count() or 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Decide the catalogue under both revisions and report what changes (exit 0)."""
    before, after = load_pack(old), load_pack(new)
    source = Catalogue(catalogue)
    rejected: list[Rejected] = []
    with progress_bar() as progress:
        task = progress.add_task("deciding under both revisions", total=source.size)

        def listings() -> Iterator[Listing]:
            for row in source:
                if isinstance(row, Rejected):
                    rejected.append(row)
                else:
                    yield row
                progress.update(task, completed=source.done)

        report = impact(
            Engine(before),
            Engine(after),
            listings(),
            as_of=parse_as_of(as_of),
            jurisdiction=parse_jurisdiction(jurisdiction),
            keep=examples,
            workers=workers,
        )
    for row in rejected[:10]:
        stderr.print(f"{catalogue}: row {row.row}: {row.code} {row.message}", markup=False)
    date, date_from = as_of_said(as_of)
    record = report.to_record(before, after) | {
        "rejected": len(rejected),
        "as_of": date.isoformat(),
        "as_of_source": date_from,
        "jurisdiction": parse_jurisdiction(jurisdiction),
    }
    if report_path is not None:
        from proscribe.report.impact import write_impact_report

        meta = {
            "catalogue": str(catalogue),
            "as_of": parse_as_of(as_of),
            "jurisdiction": jurisdiction,
        }
        write_impact_report(report_path, record, meta)
    if as_json:
        stdout.out(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode())
        return
    _print(record, report)


def _print(record: dict[str, Any], report: Impact) -> None:
    a, b = record["from"], record["to"]
    stdout.print(
        f"{record['rows']:,} listings: {a['id']} {a['revision']} → {b['id']} {b['revision']}"
        + (f" ({record['rejected']} rows rejected)" if record["rejected"] else "")
        + f"; {said(dt.date.fromisoformat(record['as_of']), record['as_of_source'])} in "
        + (record["jurisdiction"] or "each listing's own country"),
        markup=False,
    )
    table = Table(show_edge=False)
    table.add_column("class")
    for kind in KINDS:
        table.add_column(kind, justify="right")
    for cls, counts in sorted(report.by_class.items()):
        table.add_row(cls, *(f"{counts[k]:,}" for k in KINDS))
    table.add_row("all", *(f"{record['changes'][k]:,}" for k in KINDS), style="bold")
    stdout.print(table)
    for kind, items in record["examples"].items():
        stdout.print(f"\n{kind}:", markup=False)
        for item in items:
            stdout.print(f"  {item['id']}: {item['title']}", markup=False)
            stdout.print(
                f"    was {item['before']['decision']}: {item['before']['reason']}", markup=False
            )
            stdout.print(
                f"    now {item['after']['decision']}: {item['after']['reason']}", markup=False
            )
    crossing = record["sellers_crossing"]
    if crossing:
        stdout.print(f"\nsellers crossing a penalty step: {len(crossing)}", markup=False)
        for s in crossing[:10]:
            stdout.print(
                f"  {s['seller_id']}: {s['blocked_before']} → {s['blocked_after']} blocked, "
                f"{s['step_before']} → {s['step_after']}",
                markup=False,
            )
