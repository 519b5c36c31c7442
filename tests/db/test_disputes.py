"""Dispute mediation service on every backend: party checks, registration and numbers, the status rules,
sessions, versioned agreements, follow-ups, judicial-confirmation reminders, transfers, the list and
the §4 rates against hand-counted fixtures."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models import Community, WorkOrder
from desktop.models.dispute import Agreement, Dispute, FollowUp, Party, Transfer
from desktop.models.enums import Role
from desktop.services import disputes as dsp
from desktop.services.accounts import LoginResult
from desktop.services.paging import Filter
from desktop.services.stations import add_staff
from tests.factories import make_incident, make_station

T0 = datetime(2025, 3, 6, 9, 0)
ALICE = {"name": "王芳", "id_number": "11010519491231002X", "phone": "138 0013 8000"}
BOB = {"name": "李强", "phone": "+86 139-0013-9000"}


@dataclasses.dataclass
class Org:
    station_id: int
    duty: LoginResult
    mediator_id: int
    team: int
    community: int


@pytest.fixture
def org(db) -> Org:
    with db.transaction() as s:
        station, _room, team, duty = make_station(s)
        mediator = add_staff(s, station, number="GD501", name="周调解", roles={Role.OFFICER}, unit=team)
        community = Community(station_id=station.id, code="C1", name="解放社区")
        s.add(community)
        s.flush()
        login = LoginResult(duty.id, station.id, duty.name, duty.number, (str(Role.DUTY),), station.name)
        return Org(station.id, login, mediator.id, team.id, community.id)


def _values(**kw):
    return {"cause": "宅基地边界争执", "occurred_at": T0 - timedelta(days=1), "place": "解放路12号",
            "nature": "neighbour", "progression": "双方多次口角", "source": "patrol", "risk_level": "low", **kw}


def _register(db, org, *, now=T0, parties=None, **kw) -> int:
    return dsp.register_dispute(db, org.duty, _values(**kw),
                                parties if parties is not None else [(ALICE, "applicant"), (BOB, "respondent")],
                                now=now)


def _detail(db, org, dispute_id) -> dsp.DisputeDetail:
    return dsp.dispute_detail(db, org.station_id, dispute_id)


def _session(db, org, dispute_id, *, outcome="none", at=T0 + timedelta(days=1)) -> int:
    return dsp.add_session(db, org.duty, dispute_id, held_at=at, place="调解室",
                           mediators=[(org.mediator_id, "officer"), ("刘律师", "lawyer")], attendees="双方",
                           outcome=outcome)


def _draft(db, org, dispute_id, **kw) -> int:
    return dsp.draft_agreement(db, org.duty, dispute_id, facts="双方因边界发生纠纷", points="边界位置",
                               terms="李强拆除越界围墙", performance="自行履行",
                               performance_deadline=date(2025, 4, 1), now=T0 + timedelta(days=2), **kw)


def _agreement_version(db, agreement_id) -> int:
    with db.session() as s:
        return s.get(Agreement, agreement_id).version


# --------------------------------------------------------------------------- party checks (no database)


def test_valid_id_fills_birth_date_and_sex_and_normalises_phone():
    checked = dsp.check_party(ALICE)
    assert checked.values["id_number"] == "11010519491231002X"
    assert checked.values["birth_date"] == date(1949, 12, 31)
    assert checked.values["sex"] == "F"
    assert checked.values["phone"] == "13800138000"
    assert checked.warnings == {}


def test_bad_check_digit_is_a_field_error():
    with pytest.raises(ValidationError) as err:
        dsp.check_party({"name": "张三", "id_number": "340524198001010013"})
    assert "校验位" in err.value.fields["id_number"]


def test_birth_date_and_sex_must_agree_with_the_id():
    with pytest.raises(ValidationError) as err:
        dsp.check_party({**ALICE, "birth_date": date(1950, 1, 1)})
    assert "出生日期" in err.value.fields["id_number"]
    with pytest.raises(ValidationError) as err:
        dsp.check_party({**ALICE, "sex": "男"})
    assert "性别" in err.value.fields["id_number"]


def test_legacy_15_digit_id_is_upgraded():
    checked = dsp.check_party({"name": "赵六", "id_number": "110105491231002"})
    assert checked.values["id_number"] == "11010519491231002X"
    assert "升级" in checked.warnings["id_number"]


def test_invalid_phone_is_a_warning_keeping_the_text():
    checked = dsp.check_party({"name": "赵六", "phone": "1381234"})
    assert checked.values["phone"] is None and checked.values["phone_raw"] == "1381234"
    assert "phone" in checked.warnings


def test_name_is_required():
    with pytest.raises(ValidationError) as err:
        dsp.check_party({"name": "  "})
    assert "name" in err.value.fields


# --------------------------------------------------------------------------- registration


def test_register_numbers_parties_and_find(db, org):
    first = _register(db, org)
    second = _register(db, org, parties=[(ALICE, "applicant")], now=T0 + timedelta(hours=1))
    d1, d2 = _detail(db, org, first), _detail(db, org, second)
    assert (d1.number, d2.number) == ("MT-2025-0001", "MT-2025-0002")
    assert d1.status == "registered" and d1.nature == "neighbour" and d1.scale == 2
    assert [(p.name, p.role) for p in d1.parties] == [("王芳", "applicant"), ("李强", "respondent")]
    # The same ID number is the same person: stored once, linked to both disputes.
    assert d2.parties[0].id == d1.parties[0].id
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Party)) == 2
    assert [p.name for p in dsp.find_parties(db, org.station_id, "王")] == ["王芳"]
    assert [p.name for p in dsp.find_parties(db, org.station_id, "11010519491231002x")] == ["王芳"]
    assert [p.name for p in dsp.find_parties(db, org.station_id, "139 0013 9000")] == ["李强"]
    assert dsp.find_parties(db, org.station_id, "不存在") == []


def test_register_refuses_missing_elements(db, org):
    with pytest.raises(ValidationError) as err:
        dsp.register_dispute(db, org.duty, _values(cause="", nature="bogus"), [(ALICE, "applicant")], now=T0)
    assert {"cause", "nature"} <= set(err.value.fields)
    with pytest.raises(ValidationError) as err:
        dsp.register_dispute(db, org.duty, _values(risk_level="high"), [(ALICE, "applicant")], now=T0)
    assert "risk_reasons" in err.value.fields
    with pytest.raises(ValidationError):
        dsp.register_dispute(db, org.duty, _values(), [], now=T0)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Dispute)) == 0


def test_register_from_incident_links_it(db, org):
    with db.transaction(station_id=org.station_id) as s:
        from desktop.models import Station
        inc = make_incident(s, s.get(Station, org.station_id), "J2025030500001")
        inc_id = inc.id
    did = _register(db, org, source="incident", source_incident_id=inc_id)
    assert _detail(db, org, did).incidents == [(inc_id, "J2025030500001")]


def test_update_dispute_checks_version(db, org):
    did = _register(db, org)
    d = _detail(db, org, did)
    dsp.update_dispute(db, org.duty, did, d.version, {"risk_level": "high", "risk_reasons": "扬言报复",
                                                      "criminal_risk": True})
    d2 = _detail(db, org, did)
    assert (d2.risk_level, d2.criminal_risk) == ("high", True)
    with pytest.raises(ConflictError):
        dsp.update_dispute(db, org.duty, did, d.version, {"place": "别处"})


# --------------------------------------------------------------------------- status rules

ALL = ("registered", "mediating", "resolved", "failed", "transferred")
# DESIGN.md §3 written out: registered → mediating → resolved | failed → transferred.
ALLOWED = {("registered", "mediating"), ("mediating", "resolved"), ("mediating", "failed"),
           ("failed", "transferred")}


def _force(db, dispute_id, status):
    with db.transaction() as s:
        d = s.get(Dispute, dispute_id)
        d.status = status
        d.resolved_how = "other" if status == "resolved" else None
        d.ended_at = T0 if status in ("resolved", "failed", "transferred") else None


@pytest.mark.parametrize("start", ALL)
def test_every_transition(db, org, start):
    for target in ALL:
        did = _register(db, org)
        _force(db, did, start)
        version = _detail(db, org, did).version
        kwargs = {"how": "other"} if target == "resolved" else {"reason": "双方分歧大"} if target == "failed" else {}
        if (start, target) in ALLOWED:
            dsp.set_status(db, org.duty, did, version, target, now=T0 + timedelta(days=3), **kwargs)
            d = _detail(db, org, did)
            assert d.status == target
            if target in ("resolved", "failed"):
                assert d.ended_at == T0 + timedelta(days=3)
        else:
            with pytest.raises(ValidationError):
                dsp.set_status(db, org.duty, did, version, target, now=T0, **kwargs)
            assert _detail(db, org, did).status == start


def test_resolved_needs_how_and_failed_needs_reason(db, org):
    did = _register(db, org)
    _session(db, org, did)
    v = _detail(db, org, did).version
    with pytest.raises(ValidationError):
        dsp.set_status(db, org.duty, did, v, "resolved")
    with pytest.raises(ValidationError):
        dsp.set_status(db, org.duty, did, v, "failed")
    assert _detail(db, org, did).status == "mediating"


def test_first_session_moves_to_mediating_and_sets_the_lead(db, org):
    did = _register(db, org)
    sid = _session(db, org, did)
    d = _detail(db, org, did)
    assert d.status == "mediating" and d.lead_mediator_id == org.mediator_id
    assert d.sessions[0].id == sid
    assert [(m.name, m.role) for m in d.sessions[0].mediators] == [("周调解", "officer"), ("刘律师", "lawyer")]
    remote = dsp.add_session(db, org.duty, did, held_at=T0 + timedelta(days=2), remote=True,
                             mediators=[("网格员甲", "grid_worker")], outcome="partial")
    d = _detail(db, org, did)
    assert d.status == "mediating" and [x.id for x in d.sessions] == [sid, remote] and d.sessions[1].remote
    with pytest.raises(ValidationError):  # neither a place nor remote
        dsp.add_session(db, org.duty, did, held_at=T0, mediators=[("甲", "other")], outcome="none")


# --------------------------------------------------------------------------- agreements


def test_sign_locks_resolves_and_schedules_follow_ups(db, org):
    did = _register(db, org)
    _session(db, org, did, outcome="agreement")
    aid = _draft(db, org, did)
    d = _detail(db, org, did)
    a = d.agreements[0]
    assert a.number == "城关调字〔2025〕第1号" and a.status == "draft" and a.copies == 3
    assert a.mediators == "周调解、刘律师" and [s[2] for s in a.signatories] == ["applicant", "respondent"]
    dsp.update_agreement(db, org.duty, aid, a.version, terms="李强三日内拆除越界围墙")
    dsp.sign_agreement(db, org.duty, aid, _agreement_version(db, aid), signed_at=date(2025, 3, 10),
                       follow_up_days=[7, 30])
    d = _detail(db, org, did)
    assert (d.status, d.resolved_how) == ("resolved", "agreement")
    a = d.agreements[0]
    assert a.status == "signed" and a.terms == "李强三日内拆除越界围墙" and a.signed_on == date(2025, 3, 10)
    assert a.confirmation_deadline == date(2025, 4, 9)
    assert all(s[3] == "signature" for s in a.signatories)
    assert [f.due for f in d.follow_ups] == [date(2025, 3, 17), date(2025, 4, 9)]
    assert all(f.visited_on is None for f in d.follow_ups)
    with pytest.raises(ValidationError):
        dsp.update_agreement(db, org.duty, aid, _agreement_version(db, aid), terms="改")
    with pytest.raises(ValidationError):
        dsp.sign_agreement(db, org.duty, aid, _agreement_version(db, aid), signed_at=date(2025, 3, 11))


def test_copies_at_least_parties_plus_one(db, org):
    did = _register(db, org)
    with pytest.raises(ValidationError) as err:
        _draft(db, org, did, copies=2)
    assert "copies" in err.value.fields


def test_correction_is_a_new_version_keeping_the_old(db, org):
    did = _register(db, org)
    _session(db, org, did, outcome="agreement")
    aid = _draft(db, org, did)
    dsp.sign_agreement(db, org.duty, aid, _agreement_version(db, aid), signed_at=date(2025, 3, 10))
    new_id = dsp.correct_agreement(db, org.duty, aid, signed_at=date(2025, 3, 12),
                                   performance_deadline=date(2025, 4, 15))
    old, new = _detail(db, org, did).agreements
    assert (old.id, old.status, old.agreement_version, old.performance_deadline) == (
        aid, "superseded", 1, date(2025, 4, 1))
    assert (new.id, new.status, new.agreement_version, new.supersedes_id) == (new_id, "signed", 2, aid)
    assert new.number == old.number and new.terms == old.terms and new.performance_deadline == date(2025, 4, 15)
    assert new.label == "城关调字〔2025〕第1号（第2版）"
    with pytest.raises(ValidationError):  # only the current signed version can be corrected
        dsp.correct_agreement(db, org.duty, aid, terms="再改")


def test_confirmation_deadline_and_reminders(db, org):
    assert dsp.confirmation_deadline(date(2025, 3, 10)) == date(2025, 4, 9)
    assert dsp.confirmation_deadline(datetime(2025, 12, 15, 10, 0)) == date(2026, 1, 14)
    did = _register(db, org)
    _session(db, org, did, outcome="agreement")
    aid = _draft(db, org, did)
    dsp.sign_agreement(db, org.duty, aid, _agreement_version(db, aid), signed_at=date(2025, 3, 10))
    assert dsp.agreements_needing_confirmation(db, org.station_id, today=date(2025, 4, 1)) == []
    rows = dsp.agreements_needing_confirmation(db, org.station_id, today=date(2025, 4, 3))
    assert [(r.agreement_id, r.deadline, r.days_left) for r in rows] == [(aid, date(2025, 4, 9), 6)]
    assert dsp.agreements_needing_confirmation(db, org.station_id, today=date(2025, 4, 10)) == []


def test_follow_up_recorded_and_due_lists(db, org):
    did = _register(db, org, risk_level="high", risk_reasons="扬言报复", criminal_risk=True)
    _session(db, org, did, outcome="agreement")
    aid = _draft(db, org, did)
    dsp.sign_agreement(db, org.duty, aid, _agreement_version(db, aid), signed_at=date(2025, 3, 10))
    assert dsp.follow_ups_due(db, org.station_id, today=date(2025, 3, 16)) == []
    due = dsp.follow_ups_due(db, org.station_id, today=date(2025, 3, 18))
    assert [(r.due, r.overdue) for r in due] == [(date(2025, 3, 17), True)]
    assert len(dsp.follow_ups_due(db, org.station_id, today=date(2025, 3, 18), staff_id=org.mediator_id)) == 1
    assert dsp.follow_ups_due(db, org.station_id, today=date(2025, 3, 18), staff_id=org.duty.staff_id) == []
    fid = dsp.record_follow_up(db, org.duty, due[0].id, due[0].version, done_at=date(2025, 3, 18),
                               visitor_id=org.mediator_id, honoured=True, new_risk="low", notes="已拆除围墙")
    assert fid == due[0].id
    d = _detail(db, org, did)
    assert (d.risk_level, d.criminal_risk) == ("low", False)
    done = d.follow_ups[0]
    assert (done.visited_on, done.visitor_name, done.honoured, done.due) == (
        date(2025, 3, 18), "周调解", "yes", None)
    assert [r.due for r in dsp.follow_ups_due(db, org.station_id, today=date(2025, 5, 1))] == [date(2025, 4, 9)]


# --------------------------------------------------------------------------- transfers


def test_transfer_with_outcome_and_work_order(db, org):
    did = _register(db, org)
    _session(db, org, did)
    dsp.set_status(db, org.duty, did, _detail(db, org, did).version, "failed", reason="多次调解不成",
                   now=T0 + timedelta(days=5))
    tid = dsp.add_transfer(db, org.duty, did, direction="to_police", reason="需依法处理", receiving_body="城关派出所",
                           at=date(2025, 3, 12), raise_work_order={"unit_id": org.team, "priority": "normal"})
    d = _detail(db, org, did)
    assert d.status == "transferred"
    assert [(t.id, t.direction, t.outcome) for t in d.transfers] == [(tid, "to_police", None)]
    assert len(d.orders) == 1 and d.orders[0][2] == "issued"
    with db.session() as s:
        assert s.scalar(select(WorkOrder.dispute_id)) == did
    dsp.record_transfer_outcome(db, org.duty, tid, d.transfers[0].version, outcome="resolved",
                                returned_at=date(2025, 3, 20), notes="经处理化解")
    t = _detail(db, org, did).transfers[0]
    assert (t.outcome, t.outcome_on, t.outcome_notes) == ("resolved", date(2025, 3, 20), "经处理化解")
    with pytest.raises(ValidationError):  # transferred already: no further transfer
        dsp.add_transfer(db, org.duty, did, direction="to_court", reason="起诉", receiving_body="法院")


def test_transfer_to_centre_at_registration_keeps_status(db, org):
    did = _register(db, org)
    dsp.add_transfer(db, org.duty, did, direction="to_centre", reason="邻里纠纷，双方同意调解",
                     receiving_body="矛调中心", at=date(2025, 3, 6))
    assert _detail(db, org, did).status == "registered"


# --------------------------------------------------------------------------- list


def test_list_tone_filters_and_labels(db, org):
    low = _register(db, org)
    high = _register(db, org, risk_level="major", risk_reasons="群体性", nature="labour",
                     community_id=org.community)
    flagged = _register(db, org, criminal_risk=True)
    q = dsp.dispute_list_query(db, org.station_id)
    keys = [c.key for c in q.columns]
    data = {r[0]: dict(zip(["id", *keys], r, strict=True)) for r in q.fetch(offset=0, limit=50)}
    assert data[low]["tone"] == "" and data[high]["tone"] == "risk" and data[flagged]["tone"] == "risk"
    assert data[high]["community"] == "解放社区" and data[high]["nature"] == "labour"
    assert q.count(Filter(equals={"risk_level": ["high", "major"]})) == 1
    assert q.count(Filter(equals={"criminal_risk": True})) == 1
    assert q.count(Filter(equals={"community_id": org.community})) == 1
    assert q.count(Filter(text="宅基地")) == 3
    assert dsp.NATURE_LABELS[data[high]["nature"]] == "劳资"


# --------------------------------------------------------------------------- statistics


def _bulk(db, org, rows):
    with db.transaction() as s:
        s.execute(insert(Dispute), rows)


def test_statistics_against_hand_counts(db, org):
    lo, hi = datetime(2025, 3, 1), datetime(2025, 4, 1)
    base = {"station_id": org.station_id, "cause": "纠纷", "source": "other", "risk_level": "low", "scale": 2,
            "registered_at": datetime(2025, 3, 2, 9, 0)}
    rows = []
    n = 0

    def add(count, **kw):
        nonlocal n
        for _ in range(count):
            n += 1
            rows.append({**base, "number": f"MT-2025-{n:04d}", **kw})

    add(30, nature="family", status="resolved", resolved_how="agreement", ended_at=datetime(2025, 3, 10))
    add(10, nature="family", status="resolved", resolved_how="other", ended_at=datetime(2025, 3, 11))
    add(5, nature="family", status="failed", ended_at=datetime(2025, 3, 12))
    add(15, nature="neighbour", status="resolved", resolved_how="agreement", ended_at=datetime(2025, 3, 20),
        community_id=org.community, lead_mediator_id=org.mediator_id)
    add(3, nature="neighbour", status="transferred", ended_at=datetime(2025, 3, 21), community_id=org.community)
    add(7, nature="labour", status="mediating")
    # Ended outside the period (registered before it): not counted anywhere.
    add(4, nature="labour", status="resolved", resolved_how="agreement", ended_at=datetime(2025, 2, 20),
        registered_at=datetime(2025, 2, 1))
    # Registered before, ended in the period: counts as resolved but not as registered.
    add(2, nature="debt", status="resolved", resolved_how="other", ended_at=datetime(2025, 3, 5),
        registered_at=datetime(2025, 2, 10))
    _bulk(db, org, rows)
    with db.session() as s:
        ids = s.scalars(select(Dispute.id).order_by(Dispute.id)).all()
    transfers = []
    for i in range(63):  # 63 transfers in the period of which 56 resolved, plus some without outcome / outside
        outcome = "resolved" if i < 56 else ("unresolved" if i < 60 else "returned")
        transfers.append({"station_id": org.station_id, "dispute_id": ids[i % len(ids)], "direction": "to_centre",
                          "transferred_on": date(2025, 3, 1 + i % 28), "reason": "移交", "receiver": "矛调中心",
                          "outcome": outcome, "outcome_on": date(2025, 3, 29)})
    for _ in range(5):
        transfers.append({"station_id": org.station_id, "dispute_id": ids[0], "direction": "to_centre",
                          "transferred_on": date(2025, 3, 3), "reason": "移交", "receiver": "矛调中心"})
    transfers.append({"station_id": org.station_id, "dispute_id": ids[0], "direction": "to_court",
                      "transferred_on": date(2025, 4, 1), "reason": "诉讼", "receiver": "法院",
                      "outcome": "unresolved", "outcome_on": date(2025, 4, 5)})
    with db.transaction() as s:
        s.execute(insert(Transfer), transfers)

    st = dsp.statistics(db, org.station_id, lo, hi)
    assert st["registered"] == 30 + 10 + 5 + 15 + 3 + 7
    assert st["resolved"] == 30 + 10 + 15 + 2
    assert st["resolved_by_agreement"] == 45
    assert st["failed"] == 5 + 3
    assert st["success_rate"] == pytest.approx(57 / 65 * 100)
    assert st["transfers"] == 68 and st["transfers_with_outcome"] == 63 and st["transfers_resolved"] == 56
    assert round(st["transfer_resolution_rate"], 1) == 88.9
    nature = st["by_nature"]
    assert nature["family"] == {"registered": 45, "resolved": 40, "failed": 5,
                                "success_rate": pytest.approx(40 / 45 * 100)}
    assert nature["neighbour"]["resolved"] == 15 and nature["neighbour"]["failed"] == 3
    assert nature["labour"] == {"registered": 7, "resolved": 0, "failed": 0, "success_rate": None}
    assert nature["debt"]["registered"] == 0 and nature["debt"]["resolved"] == 2
    assert st["by_community"][org.community]["registered"] == 18
    assert st["by_mediator"][org.mediator_id]["resolved"] == 15
    empty = dsp.statistics(db, org.station_id, datetime(2024, 1, 1), datetime(2024, 2, 1))
    assert empty["success_rate"] is None and empty["transfer_resolution_rate"] is None


def test_follow_up_rows_are_station_data(db, org):
    did = _register(db, org)
    _session(db, org, did, outcome="agreement")
    aid = _draft(db, org, did)
    dsp.sign_agreement(db, org.duty, aid, _agreement_version(db, aid), signed_at=date(2025, 3, 10),
                       follow_up_days=[3])
    with db.session() as s:
        assert s.scalars(select(FollowUp.next_due)).all() == [date(2025, 3, 13)]


def test_read_only_accounts_are_refused(db, org):
    viewer = dataclasses.replace(org.duty, roles=("viewer",))
    with pytest.raises(PermissionDenied):
        dsp.register_dispute(db, viewer, _values(), [(ALICE, "applicant")], now=T0)
    did = _register(db, org)
    with pytest.raises(PermissionDenied):
        dsp.set_status(db, viewer, did, _detail(db, org, did).version, "mediating")
    with pytest.raises(PermissionDenied):  # an officer may transfer but not issue the work order
        dsp.add_transfer(db, dataclasses.replace(org.duty, roles=("officer",)), did, direction="to_centre",
                         reason="移交", receiving_body="矛调中心", raise_work_order={"unit_id": org.team})
    d = _detail(db, org, did)
    assert d.status == "registered" and d.transfers == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Dispute)) == 1


def test_lowering_the_risk_clears_the_criminal_risk_flag(db, org):
    did = _register(db, org, risk_level="high", risk_reasons="扬言报复", criminal_risk=True)
    dsp.update_dispute(db, org.duty, did, _detail(db, org, did).version, {"place": "解放路14号"})
    assert _detail(db, org, did).criminal_risk is True
    dsp.update_dispute(db, org.duty, did, _detail(db, org, did).version, {"risk_level": "medium"})
    d = _detail(db, org, did)
    assert (d.risk_level, d.criminal_risk) == ("medium", False)


def test_a_draft_cannot_be_signed_after_mediation_failed(db, org):
    did = _register(db, org)
    _session(db, org, did)
    aid = _draft(db, org, did)
    dsp.set_status(db, org.duty, did, _detail(db, org, did).version, "failed", reason="反悔")
    with pytest.raises(ValidationError):
        dsp.sign_agreement(db, org.duty, aid, _agreement_version(db, aid), signed_at=date(2025, 3, 10))
    assert _detail(db, org, did).agreements[0].status == "draft"


def test_criminal_risk_disputes_for_the_briefing(db, org):
    _register(db, org)
    medium = _register(db, org, risk_level="medium", criminal_risk=True, now=T0)
    major = _register(db, org, risk_level="major", risk_reasons="持械威胁", criminal_risk=True,
                      now=T0 + timedelta(hours=2))
    assert [(r.id, r.risk_level) for r in dsp.criminal_risk_disputes(db, org.station_id)] == [
        (major, "major"), (medium, "medium")]
    dsp.update_dispute(db, org.duty, major, _detail(db, org, major).version, {"risk_level": "low"})
    assert [r.id for r in dsp.criminal_risk_disputes(db, org.station_id)] == [medium]
