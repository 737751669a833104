"""The subject of an account action: who, from where, since when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from proscribe.errors import Diagnostic, UsageError

KNOWN = ("id", "kyc_country", "ip_country", "phone_country", "created_at")


@dataclass(frozen=True, slots=True)
class Subject:
    id: str
    kyc_country: str | None = None
    ip_country: str | None = None
    phone_country: str | None = None
    created_at: dt.datetime | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)
    created: float | None = None  # created_at as epoch seconds, for fast comparisons

    @classmethod
    def of(cls, data: Mapping[str, Any], zone: dt.tzinfo = dt.UTC) -> Subject:
        """A subject from a JSON object or a CSV row; unknown keys become attributes.

        A creation date without a zone is read in ``zone`` (the pack's time zone).
        """
        if not data.get("id"):
            raise UsageError(
                Diagnostic(
                    "PSC-U009",
                    "the subject has no id",
                    None,
                    'give one: {"id": "u1", "kyc_country": "CN", …}',
                )
            )
        created = _instant(data.get("created_at"), zone)
        countries = {
            k: (str(data[k]).upper() if data.get(k) else None)
            for k in ("kyc_country", "ip_country", "phone_country")
        }
        attributes = {k: v for k, v in data.items() if k not in KNOWN and v not in (None, "")}
        return cls(
            str(data["id"]),
            created_at=created,
            attributes=attributes,
            created=created.timestamp() if created else None,
            **countries,
        )


def _instant(value: Any, zone: dt.tzinfo) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise UsageError(
            Diagnostic(
                "PSC-U010",
                f"created_at '{value}' is not a date or time",
                None,
                "write it as YYYY-MM-DD or an ISO 8601 time",
            )
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
