"""Templates, and how ids go into URLs (one path segment each: ``/`` is escaped too)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from proscribe.enforce.keys import Principal

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def segment(value: object) -> str:
    """An id as one URL path segment: ``X5/../../ui/login`` → ``X5%2F..%2F..%2Fui%2Flogin``."""
    return quote(str(value), safe="")


templates.env.filters["segment"] = segment


def page(
    request: Request,
    name: str,
    who: Principal | None,
    csrf: str | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"who": who, "csrf": csrf, **context}, status_code=status_code
    )
