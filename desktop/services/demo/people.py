"""Random people and places: names, phones, ethnicities and addresses inside the communities."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from desktop.services.demo.context import BuilderContext
from desktop.services.demo.data import (
    _FULLWIDTH_DIGITS,
    _SURNAME_CUM,
    _SURNAME_LIST,
    CN_NUM,
    COMMUNITIES,
    ETHNICITIES,
    GIVEN_F,
    GIVEN_M,
    MOBILE_PREFIXES,
    PHONE_AREA,
    TOWN,
)
from desktop.services.identity import normalize_phone


class PeopleMixin(BuilderContext):
    """Draws shared by the stages; addresses need the communities and grids made by ``_org``."""

    # ------------------------------------------------------------------ people helpers

    def _pick(self, items: Sequence, cum: list[float]):
        """A weighted choice by cumulative weights (faster than ``Random.choices`` for one item)."""
        return items[min(bisect_right(cum, self.rng.random() * cum[-1]), len(items) - 1)]

    def _name(self, sex: str) -> str:
        rng = self.rng
        surname = self._pick(_SURNAME_LIST, _SURNAME_CUM)
        pool = GIVEN_M if sex == "M" else GIVEN_F
        if rng.random() < 0.3:
            return surname + rng.choice(pool)
        return surname + rng.choice(pool) + rng.choice(pool)

    def _person(self) -> tuple[str, str]:
        sex = "M" if self.rng.random() < 0.55 else "F"
        return self._name(sex), sex

    def _mobile(self) -> str:
        return f"{self.rng.choice(MOBILE_PREFIXES)}{self.rng.randrange(10 ** 8):08d}"

    def _phone_raw(self, mobile: str) -> str:
        r = self.rng.random()
        if r < 0.72:
            return mobile
        if r < 0.82:
            return f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
        if r < 0.87:
            return "+86 " + mobile
        if r < 0.90:
            return "+86" + mobile
        if r < 0.94:
            return mobile.translate(_FULLWIDTH_DIGITS)
        if r < 0.97:
            return f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
        return "0086" + mobile

    def _caller_phone(self) -> tuple[str, str]:
        """(normalised, raw) of a caller: mostly mobiles, a few landlines."""
        if self.rng.random() < 0.03:
            local = f"8{self.rng.randrange(10 ** 7):07d}"
            raw = self.rng.choice((f"{PHONE_AREA}-{local}", f"{PHONE_AREA}{local}", f"({PHONE_AREA}){local}",
                                   f"{PHONE_AREA} {local}"))
            return f"{PHONE_AREA}-{local}", raw
        mobile = self._mobile()
        raw = self._phone_raw(mobile)
        if raw != mobile and normalize_phone(raw).normalized != mobile:
            raise RuntimeError(f"demo phone spelling {raw!r} does not normalise to {mobile}")
        return mobile, raw

    def _ethnicity(self) -> str:
        return self.rng.choices([e for e, _ in ETHNICITIES], weights=[w for _, w in ETHNICITIES])[0]

    # ------------------------------------------------------------------ addresses

    def _pick_community(self) -> int:
        return self._pick(self.community_indexes, self.comm_cum)

    def _address(self, ci: int, *, vague: bool = True) -> tuple[str, int]:
        """(address text, grid id) inside community ``ci``; landmarks sometimes with 门口/附近/旁."""
        rng = self.rng
        c = COMMUNITIES[ci]
        grids = self.grid_ids[ci]
        r = rng.random()
        if c.kind == "village":
            if r < 0.8:
                group = rng.randint(1, 12)
                return f"{TOWN}{c.name}{CN_NUM[group]}组{rng.randint(1, 60)}号", grids[(group - 1) // 3]
        else:
            if r < 0.5:
                si = rng.randrange(len(c.streets))
                n = rng.randint(1, 320)
                return f"{TOWN}{c.streets[si]}{n}号", grids[(si + n // 80) % 4]
            if r < 0.72:
                ei = rng.randrange(len(c.estates))
                building = rng.randint(1, 18)
                room = f"{rng.randint(1, 18)}0{rng.randint(1, 4)}"
                return (f"{TOWN}{c.estates[ei]}{building}栋{rng.randint(1, 4)}单元{room}室",
                        grids[(ei + building // 6) % 4])
            if r < 0.82 and len(c.streets) > 1:
                a, b = rng.sample(range(len(c.streets)), 2)
                return f"{TOWN}{c.streets[a]}与{c.streets[b]}交叉路口", grids[(a + b) % 4]
        li = rng.randrange(len(c.landmarks))
        suffix = rng.choice(("", "", "门口", "附近", "旁", "对面")) if vague else ""
        return f"{TOWN}{c.landmarks[li]}{suffix}", grids[li % 4]

    def _public_address(self, ci: int) -> tuple[str, int]:
        """A street number, crossing or landmark (not a flat) for calls many people make."""
        for _ in range(20):
            address = self._address(ci, vague=False)
            if "室" not in address[0]:
                return address
        c = COMMUNITIES[ci]
        return f"{TOWN}{c.landmarks[0]}", self.grid_ids[ci][0]

    def _place_of(self, address: str) -> str:
        return address[len(TOWN):] if address.startswith(TOWN) else address
