"""``proscribe spark-scan INPUT OUTPUT``: a catalogue sweep on Apache Spark."""

from __future__ import annotations

import os
import sys
import time
from typing import Annotated

import orjson
import typer

from proscribe.cli.common import DEFAULT_PACK, parse_as_of, parse_jurisdiction, stderr, stdout
from proscribe.errors import Diagnostic, UsageError
from proscribe.policy import load_pack


def spark_scan(
    source: Annotated[str, typer.Argument(help="Catalogue: Parquet (file or folder), JSONL, CSV.")],
    output: Annotated[str, typer.Argument(help="Folder to write the verdicts to (Parquet).")],
    pack: Annotated[str, typer.Option(help="Bundled pack id or pack folder.")] = DEFAULT_PACK,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Decide as of YYYY-MM-DD.")] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Country code for every listing.")
    ] = None,
    master: Annotated[
        str, typer.Option(help="local[*], local[N], spark://host:7077, yarn, k8s://…")
    ] = "local[*]",
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Decide a catalogue on Spark; verdicts as `proscribe scan --out FILE.parquet` writes them.

    Rejected rows go to OUTPUT-rejected (JSON, with code, message and hint). Exits 1 when
    something is blocked, as `scan` does. Then `proscribe enforce --verdicts OUTPUT` applies
    the verdicts through the ledger.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError(
            Diagnostic(
                "PSC-U030",
                "pyspark is not installed",
                None,
                "pip install 'proscribe[spark]' (and Java 17 or newer)",
            )
        ) from None
    from proscribe.spark import sweep

    policy = load_pack(pack)
    date = parse_as_of(as_of)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # no public interface needed
        # Spark's Python workers run this interpreter (with proscribe), not `python3` on PATH;
        # on a cluster, PYSPARK_PYTHON names the executors' one.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    started = time.perf_counter()
    spark = (
        SparkSession.builder.master(master)
        .appName(f"proscribe {policy.id} {policy.revision}")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        summary = sweep(
            spark,
            source,
            output,
            pack=policy,
            as_of=date,
            jurisdiction=parse_jurisdiction(jurisdiction),
        )
    finally:
        spark.stop()
    seconds = time.perf_counter() - started
    for ident, reason in summary.pop("rejects")[:10]:
        stderr.print(
            f"{source}: id {ident}: {reason['code']} {reason['message']}\n"
            f"    hint: {reason['hint']}",
            markup=False,
        )
    record = {**summary, "seconds": round(seconds, 1), "output": output}
    if as_json:
        stdout.out(orjson.dumps(record).decode())
    else:
        decided = sum(summary["decisions"].values())
        parts = ", ".join(f"{k} {v:,}" for k, v in sorted(summary["decisions"].items()))
        stdout.print(
            f"{decided:,} listings decided on {master} in {seconds:.1f} s ({parts}); "
            f"{summary['rejected']:,} rejected; verdicts in {output}",
            markup=False,
        )
    raise typer.Exit(1 if summary["decisions"].get("block") else 0)
