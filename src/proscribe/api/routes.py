"""The v1 API: listings, sellers, reviews, appeals, packs, audit. Wiring only."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Path, Query, Response

from proscribe.access import Subject
from proscribe.api.deps import BACKDATING_ROLES, ServiceDep, role
from proscribe.api.models import (
    AccessBatchIn,
    AccessCheckIn,
    AppealDecisionIn,
    AppealIn,
    BatchIn,
    ListingIn,
    ReviewDecisionIn,
)
from proscribe.audit import AuditLog
from proscribe.audit.replay import replay
from proscribe.deploy.resolve import appeal_pack, seller_pack
from proscribe.enforce import Appeals, listing_view, seller_view
from proscribe.enforce.keys import Principal
from proscribe.enforce.queue import QueueFilter, prioritised
from proscribe.enforce.reviews import decide_review
from proscribe.errors import Diagnostic, UsageError

router = APIRouter(prefix="/v1")
Integrator = Annotated[Principal, Depends(role("integrator"))]
Reviewer = Annotated[Principal, Depends(role("reviewer"))]
Admin = Annotated[Principal, Depends(role("admin"))]
Anyone = Annotated[Principal, Depends(role("integrator", "reviewer"))]


def _decide(
    svc: ServiceDep, body: ListingIn, as_of: dt.date | None, jurisdiction: str | None
) -> dict[str, Any]:
    verdict = svc.decide(body.listing(), as_of=as_of or svc.today(), jurisdiction=jurisdiction)
    return verdict.to_record()


def _what_if(svc: ServiceDep, body: ListingIn) -> dict[str, Any]:
    """A check: stores nothing, so any key may ask under any date and jurisdiction."""
    return _decide(svc, body, body.as_of, body.jurisdiction)


# Every endpoint that decides or touches the store is a plain `def`: FastAPI runs it in its
# thread pool, so a long decision never holds the event loop (and /healthz) up.
@router.post("/listings/check", tags=["listings"], response_model=dict[str, Any])
def check(body: ListingIn, svc: ServiceDep, _: Anyone) -> Response:
    """One listing → its verdict; nothing is stored."""
    return _json(_what_if(svc, body))


@router.post("/listings/check-batch", tags=["listings"], response_model=dict[str, Any])
def check_batch(body: BatchIn, svc: ServiceDep, _: Anyone) -> Response:
    """Up to 1,000 listings → their verdicts, in order; nothing is stored."""
    return _json({"verdicts": [_what_if(svc, item) for item in body.listings]})


def _json(data: object) -> Response:
    """Verdict records are plain JSON already: skip FastAPI's generic encoder (hot path)."""
    return Response(orjson.dumps(data), media_type="application/json")


@router.post("/listings", tags=["listings"], status_code=201)
def submit(body: ListingIn, svc: ServiceDep, who: Integrator) -> dict[str, Any]:
    """Decide a new or edited listing, record it and enforce the pack. Decided as of today
    (the server's clock) in the listing's country, unless an admin key sets `as_of` (not in
    the future) or `jurisdiction`; from other keys those fields are ignored (`ignored`)."""
    as_of, jurisdiction, ignored = _enforcing_terms(body, who, svc.today())
    record = _decide(svc, body, as_of, jurisdiction)
    text = {body.id: (body.title, body.description, body.category)}
    with svc.db.connect() as conn, conn.begin():
        changes = svc.ledger(who.name, record["revision"]).apply(conn, [record], text)
    return {
        "verdict": record,
        "actions": [a.to_record() for a in changes.actions],
        "ignored": ignored,
    }


def _enforcing_terms(
    body: ListingIn, who: Principal, today: dt.date
) -> tuple[dt.date, str | None, list[str]]:
    """The date and jurisdiction an enforcing endpoint decides under, and the fields ignored."""
    if who.role not in BACKDATING_ROLES:
        ignored = [f for f in ("as_of", "jurisdiction") if getattr(body, f) is not None]
        return today, None, ignored
    if body.as_of is not None and body.as_of > today:
        raise UsageError(
            Diagnostic(
                "PSC-U026",
                f"as_of {body.as_of} is in the future (today is {today})",
                None,
                "enforce as of today or an earlier date; strikes dated later would be "
                "invisible until then",
            )
        )
    return body.as_of or today, body.jurisdiction, []


@router.get("/listings/{listing_id:path}", tags=["listings"])
def get_listing(listing_id: str, svc: ServiceDep, _: Anyone) -> dict[str, Any]:
    return listing_view(svc.db, listing_id)


@router.get("/sellers/{seller_id:path}", tags=["sellers"])
def get_seller(
    seller_id: str,
    svc: ServiceDep,
    _: Anyone,
    as_of: Annotated[
        dt.date | None, Query(description="Standing on this date (default: today).")
    ] = None,
) -> dict[str, Any]:
    """Standing on the ladder of the pack (and revision) of the seller's latest strike."""
    view = seller_view(
        svc.db, seller_id, as_of or svc.today(), seller_pack(svc.db, seller_id, svc.revisions)
    )
    return view | {"as_of_source": "given" if as_of else "today"}


@router.get("/reviews", tags=["reviews"])
def reviews(
    svc: ServiceDep,
    _: Reviewer,
    class_id: Annotated[str | None, Query(alias="class", max_length=80)] = None,
    lang: Annotated[str | None, Query(max_length=8)] = None,
    seller: Annotated[str | None, Query(max_length=200)] = None,
    min_age_days: Annotated[int | None, Query(ge=0, le=3650)] = None,
    search: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """The review queue as the console shows it: undecided listings by priority (severity,
    evasion, the seller's standing, time waiting against the deadline), then oldest first;
    each item with its priority parts and any live claim. ``total``: all that match."""
    where = QueueFilter(class_id, lang, seller, search, min_age_days)
    items, total = prioritised(svc.db, svc.today(), where, limit=limit)
    return {"items": items, "total": total}


@router.post("/reviews/{listing_id:path}/decision", tags=["reviews"])
def review_decision(
    listing_id: str, body: ReviewDecisionIn, svc: ServiceDep, who: Reviewer
) -> dict[str, Any]:
    changes = decide_review(
        svc.ledger(who.name),
        listing_id,
        decision=body.decision,
        note=body.note,
        reviewer=who.name,
        as_of=svc.today(),
    )
    return {"actions": [a.to_record() for a in changes.actions]}


@router.post("/appeals", tags=["appeals"], status_code=201)
def open_appeal(body: AppealIn, svc: ServiceDep, who: Reviewer) -> dict[str, Any]:
    appeal_id = Appeals(svc.db).open(body.listing_id, body.reason, actor=who.name)
    return {"id": appeal_id, "listing_id": body.listing_id, "status": "open"}


@router.post("/appeals/{appeal_id}/decision", tags=["appeals"])
def decide_appeal(
    appeal_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    body: AppealDecisionIn,
    svc: ServiceDep,
    who: Reviewer,
) -> dict[str, Any]:
    changes = Appeals(svc.db).decide(
        appeal_id,
        overturn=body.outcome == "overturn",
        by=who.name,
        note=body.note,
        pack=appeal_pack(svc.db, appeal_id, svc.revisions) or svc.pack,
        as_of=svc.today(),
    )
    return {"actions": [a.to_record() for a in changes.actions]}


@router.get("/packs", tags=["packs"])
def packs(svc: ServiceDep, _: Admin) -> dict[str, Any]:
    return {"packs": [_pack_summary(svc)]}


@router.get("/packs/{pack_id}", tags=["packs"])
def pack(pack_id: str, svc: ServiceDep, _: Admin) -> dict[str, Any]:
    from proscribe.errors import PackError

    if pack_id != svc.pack.id:
        raise PackError(
            Diagnostic(
                "PSC-P008",
                f"the service runs no pack '{pack_id}'",
                None,
                f"it runs '{svc.pack.id}' (GET /v1/packs)",
            )
        )
    return {**_pack_summary(svc), "spec": svc.pack.spec.model_dump(mode="json", by_alias=True)}


def _pack_summary(svc: ServiceDep) -> dict[str, Any]:
    p = svc.pack
    return {
        "id": p.id,
        "revision": p.revision,
        "title": p.spec.title,
        "digest": p.digest,
        "classes": list(p.class_ids),
        "jurisdictions": p.spec.jurisdictions,
        "phases": p.spec.phases.model_dump(mode="json"),
    }


@router.get("/audit/verify", tags=["audit"])
def audit_verify(svc: ServiceDep, _: Admin) -> dict[str, Any]:
    """The hash chain, then the ledger's tables replayed against the log (`audit verify`)."""
    result = AuditLog().verify(svc.db)
    ledger = replay(svc.db) if result.ok else None
    return {
        "ok": result.ok and ledger is None,
        "events": result.events,
        "head": result.head,
        "broken_at": result.broken_at,
        "problem": result.problem,
        "ledger_problem": ledger,
    }


@router.post("/access/check", tags=["access"])
def access_check(body: AccessCheckIn, svc: ServiceDep, _: Anyone) -> dict[str, Any]:
    """May this subject take this action at this instant? (The pack's access rules.)"""
    rules = svc.access_rules(body.pack)
    subject = Subject.of(body.subject, rules.zone)
    return rules.check(subject, body.action, as_of=body.at(rules)).to_record()


@router.post("/access/check-batch", tags=["access"])
def access_check_batch(body: AccessBatchIn, svc: ServiceDep, _: Anyone) -> dict[str, Any]:
    """Up to 1,000 access checks, in order."""
    decisions = []
    for item in body.checks:
        rules = svc.access_rules(item.pack)
        subject = Subject.of(item.subject, rules.zone)
        decisions.append(rules.check(subject, item.action, as_of=item.at(rules)).to_record())
    return {"decisions": decisions}
