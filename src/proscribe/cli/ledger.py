"""``proscribe seller show``, ``listing show|explain`` and ``appeal open|decide``."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from proscribe.cli.common import as_of_said, open_db, said, stdout
from proscribe.deploy.resolve import appeal_pack, pack_in_store, seller_pack
from proscribe.enforce import Appeals, listing_view, seller_view
from proscribe.errors import Diagnostic, LedgerError, UsageError
from proscribe.policy import PolicyPack
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
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Standing on this date (default: today).")
    ] = None,
    pack: Annotated[
        str | None,
        typer.Option(help="Pack whose ladder applies (default: that of the latest strike)."),
    ] = None,
) -> None:
    """A seller's standing, active strikes and full history, on the ladder of the pack (and
    revision) their latest strike was issued under, restored from the store."""
    engine = open_db(db)
    date, source = as_of_said(as_of)
    policy = pack_in_store(engine, pack) if pack else seller_pack(engine, seller_id)
    view = seller_view(engine, seller_id, date, policy)
    view |= {"as_of_source": source, **_pack_record(policy)}
    if as_json:
        _print_json(view)
        return
    stdout.print(
        f"seller {seller_id}: {view['standing']}, {view['strikes']} active strike(s)"
        + (" (aggravated by evasion)" if view["aggravated"] else "")
        + f" {said(date, source)}; {_under(policy)}",
        markup=False,
    )
    _print_history(view["history"])


def _pack_record(policy: PolicyPack | None) -> dict[str, Any]:
    if policy is None:
        return {"pack": None, "revision": None, "jurisdictions": []}
    return {
        "pack": policy.id,
        "revision": policy.revision,
        "jurisdictions": list(policy.spec.jurisdictions),
    }


def _under(policy: PolicyPack | None) -> str:
    if policy is None:
        return "no strikes, so no ladder applies"
    places = ", ".join(policy.spec.jurisdictions)
    return f"ladder of {policy.id} {policy.revision} (jurisdictions {places})"


@listings_app.command("show")
def listing_show(listing_id: str, db: DbOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """A listing's status, verdict, removals, strikes, appeals and history; the header says
    the pack, revision, date and country its verdict was decided under."""
    view = listing_view(open_db(db), listing_id)
    if as_json:
        _print_json(view)
        return
    verdict = view["verdict"]
    stdout.print(
        f"listing {listing_id} (seller {view['seller_id']}): {view['status']}; last "
        f"decision {view['decision']} under {verdict.get('pack')} {verdict.get('revision')}, "
        f"as of {verdict.get('as_of')} in {verdict.get('jurisdiction') or 'no stated country'}",
        markup=False,
    )
    stdout.print(f"reason: {verdict['reason']}", markup=False)
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
        str | None,
        typer.Option(help="Pack of the removal (default: the one the store recorded)."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date of the decision (default: today).")
    ] = None,
    db: DbOption = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Uphold or overturn an appeal; overturning reinstates and re-derives the standing on
    the ladder of the pack and revision that removed the listing (restored from the store)."""
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
    policy = pack_in_store(engine, pack) if pack else _removal_pack(engine, appeal_id)
    date, source = as_of_said(as_of)
    changes = Appeals(engine).decide(
        appeal_id, overturn=overturn, by=by, note=note, pack=policy, as_of=date
    )
    if as_json:
        actions = [a.to_record() for a in changes.actions]
        _print_json(
            {
                "appeal": appeal_id,
                "as_of": date.isoformat(),
                "as_of_source": source,
                **_pack_record(policy),
                "actions": actions,
            }
        )
        return
    stdout.print(f"appeal {appeal_id} {said(date, source)}; {_under(policy)}", markup=False)
    for action in changes.actions:
        stdout.print(f"{action.kind}: {action.subject}: {action.detail}", markup=False)


def _removal_pack(engine: Any, appeal_id: int) -> PolicyPack:
    found = appeal_pack(engine, appeal_id)
    if found is None:
        raise LedgerError(
            Diagnostic(
                "PSC-E003",
                f"no appeal {appeal_id}",
                None,
                "list a listing's appeals with `proscribe listing show ID`",
            )
        )
    return found
