"""``proscribe suggest CATALOGUE --pack …``: words a pack misses, found in your catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.table import Table

from proscribe.catalogue import Catalogue
from proscribe.cli.common import DEFAULT_PACK, as_of_said, parse_jurisdiction, said, stdout
from proscribe.policy import load_pack
from proscribe.suggest import Suggestions, suggest


def suggest_command(
    catalogue: Annotated[Path, typer.Argument(help="Your catalogue (JSONL, CSV or Parquet).")],
    pack: Annotated[str, typer.Option(help="The pack being written (folder or id).")] = (
        DEFAULT_PACK
    ),
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Decide as of YYYY-MM-DD (default: today).")
    ] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="Country code for every listing.")] = (
        None
    ),
    min_count: Annotated[
        int, typer.Option(min=1, help="Blocked listings a phrase needs to be shown.")
    ] = 3,
    top: Annotated[int, typer.Option(min=1, help="Phrases and near misses shown.")] = 30,
    margin: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Near miss: this far below review.")
    ] = 0.15,
    min_share: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="Share of blocked neighbours a phrase needs."),
    ] = 0.25,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Phrases that co-occur with what the pack blocks but are not in it (with counts,
    example listings and the share of blocked neighbours), and the listings just below a
    class's review threshold."""
    policy = load_pack(pack)
    date, source = as_of_said(as_of)
    place = parse_jurisdiction(jurisdiction)
    found = suggest(
        policy,
        Catalogue(catalogue),
        as_of=date,
        jurisdiction=place,
        min_count=min_count,
        top=top,
        margin=margin,
        min_share=min_share,
    )
    if as_json:
        record = found.to_record() | {
            "pack": policy.id,
            "as_of": date.isoformat(),
            "as_of_source": source,
            "jurisdiction": place,
        }
        stdout.out(orjson.dumps(record).decode())
        return
    stdout.print(
        f"{found.decided:,} listings decided under {policy.id} {policy.revision} "
        f"{said(date, source)} in {place or 'each listing’s own country'}; "
        f"{found.blocked:,} blocked",
        markup=False,
    )
    _print(found)


def _print(found: Suggestions) -> None:
    table = Table(title="Phrases beside what the pack blocks, not in it", show_edge=False)
    for name in ("phrase", "blocked", "all", "share blocked", "look at (allowed)", "blocked e.g."):
        table.add_column(name, overflow="fold")
    for c in found.candidates:
        table.add_row(
            c.phrase,
            str(c.blocked),
            str(c.total),
            f"{c.share:.0%}",
            ", ".join(c.unflagged),
            ", ".join(c.examples),
        )
    stdout.print(table)
    near = Table(title="Just below a review threshold", show_edge=False)
    for name in ("id", "class", "score", "review at", "title"):
        near.add_column(name, overflow="fold")
    for n in found.near_misses:
        near.add_row(n.id, n.class_id, f"{n.score:.2f}", f"{n.review:.2f}", n.title)
    stdout.print(near)
