"""Request bodies. Listings carry a catalogue row's fields; unknown fields are ignored."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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
