"""Work-order numbers under real concurrency: desks issuing at the same moment never share or skip a
number (each thread its own sessions, on every backend; the servers are the point)."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import select

from desktop.models import NumberSequence, WorkOrder
from desktop.models.enums import Role
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.stations import add_staff
from tests.factories import make_station

THREADS = 8
PER_THREAD = 10


def test_concurrent_desks_get_unique_gap_free_numbers(db):
    with db.transaction() as s:
        station, room, team, duty = make_station(s)
        desks = [duty] + [add_staff(s, station, number=f"GD01{i}", name=f"值班员{i}", roles={Role.DUTY}, unit=room)
                          for i in range(THREADS - 1)]
        logins = [LoginResult(d.id, station.id, d.name, d.number, ("duty",), station.name) for d in desks]
        station_id, team_id = station.id, team.id
    barrier = threading.Barrier(THREADS)
    made: list[list[int]] = [[] for _ in range(THREADS)]
    errors: list[BaseException] = []

    def desk(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            for n in range(PER_THREAD):
                new = wo.NewOrder(title=f"并发下发 {index}-{n}", unit_id=team_id)
                made[index].append(wo.create_work_order(db, logins[index], new, now=datetime(2025, 6, 1, 9, 0)))
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=desk, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert all(len(ids) == PER_THREAD for ids in made)
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(WorkOrder.seq, WorkOrder.number).order_by(WorkOrder.seq)).all()
        last = s.scalar(select(NumberSequence.last_value).where(NumberSequence.name == "work_order",
                                                                NumberSequence.year == 2025))
    total = THREADS * PER_THREAD
    assert [seq for seq, _ in rows] == list(range(1, total + 1))
    assert [number for _, number in rows] == [f"GD-2025-{i:06d}" for i in range(1, total + 1)]
    assert last == total
