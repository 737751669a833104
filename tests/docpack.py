"""The pack the walk-through of docs/policy-packs.md builds, written out from the page itself:
the end-to-end tests use it, so the docs' complete pack is known to work as written."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "policy-packs.md"
PACK_ID = "uk-nitrous-oxide-2023"
_BLOCK = re.compile(r"```yaml\n# file: (\S+)\n(.*?)```", re.S)


def write_doc_pack(folder: Path) -> Path:
    """Write each ```yaml block of the page that starts with ``# file: NAME`` into folder."""
    folder.mkdir(parents=True)
    found = _BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert {name for name, _ in found} >= {"pack.yaml"}, "the walk-through lost its pack.yaml"
    for name, text in found:
        (folder / name).write_text(text, encoding="utf-8")
    return folder
