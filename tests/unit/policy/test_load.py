from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import edit_text

from proscribe import PackError, load_pack
from proscribe.policy.pack import BUNDLED

BUNDLED_PACK = BUNDLED / "cn-crypto-mining-2021"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(BUNDLED_PACK, target)
    return target


def _errors(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [d.render() for d in caught.value.diagnostics]


def test_bundled_pack_loads_with_every_rubric_class() -> None:
    pack = load_pack("cn-crypto-mining-2021")
    assert set(pack.class_ids) == {
        "mining-hardware",
        "mining-accessories",
        "mining-software",
        "crypto-tutorials",
        "virtual-currency",
    }
    assert pack.spec.phases.effective.isoformat() == "2021-10-08"
    assert len(pack.digest) == 64


def test_unknown_key_names_file_line_and_suggests_the_right_key(pack_copy: Path) -> None:
    edit_text(pack_copy / "mining-software.yaml", "    weight: 0.95\n", "    wieght: 0.95\n")
    [message] = _errors(pack_copy)
    assert "mining-software.yaml:" in message
    assert "PSC-P003 unknown key 'wieght'" in message
    assert "did you mean 'weight'?" in message


def test_every_error_is_reported_at_once(pack_copy: Path) -> None:
    edit_text(pack_copy / "pack.yaml", "  enforced: 2021-10-15", "  enforced: 2021-10-01")
    edit_text(
        pack_copy / "mining-hardware.yaml",
        "thresholds: {review: 0.5, block: 0.8}",
        "thresholds: {review: 0.9, block: 0.8}",
    )
    edit_text(
        pack_copy / "mining-software.yaml",
        "      - '\\brigel\\s?v?\\d+\\.\\d+'",
        "      - '\\brigel(v?\\d+'",
    )
    errors = _errors(pack_copy)
    joined = "\n".join(errors)
    assert "PSC-P015 review threshold 0.9 is above block threshold 0.8" in joined
    assert "PSC-P011 invalid pattern" in joined
    assert "PSC-P010 phase 'enforced' (2021-10-01) comes before 'effective'" in joined
    assert len(errors) == 3  # every stage at once: broken class files hide no phase error


def test_phases_out_of_order_point_at_the_date(pack_copy: Path) -> None:
    edit_text(pack_copy / "pack.yaml", "  enforced: 2021-10-15", "  enforced: 2021-10-01")
    [message] = _errors(pack_copy)
    assert "PSC-P010 phase 'enforced' (2021-10-01) comes before 'effective' (2021-10-08)" in message
    line = next(
        i
        for i, t in enumerate((pack_copy / "pack.yaml").read_text().splitlines(), 1)
        if t.startswith("  enforced:")
    )
    assert f"pack.yaml:{line}:" in message


def test_broken_regex_is_located_with_a_hint(pack_copy: Path) -> None:
    edit_text(
        pack_copy / "mining-software.yaml",
        "      - '\\brigel\\s?v?\\d+\\.\\d+'",
        "      - '\\brigel(v?\\d+'",
    )
    [message] = _errors(pack_copy)
    assert "PSC-P011" in message and "mining-software.yaml:" in message
    assert "hint: patterns use Hyperscan" in message


def test_yaml_syntax_error_has_a_position(pack_copy: Path) -> None:
    edit_text(pack_copy / "pack.yaml", "jurisdictions: [CN]", "jurisdictions: [CN")
    [message] = _errors(pack_copy)
    assert "PSC-P002 YAML syntax error" in message
    assert "pack.yaml:" in message


def test_duplicate_key_is_an_error_not_a_silent_override(pack_copy: Path) -> None:
    edit_text(
        pack_copy / "pack.yaml", "jurisdictions: [CN]", "jurisdictions: [CN]\njurisdictions: [US]"
    )
    assert any("PSC-P004 duplicate key 'jurisdictions'" in e for e in _errors(pack_copy))


def test_rule_naming_an_unknown_signal_suggests_one(pack_copy: Path) -> None:
    edit_text(
        pack_copy / "crypto-tutorials.yaml",
        "all: [coin, obtain, teach]",
        "all: [coin, obtian, teach]",
    )
    [message] = _errors(pack_copy)
    assert "PSC-P012 unknown signal 'obtian'" in message
    assert "did you mean 'obtain'?" in message


def test_missing_required_key_and_missing_class_file(pack_copy: Path) -> None:
    edit_text(pack_copy / "pack.yaml", "unknown_jurisdiction: apply\n", "")
    (pack_copy / "virtual-currency.yaml").unlink()
    errors = "\n".join(_errors(pack_copy))
    assert "PSC-P005 required key 'unknown_jurisdiction' is missing" in errors


def test_missing_class_file_is_named(pack_copy: Path) -> None:
    (pack_copy / "virtual-currency.yaml").unlink()
    [message] = _errors(pack_copy)
    assert "PSC-P009 class file 'virtual-currency.yaml' not found" in message


def test_unknown_pack_id_suggests_a_bundled_one() -> None:
    with pytest.raises(PackError) as caught:
        load_pack("cn-crypto-mining-2012")
    assert "did you mean 'cn-crypto-mining-2021'?" in str(caught.value)


def test_model_thresholds_for_an_unknown_class_are_named(pack_copy: Path) -> None:
    edit_text(
        pack_copy / "pack.yaml",
        "    virtual-currency: {review: 0.7",
        "    virtual-currency2: {review: 0.7",
    )
    errors = _errors(pack_copy)
    assert any("PSC-P012" in e and "virtual-currency2" in e and "pack.yaml:" in e for e in errors)


def test_a_missing_model_file_is_named(pack_copy: Path) -> None:
    (pack_copy / "model.skops").unlink()
    errors = _errors(pack_copy)
    assert any("PSC-P030" in e and "model.skops" in e for e in errors)


def test_the_revision_digest_covers_the_model(pack_copy: Path) -> None:
    before = load_pack(pack_copy).digest
    model = pack_copy / "model.skops"
    model.write_bytes(model.read_bytes())  # same bytes: same digest
    assert load_pack(pack_copy).digest == before
    from proscribe.classify import load_model

    retrained = load_model(model)
    retrained.info["note"] = "retrained"
    retrained.save(model)
    assert load_pack(pack_copy).digest != before
