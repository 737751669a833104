"""Scanning a catalogue: read, decide on all cores, write, store, summarise."""

from proscribe.scan.runner import ChunkResult, ScanOptions, ScanResult, StoredVerdict, scan_rows
from proscribe.scan.summary import Summary

__all__ = ["ChunkResult", "ScanOptions", "ScanResult", "StoredVerdict", "Summary", "scan_rows"]
