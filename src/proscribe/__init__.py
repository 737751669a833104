"""proscribe: turn a ban into enforced, explained controls from a declarative policy pack.

>>> from proscribe import Engine, Listing, load_pack
>>> engine = Engine(load_pack("cn-crypto-mining-2021"))
"""

from proscribe.decide import Engine, Verdict
from proscribe.errors import Diagnostic, PackError, ProscribeError
from proscribe.policy import PolicyPack, load_pack
from proscribe.types import Listing

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
