"""``proscribe explain "TEXT"``: the verdict for one listing, every finding shown in its text."""

from __future__ import annotations

from typing import Annotated

import orjson
import typer
from rich.table import Table
from rich.text import Text

from proscribe.cli.common import DEFAULT_PACK, as_of_said, parse_jurisdiction, said, stdout
from proscribe.decide import Engine, Verdict
from proscribe.policy import load_pack
from proscribe.types import Listing

STYLES = {"block": "bold red", "review": "bold dark_orange", "allow": "bold green"}


def explain(
    text: Annotated[str, typer.Argument(help="The listing's title.")],
    description: Annotated[str | None, typer.Option(help="The listing's description.")] = None,
    category: Annotated[str | None, typer.Option(help="The listing's category.")] = None,
    pack: Annotated[str, typer.Option(help="Bundled pack id or pack folder.")] = DEFAULT_PACK,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Decide as of YYYY-MM-DD (default: today).")
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Country code, e.g. CN (default: none stated).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict record.")] = False,
) -> None:
    """Explain the verdict for one listing."""
    policy = load_pack(pack)
    listing = Listing("explain", text, description, category)
    date, source = as_of_said(as_of)
    verdict = Engine(policy).decide(
        listing, as_of=date, jurisdiction=parse_jurisdiction(jurisdiction)
    )
    if as_json:
        record = verdict.to_record() | {
            "as_of_source": source,
            "jurisdiction_source": (
                "given"
                if jurisdiction
                else f"none (unknown_jurisdiction: {policy.spec.unknown_jurisdiction})"
            ),
        }
        stdout.out(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode())
    else:
        show_verdict(verdict, listing, source, policy.spec.unknown_jurisdiction)
    raise typer.Exit(1 if verdict.decision == "block" else 0)


def show_verdict(
    verdict: Verdict, listing: Listing, source: str = "given", unknown: str | None = None
) -> None:
    """The verdict, its header saying the date and the country it was decided for; piped
    (not a terminal), findings are one plain line each instead of a table cut to 80 columns."""
    place = verdict.jurisdiction or (
        f"no stated country (--jurisdiction not given; the pack's unknown_jurisdiction: {unknown})"
        if unknown
        else "no stated country"
    )
    stdout.print(
        Text.assemble(
            ("decision ", "bold"),
            (verdict.decision, STYLES[verdict.decision]),
            f"   score {verdict.score:.2f}   {verdict.pack} {verdict.revision}"
            f"   {said(verdict.as_of, source)}   in {place}   phase {verdict.phase}",
        )
    )
    for name in ("title", "description"):
        value = listing.field(name)
        if value:
            stdout.print(Text(f"{name}: ", style="bold") + _marked(value, verdict, name))
    if verdict.evidence and stdout.is_terminal:
        stdout.print(_evidence_table(verdict))
    elif verdict.evidence:
        for line in _evidence_lines(verdict):
            stdout.out(line, highlight=False)
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


def _evidence_lines(verdict: Verdict) -> list[str]:
    lines = ["evidence (class · kind · signal · matched · where · weight · tricks):"]
    for f in verdict.evidence:
        weight = "" if f.weight is None else f"{f.weight:.2f}"
        tricks = ", ".join(f.tricks) or "-"
        lines.append(
            f"  {f.class_id} · {f.kind} · {f.rule} · '{f.text}' · {f.field}[{f.start}:{f.end}]"
            f" · {weight or '-'} · {tricks}"
        )
    return lines
