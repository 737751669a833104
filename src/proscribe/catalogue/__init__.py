"""Catalogues in (CSV, JSON Lines, Parquet) and verdicts out (JSON Lines, Parquet)."""

from proscribe.catalogue.reader import Catalogue, Rejected, Row, to_row
from proscribe.catalogue.writer import VerdictWriter, output_format

__all__ = ["Catalogue", "Rejected", "Row", "VerdictWriter", "output_format", "to_row"]
