"""Read verdict records back (the output of ``proscribe scan --out``), checking each row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from proscribe.catalogue.reader import Rejected
from proscribe.catalogue.writer import output_format
from proscribe.errors import CatalogueError, Diagnostic, Location

REQUIRED = (
    "id",
    "decision",
    "classes",
    "evidence",
    "evasion",
    "reason",
    "pack",
    "revision",
    "as_of",
    "phase",
)


def read_verdicts(path: Path) -> Iterator[dict[str, Any] | Rejected]:
    """Verdict records of a JSON Lines or Parquet file, or of a folder of Parquet parts (a
    Spark sweep's output); malformed rows come out rejected."""
    if path.is_dir():
        parts = sorted(path.glob("*.parquet"))
        if not parts:
            raise CatalogueError(
                Diagnostic(
                    "PSC-C001",
                    "cannot read the verdicts: the folder holds no .parquet files",
                    Location(str(path)),
                    "give the OUTPUT folder of `proscribe spark-scan` or a scan's --out file",
                )
            )
        for part in parts:
            yield from _parquet(part)
        return
    if not path.is_file():
        raise CatalogueError(
            Diagnostic(
                "PSC-C001",
                "cannot read the verdicts: no such file",
                Location(str(path)),
                "give the --out file of a scan",
            )
        )
    if output_format(path) == "jsonl":
        yield from _jsonl(path)
    else:
        yield from _parquet(path)


def _jsonl(path: Path) -> Iterator[dict[str, Any] | Rejected]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield Rejected(
                    number,
                    None,
                    "PSC-C007",
                    f"not valid JSON: {exc}",
                    "each line must be one verdict record",
                )
                continue
            yield _checked(record, number)


def _parquet(path: Path) -> Iterator[dict[str, Any] | Rejected]:
    import pyarrow.parquet as pq

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=4096):
        for record in batch.to_pylist():
            number += 1
            yield _checked(record, number)


def _checked(record: Any, number: int) -> dict[str, Any] | Rejected:
    if not isinstance(record, dict):
        return Rejected(
            number, None, "PSC-C012", "not a verdict record", "give a scan's --out file"
        )
    missing = [k for k in REQUIRED if k not in record]
    if missing:
        return Rejected(
            number,
            str(record.get("id")),
            "PSC-C012",
            f"verdict record lacks {', '.join(missing)}",
            "give the --out file of `proscribe scan`",
        )
    return record
