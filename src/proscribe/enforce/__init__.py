"""Enforcement: the ledger of removals, strikes, standings, appeals and reinstatements."""

from proscribe.enforce.actions import Action, Changes, EnforceSummary
from proscribe.enforce.appeals import Appeals
from proscribe.enforce.ledger import Ledger
from proscribe.enforce.views import listing_view, seller_view
from proscribe.enforce.withdrawal import reinstate

__all__ = [
    "Action",
    "Appeals",
    "Changes",
    "EnforceSummary",
    "Ledger",
    "listing_view",
    "reinstate",
    "seller_view",
]
