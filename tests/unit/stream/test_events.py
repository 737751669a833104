"""Reading listing events: the listing, its date and place, or why not."""

from __future__ import annotations

import datetime as dt

import orjson

from proscribe.catalogue import Rejected
from proscribe.stream.worker import Event, parse_event

# 2021-10-20T12:00:00Z in milliseconds, as a Redis stream id
ID = "1634731200000-0"


def _event(fields: dict[bytes, bytes], jurisdiction: str | None = "CN") -> Event | Rejected:
    return parse_event(ID, fields, jurisdiction)


def test_an_event_is_decided_as_of_its_own_publish_date_unless_it_names_one() -> None:
    plain = _event({b"listing": orjson.dumps({"id": "a", "title": "Antminer S19"})})
    assert isinstance(plain, Event)
    assert plain.as_of == dt.date(2021, 10, 20) and plain.jurisdiction == "CN"
    named = _event({b"listing": orjson.dumps({"id": "a", "title": "x", "as_of": "2021-10-01",
                                              "jurisdiction": "hk"})})  # fmt: skip
    assert isinstance(named, Event)
    assert named.as_of == dt.date(2021, 10, 1) and named.jurisdiction == "HK"


def test_unreadable_events_say_why_and_how_to_fix_it() -> None:
    cases = {
        b"": "no 'listing' field",
        b"{not json": "not JSON",
        b"[1, 2]": "not a JSON object",
        orjson.dumps({"id": "a"}): "no title",
        orjson.dumps({"id": "a", "title": "x", "as_of": "20 Oct"}): "is not a date",
    }
    for raw, why in cases.items():
        found = _event({b"listing": raw} if raw else {})
        assert isinstance(found, Rejected), raw
        assert why in found.message and found.hint, (raw, found)
