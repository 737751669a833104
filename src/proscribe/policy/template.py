"""``proscribe pack new ID``: a commented starting pack that passes `pack check` and `test`.

The template is a small but complete ban — one class, a penalty ladder, an evasion step,
cases that block, review and allow — with every section of pack.yaml explained, so a
compliance engineer edits words and dates instead of starting from a blank file.
``--from ID`` starts from a bundled pack instead (its files, under the new id).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from proscribe.errors import Diagnostic, Location, UsageError
from proscribe.policy.countries import country_hint, is_country
from proscribe.policy.pack import BUNDLED, bundled_pack_ids

TEMPLATES = ("listing-ban",)

PACK = """\
# {title}
# Written with `proscribe pack new`. Check it with `proscribe pack check {folder}` and run its
# cases with `proscribe test {folder}`; every key is described in docs/policy-packs.md.

# --- what the pack is ------------------------------------------------------------------
id: {id}                 # lower-case; every verdict, strike and audit event names it
revision: "{today}.1"     # bump on every change: one revision string, one content
title: "{title}"
summary: >
  Say in a paragraph what is banned, where, from when, and what happens to sellers.
sources:                           # the legal texts the pack implements
  - title: The regulator's notice (replace with its real title)
    issuer: The regulator
    date: {today}
    # url: https://…

# --- where and when ----------------------------------------------------------------------
jurisdictions: [{jurisdictions}]   # ISO 3166-1 alpha-2 codes (GB, not UK) or "*" for everywhere
unknown_jurisdiction: apply        # a listing with no country: apply the pack, or skip it
phases:
  announced: {today}               # informative
  effective: {today}               # from here: blocked listings are removed, with a notice
  enforced: {enforced}             # from here: each blocked listing still up strikes its seller
  # withdrawn: YYYY-MM-DD          # from here nothing is blocked; `proscribe reinstate` lifts it

# --- what is prohibited ------------------------------------------------------------------
classes:                           # one file per prohibited class
  - {class_id}.yaml
closed_categories:                 # categories the ban closes: at least review, usually block
  - id: banned-goods
    path: Example > Banned Goods   # as your catalogue writes it
    aliases: [Banned Goods]
    class: {class_id}
exemptions:                        # harmless contexts that veto weak findings of every class
  - id: toys-and-replicas
    description: Toys, replicas and pictures of the item are not the item.
    words:
      en: [toy, replica, poster, sticker]
    vetoes_below: 0.9              # findings weaker than this are vetoed; stronger ones stand

# --- what happens to sellers (the enforcement ledger applies it) ------------------------
enforcement:
  strike_expiry_days: 365          # a strike counts for a year
  ladder:                          # standing by active strikes, mildest first
    - {{at_strikes: 1, step: warned}}
    - {{at_strikes: 2, step: listings-removed}}
    - {{at_strikes: 3, step: store-restricted}}
    - {{at_strikes: 5, step: store-blocked}}
  evasion:                         # a strike for a disguised or misplaced listing goes
    signals: [obfuscated, misplaced]   # straight to this step
    step: store-blocked

# --- optional sections ---------------------------------------------------------------------
# access:      account actions by jurisdiction and phase (see the bundled
#              cn-exchange-offboarding-2021 for a complete example)
# model:       a trained classifier and its thresholds (`proscribe train --pack {folder}`)
# overrides:   per-country override files (docs/revisions.md#country-overrides)
"""

CLASS = """\
# One prohibited class. Words are matched on normalised text (case, accents, look-alike
# letters, invisible characters and Traditional Chinese are folded for you): write them plainly.
id: {class_id}
title: The banned item (replace with what the notice bans)
description: >
  What falls in the class and what does not.
thresholds: {{review: 0.5, block: 0.8}}   # class score at which a listing is reviewed / blocked
expected_categories: [Banned Goods]      # flagged elsewhere, a listing is `misplaced` (evasion)
signals:
  - id: names
    description: What the item is called, by sellers and buyers.
    weight: 0.85                         # strong: blocks on its own (≥ 0.8), yet an
                                         # exemption (vetoes_below: 0.9) still vetoes it
    words:
      en: [banned widget, banned widgets, forbidden widget]
  - id: parts
    description: Parts sold for the item (weaker, so review).
    weight: 0.6
    words:
      en: [widget cartridge, widget refill]
  - id: bulk
    description: Context used by the rule below (no weight).
    patterns: ['\\b\\d+\\s?(?:pcs|pack|units)\\b']
rules:
  - id: parts-in-bulk
    all: [parts, bulk]                   # every part found: the rule adds its weight
    weight: 0.85
"""

CASES = """\
# Named examples with the verdict they must get: `proscribe test {folder}` runs them.
defaults: {{as_of: {enforced}, jurisdiction: {first}}}
cases:
  - {{name: named, title: "Banned widget, brand new", expect: block, classes: [{class_id}]}}
  - {{name: disguised, title: "B4nned w1dget, brand new", expect: block, evasion: [obfuscated]}}
  - {{name: part, title: "Widget refill", expect: review, classes: [{class_id}]}}
  - {{name: parts-in-bulk, title: "Widget refill 10 pack", expect: block}}
  - {{name: toy, title: "Banned widget toy replica", expect: allow}}
  - {{name: unrelated, title: "Garden hose 20 m", expect: allow}}
  - {{name: before, title: "Banned widget, brand new", as_of: {before}, expect: allow}}
"""


def new_pack(
    folder: Path, pack_id: str, *, template: str, jurisdictions: list[str], today: dt.date
) -> list[Path]:
    """Write a starting pack into ``folder`` (which must not exist); the files written."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", pack_id):
        raise _usage(f"'{pack_id}' is not a pack id", "lower-case letters, digits, '.', '_', '-'")
    if folder.exists():
        raise _usage(f"{folder} exists already", "choose another --dir, or remove it")
    wrong = [p for p in jurisdictions if not is_country(p)]
    if wrong:
        raise _usage(f"'{wrong[0]}' is not an ISO 3166-1 alpha-2 code", country_hint(wrong[0]))
    if template in bundled_pack_ids():
        return _copy(BUNDLED / template, folder, pack_id)
    if template not in TEMPLATES:
        choices = ", ".join([*TEMPLATES, *bundled_pack_ids()])
        raise _usage(f"no template '{template}'", f"use one of: {choices}")
    return _write(folder, pack_id, jurisdictions, today)


def _write(folder: Path, pack_id: str, places: list[str], today: dt.date) -> list[Path]:
    class_id = "banned-goods"
    values = {
        "id": pack_id,
        "title": f"{pack_id} - what the regulator bans (replace this title)",
        "folder": folder.name,
        "today": today.isoformat(),
        "enforced": (today + dt.timedelta(days=14)).isoformat(),
        "before": (today - dt.timedelta(days=1)).isoformat(),
        "jurisdictions": ", ".join(f'"{p}"' if p == "*" else p for p in places),
        "first": places[0] if places[0] != "*" else "GB",
        "class_id": class_id,
    }
    folder.mkdir(parents=True)
    files = {
        "pack.yaml": PACK,
        f"{class_id}.yaml": CLASS,
        f"{class_id}.cases.yaml": CASES,
    }
    written = []
    for name, text in files.items():
        (folder / name).write_text(text.format(**values), encoding="utf-8")
        written.append(folder / name)
    return written


def _copy(source: Path, folder: Path, pack_id: str) -> list[Path]:
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("__pycache__"))
    pack = folder / "pack.yaml"
    text = pack.read_text(encoding="utf-8")
    pack.write_text(re.sub(r"(?m)^id: .*$", f"id: {pack_id}", text, count=1), encoding="utf-8")
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _usage(message: str, hint: str) -> UsageError:
    return UsageError(Diagnostic("PSC-U052", message, Location("pack new"), hint))
