"""Synthetic data written by the project (sample catalogue, benchmark input)."""
