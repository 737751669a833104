"""The folding tables read from the disk cache are the tables built from Unicode itself."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from proscribe import cachefile
from proscribe.normalize import tables


def test_cached_tables_equal_built_ones_and_damage_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROSCRIBE_CACHE_DIR", str(tmp_path))
    built = tables._build()
    first = cachefile.cached("fold", "k", tables._build, dict)
    (stored,) = tmp_path.glob("fold-k.marshal")
    assert first == built and cachefile.cached("fold", "k", dict, dict) == built  # read back
    stored.write_bytes(b"\x00not marshal")
    assert cachefile.cached("fold", "k", tables._build, dict) == built  # damage: rebuilt
    stored.write_bytes(marshal.dumps([1, 2]))
    assert cachefile.cached("fold", "k", tables._build, dict) == built  # wrong type: rebuilt


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("PROSCRIBE_CACHE_DIR", str(blocked / "below"))
    assert cachefile.cached("fold", "k", lambda: {"a": 1}, dict) == {"a": 1}
