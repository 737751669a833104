"""Shared fixtures: the bundled pack and its engine, and a runner for the real CLI."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

# Compiled pattern databases go to a throw-away cache, not the developer's home.
os.environ.setdefault("PROSCRIBE_CACHE_DIR", tempfile.mkdtemp(prefix="proscribe-cache-"))

from proscribe import Engine, Listing, PolicyPack, Verdict, load_pack
from proscribe.policy.pack import BUNDLED

PACK_ID = "cn-crypto-mining-2021"
ENFORCED = dt.date(2021, 10, 20)
REPO = Path(__file__).resolve().parent.parent
DEV_DATA = REPO.parent / "shared" / "data" / "dev"


def edit_text(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file by ``new``; fail loudly if the fixture drifted."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


DOMESTIC = """id: cn-domestic
title: The domestic site (mainland China) enforces sooner and blocks tutorials sooner
jurisdictions: [CN]
priority: 20
phases: {enforced: 2021-10-10}
classes:
  crypto-tutorials:
    thresholds: {review: 0.3, block: 0.5}
"""
WHOLESALE = """id: hk-wholesale
title: The wholesale site in Hong Kong bans mining machines only
jurisdictions: [HK]
priority: 10
classes:
  crypto-tutorials: {applies: false}
  virtual-currency: {applies: false}
  mining-software: {applies: false}
  mining-accessories: {applies: false}
"""


def overridden_pack(folder: Path) -> Path:
    """The bundled pack with two country overrides: a domestic (CN) one that tightens, a
    wholesale (HK) one that loosens and extends the pack to HK."""
    shutil.copytree(BUNDLED / PACK_ID, folder)
    with (folder / "pack.yaml").open("a", encoding="utf-8") as out:
        out.write("overrides: [wholesale.override.yaml, domestic.override.yaml]\n")
    (folder / "domestic.override.yaml").write_text(DOMESTIC, encoding="utf-8")
    (folder / "wholesale.override.yaml").write_text(WHOLESALE, encoding="utf-8")
    return folder


def next_revision(tmp_path: Path) -> Path:
    """Hardware blocks only when certain; tutorials reviewed sooner; bare coins blocked."""
    pack = tmp_path / "next"
    shutil.copytree(BUNDLED / PACK_ID, pack)
    edit_text(pack / "pack.yaml", 'revision: "2021.10.1"', 'revision: "2021.11.1"')
    edit_text(
        pack / "mining-hardware.yaml",
        "thresholds: {review: 0.5, block: 0.8}",
        "thresholds: {review: 0.5, block: 0.99}",
    )
    edit_text(
        pack / "pack.yaml", "crypto-tutorials: {review: 0.35", "crypto-tutorials: {review: 0.1"
    )
    edit_text(
        pack / "virtual-currency.yaml",
        "thresholds: {review: 0.5, block: 0.8}",
        "thresholds: {review: 0.3, block: 0.35}",
    )
    return pack


@pytest.fixture(scope="session")
def pack() -> PolicyPack:
    return load_pack(PACK_ID)


@pytest.fixture(scope="session")
def engine(pack: PolicyPack) -> Engine:
    return Engine(pack)


@pytest.fixture(scope="session")
def decide(engine: Engine) -> Callable[..., Verdict]:
    def run(
        title: str, *, as_of: dt.date = ENFORCED, jurisdiction: str | None = "CN", **fields: str
    ) -> Verdict:
        return engine.decide(Listing("t", title, **fields), as_of=as_of, jurisdiction=jurisdiction)

    return run


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``proscribe`` as a real process; returns the completed process (never raises)."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "proscribe", *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=600,
            check=False,
        )

    return run


def pg_url() -> str | None:
    url = os.environ.get("PROSCRIBE_TEST_PG_URL")
    if url is None and os.environ.get("PROSCRIBE_REQUIRE_PG"):
        pytest.fail("PROSCRIBE_REQUIRE_PG is set but PROSCRIBE_TEST_PG_URL is not")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or the test PostgreSQL server with a fresh schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'proscribe.db'}"
        return
    url = pg_url()
    if url is None:
        pytest.skip("set PROSCRIBE_TEST_PG_URL to run against PostgreSQL (.ci/run does)")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    yield url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throw-away Redis server (Debian's redis-server) on a free loopback port."""
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("PROSCRIBE_REQUIRE_REDIS"):
            pytest.fail("PROSCRIBE_REQUIRE_REDIS is set but redis-server is not installed")
        pytest.skip("redis-server is not installed (Debian: redis-server; .ci/run installs it)")
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def require_spark() -> None:
    """Skip without pyspark or Java (fail instead where CI sets PROSCRIBE_REQUIRE_SPARK)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing = "pyspark"
    else:
        missing = "" if shutil.which("java") else "java"
    if missing and os.environ.get("PROSCRIBE_REQUIRE_SPARK"):
        pytest.fail(f"PROSCRIBE_REQUIRE_SPARK is set but {missing} is missing")
    if missing:
        pytest.skip(f"{missing} is not installed (pip install '.[spark]', Java 17+)")
