"""Write verdict records as JSON Lines or Parquet, chunk by chunk (memory stays flat)."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import orjson

from proscribe.errors import Diagnostic, Location, UsageError

OUTPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def verdict_schema() -> Any:
    """The Arrow schema of a verdict record (the same fields as the JSON Lines output)."""
    import pyarrow as pa

    evidence = pa.struct(
        [
            ("class", pa.string()),
            ("rule", pa.string()),
            ("kind", pa.string()),
            ("term", pa.string()),
            ("field", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("weight", pa.float64()),
            ("tricks", pa.list_(pa.string())),
        ]
    )
    evasion = pa.struct(
        [
            ("signal", pa.string()),
            ("class", pa.string()),
            ("detail", pa.string()),
            ("field", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
        ]
    )
    adjustment = pa.struct(
        [
            ("kind", pa.string()),
            ("class", pa.string()),
            ("rule", pa.string()),
            ("by", pa.string()),
            ("reason", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("id", pa.string()),
            ("decision", pa.string()),
            ("classes", pa.list_(pa.string())),
            ("score", pa.float64()),
            ("scores", pa.map_(pa.string(), pa.float64())),
            ("probabilities", pa.map_(pa.string(), pa.float64())),
            ("evidence", pa.list_(evidence)),
            ("evasion", pa.list_(evasion)),
            ("adjustments", pa.list_(adjustment)),
            ("reason", pa.string()),
            ("notes", pa.list_(pa.string())),
            ("pack", pa.string()),
            ("revision", pa.string()),
            ("as_of", pa.string()),
            ("jurisdiction", pa.string()),
            ("phase", pa.string()),
            ("seller_id", pa.string()),
            ("category", pa.string()),
            ("evidence_omitted", pa.map_(pa.string(), pa.int64())),
        ]
    )


def output_format(path: Path) -> str:
    fmt = OUTPUT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            Diagnostic(
                "PSC-U002",
                f"cannot write verdicts as '{path.suffix}'",
                Location(str(path)),
                "name the output .jsonl or .parquet",
            )
        )
    return fmt


class VerdictWriter:
    """Appends verdict records to a file; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.format = output_format(path)
        self._handle: BinaryIO | None = None
        self._parquet: Any = None

    def __enter__(self) -> VerdictWriter:
        try:
            if self.format == "jsonl":
                self._handle = self.path.open("wb")
            else:
                import pyarrow.parquet as pq

                self._parquet = pq.ParquetWriter(self.path, verdict_schema())
        except OSError as exc:
            raise UsageError(
                Diagnostic(
                    "PSC-U003",
                    f"cannot write the output: {exc.strerror}",
                    Location(str(self.path)),
                    "check that the folder exists and is writable",
                )
            ) from exc
        return self

    def write(self, lines: list[bytes]) -> None:
        """Append verdicts given as JSON lines (each ending in a newline)."""
        if not lines:
            return
        if self._handle is not None:
            self._handle.write(b"".join(lines))
        else:
            import pyarrow as pa

            records = [orjson.loads(line) for line in lines]
            self._parquet.write_table(pa.Table.from_pylist(records, schema=verdict_schema()))

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._handle is not None:
            self._handle.close()
        if self._parquet is not None:
            self._parquet.close()
