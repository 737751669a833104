"""Which pack a store-backed command acts under: what the store recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.conftest import edit_text
from tests.docpack import PACK_ID, write_doc_pack

from proscribe.deploy.resolve import default_ref, pack_in_store, stored_pack
from proscribe.deploy.revisions import activate
from proscribe.errors import PackError, UsageError
from proscribe.policy import load_pack
from proscribe.store import engine_for, upgrade


@pytest.fixture
def db(tmp_path: Path) -> sa.Engine:
    engine = engine_for(f"sqlite:///{tmp_path / 'r.db'}")
    upgrade(engine)
    return engine


def test_a_revision_never_activated_is_a_coded_error_unless_in_hand(
    db: sa.Engine, tmp_path: Path
) -> None:
    pack = load_pack(write_doc_pack(tmp_path / "p"))
    with pytest.raises(PackError) as caught:
        stored_pack(db, PACK_ID, pack.revision)
    assert caught.value.code == "PSC-P046" and "pack activate" in str(caught.value)
    assert stored_pack(db, PACK_ID, pack.revision, [pack]) is pack
    bundled = stored_pack(db, "cn-crypto-mining-2021", "2021.10.1")
    assert bundled.id == "cn-crypto-mining-2021"


def test_the_store_keeps_and_restores_the_activated_revision(db: sa.Engine, tmp_path: Path) -> None:
    folder = write_doc_pack(tmp_path / "p")
    activate(db, load_pack(folder), by="t", note="n")
    edit_text(folder / "pack.yaml", 'revision: "2023.11.1"', 'revision: "2023.12.1"')
    restored = stored_pack(db, PACK_ID, "2023.11.1")
    assert restored.revision == "2023.11.1" and (restored.path / "pack.yaml").is_file()
    assert restored.spec.enforcement is not None
    assert restored.spec.enforcement.ladder[-1].step == "store-blocked"
    assert pack_in_store(db, PACK_ID).revision == "2023.11.1"  # the live one, by id


def test_without_pack_the_one_live_pack_decides(db: sa.Engine, tmp_path: Path) -> None:
    assert default_ref(db, None, "fallback") == "fallback"  # an empty store
    activate(db, load_pack(write_doc_pack(tmp_path / "p")), by="t", note="n")
    assert default_ref(db, None, "fallback") == PACK_ID
    assert default_ref(db, "given", "fallback") == "given"
    activate(db, load_pack("cn-crypto-mining-2021"), by="t", note="n")
    with pytest.raises(UsageError) as caught:
        default_ref(db, None, "fallback")
    assert caught.value.code == "PSC-U050" and PACK_ID in str(caught.value)


def test_an_unknown_id_names_pack_activate(db: sa.Engine) -> None:
    with pytest.raises(PackError) as caught:
        pack_in_store(db, "uk-nitrous-oxide-2023")
    assert caught.value.code == "PSC-P008" and "pack activate" in str(caught.value)
