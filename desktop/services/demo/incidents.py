"""Incidents with their import batches, the planted repeat calls and their repeat clusters."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from datetime import date, datetime, time, timedelta
from string import Formatter

from desktop.models import ImportBatch, Incident, RepeatCluster, repeat_cluster_incidents
from desktop.services.demo.context import _cum
from desktop.services.demo.data import (
    _FULLWIDTH_DIGITS,
    AMOUNTS,
    BASE_PER_DAY,
    CASE_RATES,
    CODE_DISPOSALS,
    COMMUNITIES,
    CRIMINAL_DECLINE,
    DISPOSALS,
    FILLERS,
    HOUR_WEIGHTS,
    NIGHT_WEIGHTS,
    OVERALL_DECLINE,
    RUSH_WEIGHTS,
    SUMMARIES,
    TOWN,
    U_CASE,
    U_COMM,
    WEEKDAY_FACTORS,
)
from desktop.services.demo.people import PeopleMixin

_FORMATTER = Formatter()


def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in _FORMATTER.parse(template) if name)


_PARSED_SUMMARIES = {code: tuple((t, _fields(t)) for t in ts) for code, ts in SUMMARIES.items()}


class IncidentStage(PeopleMixin):
    """Needs the organisation and categories; leaves ``incidents`` (rows), ``inc_meta`` (code,
    community, caller sex, case kind per row) and ``cluster_info`` for the later stages."""

    # ------------------------------------------------------------------ incidents

    def _summary(self, code: str, place: str) -> str:
        rng = self.rng
        template, names = rng.choice(_PARSED_SUMMARIES[code])
        if not names:
            return template
        values = {}
        for name in names:
            if name == "place":
                values[name] = place
            elif name == "money":
                values[name] = rng.choice(AMOUNTS)
            elif name == "age":
                values[name] = rng.choice((4, 6, 9, 13, 72, 78, 81, 85))
            else:
                values[name] = rng.choice(FILLERS[name])
        return template.format(**values)

    def _new_incident(self, at: datetime, code: str, *, ci: int | None = None,
                      address: tuple[str, int] | None = None,
                      caller: tuple[str | None, str | None, str | None, str | None] | None = None) -> dict:
        """One incident row (id, number, source fields filled in later); meta under ``_m``."""
        rng = self.rng
        if ci is None:
            ci = self._pick_community()
        text_addr, grid_id = address or self._address(ci)
        if caller is None:
            name, sex = self._person()
            phone, raw = self._caller_phone()
            if rng.random() < 0.04:
                name = None
            caller = (name, sex, phone, raw)
        name, sex, phone, raw = caller
        place = self._place_of(text_addr)
        level1 = code[:2]
        case_kind = None
        rate = CASE_RATES.get(code)
        if rate is not None and rng.random() < rate:
            case_kind = "criminal" if level1 == "01" else "administrative"
        if case_kind == "criminal":
            disposal = "已受理为刑事案件，移交案件办理队侦办。"
        elif case_kind == "administrative":
            disposal = "已受理为行政（治安）案件，依法调查处理。"
        elif code in CODE_DISPOSALS:
            disposal = rng.choice(CODE_DISPOSALS[code])
        else:
            disposal = rng.choice(DISPOSALS[level1])
        office_unit = self.unit_ids[COMMUNITIES[ci].office]
        if level1 == "01" and rng.random() < 0.6:
            unit = self.unit_ids[U_CASE]
        elif rng.random() < 0.22:
            unit = self.unit_ids[U_COMM]
        else:
            unit = office_unit
        officer = rng.choice(self.officers[unit])
        return {
            "id": None, "station_id": self.station_id, "number": None, "reported_at": at,
            "caller_name": name, "caller_phone": phone, "caller_phone_raw": raw,
            "address": text_addr, "address_norm": self._norm_address(text_addr),
            "community_id": self.comm_ids[ci], "grid_id": grid_id, "category_id": self.cat_ids[code],
            "summary": self._summary(code, place), "unit_id": unit, "officer_id": officer,
            "disposal": disposal, "source": "manual", "source_batch_id": None, "source_row": None,
            "created_at": None, "created_by_id": None, "updated_at": None, "updated_by_id": None,
            "version": 1, "_m": (code, ci, sex, case_kind),
        }

    def _pick_code(self, p_criminal: float) -> str:
        rng = self.rng
        if rng.random() < p_criminal:
            return self._pick(self.criminal_codes, self.criminal_cum)
        return self._pick(self.other_codes, self.other_cum)

    def _incidents(self) -> None:
        rng = self.rng
        hour_cum = {"day": _cum(HOUR_WEIGHTS), "night": _cum(NIGHT_WEIGHTS), "rush": _cum(RUSH_WEIGHTS)}
        profile = {"0205": "night", "0603": "night", "0202": "night", "0301": "rush", "0302": "rush"}
        hours = list(range(24))
        events: list[dict] = []
        days = (self.end - self.start).days + 1
        share = self.criminal_share
        for di in range(days):
            d = self.start + timedelta(days=di)
            if di % 30 == 0:
                self._report(0.45 * di / days)
            t_years = (d - self.today).days / 365.25
            seasonal = 1.0 + 0.12 * math.cos(2 * math.pi * (d.timetuple().tm_yday - 196) / 365.25)
            lam = BASE_PER_DAY * OVERALL_DECLINE ** t_years * WEEKDAY_FACTORS[d.weekday()] * seasonal
            n = max(5, round(rng.gauss(lam, math.sqrt(lam))))
            crim = share * CRIMINAL_DECLINE ** t_years
            p_criminal = crim / (crim + (1.0 - share))
            for _ in range(n):
                code = self._pick_code(p_criminal)
                hour = self._pick(hours, hour_cum[profile.get(code, "day")])
                at = datetime(d.year, d.month, d.day, hour, rng.randrange(60), rng.randrange(60))
                events.append(self._new_incident(at, code))
        self._plant_repeats(events)
        self._report(0.5)

        # Order by time, then number per day and file under the duty day's import batch.
        events.sort(key=lambda e: e["reported_at"])
        first_id = self._id("incidents")
        self.next_ids["incidents"] = first_id + len(events)
        per_day: Counter[date] = Counter()
        batches: dict[date, list[dict]] = {}
        last_duty_day = self.end  # yesterday 08:00 → today 08:00: typed in live, not imported yet
        self.inc_meta: list[tuple] = []
        for i, e in enumerate(events):
            e["id"] = first_id + i
            at = e["reported_at"]
            day = at.date()
            per_day[day] += 1
            e["number"] = f"JQ{day:%Y%m%d}{per_day[day]:04d}"
            duty_day = (at - timedelta(hours=8)).date()
            if duty_day < last_duty_day and rng.random() < 0.94:
                batches.setdefault(duty_day, []).append(e)
            else:
                e["created_at"] = self._at(at + timedelta(seconds=rng.randint(120, 900)))
                e["created_by_id"] = rng.choice(self.duty_staff)
            self.inc_meta.append(e.pop("_m"))
        batch_rows = []
        for duty_day in sorted(batches):
            rows = batches[duty_day]
            bid = self._id("import_batches")
            # The export is pulled right after the 08:00 cut-over, before the 08:30 briefing.
            created = datetime.combine(duty_day + timedelta(days=1), time(8, rng.randint(2, 20)))
            by = rng.choice(self.duty_staff)
            rejected = 1 if rng.random() < 0.05 else 0
            file_name = f"110接警导出_{duty_day:%Y%m%d}.xlsx"
            batch_rows.append({
                "id": bid, "station_id": self.station_id, "kind": "incident", "file_name": file_name,
                "file_sha256": hashlib.sha256(f"{self.seed}:{file_name}".encode()).hexdigest(),
                "profile": "110接处警系统标准导出", "rows_read": len(rows) + rejected,
                "rows_imported": len(rows),
                "rows_unchanged": 0, "rows_conflict": 0, "rows_rejected": rejected,
                "created_at": created, "created_by_id": by,
            })
            for k, e in enumerate(rows):
                e["source"] = "import"
                e["source_batch_id"] = bid
                e["source_row"] = k + 2  # row 1 is the header
                e["created_at"] = created
                e["created_by_id"] = by
        self.incidents = events
        self._insert(ImportBatch, batch_rows)
        total = len(events)
        for i in range(0, total, 10_000):
            self._insert(Incident, events[i:i + 10_000])
            self._report(0.5 + 0.5 * min(i + 10_000, total) / total)

    def _plant_repeats(self, events: list[dict]) -> None:
        """Add calls that match the three repeat rules; remember them as clusters."""
        rng = self.rng
        days = (self.end - self.start).days + 1
        scale = days / 365.0
        self.planted: list[tuple[str, str, list[dict]]] = []
        seen: set[tuple[str, str, datetime]] = set()
        lo = datetime.combine(self.start, time())

        def vary(base: str) -> str:
            r = rng.random()
            if r < 0.3:
                return base + rng.choice(("附近", "门口", "旁", "对面", "旁边", "楼下"))
            if r < 0.45:
                return base.replace(TOWN, TOWN + " ", 1)
            if r < 0.55:
                return base.translate(_FULLWIDTH_DIGITS)
            return base

        def remember(kind: str, key: str, calls: list[dict]) -> None:
            first = min(c["reported_at"] for c in calls)
            if (kind, key, first) in seen:
                return
            seen.add((kind, key, first))
            events.extend(calls)
            self.planted.append((kind, key, calls))

        # 一人多报: one phone, 2–4 calls within 24 h.
        for _ in range(max(4, round(70 * scale))):
            count = rng.choices((2, 3, 4), (60, 30, 10))[0]
            span = rng.randint(20 * 60, 23 * 3600 + 50 * 60)
            t0 = self._rand_time(lo, self.now - timedelta(seconds=span + 60))
            offsets = sorted([0, span] + [rng.randint(0, span) for _ in range(count - 2)])
            code = rng.choice(("0501", "0205", "0502", "0604", "0801", "0603", "0503"))
            ci = self._pick_community()
            addr = self._address(ci, vague=False)
            name, sex = self._person()
            mobile = self._mobile()
            calls = []
            for off in offsets:
                raw = self._phone_raw(mobile)
                calls.append(self._new_incident(t0 + timedelta(seconds=off), code, ci=ci, address=addr,
                                                caller=(name, sex, mobile, raw)))
            remember("same_caller", mobile, calls)

        # 一地多报: one place, 3–5 calls within 72 h, different callers.
        for _ in range(max(4, round(30 * scale))):
            count = rng.choices((3, 4, 5), (60, 25, 15))[0]
            span = rng.randint(6 * 3600, 71 * 3600)
            t0 = self._rand_time(lo, self.now - timedelta(seconds=span + 60))
            offsets = sorted([0, span] + [rng.randint(0, span) for _ in range(count - 2)])
            code = rng.choice(("0205", "0502", "0505", "0201", "0106", "0202", "0603"))
            ci = self._pick_community()
            base, grid = self._public_address(ci)
            key = self._norm_address(base)
            calls = []
            for off in offsets:
                text_addr = vary(base)
                if self._norm_address(text_addr) != key:
                    text_addr = base
                at = t0 + timedelta(seconds=off)
                calls.append(self._new_incident(at, code, ci=ci, address=(text_addr, grid)))
            remember("same_place", key, calls)

        # 多人同报: 2–4 different callers at one address within 30 minutes.
        for _ in range(max(4, round(34 * scale))):
            count = rng.choices((2, 3, 4), (55, 30, 15))[0]
            span = rng.randint(60, 29 * 60)
            day = self.start + timedelta(days=rng.randrange(days))
            t0 = datetime.combine(day, time(rng.randint(7, 22), rng.randrange(30), rng.randrange(60)))
            offsets = sorted([0, span] + [rng.randint(0, span) for _ in range(count - 2)])
            code = rng.choice(("0301", "0201", "0401", "0202", "0302", "0402"))
            ci = self._pick_community()
            base, grid = self._public_address(ci)
            key = self._norm_address(base)
            calls, phones = [], set()
            for off in offsets:
                text_addr = vary(base)
                if self._norm_address(text_addr) != key:
                    text_addr = base
                call = self._new_incident(t0 + timedelta(seconds=off), code, ci=ci, address=(text_addr, grid))
                while call["caller_phone"] in phones:
                    call["caller_phone"], call["caller_phone_raw"] = self._caller_phone()
                phones.add(call["caller_phone"])
                calls.append(call)
            remember("same_event", key, calls)

    # ------------------------------------------------------------------ clusters

    def _clusters(self) -> None:
        rng = self.rng
        rows, links = [], []
        self.cluster_info: list[dict] = []
        for kind, key, calls in sorted(self.planted, key=lambda p: min(c["reported_at"] for c in p[2])):
            cid = self._id("repeat_clusters")
            times = [c["reported_at"] for c in calls]
            first, last = min(times), max(times)
            created = self._at(last + timedelta(minutes=rng.randint(5, 90)))
            age = self.now - last
            if age < timedelta(days=3):
                status = "open"
            else:
                status = rng.choices(("ordered", "dismissed", "open"), (45, 45, 10))[0]
            note = {
                "dismissed": rng.choice(("经核查系同一事件多次报警，已合并处置。",
                                         "报警人情绪激动反复报警，已做好解释工作。")),
                "ordered": "已转工单跟踪处置。",
                "open": None,
            }[status]
            rows.append({
                "id": cid, "station_id": self.station_id, "kind": kind, "match_key": key, "first_at": first,
                "last_at": last, "incident_count": len(calls), "status": status, "note": note,
                **self._base(created, rng.choice(self.duty_staff)),
            })
            for c in calls:
                links.append({"cluster_id": cid, "incident_id": c["id"]})
            self.cluster_info.append({"id": cid, "kind": kind, "key": key, "status": status,
                                      "created": created, "calls": calls, "last": last})
        self._insert(RepeatCluster, rows)
        self._insert(repeat_cluster_incidents, links)
        self._report(1.0)
