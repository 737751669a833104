from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import edit_text

from proscribe import load_pack
from proscribe.policy.diff import diff_packs
from proscribe.policy.pack import BUNDLED


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", target)
    return target


def test_the_same_revision_has_no_changes() -> None:
    pack = load_pack("cn-crypto-mining-2021")
    assert diff_packs(pack, pack) == []


def test_words_dates_thresholds_and_ladder_are_named(pack_copy: Path) -> None:
    old = load_pack(pack_copy)
    edit_text(pack_copy / "pack.yaml", 'revision: "2021.10.1"', 'revision: "2021.10.2"')
    edit_text(pack_copy / "pack.yaml", "  enforced: 2021-10-15", "  enforced: 2021-10-18")
    edit_text(
        pack_copy / "pack.yaml", "{at_strikes: 8, step: closed}", "{at_strikes: 7, step: closed}"
    )
    edit_text(
        pack_copy / "crypto-tutorials.yaml",
        "[合约带单, 带单老师,",
        "[合约带单, 跟单老师, 带单老师,",
    )
    edit_text(pack_copy / "mining-hardware.yaml", "狗子机, ", "")
    edit_text(
        pack_copy / "pack.yaml", "crypto-tutorials: {review: 0.35", "crypto-tutorials: {review: 0.4"
    )
    changes = {(c.action, " › ".join(c.path)): c for c in diff_packs(old, load_pack(pack_copy))}
    assert changes[("changed", "phases › enforced")].after == "2021-10-18"
    added = changes[
        ("added", "classes › crypto-tutorials › signals › contract-trading-slang › words › zh")
    ]
    assert added.after == ["跟单老师"]
    removed = changes[
        ("removed", "classes › mining-hardware › signals › pinyin-and-slang › words › zh")
    ]
    assert removed.before == ["狗子机"]
    assert changes[("changed", "model › thresholds › crypto-tutorials › review")].after == 0.4
    ladder = [c for c in changes.values() if c.path == ("enforcement", "ladder")]
    assert {c.action for c in ladder} == {"added", "removed"}
    assert "added 1 in classes › crypto-tutorials" in added.describe()


def test_a_class_dropped_from_the_pack_is_one_removal(pack_copy: Path) -> None:
    old = load_pack(pack_copy)
    edit_text(pack_copy / "pack.yaml", "  - virtual-currency.yaml\n", "")
    edit_text(pack_copy / "pack.yaml", "    virtual-currency: {review: 0.7, block: 0.95}\n", "")
    changes = diff_packs(old, load_pack(pack_copy))
    gone = [c for c in changes if c.path == ("classes", "virtual-currency")]
    assert len(gone) == 1 and gone[0].action == "removed"
