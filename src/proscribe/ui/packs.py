"""The pack revision page for admins: what a staged or shadow revision changes against the
live one (``policy.diff``), how often it agrees with it (``deploy.shadow``), and activation
(``deploy.revisions.activate``, which writes the audit event). Wiring only."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from proscribe.api.deps import Service, ServiceDep
from proscribe.api.fields import MAX_ID, MAX_NOTE, Storable
from proscribe.api.problems import Coded
from proscribe.deploy.revisions import activate, history
from proscribe.deploy.shadow import shadow_report
from proscribe.policy.diff import diff_packs
from proscribe.policy.pack import PolicyPack
from proscribe.ui import auth
from proscribe.ui.auth import Poster, Reviewer, Who
from proscribe.ui.render import page, segment

router = auth.router
NoteForm = Annotated[str, Form(min_length=1, max_length=MAX_NOTE), Storable]


def _admin(who: Reviewer) -> None:
    if who.principal.role != "admin":
        raise Coded(403, "PSC-A006", "pack revisions are for admins", "sign in with an admin key")


def _candidates(svc: Service) -> list[tuple[str, PolicyPack]]:
    deployment = svc.decider.deployment
    found = [("staged", deployment.staged), ("shadow", deployment.shadow)]
    return [(mode, p) for mode, p in found if p is not None]


@router.get("/packs", response_class=HTMLResponse)
def packs(
    request: Request,
    svc: ServiceDep,
    who: Who,
    activated: Annotated[str | None, Query(max_length=MAX_ID)] = None,
) -> HTMLResponse:
    _admin(who)
    live = svc.decider.deployment.live
    candidates: list[dict[str, Any]] = []
    for mode, pack in _candidates(svc):
        changes = diff_packs(live, pack)
        candidates.append(
            {
                "mode": mode,
                "revision": pack.revision,
                "changes": [c.describe() for c in changes],
                "areas": sorted({c.area for c in changes}),
            }
        )
    shadow = shadow_report(svc.db, live.id) if svc.decider.deployment.shadow else None
    return page(
        request,
        "packs.html",
        who.principal,
        who.csrf,
        live=live,
        candidates=candidates,
        shadow=shadow.to_record() if shadow else None,
        agreement=f"{shadow.agreement:.1%}" if shadow else None,
        history=list(reversed(history(svc.db, live.id)))[:20],
        activated=activated,
    )


@router.post("/packs/{revision}/activate")
def activate_revision(revision: str, svc: ServiceDep, who: Poster, note: NoteForm) -> Response:
    """Make a staged or shadow revision live (audited by ``activate``)."""
    _admin(who)
    found = {p.revision: p for _, p in _candidates(svc)}
    if revision not in found:
        raise Coded(404, "PSC-E007", f"no staged or shadow revision '{revision}'", "reload")
    activate(svc.db, found[revision], by=who.principal.name, note=note, mode="live")
    return RedirectResponse(f"/ui/packs?activated={segment(revision)}", status_code=303)
