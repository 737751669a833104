from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from proscribe.catalogue import Catalogue, Rejected
from proscribe.errors import CatalogueError
from proscribe.types import Listing


def _rows(path: Path) -> list[Listing | Rejected]:
    return list(Catalogue(path))


def test_jsonl_rows_become_listings_and_extra_columns_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": 1, "title": "Antminer", "price": "12.5", "colour": "red"}\n\n'
        '{"id": "b", "title": "Pan", "seller_id": "s1", "category": "Home"}\n'
    )
    first, second = _rows(path)
    assert first == Listing("1", "Antminer", price=12.5)
    assert second == Listing("b", "Pan", category="Home", seller_id="s1")


def test_malformed_jsonl_rows_are_rejected_with_row_number_and_id(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        b'{"id": "ok", "title": "fine"}\n'
        b'{"id": "no-title", "title": "  "}\n'
        b'{"id": "cut", "title": "trunc\n'
        b'{"id": "enc", "title": "bad \xff\xfe"}\n'
        b'["not", "an", "object"]\n'
        b'{"title": "no id"}\n'
        b'{"id": "p", "title": "t", "price": "cheap"}\n'
    )
    rows = _rows(path)
    assert isinstance(rows[0], Listing)
    rejected = [r for r in rows if isinstance(r, Rejected)]
    assert [(r.row, r.id, r.code) for r in rejected] == [
        (2, "no-title", "PSC-C009"),
        (3, None, "PSC-C007"),
        (4, None, "PSC-C006"),
        (5, None, "PSC-C007"),
        (6, None, "PSC-C009"),
        (7, "p", "PSC-C011"),
    ]
    assert all(r.hint for r in rejected)


def test_huge_title_is_rejected_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "big", "title": "' + "x" * 1_048_576 + '"}\n{"id": "ok", "title": "t"}\n'
    )
    big, ok = _rows(path)
    assert isinstance(big, Rejected) and big.code == "PSC-C010" and "1,048,576" in big.message
    assert isinstance(ok, Listing)


def test_csv_with_quoted_newlines_and_bad_encoding(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b'id,title,description\n1,"Antminer, S19","two\nlines"\n2,bad \xff,x\n3,,x\n')
    first, second, third = _rows(path)
    assert first == Listing("1", "Antminer, S19", "two\nlines")
    assert isinstance(second, Rejected) and second.code == "PSC-C006" and second.id == "2"
    assert isinstance(third, Rejected) and third.code == "PSC-C009" and third.row == 5


def test_csv_without_title_column_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,name\n1,Antminer\n")
    with pytest.raises(CatalogueError) as caught:
        _rows(path)
    assert caught.value.code == "PSC-C003"
    assert "missing required column(s): title" in str(caught.value)
    assert "the columns found are: id, name" in str(caught.value)


def test_parquet_is_read_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": ["1", "2"], "title": ["Antminer", None], "extra": [1, 2]}), path)
    first, second = _rows(path)
    assert first == Listing("1", "Antminer")
    assert isinstance(second, Rejected) and second.row == 2


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("c.xlsx", b"", "PSC-C002"),
        ("empty.jsonl", b"", "PSC-C004"),
        ("header-only.csv", b"id,title\n", "PSC-C004"),
        ("broken.parquet", b"not parquet", "PSC-C005"),
    ],
)
def test_unusable_catalogues_raise_coded_errors(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CatalogueError) as caught:
        _rows(path)
    assert caught.value.code == code


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        Catalogue(tmp_path / "nope.jsonl")
    assert caught.value.code == "PSC-C001"
