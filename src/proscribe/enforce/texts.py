"""The text of flagged listings, kept for the review page and the training export."""

from __future__ import annotations

import sqlalchemy as sa

from proscribe.store.tables import listing_texts

_CJK = range(0x3400, 0xA000)


def language(text: str) -> str:
    return "zh" if any(ord(c) in _CJK for c in text) else "en"


def remember_text(
    conn: sa.Connection, listing_id: str, title: str, description: str | None, category: str | None
) -> None:
    """Keep a flagged listing's text, for the review page and the training export."""
    exists = conn.execute(
        sa.select(listing_texts.c.listing_id).where(listing_texts.c.listing_id == listing_id)
    ).first()
    values = {
        "title": title,
        "description": description,
        "category": category,
        "lang": language(f"{title} {description or ''}"),
    }
    if exists:
        conn.execute(
            listing_texts.update().where(listing_texts.c.listing_id == listing_id).values(**values)
        )
    else:
        conn.execute(listing_texts.insert().values(listing_id=listing_id, **values))
