"""``proscribe shadow report``: how a shadow revision's decisions compare with the live ones."""

from __future__ import annotations

from typing import Annotated

import orjson
import typer
from rich.table import Table

from proscribe.cli.common import DEFAULT_PACK, open_db, stdout
from proscribe.deploy.resolve import default_ref
from proscribe.deploy.shadow import shadow_report
from proscribe.store import DEFAULT_URL

app = typer.Typer(help="Compare a shadow revision with the live one.", no_args_is_help=True)


@app.command("report")
def report_command(
    pack: Annotated[
        str | None, typer.Option(help="The pack id (default: the one pack live in the store).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only decisions from this time (ISO 8601, UTC).")
    ] = None,
    examples: Annotated[int, typer.Option(min=0, help="Disagreements to show.")] = 10,
    db: Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")] = DEFAULT_URL,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Agreement rate, disagreements by kind and by class, and examples with both reasons."""
    engine = open_db(db)
    pack = default_ref(engine, pack, DEFAULT_PACK)
    report = shadow_report(engine, pack, since=since, examples=examples)
    if as_json:
        stdout.out(orjson.dumps(report.to_record(), option=orjson.OPT_INDENT_2).decode())
        return
    if not report.decided:
        stdout.print(
            f"{pack}: no shadow decisions{f' since {since}' if since else ''} "
            "(activate a revision with --mode shadow, then enforce or serve)",
            markup=False,
        )
        return
    for (live, shadow), n in report.revisions.most_common():
        stdout.print(f"{pack}: live {live} vs shadow {shadow}: {n:,} listings", markup=False)
    stdout.print(
        f"agreement {report.agreement:.2%} ({report.agreed:,} of {report.decided:,}); "
        f"sources: {', '.join(f'{s} {n:,}' for s, n in report.sources.most_common())}",
        markup=False,
    )
    table = Table(title="Disagreements", show_edge=False)
    table.add_column("kind")
    table.add_column("listings", justify="right")
    for kind, n in report.transitions.most_common():
        table.add_row(kind, f"{n:,}")
    for cls, n in report.by_class.most_common():
        table.add_row(f"class {cls}", f"{n:,}")
    stdout.print(table)
    for ex in report.examples:
        stdout.print(
            f"\n{ex['listing']} ({ex['source']}, {ex['at']}): "
            f"live {ex['live']['decision']}, shadow {ex['shadow']['decision']}\n"
            f"  live:   {ex['live']['reason']}\n  shadow: {ex['shadow']['reason']}",
            markup=False,
        )
