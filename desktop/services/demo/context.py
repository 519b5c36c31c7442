"""The builder's shared machinery: run state, progress and cancel, id allocation, bulk inserts.

Every stage mixin derives from :class:`BuilderContext`. Rows are written with Core bulk inserts on
the session's connection and primary keys are allocated here, so stages link rows without round trips.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from desktop.errors import Cancelled
from desktop.models import Base
from desktop.services.identity import normalize_address


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _cum(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


class BuilderContext:
    """State every stage shares and the plumbing they write through (see the module docstring)."""

    CHUNK = 2000

    def __init__(self, session: Session, *, years: int, seed: int, today: date,
                 progress: Callable[[int, int, str], None] | None,
                 cancel: Callable[[], bool] | None) -> None:
        self.session = session
        self.conn = session.connection()
        self.years = years
        self.seed = seed
        self.today = today
        self.end = today - timedelta(days=1)          # the last day with incidents
        self.start = _years_before(today, years)       # the first day with incidents
        self.now = datetime.combine(today, time())     # nothing happens at or after this moment
        self.rng = random.Random(seed)
        self.progress_cb = progress
        self.cancel_cb = cancel
        self.counts: Counter[str] = Counter()
        self.next_ids: dict[str, int] = {}
        self._stage = ("", 0, 100)
        self.address_norms: dict[str, str | None] = {}

    # ------------------------------------------------------------------ plumbing

    def _check_cancel(self) -> None:
        if self.cancel_cb is not None and self.cancel_cb():
            raise Cancelled("已取消生成演示数据")

    def _begin(self, label: str, start: int, end: int) -> None:
        self._stage = (label, start, end)
        self._report(0.0)

    def _report(self, fraction: float) -> None:
        self._check_cancel()
        if self.progress_cb is not None:
            label, start, end = self._stage
            self.progress_cb(int(start + (end - start) * min(max(fraction, 0.0), 1.0)), 100, label)

    def _id(self, table: str) -> int:
        value = self.next_ids.get(table)
        if value is None:
            t = _table(table)
            value = (self.conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1
        self.next_ids[table] = value + 1
        return value

    def _ids(self, table: str, n: int) -> range:
        first = self._id(table)
        self.next_ids[table] = first + n
        return range(first, first + n)

    def _insert(self, target: Any, rows: list[dict]) -> None:
        if not rows:
            return
        table: Table = getattr(target, "__table__", target)
        keys = rows[0].keys()
        for row in rows:
            if row.keys() != keys:
                raise RuntimeError(f"demo rows for {table.name} have different columns")
        stmt = insert(table)
        n = len(rows)
        for i in range(0, n, self.CHUNK):
            self._check_cancel()
            self.conn.execute(stmt, rows[i:i + self.CHUNK])
        self.counts[table.name] += n

    def _norm_address(self, address: str) -> str | None:
        norm = self.address_norms.get(address, "")
        if norm == "":
            norm = self.address_norms[address] = normalize_address(address)
        return norm

    def _at(self, t: datetime) -> datetime:
        """Clamp a generated moment to just before the horizon (so it stays after what caused it)."""
        return min(t, self.now - timedelta(seconds=1))

    def _rand_time(self, lo: datetime, hi: datetime) -> datetime:
        span = int((hi - lo).total_seconds())
        return lo + timedelta(seconds=self.rng.randrange(max(span, 1)))

    def _office_hours(self, t: datetime) -> datetime:
        """The same moment if it is in office hours (08:30–18:00), else the next morning's."""
        if t.hour >= 18:
            t = datetime.combine(t.date() + timedelta(days=1), time(8, 30))
        elif t.hour < 8 or (t.hour == 8 and t.minute < 30):
            t = datetime.combine(t.date(), time(8, 30))
        return t + timedelta(minutes=self.rng.randint(0, 90)) if t.time() == time(8, 30) else t

    # ------------------------------------------------------------------ rows

    def _base(self, at: datetime, by: int | None = None) -> dict:
        return {"created_at": at, "created_by_id": by, "updated_at": None, "updated_by_id": None,
                "version": 1}
