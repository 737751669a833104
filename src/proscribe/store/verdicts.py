"""Recording scans and their verdicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from proscribe.store.tables import scans, verdicts


class ScanStore:
    """Writes one scan and its verdicts; reads them back by listing."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def begin_scan(
        self,
        *,
        started_at: dt.datetime,
        catalogue: str,
        pack_id: str,
        revision: str,
        pack_digest: str,
        as_of: dt.date,
        jurisdiction: str | None,
    ) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                scans.insert().values(
                    started_at=started_at,
                    catalogue=catalogue,
                    pack_id=pack_id,
                    revision=revision,
                    pack_digest=pack_digest,
                    as_of=as_of,
                    jurisdiction=jurisdiction,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def add_verdicts(self, scan_id: int, rows: list[dict[str, Any]]) -> None:
        if rows:
            with self.engine.begin() as conn:
                conn.execute(verdicts.insert(), [{"scan_id": scan_id, **row} for row in rows])

    def finish_scan(
        self,
        scan_id: int,
        *,
        finished_at: dt.datetime,
        scanned: int,
        rejected: int,
        blocked: int,
        reviewed: int,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                scans.update()
                .where(scans.c.id == scan_id)
                .values(
                    finished_at=finished_at,
                    scanned=scanned,
                    rejected=rejected,
                    blocked=blocked,
                    reviewed=reviewed,
                )
            )

    def verdicts_for(self, listing_id: str) -> list[dict[str, Any]]:
        query = (
            sa.select(verdicts.c.scan_id, verdicts.c.decision, verdicts.c.record)
            .where(verdicts.c.listing_id == listing_id)
            .order_by(verdicts.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def scan(self, scan_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(scans).where(scans.c.id == scan_id)).first()
            return dict(row._mapping) if row else None

    def count_verdicts(self, scan_id: int) -> int:
        query = (
            sa.select(sa.func.count()).select_from(verdicts).where(verdicts.c.scan_id == scan_id)
        )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())
