"""Cases of the work-order documents issue: ``ledger`` (the 工单台账 of a year, 10,000 orders, to Excel
and to PDF) and ``transition`` (one accept, end to end, among 100,000 orders). Each builds its own
scratch SQLite database (Core bulk insert) in a temporary folder; ``--db`` is not used."""

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

LEDGER_ORDERS = 10_000
TRANSITION_ORDERS = 100_000
_HOURS = {"urgent": 2, "high": 24, "normal": 72, "long_term": 720}
_PRIORITIES = (("normal", 60), ("high", 25), ("urgent", 10), ("long_term", 5))
_TITLES = ("核查{}噪音扰民重复警情", "走访{}独居老人", "排查{}出租屋消防隐患", "化解{}邻里纠纷", "核查{}反诈预警线索",
           "整改{}治安隐患", "回访{}报警人", "清查{}流动人口")
_PLACES = ("解放路128号", "东山社区", "石桥村", "阳光花园", "农贸市场", "锦绣华庭", "城南警务室辖区", "电力宿舍")


def _build(path: Path, n: int, *, seed: int = 1, end: datetime | None = None):
    """A station and ``n`` work orders issued over the year before ``end`` (with their issue events);
    returns (db, login of a duty officer, ids of open orders issued to the duty officer's unit)."""
    from sqlalchemy import insert

    from desktop.models import NumberSequence, WorkOrder, WorkOrderEvent
    from desktop.models.org import Station
    from desktop.services.accounts import LoginResult

    db = open_database(sqlite_url(path))
    upgrade(db)
    with db.transaction() as s:
        world = setup_station(s, seed=seed)
        station_name = s.get(Station, world.station_id).name
    rng = random.Random(seed)
    end = (end or datetime.now()).replace(second=0, microsecond=0)
    start = end - timedelta(days=365)
    units = [(u, staff) for u, staff in world.unit_staff.items() if staff]
    duty = world.duty_staff_ids
    room = next(u for u, staff in world.unit_staff.items() if duty[0] in staff)
    priorities = [p for p, _w in _PRIORITIES]
    weights = [w for _p, w in _PRIORITIES]
    issued_times = sorted(start + timedelta(minutes=rng.randrange(365 * 24 * 60)) for _ in range(n))
    orders, events = [], []
    for i, issued in enumerate(issued_times, start=1):
        unit = room if i % 50 == 0 else rng.choice(units)[0]
        staff = world.unit_staff[unit]
        priority = rng.choices(priorities, weights)[0]
        deadline = issued + timedelta(hours=_HOURS[priority])
        age = end - issued
        roll = rng.random()
        if (age > timedelta(days=30) and roll < 0.93) or roll < 0.6:
            status = "cancelled" if roll < 0.03 else "closed"
        else:
            status = rng.choice(("issued", "accepted", "reported", "returned"))
        closed_at = None
        if status == "closed":
            closed_at = min(end, deadline + timedelta(hours=rng.uniform(-0.9, 0.3) * _HOURS[priority]))
            closed_at = max(closed_at, issued + timedelta(minutes=5)).replace(microsecond=0)
        title = rng.choice(_TITLES).format(rng.choice(_PLACES))
        orders.append({
            "id": i, "station_id": world.station_id, "number": f"CG-{issued.year}-{i:06d}", "year": issued.year,
            "seq": i, "source_kind": "manual", "title": title, "instructions": f"请按要求{title}，并及时反馈。",
            "unit_id": unit, "assignee_id": rng.choice(staff), "tracker_id": rng.choice(duty), "priority": priority,
            "deadline": deadline, "status": status, "issued_at": issued, "closed_at": closed_at,
            "cancel_reason": "重复下发" if status == "cancelled" else None, "version": 1, "created_at": issued,
            "created_by_id": rng.choice(duty),
        })
        events.append({"station_id": world.station_id, "work_order_id": i, "kind": "issue", "at": issued,
                       "actor_id": orders[-1]["created_by_id"], "text": orders[-1]["instructions"],
                       "to_status": "issued", "to_unit_id": unit, "created_at": issued})
    with db.engine.begin() as conn:
        for lo in range(0, n, 5000):
            conn.execute(insert(WorkOrder.__table__), orders[lo:lo + 5000])
            conn.execute(insert(WorkOrderEvent.__table__), events[lo:lo + 5000])
        years = {}
        for o in orders:
            years[o["year"]] = max(years.get(o["year"], 0), o["seq"])
        conn.execute(insert(NumberSequence.__table__), [
            {"station_id": world.station_id, "name": "work_order", "year": y, "last_value": v}
            for y, v in years.items()])
        conn.exec_driver_sql("ANALYZE")
    login = LoginResult(duty[0], world.station_id, "值班员", "CG004", ("duty", "officer"), station_name)
    waiting = [o["id"] for o in orders if o["status"] in ("issued", "returned") and o["unit_id"] == room]
    return db, login, waiting


@case("ledger", "the 工单台账 of a year (10,000 work orders) to Excel (target < 3 s) and to PDF (target < 5 s); "
                "baseline: the same rows read by one plain SELECT")
def ledger_case(opts: Options) -> None:
    from sqlalchemy import select

    from desktop.models import WorkOrder
    from desktop.services.work_order_documents import write_ledger

    folder = Path(tempfile.mkdtemp(prefix="sd-bench-wo-"))
    try:
        note(f"ledger: generating {LEDGER_ORDERS:,} work orders in {folder}")
        db, login, _ = _build(folder / "orders.db", LEDGER_ORDERS)
        now = datetime.now()
        year = {"issued_at": (now - timedelta(days=366), now)}

        def raw() -> None:
            with db.engine.connect() as conn:
                conn.execute(select(WorkOrder.__table__).order_by(WorkOrder.issued_at)).all()

        baseline, _ = measure(raw, opts.repeat)
        counts = []
        xlsx_time, xlsx_times = measure(
            lambda: counts.append(write_ledger(db, login, folder / "台账.xlsx", ranges=year)), opts.repeat)
        note(f"ledger: Excel runs {describe_times(xlsx_times)} s, {counts[-1]:,} rows, "
             f"{(folder / '台账.xlsx').stat().st_size:,} bytes")
        report("ledger", f"excel {counts[-1]} orders", xlsx_time, "s", baseline)
        pdf_time, pdf_times = measure(lambda: write_ledger(db, login, path_pdf=folder / "台账.pdf", ranges=year),
                                      max(1, min(opts.repeat, 2)))
        note(f"ledger: PDF runs {describe_times(pdf_times)} s, {(folder / '台账.pdf').stat().st_size:,} bytes")
        report("ledger", f"pdf {counts[-1]} orders", pdf_time, "s", baseline)
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@case("transition", "one work-order transition (accept) end to end — read the version, check, change, event and "
                    "audit in one transaction — among 100,000 orders (target < 100 ms)")
def transition_case(opts: Options) -> None:
    from desktop.services import work_orders as wo

    folder = Path(tempfile.mkdtemp(prefix="sd-bench-wo-"))
    try:
        note(f"transition: generating {TRANSITION_ORDERS:,} work orders in {folder}")
        db, login, waiting = _build(folder / "orders.db", TRANSITION_ORDERS)
        runs = max(opts.repeat, 5)
        if len(waiting) < runs + 1:
            raise RuntimeError(f"only {len(waiting)} orders wait for acceptance")
        queue = iter(waiting)
        wo.transition(db, login, next(queue), 1, "accept")  # warm-up: connections, statements

        def accept() -> None:
            order_id = next(queue)
            version = wo.order_detail(db, login.station_id, order_id).version
            wo.transition(db, login, order_id, version, "accept", text="已签收")

        median, times = measure(accept, runs)
        note(f"transition: runs {describe_times(times)} s")
        report("transition", "accept (detail + transition)", median * 1000, "ms")

        ids = list(queue)[:runs]
        it = iter(ids)
        bare, bare_times = measure(lambda: wo.transition(db, login, next(it), 1, "accept"), len(ids))
        note(f"transition: transition only {describe_times(bare_times)} s")
        report("transition", "accept (transition only)", bare * 1000, "ms")
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
