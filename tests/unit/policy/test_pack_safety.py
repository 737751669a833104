"""Safe packs: no alias bombs, no paths outside the pack, no links, models on an allow-list."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from skops.io import dump

from proscribe import PackError
from proscribe.classify import load_model
from proscribe.classify.model import FORMAT
from proscribe.deploy.revisions import activate
from proscribe.policy import load_pack
from proscribe.policy.pack import BUNDLED
from proscribe.store import engine_for, upgrade

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(12)
)


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", folder)
    return folder


def _code(folder: Path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return caught.value.code


def test_a_yaml_alias_bomb_fails_fast_with_a_code(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    pack_yaml = folder / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text() + "\n" + BOMB)
    assert len(BOMB) < 5_000
    with pytest.raises(PackError) as caught:  # refused before expansion (it took 40 s, 3.6 GB)
        load_pack(folder)
    assert caught.value.code == "PSC-P043" and "alias" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("file: model.skops", "file: ../../outside.skops"),
        ("file: model.skops", "file: /etc/passwd"),
        ("  - mining-hardware.yaml", "  - /etc/passwd"),
        ("  - mining-hardware.yaml", "  - ../pack/../../x.yaml"),
    ],
)
def test_paths_outside_the_pack_are_refused(tmp_path: Path, old: str, new: str) -> None:
    folder = _copy(tmp_path)
    pack_yaml = folder / "pack.yaml"
    text = pack_yaml.read_text()
    assert old in text
    pack_yaml.write_text(text.replace(old, new, 1))
    assert _code(folder) == "PSC-P044"


def test_a_linked_class_file_is_refused_at_load(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    real = tmp_path / "elsewhere.yaml"
    shutil.move(folder / "mining-hardware.yaml", real)
    (folder / "mining-hardware.yaml").symlink_to(real)
    assert _code(folder) == "PSC-P045"


def test_a_link_in_the_pack_folder_is_refused_at_activation(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "notes.txt").symlink_to("/etc/hostname")
    pack = load_pack(folder)  # nothing it names is a link
    engine = engine_for(f"sqlite:///{tmp_path / 'p.db'}")
    upgrade(engine)
    with pytest.raises(PackError) as caught:
        activate(engine, pack, by="ann", note="try")
    assert caught.value.code == "PSC-P045"


def _model_file(tmp_path: Path, **data: object) -> Path:
    path = tmp_path / "m.skops"
    dump({"format": FORMAT, **data}, path)
    return path


def test_a_model_file_missing_keys_is_a_coded_error(tmp_path: Path) -> None:
    path = _model_file(tmp_path, feature_version=1, labels=["allowed"])
    with pytest.raises(PackError) as caught:
        load_model(path)
    assert caught.value.code == "PSC-P031" and "lacks" in str(caught.value)


def test_a_model_file_with_wrong_shapes_is_a_coded_error(tmp_path: Path) -> None:
    path = _model_file(
        tmp_path,
        feature_version=1,
        n_features=2**18,
        labels=["allowed", "x"],
        coef=np.zeros((2, 3), dtype=np.float32),
        intercept=np.zeros(2, dtype=np.float32),
        temperature=1.0,
        info={},
    )
    with pytest.raises(PackError) as caught:
        load_model(path)
    assert caught.value.code == "PSC-P031"


def test_types_skops_trusts_by_default_are_refused(tmp_path: Path) -> None:
    path = _model_file(tmp_path, estimator=LogisticRegression())
    with pytest.raises(PackError) as caught:
        load_model(path)
    assert caught.value.code == "PSC-P031" and "allow-list" in str(caught.value)
