"""Disputes with their parties, mediation sessions, agreements, follow-ups and transfers."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from desktop.models import (
    Agreement,
    AgreementParty,
    Dispute,
    DisputeParty,
    FollowUp,
    MediationSession,
    Party,
    SessionMediator,
    Transfer,
    dispute_incidents,
    incident_parties,
)
from desktop.services.demo.data import (
    AGREEMENT_TERMS,
    COMMUNITIES,
    COMPANIES,
    DISPUTE_CAUSES,
    DISPUTE_NATURE_BY_CODE,
    FOLLOW_UP_NOTES,
    HONOURED,
    LAWYERS,
    LOCAL_AREAS,
    MEDIATION_ORG,
    NATURE_MONEY,
    NATURE_NAMES,
    NATURE_W,
    OTHER_AREAS,
    PHONE_AREA,
    PROGRESSIONS,
    REGION,
    REGION_SHORT,
    RISK_REASONS,
    STATION_NAME,
    TRANSFER_NOTES,
    TRANSFER_OUTCOMES,
    U_CASE,
    U_MED,
)
from desktop.services.demo.people import PeopleMixin
from desktop.services.identity import make_resident_id


@dataclass
class _DisputeCtx:
    """What the steps of one dispute share while it is generated."""

    id: int
    number: str
    registered: datetime
    age: int  # days since registration
    inc: dict | None  # the incident it came from
    caller_sex: str | None
    ci: int  # community index
    office: int  # the police office's unit id
    nature: str
    source: str
    place: str
    grid_id: int
    status: str
    risk: str
    lead: int
    money: int
    cause: str
    party_ids: list[int] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    a_name: str = ""
    b_name: str = ""
    held: list[datetime] = field(default_factory=list)
    ended: datetime | None = None
    resolved_how: str | None = None
    criminal_risk: bool = False
    mediator_names: list[str] = field(default_factory=list)


class DisputeStage(PeopleMixin):
    """Needs the organisation and the incidents; leaves ``dispute_info``, ``dispute_cases`` (disputes
    handed to the police, which become cases) and the per-year number counters."""

    # ------------------------------------------------------------------ disputes

    def _new_party(self, *, name: str | None = None, sex: str | None = None, phone: str | None = None,
                   phone_raw: str | None = None, address: str | None = None, at: datetime) -> int:
        rng = self.rng
        if name is None or sex is None:
            name, sex = self._person()
        age_days = rng.randint(18 * 365, 80 * 365)
        birth = self.today - timedelta(days=age_days)
        area = rng.choice(LOCAL_AREAS) if rng.random() < 0.85 else rng.choice(OTHER_AREAS)
        while True:
            id_number = make_resident_id(area, birth, rng.randint(0, 498), sex)
            if id_number not in self.party_ids_used:
                break
        self.party_ids_used.add(id_number)
        if phone is None:
            phone = self._mobile()
            phone_raw = self._phone_raw(phone)
        pid = self._id("parties")
        self.party_rows.append({
            "id": pid, "station_id": self.station_id, "name": name, "sex": sex,
            "ethnicity": self._ethnicity(),
            "birth_date": birth, "id_number": id_number, "phone": phone, "phone_raw": phone_raw or phone,
            "address": address, "note": None, **self._base(at, rng.choice(self.mediators)),
        })
        self.party_info[pid] = (name, sex, birth)
        self.person_parties.append(pid)
        if phone:
            self.party_by_phone.setdefault(phone, pid)
        return pid

    def _company_party(self, name: str, at: datetime) -> int:
        pid = self.company_parties.get(name)
        if pid is not None:
            return pid
        pid = self._id("parties")
        local = f"8{self.rng.randrange(10 ** 7):07d}"
        self.party_rows.append({
            "id": pid, "station_id": self.station_id, "name": name, "sex": None, "ethnicity": None,
            "birth_date": None, "id_number": None, "phone": f"{PHONE_AREA}-{local}",
            "phone_raw": f"{PHONE_AREA}{local}", "address": None, "note": "单位当事人",
            **self._base(at, self.mediator_demo_id),
        })
        self.company_parties[name] = pid
        self.party_info[pid] = (name, None, None)
        return pid

    def _disputes(self) -> None:
        rng = self.rng
        self.party_rows: list[dict] = []
        self.party_ids_used: set[str] = set()
        self.party_info: dict[int, tuple] = {}
        self.party_by_phone: dict[str, int] = {}
        self.person_parties: list[int] = []
        self.company_parties: dict[str, int] = {}
        self.dispute_info: list[dict] = []
        self.dispute_cases: list[dict] = []
        self.dispute_numbers: Counter[int] = Counter()
        self.agreement_numbers: Counter[int] = Counter()
        self.v2_count = 0
        out: dict[str, list[dict]] = defaultdict(list)
        # Registrations: a share of the dispute calls, plus patrols, visits and transfers-in.
        candidates: list[tuple[datetime, int | None]] = []
        for idx, e in enumerate(self.incidents):
            code = self.inc_meta[idx][0]
            if code in DISPUTE_NATURE_BY_CODE and rng.random() < (0.045 if code.startswith("05") else 0.01):
                candidates.append((e["reported_at"], idx))
        for di in range((self.end - self.start).days + 1):
            if rng.random() < 0.32:
                d = self.start + timedelta(days=di)
                candidates.append((datetime.combine(d, time(rng.randint(8, 17), rng.randrange(60))), None))
        candidates.sort(key=lambda c: c[0])
        for k, (at, idx) in enumerate(candidates):
            if k % 100 == 0:
                self._report(0.6 * k / max(len(candidates), 1))
            ctx = self._dispute_context(at, idx)
            if ctx is None:
                continue
            self._dispute_parties(ctx, out)
            self._dispute_sessions(ctx, out)
            self._dispute_agreement(ctx, out)
            self._dispute_follow_ups(ctx, out)
            self._dispute_transfers(ctx, out)
            out["disputes"].append(self._dispute_row(ctx))
            self.dispute_info.append({"id": ctx.id, "registered": ctx.registered, "status": ctx.status,
                                      "ci": ctx.ci, "cause": ctx.cause, "criminal_risk": ctx.criminal_risk})
        self._insert(Party, self.party_rows)
        self._insert(incident_parties, out["incident_parties"])
        self._insert(Dispute, out["disputes"])
        for model in (dispute_incidents, DisputeParty, MediationSession, SessionMediator, Agreement,
                      AgreementParty, FollowUp, Transfer):
            name = getattr(model, "__tablename__", getattr(model, "name", None))
            self._insert(model, out[name])
        self._report(1.0)

    def _dispute_context(self, at: datetime, idx: int | None) -> _DisputeCtx | None:
        """Registration, nature, status (by age), risk and lead mediator of one dispute."""
        rng = self.rng
        if idx is not None:
            inc = self.incidents[idx]
            code, ci, caller_sex, _ = self.inc_meta[idx]
            nature = DISPUTE_NATURE_BY_CODE[code]
            registered = self._office_hours(at + timedelta(minutes=rng.randint(30, 60 * 30)))
            source = "incident"
            place, grid_id = inc["address"], inc["grid_id"]
        else:
            inc, ci, caller_sex = None, self._pick_community(), None
            nature = rng.choices(NATURE_NAMES, NATURE_W)[0]
            registered = at
            source = rng.choices(("patrol", "visit", "transfer_in", "other"), (45, 30, 15, 10))[0]
            place, grid_id = self._address(ci, vague=False)
        if registered >= self.now:
            return None
        year = registered.year
        self.dispute_numbers[year] += 1
        age = (self.now - registered).days
        if age < 3:
            status = rng.choices(("registered", "mediating"), (55, 45))[0]
        elif age < 30:
            status = rng.choices(("mediating", "resolved", "failed", "transferred"), (40, 50, 5, 5))[0]
        else:  # ≈94 % of the mediations that ended were successful
            status = rng.choices(("resolved", "failed", "transferred"), (90.5, 5.5, 4))[0]
        office = self.unit_ids[COMMUNITIES[ci].office]
        lead = rng.choice(self.mediators) if rng.random() < 0.7 else rng.choice(self.officers[office])
        lo_money, hi_money = NATURE_MONEY[nature]
        money = rng.randint(lo_money // 100, hi_money // 100) * 100
        return _DisputeCtx(
            id=self._id("disputes"), number=f"MT-{year}-{self.dispute_numbers[year]:04d}",
            registered=registered, age=age, inc=inc, caller_sex=caller_sex, ci=ci, office=office,
            nature=nature, source=source, place=place, grid_id=grid_id, status=status,
            risk=rng.choices(("low", "medium", "high", "major"), (60, 28, 10, 2))[0], lead=lead,
            money=money, cause=rng.choice(DISPUTE_CAUSES[nature]).format(money=money),
        )

    def _dispute_parties(self, ctx: _DisputeCtx, out: dict[str, list[dict]]) -> None:
        """Applicant (the caller when the dispute came from a call), respondent, sometimes a third."""
        rng = self.rng
        inc = ctx.inc
        if inc is not None and inc["caller_name"] and ctx.caller_sex:
            applicant = self.party_by_phone.get(inc["caller_phone"]) or self._new_party(
                name=inc["caller_name"], sex=ctx.caller_sex, phone=inc["caller_phone"],
                phone_raw=inc["caller_phone_raw"], address=inc["address"], at=ctx.registered)
            out["incident_parties"].append({"incident_id": inc["id"], "party_id": applicant})
        elif self.person_parties and rng.random() < 0.04:
            applicant = rng.choice(self.person_parties)  # a repeat disputant
        else:
            applicant = self._new_party(address=ctx.place, at=ctx.registered)
        if ctx.nature in COMPANIES and rng.random() < 0.6:
            respondent = self._company_party(rng.choice(COMPANIES[ctx.nature]), ctx.registered)
        else:
            home = ctx.place if ctx.nature in ("family", "neighbour") else None
            respondent = self._new_party(address=home, at=ctx.registered)
        party_ids = [applicant, respondent]
        if rng.random() < 0.15:
            party_ids.append(self._new_party(at=ctx.registered))
        ctx.party_ids = party_ids
        ctx.roles = ["applicant", "respondent"] + ["other"] * (len(party_ids) - 2)
        for pid, role in zip(party_ids, ctx.roles, strict=True):
            out["dispute_parties"].append({"dispute_id": ctx.id, "party_id": pid, "role": role})
        if inc is not None:
            out["dispute_incidents"].append({"dispute_id": ctx.id, "incident_id": inc["id"]})
        ctx.a_name = self.party_info[applicant][0]
        ctx.b_name = self.party_info[respondent][0]

    def _dispute_sessions(self, ctx: _DisputeCtx, out: dict[str, list[dict]]) -> None:
        """Sessions every few days after registration; the last one decides the outcome."""
        rng = self.rng
        n_sessions = {
            "registered": 0, "mediating": rng.randint(1, 2),
            "resolved": rng.choices((1, 2, 3), (55, 35, 10))[0],
            "failed": rng.randint(2, 4), "transferred": rng.randint(1, 3),
        }[ctx.status]
        t = ctx.registered
        held: list[datetime] = []
        for _ in range(n_sessions):
            t = t + timedelta(days=rng.randint(1, 8))
            t = t.replace(hour=rng.choice((9, 10, 14, 15, 16, 19)), minute=rng.choice((0, 0, 30)), second=0)
            if t >= self.now:
                break
            held.append(t)
        if ctx.status in ("resolved", "failed", "transferred") and not held:
            ctx.status = "mediating"
        if ctx.status == "mediating" and not held:
            ctx.status = "registered"
        ctx.held = held
        ctx.ended = held[-1] if ctx.status in ("resolved", "failed", "transferred") else None
        if ctx.status == "resolved":
            ctx.resolved_how = "agreement" if rng.random() < 0.85 else "other"
        high = ctx.risk in ("high", "major")
        ctx.criminal_risk = high and ctx.status in ("registered", "mediating", "transferred")

        community = COMMUNITIES[ctx.ci]
        places = ("城关派出所矛调中心调解室", self.unit_names[ctx.office],
                  community.name + ("村委会" if community.kind == "village" else "居委会"))
        lead_role = "people_mediator" if self.staff_rank[ctx.lead] == "mediator" else "officer"
        ctx.mediator_names = [self.staff_name[ctx.lead]]

        def mediator(session_id: int, staff_id: int | None, name: str, role: str) -> None:
            out["session_mediators"].append({"id": self._id("session_mediators"), "session_id": session_id,
                                             "staff_id": staff_id, "name": name, "role": role})

        for si, h in enumerate(held):
            session_id = self._id("mediation_sessions")
            if si == len(held) - 1 and ctx.status == "resolved":
                outcome = "agreement"
                notes = ("经耐心调解，双方自愿达成调解协议。" if ctx.resolved_how == "agreement"
                         else "双方达成口头协议，当场履行完毕。")
            elif si == len(held) - 1 and ctx.status in ("failed", "transferred"):
                outcome = "none"
                notes = "双方分歧较大，调解不成，已告知当事人可通过其他合法途径解决。"
            else:
                outcome = rng.choice(("none", "partial"))
                notes = ("双方各执己见，分歧较大，约定择日再调。" if outcome == "none"
                         else "双方就部分事项达成一致，赔偿金额仍有分歧。")
            remote = rng.random() < 0.1
            out["mediation_sessions"].append({
                "id": session_id, "station_id": self.station_id, "dispute_id": ctx.id, "held_at": h,
                "place": None if remote else rng.choice(places), "remote": remote,
                "attendees": f"申请人{ctx.a_name}、被申请人{ctx.b_name}"
                             + rng.choice(("", "及双方亲属", "及所在单位代表")),
                "notes": ("（远程视频调解）" if remote else "") + notes, "outcome": outcome,
                **self._base(h + timedelta(hours=2), ctx.lead),
            })
            mediator(session_id, ctx.lead, self.staff_name[ctx.lead], lead_role)
            if rng.random() < 0.4:
                officer = rng.choice(self.officers[ctx.office])
                if officer != ctx.lead:
                    mediator(session_id, officer, self.staff_name[officer], "officer")
            if rng.random() < 0.15 or (ctx.nature in ("labour", "debt", "traffic") and rng.random() < 0.3):
                lawyer = rng.choice(LAWYERS)
                mediator(session_id, None, lawyer, "lawyer")
                if lawyer not in ctx.mediator_names:
                    ctx.mediator_names.append(lawyer)
            if rng.random() < 0.25:
                mediator(session_id, None, self._person()[0], "grid_worker")
            if rng.random() < 0.12:
                mediator(session_id, None, self._person()[0], "legal_officer")

    def _dispute_agreement(self, ctx: _DisputeCtx, out: dict[str, list[dict]]) -> None:
        """A signed agreement for resolutions by agreement, a draft for a few mediations; one or two
        signed agreements were corrected by a second version that supersedes the first."""
        rng = self.rng
        signed = ctx.status == "resolved" and ctx.resolved_how == "agreement"
        draft = ctx.status == "mediating" and bool(ctx.held) and rng.random() < 0.15
        if not (signed or draft):
            return
        when = ctx.ended if signed else ctx.held[-1]
        year = when.year
        self.agreement_numbers[year] += 1
        number = f"{REGION_SHORT}调字〔{year}〕第{self.agreement_numbers[year]}号"
        signed_on = when.date() if signed else None
        deadline = when.date() + timedelta(days=rng.randint(7, 45))
        terms = AGREEMENT_TERMS[ctx.nature].format(
            a=ctx.a_name, b=ctx.b_name, money=ctx.money, day=rng.randint(1, 10),
            deadline=f"{deadline.year}年{deadline.month}月{deadline.day}日")
        common = {
            "station_id": self.station_id, "dispute_id": ctx.id, "number": number,
            "facts": (f"申请人{ctx.a_name}与被申请人{ctx.b_name}因{ctx.cause}发生纠纷，"
                      f"经{MEDIATION_ORG}调解。"),
            "points": f"双方对{ctx.cause}的责任承担及赔偿数额存在争议。",
            "performance": rng.choice(("银行转账一次性支付", "现金当场支付", "分期支付", "按约定自行履行")),
            "performance_deadline": deadline, "copies": len(ctx.party_ids) + 1,
            "mediators": "、".join(ctx.mediator_names)[:200], "organisation": MEDIATION_ORG,
        }
        versioned = (signed and self.v2_count < 2 and ctx.age > 60
                     and (self.v2_count == 0 or rng.random() < 0.02))
        confirm = None
        if signed and rng.random() < 0.15:
            confirm = signed_on + timedelta(days=rng.randint(1, 25))  # 司法确认 within 30 days
            if confirm >= self.today:
                confirm = None
        first = self._id("agreements")
        out["agreements"].append({
            "id": first, "agreement_version": 1, "supersedes_id": None,
            "status": "draft" if draft else "superseded" if versioned else "signed", "terms": terms,
            "signed_on": signed_on, "confirmation_applied_on": None if versioned else confirm,
            **common, **self._base(when + timedelta(hours=1), ctx.lead),
        })
        ids = [first]
        if versioned:
            self.v2_count += 1
            second = self._id("agreements")
            v2_on = min(signed_on + timedelta(days=rng.randint(1, 5)), self.end)
            out["agreements"].append({
                "id": second, "agreement_version": 2, "supersedes_id": first, "status": "signed",
                "terms": terms + "（经双方同意，更正履行期限及付款方式）", "signed_on": v2_on,
                "confirmation_applied_on": confirm,
                **common, **self._base(datetime.combine(v2_on, time(10, 0)), ctx.lead),
            })
            ids.append(second)
        for agreement_id in ids:
            for pid, role in zip(ctx.party_ids, ctx.roles, strict=True):
                how = None
                if signed:
                    company = self.party_info[pid][1] is None
                    how = "seal" if company else rng.choices(("signature", "thumbprint"), (82, 18))[0]
                out["agreement_parties"].append(
                    {"agreement_id": agreement_id, "party_id": pid, "role": role, "signed_how": how})

    def _dispute_follow_ups(self, ctx: _DisputeCtx, out: dict[str, list[dict]]) -> None:
        rng = self.rng
        if ctx.status != "resolved":
            return
        visit = ctx.ended.date() + timedelta(days=rng.randint(7, 20))
        for _ in range(rng.choices((1, 2), (70, 30))[0]):
            if visit >= self.today:
                break
            honoured = "n/a" if ctx.resolved_how == "other" else rng.choices(HONOURED, (88, 8, 4))[0]
            visitor = rng.choice((ctx.lead, rng.choice(self.officers[ctx.office])))
            out["follow_ups"].append({
                "id": self._id("follow_ups"), "station_id": self.station_id, "dispute_id": ctx.id,
                "visited_on": visit, "visitor_id": visitor, "visitor_name": self.staff_name[visitor],
                "honoured": honoured, "notes": FOLLOW_UP_NOTES[honoured],
                "new_risk_level": "medium" if honoured == "no" else "low",
                "next_due": visit + timedelta(days=30) if honoured in ("partly", "no") else None,
                **self._base(datetime.combine(visit, time(16, 0)), visitor),
            })
            visit = visit + timedelta(days=rng.randint(30, 60))

    def _dispute_transfers(self, ctx: _DisputeCtx, out: dict[str, list[dict]]) -> None:
        """Police → centre for family/neighbour calls; centre → police or court when mediation failed."""
        rng = self.rng
        centre = self.unit_names[self.unit_ids[U_MED]]
        if ctx.source == "incident" and ctx.nature in ("family", "neighbour") and rng.random() < 0.35:
            outcome = TRANSFER_OUTCOMES.get(ctx.status)
            out["transfers"].append({
                "id": self._id("transfers"), "station_id": self.station_id, "dispute_id": ctx.id,
                "direction": "to_centre", "transferred_on": ctx.registered.date(),
                "reason": "家庭邻里纠纷，双方同意调解，移交矛调中心调解。",
                "receiver": f"{STATION_NAME}{centre}",
                "outcome": outcome, "outcome_on": ctx.ended.date() if outcome else None,
                "outcome_notes": TRANSFER_NOTES[outcome], **self._base(ctx.registered, self.duty_demo_id),
            })
        if ctx.status != "transferred":
            return
        to_police = rng.random() < 0.6
        on = min((ctx.ended + timedelta(days=rng.randint(1, 5))).date(), self.end)
        back = on + timedelta(days=rng.randint(7, 60))
        outcome = None
        if back < self.today:
            outcome = "resolved" if rng.random() < 0.8 else "unresolved"
        if to_police:
            receiver = f"{STATION_NAME}{self.unit_names[self.unit_ids[U_CASE]]}"
            reason = "经多次调解未果，一方存在过激言行，移交派出所依法处理。"
        else:
            receiver, reason = f"{REGION}人民法院", "调解不成，当事人选择向人民法院提起诉讼。"
        out["transfers"].append({
            "id": self._id("transfers"), "station_id": self.station_id, "dispute_id": ctx.id,
            "direction": "to_police" if to_police else "to_court", "transferred_on": on, "reason": reason,
            "receiver": receiver, "outcome": outcome, "outcome_on": back if outcome else None,
            "outcome_notes": None if outcome is None else (
                "已依法处理，矛盾化解。" if outcome == "resolved" else "仍未化解，继续跟进。"),
            **self._base(datetime.combine(on, time(11, 0)), ctx.lead),
        })
        if to_police:
            self.dispute_cases.append({
                "dispute_id": ctx.id, "at": datetime.combine(on, time(15, 0)), "a": ctx.a_name,
                "b": ctx.b_name, "ci": ctx.ci, "incident_id": ctx.inc["id"] if ctx.inc is not None else None,
            })

    def _dispute_row(self, ctx: _DisputeCtx) -> dict:
        rng = self.rng
        return {
            "id": ctx.id, "station_id": self.station_id, "number": ctx.number,
            "registered_at": ctx.registered,
            "cause": ctx.cause,
            "occurred_at": ctx.registered - timedelta(days=rng.randint(0, 5), hours=rng.randint(0, 8)),
            "place": ctx.place, "nature": ctx.nature,
            "scale": rng.randint(5, 30) if ctx.nature == "labour" else rng.randint(2, 6),
            "composition": f"申请人{ctx.a_name}，被申请人{ctx.b_name}" + ("等" * (len(ctx.party_ids) > 2)),
            "progression": rng.choice(PROGRESSIONS),
            "summary": f"{ctx.a_name}与{ctx.b_name}因{ctx.cause}产生纠纷。",
            "source": ctx.source, "source_incident_id": ctx.inc["id"] if ctx.inc is not None else None,
            "community_id": self.comm_ids[ctx.ci], "grid_id": ctx.grid_id, "risk_level": ctx.risk,
            "risk_reasons": "；".join(rng.sample(RISK_REASONS, 2)) if ctx.risk != "low" else None,
            "criminal_risk": ctx.criminal_risk, "status": ctx.status, "resolved_how": ctx.resolved_how,
            "ended_at": ctx.ended, "lead_mediator_id": ctx.lead, **self._base(ctx.registered, ctx.lead),
        }
