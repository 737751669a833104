"""Compile a pack's words and patterns, once per pack revision, into Hyperscan databases."""

from __future__ import annotations

import re
from dataclasses import dataclass

import hyperscan

from proscribe.detect.dbcache import database
from proscribe.normalize import normalize
from proscribe.policy import PolicyPack
from proscribe.policy.schema import Exemption, Signal

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_JOIN = r"[\s\-_./]*"
_FLAGS = hyperscan.HS_FLAG_SOM_LEFTMOST | hyperscan.HS_FLAG_UTF8
#: Words at least this long are also searched without word boundaries in de-obfuscated text.
MIN_UNBOUNDED = 4


@dataclass(frozen=True, slots=True)
class Entry:
    """What one compiled expression stands for."""

    class_id: str  # "*" for pack-wide exemptions
    signal: str
    kind: str  # "word" | "pattern" | "exemption"
    term: str
    weight: float | None
    vetoes_below: float | None
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CompiledPack:
    """The pack's expressions: ``base`` scans normalised text, ``deobfuscated`` the other view."""

    entries: tuple[Entry, ...]
    base: hyperscan.Database | None  # None for a pack with no words or patterns (access only)
    deobfuscated: hyperscan.Database | None


def word_regex(word: str, *, bounded: bool = True) -> str:
    """The expression for one pack word, on normalised text.

    Latin words get word boundaries and an optional plural; parts separated by spaces or
    hyphens may be joined by any run of separators ("mining rig", "mining-rig", "miningrig").
    Chinese words match anywhere: no segmentation is needed.
    """
    folded = normalize(word).text.strip()
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", folded) if p]
    body = _JOIN.join(parts)
    if _CJK.search(folded) or not bounded:
        return body
    head = r"\b" if folded[0].isalnum() else ""
    tail = (r"(?:s|es)?\b" if folded[-1].isalpha() else r"\b") if folded[-1].isalnum() else ""
    return head + body + tail


def compile_pack(pack: PolicyPack) -> CompiledPack:
    entries: list[Entry] = []
    base: list[str] = []
    loose: list[tuple[int, str]] = []
    for cls in pack.classes:
        for signal in cls.signals:
            _add_signal(cls.id, signal, entries, base, loose)
        for exemption in cls.exemptions:
            _add_exemption(cls.id, exemption, entries, base)
    for exemption in pack.spec.exemptions:
        _add_exemption("*", exemption, entries, base)
    return CompiledPack(
        tuple(entries),
        _database(list(enumerate(base))) if base else None,
        _database(loose) if loose else None,
    )


def _add_signal(
    class_id: str,
    signal: Signal,
    entries: list[Entry],
    base: list[str],
    loose: list[tuple[int, str]],
) -> None:
    fields = tuple(signal.fields)
    for word in _words(signal.words):
        loose.append((len(entries), word_regex(word, bounded=len(word) < MIN_UNBOUNDED)))
        entries.append(Entry(class_id, signal.id, "word", word, signal.weight, None, fields))
        base.append(word_regex(word))
    for pattern in signal.patterns:
        entries.append(Entry(class_id, signal.id, "pattern", pattern, signal.weight, None, fields))
        base.append(pattern)


def _add_exemption(
    class_id: str, exemption: Exemption, entries: list[Entry], base: list[str]
) -> None:
    for word in _words(exemption.words):
        entries.append(
            Entry(
                class_id,
                exemption.id,
                "exemption",
                word,
                None,
                exemption.vetoes_below,
                ("title", "description"),
            )
        )
        base.append(word_regex(word))
    for pattern in exemption.patterns:
        entries.append(
            Entry(
                class_id,
                exemption.id,
                "exemption",
                pattern,
                None,
                exemption.vetoes_below,
                ("title", "description"),
            )
        )
        base.append(pattern)


def _words(by_language: dict[str, list[str]]) -> list[str]:
    return [word for words in by_language.values() for word in words]


def _database(expressions: list[tuple[int, str]]) -> hyperscan.Database:
    return database(expressions, _FLAGS)
