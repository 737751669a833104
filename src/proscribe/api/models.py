"""Request bodies. Listings carry a catalogue row's fields; unknown fields are ignored."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from proscribe.access import AccessRules
from proscribe.catalogue.reader import MAX_DESCRIPTION, MAX_TITLE
from proscribe.types import Listing


class ListingIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=MAX_TITLE)
    description: str | None = Field(default=None, max_length=MAX_DESCRIPTION)
    category: str | None = Field(default=None, max_length=1000)
    seller_id: str | None = Field(default=None, max_length=200)
    price: float | None = None
    currency: str | None = Field(default=None, max_length=8)
    country: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    listed_at: str | None = Field(default=None, max_length=40)
    as_of: dt.date | None = None
    jurisdiction: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")

    def listing(self) -> Listing:
        return Listing(
            self.id,
            self.title,
            self.description,
            self.category,
            self.seller_id,
            self.price,
            self.currency,
            self.country,
            self.listed_at,
        )


class BatchIn(BaseModel):
    listings: list[ListingIn] = Field(min_length=1, max_length=1000)


class ReviewDecisionIn(BaseModel):
    decision: Literal["allow", "block"]
    note: str = Field(min_length=1, max_length=4000)


class AppealIn(BaseModel):
    listing_id: str = Field(min_length=1, max_length=200)
    reason: str = Field(min_length=1, max_length=4000)


class AppealDecisionIn(BaseModel):
    outcome: Literal["uphold", "overturn"]
    note: str = Field(min_length=1, max_length=4000)


class AccessCheckIn(BaseModel):
    subject: dict[str, str | int | float | bool | None] = Field(
        description='e.g. {"id": "u1", "kyc_country": "CN", "created_at": "2021-03-01"}'
    )
    action: str = Field(min_length=1, max_length=80)
    as_of: dt.datetime | None = Field(
        default=None, description="default: now; no offset: the pack's time zone"
    )
    pack: str | None = Field(
        default=None, max_length=80, description="bundled pack id (default: the served pack)"
    )

    def at(self, rules: AccessRules) -> dt.datetime:
        if self.as_of is None:
            return dt.datetime.now(dt.UTC)
        return self.as_of if self.as_of.tzinfo else self.as_of.replace(tzinfo=rules.zone)


class AccessBatchIn(BaseModel):
    checks: list[AccessCheckIn] = Field(min_length=1, max_length=1000)
