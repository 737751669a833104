"""The term recognizer: every word and pattern of the pack in one Hyperscan pass per field."""

from __future__ import annotations

import unicodedata

import hyperscan

from proscribe.detect.compile import CompiledPack, Entry, compile_pack
from proscribe.detect.finding import Document, Finding
from proscribe.detect.shapes import assemble, pack_shapes
from proscribe.detect.typos import is_typo
from proscribe.limits import MAX_MATCHES
from proscribe.normalize import DeobfuscatedText, NormalizedText, normalize, plain_fold
from proscribe.normalize.tables import is_styled
from proscribe.policy import PolicyPack

Hit = tuple[int, int, int]  # entry index, start, end (characters)


class TermRecognizer:
    """Finds the pack's words and patterns, in plain and in de-obfuscated text."""

    name = "terms"

    def __init__(self, pack: PolicyPack) -> None:
        self.compiled: CompiledPack = compile_pack(pack)
        self.shapes = pack_shapes(pack)

    def detect(self, doc: Document) -> list[Finding]:
        findings: list[Finding] = []
        entries = self.compiled.entries
        if self.compiled.base is None:
            return findings
        for name, norm in doc.fields.items():
            hits = self._useful(_scan(self.compiled.base, norm.text))
            typos = [h for h in hits if entries[h[0]].typo]
            if typos:
                hits = [h for h in hits if not entries[h[0]].typo]
            plain = [self._finding(h, name, norm) for h in hits if name in entries[h[0]].fields]
            findings += plain
            view = doc.deobfuscated(name) if self.compiled.deobfuscated is not None else None
            if view is not None:
                findings += self._hidden(name, view, plain)
            if typos:
                findings += self._typos(name, norm, typos, findings)
        return assemble(findings, self.shapes) if self.shapes else findings

    def _useful(self, hits: list[Hit]) -> list[Hit]:
        """Drop hits that cannot count, so no finding is made for nothing: the cancelling
        words of a signal not found here, the parts of a shape that misses a part here."""
        entries = self.compiled.entries
        kinds = {entries[h[0]].kind for h in hits}
        if "cancel" in kinds:
            found = {_key(entries[h[0]]) for h in hits if entries[h[0]].kind != "cancel"}
            hits = [
                h for h in hits if entries[h[0]].kind != "cancel" or _key(entries[h[0]]) in found
            ]
        if "part" not in kinds:
            return hits
        parts: dict[tuple[str, str], set[str]] = {}
        for h in hits:
            if entries[h[0]].kind == "part":
                parts.setdefault(_key(entries[h[0]]), set()).add(entries[h[0]].term)
        whole = {
            k
            for k, terms in parts.items()
            if k in self.shapes and len(terms) == len(self.shapes[k].parts)
        }
        return [h for h in hits if entries[h[0]].kind != "part" or _key(entries[h[0]]) in whole]

    def _typos(
        self, field: str, norm: NormalizedText, hits: list[Hit], found: list[Finding]
    ) -> list[Finding]:
        """One-edit spellings of long words that no exact match of their signal covers."""
        out: list[Finding] = []
        for index, start, end in hits:
            entry = self.compiled.entries[index]
            written = norm.text[start:end]
            if field not in entry.fields or not is_typo(written, entry.term):
                continue
            o_start, o_end = norm.to_original(start, end)
            if any(
                (f.class_id, f.rule) == (entry.class_id, entry.signal)
                and f.field == field
                and f.start < o_end
                and o_start < f.end
                for f in found
            ):
                continue
            text = norm.original[o_start:o_end]
            out.append(_make(entry, field, text, o_start, o_end, ("typo",)))
        return _shortest_per_signal(out)

    def _finding(self, hit: Hit, field: str, norm: NormalizedText) -> Finding:
        entry = self.compiled.entries[hit[0]]
        start, end = norm.to_original(hit[1], hit[2])
        original = norm.original[start:end]
        honest = norm.starts is None and original.isascii()
        tricks = () if honest else _tricks(original, norm.text[hit[1] : hit[2]])
        return _make(entry, field, original, start, end, tricks)

    def _hidden(self, field: str, view: DeobfuscatedText, plain: list[Finding]) -> list[Finding]:
        """Matches that only the de-obfuscated view shows, inside the regions it changed."""
        db = self.compiled.deobfuscated
        if db is None:
            return []
        seen = {(f.class_id, f.rule, f.start, f.end) for f in plain}
        found: list[Finding] = []
        for index, start, end in _scan(db, view.text):
            tricks = view.tricks_in(start, end)
            entry = self.compiled.entries[index]
            if not tricks or entry.kind == "exemption" or field not in entry.fields:
                continue
            o_start, o_end = view.to_original(start, end)
            if any(
                k[:2] == (entry.class_id, entry.signal) and k[2] < o_end and o_start < k[3]
                for k in seen
            ):
                continue
            found.append(
                _make(
                    entry, field, view.base.original[o_start:o_end], o_start, o_end, tuple(tricks)
                )
            )
        return _shortest_per_signal(found)


def _key(entry: Entry) -> tuple[str, str]:
    return entry.class_id, entry.signal


def _make(
    entry: Entry, field: str, text: str, start: int, end: int, tricks: tuple[str, ...]
) -> Finding:
    weight = entry.vetoes_below if entry.kind == "exemption" else entry.weight
    return Finding(
        entry.class_id,
        entry.signal,
        entry.kind,
        entry.term,
        field,
        text,
        start,
        end,
        weight,
        tricks,
    )


def _shortest_per_signal(findings: list[Finding]) -> list[Finding]:
    """Unbounded matching finds "antminer" and "antminers" in "antminers19": keep the shorter."""

    def shadowed(f: Finding) -> bool:
        return any(
            o.rule == f.rule
            and o.class_id == f.class_id
            and o.start < f.end
            and f.start < o.end
            and o.end - o.start < f.end - f.start
            for o in findings
        )

    return [f for f in findings if not shadowed(f)]


def _scan(db: hyperscan.Database, text: str) -> list[Hit]:
    data = text.encode("utf-8")
    hits: list[Hit] = []
    starts: dict[int, set[int]] = {}

    def on_match(index: int, start: int, end: int, _flags: int, _ctx: object) -> None:
        seen = starts.setdefault(index, set())
        if start in seen or len(seen) < MAX_MATCHES:  # the budget: later matches not kept
            seen.add(start)
            hits.append((index, start, end))

    db.scan(data, match_event_handler=on_match)
    hits = _first(_longest(hits))
    if len(data) != len(text):  # multi-byte characters: byte offsets → character offsets
        chars = _char_offsets(data, {x for _, s, e in hits for x in (s, e)})
        hits = [(i, chars[s], chars[e]) for i, s, e in hits]
    return hits


def _char_offsets(data: bytes, offsets: set[int]) -> dict[int, int]:
    """Byte offsets → character offsets in one pass over ``data`` (not one decode per hit)."""
    out: dict[int, int] = {}
    position = characters = 0
    for offset in sorted(offsets):
        characters += len(data[position:offset].decode())
        position = offset
        out[offset] = characters
    return out


def _longest(hits: list[Hit]) -> list[Hit]:
    """Hyperscan reports every end of a match; keep the longest per expression and start."""
    best: dict[tuple[int, int], int] = {}
    for index, start, end in hits:
        if end > best.get((index, start), -1):
            best[(index, start)] = end
    return [(index, start, end) for (index, start), end in best.items()]


def _first(hits: list[Hit]) -> list[Hit]:
    """The per-listing budget: the first ``MAX_MATCHES`` matches of each expression (a signal
    counts once; more occurrences of it only repeat the evidence)."""
    counts: dict[int, int] = {}
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h[1], h[2])):
        seen = counts.get(hit[0], 0)
        if seen < MAX_MATCHES:
            counts[hit[0]] = seen + 1
            kept.append(hit)
    return kept


def _tricks(original: str, matched: str) -> tuple[str, ...]:
    """Which tricks separate what was written from what matched (empty for honest text)."""
    if plain_fold(original) == matched:
        return ()
    tricks = set()
    for ch in original:
        if unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            tricks.add("invisible-characters")
        elif is_styled(ch):
            tricks.add("styled-letters")
        elif plain_fold(ch) != normalize(ch).text:
            tricks.add("look-alike-letters")
    return tuple(sorted(tricks))
