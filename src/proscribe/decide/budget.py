"""The per-listing budget in the engine: what it reads of a listing, and the notes it adds.

A title or description longer than what the engine reads (``proscribe.limits``) is decided on
its first ``MAX_TITLE`` / ``MAX_READ`` characters (note ``PSC-B001``) and, when nothing in them
is prohibited, sent to review (``unread_review``): the engine never allows text it did not read.
An expression matching more than ``MAX_MATCHES`` times in one field is weighed on its first
matches (note ``PSC-B002``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from proscribe.decide.verdict import Verdict
from proscribe.detect import Document, Finding
from proscribe.limits import MAX_MATCHES, TEXT_LIMITS


def within_budget(doc: Document) -> tuple[Document, tuple[str, ...]]:
    """``doc`` itself when its fields are within their limits; else a cut copy and why."""
    listing = doc.listing
    cuts: dict[str, Any] = {}
    notes: list[str] = []
    for name, limit in TEXT_LIMITS.items():
        text = listing.field(name)
        if text is not None and len(text) > limit:
            cuts[name] = text[:limit]
            notes.append(
                f"PSC-B001 {name} is {len(text):,} characters long; only the first "
                f"{limit:,} were read (the per-listing budget)"
            )
    if not cuts:
        return doc, ()
    return Document.of(replace(listing, **cuts)), tuple(notes)


def match_notes(findings: list[Finding]) -> tuple[str, ...]:
    """One note per field where some expression reached ``MAX_MATCHES`` matches."""
    counts = Counter((f.field, f.rule, f.term) for f in findings)
    full: dict[str, set[str]] = {}
    for (field, rule, _term), n in counts.items():
        if n >= MAX_MATCHES:
            full.setdefault(field, set()).add(rule)
    return tuple(
        f"PSC-B002 {field}: {', '.join(sorted(rules))} matched {MAX_MATCHES} times or more; "
        f"the first {MAX_MATCHES} matches of each were weighed (the per-listing budget)"
        for field, rules in sorted(full.items())
    )


def unread_review(verdict: Verdict, live: bool) -> Verdict:
    """An allowed verdict on a cut listing becomes a review, where the pack is in force: a
    seller cannot hide a term past the budget behind harmless filler."""
    if verdict.decision != "allow" or not live or verdict.notes:
        return verdict
    return replace(
        verdict,
        decision="review",
        reason=(
            "Review: nothing prohibited in the part the engine reads, but the listing is "
            "longer than the per-listing budget (PSC-B001): a person reads the rest."
        ),
    )
