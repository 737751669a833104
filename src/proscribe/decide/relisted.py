"""The ``relisted`` evasion signal on a verdict: a near-duplicate of a removed listing."""

from __future__ import annotations

from dataclasses import replace

from proscribe.decide.verdict import EvasionSignal, Verdict
from proscribe.detect.relisted import RelistIndex
from proscribe.types import Listing


def with_relisted(
    verdict: Verdict, listing: Listing, index: RelistIndex, class_ids: tuple[str, ...]
) -> Verdict:
    """Add the signal when ``listing`` copies a removed one; an allowed copy goes to review.

    A copy of a listing that was removed — by a rule, the model or a reviewer — is evasion
    whatever its own words score: a reviewer decided its original, so a reviewer sees it.
    """
    found = index.match(listing.id, listing.title, listing.description, listing.listed_at)
    if found is None:
        return verdict
    class_id = next((c for c in found.removed.classes if c in class_ids), None)
    if class_id is None:
        return verdict
    seller = found.removed.seller_id
    same = seller is not None and seller == listing.seller_id
    who = "the same seller" if same else f"seller {seller or '(unknown)'}"
    detail = (
        f"near-duplicate ({found.similarity:.2f}; title {found.title_similarity:.2f}) of "
        f"listing {found.removed.listing_id}, removed as {class_id} on "
        f"{found.removed.removed_on} from {who}"
    )
    signal = EvasionSignal(
        "relisted", class_id, detail, "title", listing.title, 0, len(listing.title)
    )
    evasion = (*verdict.evasion, signal)
    if verdict.decision != "allow":
        return replace(verdict, evasion=evasion, reason=f"{verdict.reason} Relisted: {detail}.")
    return replace(
        verdict,
        decision="review",
        classes=(class_id,),
        evasion=evasion,
        reason=f"Review: relisted, {detail}; its own words would be allowed.",
    )
