"""One-edit variants of a pack's long Latin words, compiled with the pack (never a loop per
term at match time): "antminner", "antmier", "anmtiner" for "antminer".

Each eligible word becomes one expression: the alternation of its deletions, transpositions
and — with a one-letter wildcard — substitutions and insertions. Hyperscan's own
``HS_EXT_FLAG_EDIT_DISTANCE`` was measured and cannot serve: it refuses UTF-8 mode and word
boundaries. A hit that is an English word ("jasmine" is one edit from "jasminer") or the
word itself is dropped after the scan; only typo hits (rare) are checked.
"""

from __future__ import annotations

import re
from functools import cache
from typing import cast

from proscribe.cachefile import cached, key_of

_ANY = "[a-z0-9]"


def eligible(word: str, min_length: int) -> bool:
    """A single Latin word long enough to bear one edit."""
    return len(word) >= min_length and word.isascii() and word.isalpha()


def typo_regex(word: str) -> str:
    """Every spelling at one edit from ``word`` (and the word itself), as one expression."""
    esc = re.escape
    variants: set[str] = set()
    for i in range(len(word)):
        variants.add(esc(word[:i] + word[i + 1 :]))  # a letter left out
        variants.add(esc(word[:i]) + _ANY + esc(word[i + 1 :]))  # a letter changed
    for i in range(len(word) + 1):
        variants.add(esc(word[:i]) + _ANY + esc(word[i:]))  # a letter added
    for i in range(len(word) - 1):
        variants.add(esc(word[:i] + word[i + 1] + word[i] + word[i + 2 :]))  # two swapped
    return r"\b(?:" + "|".join(sorted(variants)) + r")(?:s|es)?\b"


def is_typo(written: str, word: str) -> bool:
    """Whether ``written`` (a typo-expression hit) is a typo: not the word, not English."""
    if written in (word, word + "s", word + "es"):
        return False
    stems = {written, written[:-1]} if written.endswith("s") else {written}
    return not any(stem in english_words() for stem in stems)


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words (web2 and GCIDE word lists), loaded once, on first use, from
    the disk cache when it holds this version's (reading the package's lists takes 0.2 s)."""
    from importlib.metadata import version

    key = key_of(version("english-words"), "web2|gcide|lower|alpha")
    return cast(frozenset[str], cached("english", key, _english_words, frozenset))


def _english_words() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))
