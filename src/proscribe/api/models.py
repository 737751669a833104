"""Request bodies. Listings carry a catalogue row's fields; unknown fields are ignored."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from proscribe.access import AccessRules
from proscribe.api.fields import (
    MAX_CATEGORY,
    Category,
    Currency,
    Description,
    Id,
    Name,
    Note,
    Stamp,
    Storable,
    Title,
)
from proscribe.types import Listing

SubjectKey = Annotated[str, Field(min_length=1, max_length=80), Storable]
SubjectText = Annotated[str, Field(max_length=MAX_CATEGORY), Storable]


class ListingIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: Id
    title: Title
    description: Description | None = None
    category: Category | None = None
    seller_id: Id | None = None
    price: float | None = None
    currency: Currency | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    listed_at: Stamp | None = None
    as_of: dt.date | None = Field(
        default=None,
        description="check: any date; POST /v1/listings: admin keys only (others: today)",
    )
    jurisdiction: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{2}$",
        description="check: any; POST /v1/listings: admin keys only (others: the country)",
    )

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
    note: Note


class AppealIn(BaseModel):
    listing_id: Id
    reason: Note


class AppealDecisionIn(BaseModel):
    outcome: Literal["uphold", "overturn"]
    note: Note


class AccessCheckIn(BaseModel):
    subject: dict[SubjectKey, SubjectText | int | float | bool | None] = Field(
        description='e.g. {"id": "u1", "kyc_country": "CN", "created_at": "2021-03-01"}'
    )
    action: Name
    as_of: dt.datetime | None = Field(
        default=None, description="default: now; no offset: the pack's time zone"
    )
    pack: Name | None = Field(
        default=None, description="bundled pack id (default: the served pack)"
    )

    def at(self, rules: AccessRules) -> dt.datetime:
        if self.as_of is None:
            return dt.datetime.now(dt.UTC)
        return self.as_of if self.as_of.tzinfo else self.as_of.replace(tzinfo=rules.zone)


class AccessBatchIn(BaseModel):
    checks: list[AccessCheckIn] = Field(min_length=1, max_length=1000)
