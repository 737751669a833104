"""``Recognizer.detect(doc) -> list[Finding]``: the one abstraction of the detect layer.

Built-in recognizers are registered explicitly here; third-party ones through the
``proscribe.recognizers`` entry-point group (a callable taking the pack, returning a
recognizer).
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Protocol

from proscribe.detect.finding import Document, Finding

if TYPE_CHECKING:
    from proscribe.policy import PolicyPack


class Recognizer(Protocol):
    """Finds evidence of prohibited classes in one document."""

    name: str

    def detect(self, doc: Document) -> list[Finding]: ...


def build_recognizers(pack: PolicyPack) -> list[Recognizer]:
    """The built-in recognizers for ``pack``, then any installed through entry points."""
    from proscribe.detect.category import CategoryRecognizer
    from proscribe.detect.terms import TermRecognizer

    recognizers: list[Recognizer] = [TermRecognizer(pack), CategoryRecognizer(pack)]
    for entry in entry_points(group="proscribe.recognizers"):
        recognizers.append(entry.load()(pack))
    return recognizers
