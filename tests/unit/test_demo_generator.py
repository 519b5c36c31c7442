"""The demo station generator: shape, rules and determinism of what it writes, checked with SQL.

For now each test database is a fresh SQLite file made with ``create_all`` (foreign keys on); this
will move to the project's migrated-database fixtures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from desktop.errors import Cancelled, ConflictError
from desktop.models import Base
from desktop.services.auth import verify_password
from desktop.services.demo import DEMO_ACCOUNTS, generate_demo
from desktop.services.identity import check_resident_id, normalize_address, normalize_phone

TODAY = date(2025, 6, 30)
NOW = datetime(2025, 6, 30)
SEED = 1
OPEN_STATES = ("issued", "accepted", "reported", "returned")


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    Base.metadata.create_all(engine)
    return engine


def _generate(path: Path, seed: int, **kw):
    engine = _engine(path)
    with Session(engine) as session:
        summary = generate_demo(session, years=1, seed=seed, today=TODAY, **kw)
        session.commit()
    return engine, summary


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    calls: list[tuple[int, int, str]] = []
    engine, summary = _generate(tmp_path_factory.mktemp("demo") / "demo.db", SEED,
                                progress=lambda d, t, s: calls.append((d, t, s)))
    with engine.connect() as conn:
        yield conn, summary, calls
    engine.dispose()


def _rows(conn, sql: str, **params):
    return conn.execute(text(sql), params).all()


def _scalar(conn, sql: str, **params):
    return conn.execute(text(sql), params).scalar()


def _count(conn, table: str, where: str = "1 = 1", **params) -> int:
    return _scalar(conn, f"SELECT COUNT(*) FROM {table} WHERE {where}", **params)


def _values(conn, sql: str, **params) -> set:
    return {r[0] for r in _rows(conn, sql, **params)}


def _dt(value) -> datetime:
    return datetime.fromisoformat(str(value))


def _first_incidents(conn):
    sql = "SELECT number, reported_at, caller_name FROM incidents ORDER BY id LIMIT 50"
    return [tuple(r) for r in _rows(conn, sql)]


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_data_and_other_seed_differs(demo, tmp_path):
    conn, summary, _ = demo
    engine2, summary2 = _generate(tmp_path / "again.db", SEED)
    engine3, summary3 = _generate(tmp_path / "other.db", SEED + 1)
    try:
        assert summary2.counts == summary.counts
        with engine2.connect() as c2, engine3.connect() as c3:
            assert _first_incidents(c2) == _first_incidents(conn)
            for sql in ("SELECT number, status, deadline FROM work_orders ORDER BY id",
                        "SELECT id_number FROM parties ORDER BY id"):
                assert _rows(c2, sql) == _rows(conn, sql)
            assert _first_incidents(c3) != _first_incidents(conn)
        assert summary3.counts["incidents"] != summary.counts["incidents"]
    finally:
        engine2.dispose()
        engine3.dispose()


def test_summary_matches_the_tables(demo):
    conn, summary, _ = demo
    assert summary.station_id == _scalar(conn, "SELECT id FROM stations WHERE code = 'GD'")
    for table, count in summary.counts.items():
        assert _count(conn, table) == count, table
    assert summary.start == date(2024, 6, 30) and summary.end == date(2025, 6, 29)


def test_progress_is_monotonic_and_finishes(demo):
    _, _, calls = demo
    done = [d for d, _, _ in calls]
    assert done == sorted(done)
    assert calls[-1][:2] == (100, 100)
    assert all(t == 100 and label for _, t, label in calls)


# --------------------------------------------------------------------------- integrity


def test_no_constraint_violations(demo):
    conn, _, _ = demo
    assert _rows(conn, "PRAGMA foreign_key_check") == []
    assert _scalar(conn, "PRAGMA integrity_check") == "ok"


@pytest.mark.parametrize("table, column", [
    ("incidents", "reported_at"), ("incidents", "created_at"), ("work_order_events", "at"),
    ("work_orders", "closed_at"), ("cases", "closed_at"), ("case_clock_events", "at"),
    ("mediation_sessions", "held_at"), ("warnings", "acted_at"), ("briefings", "held_at"),
    ("briefings", "signed_at"), ("repeat_clusters", "created_at"), ("disputes", "ended_at"),
])
def test_nothing_happens_at_or_after_today(demo, table, column):
    conn, _, _ = demo
    latest = _scalar(conn, f"SELECT MAX({column}) FROM {table}")
    assert latest is not None and _dt(latest) < NOW


def test_organisation(demo):
    conn, _, _ = demo
    kinds = Counter(k for (k,) in _rows(conn, "SELECT kind FROM units"))
    for kind in ("command_room", "community_team", "case_team", "mediation_centre", "leadership"):
        assert kinds[kind] == 1, kind
    assert 4 <= kinds["police_office"] <= 5
    communities = _count(conn, "communities")
    assert 8 <= communities <= 12 and _count(conn, "communities", "kind = 'village'") >= 2
    with_office = "communities c JOIN units u ON u.id = c.unit_id"
    assert _count(conn, with_office, "u.kind = 'police_office'") == communities
    assert 35 <= _count(conn, "grids") <= 45
    assert 50 <= _count(conn, "staff") <= 70
    assert {"officer", "auxiliary", "mediator"} <= _values(conn, "SELECT rank FROM staff")
    for (phone,) in _rows(conn, "SELECT phone FROM staff"):
        assert normalize_phone(phone).normalized == phone


def test_demo_accounts_log_in(demo):
    conn, _, _ = demo
    assert {role for _, _, role, _ in DEMO_ACCOUNTS} == {"admin", "chief", "duty", "officer", "mediator",
                                                         "viewer"}
    for number, name, role, password in DEMO_ACCOUNTS:
        row = _rows(conn, "SELECT id, name, password_hash FROM staff WHERE number = :n", n=number)[0]
        assert row.name == name
        assert verify_password(row.password_hash, password)
        assert role in _values(conn, "SELECT role FROM staff_roles WHERE staff_id = :i", i=row.id)
    assert not verify_password(row.password_hash, "wrong")
    assert _count(conn, "staff", "password_hash IS NOT NULL") == len(DEMO_ACCOUNTS)


# --------------------------------------------------------------------------- incidents

INCIDENT_CATEGORY = "incidents i JOIN incident_categories c ON c.id = i.category_id"


def test_incident_volume_mix_and_numbers(demo):
    conn, _, _ = demo
    total = _count(conn, "incidents")
    assert 40 * 365 <= total <= 60 * 365
    assert 0.08 <= _count(conn, INCIDENT_CATEGORY, "c.criminal") / total <= 0.16
    assert _count(conn, INCIDENT_CATEGORY, "c.level <> 2") == 0
    by_level1 = dict(_rows(conn, f"SELECT substr(c.code, 1, 2), COUNT(*) FROM {INCIDENT_CATEGORY} "
                                 "GROUP BY 1"))
    assert by_level1["05"] == max(by_level1.values())  # disputes are the most common calls
    assert by_level1["06"] > by_level1["01"]
    numbers = [n for (n,) in _rows(conn, "SELECT number FROM incidents")]
    assert len(set(numbers)) == len(numbers)
    for number, reported in _rows(conn, "SELECT number, reported_at FROM incidents ORDER BY id LIMIT 500"):
        assert len(number) == 14 and number.startswith("JQ")
        assert number[2:10] == _dt(reported).strftime("%Y%m%d")
    # Daily rhythm: the small hours are quiet, the evening busy; Friday and Saturday busier.
    hours = dict(_rows(conn, "SELECT CAST(strftime('%H', reported_at) AS INTEGER), COUNT(*) "
                             "FROM incidents GROUP BY 1"))
    assert hours[4] * 4 < hours[20]
    days = dict(_rows(conn, "SELECT strftime('%w', reported_at), COUNT(*) FROM incidents GROUP BY 1"))
    assert days["5"] > days["2"] and days["6"] > days["2"]


def test_incident_phones_and_addresses_are_normalised(demo):
    conn, _, _ = demo
    rows = _rows(conn, "SELECT caller_phone, caller_phone_raw, address, address_norm FROM incidents")
    variants = 0
    for phone, raw, address, norm in rows:
        assert normalize_phone(raw).normalized == phone
        assert normalize_address(address) == norm
        variants += raw != phone
    assert variants > len(rows) * 0.15
    assert any("０" <= ch <= "９" for _, raw, _, _ in rows for ch in raw)
    assert _count(conn, "incidents", "caller_phone_raw LIKE '+86%'") > 0
    assert _count(conn, "incidents", "address LIKE '%附近' OR address LIKE '%门口'") > 0


def test_imported_incidents_have_batches(demo):
    conn, _, _ = demo
    assert _count(conn, "incidents", "source = 'import' AND "
                                     "(source_batch_id IS NULL OR source_row IS NULL)") == 0
    assert _count(conn, "incidents", "source = 'manual'") > 0
    mismatched = _rows(conn, "SELECT b.id FROM import_batches b "
                             "LEFT JOIN incidents i ON i.source_batch_id = b.id "
                             "GROUP BY b.id HAVING COUNT(i.id) <> MAX(b.rows_imported)")
    assert mismatched == []
    batched = "incidents i JOIN import_batches b ON b.id = i.source_batch_id"
    assert _count(conn, batched, "b.created_at <= i.reported_at") == 0


# --------------------------------------------------------------------------- repeat clusters

RULES = {"same_caller": (2, timedelta(hours=24)), "same_place": (3, timedelta(hours=72)),
         "same_event": (2, timedelta(minutes=30))}


def test_planted_clusters_satisfy_their_rules(demo):
    conn, _, _ = demo
    clusters = _rows(conn, "SELECT id, kind, match_key, first_at, last_at, incident_count "
                           "FROM repeat_clusters")
    assert {c.kind for c in clusters} == set(RULES)
    assert 60 <= len(clusters) <= 400
    members = defaultdict(list)
    for row in _rows(conn, "SELECT l.cluster_id, i.reported_at, i.caller_phone, i.address_norm "
                           "FROM repeat_cluster_incidents l JOIN incidents i ON i.id = l.incident_id"):
        members[row.cluster_id].append((_dt(row.reported_at), row.caller_phone, row.address_norm))
    for c in clusters:
        calls = members[c.id]
        least, window = RULES[c.kind]
        times = [t for t, _, _ in calls]
        assert len(calls) == c.incident_count >= least
        assert min(times) == _dt(c.first_at) and max(times) == _dt(c.last_at)
        assert max(times) - min(times) <= window
        phones = {p for _, p, _ in calls}
        if c.kind == "same_caller":
            assert phones == {c.match_key}
        else:
            assert {a for _, _, a in calls} == {c.match_key}
        if c.kind == "same_event":
            assert len(phones) == len(calls)


def test_ordered_clusters_have_work_orders(demo):
    conn, _, _ = demo
    ordered = _count(conn, "repeat_clusters", "status = 'ordered'")
    with_orders = _count(conn, "repeat_clusters c", "c.status = 'ordered' AND EXISTS "
                                                    "(SELECT 1 FROM work_orders w WHERE w.cluster_id = c.id)")
    assert ordered - with_orders <= 1  # one made in the last half hour may not be issued yet
    from_clusters = "work_orders w JOIN repeat_clusters c ON c.id = w.cluster_id"
    assert _count(conn, from_clusters, "c.status <> 'ordered'") == 0


# --------------------------------------------------------------------------- cases


def test_cases_and_their_clocks(demo):
    conn, _, _ = demo
    kinds = dict(_rows(conn, "SELECT kind, COUNT(*) FROM cases GROUP BY kind"))
    assert kinds["criminal"] > 100 and kinds["administrative"] > 100
    assert _count(conn, "cases", "incident_id IS NULL AND dispute_id IS NULL") == 0
    assert _count(conn, "cases", "dispute_id IS NOT NULL") > 0
    events = defaultdict(list)
    for row in _rows(conn, "SELECT case_id, kind, at, approver FROM case_clock_events ORDER BY case_id, at"):
        events[row.case_id].append((row.kind, _dt(row.at), row.approver))
    assert {k for evs in events.values() for k, _, _ in evs} == {"pause", "resume", "extension"}
    admin = _rows(conn, "SELECT id, accepted_at, due_at, closed_at, status, extended FROM cases "
                        "WHERE kind = 'administrative'")
    closed_in_time = closed = overdue_open = 0
    for case in admin:
        evs = events.get(case.id, [])
        # DESIGN.md §3: accepted D → due D+30; extension → D+60; appraisal time does not count.
        expected = _dt(case.accepted_at) + timedelta(days=60 if case.extended else 30)
        assert bool(case.extended) == any(k == "extension" for k, _, _ in evs)
        assert all(approver for k, _, approver in evs if k == "extension")
        paused_at = None
        for kind, at, _ in evs:
            if kind == "pause":
                paused_at = at
            elif kind == "resume":
                expected += at - paused_at
                paused_at = None
        if paused_at is not None:
            assert case.status == "suspended"
            expected += NOW - paused_at
        assert _dt(case.due_at) == expected, case
        if case.closed_at is not None:
            closed += 1
            assert case.status == "closed"
            closed_in_time += _dt(case.closed_at) <= _dt(case.due_at)
        elif _dt(case.due_at) < NOW:
            overdue_open += 1
    assert overdue_open > 0
    assert 0.85 <= closed_in_time / closed <= 0.99


# --------------------------------------------------------------------------- warnings and briefings


def test_warnings(demo):
    conn, _, _ = demo
    kinds = dict(_rows(conn, "SELECT kind, COUNT(*) FROM warnings GROUP BY kind"))
    assert kinds["fraud"] == max(kinds.values())
    assert _values(conn, "SELECT status FROM warnings") == {"received", "assigned", "acted", "closed"}
    assert _count(conn, "warnings", "status IN ('received', 'assigned') AND deadline < :now", now=NOW) > 0
    assert _count(conn, "warnings", "status IN ('acted', 'closed') AND acted_at IS NULL") == 0
    for id_number in _values(conn, "SELECT subject_id_number FROM warnings "
                                   "WHERE subject_id_number IS NOT NULL"):
        assert check_resident_id(id_number, today=TODAY).ok


def test_briefings(demo):
    conn, _, _ = demo
    kinds = dict(_rows(conn, "SELECT kind, COUNT(*) FROM briefings GROUP BY kind"))
    assert kinds["daily"] == 60 and 6 <= kinds["weekly"] <= 8 and 5 <= kinds["monthly"] <= 6
    drafts = _rows(conn, "SELECT kind, period_start, period_end FROM briefings WHERE status = 'draft'")
    assert len(drafts) == 1 and drafts[0].kind == "daily"
    assert _dt(drafts[0].period_end) == datetime(2025, 6, 29, 8, 0)
    assert _dt(_scalar(conn, "SELECT MAX(period_start) FROM briefings WHERE kind = 'daily'")) == _dt(
        drafts[0].period_start)
    for row in _rows(conn, "SELECT period_start, period_end FROM briefings WHERE kind = 'daily'"):
        start = _dt(row.period_start)
        assert start.hour == 8 and _dt(row.period_end) - start == timedelta(days=1)
    per_briefing = [n for (n,) in _rows(conn, "SELECT COUNT(d.id) FROM briefings b "
                                               "LEFT JOIN directives d ON d.briefing_id = b.id "
                                               "WHERE b.kind = 'daily' GROUP BY b.id")]
    assert min(per_briefing) >= 1 and max(per_briefing) <= 3
    assert _count(conn, "briefings", "status = 'signed' AND "
                                     "(signed_at IS NULL OR signed_by_id IS NULL OR analysis IS NULL)") == 0


# --------------------------------------------------------------------------- work orders

ALLOWED = {
    ("issue", None, "issued"),
    ("accept", "issued", "accepted"), ("accept", "returned", "accepted"),
    ("report", "accepted", "reported"),
    ("return", "reported", "returned"),
    ("close", "reported", "closed"),
    ("reassign", "issued", "issued"), ("reassign", "accepted", "accepted"),
    *(("cancel", s, "cancelled") for s in OPEN_STATES),
    *(("urge", s, s) for s in OPEN_STATES),
}


def test_work_orders_in_every_state_with_consistent_history(demo):
    conn, _, _ = demo
    orders = {r.id: r for r in _rows(conn, "SELECT id, status, closed_at, cancel_reason, unit_id, "
                                           "assignee_id, issued_at FROM work_orders")}
    assert {o.status for o in orders.values()} == {*OPEN_STATES, "closed", "cancelled"}
    history = defaultdict(list)
    for e in _rows(conn, "SELECT work_order_id, kind, at, from_status, to_status, to_unit_id, to_assignee_id "
                         "FROM work_order_events ORDER BY work_order_id, at, id"):
        history[e.work_order_id].append(e)
    seen_kinds = Counter()
    for oid, order in orders.items():
        events = history[oid]
        assert events[0].kind == "issue" and _dt(events[0].at) == _dt(order.issued_at)
        state, unit, assignee = None, events[0].to_unit_id, events[0].to_assignee_id
        for e in events:
            assert (e.kind, e.from_status, e.to_status) in ALLOWED, (oid, e)
            assert e.from_status == state
            state = e.to_status
            if e.kind == "reassign":
                unit, assignee = e.to_unit_id, e.to_assignee_id
            seen_kinds[e.kind] += 1
        assert state == order.status, oid
        assert (unit, assignee) == (order.unit_id, order.assignee_id)
        if order.status == "closed":
            assert events[-1].kind == "close" and _dt(events[-1].at) == _dt(order.closed_at)
        else:
            assert order.closed_at is None
        if order.status == "cancelled":
            assert events[-1].kind == "cancel" and order.cancel_reason
    assert set(seen_kinds) == {"issue", "accept", "report", "return", "close", "urge", "reassign", "cancel"}


def test_work_order_sources_deadlines_and_numbers(demo):
    conn, _, _ = demo
    assert _values(conn, "SELECT source_kind FROM work_orders") == {
        "incident", "cluster", "directive", "warning", "dispute", "hq", "manual"}
    assert _count(conn, "work_orders", "source_kind = 'hq' AND hq_reference IS NULL") == 0
    deltas = {"urgent": timedelta(hours=2), "high": timedelta(hours=24), "normal": timedelta(days=3),
              "long_term": timedelta(days=30)}
    for priority, issued, deadline in _rows(conn, "SELECT priority, issued_at, deadline FROM work_orders"):
        assert _dt(deadline) - _dt(issued) == deltas[priority]
    assert _count(conn, "work_orders", "status IN ('issued', 'accepted', 'reported', 'returned') "
                                       "AND deadline < :now", now=NOW) > 0
    trackers = _values(conn, "SELECT u.kind FROM work_orders w JOIN staff s ON s.id = w.tracker_id "
                             "JOIN units u ON u.id = s.unit_id")
    assert trackers == {"command_room"}
    sequences = dict(_rows(conn, "SELECT year, last_value FROM number_sequences WHERE name = 'work_order'"))
    per_year = defaultdict(list)
    for number, year, seq in _rows(conn, "SELECT number, year, seq FROM work_orders"):
        assert number == f"GD-{year}-{seq:06d}"
        per_year[year].append(seq)
    assert set(per_year) == set(sequences)
    for year, seqs in per_year.items():
        assert sorted(seqs) == list(range(1, sequences[year] + 1))
    on_time = _scalar(conn, "SELECT AVG(CASE WHEN closed_at <= deadline THEN 1.0 ELSE 0 END) "
                            "FROM work_orders WHERE status = 'closed'")
    assert 0.6 <= on_time <= 0.95


# --------------------------------------------------------------------------- disputes


def test_disputes_in_every_status_and_success_rate(demo):
    conn, _, _ = demo
    statuses = dict(_rows(conn, "SELECT status, COUNT(*) FROM disputes GROUP BY status"))
    assert set(statuses) == {"registered", "mediating", "resolved", "failed", "transferred"}
    rate = statuses["resolved"] / (statuses["resolved"] + statuses["failed"])
    assert 0.85 <= rate <= 0.99
    assert _count(conn, "disputes", "criminal_risk") > 0
    assert _count(conn, "disputes", "status IN ('resolved', 'failed') AND ended_at IS NULL") == 0
    numbers = _rows(conn, "SELECT number, registered_at FROM disputes")
    for number, registered in numbers:
        assert number.startswith(f"MT-{_dt(registered).year}-") and len(number) == 12
    last = dict(_rows(conn, "SELECT year, last_value FROM number_sequences WHERE name = 'dispute'"))
    assert last == dict(Counter(_dt(r).year for _, r in numbers))


def test_parties_have_valid_resident_ids(demo):
    conn, _, _ = demo
    parties = _rows(conn, "SELECT id_number, birth_date, sex FROM parties WHERE id_number IS NOT NULL")
    assert len(parties) > 200
    for id_number, birth, sex in parties:
        result = check_resident_id(id_number, birth_date=date.fromisoformat(str(birth)), sex=sex, today=TODAY)
        assert result.ok, (id_number, result.errors)
    assert _count(conn, "parties", "id_number IS NULL") > 0  # companies and hospitals
    assert {"applicant", "respondent"} <= _values(conn, "SELECT role FROM dispute_parties")
    assert _count(conn, "disputes d", "(SELECT COUNT(*) FROM dispute_parties p WHERE p.dispute_id = d.id "
                                      "AND p.role = 'applicant') <> 1") == 0
    # Stored once, linked to several disputes.
    assert _count(conn, "(SELECT party_id FROM dispute_parties GROUP BY party_id HAVING COUNT(*) > 1)") > 0
    assert _count(conn, "incident_parties") > 0


def test_sessions_mediators_agreements_follow_ups(demo):
    conn, _, _ = demo
    assert _count(conn, "mediation_sessions", "remote") > 0
    assert {"officer", "people_mediator", "lawyer", "grid_worker"} <= _values(
        conn, "SELECT role FROM session_mediators")
    assert _count(conn, "session_mediators", "role = 'lawyer' AND staff_id IS NOT NULL") == 0
    by_agreement = _count(conn, "disputes", "resolved_how = 'agreement'")
    signed = _scalar(conn, "SELECT COUNT(DISTINCT d.id) FROM disputes d JOIN agreements a "
                           "ON a.dispute_id = d.id AND a.status = 'signed' WHERE d.status = 'resolved'")
    assert signed == by_agreement > 0
    assert signed / _count(conn, "disputes", "status = 'resolved'") > 0.7
    superseded = _rows(conn, "SELECT a1.number, a2.number, a2.agreement_version, a2.status "
                             "FROM agreements a1 JOIN agreements a2 ON a2.supersedes_id = a1.id "
                             "WHERE a1.status = 'superseded'")
    assert len(superseded) in (1, 2)
    assert all(n1 == n2 and v == 2 and s == "signed" for n1, n2, v, s in superseded)
    assert _count(conn, "agreements", "status = 'superseded'") == len(superseded)
    for (number,) in _rows(conn, "SELECT number FROM agreements"):
        assert number.startswith("城关调字〔") and number.endswith("号")
    signatories = "agreement_parties ap JOIN agreements a ON a.id = ap.agreement_id"
    assert _count(conn, signatories, "a.status <> 'draft' AND ap.signed_how IS NULL") == 0
    assert _values(conn, "SELECT signed_how FROM agreement_parties WHERE signed_how IS NOT NULL") == {
        "signature", "thumbprint", "seal"}
    assert _count(conn, "agreements", "copies < 3") == 0
    assert {"yes", "partly", "no"} <= _values(conn, "SELECT honoured FROM follow_ups")


def test_transfers_both_ways(demo):
    conn, _, _ = demo
    assert {"to_centre", "to_police"} <= _values(conn, "SELECT direction FROM transfers")
    resolved = _count(conn, "transfers", "outcome = 'resolved'")
    assert 0.8 <= resolved / _count(conn, "transfers", "outcome IS NOT NULL") <= 0.97
    assert _count(conn, "disputes d", "d.status = 'transferred' AND NOT EXISTS (SELECT 1 FROM transfers t "
                                      "WHERE t.dispute_id = d.id AND t.direction <> 'to_centre')") == 0


# --------------------------------------------------------------------------- errors


def test_cancel_raises_and_caller_rolls_back(tmp_path):
    engine = _engine(tmp_path / "cancel.db")
    polls = []

    def cancel() -> bool:
        polls.append(1)
        return len(polls) > 3

    with Session(engine) as session:
        with pytest.raises(Cancelled):
            generate_demo(session, years=1, seed=SEED, today=TODAY, cancel=cancel)
        session.rollback()
    with engine.connect() as conn:
        assert _count(conn, "stations") == 0
    engine.dispose()


def test_refuses_a_database_that_has_the_station(tmp_path):
    engine = _engine(tmp_path / "twice.db")
    with Session(engine) as session:
        session.execute(text("INSERT INTO stations (id, code, name, cutover_hour, created_at, version) "
                             "VALUES (1, 'GD', '城关派出所', 8, '2025-01-01 00:00:00', 1)"))
        with pytest.raises(ConflictError):
            generate_demo(session, years=1, seed=SEED, today=TODAY)
    engine.dispose()
    with pytest.raises(ValueError):
        generate_demo(None, years=0)  # type: ignore[arg-type]
