"""``proscribe seller show``, ``listing show|explain`` and ``appeal open|decide``."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from proscribe.cli.common import DEFAULT_PACK, clock, open_db, parse_as_of, stdout
from proscribe.enforce import Appeals, listing_view, seller_view
from proscribe.errors import Diagnostic, UsageError
from proscribe.policy import load_pack
from proscribe.store import DEFAULT_URL

DbOption = Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
sellers_app = typer.Typer(help="Sellers' standing and history.", no_args_is_help=True)
listings_app = typer.Typer(help="Listings' status and history.", no_args_is_help=True)
appeals_app = typer.Typer(help="Appeals against removals.", no_args_is_help=True)


def _engine(db: str) -> Any:
    engine = open_db(db)
    return engine


def _print_json(data: object) -> None:
    stdout.out(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())


def _print_history(history: list[dict[str, Any]]) -> None:
    for event in history:
        stdout.print(
            f"  #{event['seq']} {event['at'][:19]} {event['kind']:<16} {event['subject']}"
            f" by {event['actor']} [{event['pack_id'] or '-'} {event['revision'] or ''}] "
            f"{orjson.dumps(event['result']).decode()[:160]}",
            markup=False,
        )


@sellers_app.command("show")
def seller_show(
    seller_id: str,
    db: DbOption = DEFAULT_URL,
    as_json: JsonOption = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Standing on this date.")] = None,
    pack: Annotated[str, typer.Option(help="Pack whose penalty ladder applies.")] = DEFAULT_PACK,
) -> None:
    """A seller's standing, active strikes and full history."""
    view = seller_view(open_db(db), seller_id, parse_as_of(as_of), load_pack(pack))
    if as_json:
        _print_json(view)
        return
    stdout.print(
        f"seller {seller_id}: {view['standing']}, {view['strikes']} active strike(s)"
        + (" (aggravated by evasion)" if view["aggravated"] else ""),
        markup=False,
    )
    _print_history(view["history"])


@listings_app.command("show")
def listing_show(listing_id: str, db: DbOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """A listing's status, verdict, removals, strikes, appeals and history."""
    view = listing_view(open_db(db), listing_id)
    if as_json:
        _print_json(view)
        return
    stdout.print(
        f"listing {listing_id} (seller {view['seller_id']}): {view['status']}; last "
        f"decision {view['decision']}",
        markup=False,
    )
    stdout.print(f"reason: {view['verdict']['reason']}", markup=False)
    _print_history(view["history"])


@listings_app.command("explain")
def listing_explain(
    listing_id: str, db: DbOption = DEFAULT_URL, as_json: JsonOption = False
) -> None:
    """Re-decide a stored listing under the revision its verdict names (files kept by
    `pack activate`), as of its date and in its country; say whether it comes out the same."""
    from proscribe.cli.explain import show_verdict
    from proscribe.deploy.reexplain import reexplain

    with tempfile.TemporaryDirectory(prefix="proscribe-revision-") as into:
        found = reexplain(open_db(db), listing_id, Path(into))
    if as_json:
        _print_json(found.to_record())
        return
    stored = found.stored
    stdout.print(
        f"listing {listing_id}: stored verdict {stored['decision']} "
        f"({', '.join(stored['classes']) or 'no class'}) under {stored['pack']} "
        f"{stored['revision']} as of {stored['as_of']}; re-decided under the same revision "
        f"(digest {found.pack.digest[:12]}, restored from the store): "
        + ("the same decision and classes" if found.matches else "DIFFERENT — see below"),
        markup=False,
    )
    show_verdict(found.verdict, found.listing)


@appeals_app.command("open")
def appeal_open(
    listing_id: str,
    reason: Annotated[str, typer.Option(help="Why the seller contests the removal.")],
    by: Annotated[str, typer.Option(help="Who opens it (seller or agent).")] = "seller",
    db: DbOption = DEFAULT_URL,
) -> None:
    """Open an appeal against a listing's removal."""
    appeal_id = Appeals(open_db(db)).open(listing_id, reason, actor=by)
    stdout.print(f"appeal {appeal_id} opened for listing {listing_id}", markup=False)


@appeals_app.command("decide")
def appeal_decide(
    appeal_id: int,
    by: Annotated[str, typer.Option(help="The reviewer deciding.")],
    note: Annotated[str, typer.Option(help="The decision's reasons.")],
    uphold: Annotated[bool, typer.Option("--uphold", help="Keep the removal.")] = False,
    overturn: Annotated[
        bool, typer.Option("--overturn", help="Reinstate and lift the strike.")
    ] = False,
    pack: Annotated[
        str | None, typer.Option(help="Pack of the removal (default: its own).")
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Uphold or overturn an appeal; overturning reinstates and re-derives the standing."""
    if uphold == overturn:
        raise UsageError(
            Diagnostic(
                "PSC-U006",
                "give exactly one of --uphold or --overturn",
                None,
                "proscribe appeal decide ID --overturn --by NAME --note …",
            )
        )
    engine = open_db(db)
    policy = load_pack(pack or _removal_pack(engine, appeal_id))
    date = parse_as_of(as_of) if as_of else clock.today()
    changes = Appeals(engine).decide(
        appeal_id, overturn=overturn, by=by, note=note, pack=policy, as_of=date
    )
    for action in changes.actions:
        stdout.print(f"{action.kind}: {action.subject}: {action.detail}", markup=False)


def _removal_pack(engine: Any, appeal_id: int) -> str:
    import sqlalchemy as sa

    from proscribe.store.tables import appeals, removals

    query = (
        sa.select(removals.c.pack_id)
        .join(appeals, appeals.c.listing_id == removals.c.listing_id)
        .where(appeals.c.id == appeal_id)
        .limit(1)
    )
    with engine.connect() as conn:
        found = conn.execute(query).scalar_one_or_none()
    return str(found) if found else "cn-crypto-mining-2021"
