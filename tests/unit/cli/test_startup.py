"""Start-up: importing proscribe and its CLI pulls in none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer import _click as click  # typer 0.29 carries its own click

from proscribe.cli.lazy import COMMANDS, load

HEAVY = ("sklearn", "scipy", "matplotlib", "fastapi", "uvicorn", "pyspark", "redis", "skops")


@pytest.mark.parametrize("statement", ["import proscribe", "import proscribe.cli.app"])
def test_importing_loads_no_heavy_library(statement: str) -> None:
    probe = f"import sys; {statement}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_deciding_loads_neither_scikit_learn_nor_scipy() -> None:
    probe = (
        "import sys, datetime as dt; from proscribe import Engine, Listing, load_pack; "
        "e = Engine(load_pack('cn-crypto-mining-2021')); "
        "e.decide(Listing('1', 'Antminer S19 95TH'), as_of=dt.date(2021, 10, 20)); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize(("name", "summary"), [(c[0], c[3]) for c in COMMANDS])
def test_each_listed_summary_is_the_commands_own_help(name: str, summary: str) -> None:
    command = load(name)
    assert isinstance(command, click.Command) and command.name == name
    assert (command.help or "").split("\n\n")[0].strip() == summary


def test_explain_loads_no_database_layer_and_no_pypinyin_once_cached() -> None:
    """`explain` needs the pack and the engine: no SQLAlchemy, and, once the disk cache holds
    the pack's pinyin spellings (the first run fills it), no pypinyin either."""
    probe = (
        "import sys; sys.argv = ['proscribe', 'explain', 'Antminer S19 95TH']\n"
        "from proscribe.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'pypinyin', 'sklearn', 'scipy')"
        " if m in sys.modules), file=sys.stderr)"
    )
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr
