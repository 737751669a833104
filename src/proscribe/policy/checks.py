"""Semantic checks that a schema cannot express: dates in order, references, regexes."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Iterator

from proscribe.cachefile import cache_dir, key_of, store
from proscribe.errors import Diagnostic, Location
from proscribe.policy.access_checks import check_access
from proscribe.policy.schema import ClassFile, PackFile, Signal
from proscribe.policy.yamlsource import YamlDocument


def check_pack(pack: PackFile, doc: YamlDocument, class_ids: list[str]) -> list[Diagnostic]:
    found = list(_phase_order(pack, doc))
    for index, closed in enumerate(pack.closed_categories):
        if closed.class_ not in class_ids:
            found.append(
                _unknown(
                    "class",
                    closed.class_,
                    class_ids,
                    doc.locate(("closed_categories", index, "class")),
                )
            )
    found += _ladder_order(pack, doc)
    for index, exemption in enumerate(pack.exemptions):
        found += _regexes(exemption.patterns, doc, ("exemptions", index, "patterns"))
    if pack.access is not None:
        found += check_access(pack.access, doc)
    if pack.model is not None:
        found += _model_thresholds(pack, doc, class_ids)
    return found


def _model_thresholds(pack: PackFile, doc: YamlDocument, class_ids: list[str]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    assert pack.model is not None
    for class_id, limits in pack.model.thresholds.items():
        where = doc.locate(("model", "thresholds", class_id))
        if class_id not in class_ids:
            found.append(_unknown("class", class_id, class_ids, where))
        if limits.review > limits.block:
            found.append(
                Diagnostic(
                    "PSC-P015",
                    f"model review threshold {limits.review} is above block {limits.block}",
                    where,
                    "the review threshold must be at most the block threshold",
                )
            )
    return found


def check_class(cls: ClassFile, doc: YamlDocument) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if cls.thresholds.review > cls.thresholds.block:
        found.append(
            Diagnostic(
                "PSC-P015",
                f"review threshold {cls.thresholds.review} is above block threshold "
                f"{cls.thresholds.block}",
                doc.locate(("thresholds",)),
                "the review threshold must be at most the block threshold",
            )
        )
    ids = [s.id for s in cls.signals]
    found += _duplicates(ids, doc, "signals")
    for index, signal in enumerate(cls.signals):
        found += _regexes(signal.patterns, doc, ("signals", index, "patterns"))
        for pos, part in enumerate(signal.shape):
            found += _regexes(part.patterns, doc, ("signals", index, "shape", pos, "patterns"))
        if not signal.words and not signal.patterns and not signal.shape:
            found.append(
                Diagnostic(
                    "PSC-P016",
                    f"signal '{signal.id}' has neither words nor patterns",
                    doc.locate(("signals", index)),
                    "add `words:` per language, `patterns:` or a `shape:`",
                )
            )
        found += _context_refs(signal, index, ids, doc)
    for index, rule in enumerate(cls.rules):
        for pos, ref in enumerate(rule.all):
            if ref not in ids:
                found.append(_unknown("signal", ref, ids, doc.locate(("rules", index, "all", pos))))
    for index, exemption in enumerate(cls.exemptions):
        found += _regexes(exemption.patterns, doc, ("exemptions", index, "patterns"))
    return found


def _context_refs(
    signal: Signal, index: int, ids: list[str], doc: YamlDocument
) -> list[Diagnostic]:
    """A context's ``with`` names signals of the same class."""
    if signal.context is None:
        return []
    return [
        _unknown("signal", ref, ids, doc.locate(("signals", index, "context", "with", pos)))
        for pos, ref in enumerate(signal.context.with_)
        if ref not in ids
    ]


def _phase_order(pack: PackFile, doc: YamlDocument) -> Iterator[Diagnostic]:
    order = ["announced", "effective", "enforced", "withdrawn"]
    dates = [(name, getattr(pack.phases, name)) for name in order]
    present = [(name, when) for name, when in dates if when is not None]
    for (first, a), (second, b) in itertools.pairwise(present):
        if a > b:
            yield Diagnostic(
                "PSC-P010",
                f"phase '{second}' ({b}) comes before '{first}' ({a})",
                doc.locate(("phases", second)),
                "phases run announced ≤ effective ≤ enforced ≤ withdrawn",
            )


def _ladder_order(pack: PackFile, doc: YamlDocument) -> Iterator[Diagnostic]:
    if pack.enforcement is None:
        return
    counts = [step.at_strikes for step in pack.enforcement.ladder]
    for index in range(1, len(counts)):
        if counts[index] <= counts[index - 1]:
            yield Diagnostic(
                "PSC-P017",
                "ladder steps must need strictly more strikes than the "
                f"step before ({counts[index]} after {counts[index - 1]})",
                doc.locate(("enforcement", "ladder", index, "at_strikes")),
                "order the ladder from the mildest step to the harshest",
            )


def _duplicates(ids: list[str], doc: YamlDocument, key: str) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for index, ident in enumerate(ids):
        if ident in seen:
            yield Diagnostic(
                "PSC-P013",
                f"duplicate id '{ident}'",
                doc.locate((key, index, "id")),
                "give each entry its own id",
            )
        seen.add(ident)


def _unknown(kind: str, name: str, known: Iterable[str], where: Location) -> Diagnostic:
    guess = difflib.get_close_matches(name, list(known), n=1)
    hint = f"did you mean '{guess[0]}'?" if guess else f"known: {', '.join(known)}"
    return Diagnostic("PSC-P012", f"unknown {kind} '{name}'", where, hint)


def _regexes(
    patterns: list[str], doc: YamlDocument, path: tuple[str | int, ...]
) -> Iterator[Diagnostic]:
    for index, pattern in enumerate(patterns):
        problem = regex_problem(pattern)
        if problem:
            yield Diagnostic(
                "PSC-P011",
                f"invalid pattern {pattern!r}: {problem}",
                doc.locate((*path, index)),
                "patterns use Hyperscan (PCRE) syntax on normalised, lower-case "
                "text; escape special characters with a backslash",
            )


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be compiled for matching, or ``None`` when it can.

    A pattern Hyperscan compiled once is remembered on disk (a marker named by the pattern's
    hash and Hyperscan's version), so loading a known pack compiles nothing.
    """
    import hyperscan

    try:
        re.compile(pattern)
    except re.error as exc:
        return str(exc)
    version = getattr(hyperscan, "__version__", "?")
    marker = cache_dir() / "hs-ok" / key_of(version, pattern)
    if marker.is_file():
        return None
    problem = _hyperscan_problem(pattern)
    if problem is None:
        store(marker, b"")
    return problem


def _hyperscan_problem(pattern: str) -> str | None:
    import hyperscan

    db = hyperscan.Database()
    try:
        db.compile(
            expressions=[pattern.encode()],
            ids=[0],
            elements=1,
            flags=[hyperscan.HS_FLAG_SOM_LEFTMOST | hyperscan.HS_FLAG_UTF8],
        )
    except hyperscan.error as exc:
        return str(exc)
    return None
