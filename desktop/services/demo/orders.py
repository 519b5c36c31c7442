"""Briefings with their directives, and work orders in every state with consistent histories."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop.models import Briefing, Directive, WorkOrder, WorkOrderEvent
from desktop.services.demo.data import (
    BRIEFING_ADVICE,
    CANCEL_REASONS,
    COMMUNITIES,
    DIRECTIVE_TEMPLATES,
    HQ_TASKS,
    MANUAL_TASKS,
    PRIORITY_DELTAS,
    REPORT_TEXTS,
    RETURN_TEXTS,
    STATION_CODE,
    U_CASE,
    U_CMD,
    U_COMM,
    U_MED,
)
from desktop.services.demo.people import PeopleMixin


class OrderStage(PeopleMixin):
    """The last stages: briefings and directives need the incidents and clusters; work orders link
    to directives, clusters, incidents, warnings and disputes, and leave ``work_order_numbers``."""

    # ------------------------------------------------------------------ briefings

    def _briefings(self) -> None:
        rng = self.rng
        # Per duty day: calls, crime, disputes, by community.
        by_day: dict[date, Counter] = defaultdict(Counter)
        for idx, e in enumerate(self.incidents):
            code, ci, _, _ = self.inc_meta[idx]
            duty_day = (e["reported_at"] - timedelta(hours=8)).date()
            c = by_day[duty_day]
            c["all"] += 1
            if code.startswith("01"):
                c["crime"] += 1
            elif code.startswith("05"):
                c["dispute"] += 1
            c[ci] += 1
        clusters_by_day: Counter[date] = Counter(
            (cl["last"] - timedelta(hours=8)).date() for cl in self.cluster_info)
        cmd = self.unit_ids[U_CMD]
        attendees = "、".join(self.staff_name[s] for s in (self.head_id, self.instructor_id, self.chief_id,
                                                          self.duty_demo_id, self.officer_demo_id,
                                                          self.mediator_demo_id))
        rows, directives = [], []
        self.directive_info: list[dict] = []
        recent_addresses = [cl["calls"][0]["address"] for cl in self.cluster_info[-20:]] or ["解放路农贸市场"]

        def change(now_v: int, before: int | None) -> str:
            if not before:
                return "同比无可比数据"
            pct = (now_v - before) / before * 100
            return f"同比{'上升' if pct >= 0 else '下降'}{abs(pct):.1f}%"

        def add_directives(bid: int, held: datetime, n: int, top_ci: int) -> None:
            for seq, template in enumerate(rng.sample(DIRECTIVE_TEMPLATES, n), start=1):
                text_, selector, priority = template
                office = self.unit_ids[COMMUNITIES[top_ci].office]
                unit = {"office": office, "command": cmd, "mediation": self.unit_ids[U_MED],
                        "case": self.unit_ids[U_CASE], "community": self.unit_ids[U_COMM]}[selector]
                assignee = rng.choice(self.officers[unit] or self.members[unit])
                did = self._id("directives")
                deadline = held + PRIORITY_DELTAS[priority]
                directives.append({
                    "id": did, "station_id": self.station_id, "briefing_id": bid, "seq": seq,
                    "text": text_.format(comm=COMMUNITIES[top_ci].name,
                                         addr=self._place_of(rng.choice(recent_addresses))),
                    "unit_id": unit, "assignee_id": assignee, "priority": priority, "deadline": deadline,
                    **self._base(held + timedelta(minutes=30), self.chief_id),
                })
                self.directive_info.append({"id": did, "held": held, "unit": unit, "assignee": assignee,
                                            "priority": priority, "deadline": deadline,
                                            "text": directives[-1]["text"]})

        # Daily: the last 60 duty days; the latest is still a draft.
        for k in range(60):
            duty_day = self.today - timedelta(days=2 + k)
            start = datetime.combine(duty_day, time(8, 0))
            end = start + timedelta(days=1)
            held = end + timedelta(minutes=30)
            c = by_day.get(duty_day, Counter())
            try:
                last_year = duty_day.replace(year=duty_day.year - 1)
            except ValueError:
                last_year = duty_day - timedelta(days=365)
            before = by_day.get(last_year, Counter()).get("all") if last_year >= self.start else None
            top_ci = max(range(len(COMMUNITIES)), key=lambda i: (c.get(i, 0), -i))
            analysis = (
                f"上一值班日（{start.month}月{start.day}日8时至{end.month}月{end.day}日8时）"
                f"共接报各类警情{c['all']}起，{change(c['all'], before)}；"
                f"其中刑事警情{c['crime']}起，纠纷警情{c['dispute']}起，"
                f"重复警情{clusters_by_day.get(duty_day, 0)}组。"
                f"警情主要集中在{COMMUNITIES[top_ci].name}，晚间18时至22时警情较多。"
                + rng.choice(BRIEFING_ADVICE)
            )
            bid = self._id("briefings")
            draft = k == 0
            signer = rng.choice((self.head_id, self.chief_id))
            rows.append({
                "id": bid, "station_id": self.station_id, "kind": "daily", "period_start": start,
                "period_end": end,
                "status": "draft" if draft else "signed", "held_at": held, "chair_id": self.head_id,
                "attendees": attendees, "analysis": analysis, "compiled": None, "compiled_at": None,
                "signed_at": None if draft else held + timedelta(minutes=rng.randint(40, 120)),
                "signed_by_id": None if draft else signer,
                **self._base(end + timedelta(minutes=5), self.duty_demo_id),
            })
            add_directives(bid, held, rng.randint(1, 3), top_ci)

        # Weekly (Monday 08:00 → Monday 08:00), the last 8 complete weeks.
        monday = self.today - timedelta(days=self.today.weekday())
        for k in range(1, 9):
            start = datetime.combine(monday - timedelta(days=7 * k), time(8, 0))
            end = start + timedelta(days=7)
            held = end + timedelta(hours=2)
            if held >= self.now:
                continue
            days = [start.date() + timedelta(days=i) for i in range(7)]
            total = sum(by_day.get(d, Counter())["all"] for d in days)
            crime = sum(by_day.get(d, Counter())["crime"] for d in days)
            bid = self._id("briefings")
            rows.append({
                "id": bid, "station_id": self.station_id, "kind": "weekly", "period_start": start,
                "period_end": end, "status": "signed", "held_at": held, "chair_id": self.head_id,
                "attendees": attendees,
                "analysis": f"本周共接报警情{total}起，其中刑事警情{crime}起。"
                            "盗窃电动车和电信网络诈骗仍是主要发案类型，"
                            "纠纷警情占比较高，需持续做好矛盾纠纷排查化解。",
                "compiled": None, "compiled_at": None, "signed_at": held + timedelta(hours=2),
                "signed_by_id": self.instructor_id, **self._base(end + timedelta(minutes=20), self.chief_id),
            })
            add_directives(bid, held, rng.randint(1, 2), rng.randrange(len(COMMUNITIES)))

        # Monthly (1st 08:00 → next 1st 08:00), the last 6 complete months.
        first = self.today.replace(day=1)
        for _ in range(6):
            prev = (first - timedelta(days=1)).replace(day=1)
            start = datetime.combine(prev, time(8, 0))
            end = datetime.combine(first, time(8, 0))
            held = datetime.combine(first + timedelta(days=2), time(15, 0))
            first = prev
            if held >= self.now or prev < self.start:
                continue
            total = sum(v["all"] for d, v in by_day.items() if prev <= d < end.date())
            bid = self._id("briefings")
            rows.append({
                "id": bid, "station_id": self.station_id, "kind": "monthly", "period_start": start,
                "period_end": end, "status": "signed", "held_at": held, "chair_id": self.head_id,
                "attendees": attendees,
                "analysis": f"{prev.year}年{prev.month}月共接报警情{total}起。刑事警情继续保持下降态势，"
                            "治安案件30日办结率保持较高水平，矛盾纠纷调解成功率稳定。",
                "compiled": None, "compiled_at": None, "signed_at": held + timedelta(hours=3),
                "signed_by_id": self.head_id, **self._base(held - timedelta(hours=4), self.chief_id),
            })
            add_directives(bid, held, rng.randint(1, 3), rng.randrange(len(COMMUNITIES)))
        rows.sort(key=lambda r: r["id"])
        self._insert(Briefing, rows)
        self._insert(Directive, directives)
        self.draft_briefing_ids = {r["id"] for r in rows if r["status"] == "draft"}
        self._report(1.0)

    # ------------------------------------------------------------------ work orders

    def _work_orders(self) -> None:
        rng = self.rng
        cmd = self.unit_ids[U_CMD]
        trackers = [s for s in self.members[cmd] if s != self.admin_id]
        specs: list[dict] = []

        def spec(issued: datetime, kind: str, title: str, unit: int, priority: str, **links: Any) -> None:
            issued = issued.replace(microsecond=0)
            if issued >= self.now - timedelta(minutes=30):
                return
            specs.append({"issued": issued, "kind": kind, "title": title[:200], "unit": unit,
                          "priority": priority, **links})

        directive_briefing = {}
        for d in self.directive_info:
            directive_briefing[d["id"]] = d
        for d in self.directive_info:
            spec(d["held"] + timedelta(minutes=rng.randint(20, 60)), "directive", d["text"][:60], d["unit"],
                 d["priority"], directive_id=d["id"], assignee=d["assignee"], instructions=d["text"])
        for cl in self.cluster_info:
            if cl["status"] != "ordered":
                continue
            first_call = cl["calls"][0]
            if cl["kind"] == "same_caller":
                caller = first_call["caller_name"] or "匿名报警人"
                title = f"一人多报核查：{caller}（{len(cl['calls'])}次）"
            elif cl["kind"] == "same_place":
                title = f"一地多报整治：{self._place_of(cl['key'])}"
            else:
                title = f"多人同报事件跟进：{self._place_of(cl['key'])}"
            spec(cl["created"] + timedelta(minutes=rng.randint(10, 120)), "cluster", title,
                 first_call["unit_id"], rng.choice(("high", "normal")), cluster_id=cl["id"])
        for idx, e in enumerate(self.incidents):
            code = self.inc_meta[idx][0]
            if code[:2] in ("02", "05", "06") and rng.random() < 0.012:
                spec(e["reported_at"] + timedelta(hours=rng.randint(1, 12)), "incident",
                     f"警情回访核查：{e['number']}", e["unit_id"], rng.choice(("high", "normal", "normal")),
                     incident_id=e["id"])
        for w in self.warning_info:
            if w["status"] != "received" and rng.random() < 0.12:
                spec(w["at"] + timedelta(minutes=rng.randint(5, 40)), "warning",
                     f"预警劝阻：{w['name'] or '辖区'}（{'反诈' if w['kind'] == 'fraud' else '预警'}）",
                     self.unit_ids[COMMUNITIES[w["ci"]].office], "urgent" if w["kind"] == "fraud" else "high",
                     warning_id=w["id"], assignee=w["handler"])
        for dsp in self.dispute_info:
            if dsp["status"] != "registered" and rng.random() < 0.2:
                spec(dsp["registered"] + timedelta(hours=rng.randint(2, 30)), "dispute",
                     f"矛盾纠纷化解：{dsp['cause'][:40]}",
                     rng.choice((self.unit_ids[U_MED], self.unit_ids[COMMUNITIES[dsp["ci"]].office])),
                     "high" if dsp["criminal_risk"] else "normal", dispute_id=dsp["id"])
        hq_numbers: Counter[int] = Counter()
        for di in range((self.end - self.start).days + 1):
            d = self.start + timedelta(days=di)
            if d.weekday() == 1 and rng.random() < 0.7:  # HQ assignments arrive on Tuesdays
                hq_numbers[d.year] += 1
                at = datetime.combine(d, time(rng.randint(9, 16), rng.randrange(60)))
                unit = rng.choice((self.unit_ids[U_COMM], self.unit_ids[U_CASE], *self.unit_ids[5:]))
                spec(at, "hq", rng.choice(HQ_TASKS), unit, rng.choice(("normal", "long_term")),
                     hq_reference=f"城关分局交办〔{d.year}〕{hq_numbers[d.year]}号")
            if rng.random() < 0.12:
                at = datetime.combine(d, time(rng.randint(8, 18), rng.randrange(60)))
                spec(at, "manual", rng.choice(MANUAL_TASKS), rng.choice(self.unit_ids[5:]),
                     rng.choice(("normal", "high", "long_term")))
        specs.sort(key=lambda s: s["issued"])

        orders, events = [], []
        seq_by_year: Counter[int] = Counter()
        for k, s in enumerate(specs):
            if k % 300 == 0:
                self._report(0.7 * k / max(len(specs), 1))
            issued: datetime = s["issued"]
            year = issued.year
            seq_by_year[year] += 1
            seq = seq_by_year[year]
            wid = self._id("work_orders")
            priority = s["priority"]
            deadline = issued + PRIORITY_DELTAS[priority]
            tracker = rng.choice(trackers)
            unit = s["unit"]
            assignee = s.get("assignee") or rng.choice(self.officers[unit] or self.members[unit])
            if assignee not in self.members[unit]:
                assignee = rng.choice(self.officers[unit] or self.members[unit])
            status = self._pick_order_status(issued, deadline)
            history, final_unit, final_assignee, cancel_reason = self._order_history(
                wid, issued, deadline, status, unit, assignee, tracker)
            events.extend(history)
            last = history[-1]
            orders.append({
                "id": wid, "station_id": self.station_id, "number": f"{STATION_CODE}-{year}-{seq:06d}",
                "year": year, "seq": seq, "source_kind": s["kind"],
                "incident_id": s.get("incident_id"), "cluster_id": s.get("cluster_id"),
                "directive_id": s.get("directive_id"), "warning_id": s.get("warning_id"),
                "dispute_id": s.get("dispute_id"), "hq_reference": s.get("hq_reference"),
                "title": s["title"],
                "instructions": s.get("instructions") or "请按要求及时签收办理，并在时限内反馈办理结果。",
                "unit_id": final_unit, "assignee_id": final_assignee, "tracker_id": tracker,
                "priority": priority,
                "deadline": deadline, "status": status, "issued_at": issued,
                "closed_at": last["at"] if status == "closed" else None, "cancel_reason": cancel_reason,
                "created_at": issued, "created_by_id": tracker,
                "updated_at": last["at"] if len(history) > 1 else None,
                "updated_by_id": last["actor_id"] if len(history) > 1 else None, "version": 1,
            })
        self.work_order_numbers = seq_by_year
        self._insert(WorkOrder, orders)
        self._insert(WorkOrderEvent, events)
        self._report(1.0)

    def _pick_order_status(self, issued: datetime, deadline: datetime) -> str:
        rng = self.rng
        states = ("issued", "accepted", "reported", "returned", "closed", "cancelled")
        age = self.now - issued
        if deadline > self.now:
            weights = (15, 35, 15, 5, 25, 5)
        elif age < timedelta(days=14):
            weights = (3, 9, 5, 3, 75, 5)
        elif age < timedelta(days=45):
            weights = (1, 4, 1, 1, 88, 5)
        else:
            weights = (0, 0, 0, 0, 94, 6)
        return rng.choices(states, weights)[0]

    def _order_history(self, wid: int, issued: datetime, deadline: datetime, status: str, unit: int,
                       assignee: int, tracker: int) -> tuple[list[dict], int, int, str | None]:
        """Events from issue to ``status`` along the allowed transitions, all before the horizon.

        Returns the events, the final unit and assignee (after a reassignment) and the cancel reason.
        """
        rng = self.rng
        window = (deadline - issued).total_seconds()
        # (seconds after issue, kind, new status or None, done by the assignee, text, to unit, to assignee)
        plan: list[tuple[float, str, str | None, bool, str, int | None, int | None]] = []
        first_unit, first_assignee = unit, assignee
        cancel_reason = None
        t = 0.0
        if status != "cancelled" and rng.random() < 0.08:
            others = [u for u in (*self.unit_ids[5:], self.unit_ids[U_COMM]) if u != unit]
            unit = rng.choice(others)
            assignee = rng.choice(self.officers[unit])
            t = rng.uniform(300, max(min(3600, window * 0.2), 301))
            note = f"属{self.unit_names[unit]}负责，转派办理。"
            plan.append((t, "reassign", None, False, note, unit, assignee))
        t_accept = t + min(window * rng.uniform(0.02, 0.2), rng.uniform(300, 4 * 3600))
        on_time = rng.random() < 0.86
        share = rng.uniform(0.25, 0.9) if on_time else rng.uniform(1.05, 1.8)
        t_report = max(window * share, t_accept + 600)
        if status == "cancelled":
            last = t
            if rng.random() < 0.5:
                plan.append((t_accept, "accept", "accepted", True, "已签收。", None, None))
                last = t_accept
            cancel_reason = rng.choice(CANCEL_REASONS)
            plan.append((last + rng.uniform(600, max(window * 0.5, 1200)), "cancel", "cancelled", False,
                         cancel_reason, None, None))
        elif status == "issued":
            if deadline < self.now and rng.random() < 0.6:
                plan.append((max(window * rng.uniform(0.5, 1.1), t + 600), "urge", None, False,
                             "请尽快签收办理。", None, None))
        else:
            plan.append((t_accept, "accept", "accepted", True,
                         rng.choice(("已签收，立即落实。", "已签收。")), None, None))
            urge_at = t_accept + (t_report - t_accept) * rng.uniform(0.3, 0.9)
            if status == "accepted":
                if deadline < self.now or rng.random() < 0.3:
                    plan.append((urge_at, "urge", None, False, "请抓紧办理，按时反馈。", None, None))
            else:
                if rng.random() < 0.12:
                    plan.append((urge_at, "urge", None, False, "请抓紧办理，按时反馈。", None, None))
                plan.append((t_report, "report", "reported", True, rng.choice(REPORT_TEXTS), None, None))
                last = t_report
                if status == "returned" or (status == "closed" and rng.random() < 0.1):
                    last += rng.uniform(1800, 6 * 3600)
                    plan.append((last, "return", "returned", False,
                                 rng.choice(RETURN_TEXTS),
                                 None, None))
                    if status == "closed":
                        last += rng.uniform(600, 3600)
                        plan.append((last, "accept", "accepted", True, "已重新签收。", None, None))
                        last += rng.uniform(3600, 86400)
                        plan.append((last, "report", "reported", True, "已按要求补充完善。", None, None))
                if status == "closed":
                    last += rng.uniform(600, min(max(window * 0.15, 1200), 86400))
                    plan.append((last, "close", "closed", False, "经核查，办理到位，予以销号。", None, None))

        # Fit the history before the horizon, compressing it proportionally when needed.
        available = (self.now - issued).total_seconds() - 60
        factor = min(1.0, available / plan[-1][0]) if plan and plan[-1][0] > 0 else 1.0
        events = [{
            "id": self._id("work_order_events"), "station_id": self.station_id, "work_order_id": wid,
            "kind": "issue", "at": issued, "actor_id": tracker, "text": "下发工单。", "from_status": None,
            "to_status": "issued", "to_unit_id": first_unit, "to_assignee_id": first_assignee,
            "created_at": issued, "created_by_id": tracker,
        }]
        state = "issued"
        prev = issued
        for offset, kind, to, by_assignee, text_, to_unit, to_assignee in plan:
            at = max(issued + timedelta(seconds=int(offset * factor)), prev + timedelta(seconds=1))
            actor = assignee if by_assignee else tracker
            new_state = to or state
            events.append({
                "id": self._id("work_order_events"), "station_id": self.station_id, "work_order_id": wid,
                "kind": kind, "at": at, "actor_id": actor, "text": text_, "from_status": state,
                "to_status": new_state, "to_unit_id": to_unit, "to_assignee_id": to_assignee,
                "created_at": at, "created_by_id": actor,
            })
            state, prev = new_state, at
        if state != status:
            raise RuntimeError(f"work order history ends in {state}, expected {status}")
        return events, unit, assignee, cancel_reason
