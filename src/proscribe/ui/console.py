"""The review queue's pages and actions: priority order, filters and search, claims, bulk
decisions. Wiring only: the rules live in proscribe.enforce.queue / claims / reviews."""

from __future__ import annotations

from contextlib import suppress
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import Field

from proscribe.api.deps import ServiceDep
from proscribe.api.fields import MAX_ID, MAX_NOTE, Storable
from proscribe.enforce.claims import CLAIM_SECONDS, claim, claim_next, release
from proscribe.enforce.queue import SLA_DAYS, QueueFilter, prioritised
from proscribe.enforce.reviews import decide_review
from proscribe.errors import LedgerError
from proscribe.ui import auth
from proscribe.ui.auth import Poster, Who
from proscribe.ui.render import page, segment

router = auth.router
Filter = Annotated[str | None, Query(max_length=MAX_ID)]
Age = Annotated[int | None, Query(ge=0, le=36_500)]
Ids = Annotated[list[Annotated[str, Field(max_length=MAX_ID), Storable]], Form(max_length=500)]
NoteForm = Annotated[str, Form(min_length=1, max_length=MAX_NOTE), Storable]
SHOWN = 200


@router.get("/queue", response_class=HTMLResponse)
def queue(
    request: Request,
    svc: ServiceDep,
    who: Who,
    cls: Filter = None,
    lang: Filter = None,
    seller: Filter = None,
    q: Filter = None,
    age: Age = None,
    done: Age = None,
    skipped: Age = None,
) -> HTMLResponse:
    where = QueueFilter(cls or None, lang or None, seller or None, q or None, age or None)
    items, total = prioritised(svc.db, svc.today(), where, limit=SHOWN)
    return page(
        request,
        "queue.html",
        who.principal,
        who.csrf,
        items=items,
        total=total,
        cls=cls,
        lang=lang,
        seller=seller,
        q=q,
        age=age,
        done=done,
        skipped=skipped,
        sla_days=SLA_DAYS,
        claim_minutes=CLAIM_SECONDS // 60,
        classes=svc.pack.class_ids,
    )


@router.post("/queue/next")
def next_item(svc: ServiceDep, who: Poster) -> Response:
    """Claim the highest-priority item no one else holds, and open it."""
    item = claim_next(svc.db, who.principal.name, svc.today())
    if item is None:
        return RedirectResponse("/ui/queue", status_code=303)
    return RedirectResponse(f"/ui/listings/{segment(item['listing_id'])}", status_code=303)


@router.post("/listings/{listing_id:path}/claim")
def claim_item(listing_id: str, svc: ServiceDep, who: Poster) -> Response:
    """Claim (or renew) an item; when someone else holds it the page says who."""
    with suppress(LedgerError):  # the listing page shows the holder, or that it was decided
        claim(svc.db, listing_id, who.principal.name)
    return RedirectResponse(f"/ui/listings/{segment(listing_id)}", status_code=303)


@router.post("/listings/{listing_id:path}/release")
def release_item(listing_id: str, svc: ServiceDep, who: Poster) -> Response:
    release(svc.db, listing_id, who.principal.name)
    return RedirectResponse("/ui/queue", status_code=303)


@router.post("/queue/bulk")
def bulk(
    svc: ServiceDep,
    who: Poster,
    ids: Ids,
    decision: Annotated[str, Form(pattern="^(allow|block)$")],
    note: NoteForm,
) -> Response:
    """One decision and one note for every selected item; items another reviewer holds or
    someone already decided are skipped (and counted)."""
    name, done, skipped = who.principal.name, 0, 0
    for listing_id in dict.fromkeys(ids):
        try:
            decide_review(
                svc.ledger(name),
                listing_id,
                decision=decision,
                note=note,
                reviewer=name,
                as_of=svc.today(),
            )
            done += 1
        except LedgerError:
            skipped += 1
    query = urlencode({"done": done, "skipped": skipped})
    return RedirectResponse(f"/ui/queue?{query}", status_code=303)
