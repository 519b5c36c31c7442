"""Repeat-call detection and the stored clusters, on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop.errors import ValidationError
from desktop.models import Community, Grid, Incident, IncidentCategory, RepeatCluster
from desktop.models.enums import ClusterStatus, RepeatKind, WorkOrderSource
from desktop.models.incident import repeat_cluster_incidents
from desktop.services.repeats import (
    FoundCluster,
    RepeatRules,
    clusters_in_range,
    clusters_of_incident,
    detect,
    duty_day_bounds,
    refresh_clusters,
)
from desktop.services.taxonomy import seed_categories
from desktop.settings import Settings
from tests.factories import make_incident, make_station, make_work_order

T0 = datetime(2025, 3, 5, 10, 0, 0)
DAY = duty_day_bounds(date(2025, 3, 5), 8)  # 2025-03-05 08:00 -> 2025-03-06 08:00
_numbers = itertools.count(1)


@pytest.fixture
def world(db):
    """Station GD with one community, two grids and the taxonomy; station XQ for isolation."""
    with db.transaction() as s:
        station, _room, team, _officer = make_station(s)
        other, *_ = make_station(s, code="XQ", name="西区派出所")
        seed_categories(s)
        community = Community(station_id=station.id, code="GD-SQ01", name="解放路社区")
        s.add(community)
        s.flush()
        grids = [Grid(station_id=station.id, community_id=community.id, code=f"GD-SQ01-{i}", name=f"第{i}网格")
                 for i in (1, 2)]
        s.add_all(grids)
        s.flush()
        cats = dict(s.execute(select(IncidentCategory.code, IncidentCategory.id)).all())
        return {"station": station, "team": team, "other": other, "grid1": grids[0].id, "grid2": grids[1].id,
                "noise": cats["0205"], "fight": cats["0201"]}


def add(s, station, at, *, phone=None, name=None, address=None, grid=None, category=None) -> int:
    inc = make_incident(s, station, f"JQ{next(_numbers):08d}", at=at, caller_phone=phone, caller_name=name,
                        address=address, address_norm=address, grid_id=grid, category_id=category)
    return inc.id


def of_kind(found: list[FoundCluster], kind: str) -> dict[str, tuple[int, ...]]:
    return {c.match_key: c.incident_ids for c in found if c.kind == kind}


def test_same_caller_window_is_inclusive_and_exact(db, world):
    st = world["station"]
    with db.transaction(station_id=st.id) as s:
        inside = [add(s, st, T0, phone="13900000001"), add(s, st, T0 + timedelta(hours=23, minutes=59, seconds=59),
                                                          phone="13900000001")]
        exact = [add(s, st, T0, phone="13900000002"), add(s, st, T0 + timedelta(hours=24), phone="13900000002")]
        add(s, st, T0, phone="13900000003")
        add(s, st, T0 + timedelta(hours=24, seconds=1), phone="13900000003")
    with db.session(station_id=st.id) as s:
        found = detect(s, st.id, *DAY)
        assert of_kind(found, RepeatKind.SAME_CALLER) == {"13900000001": tuple(inside), "13900000002": tuple(exact)}
        cluster = next(c for c in found if c.match_key == "13900000001")
        assert (cluster.first_at, cluster.last_at) == (T0, T0 + timedelta(hours=23, minutes=59, seconds=59))
        # Two calls are n - 1 when three are required.
        assert of_kind(detect(s, st.id, *DAY, RepeatRules(same_caller_count=3)), RepeatKind.SAME_CALLER) == {}


def test_same_place_needs_three_within_72_hours(db, world):
    st = world["station"]
    phones = (f"1380000{i:04d}" for i in itertools.count())
    with db.transaction(station_id=st.id) as s:
        ok = [add(s, st, T0 + timedelta(hours=h), phone=next(phones), address="解放路1号") for h in (0, 36, 72)]
        late = [add(s, st, T0 + timedelta(hours=h), phone=next(phones), address="解放路2号") for h in (0, 36)]
        add(s, st, T0 + timedelta(hours=72, seconds=1), phone=next(phones), address="解放路2号")
        two = [add(s, st, T0 + timedelta(hours=h), phone=next(phones), address="解放路3号") for h in (0, 5)]
    with db.session(station_id=st.id) as s:
        found = detect(s, st.id, *DAY)
        assert of_kind(found, RepeatKind.SAME_PLACE) == {"解放路1号": tuple(ok)}
        assert of_kind(found, RepeatKind.SAME_CALLER) == {}
        # Two calls are n - 1 of three, and n of two (then 36 h apart chain 解放路2号's three calls too).
        assert of_kind(detect(s, st.id, *DAY, RepeatRules(same_place_count=2)), RepeatKind.SAME_PLACE) == {
            "解放路1号": tuple(ok), "解放路2号": (*late, late[-1] + 1), "解放路3号": tuple(two)}


def test_same_event_counts_distinct_callers(db, world):
    st, g1, g2, noise, fight = (world[k] for k in ("station", "grid1", "grid2", "noise", "fight"))
    with db.transaction(station_id=st.id) as s:
        # Two callers at one address 30 min apart (inclusive); the grid cluster is the same event.
        two = [add(s, st, T0, phone="13900000011", address="人民路5号", grid=g1, category=noise),
               add(s, st, T0 + timedelta(minutes=30), phone="13900000012", address="人民路5号", grid=g1,
                   category=noise)]
        # 30:01 apart: not the same event.
        add(s, st, T0, phone="13900000013", address="人民路6号")
        add(s, st, T0 + timedelta(minutes=30, seconds=1), phone="13900000014", address="人民路6号")
        # The same phone twice: one caller, not 多人同报 (but 一人多报).
        same = [add(s, st, T0, phone="13900000015", address="人民路7号"),
                add(s, st, T0 + timedelta(minutes=5), phone="13900000015", address="人民路7号")]
        # Without phones the names tell callers apart; an anonymous call joins but does not count.
        named = [add(s, st, T0, name="王五", address="人民路8号"),
                 add(s, st, T0 + timedelta(minutes=2), address="人民路8号"),
                 add(s, st, T0 + timedelta(minutes=4), name="赵六", address="人民路8号")]
        add(s, st, T0, address="人民路9号")
        add(s, st, T0 + timedelta(minutes=1), address="人民路9号")
        add(s, st, T0, name="钱七", address="人民路9号")  # one known caller is not enough
        # Different addresses, same grid and category.
        grid = [add(s, st, T0 + timedelta(hours=2), phone="13900000016", address="胜利街1号", grid=g2,
                    category=fight),
                add(s, st, T0 + timedelta(hours=2, minutes=10), phone="13900000017", address="胜利街2号", grid=g2,
                    category=fight)]
        # Same grid, different categories: no.
        add(s, st, T0 + timedelta(hours=4), phone="13900000018", grid=g2, category=fight)
        add(s, st, T0 + timedelta(hours=4, minutes=1), phone="13900000019", grid=g2, category=noise)
    with db.session(station_id=st.id) as s:
        found = detect(s, st.id, *DAY)
        assert of_kind(found, RepeatKind.SAME_EVENT) == {
            "人民路5号": tuple(two),
            "人民路8号": tuple(named),
            f"grid:{g2}:cat:{fight}": tuple(grid),
        }
        assert of_kind(found, RepeatKind.SAME_CALLER) == {"13900000015": tuple(same)}
        # Three callers required: none.
        assert of_kind(detect(s, st.id, *DAY, RepeatRules(same_event_callers=3)), RepeatKind.SAME_EVENT) == {}


def test_cluster_does_not_depend_on_the_range(db, world):
    st = world["station"]
    with db.transaction(station_id=st.id) as s:
        # A call every 20 h for five days: one chain reaching far beyond max_window before the last day.
        chain = [add(s, st, T0 + timedelta(hours=20 * k), phone="13900000021") for k in range(7)]
        add(s, st, T0 + timedelta(hours=20 * 6 + 48), phone="13900000021")  # 48 h later: not part of it
    last = chain[-1]
    with db.session(station_id=st.id) as s:
        at_last = s.get(Incident, last).reported_at
        ranges = [duty_day_bounds(at_last.date(), 8), duty_day_bounds(T0.date(), 8),
                  (T0 - timedelta(days=30), T0 + timedelta(days=30)),
                  (at_last, at_last + timedelta(seconds=1)), (T0 - timedelta(hours=1), T0 + timedelta(seconds=1))]
        results = [[c for c in detect(s, st.id, a, b) if c.kind == RepeatKind.SAME_CALLER] for a, b in ranges]
        expected = FoundCluster(RepeatKind.SAME_CALLER, "13900000021", T0, T0 + timedelta(hours=120), tuple(chain))
        assert all(r == [expected] for r in results), results
        # A range that touches none of it finds nothing.
        assert detect(s, st.id, T0 + timedelta(days=10), T0 + timedelta(days=11)) == []
    # Refreshing different days stores one cluster.
    for a, b in ranges[:2]:
        with db.transaction(station_id=st.id) as s:
            refresh_clusters(s, st.id, a, b)
    with db.session(station_id=st.id) as s:
        rows = clusters_in_range(s, st.id, T0 - timedelta(days=30), T0 + timedelta(days=30))
        assert [(r.kind, r.incident_ids, r.incident_count) for r in rows] == [
            (RepeatKind.SAME_CALLER, tuple(chain), 7)]


def _stored(db, station_id):
    with db.session(station_id=station_id) as s:
        clusters = s.execute(select(RepeatCluster.id, RepeatCluster.kind, RepeatCluster.match_key,
                                    RepeatCluster.first_at, RepeatCluster.last_at, RepeatCluster.incident_count,
                                    RepeatCluster.status, RepeatCluster.note).order_by(RepeatCluster.id)).all()
        members = s.execute(select(repeat_cluster_incidents.c.cluster_id, repeat_cluster_incidents.c.incident_id)
                            .order_by(repeat_cluster_incidents.c.cluster_id,
                                      repeat_cluster_incidents.c.incident_id)).all()
        return [tuple(c) for c in clusters], [tuple(m) for m in members]


def test_refresh_is_idempotent(db, world):
    st = world["station"]
    with db.transaction(station_id=st.id) as s:
        a = [add(s, st, T0 + timedelta(hours=h), phone="13900000031", address="文化街3号") for h in (0, 1, 2)]
    with db.transaction(station_id=st.id) as s:
        first = refresh_clusters(s, st.id, *DAY)
    assert (first.created, first.updated, first.removed) == (2, 0, 0)  # same caller + same place
    before = _stored(db, st.id)
    with db.transaction(station_id=st.id) as s:
        again = refresh_clusters(s, st.id, *DAY)
    assert (again.created, again.updated, again.removed) == (0, 0, 0)
    assert _stored(db, st.id) == before
    clusters, members = before
    assert sorted(c[1] for c in clusters) == [RepeatKind.SAME_CALLER, RepeatKind.SAME_PLACE]
    assert len(members) == 6 and {m[1] for m in members} == set(a)
    with db.session(station_id=st.id) as s:
        assert clusters_of_incident(s, a[0]) == [c[0] for c in clusters]
        rows = clusters_in_range(s, st.id, *DAY, kinds=[RepeatKind.SAME_PLACE])
        assert [(r.match_key, r.incident_ids, r.status) for r in rows] == [("文化街3号", tuple(a), "open")]
        assert len(rows[0].numbers) == 3 and all(n.startswith("JQ") for n in rows[0].numbers)


def test_new_incident_extends_cluster_keeping_id_status_and_note(db, world):
    st = world["station"]
    with db.transaction(station_id=st.id) as s:
        ids = [add(s, st, T0, phone="13900000041"), add(s, st, T0 + timedelta(hours=3), phone="13900000041")]
        refresh_clusters(s, st.id, *DAY)
    with db.transaction(station_id=st.id) as s:
        cluster = s.scalars(select(RepeatCluster)).one()
        cluster.status, cluster.note = ClusterStatus.ORDERED, "已转工单"
        cluster_id = cluster.id
    with db.transaction(station_id=st.id) as s:
        ids.append(add(s, st, T0 + timedelta(hours=26), phone="13900000041"))  # next duty day, chained
        result = refresh_clusters(s, st.id, *duty_day_bounds(date(2025, 3, 6), 8))
    assert (result.created, result.updated, result.removed) == (0, 1, 0)
    with db.session(station_id=st.id) as s:
        cluster = s.scalars(select(RepeatCluster)).one()
        assert (cluster.id, cluster.status, cluster.note) == (cluster_id, ClusterStatus.ORDERED, "已转工单")
        assert (cluster.first_at, cluster.last_at, cluster.incident_count) == (T0, T0 + timedelta(hours=26), 3)
        assert [i.id for i in cluster.incidents] == ids


def test_cluster_that_no_longer_qualifies(db, world):
    st = world["station"]
    with db.transaction(station_id=st.id) as s:
        kept = [add(s, st, T0, phone="13900000051"), add(s, st, T0 + timedelta(hours=1), phone="13900000051")]
        gone = [add(s, st, T0, phone="13900000052"), add(s, st, T0 + timedelta(hours=1), phone="13900000052")]
        refresh_clusters(s, st.id, *DAY)
    with db.transaction(station_id=st.id) as s:
        dismissed = s.scalars(select(RepeatCluster).where(RepeatCluster.match_key == "13900000051")).one()
        dismissed.status = ClusterStatus.DISMISSED
        dismissed_id = dismissed.id
        for incident_id in (kept[1], gone[1]):
            s.delete(s.get(Incident, incident_id))
    with db.transaction(station_id=st.id) as s:
        result = refresh_clusters(s, st.id, *DAY)
    assert (result.created, result.updated, result.removed) == (0, 0, 1)
    with db.session(station_id=st.id) as s:
        assert [(c.id, c.status) for c in s.scalars(select(RepeatCluster))] == [(dismissed_id, "dismissed")]
        assert clusters_of_incident(s, gone[0]) == []
        assert clusters_of_incident(s, kept[0]) == [dismissed_id]


def test_cluster_named_by_a_work_order_is_kept_even_if_open(db, world):
    st = world["station"]
    with db.transaction(station_id=st.id) as s:
        ids = [add(s, st, T0, phone="13900000081"), add(s, st, T0 + timedelta(hours=1), phone="13900000081")]
        refresh_clusters(s, st.id, *DAY)
        cluster = s.scalars(select(RepeatCluster)).one()
        make_work_order(s, st, world["team"], source_kind=WorkOrderSource.CLUSTER, cluster_id=cluster.id)
    with db.transaction(station_id=st.id) as s:
        s.delete(s.get(Incident, ids[1]))
    with db.transaction(station_id=st.id) as s:
        assert refresh_clusters(s, st.id, *DAY).removed == 0
    with db.session(station_id=st.id) as s:
        assert [(c.id, c.status) for c in s.scalars(select(RepeatCluster))] == [(cluster.id, "open")]


def test_split_and_merge_keep_one_identity(db, world):
    st = world["station"]
    with db.transaction(station_id=st.id) as s:
        a = [add(s, st, T0 + timedelta(hours=h), phone="13900000061") for h in (0, 20)]
        b = [add(s, st, T0 + timedelta(hours=h), phone="13900000061") for h in (60, 61)]
        refresh_clusters(s, st.id, T0, T0 + timedelta(days=5))
    before = {c[3]: c[0] for c in _stored(db, st.id)[0]}
    assert len(before) == 2
    with db.transaction(station_id=st.id) as s:
        bridge = add(s, st, T0 + timedelta(hours=40), phone="13900000061")  # joins both
        result = refresh_clusters(s, st.id, *DAY)
    assert (result.created, result.updated, result.removed) == (0, 1, 1)
    clusters, members = _stored(db, st.id)
    assert [(c[0], c[5]) for c in clusters] == [(before[T0], 5)]
    assert sorted(m[1] for m in members) == sorted([*a, bridge, *b])


def test_stations_never_mix(db, world):
    st, other = world["station"], world["other"]
    with db.transaction(station_id=other.id) as s:
        theirs = [add(s, other, T0 + timedelta(minutes=m), phone="13900000071", address="解放路9号") for m in (0, 5)]
    with db.transaction(station_id=st.id) as s:
        mine = add(s, st, T0 + timedelta(minutes=2), phone="13900000071", address="解放路9号")
        assert detect(s, st.id, *DAY) == []
        assert refresh_clusters(s, st.id, *DAY).created == 0
    with db.transaction(station_id=other.id) as s:
        assert refresh_clusters(s, other.id, *DAY).created == 1
    with db.session() as s:  # unscoped: HQ view
        rows = clusters_in_range(s, other.id, *DAY)
        assert [r.incident_ids for r in rows] == [tuple(theirs)]
        assert clusters_in_range(s, st.id, *DAY) == []
        assert clusters_of_incident(s, mine) == []
        assert s.scalar(select(func.count()).select_from(RepeatCluster)) == 1


def test_duty_day_bounds_and_rules():
    assert duty_day_bounds(date(2025, 3, 5), 8) == (datetime(2025, 3, 5, 8), datetime(2025, 3, 6, 8))
    assert duty_day_bounds(date(2025, 12, 31), 0) == (datetime(2025, 12, 31), datetime(2026, 1, 1))
    with pytest.raises(ValidationError):
        duty_day_bounds(date(2025, 3, 5), 24)
    rules = RepeatRules.from_settings(Settings.from_values({"repeat/same_caller_count": 3,
                                                             "repeat/same_event_minutes": 45}))
    assert rules == RepeatRules(same_caller_count=3, same_event_minutes=45)
    assert RepeatRules().max_window() == timedelta(hours=72)
    assert RepeatRules(same_caller_hours=100).max_window() == timedelta(hours=100)
    with pytest.raises(ValidationError):
        RepeatRules(same_place_count=1)
