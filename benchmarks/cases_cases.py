"""Cases of the case-register issue: ``cases-due`` (the open cases due within 5 days or overdue, among
100,000 cases; target < 50 ms) and ``cases-list`` (the first page and count of the register with its
deadline tones). Each builds its own scratch SQLite database (Core bulk insert) in a temporary folder;
``--db`` is not used."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.generate import setup_station
from benchmarks.harness import Options, case, describe_times, measure, note, report
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.db.urls import sqlite_url

CASES = 100_000
_TITLES = ("{}殴打他人案", "{}盗窃案", "{}诈骗案", "{}赌博案", "{}寻衅滋事案", "{}故意损毁财物案", "{}卖淫嫖娼案")
_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
_STAGES = ("拘留", "侦查羁押", "取保候审", "监视居住")


def _build(path: Path, n: int, *, seed: int = 1, today: date):
    """A station and ``n`` cases accepted over the three years before ``today``, most closed; the
    deadlines computed by the service's rule. Returns (db, station id)."""
    from sqlalchemy import insert

    from desktop.models import Case
    from desktop.services.cases import CaseRules, compute_due

    db = open_database(sqlite_url(path))
    upgrade(db)
    with db.transaction() as s:
        world = setup_station(s, seed=seed)
    rules = CaseRules()
    rng = random.Random(seed)
    end = datetime.combine(today, datetime.min.time()) + timedelta(hours=12)
    officers = world.unit_staff[world.case_team_id] or next(iter(world.unit_staff.values()))
    rows = []
    for i in range(1, n + 1):
        accepted = end - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
        kind = "administrative" if rng.random() < 0.7 else "criminal"
        stage = rng.choice(_STAGES) if kind == "criminal" else None
        age = (end - accepted).days
        extended = kind == "administrative" and rng.random() < 0.1
        # Old cases are closed but for a few forgotten ones (the overdue list a station really has).
        if (age > 45 and rng.random() < 0.997) or rng.random() < 0.4:
            status = "transferred" if rng.random() < 0.05 else "closed"
        else:
            status = "extended" if extended else rng.choice(("accepted", "in_progress"))
        closed_at = accepted + timedelta(days=rng.randint(1, 40)) if status in ("closed", "transferred") else None
        rows.append({
            "station_id": world.station_id, "number": f"{'X' if kind == 'administrative' else 'A'}{i:09d}",
            "kind": kind, "title": rng.choice(_TITLES).format(rng.choice(_SURNAMES) + "某"),
            "category": None, "stage": stage, "accepted_at": accepted, "status": status, "extended": extended,
            "due_at": compute_due(kind, accepted, [], extended, stage, rules), "closed_at": closed_at,
            "officer_id": rng.choice(officers), "unit_id": world.case_team_id, "version": 1, "created_at": accepted,
        })
    with db.engine.begin() as conn:
        for lo in range(0, n, 5000):
            conn.execute(insert(Case.__table__), rows[lo:lo + 5000])
        conn.exec_driver_sql("ANALYZE")
    return db, world.station_id


@case("cases-due", "the open cases due within 5 days or overdue among 100,000 cases (target < 50 ms); "
                   "baseline: the same rows by one plain SELECT on the due index")
def cases_due_case(opts: Options) -> None:
    from sqlalchemy import text

    from desktop.services.cases import cases_due

    folder = Path(tempfile.mkdtemp(prefix="sd-bench-cases-"))
    try:
        n = CASES
        today = date.today()
        note(f"cases-due: generating {n:,} cases in {folder}")
        db, station_id = _build(folder / "cases.db", n, today=today)
        limit = datetime.combine(today + timedelta(days=6), datetime.min.time())
        sql = text("SELECT id, number, due_at FROM cases WHERE station_id = :s AND kind IN ('criminal', "
                   "'administrative') AND status IN ('accepted', 'in_progress', 'extended', 'suspended') "
                   "AND due_at < :limit ORDER BY due_at, id")

        def raw() -> None:
            with db.engine.connect() as conn:
                conn.execute(sql, {"s": station_id, "limit": limit}).all()

        baseline, _ = measure(raw, opts.repeat)
        found = []
        value, times = measure(lambda: found.append(cases_due(db, station_id, within_days=5, today=today)),
                               opts.repeat)
        with db.engine.connect() as conn:
            plan = conn.execute(text("EXPLAIN QUERY PLAN " + sql.text), {"s": station_id, "limit": limit}).all()
        note(f"cases-due: runs {describe_times(times)} s, {len(found[-1]):,} cases; plan: "
             + " | ".join(str(row[-1]) for row in plan))
        report("cases-due", f"due within 5 days of {n} cases", value * 1000, "ms", baseline * 1000)
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@case("cases-list", "the case register's first page (200 rows, by due date, with tones) and its count "
                    "among 100,000 cases; baseline: one plain SELECT of 200 rows")
def cases_list_case(opts: Options) -> None:
    from sqlalchemy import text

    from desktop.services.cases import case_list_query
    from desktop.services.paging import Filter, Sort

    folder = Path(tempfile.mkdtemp(prefix="sd-bench-cases-"))
    try:
        n = CASES
        today = date.today()
        note(f"cases-list: generating {n:,} cases in {folder}")
        db, station_id = _build(folder / "cases.db", n, today=today)
        query = case_list_query(db, station_id, today=today)
        open_only = Filter(equals={"status": ["accepted", "in_progress", "extended", "suspended"]})

        def raw() -> None:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT * FROM cases WHERE station_id = :s ORDER BY due_at LIMIT 200"),
                             {"s": station_id}).all()

        baseline, _ = measure(raw, opts.repeat)
        value, times = measure(lambda: (query.count(open_only),
                                        query.fetch(0, 200, filter=open_only, sort=Sort("due_at"))), opts.repeat)
        note(f"cases-list: runs {describe_times(times)} s")
        report("cases-list", f"open cases count and first page of {n} cases", value * 1000, "ms", baseline * 1000)
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
