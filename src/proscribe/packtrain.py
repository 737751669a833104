"""``proscribe train --pack PATH``: a classifier for a new pack, without writing Python.

Labels come from the pack's own cases (``block`` → its class, ``allow`` → allowed; ``review``
is borderline and left out), from the store's reviewer decisions on the pack's classes
(``reviews export``) and from any labelled files (e.g. listings ``suggest`` pointed at and a
person confirmed). The model is written into the pack folder with thresholds in pack.yaml's
``model:``. With fewer than ``MIN_LABELS`` examples of a label the model is not to be
trusted, and the command says so: it then only ever sends to review (block threshold 1.0).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proscribe.cases import case_files, load_cases
from proscribe.policy import PolicyPack

MIN_LABELS = 20
MODEL_FILE = "model.skops"
TRUSTED = (0.7, 0.95)  # review, block: as the bundled pack's
UNTRUSTED = (0.9, 1.0)  # review only: a probability never reaches 1.0


@dataclass(frozen=True)
class PackTraining:
    labels: dict[str, int]
    sources: dict[str, int]
    short: dict[str, int]  # labels with fewer than MIN_LABELS examples

    @property
    def trusted(self) -> bool:
        return not self.short

    def verdict(self) -> str:
        if self.trusted:
            return f"enough labels: every label has at least {MIN_LABELS}"
        few = ", ".join(f"{label} {n}" for label, n in sorted(self.short.items()))
        return (
            f"TOO FEW LABELS TO TRUST THIS MODEL ({few}; at least {MIN_LABELS} each are "
            "needed): it was written with review-only thresholds (block 1.0), so it can send "
            "listings to review but never block; add labels (reviews export, more cases, "
            "confirmed `suggest` examples) and train again"
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "sources": self.sources,
            "short": self.short,
            "trusted": self.trusted,
            "min_labels": MIN_LABELS,
        }


def case_rows(pack: PolicyPack) -> Iterator[dict[str, Any]]:
    """The pack's cases as labelled rows; a block case without one class is left out."""
    for path in case_files(pack):
        for case in load_cases(path, pack).cases:
            classes = case.classes or (list(pack.class_ids) if len(pack.class_ids) == 1 else [])
            if case.expect == "allow":
                label, cls = "allowed", None
            elif case.expect == "block" and len(classes) == 1:
                label, cls = "prohibited", classes[0]
            else:
                continue
            yield {
                "id": f"case:{case.name}",
                "title": case.title,
                "description": case.description,
                "label": label,
                "class": cls,
                "source": "case",
            }


def for_pack(rows: Iterable[dict[str, Any]], pack: PolicyPack) -> Iterator[dict[str, Any]]:
    """Rows that teach this pack: allowed ones, and prohibited ones of its classes."""
    for row in rows:
        if row.get("label") == "allowed" or row.get("class") in pack.class_ids:
            yield row


def tally(rows: list[dict[str, Any]]) -> PackTraining:
    labels: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for row in rows:
        labels[str(row.get("class") or "allowed")] += 1
        sources[str(row.get("source") or "file")] += 1
    short = {label: n for label, n in labels.items() if n < MIN_LABELS}
    return PackTraining(dict(labels), dict(sources), short)


def write_model_section(pack_file: Path, classes: list[str], trusted: bool) -> None:
    """Replace (or add) the ``model:`` section of pack.yaml; the rest keeps its comments."""
    review, block = TRUSTED if trusted else UNTRUSTED
    lines = [f"model:  # written by `proscribe train --pack`; {'' if trusted else 'NOT '}trusted"]
    lines += [f"  file: {MODEL_FILE}", "  thresholds:"]
    lines += [f"    {c}: {{review: {review}, block: {block}}}" for c in classes]
    text = pack_file.read_text(encoding="utf-8")
    section = re.compile(r"(?ms)^model:.*?(?=^[a-z_]+:|\Z)")
    block_text = "\n".join(lines) + "\n"
    if section.search(text):
        text = section.sub(lambda _: block_text, text, count=1)
    else:
        text = text.rstrip("\n") + "\n" + block_text
    pack_file.write_text(text, encoding="utf-8")
