"""What recognizers produce: findings with evidence spans in the original listing."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from proscribe.normalize import DeobfuscatedText, NormalizedText, deobfuscate, normalize
from proscribe.types import TEXT_FIELDS, Listing


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence: which signal of which class matched where, and how strongly.

    ``kind`` is ``word``, ``pattern``, ``rule``, ``category`` or ``exemption``; ``weight`` is
    ``None`` for context signals that only count inside rules; ``tricks`` names the
    obfuscations that had to be undone to see the match (an evasion signal when non-empty).
    """

    class_id: str
    rule: str
    kind: str
    term: str
    field: str
    text: str
    start: int
    end: int
    weight: float | None = None
    tricks: tuple[str, ...] = ()

    def to_record(self) -> dict[str, object]:
        record: dict[str, object] = {
            "class": self.class_id,
            "rule": self.rule,
            "kind": self.kind,
            "term": self.term,
            "field": self.field,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "weight": self.weight,
        }
        if self.tricks:
            record["tricks"] = list(self.tricks)
        return record


@dataclass
class Document:
    """A listing with its normalised fields; de-obfuscated views are computed on demand."""

    listing: Listing
    fields: dict[str, NormalizedText] = field(default_factory=dict)
    _views: dict[str, DeobfuscatedText | None] = field(default_factory=dict)

    @classmethod
    def of(cls, listing: Listing) -> Document:
        fields = {}
        for name in TEXT_FIELDS:
            value = listing.field(name)
            if value:
                fields[name] = normalize(value)
        return cls(listing, fields)

    def deobfuscated(self, name: str) -> DeobfuscatedText | None:
        if name not in self._views:
            self._views[name] = deobfuscate(self.fields[name])
        return self._views[name]

    @cached_property
    def category(self) -> str | None:
        raw = self.listing.category
        return normalize(raw).text if raw else None
