"""The review UI's browser-facing defences: response headers, the Origin check, CSRF tokens
and cookie flags."""

from __future__ import annotations

import hmac
import os
from typing import Any

from fastapi import Request

from proscribe.api.problems import Coded

#: Scripts and style sheets come from /ui/static only; inline styles are allowed for the
#: charts' SVG. No frames, no plug-ins, forms post to this origin only.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
UI_HEADERS = [(b"content-security-policy", CSP.encode()), (b"cache-control", b"no-store")]
#: Set to 1 when a proxy ends TLS and does not say so (X-Forwarded-Proto): cookies get Secure.
SECURE_ENV = "PROSCRIBE_SECURE_COOKIES"


class SecurityHeaders:
    """nosniff, X-Frame-Options and Referrer-Policy on every response; a Content-Security-
    Policy and no-store on the UI's (redirects and errors included)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = HEADERS + (UI_HEADERS if scope["path"].startswith("/ui") else [])

        async def sending(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                added = [(n, v) for n, v in extra if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *added]}
            await send(message)

        await self.app(scope, receive, sending)


def secure_cookies(request: Request) -> bool:
    """Secure cookies when the request came over HTTPS (uvicorn believes X-Forwarded-Proto
    from --forwarded-allow-ips) or when ``$PROSCRIBE_SECURE_COOKIES`` says a proxy ends TLS."""
    return request.url.scheme == "https" or os.environ.get(SECURE_ENV, "") in ("1", "true")


def check_form(request: Request, sent: str | None, expected: str | None) -> None:
    """A state-changing form: it must come from this origin and carry the expected token."""
    origin = request.headers.get("origin")
    scheme = "https" if secure_cookies(request) else request.url.scheme
    own = f"{scheme}://{request.headers.get('host', '')}"
    if origin is not None and origin != own:
        raise _forbidden(f"a form posted from another origin ({origin[:100]})")
    if not sent or not expected or not hmac.compare_digest(_bytes(sent), _bytes(expected)):
        raise _forbidden("the form's CSRF token is missing or wrong")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _forbidden(detail: str) -> Coded:
    return Coded(403, "PSC-A005", detail, "reload the page and submit the form again")
