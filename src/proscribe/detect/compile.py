"""Compile a pack's words and patterns, once per pack revision, into Hyperscan databases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import cast

import hyperscan

from proscribe.cachefile import cached, key_of, save
from proscribe.detect.dbcache import database
from proscribe.detect.typos import eligible, typo_regex
from proscribe.normalize import normalize
from proscribe.policy import PolicyPack
from proscribe.policy.schema import Exemption, Matching, Signal

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_JOIN = r"[\s\-_./]*"
_FLAGS = hyperscan.HS_FLAG_SOM_LEFTMOST | hyperscan.HS_FLAG_UTF8
#: Words at least this long are also searched without word boundaries in de-obfuscated text.
MIN_UNBOUNDED = 4
#: The shortest word part at which a one-word term may be split ("ant" + "miner").
MIN_JOINT = 3
#: The shortest pinyin spelling generated for a Chinese term, in letters ("kuang ji";
#: "shou bi" is too easily read across the syllables of other words).
MIN_PINYIN = 7


@dataclass(frozen=True, slots=True)
class Entry:
    """What one compiled expression stands for."""

    class_id: str  # "*" for pack-wide exemptions
    signal: str
    kind: str  # "word" | "pattern" | "exemption" | "part" (of a shape) | "cancel" (a context)
    term: str
    weight: float | None
    vetoes_below: float | None
    fields: tuple[str, ...]
    typo: bool = False  # a one-edit variant of ``term``: evidence with the trick "typo"


@dataclass(frozen=True)
class CompiledPack:
    """The pack's expressions: ``base`` scans normalised text, ``deobfuscated`` the other view."""

    entries: tuple[Entry, ...]
    base: hyperscan.Database | None  # None for a pack with no words or patterns (access only)
    deobfuscated: hyperscan.Database | None


def word_regex(word: str, *, bounded: bool = True, joints: frozenset[str] = frozenset()) -> str:
    """The expression for one pack word, on normalised text.

    Latin words get word boundaries and an optional plural; parts separated by spaces or
    hyphens may be joined by any run of separators ("mining rig", "mining-rig", "miningrig").
    A one-word term may also be split at a natural joint — where it starts or ends with one
    of ``joints``, the pack's own word parts ("ant miner", "ant_miner" for "antminer").
    Chinese words match anywhere: no segmentation is needed.
    """
    folded = normalize(word).text.strip()
    pieces = [p for p in re.split(r"[\s\-]+", folded) if p]
    parts = [_JOIN.join(re.escape(x) for x in _split_at_joint(p, joints)) for p in pieces]
    body = _JOIN.join(parts)
    if _CJK.search(folded) or not bounded:
        return body
    head = r"\b" if folded[0].isalnum() else ""
    tail = (r"(?:s|es)?\b" if folded[-1].isalpha() else r"\b") if folded[-1].isalnum() else ""
    return head + body + tail


def _split_at_joint(part: str, joints: frozenset[str]) -> list[str]:
    """``antminer`` → ``ant``, ``miner`` when ``miner`` is a joint: the longest joint that
    ends the part (the head noun of a brand compound), leaving at least ``MIN_JOINT``
    letters before it."""
    if part.isalpha() and part.isascii():
        for cut in range(MIN_JOINT, len(part) - MIN_JOINT + 1):
            if part[cut:] in joints:  # the earliest cut leaves the longest joint
                return [part[:cut], part[cut:]]
    return [part]


def pack_joints(pack: PolicyPack) -> frozenset[str]:
    """Where a one-word term may be split: the pack's own one-word Latin signal terms of at
    least four letters ("miner" in "antminer", "whatsminer")."""
    words = [w for cls in pack.classes for s in cls.signals for w in _written(s.words)]
    folded = (normalize(w).text.strip() for w in words)
    return frozenset(w for w in folded if len(w) >= 4 and w.isascii() and w.isalpha())


def compile_pack(pack: PolicyPack) -> CompiledPack:
    build = _Builder(pack_joints(pack), pack.spec.matching)
    for cls in pack.classes:
        for signal in cls.signals:
            build.signal(cls.id, signal)
        for exemption in cls.exemptions:
            build.exemption(cls.id, exemption)
    for exemption in pack.spec.exemptions:
        build.exemption("*", exemption)
    _keep_pinyin()
    return CompiledPack(
        tuple(build.entries),
        _database(build.base) if build.base else None,
        _database(build.loose) if build.loose else None,
    )


@dataclass
class _Builder:
    """Collects a pack's entries and the expressions of both databases."""

    joints: frozenset[str]
    matching: Matching
    entries: list[Entry] = field(default_factory=list)
    base: list[tuple[int, str]] = field(default_factory=list)
    loose: list[tuple[int, str]] = field(default_factory=list)

    def add(self, entry: Entry, expression: str) -> None:
        self.base.append((len(self.entries), expression))
        self.entries.append(entry)

    def signal(self, class_id: str, signal: Signal) -> None:
        fields = tuple(signal.fields)
        for word in _words(signal.words):
            bounded = len(word) < MIN_UNBOUNDED
            self.loose.append((len(self.entries), word_regex(word, bounded=bounded)))
            entry = Entry(class_id, signal.id, "word", word, signal.weight, None, fields)
            self.add(entry, word_regex(word, joints=self.joints))
            self.typo(entry)
        for pattern in signal.patterns:
            self.add(
                Entry(class_id, signal.id, "pattern", pattern, signal.weight, None, fields),
                pattern,
            )
        for part in signal.shape:  # "part" hits are put together by the term recognizer
            for pattern in part.patterns:
                self.add(Entry(class_id, signal.id, "part", part.id, None, None, fields), pattern)
        if signal.context is not None:  # words that cancel the signal in their field
            for word in _written(signal.context.unless):
                entry = Entry(class_id, signal.id, "cancel", word, None, None, fields)
                self.add(entry, word_regex(word, joints=self.joints))

    def typo(self, entry: Entry) -> None:
        """Also match ``entry``'s word at one edit, weighing the pack's ``typo_weight``."""
        m = self.matching
        word = normalize(entry.term).text.strip()
        if not m.typos or (entry.weight or 0.0) < m.typo_weight:
            return
        if not eligible(word, m.typo_min_length):
            return
        self.base.append((len(self.entries), typo_regex(word)))  # one scan finds both
        self.entries.append(replace(entry, term=word, weight=m.typo_weight, typo=True))

    def exemption(self, class_id: str, exemption: Exemption) -> None:
        both = ("title", "description")
        veto = exemption.vetoes_below
        for word in _words(exemption.words):
            entry = Entry(class_id, exemption.id, "exemption", word, None, veto, both)
            self.add(entry, word_regex(word, joints=self.joints))
        for pattern in exemption.patterns:
            self.add(Entry(class_id, exemption.id, "exemption", pattern, None, veto, both), pattern)


def _words(by_language: dict[str, list[str]]) -> list[str]:
    """A signal's words, then the pinyin spellings of its Chinese words not written already."""
    words = _written(by_language)
    known = {normalize(w).text.replace(" ", "") for w in words}
    spelled = [p for w in words if (p := pinyin_of(w)) and p.replace(" ", "") not in known]
    return words + sorted(set(spelled))


def _written(by_language: dict[str, list[str]]) -> list[str]:
    return [word for words in by_language.values() for word in words]


def pinyin_of(word: str) -> str | None:
    """ "kuang ji" for 矿机: the toneless pinyin of a Chinese word of two characters or more.

    ``None`` for a Latin word, a single character, or a spelling under seven letters (too
    short to be told from an English word). Answers are kept in the disk cache (keyed by
    pypinyin's version and this module's and the normaliser's sources), so a known pack's
    words need no pypinyin, whose dictionaries take half a second to import.
    """
    table = _pinyin_table()
    if word not in table:
        table[word] = _spelled(word)
        _GREW.add(word)
    return table[word]


_GREW: set[str] = set()  # words spelled since the table was read: stored by ``_keep_pinyin``


def _keep_pinyin() -> None:
    if _GREW:
        save("pinyin", _pinyin_key(), _pinyin_table())
        _GREW.clear()


@cache
def _pinyin_key() -> str:
    from importlib.metadata import version

    import proscribe.normalize.tables as tables

    sources = [Path(__file__).read_bytes(), Path(tables.__file__).read_bytes()]
    return key_of(version("pypinyin"), *sources)


@cache
def _pinyin_table() -> dict[str, str | None]:
    return cast(dict[str, str | None], cached("pinyin", _pinyin_key(), dict, dict))


def _spelled(word: str) -> str | None:
    from pypinyin import lazy_pinyin

    folded = normalize(word).text
    if len(_CJK.findall(folded)) < 2:
        return None
    syllables = " ".join(p.strip() for p in lazy_pinyin(folded) if p.strip())
    letters = sum(c.isalpha() for c in syllables)
    return syllables if letters >= MIN_PINYIN and syllables.isascii() else None


def _database(expressions: list[tuple[int, str]]) -> hyperscan.Database:
    return database(expressions, _FLAGS)
