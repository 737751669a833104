"""The per-listing budget: how much of a listing proscribe reads, and how much evidence it keeps.

One set of numbers for every edge — the catalogue reader, the library (``Engine``) and the
HTTP API — so that a listing accepted by one is accepted by all, and the work spent on one
listing is bounded whatever a seller writes:

* a catalogue row or API request over a field limit is rejected (``PSC-C010``, 422);
* the engine reads the first ``MAX_TITLE`` characters of a title and ``MAX_READ`` of a
  description; past them it decides on what it read, with the note ``PSC-B001``, and never
  allows what it did not read: such a listing goes to review at least;
* each flagged class keeps its ``MAX_EVIDENCE`` strongest spans; the verdict record counts
  the rest under ``evidence_omitted``.
"""

from __future__ import annotations

#: Longest listing id, in characters.
MAX_ID = 256
#: Longest title, in characters.
MAX_TITLE = 10_000
#: Longest description, in characters.
MAX_DESCRIPTION = 1_000_000
#: How much of a description the engine reads: past it, a listing is decided on its first
#: ``MAX_READ`` characters (note ``PSC-B001``) and, if nothing there is prohibited, sent to
#: review rather than allowed — a person reads what the engine did not.
MAX_READ = 100_000
#: Longest short text field (category, seller id, currency, country, listed_at).
MAX_SHORT = 1_000
#: Longest request body the HTTP API reads, declared or chunked (413 past it): room for one
#: listing at every field limit even in JSON's six-byte ``\uXXXX`` escapes.
MAX_BODY = 8 * 1024 * 1024
#: Longest line of a CSV or JSON Lines catalogue, in bytes: a cell that runs past it (an
#: unbalanced quote) is rejected with its row, and reading resumes at the next line.
MAX_LINE_BYTES = 4 * 1024 * 1024
#: Matches of one expression in one field that detection weighs; later ones are not read
#: (the signal already counts: noisy-or counts each signal once). Hitting it adds ``PSC-B002``.
MAX_MATCHES = 64
#: Physical lines one CSV record may span (a quoted cell holding line breaks); a quote left
#: open longer than that is a runaway: its row is rejected and reading resumes after it.
MAX_CSV_ROW_LINES = 200
#: Evidence spans kept per flagged class (the strongest; the classifier's tokens come on
#: top); the rest are only counted.
MAX_EVIDENCE = 32

#: The text fields the engine reads, with how much of each it reads.
TEXT_LIMITS = {"title": MAX_TITLE, "description": MAX_READ}
#: Every optional short field, with its limit.
SHORT_FIELDS = ("category", "seller_id", "currency", "country", "listed_at")
