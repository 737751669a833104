"""Catalogue sweeps on Apache Spark: ``scan(df, pack=…, as_of=…)`` → a DataFrame of verdicts.

The pack folder is shipped to the executors (``SparkContext.addFile``); each executor's Python
worker builds the engine once (cached by the pack's digest) and decides Arrow record batches
(``mapInArrow``), so rows never pass through Python one Spark ``Row`` at a time. The verdict
columns are those of ``proscribe scan --out FILE.parquet``; a row that is not a listing comes
back with only ``id`` and ``rejected`` (its code, message and hint as JSON) set — nothing is
dropped. pyspark is an optional dependency (``pip install 'proscribe[spark]'``, Java 17+).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from proscribe.catalogue import Rejected
from proscribe.catalogue.reader import to_row
from proscribe.catalogue.writer import verdict_schema
from proscribe.decide import Engine
from proscribe.errors import CatalogueError, Diagnostic
from proscribe.policy import PolicyPack, load_pack
from proscribe.types import Listing

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

#: The listing columns a catalogue DataFrame may have (``id`` and ``title`` are required).
COLUMNS = ("id", "title", "description", "category", "seller_id", "price", "currency",
           "country", "listed_at")  # fmt: skip

_ENGINES: dict[str, Engine] = {}  # per executor process, by pack digest


def output_schema() -> Any:
    """The verdict schema plus ``rejected`` (null for a decided listing)."""
    import pyarrow as pa

    return verdict_schema().append(pa.field("rejected", pa.string()))


def scan(
    df: DataFrame,
    *,
    pack: str | Path | PolicyPack,
    as_of: dt.date,
    jurisdiction: str | None = None,
) -> DataFrame:
    """Decide every row of ``df`` under ``pack``; one verdict row per input row."""
    from pyspark import SparkFiles
    from pyspark.sql.pandas.types import from_arrow_schema

    policy = pack if isinstance(pack, PolicyPack) else load_pack(pack)
    missing = [c for c in ("id", "title") if c not in df.columns]
    if missing:
        raise CatalogueError(
            Diagnostic(
                "PSC-C002",
                f"the catalogue has no {' or '.join(missing)} column",
                None,
                f"its columns are {', '.join(df.columns)}; every listing needs id and title",
            )
        )
    spark = df.sparkSession
    spark.sparkContext.addFile(str(policy.path), recursive=True)
    folder, digest = policy.path.name, policy.digest
    where = jurisdiction.upper() if jurisdiction else None
    wanted = [c for c in COLUMNS if c in df.columns]
    schema = output_schema()

    def decide(batches: Iterator[Any]) -> Iterator[Any]:
        engine = _engine(SparkFiles.get(folder), digest)
        for batch in batches:
            yield decide_batch(engine, batch.to_pylist(), as_of, where, schema)

    frame = df.select(*wanted)
    cores = spark.sparkContext.defaultParallelism
    if frame.rdd.getNumPartitions() < cores:  # e.g. one Parquet row group: give every core work
        frame = frame.repartition(cores)
    return frame.mapInArrow(decide, from_arrow_schema(schema))


def _engine(folder: str, digest: str) -> Engine:
    engine = _ENGINES.get(digest)
    if engine is None:
        engine = _ENGINES[digest] = Engine(load_pack(folder))
    return engine


def decide_batch(
    engine: Engine,
    rows: list[dict[str, Any]],
    as_of: dt.date,
    jurisdiction: str | None,
    schema: Any,
) -> Any:
    """One Arrow batch of verdict rows (rejected rows last) for one batch of input rows."""
    import pyarrow as pa

    listings: list[Listing] = []
    rejected: list[dict[str, Any]] = []
    for row in rows:
        found = to_row(row, 0)
        if isinstance(found, Rejected):
            reason = {"code": found.code, "message": found.message, "hint": found.hint}
            rejected.append({"id": found.id, "rejected": orjson.dumps(reason).decode()})
        else:
            listings.append(found)
    verdicts = engine.decide_batch(listings, as_of=as_of, jurisdiction=jurisdiction)
    records = [v.to_record() | {"rejected": None} for v in verdicts]
    return pa.RecordBatch.from_pylist(records + rejected, schema=schema)


def read_catalogue(spark: Any, path: str) -> DataFrame:
    """A catalogue as a DataFrame: Parquet (file or folder), JSON Lines or CSV, by extension."""
    lowered = path.lower().rstrip("/")
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        frame: DataFrame = spark.read.json(path)
    elif lowered.endswith(".csv"):
        frame = spark.read.option("header", True).option("multiLine", True).csv(path)
    else:
        frame = spark.read.parquet(path)
    return frame


def sweep(
    spark: Any,
    source: str,
    output: str,
    *,
    pack: PolicyPack,
    as_of: dt.date,
    jurisdiction: str | None,
) -> dict[str, Any]:
    """Read ``source``, decide it, write verdicts to ``output`` (Parquet, the scan's schema)
    and rejected rows to ``output``-rejected; the counts by decision and of rejected rows."""
    from pyspark import StorageLevel
    from pyspark.sql import functions

    decided = scan(read_catalogue(spark, source), pack=pack, as_of=as_of, jurisdiction=jurisdiction)
    decided = decided.persist(StorageLevel.DISK_ONLY)  # computed once, written twice
    try:
        good = decided.filter(functions.col("rejected").isNull()).drop("rejected")
        good.write.mode("errorifexists").parquet(output)
        bad = decided.filter(functions.col("rejected").isNotNull()).select("id", "rejected")
        rejects = [(r["id"], orjson.loads(r["rejected"])) for r in bad.limit(1000).collect()]
        rejected = bad.count()
        if rejected:
            bad.write.mode("errorifexists").json(f"{output.rstrip('/')}-rejected")
        counts = {r["decision"]: r["count"] for r in good.groupBy("decision").count().collect()}
    finally:
        decided.unpersist()
    return {"decisions": counts, "rejected": rejected, "rejects": rejects}
