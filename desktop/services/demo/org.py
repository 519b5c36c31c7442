"""The organisation: the station, units, staff with the demo log-ins, communities, grids, taxonomy."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import func, select

from desktop.models import Community, Grid, IncidentCategory, Staff, StaffRole, Station, Unit
from desktop.services.auth import hash_password
from desktop.services.demo.context import _cum
from desktop.services.demo.data import (
    COMMUNITIES,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    GRIDS_PER_COMMUNITY,
    OFFICE_UNITS,
    REGION,
    STATION_CODE,
    STATION_NAME,
    U_CASE,
    U_CMD,
    U_COMM,
    U_LEAD,
    U_MED,
    UNITS,
)
from desktop.services.demo.people import PeopleMixin
from desktop.services.taxonomy import CATEGORIES, CATEGORY_WEIGHTS, seed_categories


@lru_cache(maxsize=64)
def _demo_hash(password: str, salt_text: str) -> str:
    """Argon2 is slow on purpose; the demo hashes the same few accounts, so cache them."""
    salt = hashlib.sha256(salt_text.encode("utf-8")).digest()[:16]
    return hash_password(password, salt=salt)


class OrgStage(PeopleMixin):
    """First stage: everything later stages pick units, staff, communities and categories from."""

    # ------------------------------------------------------------------ org

    def _org(self) -> None:
        rng = self.rng
        setup = datetime.combine(self.start - timedelta(days=30), time(9, 0))
        self.setup_at = setup
        self.station_id = sid = self._id("stations")
        self._insert(Station, [{
            "id": sid, "code": STATION_CODE, "name": STATION_NAME, "region": REGION, "cutover_hour": 8,
            **self._base(setup),
        }])
        unit_ids = list(self._ids("units", len(UNITS)))
        self.unit_ids = unit_ids
        self.unit_names = {}
        rows = []
        for i, (code, name, kind, parent, phone) in enumerate(UNITS):
            uid = unit_ids[i]
            self.unit_names[uid] = name
            rows.append({
                "id": uid, "station_id": sid, "code": f"{STATION_CODE}-{code}", "name": name, "kind": kind,
                "parent_id": unit_ids[parent] if parent is not None else None, "phone": phone, "active": True,
                **self._base(setup),
            })
        self._insert(Unit, rows)
        self.office_of_unit = {unit_ids[i]: i for i in range(len(UNITS))}

        # Staff: demo log-ins first, then the rest of the station.
        staff_rows: list[dict] = []
        role_rows: list[dict] = []
        self.staff_name: dict[int, str] = {}
        self.staff_rank: dict[int, str] = {}
        self.members: dict[int, list[int]] = defaultdict(list)   # unit id -> staff ids
        self.officers: dict[int, list[int]] = defaultdict(list)  # unit id -> officer-rank staff ids
        used_names = {n for _, n, _, _ in DEMO_ACCOUNTS}
        counters = Counter()

        def add(number: str | None, name: str | None, rank: str, unit_index: int, roles: list[str],
                password: str | None = None) -> int:
            sid_ = self._id("staff")
            if name is None:
                while True:
                    name = self._name("M" if rng.random() < 0.7 else "F")
                    if name not in used_names:
                        break
            used_names.add(name)
            if number is None:
                counters[rank] += 1
                k = counters[rank]
                number = {"officer": f"031{k:03d}", "auxiliary": f"FJ{k:04d}", "mediator": f"TJ{k:03d}",
                          "civilian": f"WZ{k:03d}"}[rank]
            unit_id = unit_ids[unit_index]
            staff_rows.append({
                "id": sid_, "station_id": sid, "number": number, "name": name, "rank": rank,
                "unit_id": unit_id,
                "phone": self._mobile(),
                "password_hash": _demo_hash(password, f"stationdesk-demo:{number}") if password else None,
                "active": True, "failed_logins": 0, "locked_until": None, "last_login_at": None,
                "must_change_password": False, **self._base(setup),
            })
            for role in roles:
                role_rows.append({"staff_id": sid_, "role": role, "created_at": setup, "created_by_id": None})
            self.staff_name[sid_] = name
            self.staff_rank[sid_] = rank
            self.members[unit_id].append(sid_)
            if rank == "officer":
                self.officers[unit_id].append(sid_)
            return sid_

        demo = {number: (name, role, pw) for number, name, role, pw in DEMO_ACCOUNTS}
        self.admin_id = add("admin", demo["admin"][0], "civilian", U_CMD, ["admin"], DEMO_PASSWORD)
        self.chief_id = add("zhihui", demo["zhihui"][0], "officer", U_CMD, ["chief", "duty", "officer"],
                            DEMO_PASSWORD)
        self.duty_demo_id = add("zhiban", demo["zhiban"][0], "auxiliary", U_CMD, ["duty"], DEMO_PASSWORD)
        self.officer_demo_id = add("minjing", demo["minjing"][0], "officer", U_COMM, ["officer"],
                                   DEMO_PASSWORD)
        self.mediator_demo_id = add("tiaojie", demo["tiaojie"][0], "mediator", U_MED, ["mediator"],
                                    DEMO_PASSWORD)
        add("chakan", demo["chakan"][0], "civilian", U_LEAD, ["viewer"], DEMO_PASSWORD)
        self.head_id = add(None, "赵立新", "officer", U_LEAD, ["chief", "officer"])        # 所长
        self.instructor_id = add(None, "孙红梅", "officer", U_LEAD, ["chief", "officer"])  # 教导员
        for _ in range(2):
            add(None, None, "officer", U_LEAD, ["officer"])                                # 副所长
        for _ in range(3):
            add(None, None, "officer", U_CMD, ["duty", "officer"])
        for _ in range(2):
            add(None, None, "auxiliary", U_CMD, ["duty"])
        for _ in range(5):
            add(None, None, "officer", U_COMM, ["officer"])
        for _ in range(4):
            add(None, None, "auxiliary", U_COMM, ["officer"])
        for _ in range(10):
            add(None, None, "officer", U_CASE, ["officer"])
        for _ in range(5):
            add(None, None, "auxiliary", U_CASE, ["officer"])
        for _ in range(3):
            add(None, None, "mediator", U_MED, ["mediator"])
        for office in OFFICE_UNITS:
            for _ in range(2):
                add(None, None, "officer", office, ["officer"])
            for _ in range(2):
                add(None, None, "auxiliary", office, ["officer"])
        self._insert(Staff, staff_rows)
        self._insert(StaffRole, role_rows)
        self.duty_staff = [s for s in self.members[unit_ids[U_CMD]] if s != self.admin_id]
        self.mediators = list(self.members[unit_ids[U_MED]])

        # Communities and grids.
        comm_rows, grid_rows = [], []
        self.comm_ids: list[int] = []
        self.grid_ids: list[list[int]] = []
        for c in COMMUNITIES:
            cid = self._id("communities")
            self.comm_ids.append(cid)
            comm_rows.append({
                "id": cid, "station_id": sid, "code": f"{STATION_CODE}-{c.code}", "name": c.name,
                "kind": c.kind,
                "unit_id": unit_ids[c.office], **self._base(setup),
            })
            grids = []
            for gi in range(GRIDS_PER_COMMUNITY):
                gid = self._id("grids")
                grids.append(gid)
                grid_rows.append({
                    "id": gid, "station_id": sid, "community_id": cid,
                    "code": f"{STATION_CODE}-{c.code}-{gi + 1:02d}",
                    "name": f"{c.name}第{gi + 1}网格", **self._base(setup),
                })
            self.grid_ids.append(grids)
        self._insert(Community, comm_rows)
        self._insert(Grid, grid_rows)
        self.comm_cum = _cum([c.weight for c in COMMUNITIES])
        self.community_indexes = list(range(len(COMMUNITIES)))
        self._report(1.0)

    # ------------------------------------------------------------------ categories

    def _categories(self) -> None:
        before = self.conn.execute(select(func.count()).select_from(IncidentCategory.__table__)).scalar()
        added = seed_categories(self.session, at=self.setup_at)
        if added:
            self.counts["incident_categories"] += added
        t = IncidentCategory.__table__
        self.cat_ids = dict(self.conn.execute(select(t.c.code, t.c.id)).all())
        missing = [c.code for c in CATEGORIES if c.code not in self.cat_ids]
        if missing:
            raise RuntimeError(f"incident categories missing after seeding: {missing} (had {before})")
        self.criminal_codes = [c.code for c in CATEGORIES if c.level == 2 and c.criminal]
        self.other_codes = [c.code for c in CATEGORIES
                            if c.level == 2 and not c.criminal and c.code in CATEGORY_WEIGHTS]
        self.criminal_cum = _cum([CATEGORY_WEIGHTS[c] for c in self.criminal_codes])
        self.other_cum = _cum([CATEGORY_WEIGHTS[c] for c in self.other_codes])
        self.criminal_share = self.criminal_cum[-1] / (self.criminal_cum[-1] + self.other_cum[-1])
