"""What the classifier reads from a listing — the same text at training and at decision time."""

from __future__ import annotations

from proscribe.detect.finding import Document
from proscribe.types import Listing


def document_text(doc: Document) -> str:
    """Normalised title and description, plus their de-obfuscated view when it differs.

    Look-alikes, full-width, Traditional Chinese and invisibles are folded by normalisation;
    split letters and leetspeak are undone by the de-obfuscated view, appended so that
    "4ntm1n3r" also reads as "antminer" without losing what the seller wrote.
    """
    parts = []
    for name, norm in doc.fields.items():
        parts.append(norm.text)
        view = doc.deobfuscated(name)
        if view is not None:
            parts.append(view.text)
    return " \n ".join(parts)


def model_text(title: str, description: str | None = None) -> str:
    """:func:`document_text` of a bare title and description (training rows)."""
    return document_text(Document.of(Listing("", title, description)))
