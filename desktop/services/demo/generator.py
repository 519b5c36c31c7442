"""The entry point: :func:`generate_demo` runs the stages in order and returns a :class:`DemoSummary`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.errors import ConflictError
from desktop.models import NumberSequence, Station
from desktop.services.demo.cases import CaseStage
from desktop.services.demo.data import DEMO_ACCOUNTS, STATION_CODE
from desktop.services.demo.disputes import DisputeStage
from desktop.services.demo.incidents import IncidentStage
from desktop.services.demo.orders import OrderStage
from desktop.services.demo.org import OrgStage

# --------------------------------------------------------------------------- public API


@dataclass
class DemoSummary:
    """What :func:`generate_demo` wrote: rows per table, the station and the period covered."""

    station_id: int
    counts: dict[str, int]
    start: date
    end: date
    accounts: list[tuple[str, str, str, str]] = field(default_factory=lambda: list(DEMO_ACCOUNTS))

    def __getitem__(self, table: str) -> int:
        return self.counts.get(table, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def generate_demo(
    session: Session,
    *,
    years: int = 3,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty, migrated database with the demo station (see the module docstring).

    Does not commit. Raises :class:`~desktop.errors.Cancelled` when ``cancel()`` returns True (the
    caller rolls back) and :class:`~desktop.errors.ConflictError` when the station already exists.
    """
    if not 1 <= years <= 10:
        raise ValueError("years must be between 1 and 10")
    builder = _Builder(session, years=years, seed=seed, today=today or date.today(),
                       progress=progress, cancel=cancel)
    return builder.run()


class _Builder(OrgStage, IncidentStage, DisputeStage, CaseStage, OrderStage):
    """Generates the station stage by stage and writes each stage with bulk inserts."""

    # ------------------------------------------------------------------ the whole run

    def run(self) -> DemoSummary:
        # The order is part of the output: every stage draws from the one ``self.rng`` and
        # allocates ids in turn, and later stages read what earlier ones left on ``self``.
        self._begin("正在检查数据库", 0, 1)
        stations = Station.__table__
        exists = self.conn.execute(
            select(func.count()).select_from(stations).where(stations.c.code == STATION_CODE)
        ).scalar()
        if exists:
            raise ConflictError(f"派出所代码 {STATION_CODE} 已存在", hint="演示数据只能写入空数据库")
        self._begin("正在创建派出所、机构与人员", 1, 4)
        self._org()
        self._begin("正在写入警情分类", 4, 5)
        self._categories()
        self._begin("正在生成警情", 5, 45)
        self._incidents()
        self._begin("正在生成重复警情", 45, 50)
        self._clusters()
        self._begin("正在生成矛盾纠纷", 50, 62)
        self._disputes()
        self._begin("正在生成案件", 62, 72)
        self._cases()
        self._begin("正在生成预警信息", 72, 80)
        self._warnings()
        self._begin("正在生成晨会与指令", 80, 84)
        self._briefings()
        self._begin("正在生成工单", 84, 97)
        self._work_orders()
        self._begin("正在收尾", 97, 100)
        self._sequences()
        self._fix_server_sequences()
        self._report(1.0)
        return DemoSummary(self.station_id, dict(sorted(self.counts.items())), self.start, self.end)

    # ------------------------------------------------------------------ sequences and server fix-ups

    def _sequences(self) -> None:
        rows = []
        for name, per_year in (("work_order", self.work_order_numbers), ("dispute", self.dispute_numbers),
                               ("agreement", self.agreement_numbers)):
            for year in sorted(per_year):
                rows.append({"station_id": self.station_id, "name": name, "year": year,
                             "last_value": per_year[year]})
        self._insert(NumberSequence, rows)

    def _fix_server_sequences(self) -> None:
        """PostgreSQL sequences do not follow explicit ids; move each to its table's maximum."""
        if self.conn.dialect.name != "postgresql":
            return
        for table in sorted(self.next_ids):
            self.conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
