"""Generate a station database of N incidents of realistic shape, fast, for the benchmarks.

``generate_incidents(url, n)`` migrates an empty database (SQLite file, PostgreSQL or MariaDB),
creates one station (10 communities, 40 grids, units, 60 staff, the 110 taxonomy) through the
application's services, then inserts ``n`` incidents through SQLAlchemy Core in one transaction:
``session.execute(insert(incidents), chunk_of_rows)`` — the same session, audit hook and database
settings the application uses.

The incidents look like a real station's: three years (default) of calls with a daily, weekly and
seasonal rhythm and a slight year-on-year decline, numbers ``JQ<yyyymmdd><seq>`` in time order,
a pool of callers (a few call often) with phones in the spellings people type, addresses of the
station's communities with their normalised matching key, the category mix of
``desktop.services.taxonomy.CATEGORY_WEIGHTS``, 30–80 character summaries and a disposal.
The same seed, size and end date give the same rows.

As a script::

    python benchmarks/generate.py --size 1000000 [--db URL] [--seed 1]

(default database ``benchmarks/data/incidents-<N>.db``; ``benchmarks/data/`` is git-ignored).
Later benchmarks call :func:`ensure_incident_db`, which generates the file only when it is missing.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import math
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from desktop.db import open_database
from desktop.db.database import sqlite_file
from desktop.db.migrate import SchemaState, schema_status, upgrade
from desktop.db.urls import parse_url, sqlite_url
from desktop.errors import DatabaseError
from desktop.models import Community, Grid, Incident, IncidentCategory
from desktop.models.enums import CommunityKind, IncidentSource, Rank, Role, UnitKind
from desktop.services.identity import normalize_address, normalize_phone
from desktop.services.stations import add_staff, add_unit, create_station
from desktop.services.taxonomy import CATEGORY_WEIGHTS, seed_categories

__all__ = [
    "DATA_DIR",
    "DEFAULT_SIZE",
    "World",
    "default_db_path",
    "ensure_incident_db",
    "generate_incidents",
    "iter_incident_chunks",
    "setup_station",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_SIZE = 1_000_000
STATION_CODE = "CG"

Progress = Callable[[int, int, str], None]

# --------------------------------------------------------------------------- the station's world

# (name, kind, roads / village groups)
COMMUNITIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("解放路社区", CommunityKind.COMMUNITY, ("解放路", "中山路", "文化街", "学宫巷")),
    ("人民路社区", CommunityKind.COMMUNITY, ("人民路", "建设路", "胜利街", "南门口街")),
    ("东风社区", CommunityKind.COMMUNITY, ("东风路", "工农路", "红旗路", "东湖街")),
    ("新华社区", CommunityKind.COMMUNITY, ("新华路", "车站路", "朝阳街", "五一路")),
    ("和平社区", CommunityKind.COMMUNITY, ("和平路", "光明街", "育才路", "河西街")),
    ("滨江社区", CommunityKind.COMMUNITY, ("滨江路", "沿江大道", "码头街", "望江路")),
    ("金桥社区", CommunityKind.COMMUNITY, ("金桥路", "工业大道", "科技路", "创业路")),
    ("桃花村", CommunityKind.VILLAGE, ("桃花村", "桃花村", "桃花村", "桃花村")),
    ("柳湾村", CommunityKind.VILLAGE, ("柳湾村", "柳湾村", "柳湾村", "柳湾村")),
    ("石桥村", CommunityKind.VILLAGE, ("石桥村", "石桥村", "石桥村", "石桥村")),
)
ESTATES = ("阳光花园", "锦绣华庭", "金色家园", "幸福小区", "翠苑小区", "电力宿舍", "教师新村", "御景湾",
           "丽都花园", "城市之光", "粮食局宿舍", "碧水苑", "国际公馆", "名门世家", "东方明珠小区")
PLACES = ("便利店", "超市", "网吧", "农贸市场", "菜市场", "夜宵店", "KTV", "宾馆", "烧烤摊", "药店",
          "手机店", "汽修厂", "幼儿园", "小学", "中学", "医院", "公交站", "加油站", "停车场", "广场")
VAGUE = ("附近", "门口", "旁边", "对面", "楼下")

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰红华建国志文斌辉玉珍凤玲亮林成琴云飞鹏宇浩"
         "俊峰海波宁丹萍婷雪梅春燕晨阳欣怡子涵浩然梓轩思雨佳琪")

# Per subtype: what the caller reports (after "称在<place>").
EVENTS: dict[str, tuple[str, ...]] = {
    "0101": ("停放的物品被盗，损失约{money}元", "放在店内的手机被人偷走"),
    "0102": ("接到冒充客服的电话，被骗转账{money}元", "网上刷单被骗{money}元，对方已将其拉黑"),
    "0103": ("被一名骑摩托车男子抢走挎包", "被人抢走手机后对方往巷子里跑了"),
    "0104": ("与人发生口角后被对方持械打伤", "被几名男子打伤头部，已送医"),
    "0105": ("家中被撬门入室，丢失现金和首饰", "回家发现门锁被撬，屋内被翻乱"),
    "0106": ("停放的电动车被盗，车为{color}色", "楼下充电的电动车不见了"),
    "0107": ("发现有人故意损毁车辆", "发现有人在墙上张贴非法广告并损坏设施"),
    "0201": ("与邻居发生争执被对方打了几拳", "在店内消费时与人发生推搡被打"),
    "0202": ("有几名青年酒后滋事、砸东西", "有人无故拦路骚扰过往群众"),
    "0203": ("有人在出租屋内聚众赌博", "棋牌室内有人赌钱，赌注较大"),
    "0204": ("有人在出租屋内从事卖淫活动", "发现有可疑人员进出按摩店"),
    "0205": ("楼上深夜噪音很大，影响休息", "广场舞音响声音太大，多次协商无果"),
    "0206": ("有人在楼道内乱扔杂物引发矛盾", "有人冒用其身份信息"),
    "0301": ("两车发生刮擦，双方对责任有争议", "电动车与小车相撞，一人受轻伤"),
    "0302": ("道路被违停车辆堵死，车辆无法通行", "路口车辆拥堵严重，需要疏导"),
    "0303": ("有车辆长期占道停放", "有车辆在路边抛锚无人处理"),
    "0401": ("居民楼内冒出浓烟，疑似起火", "一楼门面着火，火势不大"),
    "0402": ("路边一辆小车冒烟起火", "停放的电动车充电时起火"),
    "0403": ("有人焚烧垃圾，浓烟很大", "荒地起火，有蔓延趋势"),
    "0501": ("与丈夫发生争吵，对方情绪激动", "家中老人与子女因赡养问题争吵"),
    "0502": ("与邻居因漏水问题发生纠纷", "与邻居因公共楼道堆物发生争执"),
    "0503": ("对方欠款{money}元不还，发生争执", "与合伙人因分账发生纠纷"),
    "0504": ("老板拖欠工资{money}元不付", "工地多名工人讨要工资，情绪激动"),
    "0505": ("与物业因停车收费发生纠纷", "物业停水停电，业主聚集"),
    "0506": ("在医院与医生因治疗费用发生争执", "家属在医院吵闹，要求赔偿"),
    "0507": ("与商家因退货问题发生纠纷", "与房东因押金问题发生争执"),
    "0601": ("家中老人外出走失，至今未归", "小孩放学后未回家，联系不上"),
    "0602": ("钥匙锁在屋内，请求帮助开锁", "家中门锁打不开，屋内有小孩"),
    "0603": ("有一名男子醉酒倒在路边", "有人醉酒后在店内吵闹不肯离开"),
    "0604": ("捡到一个钱包，请求民警协助寻找失主", "有一名老人迷路，需要帮助"),
    "0701": ("发现有人疑似吸毒", "举报有人在网上售卖违禁物品"),
    "0702": ("投诉工地夜间施工扰民", "投诉商铺占道经营"),
    "0801": ("报警后称打错电话", "反复拨打报警电话但不说明情况"),
    "0802": ("咨询户口办理事宜", "咨询出入境证件办理流程"),
    "0803": ("发现一只流浪狗咬人", "有蜂窝挂在窗外，请求处置"),
}
TAILS = ("请求民警到场处理。", "请求出警。", "现场情绪激动，请尽快到场。", "要求民警处理。", "请民警帮忙。")
DISPOSALS: dict[str, tuple[str, ...]] = {
    "01": ("民警到场勘查，已受案调查。", "已移交案件办理队立案侦查。", "已调取监控，正在核查。"),
    "02": ("民警到场制止，已口头警告。", "已将当事人带回所内调查处理。", "经调解双方达成和解。"),
    "03": ("民警到场疏导，已移交交警处理。", "双方已自行协商解决。"),
    "04": ("已通知消防到场，火已扑灭，无人员伤亡。", "民警到场后确认为误报。"),
    "05": ("经民警现场调解，双方达成和解。", "已移交矛调中心调解。", "已告知双方通过诉讼途径解决。"),
    "06": ("民警到场后已帮助解决。", "已联系家属将其接回。", "已联系开锁公司处理。"),
    "07": ("已登记线索，移交相关部门核查。", "已告知其向主管部门反映。"),
    "08": ("已电话回访，无需出警。", "已当场答复。"),
}
COLORS = ("黑", "白", "红", "蓝", "银灰", "绿")
MONEY = ("300", "800", "1200", "2000", "3500", "5000", "8600", "12000", "30000")

# Calls per hour of the day (relative), per weekday (Monday first), and the seasonal swing.
HOUR_WEIGHTS = (22, 14, 10, 7, 6, 7, 12, 24, 38, 46, 50, 52, 46, 42, 46, 48, 50, 54, 58, 62, 64, 58, 46, 32)
WEEKDAY_WEIGHTS = (0.96, 0.94, 0.95, 0.97, 1.06, 1.12, 1.02)
SEASONAL_SWING = 0.15      # summer ±15 % over winter
YEARLY_DECLINE = 0.05      # 5 % fewer calls each year


# --------------------------------------------------------------------------- set-up


@dataclasses.dataclass(frozen=True)
class World:
    """The ids of the station's organisation that incidents refer to."""

    station_id: int
    # (community id, name, kind, roads, unit id of its police office, grid ids)
    communities: tuple[tuple[int, str, str, tuple[str, ...], int, tuple[int, ...]], ...]
    category_ids: dict[str, int]
    unit_staff: dict[int, tuple[int, ...]]   # unit id -> staff ids
    case_team_id: int
    duty_staff_ids: tuple[int, ...]          # who types incidents in (created_by)


def _person_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        name = rng.choice(SURNAMES[:40]) + given
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def setup_station(session, *, seed: int = 1, at: datetime | None = None) -> World:
    """Create the station, its units, communities, grids and staff and seed the taxonomy, in
    ``session`` (unscoped; flushed, not committed). Deterministic for a given ``seed``."""
    rng = random.Random(f"station-{seed}")
    stamp = (at or datetime.now()).replace(microsecond=0)
    station = create_station(session, code=STATION_CODE, name="城关派出所", region="城区分局")
    session.info["station_id"] = station.id
    code = STATION_CODE

    def unit(suffix: str, name: str, kind: UnitKind):
        return add_unit(session, station, code=f"{code}-{suffix}", name=name, kind=kind)

    leaders = unit("SLD", "所领导", UnitKind.LEADERSHIP)
    room = unit("ZHS", "综合指挥室", UnitKind.COMMAND_ROOM)
    community_team = unit("SQ", "社区警务队", UnitKind.COMMUNITY_TEAM)
    case_team = unit("AJ", "案件办理队", UnitKind.CASE_TEAM)
    mediation = unit("MT", "矛调中心", UnitKind.MEDIATION_CENTRE)
    offices = []
    for i in range(5):
        first, second = COMMUNITIES[2 * i][0], COMMUNITIES[2 * i + 1][0]
        offices.append(unit(f"JWS{i + 1}", f"{first[:2]}{second[:2]}警务室", UnitKind.POLICE_OFFICE))

    # 60 staff: 3 leaders, 13 in the command room, 12 + 12 in the teams, 3 per police office, 5 mediators.
    plan: list[tuple[object, Rank, frozenset[Role]]] = []
    plan += [(leaders, Rank.OFFICER, frozenset({Role.CHIEF, Role.OFFICER}))] * 3
    plan += [(room, Rank.OFFICER, frozenset({Role.DUTY, Role.OFFICER}))] * 8
    plan += [(room, Rank.AUXILIARY, frozenset({Role.DUTY}))] * 5
    plan += [(community_team, Rank.OFFICER, frozenset({Role.OFFICER}))] * 8
    plan += [(community_team, Rank.AUXILIARY, frozenset({Role.OFFICER}))] * 4
    plan += [(case_team, Rank.OFFICER, frozenset({Role.OFFICER}))] * 12
    for office in offices:
        plan += [(office, Rank.OFFICER, frozenset({Role.OFFICER}))] * 2
        plan += [(office, Rank.AUXILIARY, frozenset({Role.OFFICER}))]
    plan += [(mediation, Rank.MEDIATOR, frozenset({Role.MEDIATOR}))] * 5
    plan[0] = (leaders, Rank.OFFICER, frozenset({Role.ADMIN, Role.CHIEF, Role.OFFICER}))
    unit_staff: dict[int, list[int]] = {}
    for i, ((u, rank, roles), name) in enumerate(zip(plan, _person_names(rng, len(plan)), strict=True), start=1):
        staff = add_staff(session, station, number=f"{code}{i:03d}", name=name, rank=rank, roles=roles, unit=u)
        unit_staff.setdefault(u.id, []).append(staff.id)

    communities = []
    for i, (name, kind, roads) in enumerate(COMMUNITIES):
        office = offices[i // 2]
        community = Community(station_id=station.id, code=f"{code}-SQ{i + 1:02d}", name=name, kind=kind,
                              unit_id=office.id)
        session.add(community)
        session.flush()
        grids = [Grid(station_id=station.id, community_id=community.id, code=f"{code}-SQ{i + 1:02d}-{g + 1}",
                      name=f"{name}第{g + 1}网格") for g in range(4)]
        session.add_all(grids)
        session.flush()
        communities.append((community.id, name, str(kind), roads, office.id, tuple(g.id for g in grids)))

    seed_categories(session, at=stamp)  # adds the codes that are missing (none on a second station)
    categories = IncidentCategory.__table__
    category_ids = dict(session.execute(select(categories.c.code, categories.c.id)).all())
    return World(
        station_id=station.id,
        communities=tuple(communities),
        category_ids=category_ids,
        unit_staff={k: tuple(v) for k, v in unit_staff.items()},
        case_team_id=case_team.id,
        duty_staff_ids=tuple(unit_staff[room.id]),
    )


# --------------------------------------------------------------------------- rows


def _category_weights(world: World) -> tuple[list[str], list[float]]:
    codes = [c for c in CATEGORY_WEIGHTS if c in world.category_ids and c in EVENTS]
    return codes, list(itertools.accumulate(CATEGORY_WEIGHTS[c] for c in codes))


def _phone_spellings(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """``count`` callers: (name, normalised phone, raw phone as typed). Mostly mobiles."""
    prefixes = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                "157", "158", "159", "166", "173", "177", "180", "181", "182", "186", "187", "188", "189", "199")
    names = [rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
             for _ in range(min(count, 20_000))]
    callers = []
    seen: set[str] = set()
    while len(callers) < count:
        r = rng.random()
        if r < 0.88:
            digits = rng.choice(prefixes) + f"{rng.randrange(100_000_000):08d}"
            style = rng.random()
            if style < 0.70:
                raw = digits
            elif style < 0.82:
                raw = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
            elif style < 0.90:
                raw = f"+86 {digits}"
            elif style < 0.96:
                raw = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
            else:
                raw = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        else:
            local = f"{rng.choice('2345678')}{rng.randrange(10_000_000):07d}"
            raw = f"0731-{local}" if rng.random() < 0.6 else f"0731{local}"
        norm = normalize_phone(raw).normalized
        if norm is None or norm in seen:
            continue
        seen.add(norm)
        name = rng.choice(names) if rng.random() > 0.08 else None
        callers.append((name, norm, raw))
    return callers


def _address_pool(rng: random.Random, world: World, count: int) -> list[tuple[str, str, int, int]]:
    """``count`` spellings of places: (address as typed, normalised key, community id, grid id).

    Each place is also spelt with a vague suffix or full-width digits, so that several spellings
    share one matching key, as in real exports."""
    fullwidth = str.maketrans("0123456789", "０１２３４５６７８９")
    pool: list[tuple[str, str, int, int]] = []
    per_community = max(1, count // len(world.communities))
    for cid, _name, kind, roads, _office, grid_ids in world.communities:
        made = 0
        while made < per_community:
            g = rng.randrange(len(grid_ids))
            road = roads[g % len(roads)]
            r = rng.random()
            if kind == CommunityKind.VILLAGE:
                base = f"城关镇{road}{rng.randint(1, 12)}组{rng.randint(1, 80)}号"
            elif r < 0.55:
                base = (f"{road}{rng.randint(1, 399)}号{rng.choice(ESTATES)}{rng.randint(1, 24)}栋"
                        f"{rng.randint(1, 4)}单元{rng.randint(1, 26)}{rng.randint(1, 4):02d}室")
            elif r < 0.85:
                base = f"{road}{rng.randint(1, 399)}号{rng.choice(PLACES)}"
            else:
                other = rng.choice([x for x in roads if x != road] or [road])
                base = f"{road}与{other}交叉路口"
            for spelling in (base, base + rng.choice(VAGUE), base.translate(fullwidth).replace("号", "#", 1)):
                norm = normalize_address(spelling)
                assert norm is not None
                pool.append((spelling, norm, cid, grid_ids[g]))
            made += 3
    rng.shuffle(pool)
    return pool


def _day_counts(n: int, start: date, days: int) -> list[int]:
    """Split ``n`` calls over ``days`` days by weekday, season and a yearly decline (sums to n)."""
    weights = []
    for i in range(days):
        d = start + timedelta(days=i)
        season = 1 + SEASONAL_SWING * math.sin(2 * math.pi * (d.timetuple().tm_yday - 100) / 365.25)
        trend = (1 - YEARLY_DECLINE) ** (i / 365.25)  # older days busier
        weights.append(WEEKDAY_WEIGHTS[d.weekday()] * season * trend)
    total = sum(weights)
    counts, acc, given = [], 0.0, 0
    for w in weights:
        acc += w
        upto = round(n * acc / total)
        counts.append(upto - given)
        given = upto
    return counts


def iter_incident_chunks(world: World, n: int, *, seed: int = 1, chunk: int = 20_000, years: int = 3,
                         end: date | None = None) -> Iterator[list[dict]]:
    """Rows for ``insert(incidents)``, oldest first, in lists of up to ``chunk`` dicts.

    Every row has the same keys. Calls spread over ``years`` years up to the day before ``end``
    (default: today)."""
    rng = random.Random(seed)
    end = end or date.today()
    days = max(1, round(365.25 * years))
    start = end - timedelta(days=days)
    counts = _day_counts(n, start, days)
    seq_width = max(4, len(str(max(counts, default=0))))

    callers = _phone_spellings(rng, max(50, min(n // 4, 250_000)))
    places = _address_pool(rng, world, max(60, min(n // 3, 150_000)))
    n_callers, n_places = len(callers), len(places)
    codes, cum = _category_weights(world)
    events = {c: EVENTS[c] for c in codes}
    disposals = DISPOSALS
    community_office = {c[0]: c[4] for c in world.communities}
    unit_staff = world.unit_staff
    case_team, case_staff = world.case_team_id, unit_staff[world.case_team_id]
    category_ids = world.category_ids
    duty = world.duty_staff_ids
    station_id = world.station_id
    hours = range(24)
    hour_cum = list(itertools.accumulate(HOUR_WEIGHTS))
    manual = str(IncidentSource.MANUAL)
    random_ = rng.random
    randrange = rng.randrange
    choice = rng.choice
    minute = timedelta(minutes=1)

    rows: list[dict] = []
    for day_index, count in enumerate(counts):
        if not count:
            continue
        day = start + timedelta(days=day_index)
        prefix = f"JQ{day:%Y%m%d}"
        midnight = datetime(day.year, day.month, day.day)
        seconds = sorted(h * 3600 + randrange(3600) for h in rng.choices(hours, cum_weights=hour_cum, k=count))
        cats = rng.choices(codes, cum_weights=cum, k=count)
        for seq, (second, code) in enumerate(zip(seconds, cats, strict=True), start=1):
            reported = midnight + timedelta(seconds=second)
            # A few callers ring often (a skewed draw), most call once or twice.
            name, phone, phone_raw = callers[int(n_callers * random_() ** 1.7)]
            address, address_norm, community_id, grid_id = places[int(n_places * random_() ** 1.6)]
            summary = (f"{reported:%H时%M分}，报警人{name or '（未留姓名）'}称在{address[:24]}"
                       f"{choice(events[code])}，{choice(TAILS)}")
            if "{" in summary:
                summary = summary.format(money=choice(MONEY), color=choice(COLORS))
            if code[:2] == "01":
                unit_id, officer_id = case_team, choice(case_staff)
            else:
                unit_id = community_office[community_id]
                officer_id = choice(unit_staff[unit_id])
            rows.append({
                "station_id": station_id,
                "number": f"{prefix}{seq:0{seq_width}d}",
                "reported_at": reported,
                "caller_name": name,
                "caller_phone": phone,
                "caller_phone_raw": phone_raw,
                "address": address,
                "address_norm": address_norm,
                "community_id": community_id,
                "grid_id": grid_id,
                "category_id": category_ids[code],
                "summary": summary[:80],
                "unit_id": unit_id,
                "officer_id": officer_id,
                "disposal": choice(disposals[code[:2]]),
                "source": manual,
                "version": 1,
                "created_at": reported + minute * (1 + randrange(30)),
                "created_by_id": duty[randrange(len(duty))],
            })
            if len(rows) >= chunk:
                yield rows
                rows = []
    if rows:
        yield rows


# --------------------------------------------------------------------------- the generator


def generate_incidents(
    db_url: str,
    n: int = DEFAULT_SIZE,
    *,
    seed: int = 1,
    chunk: int = 20_000,
    progress: Progress | None = None,
    years: int = 3,
    end: date | None = None,
    on_chunk: Callable[[list[dict]], None] | None = None,
) -> dict:
    """Migrate the empty database at ``db_url``, create the station and insert ``n`` incidents in
    one transaction. Returns counts and where the time went (seconds):

    ``setup`` (migration, station, staff, taxonomy), ``rows`` (building the row dicts in Python),
    ``insert`` (``session.execute`` of the chunks), ``commit``, ``callback`` (``on_chunk``, which the
    ``generate`` benchmark uses to feed the same rows to its raw baseline) and ``total``.
    Refuses a database that already holds data.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    started = time.perf_counter()
    db = open_database(db_url)
    try:
        status = schema_status(db)
        if status.state is SchemaState.EMPTY:
            upgrade(db)
        elif status.state is not SchemaState.CURRENT or _has_rows(db):
            raise DatabaseError(f"{db.label} 不是空数据库，基准数据只能写入空数据库")
        stmt = insert(Incident.__table__)
        timings = dict.fromkeys(("rows", "insert", "commit", "callback"), 0.0)
        clock = time.perf_counter
        with db.transaction() as session:
            world = setup_station(session, seed=seed)
            admin = world.unit_staff[min(world.unit_staff)][0]
            session.info["staff_id"] = admin
            timings["setup"] = clock() - started
            done = 0
            chunks = iter_incident_chunks(world, n, seed=seed, chunk=chunk, years=years, end=end)
            first_at = last_at = None
            while True:
                t0 = clock()
                rows = next(chunks, None)
                t1 = clock()
                timings["rows"] += t1 - t0
                if rows is None:
                    break
                session.execute(stmt, rows)
                t2 = clock()
                timings["insert"] += t2 - t1
                if on_chunk is not None:
                    on_chunk(rows)
                    timings["callback"] += clock() - t2
                first_at = first_at or rows[0]["reported_at"]
                last_at = rows[-1]["reported_at"]
                done += len(rows)
                if progress is not None:
                    progress(done, n, "插入警情")
            t0 = clock()
            session.commit()
            timings["commit"] = clock() - t0
        timings["total"] = clock() - started
        return {
            "database": db.label,
            "station_id": world.station_id,
            "incidents": done,
            "communities": len(world.communities),
            "grids": sum(len(c[5]) for c in world.communities),
            "staff": sum(len(v) for v in world.unit_staff.values()),
            "categories": len(world.category_ids),
            "first_at": first_at,
            "last_at": last_at,
            "seconds": timings,
        }
    finally:
        db.dispose()


def _has_rows(db) -> bool:
    from desktop.services.bootstrap import is_empty

    return not is_empty(db)


# --------------------------------------------------------------------------- reuse by benchmarks


def default_db_path(size: int) -> Path:
    return DATA_DIR / f"incidents-{size}.db"


def to_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db`` (a URL, or a path of a SQLite file)."""
    text = str(db)
    return text if "://" in text else sqlite_url(text)


def ensure_incident_db(size: int = DEFAULT_SIZE, url: str | None = None, *, seed: int = 1,
                       progress: Progress | None = None) -> str:
    """The URL of a database holding ``size`` generated incidents, generating it only if missing.

    A SQLite file is generated under a temporary name and renamed when complete, so an interrupted
    run never leaves a half-filled file behind. A server database is generated when it has no schema.
    """
    url = to_url(url or default_db_path(size))
    parsed = parse_url(url)
    path = sqlite_file(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path is None:
        db = open_database(url)
        try:
            state = schema_status(db).state
        finally:
            db.dispose()
        if state is SchemaState.EMPTY:
            generate_incidents(url, size, seed=seed, progress=progress)
        return url
    if path.exists():
        return url
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    remove_sqlite(partial)
    generate_incidents(sqlite_url(partial), size, seed=seed, progress=progress)
    partial.rename(path)
    return url


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def stderr_progress(label: str = "") -> Progress:
    """A progress callback that rewrites one line on stderr (about once a second)."""
    last = [0.0]

    def show(done: int, total: int, text: str) -> None:
        now = time.perf_counter()
        if now - last[0] < 1 and done < total:
            return
        last[0] = now
        pct = 100 * done // total if total else 100
        sys.stderr.write(f"\r{label}{text} {done:,}/{total:,} ({pct}%)   ")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a StationDesk database of N incidents.")
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help="number of incidents (default 1,000,000)")
    parser.add_argument("--db", help="database URL or SQLite file (default benchmarks/data/incidents-<N>.db)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=20_000, help="rows per insert statement")
    args = parser.parse_args(argv)
    url = to_url(args.db or default_db_path(args.size))
    parsed = parse_url(url)
    path = sqlite_file(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = generate_incidents(url, args.size, seed=args.seed, chunk=args.chunk, progress=stderr_progress())
    except DatabaseError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 2
    s = result["seconds"]
    print(f"{result['database']}: {result['incidents']:,} incidents "
          f"({result['first_at']:%Y-%m-%d} … {result['last_at']:%Y-%m-%d}) in {s['total']:.1f} s "
          f"(setup {s['setup']:.1f}, rows {s['rows']:.1f}, insert {s['insert']:.1f}, commit {s['commit']:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
