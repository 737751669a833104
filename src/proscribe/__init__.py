"""proscribe: turn a ban into enforced, explained controls from a declarative policy pack.

>>> from proscribe import Engine, Listing, load_pack
>>> engine = Engine(load_pack("cn-crypto-mining-2021"))

The names below load on first use (PEP 562), so ``import proscribe`` (and ``proscribe --help``)
costs next to nothing; deciding imports NumPy and the matcher, never scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from proscribe.decide import Engine, Verdict
    from proscribe.errors import Diagnostic, PackError, ProscribeError
    from proscribe.policy import PolicyPack, load_pack
    from proscribe.types import Listing

_WHERE = {
    "Diagnostic": "proscribe.errors",
    "Engine": "proscribe.decide",
    "Listing": "proscribe.types",
    "PackError": "proscribe.errors",
    "PolicyPack": "proscribe.policy",
    "ProscribeError": "proscribe.errors",
    "Verdict": "proscribe.decide",
    "load_pack": "proscribe.policy",
}
__all__ = [
    "Diagnostic",
    "Engine",
    "Listing",
    "PackError",
    "PolicyPack",
    "ProscribeError",
    "Verdict",
    "load_pack",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'proscribe' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
