"""Signing in and out of the review UI, and the dependency every page uses."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from proscribe.api.deps import ServiceDep, client_address, identify, limit
from proscribe.api.fields import Storable
from proscribe.api.problems import Coded
from proscribe.enforce.keys import Principal
from proscribe.ui.render import page
from proscribe.ui.security import check_form, secure_cookies
from proscribe.ui.sessions import end_session, open_session, session_for

SESSION_COOKIE = "proscribe_session"
LOGIN_COOKIE = "proscribe_login"  # the sign-in form's CSRF token (there is no session yet)
#: What ``/ui/login?error=CODE`` may say; any other code says nothing.
ERRORS = {
    "key": "A reviewer or admin key is needed.",
    "form": "The sign-in form expired; try again.",
    "signed-out": "Signed out.",
}
router = APIRouter(prefix="/ui", include_in_schema=False)


class SignIn(Exception):  # noqa: N818 - control flow: redirect to the sign-in page
    pass


@dataclass(frozen=True, slots=True)
class Reviewer:
    principal: Principal
    csrf: str
    session_id: str


def reviewer(request: Request, svc: ServiceDep) -> Reviewer:
    """The signed-in reviewer (or admin), through the same per-key rate limit as the API."""
    session_id = request.cookies.get(SESSION_COOKIE)
    session = session_for(svc.db, session_id) if session_id else None
    if session is None or session.principal.role not in ("reviewer", "admin") or not session_id:
        raise SignIn
    limit(svc, session.principal)
    return Reviewer(session.principal, session.csrf, session_id)


Who = Annotated[Reviewer, Depends(reviewer)]
Token = Annotated[str | None, Form(max_length=100), Storable]


def posted(request: Request, who: Who, csrf: Token = None) -> Reviewer:
    """A reviewer's form: from this origin, with the session's CSRF token."""
    check_form(request, csrf, who.csrf)
    return who


Poster = Annotated[Reviewer, Depends(posted)]


@router.get("/login", response_class=HTMLResponse)
def login_form(
    request: Request, error: Annotated[str | None, Query(max_length=40)] = None
) -> Response:
    return _login_page(request, ERRORS.get(error or ""))


def _login_page(
    request: Request, message: str | None, status: int = 200, retry: str | None = None
) -> Response:
    token = secrets.token_urlsafe(32)
    response = page(request, "login.html", None, token, status, error=message)
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        path="/ui/login",
    )
    if retry:
        response.headers["Retry-After"] = retry
    return response


@router.post("/login")
def login(
    request: Request,
    svc: ServiceDep,
    key: Annotated[str, Form(max_length=200)],
    csrf: Token = None,
) -> Response:
    try:
        check_form(request, csrf, request.cookies.get(LOGIN_COOKIE))
        principal = identify(svc, key.strip(), client_address(request))
    except Coded as exc:
        if exc.status_code != 429:
            return RedirectResponse("/ui/login?error=form", status_code=303)
        retry = (exc.headers or {}).get("Retry-After", "1")
        text = f"Too many failed sign-ins from this address; wait {retry} s."
        return _login_page(request, text, 429, retry)
    if principal is None or principal.role not in ("reviewer", "admin"):
        return RedirectResponse("/ui/login?error=key", status_code=303)
    session_id, _ = open_session(svc.db, principal.key_id)
    response = RedirectResponse("/ui/queue", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        path="/ui",
    )
    response.delete_cookie(LOGIN_COOKIE, path="/ui/login")
    return response


@router.post("/logout")
def logout(svc: ServiceDep, who: Poster) -> Response:
    """Ends the session in the store (the cookie alone would outlive a deleted cookie)."""
    end_session(svc.db, who.session_id)
    response = RedirectResponse("/ui/login?error=signed-out", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/ui")
    return response
