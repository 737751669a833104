"""``proscribe explain "TEXT"``: the verdict for one listing, every finding shown in its text."""

from __future__ import annotations

from typing import Annotated

import orjson
import typer
from rich.table import Table
from rich.text import Text

from proscribe.cli.common import DEFAULT_PACK, parse_as_of, parse_jurisdiction, stdout
from proscribe.decide import Engine, Verdict
from proscribe.policy import load_pack
from proscribe.types import Listing

STYLES = {"block": "bold red", "review": "bold dark_orange", "allow": "bold green"}


def explain(
    text: Annotated[str, typer.Argument(help="The listing's title.")],
    description: Annotated[str | None, typer.Option(help="The listing's description.")] = None,
    category: Annotated[str | None, typer.Option(help="The listing's category.")] = None,
    pack: Annotated[str, typer.Option(help="Bundled pack id or pack folder.")] = DEFAULT_PACK,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Decide as of YYYY-MM-DD.")] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="Country code, e.g. CN.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict record.")] = False,
) -> None:
    """Explain the verdict for one listing."""
    engine = Engine(load_pack(pack))
    listing = Listing("explain", text, description, category)
    verdict = engine.decide(
        listing, as_of=parse_as_of(as_of), jurisdiction=parse_jurisdiction(jurisdiction)
    )
    if as_json:
        stdout.out(orjson.dumps(verdict.to_record(), option=orjson.OPT_INDENT_2).decode())
    else:
        show_verdict(verdict, listing)
    raise typer.Exit(1 if verdict.decision == "block" else 0)


def show_verdict(verdict: Verdict, listing: Listing) -> None:
    stdout.print(
        Text.assemble(
            ("decision ", "bold"),
            (verdict.decision, STYLES[verdict.decision]),
            f"   score {verdict.score:.2f}   {verdict.pack} {verdict.revision}"
            f"   as of {verdict.as_of}   phase {verdict.phase}",
        )
    )
    for name in ("title", "description"):
        value = listing.field(name)
        if value:
            stdout.print(Text(f"{name}: ", style="bold") + _marked(value, verdict, name))
    if verdict.evidence:
        stdout.print(_evidence_table(verdict))
    for adjustment in verdict.adjustments:
        stdout.print(f"adjustment: {adjustment.reason}", markup=False)
    for signal in verdict.evasion:
        stdout.print(
            f"evasion: {signal.signal} ({signal.detail}): '{signal.text}' in {signal.field}",
            markup=False,
        )
    for note in verdict.notes:
        stdout.print(f"note: {note}", markup=False)
    stdout.print(f"reason: {verdict.reason}", markup=False)


def _marked(value: str, verdict: Verdict, field: str) -> Text:
    text = Text(value)
    for f in verdict.evidence:
        if f.field == field and f.kind != "rule":
            text.stylize("bold reverse yellow", f.start, f.end)
    return text


def _evidence_table(verdict: Verdict) -> Table:
    table = Table(show_edge=False)
    for name in ("class", "kind", "signal", "matched", "where", "weight", "tricks"):
        table.add_column(name)
    for f in verdict.evidence:
        weight = "" if f.weight is None else f"{f.weight:.2f}"
        table.add_row(
            f.class_id,
            f.kind,
            f.rule,
            f.text,
            f"{f.field}[{f.start}:{f.end}]",
            weight,
            ", ".join(f.tricks),
        )
    return table
