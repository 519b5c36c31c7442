"""Several desks on one server (issue 10): ``python benchmarks/run.py desks --desks 8 --seconds 60``.

N processes (spawn), each logged in as its own command-room officer on one PostgreSQL database
(a fresh ``stationdesk_bench_desks`` on the local server, or ``--db URL`` naming an empty one),
do a realistic mix for the duration, with a short pause between operations as a person would:

* create incidents (``create_incident``);
* edit incidents of a small shared hot set (``update_incident`` with the version read; a
  :class:`ConflictError` is a real conflict, counted apart). Each edit adds one to the incident's
  disposal, a counter: at the end every hot incident's counter must equal the number of successful
  edits of it — otherwise an update was lost;
* work-order steps raced on the few newest open orders (``actions_for`` then ``transition`` with
  the version read first: exactly one of two racing desks wins, the other gets a ConflictError),
  and now and then a new order so open ones remain;
* reads: the incident list's first page and count, 我的工作台.

Each desk also watches changes as the application does (LISTEN on PostgreSQL, else the counter
polled every second; then ``change_token`` and ``changed_tables``) and notes when it saw each audit
sequence number; each writer notes the sequence number of its save and the time its commit returned.
Visibility latency = when another desk saw it − when the writer's commit returned.

Figures: operations, lost updates, errors that are not conflicts (must be 0), conflicts, p50/p95
save latency, p50/p95 change visibility on the other desks.
"""

from __future__ import annotations

import os
import random
import threading
import time
import traceback
from collections import Counter
from typing import Any

from benchmarks.harness import CaseUnavailable, Options, case, note, report

CASE = "desks"
BENCH_DB = "stationdesk_bench_desks"
ADMIN_URL = os.environ.get("STATION_DESK_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PASSWORD = "desk-bench-pass"
SEED_INCIDENTS = 3000
SEED_ORDERS = 120
HOT_INCIDENTS = 30
HOT_ORDERS = 12
THINK_S = (0.05, 0.25)  # the pause between two operations of one desk
GRACE_S = 3.0  # desks keep watching this long after the last operation
# op -> weight
MIX = {"create": 15, "edit": 30, "transition": 25, "issue": 5, "read": 25}


# --------------------------------------------------------------------------- set-up


def _fresh_database() -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {BENCH_DB}"))
    except Exception as exc:  # no server here
        raise CaseUnavailable(f"cannot create {BENCH_DB} on {make_url(ADMIN_URL).host}: {exc}") from exc
    finally:
        admin.dispose()
    return make_url(ADMIN_URL).set(database=BENCH_DB).render_as_string(hide_password=False)


def _seed(url: str, desks: int) -> dict[str, Any]:
    """Migrate and fill the empty database; set the desks' passwords; issue the first orders."""
    from sqlalchemy import func, select, update

    from benchmarks.generate import STATION_CODE, generate_incidents
    from desktop.db import open_database
    from desktop.models import Incident, Staff, StaffRole, Unit
    from desktop.models.enums import UnitKind
    from desktop.services import auth
    from desktop.services.accounts import authenticate
    from desktop.services.work_orders import NewOrder, create_work_order

    generate_incidents(url, SEED_INCIDENTS, years=1)
    db = open_database(url)
    try:
        with db.transaction() as s:
            room = s.scalar(select(Unit.id).where(Unit.kind == UnitKind.COMMAND_ROOM))
            # The command room's people, those who both issue and work orders first.
            role_count = select(func.count()).where(StaffRole.staff_id == Staff.id).scalar_subquery()
            numbers = list(s.scalars(select(Staff.number).where(Staff.unit_id == room)
                                     .order_by(role_count.desc(), Staff.number)))
            if desks > len(numbers):
                raise CaseUnavailable(f"at most {len(numbers)} desks (the command room's staff)")
            numbers = numbers[:desks]
            hot = list(s.scalars(select(Incident.id).order_by(Incident.reported_at.desc()).limit(HOT_INCIDENTS)))
        with db.engine.begin() as conn:  # set-up only: no audit entries needed
            conn.execute(update(Staff.__table__).where(Staff.__table__.c.number.in_(numbers))
                         .values(password_hash=auth.hash_password(PASSWORD)))
            conn.execute(update(Incident.__table__).where(Incident.__table__.c.id.in_(hot)).values(disposal="0"))
        first = authenticate(db, number=numbers[0], password=PASSWORD)
        for i in range(SEED_ORDERS):
            create_work_order(db, first, NewOrder(title=f"基准工单 {i + 1}", unit_id=room))
        return {"numbers": numbers, "hot": hot, "room": room, "station_code": STATION_CODE}
    finally:
        db.dispose()


# --------------------------------------------------------------------------- one desk (a process)


class _Seen:
    """Sequence ranges this desk has seen, with when: ``(after, upto, time)``."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int, float]] = []
        self.lock = threading.Lock()


def _watch(db: Any, station_id: int, seen: _Seen, stop: threading.Event) -> list[threading.Thread]:
    from desktop.services.changes import POLL_INTERVAL_S, change_token, changed_tables, listen, uses_listen

    wake = threading.Event()
    use_listen = uses_listen(db)

    def worker() -> None:
        last = change_token(db, station_id)
        while not stop.is_set():
            wake.wait(5.0 if use_listen else POLL_INTERVAL_S)
            wake.clear()
            try:
                token = change_token(db, station_id)
                if token > last:
                    changed_tables(db, station_id, last, token)  # what the application reads next
                    with seen.lock:
                        seen.ranges.append((last, token, time.time()))
                    last = token
            except Exception:  # noqa: BLE001 - counted by the operations; keep watching
                time.sleep(0.2)

    def listener() -> None:
        while not stop.is_set():
            try:
                listen(db.url, stop, lambda chain, _seq: wake.set() if chain == station_id else None)
            except Exception:  # noqa: BLE001 - reconnect
                time.sleep(0.5)

    threads = [threading.Thread(target=worker, daemon=True)]
    if use_listen:
        threads.append(threading.Thread(target=listener, daemon=True))
    for t in threads:
        t.start()
    return threads


def _last_seq(db: Any, station_id: int, table: str, record_id: int) -> int | None:
    from sqlalchemy import func, select

    from desktop.models.audit import AuditEntry

    t = AuditEntry.__table__
    with db.engine.connect() as conn:
        return conn.execute(select(func.max(t.c.seq)).where(
            t.c.table_name == table, t.c.record_id == str(record_id), t.c.chain_id == station_id)).scalar()


def _incident_values(inc: Any) -> dict[str, Any]:
    return {
        "number": inc.number, "reported_at": inc.reported_at, "caller_name": inc.caller_name,
        "caller_phone": inc.caller_phone_raw or inc.caller_phone, "address": inc.address, "summary": inc.summary,
        "disposal": inc.disposal, "category_id": inc.category_id, "community_id": inc.community_id,
        "grid_id": inc.grid_id, "unit_id": inc.unit_id, "officer_id": inc.officer_id,
    }


def desk_main(index: int, url: str, number: str, hot: list[int], room: int, seconds: float, barrier: Any,
              results: Any) -> None:
    """One desk: log in, watch, work for ``seconds``, put a dict of plain results in ``results``."""
    out: dict[str, Any] = {"index": index, "saves": [], "reads": [], "writes": [], "edits": Counter(),
                           "ops": Counter(), "conflicts": Counter(), "errors": [], "seen": []}
    try:
        _desk(index, url, number, hot, room, seconds, barrier, out)
    except Exception:  # noqa: BLE001 - reported by the parent
        out["errors"].append(traceback.format_exc())
    results.put(out)


def _desk(index: int, url: str, number: str, hot: list[int], room: int, seconds: float, barrier: Any,
          out: dict[str, Any]) -> None:
    from datetime import datetime, timedelta

    from sqlalchemy import select

    from desktop.db import open_database
    from desktop.errors import ConflictError
    from desktop.models import Incident, WorkOrder
    from desktop.services.accounts import authenticate
    from desktop.services.incidents import create_incident, incident_list_query, update_incident
    from desktop.services.paging import Sort
    from desktop.services.work_orders import (
        OPEN_STATES,
        NewOrder,
        actions_for,
        create_work_order,
        my_desk,
        transition,
    )

    rng = random.Random(index)
    db = open_database(url)
    login = authenticate(db, number=number, password=PASSWORD)
    sid = login.station_id
    seen, stop = _Seen(), threading.Event()
    threads = _watch(db, sid, seen, stop)
    query = incident_list_query(db, sid)
    ops, weights = zip(*MIX.items(), strict=True)
    made = 0
    barrier.wait()
    deadline = time.monotonic() + seconds

    def saved(started: float, table: str, record_id: int) -> None:
        done = time.time()
        out["saves"].append(time.perf_counter() - started)
        seq = _last_seq(db, sid, table, record_id)
        if seq is not None:
            out["writes"].append((seq, done))

    while time.monotonic() < deadline:
        time.sleep(rng.uniform(*THINK_S))
        op = rng.choices(ops, weights)[0]
        out["ops"][op] += 1
        try:
            if op == "create":
                made += 1
                t0 = time.perf_counter()
                new_id = create_incident(db, sid, login.staff_id, {
                    "number": f"DK{index:02d}{made:06d}", "reported_at": datetime.now() - timedelta(minutes=5),
                    "caller_name": "王某", "caller_phone": f"139{index:02d}{made:06d}", "address": "解放路128号",
                    "summary": "基准测试：邻里噪音扰民"})
                saved(t0, "incidents", new_id)
            elif op == "edit":
                incident_id = rng.choice(hot)
                with db.session(station_id=sid) as s:  # what the form reads when it opens
                    inc = s.get(Incident, incident_id)
                    values, version = _incident_values(inc), inc.version
                values["disposal"] = str(int(values["disposal"]) + 1)
                t0 = time.perf_counter()
                try:
                    update_incident(db, sid, login.staff_id, incident_id, version, values)
                except ConflictError:
                    out["conflicts"]["edit"] += 1
                else:
                    out["edits"][incident_id] += 1
                    saved(t0, "incidents", incident_id)
            elif op == "transition":
                with db.session(station_id=sid) as s:
                    rows = s.execute(select(WorkOrder.id, WorkOrder.version)
                                     .where(WorkOrder.status.in_(list(OPEN_STATES)))
                                     .order_by(WorkOrder.id.desc()).limit(HOT_ORDERS)).all()
                if not rows:
                    continue
                order_id, version = rng.choice(rows)  # the version first: a change after it conflicts
                actions = [a for a in actions_for(db, login, order_id) if a not in ("reassign", "cancel")]
                if not actions:
                    continue
                action = rng.choice(actions)
                t0 = time.perf_counter()
                try:
                    transition(db, login, order_id, version, action, text="基准测试")
                except ConflictError:
                    out["conflicts"]["transition"] += 1
                else:
                    saved(t0, "work_orders", order_id)
            elif op == "issue":
                t0 = time.perf_counter()
                order_id = create_work_order(db, login, NewOrder(title=f"基准工单 D{index}", unit_id=room))
                saved(t0, "work_orders", order_id)
            else:
                t0 = time.perf_counter()
                query.fetch(0, 50, sort=Sort("reported_at", True))
                query.count()
                my_desk(db, login)
                out["reads"].append(time.perf_counter() - t0)
        except Exception:  # noqa: BLE001 - every error that is not a conflict is a failure
            out["errors"].append(f"{op}: {traceback.format_exc(limit=3)}")
    time.sleep(GRACE_S)
    stop.set()
    for t in threads:
        t.join(2)
    with seen.lock:
        out["seen"] = list(seen.ranges)
    with db.session(station_id=sid) as s:
        out["final"] = {i: int(d) for i, d in s.execute(select(Incident.id, Incident.disposal)
                                                        .where(Incident.id.in_(hot))).all()}
    db.dispose()


# --------------------------------------------------------------------------- the case


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def _visibility(results: list[dict[str, Any]]) -> tuple[list[float], int]:
    """Seconds from a writer's commit to another desk seeing its sequence number; and how many
    (write, desk) pairs were never seen."""
    latencies, unseen = [], 0
    for writer in results:
        for seq, done in writer["writes"]:
            for reader in results:
                if reader is writer:
                    continue
                times = [t for lo, hi, t in reader["seen"] if lo < seq <= hi]
                if times:
                    latencies.append(max(0.0, min(times) - done))
                else:
                    unseen += 1
    return latencies, unseen


@case(CASE, "N desks (processes) on one PostgreSQL database: lost updates, errors, save and visibility latency")
def run_desks(opts: Options) -> None:
    desks, seconds = max(2, opts.desks), max(1.0, opts.seconds)
    url = opts.db or _fresh_database()
    try:
        _run(url, desks, seconds)
    finally:
        if not opts.db:
            _drop_database()


def _drop_database() -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)"))
    finally:
        admin.dispose()


def _run(url: str, desks: int, seconds: float) -> None:
    import multiprocessing as mp

    if not url.startswith("postgresql"):
        note(f"{CASE}: {url} is not PostgreSQL: desks poll the change counter instead of LISTEN")
    t0 = time.perf_counter()
    setup = _seed(url, desks)
    note(f"{CASE}: seeded {SEED_INCIDENTS} incidents, {SEED_ORDERS} orders in {time.perf_counter() - t0:.1f} s; "
         f"{desks} desks for {seconds:.0f} s")
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(desks)
    results_q = ctx.Queue()
    procs = [ctx.Process(target=desk_main, args=(i, url, setup["numbers"][i], setup["hot"], setup["room"], seconds,
                                                 barrier, results_q), daemon=True) for i in range(desks)]
    for p in procs:
        p.start()
    results = [results_q.get(timeout=seconds + 300) for _ in procs]
    for p in procs:
        p.join(30)

    ops = sum((r["ops"] for r in results), Counter())
    conflicts = sum((r["conflicts"] for r in results), Counter())
    edits = sum((r["edits"] for r in results), Counter())
    errors = [e for r in results for e in r["errors"]]
    final = next((r["final"] for r in results if "final" in r), {})
    lost = sum(max(0, edits[i] - final.get(i, 0)) for i in setup["hot"])
    phantom = sum(max(0, final.get(i, 0) - edits[i]) for i in setup["hot"])
    saves = [s for r in results for s in r["saves"]]
    reads = [s for r in results for s in r["reads"]]
    visible, unseen = _visibility(results)
    for text in errors[:5]:
        note(f"{CASE}: error: {text}")
    note(f"{CASE}: operations by kind: {dict(ops)}; conflicts: {dict(conflicts)}; "
         f"successful edits {sum(edits.values())}; unexplained counter increments {phantom}; "
         f"(write, desk) pairs never seen {unseen}")
    report(CASE, "desks", desks, "desks")
    report(CASE, "operations", sum(ops.values()), "ops")
    report(CASE, "throughput", sum(ops.values()) / seconds, "ops/s")
    report(CASE, "lost updates", lost + phantom, "updates")
    report(CASE, "errors not conflicts", len(errors), "errors")
    report(CASE, "conflicts", sum(conflicts.values()), "conflicts")
    report(CASE, "save p50", _pct(saves, 50) * 1000, "ms")
    report(CASE, "save p95", _pct(saves, 95) * 1000, "ms")
    report(CASE, "read p95", _pct(reads, 95) * 1000, "ms")
    report(CASE, "visibility p50", _pct(visible, 50) * 1000, "ms")
    report(CASE, "visibility p95", _pct(visible, 95) * 1000, "ms")
    if unseen:
        note(f"{CASE}: {unseen} changes were not seen by some desk within {GRACE_S:.0f} s after the run")
