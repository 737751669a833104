"""Hostile catalogues: no row swallowed, none dropped silently, never a crash."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from proscribe.catalogue import Catalogue, Rejected
from proscribe.limits import MAX_CSV_ROW_LINES, MAX_ID, MAX_LINE_BYTES
from proscribe.types import Listing


def _rows(path: Path) -> list[Listing | Rejected]:
    return list(Catalogue(path))


def test_an_unbalanced_quote_costs_one_row_not_every_row_after_it(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    rows = "".join(f"{i},Antminer S19 number {i}\n" for i in range(3, 3 + 2 * MAX_CSV_ROW_LINES))
    path.write_text('id,title\n1,fine\n2,"runaway quote\n' + rows)
    out = _rows(path)
    assert out[0] == Listing("1", "fine")
    bad = out[1]
    assert isinstance(bad, Rejected) and bad.code == "PSC-C017" and bad.row == 3
    assert "quote" in bad.hint
    listings = [r for r in out[2:] if isinstance(r, Listing)]
    assert len(listings) == 2 * MAX_CSV_ROW_LINES  # every later row is read on its own
    assert listings[0] == Listing("3", "Antminer S19 number 3")


def test_a_quote_left_open_at_the_end_of_the_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('id,title\n1,"open\n2,two\n3,three\n')
    out = _rows(path)
    assert isinstance(out[0], Rejected) and out[0].code == "PSC-C017"
    assert out[1:] == [Listing("2", "two"), Listing("3", "three")]


def test_quoted_line_breaks_within_the_limit_stay_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('id,title,description\n1,t,"' + "line\n" * 50 + '"\n2,u,\n')
    first, second = _rows(path)
    assert isinstance(first, Listing) and first.description == ("line\n" * 50).strip()
    assert second == Listing("2", "u")


def test_a_line_over_the_byte_limit_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    for name, big in (
        ("c.csv", "1,x" + "y" * MAX_LINE_BYTES),
        ("c.jsonl", "{" + " " * MAX_LINE_BYTES),
    ):
        path = tmp_path / name
        header = "id,title\n" if name.endswith(".csv") else ""
        ok = "2,ok\n" if name.endswith(".csv") else '{"id": 2, "title": "ok"}\n'
        path.write_text(header + big + "\n" + ok)
        bad, good = _rows(path)
        assert isinstance(bad, Rejected) and bad.code == "PSC-C016"
        assert good == Listing("2", "ok")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xef\xbb\xbfid,title\n1,Antminer\n")
    assert _rows(path) == [Listing("1", "Antminer")]


def test_ids_must_be_text_or_whole_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": {"a": 1}, "title": "t"}\n{"id": [1], "title": "t"}\n{"id": true, "title": "t"}\n'
        '{"id": 1.5, "title": "t"}\n{"id": 7, "title": "t"}\n'
        f'{{"id": "{"x" * (MAX_ID + 1)}", "title": "t"}}\n'
    )
    rows = _rows(path)
    assert [r.code for r in rows[:4] if isinstance(r, Rejected)] == ["PSC-C021"] * 4
    assert rows[4] == Listing("7", "t")
    assert isinstance(rows[5], Rejected) and rows[5].code == "PSC-C010"


def test_duplicate_ids_are_reported_the_first_decides(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,title\nD3,first\n D3,second\nD3 ,third\nD4,other\n")
    rows = _rows(path)
    assert rows[0] == Listing("D3", "first") and rows[3] == Listing("D4", "other")
    for dup in rows[1:3]:
        assert isinstance(dup, Rejected) and dup.code == "PSC-C015" and dup.id == "D3"
        assert "row 2" in dup.message and "whitespace" in dup.message


def test_nul_characters_are_removed_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "n\\u0000", "title": "Ant\\u0000miner", "seller_id": "s\\u0000"}\n')
    source = Catalogue(path)
    assert list(source) == [Listing("n", "Antminer", seller_id="s")]
    (notice,) = source.notices
    assert notice.code == "PSC-C018" and "id, seller_id, title" in notice.message
    csv_path = tmp_path / "c.csv"
    csv_path.write_bytes(b"id,title\nx\x00,An\x00t\n")
    assert list(Catalogue(csv_path)) == [Listing("x", "Ant")]


def test_a_corrupt_parquet_row_group_rejects_its_rows_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    table = pa.table({"id": [str(i) for i in range(300)], "title": ["t" * 50] * 300})
    pq.write_table(table, path, row_group_size=100, compression="NONE")
    meta = pq.ParquetFile(path).metadata
    column = meta.row_group(1).column(1)
    start = column.data_page_offset
    data = bytearray(path.read_bytes())
    data[start + 20 : start + 60] = b"\xff" * 40  # inside row group 1's title page
    path.write_bytes(bytes(data))
    rows = _rows(path)
    assert len(rows) == 300
    bad = [r for r in rows if isinstance(r, Rejected)]
    assert bad and {r.code for r in bad} == {"PSC-C019"}
    assert all("row group 1" in r.message for r in bad)
    assert sum(isinstance(r, Listing) for r in rows) == 200
