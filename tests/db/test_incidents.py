"""The incident list query (search, filters, sort by looked-up names) and hand entry, on every backend."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from desktop.errors import ConflictError, ValidationError
from desktop.models import Community, Grid, Incident, IncidentCategory, RepeatCluster
from desktop.services.incidents import (
    check_incident,
    create_incident,
    incident_detail,
    incident_list_query,
    lookups,
    update_incident,
)
from desktop.services.paging import Filter, Sort
from desktop.services.taxonomy import seed_categories
from tests.factories import make_incident, make_station

NOW = datetime(2025, 3, 6, 12, 0)


@pytest.fixture
def station(db):
    with db.transaction() as s:
        seed_categories(s)
        station, _room, _team, officer = make_station(s)
        east = Community(station_id=station.id, code="C1", name="东门社区")
        west = Community(station_id=station.id, code="C2", name="西门社区")
        s.add_all([east, west])
        s.flush()
        grid = Grid(station_id=station.id, community_id=east.id, code="G1", name="东门一网格")
        s.add(grid)
        s.flush()
        cats = dict(s.execute(select(IncidentCategory.code, IncidentCategory.id)).all())
        make_incident(s, station, "JQ1", at=datetime(2025, 3, 1, 9), summary="电动车被盗", address="解放路128号",
                      category_id=cats["0106"], community_id=west.id)
        make_incident(s, station, "JQ2", at=datetime(2025, 3, 2, 9), summary="邻居噪音扰民", address="人民路1号",
                      category_id=cats["0205"], community_id=east.id, grid_id=grid.id, caller_name="王小明")
        make_incident(s, station, "JQ3", at=datetime(2025, 3, 3, 9), summary="醉酒求助", address="解放路9号",
                      category_id=cats["0603"], caller_phone="13912345678")
        return {"station_id": station.id, "staff_id": officer.id, "east": east.id, "west": west.id,
                "grid": grid.id, "cats": cats}


def _numbers(query, **kw):
    return [row[1] for row in query.fetch(0, 50, **kw)]


def test_search_finds_words_of_every_length_in_every_text_field(db, station):
    q = incident_list_query(db, station["station_id"])
    assert _numbers(q, filter=Filter(text="噪音扰民")) == ["JQ2"]   # 4 characters: trigram index
    assert _numbers(q, filter=Filter(text="解放路"), sort=Sort("reported_at")) == ["JQ1", "JQ3"]
    assert _numbers(q, filter=Filter(text="醉酒")) == ["JQ3"]        # 2 characters: LIKE
    assert _numbers(q, filter=Filter(text="王小明")) == ["JQ2"]      # caller
    assert _numbers(q, filter=Filter(text="13912345678")) == ["JQ3"]  # phone
    assert _numbers(q, filter=Filter(text="解放路 电动车")) == ["JQ1"]  # every word must match
    assert _numbers(q, filter=Filter(text='"引号%_')) == []           # no query syntax leaks through
    assert q.count(Filter(text="解放路")) == 2


def test_search_follows_edits(db, station):
    with db.transaction(station_id=station["station_id"]) as s:
        inc = s.scalar(select(Incident).where(Incident.number == "JQ1"))
        inc.summary = "自行车丢失"
    q = incident_list_query(db, station["station_id"])
    assert _numbers(q, filter=Filter(text="电动车被盗")) == []
    assert _numbers(q, filter=Filter(text="自行车丢失")) == ["JQ1"]


def test_filters_and_sort_by_looked_up_names(db, station):
    q = incident_list_query(db, station["station_id"])
    assert _numbers(q, filter=Filter(equals={"community_id": station["east"]})) == ["JQ2"]
    crime = [station["cats"]["01"], *(station["cats"][c] for c in ("0101", "0106"))]
    assert _numbers(q, filter=Filter(equals={"category_id": crime})) == ["JQ1"]
    march2 = Filter(ranges={"reported_at": (datetime(2025, 3, 2), datetime(2025, 3, 2, 23, 59, 59))})
    assert _numbers(q, filter=march2) == ["JQ2"]
    # Sorting by the category column sorts by its code order (crime 0106 < 0205 < 0603), page by page.
    assert _numbers(q, sort=Sort("category")) == ["JQ1", "JQ2", "JQ3"]
    first = q.fetch(0, 2, sort=Sort("category", True))
    rest = q.fetch(2, 2, sort=Sort("category", True))
    assert [r[1] for r in first + rest] == ["JQ3", "JQ2", "JQ1"]
    col = 1 + [c.key for c in q.columns].index("category")
    names = {r[1]: r[col] for r in q.fetch(0, 10)}
    assert names["JQ1"] == "盗窃电动车"


def test_check_incident_uses_the_import_rules():
    with pytest.raises(ValidationError) as err:
        check_incident({"number": "", "reported_at": "2023-02-29 10:00"}, now=NOW)
    assert set(err.value.fields) == {"number", "reported_at"}
    with pytest.raises(ValidationError) as err:
        check_incident({"number": "X1", "reported_at": "2025-03-07 10:00"}, now=NOW)
    assert "晚于当前时间" in err.value.fields["reported_at"]
    checked = check_incident({"number": " Ｘ１ ", "reported_at": "2025年3月5日14时07分", "caller_phone": "12ab",
                              "address": "解放路 128 号门口"}, now=NOW)
    assert checked.values["number"] == "X1" and checked.values["caller_phone"] is None
    assert checked.values["caller_phone_raw"] == "12ab" and "caller_phone" in checked.warnings
    assert checked.values["address_norm"] == "解放路128号"


def test_create_refuses_a_duplicate_number_and_refreshes_clusters(db, station):
    sid, staff = station["station_id"], station["staff_id"]
    with pytest.raises(ValidationError) as err:
        create_incident(db, sid, staff, {"number": "JQ1", "reported_at": "2025-03-05 10:00"}, now=NOW)
    assert "已存在" in err.value.fields["number"]
    new_id = create_incident(db, sid, staff, {"number": "JQ9", "reported_at": "2025-03-03 20:00",
                                              "caller_phone": "139 1234 5678"}, now=NOW)
    detail = incident_detail(db, sid, new_id)
    assert detail.caller_phone == "13912345678" and detail.source == "manual"
    assert [c.kind for c in detail.clusters] == ["same_caller"]
    with db.session(station_id=sid) as s:
        assert s.scalar(select(RepeatCluster.incident_count)) == 2


def test_grid_must_belong_to_the_community(db, station):
    with pytest.raises(ValidationError) as err:
        create_incident(db, station["station_id"], station["staff_id"],
                        {"number": "JQ8", "reported_at": "2025-03-05 10:00", "community_id": station["west"],
                         "grid_id": station["grid"]}, now=NOW)
    assert "grid_id" in err.value.fields


def test_update_with_a_stale_version_is_refused(db, station):
    sid, staff = station["station_id"], station["staff_id"]
    with db.session(station_id=sid) as s:
        inc_id = s.scalar(select(Incident.id).where(Incident.number == "JQ2"))
    detail = incident_detail(db, sid, inc_id)
    values = {"number": "JQ2", "reported_at": detail.reported_at, "summary": "第一次修改"}
    update_incident(db, sid, staff, inc_id, detail.version, values, now=NOW)
    with pytest.raises(ConflictError):
        update_incident(db, sid, staff, inc_id, detail.version, {**values, "summary": "第二次"}, now=NOW)
    assert incident_detail(db, sid, inc_id).summary == "第一次修改"


def test_lookups_offer_the_station_choices(db, station):
    found = lookups(db, station["station_id"])
    assert [c.name for c in found.communities] == ["东门社区", "西门社区"]
    assert any(c.name == "未分类" for c in found.categories)
    crime = next(c for c in found.categories if c.code == "01")
    assert len(found.subtype_ids_of(crime.id)) == 7
