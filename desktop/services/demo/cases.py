"""Cases with their legal clocks, and the warnings pushed to the station."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta

from desktop.models import Case, CaseClockEvent, Warning
from desktop.services.demo.data import (
    ADMIN_CASE_ARTICLE,
    ADMIN_TITLES,
    AMOUNTS,
    APPRAISALS,
    COMMUNITIES,
    CRIMINAL_TITLES,
    FILLERS,
    LOCAL_AREAS,
    STATION_CODE,
    U_CASE,
    UPPER_ORGAN,
    WARNING_ACTIONS,
    WARNING_CONTENT,
    WARNING_KINDS,
    WARNING_RESULTS,
)
from desktop.services.demo.people import PeopleMixin
from desktop.services.identity import make_resident_id


class CaseStage(PeopleMixin):
    """Needs the incidents and ``dispute_cases``; leaves ``warning_info`` for the work orders."""

    # ------------------------------------------------------------------ cases

    def _cases(self) -> None:
        rng = self.rng
        specs: list[tuple[datetime, str, dict]] = []
        for idx, e in enumerate(self.incidents):
            code, ci, _, case_kind = self.inc_meta[idx]
            if case_kind is None:
                continue
            hours = 36 if case_kind == "criminal" else 20
            accepted = e["reported_at"] + timedelta(minutes=rng.randint(20, 60 * hours))
            if accepted >= self.now:
                accepted = e["reported_at"] + timedelta(minutes=5)
                if accepted >= self.now:
                    continue
            victim = e["caller_name"] or "无名氏"
            place = self._place_of(e["address"])
            if case_kind == "criminal":
                title, cause = CRIMINAL_TITLES[code]
            else:
                title, cause = ADMIN_TITLES[code]
            specs.append((accepted, case_kind, {
                "title": title.format(v=victim, p=place)[:200], "category": cause, "incident_id": e["id"],
                "dispute_id": None, "ci": ci, "summary": e["summary"],
            }))
        for dc in self.dispute_cases:
            specs.append((dc["at"], "administrative", {
                "title": f"{dc['a']}与{dc['b']}纠纷引发殴打他人案", "category": "殴打他人",
                "incident_id": dc["incident_id"], "dispute_id": dc["dispute_id"], "ci": dc["ci"],
                "summary": "矛盾纠纷经多次调解未果，一方动手殴打对方，移交派出所依法处理。",
            }))
        specs.sort(key=lambda s: s[0])
        rows, clock = [], []
        seq: Counter[tuple[str, int]] = Counter()
        case_unit = self.unit_ids[U_CASE]
        for k, (accepted, kind, info) in enumerate(specs):
            if k % 500 == 0:
                self._report(0.7 * k / max(len(specs), 1))
            year = accepted.year
            seq[(kind, year)] += 1
            prefix = "XS" if kind == "criminal" else "XZ"
            cid = self._id("cases")
            if kind == "administrative" and rng.random() < 0.5:
                unit = self.unit_ids[COMMUNITIES[info["ci"]].office]
            else:
                unit = case_unit
            officer = rng.choice(self.officers[unit])
            row = {
                "id": cid, "station_id": self.station_id,
                "number": f"{STATION_CODE}-{prefix}-{year}-{seq[(kind, year)]:05d}",
                "kind": kind, "title": info["title"], "category": info["category"], "stage": None,
                "accepted_at": accepted, "status": "accepted", "extended": False, "due_at": None,
                "closed_at": None,
                "officer_id": officer, "unit_id": unit, "incident_id": info["incident_id"],
                "dispute_id": info["dispute_id"], "summary": info["summary"],
                **self._base(accepted, officer),
            }
            if kind == "administrative":
                self._admin_clock(row, clock, cid)
            else:
                self._criminal_stage(row)
            last_change = row["closed_at"] or accepted
            if last_change > accepted:
                row["updated_at"], row["updated_by_id"] = last_change, officer
            rows.append(row)
        self._insert(Case, rows)
        self._insert(CaseClockEvent, clock)
        self._report(1.0)

    def _admin_clock(self, row: dict, clock: list[dict], case_id: int) -> None:
        """30-day limit, one 30-day extension, appraisal pauses that do not count (DESIGN.md §3)."""
        rng = self.rng
        accepted: datetime = row["accepted_at"]
        now = self.now

        def event(kind: str, at: datetime, reason: str, approver: str | None = None) -> None:
            clock.append({
                "id": self._id("case_clock_events"), "station_id": self.station_id, "case_id": case_id,
                "kind": kind, "at": at, "reason": reason, "approver": approver, "article": ADMIN_CASE_ARTICLE,
                "created_at": at, "created_by_id": row["officer_id"],
            })

        r = rng.random()
        extended = r < 0.12
        paused = 0.12 <= r < 0.22
        limit_days = 30
        pause_len = timedelta()
        open_pause = False
        resumed_at = None
        if paused:
            p_at = accepted + timedelta(days=rng.randint(2, 10), hours=rng.randint(1, 8))
            length = timedelta(days=rng.randint(5, 20))
            if p_at < now:
                event("pause", p_at, rng.choice(APPRAISALS))
                if p_at + length < now:
                    event("resume", p_at + length, "鉴定意见已出具，恢复计算办案期限。")
                    pause_len = length
                    resumed_at = p_at + length
                else:
                    pause_len = now - p_at
                    open_pause = True
        if extended:
            e_at = accepted + timedelta(days=rng.randint(20, 28), hours=rng.randint(1, 8))
            if e_at < now:
                event("extension", e_at, "案情重大、复杂，经上一级公安机关批准延长办案期限三十日。",
                      f"{UPPER_ORGAN}（{self.staff_name[self.head_id]}呈批）")
                limit_days = 60
                row["extended"] = True
            else:
                extended = False
        due = accepted + timedelta(days=limit_days) + pause_len
        row["due_at"] = due
        q = rng.random()
        closed = None
        if not open_pause:
            if q < 0.93:
                lo = 31 if extended else 2
                hi = limit_days - 1
                closed = accepted + pause_len + timedelta(days=rng.randint(lo, hi), hours=rng.randint(0, 8))
                if resumed_at is not None and closed < resumed_at + timedelta(days=1):
                    closed = resumed_at + timedelta(days=1, hours=rng.randint(0, 8))  # not while paused
            elif q < 0.97:
                closed = due + timedelta(days=rng.randint(1, 10))
            elif accepted < now - timedelta(days=120):
                closed = due + timedelta(days=rng.randint(5, 40))  # old ones were closed late eventually
        if closed is not None and closed < now:
            row["closed_at"], row["status"] = closed, "closed"
        elif open_pause:
            row["status"] = "suspended"
        elif row["extended"]:
            row["status"] = "extended"
        else:
            row["status"] = "accepted" if now - accepted < timedelta(days=2) else "in_progress"

    def _criminal_stage(self, row: dict) -> None:
        rng = self.rng
        accepted: datetime = row["accepted_at"]
        age = self.now - accepted
        q = rng.random()
        if age > timedelta(days=20) and q < 0.35:
            done = accepted + timedelta(days=rng.randint(15, 120))
            if done < self.now:
                row.update(status="transferred", stage="移送审查起诉", closed_at=done)
                return
        if age > timedelta(days=30) and q > 0.85:
            done = accepted + timedelta(days=rng.randint(30, 180))
            if done < self.now:
                row.update(status="closed", stage="撤销案件", closed_at=done)
                return
        if age < timedelta(days=45) and rng.random() < 0.3:
            row.update(status="in_progress", stage="刑事拘留", due_at=accepted + timedelta(days=30))
            return
        row.update(status="in_progress" if age > timedelta(days=1) else "accepted", stage="立案侦查")

    # ------------------------------------------------------------------ warnings

    def _warnings(self) -> None:
        rng = self.rng
        rows: list[dict] = []
        kinds = [k for k, _ in WARNING_KINDS]
        weights = [w for _, w in WARNING_KINDS]
        days = (self.end - self.start).days + 1
        self.warning_info: list[dict] = []
        for di in range(days):
            if di % 60 == 0:
                self._report(0.7 * di / days)
            d = self.start + timedelta(days=di)
            n = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6))
            times = sorted(datetime.combine(d, time(rng.randint(7, 22), rng.randrange(60), rng.randrange(60)))
                           for _ in range(n))
            for seq, at in enumerate(times, start=1):
                kind = rng.choices(kinds, weights)[0]
                source = rng.choices(("hq", "own", "other_dept"), (80, 12, 8))[0]
                ci = self._pick_community()
                place = self._place_of(self._address(ci, vague=False)[0])
                person = kind in ("fraud", "stability") or rng.random() < 0.2
                name, sex = self._person() if person else (None, None)
                deadline = at + (timedelta(hours=24) if kind in ("fraud", "stability") else timedelta(days=3))
                content = rng.choice(WARNING_CONTENT[kind]).format(
                    fraud=rng.choice(FILLERS["fraud"]), place=place)
                handler = rng.choice(self.officers[self.unit_ids[COMMUNITIES[ci].office]])
                age = self.now - at
                if age > timedelta(days=3):
                    status = rng.choices(("closed", "acted", "assigned", "received"), (90, 6, 3, 1))[0]
                else:
                    status = rng.choices(("received", "assigned", "acted", "closed"), (20, 35, 30, 15))[0]
                acted_at, result = None, None
                if status in ("acted", "closed"):
                    late = rng.random() < 0.08
                    window = (deadline - at).total_seconds()
                    delay = window * (rng.uniform(1.05, 2.0) if late else rng.uniform(0.05, 0.9))
                    acted_at = self._at((at + timedelta(seconds=int(delay))).replace(microsecond=0))
                    result = rng.choice(WARNING_RESULTS[kind]).format(money=rng.choice(AMOUNTS[5:]))
                wid = self._id("warnings")
                id_number = None
                if person:
                    born = self.today - timedelta(days=rng.randint(6600, 29000))
                    id_number = make_resident_id(rng.choice(LOCAL_AREAS), born, rng.randint(0, 498), sex)
                rows.append({
                    "id": wid, "station_id": self.station_id, "number": f"YJ{d:%Y%m%d}{seq:03d}",
                    "source": source, "kind": kind, "received_at": at, "subject_name": name,
                    "subject_phone": self._mobile() if person else None, "subject_id_number": id_number,
                    "subject_place": place, "content": content, "required_action": WARNING_ACTIONS[kind],
                    "deadline": deadline, "status": status,
                    "handled_by_id": handler if status != "received" else None,
                    "acted_at": acted_at, "result": result,
                    **self._base(at, rng.choice(self.duty_staff)),
                })
                if acted_at:
                    rows[-1]["updated_at"], rows[-1]["updated_by_id"] = acted_at, handler
                self.warning_info.append({"id": wid, "at": at, "kind": kind, "status": status, "name": name,
                                          "ci": ci, "handler": handler})
        self._insert(Warning, rows)
        self._report(1.0)
