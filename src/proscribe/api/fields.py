"""Field-size limits and text checks for everything a caller sends the service.

One place for the API's limits. The catalogue reader has its own (``MAX_TITLE`` 10,000 and
``MAX_DESCRIPTION`` 1,000,000 characters in ``proscribe/catalogue/reader.py``); the library
side is moving them to ``proscribe/limits.py`` — when it lands, these should come from there.
The API's are tighter: a request is decided while a client waits.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

MAX_ID = 200  # listing, seller ids
MAX_TITLE = 2_000
MAX_DESCRIPTION = 100_000
MAX_CATEGORY = 1_000
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
