"""One catalogue row → a listing, or the coded reason it is rejected.

Ids are strings or integers (``PSC-C021`` otherwise), stripped of surrounding whitespace (so
" D3" and "D3 " are one id: the second is reported as a duplicate, ``PSC-C015``). Text that no
store accepts — the NUL character, which PostgreSQL refuses — is removed, and the row carries
a ``PSC-C018`` notice saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from proscribe.limits import MAX_DESCRIPTION, MAX_ID, MAX_SHORT, MAX_TITLE, SHORT_FIELDS
from proscribe.types import Listing

OPTIONAL = ("description", "category", "seller_id", "price", "currency", "country", "listed_at")
#: Characters no store accepts in text (PostgreSQL refuses NUL); removed at the edge.
REFUSED = "\x00"


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that could not be read as a listing (or, as a notice, a row that was changed)."""

    row: int
    id: str | None
    code: str
    message: str
    hint: str

    def to_record(self) -> dict[str, object]:
        return {
            "row": self.row,
            "id": self.id,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


Row = Listing | Rejected


class Ids:
    """Ids seen so far in one catalogue: the first row with an id decides, later ones are
    rejected (``PSC-C015``). Keeps every id: about 100 bytes per listing."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}

    def check(self, ident: str | None, number: int) -> Rejected | None:
        """None for the first row with ``ident`` (or a row without a usable id)."""
        if ident is None:
            return None
        first = self.rows.setdefault(ident, number)
        return None if first == number else duplicate(ident, number, first)


def duplicate(ident: str, row: int, first: int) -> Rejected:
    return Rejected(
        row,
        ident,
        "PSC-C015",
        f"duplicate id '{ident}': row {first} has it already (ids are compared after "
        "removing surrounding whitespace)",
        "give every listing its own id; the first row with an id is decided, later ones "
        "are rejected",
    )


def from_json_line(raw: bytes, number: int, notices: list[Rejected] | None = None) -> Row:
    """One JSON Lines row → a listing, or the reason it is rejected."""
    try:
        fields = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        invalid = _utf8_problem(raw)
        if invalid:
            return Rejected(number, None, "PSC-C006", invalid, "re-export the file as UTF-8")
        return Rejected(
            number, None, "PSC-C007", f"not valid JSON: {exc}", "each line must be one JSON object"
        )
    if not isinstance(fields, dict):
        return Rejected(
            number,
            None,
            "PSC-C007",
            "the line is JSON but not an object",
            'each line must be one JSON object such as {"id": …, "title": …}',
        )
    return to_row(fields, number, notices)


def to_row(fields: dict[str, Any], number: int, notices: list[Rejected] | None = None) -> Row:
    """Check one row's fields and make a listing of them, or say why not."""
    fields, removed = _without_refused(fields)
    problem = _id_problem(fields.get("id"))
    if problem:
        return Rejected(number, None, "PSC-C021", problem, "write ids as text or whole numbers")
    ident = _text(fields.get("id"))
    if not ident:
        return Rejected(number, None, "PSC-C009", "the row has no id", "give every listing an id")
    title = fields.get("title")
    if not isinstance(title, str) or not title.strip():
        return Rejected(
            number,
            ident,
            "PSC-C009",
            "the row has no title",
            "give every listing a non-empty title",
        )
    too_big = _field_problem(fields, ident, title)
    if too_big:
        return Rejected(number, ident[:MAX_ID], "PSC-C010", too_big[0], too_big[1])
    price = fields.get("price")
    try:
        price_value = float(price) if price is not None else None
    except (TypeError, ValueError):
        return Rejected(
            number,
            ident,
            "PSC-C011",
            f"price {price!r} is not a number",
            "write prices as plain numbers, e.g. 129.99",
        )
    if removed and notices is not None:
        notices.append(refused_notice(number, ident, removed))
    optional = {k: _text(fields.get(k)) for k in OPTIONAL if k != "price"}
    return Listing(id=ident, title=title, price=price_value, **optional)


def _without_refused(fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The fields with NUL characters removed from their text, and the names of those fields."""
    removed = [k for k, v in fields.items() if isinstance(v, str) and REFUSED in v]
    if not removed:
        return fields, []
    cleaned = dict(fields)
    for key in removed:
        cleaned[key] = fields[key].replace(REFUSED, "")
    return cleaned, removed


def refused_notice(number: int, ident: str, removed: list[str]) -> Rejected:
    return Rejected(
        number,
        ident,
        "PSC-C018",
        f"NUL characters removed from {', '.join(sorted(removed))} (no store accepts them)",
        "the listing was decided without them; fix the export if they were not meant",
    )


def _id_problem(value: Any) -> str | None:
    if value is None or isinstance(value, str) or (type(value) is int):
        return None
    return f"id {str(value)[:40]!r} is a {type(value).__name__}, not text or a whole number"


def _field_problem(fields: dict[str, Any], ident: str, title: str) -> tuple[str, str] | None:
    sizes = [("id", ident, MAX_ID), ("title", title, MAX_TITLE)]
    description = fields.get("description")
    if isinstance(description, str):
        sizes.append(("description", description, MAX_DESCRIPTION))
    sizes += [(k, v, MAX_SHORT) for k in SHORT_FIELDS if isinstance(v := fields.get(k), str)]
    for name, text, limit in sizes:
        if len(text) > limit:
            hint = (
                "this is not a listing title: check the export (a description in the title column?)"
                if name == "title"
                else "check the export; the limits are documented in docs/limits.md"
            )
            return f"{name} is {len(text):,} characters long; the limit is {limit:,}", hint
    for key in OPTIONAL:
        value = fields.get(key)
        if isinstance(value, dict | list):
            return f"{key} is a {type(value).__name__}, not text", f"write {key} as plain text"
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None


def clean_id(value: Any) -> str | None:
    text = _text(value) if not _id_problem(value) else None
    return text.encode("utf-8", "replace").decode()[:MAX_ID] if text else None


def has_surrogates(text: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in text)


def _utf8_problem(raw: bytes) -> str | None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 at byte {exc.start + 1} of the line"
    return None
