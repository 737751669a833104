"""Field-size limits and text checks for everything a caller sends the service.

The listing limits are ``proscribe.limits``' — the same numbers as the catalogue reader and the
library, so a listing one edge accepts, every edge accepts. Only the API's own fields (notes,
action names, stamps) have their limits here.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from proscribe.limits import MAX_DESCRIPTION as MAX_DESCRIPTION
from proscribe.limits import MAX_ID as MAX_ID
from proscribe.limits import MAX_SHORT
from proscribe.limits import MAX_TITLE as MAX_TITLE

MAX_CATEGORY = MAX_SHORT
MAX_NOTE = 4_000  # review and appeal notes, appeal reasons

#: Characters no store keeps: NUL (PostgreSQL's text refuses it) and lone surrogates
#: (JSON's "\ud800" escapes; no UTF-8 encoding exists for them, so no driver can send them).
REFUSED = re.compile("[\x00\ud800-\udfff]")

#: The codes the problem handler gives these failures (422).
TOO_LONG = "PSC-U024"
REFUSED_TEXT = "PSC-U025"


def refused_at(text: str) -> int | None:
    """The offset of the first character no store keeps, or None."""
    found = REFUSED.search(text)
    return found.start() if found else None


def _storable(text: str) -> str:
    at = refused_at(text)
    if at is not None:
        raise PydanticCustomError(
            "refused_text",
            "character U+{codepoint} at offset {at} cannot be stored",
            {"codepoint": f"{ord(text[at]):04X}", "at": at},
        )
    return text


Storable = AfterValidator(_storable)
Id = Annotated[str, Field(min_length=1, max_length=MAX_ID), Storable]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE), Storable]
Description = Annotated[str, Field(max_length=MAX_DESCRIPTION), Storable]
Category = Annotated[str, Field(max_length=MAX_CATEGORY), Storable]
Note = Annotated[str, Field(min_length=1, max_length=MAX_NOTE), Storable]
Currency = Annotated[str, Field(max_length=8), Storable]
Stamp = Annotated[str, Field(max_length=40), Storable]  # listed_at, as sent
Name = Annotated[str, Field(min_length=1, max_length=80), Storable]  # actions, pack ids
