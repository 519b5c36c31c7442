"""The demo station: a realistic, deterministic 城关派出所 with years of records (no Qt, no commit).

``generate_demo(session, years=3, seed=1, today=…)`` fills an empty, migrated database with one
station and everything belonging to it: units, communities, grids, staff and demo log-ins, the
110 taxonomy, N years of incidents (daily, weekly and seasonal rhythm, crime falling year on year),
planted repeat calls with their clusters, cases and their legal clocks, warnings, briefings with
directives, work orders in every state with consistent histories, and disputes with parties,
sessions, agreements, follow-ups and transfers.

All data is a pure function of ``(seed, years, today)``: one ``random.Random(seed)``, no wall
clock, deterministic password salts. Rows are written with Core bulk inserts on the session's
connection, with primary keys allocated here, so links are made without round trips; the caller
owns the transaction. Every timestamp lies before ``today`` 00:00.
"""

from __future__ import annotations

import hashlib
import math
import random
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import accumulate
from string import Formatter
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from desktop.errors import Cancelled, ConflictError
from desktop.models import (
    Agreement,
    AgreementParty,
    Base,
    Briefing,
    Case,
    CaseClockEvent,
    Community,
    Directive,
    Dispute,
    DisputeParty,
    FollowUp,
    Grid,
    ImportBatch,
    Incident,
    IncidentCategory,
    MediationSession,
    NumberSequence,
    Party,
    RepeatCluster,
    SessionMediator,
    Staff,
    StaffRole,
    Station,
    Transfer,
    Unit,
    Warning,
    WorkOrder,
    WorkOrderEvent,
    dispute_incidents,
    incident_parties,
    repeat_cluster_incidents,
)
from desktop.services.auth import hash_password
from desktop.services.identity import make_resident_id, normalize_address, normalize_phone
from desktop.services.taxonomy import CATEGORIES, CATEGORY_WEIGHTS, seed_categories

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "STATION_CODE", "DemoSummary", "generate_demo"]

# --------------------------------------------------------------------------- the station

STATION_CODE = "GD"
STATION_NAME = "城关派出所"
REGION = "江城市城关区"
REGION_SHORT = "城关"
TOWN = "城关镇"
PHONE_AREA = "0731"
MEDIATION_ORG = "城关镇人民调解委员会"
UPPER_ORGAN = "江城市公安局城关分局"
ADMIN_CASE_ARTICLE = "《中华人民共和国治安管理处罚法》第九十九条"

DEMO_PASSWORD = "demo1234"
# (login number, name, role, password): one log-in for each role, documented for the demo.
DEMO_ACCOUNTS: list[tuple[str, str, str, str]] = [
    ("admin", "系统管理员", "admin", DEMO_PASSWORD),
    ("zhihui", "王建国", "chief", DEMO_PASSWORD),
    ("zhiban", "李晓燕", "duty", DEMO_PASSWORD),
    ("minjing", "张伟", "officer", DEMO_PASSWORD),
    ("tiaojie", "陈秀英", "mediator", DEMO_PASSWORD),
    ("chakan", "刘志强", "viewer", DEMO_PASSWORD),
]

# Unit indexes (ids are allocated in this order).
U_CMD, U_LEAD, U_COMM, U_CASE, U_MED = range(5)
UNITS: tuple[tuple[str, str, str, int | None, str], ...] = (
    ("ZHS", "综合指挥室", "command_room", None, "0731-84561110"),
    ("SLD", "所领导", "leadership", None, "0731-84561100"),
    ("SQJWD", "社区警务队", "community_team", None, "0731-84561120"),
    ("AJBLD", "案件办理队", "case_team", None, "0731-84561130"),
    ("MTZX", "矛调中心", "mediation_centre", None, "0731-84561140"),
    ("JWS01", "解放路警务室", "police_office", U_COMM, "0731-84561151"),
    ("JWS02", "东关警务室", "police_office", U_COMM, "0731-84561152"),
    ("JWS03", "新城警务室", "police_office", U_COMM, "0731-84561153"),
    ("JWS04", "河西警务室", "police_office", U_COMM, "0731-84561154"),
    ("JWS05", "石桥警务室", "police_office", U_COMM, "0731-84561155"),
)
OFFICE_UNITS = (5, 6, 7, 8, 9)


@dataclass(frozen=True)
class _CommunityDef:
    code: str
    name: str
    kind: str
    office: int  # index into UNITS
    weight: float
    streets: tuple[str, ...] = ()
    estates: tuple[str, ...] = ()
    landmarks: tuple[str, ...] = ()


COMMUNITIES: tuple[_CommunityDef, ...] = (
    _CommunityDef("JFL", "解放路社区", "community", 5, 14, ("解放路", "人民路", "文化巷", "府前街"),
                  ("府前小区", "文化巷宿舍"),
                  ("解放路农贸市场", "城关镇人民医院", "新华书店", "人民路步行街")),
    _CommunityDef("XJ", "西街社区", "community", 5, 9, ("西街", "鼓楼巷", "书院路"),
                  ("鼓楼小区",), ("鼓楼广场", "城关一中", "西街菜市场")),
    _CommunityDef("DG", "东关社区", "community", 6, 11, ("东关街", "建设路", "迎宾路"),
                  ("东关新村", "建设路小区"), ("城关汽车站", "东关菜市场", "建设路夜市")),
    _CommunityDef("XC", "新城社区", "community", 7, 13, ("新城大道", "金桂路", "学府路"),
                  ("金桂花园", "学府名苑", "新城家园"), ("新城万达广场", "城关二中", "新城公园")),
    _CommunityDef("BJ", "滨江社区", "community", 7, 9, ("滨江路", "沿江大道", "望江路"),
                  ("滨江一号", "望江苑"), ("滨江公园", "江城大酒店", "沿江酒吧街")),
    _CommunityDef("HX", "河西社区", "community", 8, 11, ("河西路", "工业园路", "纺织路"),
                  ("纺织厂宿舍", "河西新村"), ("河西工业园", "河西物流园", "纺织路商业街")),
    _CommunityDef("TY", "桃园村", "village", 8, 7, (), (), ("桃园村村委会", "桃园小学", "桃园村文化广场")),
    _CommunityDef("GP", "高坪村", "village", 6, 5, (), (), ("高坪村村委会", "高坪砖厂")),
    _CommunityDef("SQ", "石桥村", "village", 9, 7, (), (), ("石桥村村委会", "石桥集市", "石桥加油站")),
    _CommunityDef("LT", "柳塘村", "village", 9, 5, (), (), ("柳塘村村委会", "柳塘水库")),
)
GRIDS_PER_COMMUNITY = 4
CN_NUM = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")

# --------------------------------------------------------------------------- people

SURNAMES = (
    ("王", 7.1), ("李", 7.0), ("张", 6.8), ("刘", 5.4), ("陈", 4.6), ("杨", 3.1), ("黄", 2.6), ("赵", 2.3),
    ("吴", 2.1), ("周", 2.0), ("徐", 1.6), ("孙", 1.5), ("马", 1.4), ("朱", 1.3), ("胡", 1.3), ("郭", 1.2),
    ("何", 1.2), ("林", 1.1), ("高", 1.1), ("罗", 1.1), ("郑", 1.0), ("梁", 1.0), ("谢", 0.9), ("宋", 0.8),
    ("唐", 0.8), ("许", 0.7), ("韩", 0.7), ("冯", 0.7), ("邓", 0.7), ("曹", 0.6), ("彭", 0.6), ("曾", 0.6),
    ("肖", 0.6), ("田", 0.5), ("董", 0.5), ("袁", 0.5), ("潘", 0.5), ("蒋", 0.5), ("蔡", 0.4), ("余", 0.4),
    ("杜", 0.4), ("叶", 0.4), ("程", 0.4), ("苏", 0.4), ("魏", 0.4), ("吕", 0.4), ("丁", 0.3), ("任", 0.3),
    ("沈", 0.3), ("姚", 0.3), ("卢", 0.3), ("傅", 0.3), ("钟", 0.3), ("姜", 0.3), ("谭", 0.4), ("廖", 0.3),
    ("龙", 0.2), ("贺", 0.2), ("欧阳", 0.1), ("毛", 0.2), ("邹", 0.3), ("熊", 0.3), ("易", 0.2), ("文", 0.2),
)
_SURNAME_LIST = [s for s, _ in SURNAMES]
_SURNAME_CUM = list(accumulate(w for _, w in SURNAMES))
GIVEN_M = "伟强军勇杰涛明超斌鹏辉华建国志平刚林峰磊浩宇俊飞文龙波亮海东新成兵德永春红生金立"
GIVEN_F = "芳娟敏静丽艳霞燕玲萍红梅琳婷雪慧英兰秀娜倩洁琴凤佳颖欣怡桂莲翠玉晶"
ETHNICITIES = (("汉族", 93.0), ("土家族", 2.5), ("苗族", 2.0), ("瑶族", 1.2), ("侗族", 0.8), ("回族", 0.5))
LOCAL_AREAS = ("430102", "430103", "430104", "430105", "430111", "430121")
OTHER_AREAS = ("430521", "431023", "430626", "360121", "440305", "420106", "510105", "452122")
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
    "157", "158", "159", "166", "173", "176", "177", "178", "180", "181", "182", "183", "185", "186",
    "187", "188", "189", "191", "198", "199",
)
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
LAWYERS = ("周慧敏", "蒋立军", "彭丽华", "谭志远")
COMPANIES = {
    "property_mgmt": ("江城市金桂物业服务有限公司", "江城市安居物业管理有限公司"),
    "labour": ("江城市宏达建筑劳务有限公司", "城关镇顺发纺织厂", "江城市河西物流有限公司"),
    "medical": ("城关镇人民医院", "城关镇卫生院"),
}

# --------------------------------------------------------------------------- incident texts

FILLERS: dict[str, tuple[str, ...]] = {
    "item": ("手机", "钱包", "自行车", "笔记本电脑", "金项链", "背包", "电瓶", "现金"),
    "color": ("黑色", "白色", "红色", "蓝色", "银色"),
    "fraud": ("刷单返利", "冒充电商客服退款", "虚假投资理财", "冒充公检法", "网络贷款", "冒充熟人借钱",
              "游戏装备交易", "虚假征信修复"),
    "imp": ("公安局民警", "快递客服", "银行工作人员", "社保中心工作人员", "其领导"),
    "rel": ("丈夫", "妻子", "儿子", "女儿", "父亲", "母亲", "兄弟", "儿媳"),
    "family_reason": ("家庭琐事", "赡养老人", "子女教育", "家庭财产分配", "离婚后子女探视"),
    "neighbour_reason": ("楼上漏水", "公共通道堆放杂物", "装修噪音", "宅基地边界", "排水沟堵塞", "养狗扰民"),
    "pm_reason": ("物业费收取", "车位管理", "电梯长期故障", "小区停水"),
    "noise": ("广场舞音响声音过大", "有住户深夜装修", "KTV噪音", "夜宵店顾客喧哗", "有人深夜燃放鞭炮"),
    "veh": ("小轿车", "电动车", "摩托车", "货车", "面包车", "三轮车"),
    "inj": ("无人员受伤", "一人轻微擦伤", "一人受伤已送医", "车辆受损"),
    "kin": ("父亲", "母亲", "儿子", "女儿", "孙子"),
    "company": ("某建筑工地", "某餐馆", "某装修公司", "某纺织厂", "某物流公司"),
}
SUMMARIES: dict[str, tuple[str, ...]] = {
    "0101": ("报警人称其放在{place}的{item}被盗，价值约{money}元。",
             "报警人称在{place}购物时手机被盗。"),
    "0102": ("报警人称通过{fraud}被骗{money}元。",
             "报警人称接到自称{imp}的电话，按对方要求转账{money}元后发现被骗。"),
    "0103": ("报警人称在{place}被一男子抢走挎包，内有现金约{money}元及手机一部。",
             "报警人称在{place}被人驾驶摩托车抢夺手机。"),
    "0104": ("报警人称在{place}与人发生冲突时被对方持械打伤，伤者已送医。",),
    "0105": ("报警人称其位于{place}的家中被盗，门锁有撬压痕迹，丢失现金{money}元及金饰若干。",),
    "0106": ("报警人称其停放在{place}的{color}电动车被盗，价值约{money}元。",),
    "0107": ("报警人称发现有人在{place}故意损毁车辆。", "报警人称有人冒用其身份信息办理贷款。"),
    "0201": ("报警人称在{place}因琐事与人发生争执后被殴打。", "报警人称其{rel}在{place}被人打伤，要求处理。"),
    "0202": ("报警人称有几名男子在{place}酒后滋事、随意辱骂他人。",),
    "0203": ("群众举报{place}有人聚众赌博。",),
    "0204": ("群众举报{place}附近某足浴店疑似有卖淫嫖娼活动。",),
    "0205": ("报警人称{place}{noise}，严重影响休息。",),
    "0206": ("报警人称有人在{place}乱停车堵住出口并拒不挪车。", "报警人称有人在{place}偷拍他人。"),
    "0301": ("报警人称在{place}发生一起{veh}与{veh}碰撞的交通事故，{inj}。",),
    "0302": ("报警人称{place}路段车辆拥堵严重，需要疏导。",),
    "0303": ("报警人称有{veh}长时间占道停放于{place}。",),
    "0401": ("报警人称{place}一住户家中起火，冒出浓烟。",),
    "0402": ("报警人称{place}一辆{veh}起火。",),
    "0403": ("报警人称{place}有人焚烧垃圾，浓烟较大。",),
    "0501": ("报警人称与{rel}因{family_reason}发生争吵，情绪激动。",),
    "0502": ("报警人称与邻居因{neighbour_reason}发生纠纷。",),
    "0503": ("报警人称对方欠款{money}元拒不归还，双方发生争执。",),
    "0504": ("报警人称{company}拖欠其工资{money}元。",),
    "0505": ("报警人称与小区物业因{pm_reason}发生纠纷。",),
    "0506": ("报警人称在城关镇人民医院就医时与医护人员发生纠纷。",),
    "0507": ("报警人称在{place}购物与商家发生消费纠纷。", "报警人称房东拒不退还押金{money}元。"),
    "0601": ("报警人称其{age}岁的{kin}走失，至今未归。",),
    "0602": ("报警人称钥匙锁在{place}家中，请求帮助开锁。",),
    "0603": ("报警人称{place}有一名男子醉酒倒地，需要帮助。",),
    "0604": ("报警人称在{place}捡到一个钱包，要求交还失主。", "报警人称其{rel}情绪低落，扬言轻生，请求帮助。",
             "报警人称有老人在{place}迷路。"),
    "0701": ("群众举报{place}有人吸毒。", "群众举报有人在网上贩卖个人信息。"),
    "0702": ("报警人投诉{place}商户占道经营。",),
    "0801": ("报警人来电未说话即挂断。", "报警人重复报警，反映事项已处置。"),
    "0802": ("报警人咨询户口迁移手续。", "报警人咨询身份证补办流程。"),
    "0803": ("报警人称{place}路灯损坏，存在安全隐患。",),
}
DISPOSALS: dict[str, tuple[str, ...]] = {
    "01": ("已登记，民警正在调查核实。", "民警到场勘查现场，调取周边监控，正在侦查。"),
    "02": ("民警到场批评教育，当事人已认错。", "民警到场劝导，已停止。", "双方经民警调解已和解。"),
    "03": ("已通知交警大队到场处置。", "双方已自行协商处理。", "民警到场疏导，交通已恢复。"),
    "04": ("已通知消防救援站到场处置，火已扑灭，无人员伤亡。",),
    "05": ("民警到场调解，双方达成和解。", "已移交矛调中心跟进调解。", "已告知当事人通过法律途径解决。"),
    "06": ("民警到场已帮助解决。", "已联系家属将其接回。", "已联系相关单位协助处理。"),
    "07": ("已登记，转相关部门核查。", "已转辖区警务室核实。"),
    "08": ("已解答。", "经核实为无效报警。", "已告知相关部门。"),
}
CODE_DISPOSALS: dict[str, tuple[str, ...]] = {  # subtypes whose outcome differs from their category's
    "0102": ("已登记，指导报警人冻结涉案账户并开展止付。",),
    "0203": ("民警到场检查，未发现聚众赌博行为。",),
    "0204": ("民警到场检查，未发现违法行为。",),
    "0205": ("民警到场劝导，噪音已停止。", "已联系业主整改，噪音已消除。"),
    "0301": ("已通知交警大队到场处置。", "双方已自行协商处理。"),
    "0302": ("民警到场疏导，交通已恢复。",),
    "0303": ("已联系车主挪车。",),
    "0506": ("民警到场维持秩序，已引导双方通过医疗纠纷调解途径解决。",),
    "0601": ("经民警和家属共同寻找，已找到走失人员并送回家中。",),
    "0602": ("已核实身份并联系备案开锁公司上门开锁。",),
    "0603": ("民警到场将醉酒人员安全送回家中。", "已联系家属将其接回。"),
    "0604": ("民警到场已帮助解决。", "已联系家属到场，做好安抚工作。"),
    "0701": ("已登记，转相关部门核查。",),
    "0702": ("已转城管部门处理。", "已登记，转相关部门核查。"),
    "0801": ("经回拨核实为无效报警。", "经核实为重复报警，相关警情已处置。"),
    "0802": ("已解答。",),
    "0803": ("已告知相关部门处理。",),
}
CASE_RATES = {  # chance that an incident of the subtype becomes a case
    "0101": 0.3, "0102": 0.45, "0103": 0.7, "0104": 0.7, "0105": 0.6, "0106": 0.3, "0107": 0.25,
    "0201": 0.35, "0202": 0.4, "0203": 0.6, "0204": 0.8, "0205": 0.02, "0206": 0.1,
}
CRIMINAL_TITLES = {
    "0101": ("{v}被盗窃案", "盗窃案"), "0102": ("{v}被诈骗案", "诈骗案"), "0103": ("{v}被抢夺案", "抢夺案"),
    "0104": ("{v}被故意伤害案", "故意伤害案"), "0105": ("{v}家中被盗案", "盗窃案"),
    "0106": ("{v}电动车被盗案", "盗窃案"), "0107": ("{v}财物被毁坏案", "故意毁坏财物案"),
}
ADMIN_TITLES = {
    "0201": ("{v}被殴打案", "殴打他人"), "0202": ("{p}寻衅滋事案", "寻衅滋事"), "0203": ("{p}赌博案", "赌博"),
    "0204": ("{p}卖淫嫖娼案", "卖淫、嫖娼"), "0205": ("{p}噪声干扰他人案", "制造噪声干扰他人正常生活"),
    "0206": ("{p}扰乱公共秩序案", "扰乱公共场所秩序"),
}

AMOUNTS = (200, 500, 800, 1200, 1500, 2000, 3000, 5000, 8000, 12000, 26000, 50000)

# Relative call volume by hour of day: quiet 3–6 am, peaks in the evening.
HOUR_WEIGHTS = (2.2, 1.6, 1.1, 0.7, 0.55, 0.6, 1.0, 2.0, 3.1, 3.6, 3.9, 4.0, 3.9, 3.7, 3.7, 3.9, 4.2,
                4.6, 5.3, 5.9, 6.1, 5.6, 4.6, 3.2)
NIGHT_WEIGHTS = (4.0, 3.0, 1.6, 0.8, 0.4, 0.3, 0.4, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                 1.2, 2.0, 3.5, 5.0, 6.5, 7.0, 6.0)
RUSH_WEIGHTS = (0.6, 0.4, 0.3, 0.2, 0.2, 0.5, 1.5, 5.0, 6.0, 3.5, 3.0, 3.5, 4.0, 3.5, 3.0, 3.5, 4.5,
                6.0, 6.5, 4.5, 3.0, 2.0, 1.5, 1.0)
WEEKDAY_FACTORS = (0.95, 0.93, 0.95, 0.98, 1.10, 1.15, 0.99)  # Mon … Sun, mean ≈ 1
BASE_PER_DAY = 48.0       # calls a day now; a little more in earlier years
OVERALL_DECLINE = 0.97    # year-on-year factor of all calls
CRIMINAL_DECLINE = 0.84   # year-on-year factor of criminal calls

# --------------------------------------------------------------------------- dispute texts

DISPUTE_NATURE_BY_CODE = {
    "0501": "family", "0502": "neighbour", "0503": "debt", "0504": "labour", "0505": "property_mgmt",
    "0506": "medical", "0507": "other", "0301": "traffic", "0201": "neighbour",
}
NATURE_WEIGHTS = (("family", 22), ("neighbour", 28), ("land", 8), ("labour", 10), ("debt", 12),
                  ("property_mgmt", 8), ("medical", 2), ("traffic", 5), ("other", 5))
DISPUTE_CAUSES: dict[str, tuple[str, ...]] = {
    "family": ("夫妻因家庭琐事长期争吵", "兄弟姐妹因赡养老人问题产生矛盾", "离婚后子女抚养费支付问题",
               "婆媳因生活习惯不同长期不和", "家庭财产分割分歧"),
    "neighbour": ("楼上漏水导致楼下房屋受损", "装修噪音影响休息", "公共通道堆放杂物发生口角",
                  "楼上长期噪音扰民", "养狗扰民及卫生问题", "房屋排水问题"),
    "land": ("承包地边界不清发生争执", "山林权属纠纷", "水渠灌溉用水发生矛盾", "宅基地边界纠纷"),
    "labour": ("工地拖欠农民工工资{money}元", "员工工伤赔偿问题", "辞退补偿金争议"),
    "debt": ("借款{money}元到期未归还", "合伙经营分红争议", "货款{money}元长期拖欠"),
    "property_mgmt": ("业主拒交物业费", "小区停车位管理争议", "电梯长期故障未修"),
    "medical": ("患者家属对治疗结果不满", "医疗费用争议"),
    "traffic": ("交通事故赔偿协商未果", "电动车与行人相撞赔偿争议"),
    "other": ("购买商品质量问题引发消费纠纷", "租房押金退还争议"),
}
NATURE_MONEY = {  # plausible amounts (yuan) in an agreement, by nature
    "family": (300, 2000), "neighbour": (500, 8000), "land": (300, 3000), "labour": (3000, 60000),
    "debt": (5000, 100000), "property_mgmt": (500, 5000), "medical": (2000, 50000),
    "traffic": (1000, 30000), "other": (500, 5000),
}
NATURE_NAMES = [n for n, _ in NATURE_WEIGHTS]
NATURE_W = [w for _, w in NATURE_WEIGHTS]
HONOURED = ("yes", "partly", "no")
FOLLOW_UP_NOTES = {
    "yes": "协议已履行，双方关系缓和，无新的矛盾。", "partly": "已部分履行，已督促按期履行剩余部分。",
    "no": "对方未按期履行，已督促履行，必要时申请司法确认。", "n/a": "双方关系正常，未发现新的矛盾。",
}
TRANSFER_OUTCOMES = {"resolved": "resolved", "failed": "unresolved", "transferred": "returned"}
TRANSFER_NOTES = {
    "resolved": "调解成功，双方签订调解协议。", "unresolved": "调解不成。",
    "returned": "多次调解未果，退回派出所依法处理。", None: None,
}
PROGRESSIONS = ("双方多次发生口角，矛盾有激化趋势", "双方情绪基本稳定，同意调解", "一方多次到对方家中吵闹",
                "矛盾持续较长时间，双方积怨较深", "经初步劝解，双方情绪有所缓和")
RISK_REASONS = ("双方情绪激动，曾发生肢体冲突", "一方扬言报复", "涉及人数较多，有聚集苗头",
                "一方有精神障碍病史", "涉及金额较大，双方分歧明显", "矛盾持续时间长，多次调解未果")
AGREEMENT_TERMS: dict[str, str] = {
    "family": "一、双方今后互相尊重、和睦相处，遇事协商解决；二、{b}每月{day}日前支付生活费{money}元；"
              "三、双方不得再因此事争吵。",
    "neighbour": "一、{b}于{deadline}前修复相关设施并赔偿{a}损失{money}元；二、双方今后互谅互让、和睦相处；"
                 "三、本协议履行完毕后双方就此事再无其他纠纷。",
    "land": "一、双方确认以现场埋设的界桩为界；二、{b}补偿{a}青苗损失{money}元；三、双方不得再越界耕种。",
    "labour": "一、{b}于{deadline}前一次性支付{a}工资及补偿款共计{money}元；"
              "二、{a}收款后不再就此事主张权利。",
    "debt": "一、{b}于{deadline}前分两期归还{a}借款共计{money}元；二、逾期未还，{a}可依法申请强制执行。",
    "property_mgmt": "一、{a}于{deadline}前补交物业费{money}元；二、{b}于十五日内完成相关维修；"
                     "三、双方互相监督履行。",
    "medical": "一、{b}一次性补偿{a}医疗费等各项费用{money}元；二、{a}不再以任何形式就此事纠缠。",
    "traffic": "一、{b}于{deadline}前一次性赔偿{a}医疗费、误工费、车辆维修费共计{money}元；"
               "二、本次事故就此了结。",
    "other": "一、{b}于{deadline}前退还{a}{money}元；二、双方就此事再无其他纠纷。",
}

# --------------------------------------------------------------------------- warnings, briefings, orders

WARNING_KINDS = (("fraud", 74), ("stability", 5), ("public_order", 9), ("hazard", 7), ("other", 5))
WARNING_CONTENT: dict[str, tuple[str, ...]] = {
    "fraud": ("反诈中心推送：该号码近期与境外涉诈号码多次通话，疑似正在遭受“{fraud}”类诈骗，请立即劝阻。",
              "反诈中心推送：该人员手机下载涉诈APP，存在被骗风险，请见面劝阻。",
              "反诈中心推送：该人员银行账户短时间内向陌生账户多次转账，疑似遭受“{fraud}”类诈骗。"),
    "stability": ("分局推送：该人员近期在网上发布过激言论，扬言到上级机关上访，请及时稳控。",),
    "public_order": ("分局推送：{place}近期盗窃电动车案件多发，请加强巡逻防控。",
                     "群众反映{place}夜间有人聚集滋事，请核查。"),
    "hazard": ("消防部门通报：{place}存在电动车违规充电隐患，请督促整改。",
               "气象部门预警：未来24小时有强降雨，请排查{place}等低洼地段安全隐患。"),
    "other": ("分局推送：{place}发现疑似走失人员，请协查。",),
}
WARNING_ACTIONS = {
    "fraud": "1小时内电话劝阻，24小时内见面劝阻并反馈结果",
    "stability": "当日落实稳控责任人，见面做好思想工作并反馈",
    "public_order": "三日内组织巡逻防控并反馈",
    "hazard": "三日内督促整改并反馈",
    "other": "及时核查并反馈",
}
WARNING_RESULTS = {
    "fraud": ("已见面劝阻，当事人未转账，已安装国家反诈中心APP。", "已电话劝阻，当事人表示已知晓骗局。",
              "当事人已转账{money}元，已引导其报警并开展止付。"),
    "stability": ("已见面谈话，当事人情绪稳定，已落实稳控措施。",),
    "public_order": ("已组织夜间巡逻，未发现异常。", "已开展集中整治，抓获违法人员2名。"),
    "hazard": ("已督促整改完毕。", "已通知相关单位处置。"),
    "other": ("已核查，情况属实并已处置。",),
}
DIRECTIVE_TEMPLATES: tuple[tuple[str, str, str], ...] = (
    # (text, unit selector, priority)
    ("对{comm}近期高发的盗窃电动车警情开展夜间巡逻防控，并排查周边监控。", "office", "high"),
    ("对{addr}重复报警问题开展回访核查，查明原因，提出化解措施。", "office", "high"),
    ("在{comm}开展反诈宣传入户活动，重点提醒老年人和学生群体。", "office", "long_term"),
    ("对逾期未签收、未反馈的工单逐一催办，落实责任人。", "command", "normal"),
    ("跟进{comm}矛盾纠纷化解进度，防止矛盾激化，有民转刑风险的要落实稳控措施。", "mediation", "high"),
    ("对近期受理的治安案件逐案梳理办案期限，临近期限的要加快办理。", "case", "normal"),
    ("对{comm}出租屋及流动人口开展集中登记核查。", "office", "normal"),
    ("加强节假日期间重点部位巡逻，落实值班备勤。", "community", "urgent"),
    ("对诈骗警情逐案回访被害人，做好止付和宣传工作。", "case", "high"),
)
HQ_TASKS = ("开展夏季治安打击整治“百日行动”", "排查辖区出租屋及流动人口", "开展电动自行车消防安全检查",
            "落实节假日安保维稳措施", "开展反诈宣传进社区活动", "排查涉稳重点人员动态",
            "开展校园周边安全隐患排查", "开展道路交通安全隐患排查")
MANUAL_TASKS = ("检查辖区重点部位安防设施", "回访近期报警群众满意度", "核查辖区新增出租屋登记信息",
                "更新警务室群防群治力量台账", "排查辖区寄递物流企业安全管理")
CANCEL_REASONS = ("重复派单，已合并办理", "警情已由其他单位处置完毕", "交办事项已由分局撤回",
                  "报警人已撤回求助")
PRIORITY_DELTAS = {
    "urgent": timedelta(hours=2), "high": timedelta(hours=24),
    "normal": timedelta(days=3), "long_term": timedelta(days=30),
}
RETURN_TEXTS = ("反馈内容不完整，请补充现场照片后重新反馈。", "请补充回访报警人的情况。")
BRIEFING_ADVICE = ("建议加强夜间巡逻防控，做好重复报警回访。", "建议对纠纷警情逐一回访，防止矛盾激化。",
                   "建议加强反诈宣传，重点关注老年群体。")
APPRAISALS = ("委托伤情鉴定，鉴定期间不计入办案期限。", "委托价格认定，认定期间不计入办案期限。")
REPORT_TEXTS = ("已按要求落实，详见反馈。", "已到场核查，情况已处置完毕。", "已回访报警人，群众表示满意。",
                "已完成排查，发现问题已督促整改。", "已见面劝阻，当事人已知晓风险。")


# --------------------------------------------------------------------------- public API


@dataclass
class DemoSummary:
    """What :func:`generate_demo` wrote: rows per table, the station and the period covered."""

    station_id: int
    counts: dict[str, int]
    start: date
    end: date
    accounts: list[tuple[str, str, str, str]] = field(default_factory=lambda: list(DEMO_ACCOUNTS))

    def __getitem__(self, table: str) -> int:
        return self.counts.get(table, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def generate_demo(
    session: Session,
    *,
    years: int = 3,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty, migrated database with the demo station (see the module docstring).

    Does not commit. Raises :class:`~desktop.errors.Cancelled` when ``cancel()`` returns True (the
    caller rolls back) and :class:`~desktop.errors.ConflictError` when the station already exists.
    """
    if not 1 <= years <= 10:
        raise ValueError("years must be between 1 and 10")
    builder = _Builder(session, years=years, seed=seed, today=today or date.today(),
                       progress=progress, cancel=cancel)
    return builder.run()


# --------------------------------------------------------------------------- helpers


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


@lru_cache(maxsize=64)
def _demo_hash(password: str, salt_text: str) -> str:
    """Argon2 is slow on purpose; the demo hashes the same few accounts, so cache them."""
    salt = hashlib.sha256(salt_text.encode("utf-8")).digest()[:16]
    return hash_password(password, salt=salt)


_FORMATTER = Formatter()


def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in _FORMATTER.parse(template) if name)


_PARSED_SUMMARIES = {code: tuple((t, _fields(t)) for t in ts) for code, ts in SUMMARIES.items()}


def _cum(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


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


class _Builder:
    """Generates the station stage by stage and writes each stage with bulk inserts."""

    CHUNK = 2000

    def __init__(self, session: Session, *, years: int, seed: int, today: date,
                 progress: Callable[[int, int, str], None] | None,
                 cancel: Callable[[], bool] | None) -> None:
        self.session = session
        self.conn = session.connection()
        self.years = years
        self.seed = seed
        self.today = today
        self.end = today - timedelta(days=1)          # the last day with incidents
        self.start = _years_before(today, years)       # the first day with incidents
        self.now = datetime.combine(today, time())     # nothing happens at or after this moment
        self.rng = random.Random(seed)
        self.progress_cb = progress
        self.cancel_cb = cancel
        self.counts: Counter[str] = Counter()
        self.next_ids: dict[str, int] = {}
        self._stage = ("", 0, 100)
        self.address_norms: dict[str, str | None] = {}

    # ------------------------------------------------------------------ plumbing

    def _check_cancel(self) -> None:
        if self.cancel_cb is not None and self.cancel_cb():
            raise Cancelled("已取消生成演示数据")

    def _begin(self, label: str, start: int, end: int) -> None:
        self._stage = (label, start, end)
        self._report(0.0)

    def _report(self, fraction: float) -> None:
        self._check_cancel()
        if self.progress_cb is not None:
            label, start, end = self._stage
            self.progress_cb(int(start + (end - start) * min(max(fraction, 0.0), 1.0)), 100, label)

    def _id(self, table: str) -> int:
        value = self.next_ids.get(table)
        if value is None:
            t = _table(table)
            value = (self.conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1
        self.next_ids[table] = value + 1
        return value

    def _ids(self, table: str, n: int) -> range:
        first = self._id(table)
        self.next_ids[table] = first + n
        return range(first, first + n)

    def _insert(self, target: Any, rows: list[dict]) -> None:
        if not rows:
            return
        table: Table = getattr(target, "__table__", target)
        keys = rows[0].keys()
        for row in rows:
            if row.keys() != keys:
                raise RuntimeError(f"demo rows for {table.name} have different columns")
        stmt = insert(table)
        n = len(rows)
        for i in range(0, n, self.CHUNK):
            self._check_cancel()
            self.conn.execute(stmt, rows[i:i + self.CHUNK])
        self.counts[table.name] += n

    def _norm_address(self, address: str) -> str | None:
        norm = self.address_norms.get(address, "")
        if norm == "":
            norm = self.address_norms[address] = normalize_address(address)
        return norm

    def _at(self, t: datetime) -> datetime:
        """Clamp a generated moment to just before the horizon (so it stays after what caused it)."""
        return min(t, self.now - timedelta(seconds=1))

    def _rand_time(self, lo: datetime, hi: datetime) -> datetime:
        span = int((hi - lo).total_seconds())
        return lo + timedelta(seconds=self.rng.randrange(max(span, 1)))

    def _office_hours(self, t: datetime) -> datetime:
        """The same moment if it is in office hours (08:30–18:00), else the next morning's."""
        if t.hour >= 18:
            t = datetime.combine(t.date() + timedelta(days=1), time(8, 30))
        elif t.hour < 8 or (t.hour == 8 and t.minute < 30):
            t = datetime.combine(t.date(), time(8, 30))
        return t + timedelta(minutes=self.rng.randint(0, 90)) if t.time() == time(8, 30) else t

    # ------------------------------------------------------------------ the whole run

    def run(self) -> DemoSummary:
        self._begin("正在检查数据库", 0, 1)
        stations = Station.__table__
        exists = self.conn.execute(
            select(func.count()).select_from(stations).where(stations.c.code == STATION_CODE)
        ).scalar()
        if exists:
            raise ConflictError(f"派出所代码 {STATION_CODE} 已存在", hint="演示数据只能写入空数据库")
        self._begin("正在创建派出所、机构与人员", 1, 4)
        self._org()
        self._begin("正在写入警情分类", 4, 5)
        self._categories()
        self._begin("正在生成警情", 5, 45)
        self._incidents()
        self._begin("正在生成重复警情", 45, 50)
        self._clusters()
        self._begin("正在生成矛盾纠纷", 50, 62)
        self._disputes()
        self._begin("正在生成案件", 62, 72)
        self._cases()
        self._begin("正在生成预警信息", 72, 80)
        self._warnings()
        self._begin("正在生成晨会与指令", 80, 84)
        self._briefings()
        self._begin("正在生成工单", 84, 97)
        self._work_orders()
        self._begin("正在收尾", 97, 100)
        self._sequences()
        self._fix_server_sequences()
        self._report(1.0)
        return DemoSummary(self.station_id, dict(sorted(self.counts.items())), self.start, self.end)

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

    # ------------------------------------------------------------------ org

    def _base(self, at: datetime, by: int | None = None) -> dict:
        return {"created_at": at, "created_by_id": by, "updated_at": None, "updated_by_id": None,
                "version": 1}

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
        self.other_codes = [c.code for c in CATEGORIES if c.level == 2 and not c.criminal]
        self.criminal_cum = _cum([CATEGORY_WEIGHTS[c] for c in self.criminal_codes])
        self.other_cum = _cum([CATEGORY_WEIGHTS[c] for c in self.other_codes])
        self.criminal_share = self.criminal_cum[-1] / (self.criminal_cum[-1] + self.other_cum[-1])

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

    # ------------------------------------------------------------------ sequences and server fix-ups

    def _sequences(self) -> None:
        rows = []
        for name, per_year in (("work_order", self.work_order_numbers), ("dispute", self.dispute_numbers),
                               ("agreement", self.agreement_numbers)):
            for year in sorted(per_year):
                rows.append({"station_id": self.station_id, "name": name, "year": year,
                             "last_value": per_year[year]})
        self._insert(NumberSequence, rows)

    def _fix_server_sequences(self) -> None:
        """PostgreSQL sequences do not follow explicit ids; move each to its table's maximum."""
        if self.conn.dialect.name != "postgresql":
            return
        for table in sorted(self.next_ids):
            self.conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))


def _table(name: str) -> Table:
    return Base.metadata.tables[name]
