"""The review UI: server-rendered pages over the same ledger as the API. Wiring only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import FastAPI, Form, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from proscribe.api.deps import Service, ServiceDep
from proscribe.api.fields import MAX_NOTE, Storable
from proscribe.deploy.resolve import appeal_pack, seller_pack
from proscribe.enforce import Appeals, claims, listing_view, seller_view
from proscribe.enforce.reviews import decide_review
from proscribe.report.evidence import decisive, reason_once
from proscribe.report.highlight import highlight
from proscribe.store.tables import listing_texts
from proscribe.ui import auth, console, packs  # noqa: F401  (their routes)
from proscribe.ui.auth import Poster, SignIn, Who
from proscribe.ui.render import page, segment
from proscribe.ui.security import SecurityHeaders
from proscribe.ui.views import appeal_list, charts, dashboard

router = auth.router
NoteForm = Annotated[str, Form(min_length=1, max_length=MAX_NOTE), Storable]


@router.get("/listings/{listing_id:path}", response_class=HTMLResponse)
def listing(request: Request, listing_id: str, svc: ServiceDep, who: Who) -> HTMLResponse:
    view = listing_view(svc.db, listing_id)
    text = _text(svc, listing_id)
    evidence = decisive(view["verdict"]["evidence"])
    with svc.db.connect() as conn:
        holder = claims.holder(conn, listing_id)
    return page(
        request,
        "listing.html",
        who.principal,
        who.csrf,
        view=view,
        verdict=view["verdict"],
        evidence=evidence,
        reason=reason_once(view["verdict"]["reason"], view["verdict"]["evasion"]),
        holder=holder,
        title=highlight(text.get("title"), evidence, "title") if text else None,
        description=highlight(text.get("description"), evidence, "description") if text else None,
        category=text.get("category") if text else None,
        reviewed=any(e["kind"] == "review" for e in view["history"]),
    )


def _text(svc: Service, listing_id: str) -> dict[str, Any]:
    with svc.db.connect() as conn:
        row = conn.execute(
            sa.select(listing_texts).where(listing_texts.c.listing_id == listing_id)
        ).first()
    return dict(row._mapping) if row else {}


@router.post("/listings/{listing_id:path}/decision")
def decide(
    listing_id: str,
    svc: ServiceDep,
    who: Poster,
    decision: Annotated[str, Form(pattern="^(allow|block)$")],
    note: NoteForm,
) -> Response:
    name = who.principal.name
    decide_review(
        svc.ledger(name),
        listing_id,
        decision=decision,
        note=note,
        reviewer=name,
        as_of=svc.today(),
    )
    following = claims.claim_next(svc.db, name, svc.today())
    target = f"/ui/listings/{segment(following['listing_id'])}" if following else "/ui/queue"
    return RedirectResponse(target, status_code=303)


@router.get("/sellers/{seller_id:path}", response_class=HTMLResponse)
def seller(
    request: Request, seller_id: str, svc: ServiceDep, who: Who, as_of: dt.date | None = None
) -> HTMLResponse:
    view = seller_view(
        svc.db, seller_id, as_of or svc.today(), seller_pack(svc.db, seller_id, svc.revisions)
    )
    return page(request, "seller.html", who.principal, who.csrf, view=view)


@router.get("/appeals", response_class=HTMLResponse)
def appeals_page(request: Request, svc: ServiceDep, who: Who) -> HTMLResponse:
    return page(request, "appeals.html", who.principal, who.csrf, appeals=appeal_list(svc.db))


@router.post("/appeals/{appeal_id}/decision")
def appeal_decision(
    appeal_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)],  # SQLite's and PG's INTEGER
    svc: ServiceDep,
    who: Poster,
    outcome: Annotated[str, Form(pattern="^(uphold|overturn)$")],
    note: NoteForm,
) -> Response:
    Appeals(svc.db).decide(
        appeal_id,
        overturn=outcome == "overturn",
        by=who.principal.name,
        note=note,
        pack=appeal_pack(svc.db, appeal_id, svc.revisions) or svc.pack,
        as_of=svc.today(),
    )
    return RedirectResponse("/ui/appeals", status_code=303)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, svc: ServiceDep, who: Who) -> HTMLResponse:
    data = dashboard(svc.db, svc.today())
    return page(request, "dashboard.html", who.principal, who.csrf, data=data, charts=charts(data))


async def _sign_in(_: Request, __: Exception) -> Response:
    return RedirectResponse("/ui/login", status_code=303)


def install(app: FastAPI) -> None:
    app.add_exception_handler(SignIn, _sign_in)
    app.include_router(router)
    static = StaticFiles(directory=Path(__file__).parent / "static")
    app.mount("/ui/static", static, name="ui-static")
    app.add_middleware(SecurityHeaders)
