"""Checks of what a pack names against the world it will meet: country codes listings carry,
and words and patterns against the normalised text they are matched on.

A pattern is matched on normalised text (NFKC, lower case, accents and look-alikes folded,
invisible characters removed, Traditional → Simplified Chinese), so a literal character that
normalisation changes can never match: ``'\\bn₂o\\b'`` waits for a ``₂`` that NFKC has turned
into ``2``. Each such problem names the normalisation that defeats it.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from proscribe.errors import Diagnostic, Location
from proscribe.normalize import normalize
from proscribe.policy.countries import country_hint, is_country
from proscribe.policy.schema import ClassFile, Exemption, PackFile, Signal
from proscribe.policy.yamlsource import YamlDocument

Path = tuple[str | int, ...]
# Python's own regular-expression parser (the syntax Hyperscan shares for what packs use)
_regex: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")


def country_problem(code: str, where: Location | None) -> Diagnostic | None:
    if is_country(code):
        return None
    return Diagnostic(
        "PSC-P050",
        f"'{code}' is not an ISO 3166-1 alpha-2 country code",
        where,
        country_hint(code),
    )


def check_countries(codes: list[str], doc: YamlDocument, path: Path) -> Iterator[Diagnostic]:
    for index, code in enumerate(codes):
        problem = country_problem(code, doc.locate((*path, index)))
        if problem is not None:
            yield problem


def check_pack_places(pack: PackFile, doc: YamlDocument) -> list[Diagnostic]:
    found = list(check_countries(pack.jurisdictions, doc, ("jurisdictions",)))
    rules = pack.access.rules if pack.access is not None else []
    for index, rule in enumerate(rules):
        for key in ("countries", "kyc_country", "ip_country", "phone_country"):
            codes = getattr(rule.subjects, key)
            found += check_countries(codes, doc, ("access", "rules", index, "subjects", key))
    for index, exemption in enumerate(pack.exemptions):
        found += _exemption(exemption, doc, ("exemptions", index))
    return found


def check_class_text(cls: ClassFile, doc: YamlDocument) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for index, signal in enumerate(cls.signals):
        found += _signal(signal, doc, ("signals", index))
    for index, exemption in enumerate(cls.exemptions):
        found += _exemption(exemption, doc, ("exemptions", index))
    return found


def _signal(signal: Signal | Exemption, doc: YamlDocument, path: Path) -> Iterator[Diagnostic]:
    for lang, words in signal.words.items():
        for index, word in enumerate(words):
            if not normalize(word).text.strip():
                yield Diagnostic(
                    "PSC-P051",
                    f"word {word!r} is nothing after normalisation (invisible characters are "
                    "removed), so it can never match",
                    doc.locate((*path, "words", lang, index)),
                    "write the word in plain letters",
                )
    for index, pattern in enumerate(signal.patterns):
        problem = defeated(pattern)
        if problem is not None:
            yield Diagnostic(
                "PSC-P051",
                f"pattern '{pattern}' can never match: {problem}",
                doc.locate((*path, "patterns", index)),
                "patterns run on normalised, lower-case text; write what normalisation "
                "produces (or make it a word: words are normalised for you)",
            )


_exemption = _signal


def defeated(pattern: str) -> str | None:
    """Why normalisation keeps ``pattern`` from ever matching, or ``None``.

    Only a character the pattern *requires* counts: one in a character class with other
    members, in a negated class, in one branch of several or under an optional repeat does
    not keep the pattern from matching."""
    caseless = "(?i" in pattern
    try:
        tree = _regex.parse(pattern)
    except Exception:
        return None
    ch = _required_dead(list(tree), lambda c: _dead_char(c, caseless))
    if ch is None:
        return None
    return (
        f"{_which(ch, normalize(ch).text)} (so '{ch}' never appears in the text it is matched on)"
    )


def _dead_char(ch: str, caseless: bool) -> bool:
    folded = normalize(ch).text
    return not (folded == ch or (caseless and folded == ch.lower()))


def _required_dead(items: list[Any], dead: Callable[[str], bool]) -> str | None:
    """The first character a parsed sequence requires that normalisation never produces."""
    for op, value in items:
        found = _node_dead(op, value, dead)
        if found is not None:
            return found
    return None


def _node_dead(op: Any, value: Any, dead: Callable[[str], bool]) -> str | None:
    if op == _c.LITERAL:
        return chr(value) if dead(chr(value)) else None
    if op == _c.IN:
        return _class_dead(value, dead)
    if op == _c.BRANCH:
        found = [_required_dead(list(seq), dead) for seq in value[1]]
        return found[0] if all(f is not None for f in found) else None
    if op in (_c.SUBPATTERN, _c.ATOMIC_GROUP):
        return _required_dead(list(value[-1] if op == _c.SUBPATTERN else value), dead)
    if op in _REPEATS and value[0] >= 1:
        return _required_dead(list(value[2]), dead)
    return None


def _class_dead(members: list[Any], dead: Callable[[str], bool]) -> str | None:
    """A character class is dead only when every member is a literal normalisation removes."""
    literals = [chr(v) for op, v in members if op == _c.LITERAL]
    if len(literals) != len(members) or not all(dead(c) for c in literals):
        return None
    return literals[0]


_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))


def _which(ch: str, folded: str) -> str:
    if not folded:
        return f"invisible characters such as U+{ord(ch):04X} are removed"
    if ch.lower() == folded:
        return f"the text is lower-cased: '{ch}' becomes '{folded}'"
    if unicodedata.normalize("NFKC", ch) != ch:
        return f"NFKC turns '{ch}' into '{folded}'"
    if "\u3400" <= ch <= "\u9fff":
        return f"Traditional Chinese is folded to Simplified: '{ch}' becomes '{folded}'"
    return f"accents and look-alike letters are folded: '{ch}' becomes '{folded}'"
