"""A synthetic catalogue, written by the project: ordinary goods, banned goods, disguises, traps.

``python -m proscribe.synth.catalogue OUT.jsonl --rows N --seed S`` writes one; the demo's
sample (``samples/catalogue.jsonl``) and the benchmark's million rows come from here.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from proscribe.synth import vocab

HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і"}
LEET = {"i": "1", "e": "3", "a": "4", "o": "0", "s": "5"}
TRAD = {"矿": "礦", "机": "機", "币": "幣", "电": "電", "资": "資", "教": "教", "程": "程"}


def disguise(text: str, rng: random.Random) -> str:
    """Apply one evasion trick sellers use to the first word of ``text``."""
    trick = rng.choice(["homoglyph", "leet", "split", "zero-width", "traditional", "fullwidth"])
    word, _, rest = text.partition(" ")
    if trick == "homoglyph":
        word = "".join(HOMOGLYPHS.get(c, c) if rng.random() < 0.5 else c for c in word)
    elif trick == "leet":
        word = "".join(LEET.get(c, c) for c in word)
    elif trick == "split":
        word = ".".join(word)
    elif trick == "zero-width":
        word = "\u200b".join(word)
    elif trick == "fullwidth":
        word = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)
    else:
        return "".join(TRAD.get(c, c) for c in text)
    return f"{word} {rest}".strip()


def _banned(rng: random.Random) -> tuple[str, str, str]:
    kind = rng.random()
    if kind < 0.45:
        maker, models, unit = rng.choice(vocab.ASIC)
        rate = rng.choice([95, 104, 110, 140, 200, 335]) if unit == "TH/s" else rng.randint(2, 30)
        return (
            f"{maker} {rng.choice(models)} {rate}{unit}",
            "Consumer Electronics > Blockchain Miners",
            "hardware",
        )
    if kind < 0.55:
        return f"{rng.choice(vocab.ASIC_ZH)} S19 95T 二手", "电脑 > 服务器", "hardware"
    pools = [
        (
            vocab.ACCESSORIES_EN + vocab.ACCESSORIES_ZH,
            "Consumer Electronics > Blockchain Miners > Blockchain Miner Accessories",
        ),
        (vocab.SOFTWARE_EN + vocab.SOFTWARE_ZH, "Software > Utilities"),
        (vocab.TUTORIALS_EN + vocab.TUTORIALS_ZH, "Books > Business"),
        (vocab.CURRENCY_EN + vocab.CURRENCY_ZH, "Digital Goods > Other"),
    ]
    pool, category = rng.choice(pools)
    return rng.choice(pool), category, "other"


def listing(n: int, rng: random.Random, sellers: int) -> dict[str, Any]:
    """One synthetic listing: 6% banned (a third disguised), 6% traps, 0.5% borderline."""
    roll = rng.random()
    seller = f"S{rng.randint(1, sellers):05d}"
    if roll < 0.06:
        title, category, _ = _banned(rng)
        seller = (
            f"S{rng.randint(1, max(1, sellers // 20)):05d}"  # banned goods cluster on few sellers
        )
        if rng.random() < 0.33:
            title = disguise(title, rng)
        if rng.random() < 0.2:
            category = rng.choice(vocab.HOSTILE_CATEGORIES)
    elif roll < 0.12:
        title, category = rng.choice(vocab.TRAPS_EN + vocab.TRAPS_ZH)
    elif roll < 0.125:
        title, category = rng.choice(vocab.BORDERLINE)
    else:
        template, category = rng.choice(vocab.GENERAL_EN + vocab.GENERAL_ZH)
        title = template.format(n=rng.randint(2, 64))
    chinese = any("\u4e00" <= c <= "\u9fff" for c in title)
    description = " ".join(
        rng.sample(vocab.DESCRIPTIONS_ZH if chinese else vocab.DESCRIPTIONS_EN, 2)
    )
    return {
        "id": f"L{n:08d}",
        "title": title,
        "description": description,
        "category": category,
        "seller_id": seller,
        "price": round(rng.uniform(2, 5000), 2),
        "currency": "CNY" if chinese else "USD",
        "country": "CN",
        "listed_at": f"2021-{rng.randint(8, 11):02d}-{rng.randint(1, 28):02d}",
    }


def generate(rows: int, seed: int = 2021, sellers: int = 400) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for n in range(1, rows + 1):
        yield listing(n, rng, sellers)


def write(path: Path, rows: int, seed: int = 2021, malformed: bool = False) -> None:
    """Write ``rows`` listings as JSON Lines; ``malformed`` adds two broken rows (for the demo)."""
    with path.open("wb") as out:
        for index, row in enumerate(generate(rows, seed, sellers=max(20, rows // 25))):
            out.write(orjson.dumps(row) + b"\n")
            if malformed and index == rows // 3:
                out.write(b'{"id": "L-broken-1", "title": "", "description": "no title"}\n')
            if malformed and index == 2 * rows // 3:
                out.write(b'{"id": "L-broken-2", "title": "truncated export\n')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--malformed", action="store_true", help="add two broken rows")
    args = parser.parse_args()
    write(args.out, args.rows, args.seed, args.malformed)


if __name__ == "__main__":
    main()
