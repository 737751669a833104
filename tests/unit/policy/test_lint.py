"""Country codes and patterns checked against the world a pack meets."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import edit_text, overridden_pack

from proscribe.errors import PackError
from proscribe.policy import load_pack
from proscribe.policy.countries import ISO_3166_1_ALPHA_2, country_hint, is_country
from proscribe.policy.lint import defeated


def test_the_iso_table_is_complete_and_exceptions_are_few() -> None:
    assert len(ISO_3166_1_ALPHA_2) == 249
    assert all(is_country(c) for c in ("GB", "GR", "CN", "HK", "*", "XK"))
    assert not any(is_country(c) for c in ("UK", "EL", "EU", "XX", "gb"))


@pytest.mark.parametrize(("code", "right"), [("UK", "GB"), ("EL", "GR")])
def test_common_mistakes_get_a_did_you_mean(code: str, right: str) -> None:
    assert f"did you mean '{right}'?" in country_hint(code)


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("\\bn₂o\\b", "NFKC turns '₂' into '2'"),
        ("\\bN2O\\b", "the text is lower-cased: 'N' becomes 'n'"),
        ("礦機", "Traditional Chinese is folded to Simplified: '礦' becomes '矿'"),
        ("caf\u00e9", "accents and look-alike letters are folded: 'é' becomes 'e'"),
        ("a\u200bb", "invisible characters such as U+200B are removed"),
        ("ｎｏｓ", "NFKC turns 'ｎ' into 'n'"),
        ("n[₂]o", "NFKC turns '₂' into '2'"),  # a class of only defeated members
        ("(?:n₂o|ｎ2o)", "NFKC turns '₂' into '2'"),  # every branch defeated
        ("x_+", "'_' becomes ' '"),  # required by a repeat of at least one
    ],
)
def test_a_pattern_normalisation_defeats_says_which(pattern: str, why: str) -> None:
    problem = defeated(pattern)
    assert problem is not None and why in problem


@pytest.mark.parametrize(
    "pattern",
    [
        "(?i)\\bN2O\\b",
        "\\bn2o\\b",
        "\\x{4e00}\\p{Han}\\d+",
        "矿机\\s?(?:电源|风扇)",
        "\\.\\+",
        # a character normalisation removes is harmless where it is not required:
        "lucky[\\s\\-_]?miner",  # one member of a class with others
        "金矿[^，,。]{0,8}挖矿工具",  # in a negated class
        "(?:n2o|n₂o)",  # one branch of several
        "n_?2o",  # optional
    ],
)
def test_patterns_written_for_normalised_text_pass(pattern: str) -> None:
    assert defeated(pattern) is None


def test_an_override_names_iso_countries(tmp_path: Path) -> None:
    folder = overridden_pack(tmp_path / "pack")
    edit_text(folder / "wholesale.override.yaml", "jurisdictions: [HK]", "jurisdictions: [UK]")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    [problem] = caught.value.diagnostics
    assert problem.code == "PSC-P050" and "did you mean 'GB'?" in (problem.hint or "")
    assert problem.location is not None and problem.location.file.endswith(
        "wholesale.override.yaml"
    )
