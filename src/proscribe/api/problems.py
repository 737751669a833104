"""Errors as ``application/problem+json`` (RFC 9457), carrying the CLI's codes."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from proscribe.api.fields import REFUSED_TEXT, TOO_LONG
from proscribe.errors import ProscribeError

NOT_FOUND = {"PSC-E001", "PSC-E003", "PSC-E005", "PSC-E007", "PSC-P008"}
CONFLICT = {"PSC-E002", "PSC-E004", "PSC-E006", "PSC-E008", "PSC-E020"}
UNPROCESSABLE = {TOO_LONG, REFUSED_TEXT, "PSC-U026"}
#: The most specific code wins when one request has several kinds of invalid field.
BY_ERROR_TYPE = {
    "refused_text": REFUSED_TEXT,
    "string_unicode": REFUSED_TEXT,  # a lone surrogate
    "string_too_long": TOO_LONG,
}
HINTS = {
    REFUSED_TEXT: "remove NUL bytes and unpaired surrogates (\\u0000, \\ud800…) from the text",
    TOO_LONG: "see the field-size limits in /docs (README: The service)",
}


class Coded(HTTPException):
    """An HTTP error with its own code and hint (the status alone would give a generic one)."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        hint: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status, detail, headers)
        self.code = code
        self.hint = hint


def problem(
    status: int,
    code: str,
    detail: str,
    hint: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = {
        "type": f"https://proscribe.dev/problems/{code}",
        "title": code,
        "status": status,
        "code": code,
        "detail": detail,
        "hint": hint,
        **extra,
    }
    return JSONResponse(
        body, status_code=status, media_type="application/problem+json", headers=headers
    )


def status_for(code: str) -> int:
    if code in UNPROCESSABLE:
        return 422
    if code in NOT_FOUND:
        return 404
    if code in CONFLICT:
        return 409
    return 422 if code.startswith(("PSC-P", "PSC-C")) else 400


def install(app: FastAPI) -> None:
    @app.exception_handler(ProscribeError)
    async def _proscribe(_: Request, exc: ProscribeError) -> JSONResponse:
        first = exc.diagnostics[0]
        return problem(
            status_for(first.code),
            first.code,
            first.message,
            first.hint,
            errors=[d.to_dict() for d in exc.diagnostics],
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"where": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
        ]
        detail = "; ".join(f"{e['where']}: {e['message']}" for e in errors[:5])
        found = {BY_ERROR_TYPE.get(e["type"]) for e in exc.errors()}
        code = next((c for c in (REFUSED_TEXT, TOO_LONG) if c in found), "PSC-U020")
        return problem(
            422,
            code,
            f"invalid request: {detail}",
            HINTS.get(code, "see /docs for the expected body"),
            errors=errors,
        )

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        code = {
            401: "PSC-A001",
            403: "PSC-A002",
            404: "PSC-U021",
            405: "PSC-U022",
            413: "PSC-U023",
            429: "PSC-A003",
        }.get(exc.status_code, "PSC-U029")
        hint = headers_hint(exc.status_code)
        if isinstance(exc, Coded):
            code, hint = exc.code, exc.hint or hint
        return problem(
            exc.status_code,
            code,
            str(exc.detail),
            hint,
            headers=dict(exc.headers) if exc.headers else None,  # Retry-After, WWW-Authenticate
        )


def headers_hint(status: int) -> str | None:
    return {
        401: "send Authorization: Bearer <key> (proscribe keys create)",
        403: "this key's role may not call this endpoint",
        413: "send at most 1,000 listings and 8 MiB per request",
        429: "slow down: this key's rate limit is exceeded",
    }.get(status)
