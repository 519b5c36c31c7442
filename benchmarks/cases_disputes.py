"""Cases of the dispute mediation issue: ``disputes`` — among 50,000 disputes (three years, with transfers),
the list's count and first page (target < 100 ms) and the §4 statistics of a month and of a year (target
< 100 ms each). Builds its own scratch SQLite database (Core bulk insert); ``--db`` is not used."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.generate import setup_station
from benchmarks.harness import Options, case, describe_times, measure, note, report
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.db.urls import sqlite_url

DISPUTES = 50_000
_NATURES = (("family", 30), ("neighbour", 30), ("debt", 10), ("labour", 8), ("property_mgmt", 7), ("land", 5),
            ("traffic", 5), ("medical", 2), ("other", 3))
_CAUSES = ("宅基地边界争执", "邻里噪音扰民", "拖欠工资", "借款未还", "物业费纠纷", "交通事故赔偿", "婚姻家庭矛盾")


def _build(path: Path, n: int, *, seed: int = 1, end: datetime | None = None):
    """A station and ``n`` disputes over the three years before ``end``; returns (db, station id)."""
    from sqlalchemy import insert

    from desktop.models.dispute import Dispute, Transfer

    db = open_database(sqlite_url(path))
    upgrade(db)
    with db.transaction() as s:
        world = setup_station(s, seed=seed)
    rng = random.Random(seed)
    end = (end or datetime.now()).replace(second=0, microsecond=0)
    start = end - timedelta(days=3 * 365)
    staff = [x for ids in world.unit_staff.values() for x in ids]
    communities = [c[0] for c in world.communities]
    natures = [x for x, _ in _NATURES]
    weights = [w for _, w in _NATURES]
    times = sorted(start + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60)) for _ in range(n))
    disputes, transfers = [], []
    counters: dict[int, int] = {}
    for i, at in enumerate(times, start=1):
        counters[at.year] = counters.get(at.year, 0) + 1
        age = (end - at).days
        if age < 3:
            status = rng.choice(("registered", "mediating"))
        else:
            status = rng.choices(("mediating", "resolved", "failed", "transferred"),
                                 (5 if age > 30 else 40, 88, 4, 3))[0]
        ended = at + timedelta(days=rng.randint(1, 25)) if status in ("resolved", "failed", "transferred") else None
        if ended is not None and ended > end:
            ended, status = None, "mediating"
        risk = rng.choices(("low", "medium", "high", "major"), (60, 28, 10, 2))[0]
        disputes.append({
            "id": i, "station_id": world.station_id, "number": f"MT-{at.year}-{counters[at.year]:04d}",
            "registered_at": at, "cause": rng.choice(_CAUSES), "place": "解放路12号",
            "nature": rng.choices(natures, weights)[0], "scale": 2, "source": "patrol", "risk_level": risk,
            "risk_reasons": "扬言报复" if risk in ("high", "major") else None,
            "criminal_risk": risk in ("high", "major") and status in ("registered", "mediating"),
            "status": status, "resolved_how": ("agreement" if rng.random() < 0.85 else "other")
            if status == "resolved" else None, "ended_at": ended, "community_id": rng.choice(communities),
            "lead_mediator_id": rng.choice(staff), "version": 1, "created_at": at,
        })
        if rng.random() < 0.12:
            on = at.date() + timedelta(days=rng.randint(0, 5))
            outcome = rng.choices((None, "resolved", "unresolved", "returned"), (10, 80, 7, 3))[0]
            transfers.append({"station_id": world.station_id, "dispute_id": i, "direction": "to_centre",
                              "transferred_on": on, "reason": "移交调解", "receiver": "矛调中心", "outcome": outcome,
                              "outcome_on": on + timedelta(days=10) if outcome else None, "version": 1,
                              "created_at": at})
    with db.engine.begin() as conn:
        for lo in range(0, n, 5000):
            conn.execute(insert(Dispute.__table__), disputes[lo:lo + 5000])
        for lo in range(0, len(transfers), 5000):
            conn.execute(insert(Transfer.__table__), transfers[lo:lo + 5000])
        conn.exec_driver_sql("ANALYZE")
    return db, world.station_id, end


@case("disputes", "among 50,000 disputes: the list's count and first page, and the statistics (rates by nature, "
                  "community, mediator) of a month and of a year (target < 100 ms each)")
def disputes_case(opts: Options) -> None:
    from desktop.services import disputes as dsp
    from desktop.services.paging import Filter, Sort

    folder = Path(tempfile.mkdtemp(prefix="sd-bench-disputes-"))
    try:
        note(f"disputes: generating {DISPUTES:,} disputes in {folder}")
        db, station_id, end = _build(folder / "disputes.db", DISPUTES)
        q = dsp.dispute_list_query(db, station_id)
        newest = Sort("registered_at", descending=True)

        def first_page() -> None:
            q.count()
            q.fetch(0, 100, sort=newest)

        first_page()  # warm-up: connections, statements
        median, times = measure(first_page, max(opts.repeat, 5))
        note(f"disputes: list runs {describe_times(times)} s")
        report("disputes", "list count + first page", median * 1000, "ms")

        risky = Filter(equals={"risk_level": ["high", "major"], "status": ["registered", "mediating"]})

        def risky_page() -> None:
            q.count(risky)
            q.fetch(0, 100, filter=risky, sort=newest)

        median, times = measure(risky_page, max(opts.repeat, 5))
        note(f"disputes: high-risk open list runs {describe_times(times)} s")
        report("disputes", "list high-risk open, count + first page", median * 1000, "ms")

        for label, days in (("month", 30), ("year", 365)):
            lo = end - timedelta(days=days)
            dsp.statistics(db, station_id, lo, end)
            median, times = measure(lambda lo=lo: dsp.statistics(db, station_id, lo, end), max(opts.repeat, 5))
            st = dsp.statistics(db, station_id, lo, end)
            note(f"disputes: statistics of a {label} runs {describe_times(times)} s; registered {st['registered']}, "
                 f"success {st['success_rate']:.1f} %, transfers resolved {st['transfer_resolution_rate']:.1f} %")
            report("disputes", f"statistics of a {label}", median * 1000, "ms")
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
