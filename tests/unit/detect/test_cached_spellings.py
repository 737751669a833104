"""Generated pinyin and the English word list read from the disk cache equal fresh ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from proscribe.detect import compile as compiled
from proscribe.detect import typos
from proscribe.policy import PolicyPack


def _forget() -> None:
    compiled._pinyin_table.cache_clear()
    compiled._pinyin_key.cache_clear()
    typos.english_words.cache_clear()


def test_a_pack_compiles_alike_from_cached_spellings(
    pack: PolicyPack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROSCRIBE_CACHE_DIR", str(tmp_path))
    _forget()
    try:
        fresh = compiled.compile_pack(pack).entries
        assert list(tmp_path.glob("pinyin-*.marshal"))  # kept for the next process
        _forget()
        assert compiled.compile_pack(pack).entries == fresh
        assert compiled._pinyin_table()["矿机"] == "kuang ji"  # read back, not recomputed
        words = typos.english_words()
        _forget()
        assert typos.english_words() == words == typos._english_words()
    finally:
        _forget()
