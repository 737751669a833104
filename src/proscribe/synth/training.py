"""``training_rows(n, seed)``: the project-written labelled corpus the bundled model learns from.

Rows have the labelled-listing format of ``proscribe eval`` (``label``, ``class``, ``lang``,
``source``), so a platform's own reviewer decisions (``proscribe reviews export``) and this
corpus feed ``proscribe train`` the same way. Frames and vocabularies live in
:mod:`proscribe.synth.trainvocab` (prohibited) and :mod:`proscribe.synth.trainneg` (allowed).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from typing import Any

from proscribe.synth import trainneg as neg
from proscribe.synth import trainvocab as v

SOURCE = "proscribe-synth"
_SLOT = re.compile(r"\{(\w+)\}")


def _fill(rng: random.Random, frame: str, mirror: bool = False) -> str:
    """Replace every ``{slot}`` in ``frame`` with a random value of that slot.

    ``mirror`` fills crypto slots with ordinary finance (stocks, forex, brokers) instead.
    """
    maker, model = _maker_model(rng)  # one machine per title: "Antminer S19", not "Antminer M30S"
    fixed = {"maker": maker, "model": model}
    slots = {**_SLOTS, **_MIRROR} if mirror else _SLOTS

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return fixed[name] if name in fixed else slots[name](rng)

    text = _SLOT.sub(one, frame)
    return _SLOT.sub(one, text)  # slots inside slot values ("第{n}部分")


def _maker_model(rng: random.Random) -> tuple[str, str]:
    maker = rng.choice(list(v.MAKERS))
    return maker, rng.choice(v.MAKERS[maker])


def _num(rng: random.Random) -> str:
    return str(rng.choice([2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 24, 30, 50, 100]))


_SLOTS: dict[str, Callable[[random.Random], str]] = {
    "mzh": lambda r: r.choice(v.MAKERS_ZH),
    "algo": lambda r: r.choice(v.ALGOS),
    "unit": lambda r: r.choice(v.UNITS),
    "rate": lambda r: str(r.choice([13.5, 14, 50, 68, 86, 95, 100, 104, 110, 140, 200, 335, 9500])),
    "coin": lambda r: r.choice(v.COINS_MINED + v.COINS),
    "coin2": lambda r: r.choice(v.COINS),
    "coinzh": lambda r: r.choice(v.COINS_ZH),
    "watts": lambda r: str(r.choice([1200, 2100, 3010, 3250, 3400, 3500, 5500])),
    "n": _num,
    "gpu": lambda r: r.choice(["3060", "3060 Ti", "3070", "3080", "3090", "4070", "2060"]),
    "amd": lambda r: r.choice(["580", "5700 XT", "6600", "6700 XT", "6800"]),
    "mh": lambda r: str(r.choice([180, 240, 360, 480, 500])),
    "months": lambda r: str(r.choice([3, 6, 12, 24])),
    "days": lambda r: str(r.choice([1, 7, 30, 90])),
    "small": lambda r: str(r.choice([500, 600, 1200])),
    "month": lambda r: r.choice(["Jan", "May", "Sep", "Oct"]),
    "psu": lambda r: r.choice(v.PSU),
    "fan": lambda r: r.choice(v.FANS),
    "riser": lambda r: r.choice(v.RISERS),
    "sw": lambda r: r.choice(v.MINER_SOFTWARE),
    "fw": lambda r: r.choice(v.FIRMWARE),
    "os": lambda r: r.choice(v.MINING_OS),
    "ex": lambda r: r.choice(v.EXCHANGES + v.EXCHANGES_ZH),
    "act": lambda r: r.choice(v.ACTIVITY_ZH + v.ACTIVITY_EN),
    "acten": lambda r: r.choice(v.ACTIVITY_EN),
    "guide": lambda r: r.choice(v.GUIDE_ZH),
    "gain": lambda r: r.choice(v.GAIN_ZH),
    "crypto": lambda r: r.choice(v.CRYPTO_ZH),
    "year": lambda r: str(r.choice(range(2016, 2026))),
    "amt": lambda r: r.choice(["0.01", "0.05", "0.1", "0.5", "1", "10", "100", "500", "1000"]),
    "ticker": lambda r: r.choice(v.TICKERS),
    "prod": lambda r: r.choice(neg.PRODUCTS_ZH),
    "prod2": lambda r: r.choice(neg.PRODUCTS_ZH),
    "mod": lambda r: r.choice(neg.MODIFIERS_ZH),
    "mod2": lambda r: r.choice(neg.MODIFIERS_ZH),
    "brand": lambda r: r.choice(neg.BRANDS),
    "size": lambda r: _fill(r, r.choice(neg.SIZES)),
    "num": lambda r: f"{r.choice('abcdefghjkmnprstwxyz')}{r.randint(1, 9999)}",
    "adj": lambda r: r.choice(neg.ADJ_EN),
    "adj2": lambda r: r.choice(neg.ADJ_EN),
    "who": lambda r: r.choice(neg.WHO),
    "topic": lambda r: r.choice(neg.COURSE_TOPICS),
    "w": lambda r: str(r.choice([450, 550, 650, 750, 850, 1000, 1500, 2000])),
    "gb": lambda r: str(r.choice([4, 8, 12, 16, 24, 32, 64])),
    "fin": lambda r: r.choice(neg.FIN_ASSETS),
    "fzh": lambda r: r.choice(neg.FIN_ZH),
    "verb": lambda r: r.choice(neg.VERBS),
    "verb_ing": lambda r: r.choice(neg.VERBS_ING),
    "side": lambda r: r.choice(neg.SIDE),
    "zhverb": lambda r: r.choice(neg.ZH_VERBS),
    "noun": lambda r: r.choice(neg.BOOK_NOUNS),
    "noun2": lambda r: r.choice(neg.BOOK_NOUNS),
    "pcoin": lambda r: r.choice(neg.PLATFORM_COINS),
    "inst": lambda r: r.choice(neg.INSTRUMENTS),
    "quiet": lambda r: r.choice(v.QUIET),
    "box": lambda r: r.choice(v.BOXES),
    "payout": lambda r: r.choice(v.PAYOUTS),
    "payout2": lambda r: r.choice(v.PAYOUTS2),
    "eff": lambda r: r.choice(v.EFFICIENCY),
    "quietzh": lambda r: r.choice(v.QUIET_ZH),
    "boxzh": lambda r: r.choice(v.BOXES_ZH),
    "payzh": lambda r: r.choice(v.PAYOUTS_ZH),
    "cn": lambda r: r.choice(v.CN_NUMS),
    "goal": lambda r: r.choice(v.GOALS_ZH),
    "m": lambda r: str(r.randint(1, 12)),
    "wb": lambda r: r.choice(neg.WALLET_BRANDS),
    "wm": lambda r: r.choice(neg.WALLET_MODELS),
    "finzh": lambda r: r.choice(v.FIN_NOUNS_ZH),
    "finen": lambda r: r.choice(v.FIN_NOUNS_EN),
}


_MIRROR: dict[str, Callable[[random.Random], str]] = {
    "coin": lambda r: r.choice(neg.FIN_ASSETS),
    "coin2": lambda r: r.choice(neg.FIN_ASSETS),
    "coinzh": lambda r: r.choice(neg.FIN_ZH),
    "crypto": lambda r: r.choice(neg.FIN_ZH),
    "ex": lambda r: r.choice(neg.BROKERS),
    "act": lambda r: r.choice(neg.FIN_ACT_ZH + neg.FIN_ACT_EN),
    "acten": lambda r: r.choice(neg.FIN_ACT_EN),
    "finzh": lambda r: r.choice(neg.FIN_NOUNS_ZH),
    "finen": lambda r: r.choice(neg.FIN_NOUNS_EN),
}
# Frames whose own words are crypto ("炒币…", "DeFi …", "airdrops") cannot be mirrored.
_CRYPTO_LITERAL = re.compile(
    r"币|挖|矿|加密|空投|代币|区块链|wakuang|chaobi|crypto|defi|airdrop|mine|mining|token|altcoin",
    re.IGNORECASE,
)


def _mirrored(frames: list[str]) -> Callable[[random.Random], str]:
    kept = [f for f in frames if not _CRYPTO_LITERAL.search(f)]
    return lambda rng: _fill(rng, rng.choice(kept), mirror=True)


def _mirrored_headline(
    openings: list[str], cores: list[str], tails: list[str], sep: str = ""
) -> Callable[[random.Random], str]:
    kept = [c for c in cores if not _CRYPTO_LITERAL.search(c)]
    frames = [sep.join(p for p in (o, c, t) if p) for o in openings for c in kept for t in tails]
    return _mirrored(frames)


def _en_product(rng: random.Random) -> str:
    frame = rng.choice(neg.EN_FRAMES).replace("{prod}", rng.choice(neg.PRODUCTS_EN))
    frame = frame.replace("{size}", rng.choice(neg.SIZES_EN))
    return _fill(rng, frame)


def _zh_course(rng: random.Random) -> str:
    return rng.choice(neg.COURSE_ZH).replace("{topic}", rng.choice(neg.COURSE_ZH_TOPICS))


def _headline(
    openings: list[str], cores: list[str], tails: list[str], sep: str = ""
) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        parts = (rng.choice(openings), rng.choice(cores), rng.choice(tails))
        return _fill(rng, sep.join(p for p in parts if p))

    return make


def _lang(title: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", title) else "en"


def _frames(frames: list[str]) -> Callable[[random.Random], str]:
    return lambda rng: _fill(rng, rng.choice(frames))


# (label, class, weight, title maker): the corpus mix, drawn in proportion to the weights.
MIX: list[tuple[str, str | None, float, Callable[[random.Random], str]]] = [
    ("prohibited", "mining-hardware", 0.06, _frames(v.HARDWARE_EN)),
    ("prohibited", "mining-hardware", 0.05, _frames(v.HARDWARE_ZH)),
    ("prohibited", "mining-hardware", 0.03, _frames(v.EUPHEMISMS_EN)),
    ("prohibited", "mining-hardware", 0.02, _frames(v.EUPHEMISMS_ZH)),
    ("prohibited", "mining-accessories", 0.04, _frames(v.ACCESSORIES_EN)),
    ("prohibited", "mining-accessories", 0.03, _frames(v.ACCESSORIES_ZH)),
    ("prohibited", "mining-software", 0.04, _frames(v.SOFTWARE_EN)),
    ("prohibited", "mining-software", 0.02, _frames(v.SOFTWARE_ZH)),
    ("prohibited", "crypto-tutorials", 0.07, _frames(v.TUTORIALS_ZH)),
    ("prohibited", "crypto-tutorials", 0.04, _frames(v.TUTORIALS_EN)),
    ("prohibited", "crypto-tutorials", 0.03, _frames(v.LISTICLES_ZH)),
    ("prohibited", "crypto-tutorials", 0.08, _headline(v.OPENINGS_ZH, v.CORES_ZH, v.TAILS_ZH)),
    ("prohibited", "crypto-tutorials", 0.03, _headline(v.OPENINGS_EN, v.CORES_EN, v.TAILS_EN, " ")),
    ("prohibited", "virtual-currency", 0.03, _frames(v.CURRENCY_EN)),
    ("prohibited", "virtual-currency", 0.03, _frames(v.CURRENCY_ZH)),
    ("allowed", None, 0.16, _frames(neg.ZH_FRAMES)),
    ("allowed", None, 0.10, _en_product),
    ("allowed", None, 0.04, _frames(neg.COURSE_EN)),
    ("allowed", None, 0.02, _zh_course),
    ("allowed", None, 0.04, _frames(neg.TRAPS_EN)),
    ("allowed", None, 0.04, _frames(neg.TRAPS_ZH)),
    ("allowed", None, 0.04, _frames(neg.FIN_EN)),
    ("allowed", None, 0.03, _frames(neg.HOWTO_EN)),
    ("allowed", None, 0.03, _frames(neg.FIN_ZH_FRAMES)),
    ("allowed", None, 0.03, _frames(neg.HOWTO_ZH)),
    ("allowed", None, 0.01, _frames(neg.ZH_BOOKS)),
    ("allowed", None, 0.02, _frames(neg.COIN_TRAPS_ZH)),
    ("allowed", None, 0.02, _frames(neg.NUMISMATICS_ZH)),
    ("allowed", None, 0.02, _frames(neg.SEALS_ZH)),
    ("allowed", None, 0.02, _frames(neg.SKILL_COURSES)),
    ("allowed", None, 0.01, _frames(neg.WALLETS)),
    ("allowed", None, 0.02, _frames(neg.T_UNITS)),
    ("allowed", None, 0.03, _mirrored(v.TUTORIALS_ZH)),
    ("allowed", None, 0.01, _mirrored(v.LISTICLES_ZH)),
    ("allowed", None, 0.02, _mirrored(v.TUTORIALS_EN)),
    ("allowed", None, 0.03, _mirrored_headline(v.OPENINGS_ZH, v.CORES_ZH, v.TAILS_ZH)),
    ("allowed", None, 0.02, _mirrored_headline(v.OPENINGS_EN, v.CORES_EN, v.TAILS_EN, " ")),
]


def _noise(rng: random.Random, title: str) -> str:
    """Shop-floor variation: case, spacing, a trailing emoji or bracket tag."""
    roll = rng.random()
    if roll < 0.1:
        title = title.upper()
    elif roll < 0.2:
        title = title.lower()
    elif roll < 0.25:
        title = f"【{rng.choice(['现货', '包邮', 'HOT', '热卖', 'NEW'])}】{title}"
    elif roll < 0.3:
        title = f"{title} {rng.choice(['🔥', '🚀', '!!', '(2021)', '✅'])}"
    return title


def training_rows(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` labelled rows, deterministic for a given ``seed``."""
    rng = random.Random(seed)
    weights = [share for _, _, share, _ in MIX]
    for i in range(n):
        label, cls, _, make = rng.choices(MIX, weights)[0]
        title = _noise(rng, make(rng).strip())
        yield {
            "id": f"synth-{i}",
            "source": SOURCE,
            "lang": _lang(title),
            "title": title,
            "description": None,
            "category": None,
            "label": label,
            "class": cls,
            "how": "by-construction",
        }
