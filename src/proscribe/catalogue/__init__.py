"""Catalogues in (CSV, JSON Lines, Parquet) and verdicts out (JSON Lines, Parquet)."""

from proscribe.catalogue.reader import Catalogue, Rejected, Row, from_json_line, to_row
from proscribe.catalogue.writer import VerdictWriter, output_format

__all__ = [
    "Catalogue",
    "Rejected",
    "Row",
    "VerdictWriter",
    "from_json_line",
    "output_format",
    "to_row",
]
