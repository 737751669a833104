"""Context for ambiguous words and exemption precedence, declared by the pack, explained."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import PACK_ID, edit_text

from proscribe import Verdict, load_pack
from proscribe.errors import PackError
from proscribe.policy.pack import BUNDLED


def test_a_cancelling_context_sets_the_word_aside_and_says_why(
    decide: Callable[..., Verdict],
) -> None:
    verdict = decide("Toyota Avalon 2022 XLE")
    assert verdict.decision == "allow"
    (note,) = [a for a in verdict.adjustments if a.rule == "avalon-models"]
    assert note.kind == "context" and "does not count beside 'Toyota'" in note.reason


def test_a_word_that_needs_corroboration_counts_only_with_it(
    decide: Callable[..., Verdict],
) -> None:
    alone = decide("Innosilicon")
    assert alone.decision == "allow"
    assert any("counts only with one of" in a.reason for a in alone.adjustments)
    assert decide("Innosilicon A11 Pro 2000MH").decision == "block"


def test_a_strong_term_inside_an_exemption_phrase_is_explained(
    decide: Callable[..., Verdict],
) -> None:
    verdict = decide("金矿挖矿工具 镐 铲 套装")
    assert verdict.decision == "allow"
    (veto,) = [a for a in verdict.adjustments if a.rule == "mining-programs"]
    assert veto.by == "mining-hand-tools"
    assert "takes precedence over the terms it contains" in veto.reason
    assert decide("挖矿工具 一键挖矿 软件").decision == "block"  # no gold-mining phrase


def test_by_weight_the_strong_term_would_win(tmp_path: Path) -> None:
    """Without the declared precedence, the 0.95 term beats the 0.9 exemption."""
    from tests.conftest import ENFORCED

    from proscribe import Engine, Listing

    folder = tmp_path / PACK_ID
    shutil.copytree(BUNDLED / PACK_ID, folder)
    edit_text(folder / "pack.yaml", "precedence: exemption", "precedence: weight")
    engine = Engine(load_pack(folder))
    verdict = engine.decide(
        Listing("t", "金矿挖矿工具 镐 铲 套装"), as_of=ENFORCED, jurisdiction="CN"
    )
    assert verdict.decision == "block"


def test_a_context_naming_an_unknown_signal_is_a_pack_error(tmp_path: Path) -> None:
    folder = tmp_path / PACK_ID
    shutil.copytree(BUNDLED / PACK_ID, folder)
    edit_text(folder / "mining-hardware.yaml", "with: [model-code,", "with: [no-such-signal,")
    with pytest.raises(PackError, match="no-such-signal"):
        load_pack(folder)
