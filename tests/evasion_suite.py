"""The evasion suite: ``tests/fixtures/evasion.yaml`` expanded by every character trick.

``python -m tests.evasion_suite OUT.jsonl`` writes it in the labelled format, so that
``proscribe eval OUT.jsonl`` reports it per trick (the ``source`` field names the trick).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import opencc
import orjson
import yaml

SUITE = Path(__file__).resolve().parent / "fixtures" / "evasion.yaml"

_LOOKALIKE = str.maketrans("aeopcxiyAEOPCXIKMHT", "аеорсхіуАЕОРСХІКМНТ")
# Look-alikes a hand-written Cyrillic/Greek table misses (Unicode confusables, UTS #39):
# Cherokee, Lisu, Canadian syllabics, Armenian and mathematical capitals.
_UTS39 = str.maketrans(
    "AaBCDEeHhIiJKLMNnOoPRSTuVWXZ",
    "ꓮɑᏴᏟᗞꓰҽᎻһᏆіᏫꓗᏞꓟꓠոꓳօᏢꓣꓢꓔսꓦꓪꓫꓜ",
)
_LEET = str.maketrans("aeiost", "431057")
_ACCENT = str.maketrans("aeiouAEIOU", "áéíöüÁÉÍÖÜ")


def _styled(text: str) -> str:
    """Mathematical bold letters and digits: "Antminer" → "𝐀𝐧𝐭𝐦𝐢𝐧𝐞𝐫"."""
    out = []
    for ch in text:
        if "A" <= ch <= "Z":
            out.append(chr(0x1D400 + ord(ch) - ord("A")))
        elif "a" <= ch <= "z":
            out.append(chr(0x1D41A + ord(ch) - ord("a")))
        elif "0" <= ch <= "9":
            out.append(chr(0x1D7CE + ord(ch) - ord("0")))
        else:
            out.append(ch)
    return "".join(out)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _split(text: str) -> str:
    return " ".join(".".join(word) for word in text.split())


Trick = Callable[[str], str]
EN_TRICKS: dict[str, Trick] = {
    "look-alikes": lambda k: k.translate(_LOOKALIKE),
    "full-width": _full_width,
    "split-letters": _split,
    "leetspeak": lambda k: k.translate(_LEET),
    "invisible": lambda k: "\u200b".join(k),
    "styled": _styled,
    "accents": lambda k: k.translate(_ACCENT),
    "uts39-look-alikes": lambda k: k.translate(_UTS39),
}
ZH_TRICKS: dict[str, Trick] = {
    "split-characters": lambda k: " ".join(k),
    "invisible-zh": lambda k: "\u200b".join(k),
}
#: Tricks that hide a word on purpose: a flagged listing should carry an ``obfuscated`` signal.
EVASIVE = {"look-alikes", "split-letters", "leetspeak", "invisible", "styled", "split-characters",
           "invisible-zh", "uts39-look-alikes", "typos"}  # fmt: skip
#: Kinds written as listings (no character trick): each item is a prohibited listing and its twin.
WRITTEN = ("euphemisms", "misplaced", "slang", "compounds", "typos", "pinyin", "shapes",
           "vouchers", "ambiguous", "precedence")  # fmt: skip


@dataclass(frozen=True)
class Case:
    trick: str
    title: str
    prohibited: bool
    class_id: str
    category: str | None = None

    def row(self, n: int) -> dict[str, Any]:
        return {
            "id": f"evasion-{n}",
            "source": self.trick,
            "lang": "zh" if any("\u4e00" <= c <= "\u9fff" for c in self.title) else "en",
            "title": self.title,
            "description": None,
            "category": self.category,
            "label": "prohibited" if self.prohibited else "allowed",
            "class": self.class_id if self.prohibited else None,
        }


def cases() -> Iterator[Case]:
    spec = yaml.safe_load(SUITE.read_text(encoding="utf-8"))
    yield from _tricked(spec["bases_en"], EN_TRICKS)
    yield from _tricked(spec["bases_zh"], ZH_TRICKS)
    to_traditional = opencc.OpenCC("s2t")
    for base in spec["bases_zh"]:
        yield Case("traditional", to_traditional.convert(base["banned"]), True, base["class"])
        yield Case("traditional", to_traditional.convert(base["twin"]), False, base["class"])
    for kind in WRITTEN:
        for item in spec[kind]:
            category = item.get("category")
            yield Case(kind, item["banned"], True, item["class"], category)
            yield Case(kind, item["twin"], False, item["class"], category)


def honest_categories() -> list[tuple[str, str]]:
    """Prohibited listings in their own categories (title, category): never ``misplaced``."""
    spec = yaml.safe_load(SUITE.read_text(encoding="utf-8"))
    return [(item["title"], item["category"]) for item in spec["honest_categories"]]


def _tricked(bases: list[dict[str, str]], tricks: dict[str, Trick]) -> Iterator[Case]:
    for name, trick in tricks.items():
        for base in bases:
            banned = base["banned"].replace(base["key"], trick(base["key"]), 1)
            twin = base["twin"].replace(base["twin_key"], trick(base["twin_key"]), 1)
            yield Case(name, banned, True, base["class"])
            yield Case(name, twin, False, base["class"])


if __name__ == "__main__":
    with Path(sys.argv[1]).open("wb") as out:
        for n, case in enumerate(cases()):
            out.write(orjson.dumps(case.row(n)) + b"\n")
