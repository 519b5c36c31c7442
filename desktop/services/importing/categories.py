"""Which taxonomy subtype (level-2 code) the category texts of an export name.

Dispatch systems spell categories their own way (电诈, 打架斗殴, 噪声扰民, 交通事故（伤人）, 治安/殴打他人),
so after the exact names of desktop.services.taxonomy come a synonym table of names seen in real
exports, ``大类-小类`` combinations, and finally the category alone (its "其他…" subtype).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desktop.services.taxonomy import TAXONOMY

__all__ = ["CATEGORY_SYNONYMS", "SUBTYPE_SYNONYMS", "resolve_category"]

# Names real exports use -> level-2 code. Compared after _norm() (NFKC, no spaces/brackets).
SUBTYPE_SYNONYMS: dict[str, str] = {
    # 01 刑事
    "盗窃案": "0101", "被盗": "0101", "扒窃": "0101", "偷窃": "0101", "失窃": "0101", "盗窃财物": "0101",
    "诈骗": "0102", "电信诈骗": "0102", "网络诈骗": "0102", "电信网络诈骗": "0102", "电诈": "0102",
    "诈骗案": "0102", "被骗": "0102", "刷单诈骗": "0102", "冒充客服诈骗": "0102", "冒充公检法诈骗": "0102",
    "网络刷单": "0102", "投资理财诈骗": "0102", "杀猪盘": "0102",
    "抢劫": "0103", "抢夺": "0103", "抢劫案": "0103", "抢夺案": "0103", "飞车抢夺": "0103",
    "伤害": "0104", "故意伤害案": "0104", "持刀伤人": "0104", "伤人": "0104",
    "入室盗窃案": "0105", "入户盗窃": "0105",
    "盗窃电动自行车": "0106", "电动车被盗": "0106", "电瓶车被盗": "0106", "盗窃电瓶车": "0106",
    "电动自行车被盗": "0106",
    "刑事": "0107", "其他刑事案件": "0107", "刑事案件": "0107",
    # 02 治安
    "打架斗殴": "0201", "斗殴": "0201", "打架": "0201", "殴打": "0201", "殴打他人案": "0201", "打人": "0201",
    "互殴": "0201", "聚众斗殴": "0201",
    "滋事": "0202", "寻衅滋事案": "0202", "闹事": "0202", "酒后滋事": "0202",
    "聚众赌博": "0203", "赌博案": "0203", "涉赌": "0203", "赌博举报": "0203",
    "卖淫": "0204", "嫖娼": "0204", "涉黄": "0204",
    "噪声扰民": "0205", "噪音": "0205", "噪声": "0205", "扰民": "0205", "施工扰民": "0205", "广场舞扰民": "0205",
    "治安": "0206", "治安案件": "0206", "其他治安案件": "0206",
    # 03 交通
    "事故": "0301", "交通事故案": "0301", "车祸": "0301", "交通肇事": "0301", "剐蹭": "0301", "追尾": "0301",
    "道路交通事故": "0301",
    "堵车": "0302", "交通拥堵": "0302", "道路拥堵": "0302", "违章停车": "0303", "违停": "0303", "挪车": "0303",
    "交通": "0303",
    # 04 火灾
    "火灾": "0401", "房屋火灾": "0401", "住宅火灾": "0401", "车辆起火": "0402", "汽车起火": "0402",
    "电动车起火": "0402", "火情": "0403", "火警": "0403", "烟雾": "0403",
    # 05 纠纷
    "家暴": "0501", "家庭暴力": "0501", "婚姻家庭纠纷": "0501", "婚恋家庭纠纷": "0501", "夫妻纠纷": "0501",
    "家庭矛盾": "0501", "婚恋纠纷": "0501",
    "邻居纠纷": "0502", "邻里矛盾": "0502", "相邻纠纷": "0502",
    "债务纠纷": "0503", "经济债务纠纷": "0503", "消费纠纷": "0503", "合同纠纷": "0503",
    "欠薪": "0504", "讨薪": "0504", "工资纠纷": "0504", "劳动纠纷": "0504", "拖欠工资": "0504",
    "物业管理纠纷": "0505", "医疗纠纷": "0506",
    "纠纷": "0507", "民间纠纷": "0507", "其他民事纠纷": "0507", "土地山林纠纷": "0507", "交通纠纷": "0507",
    # 06 求助
    "走失": "0601", "寻人": "0601", "人员走失": "0601", "老人走失": "0601", "儿童走失": "0601", "找人": "0601",
    "开锁": "0602", "求助开锁": "0602", "醉酒求助": "0603", "醉酒人员": "0603", "酒醉": "0603",
    "求助": "0604", "群众求助": "0604", "其他求助": "0604", "救助": "0604", "紧急求助": "0604",
    # 07 举报投诉
    "举报": "0701", "线索举报": "0701", "违法犯罪举报": "0701", "投诉举报": "0702", "投诉民警": "0702",
    # 08 其他
    "重复报警": "0801", "无效报警": "0801", "骚扰电话": "0801", "误报": "0801", "谎报": "0801",
    "咨询": "0802", "业务咨询": "0802", "政策咨询": "0802", "其他": "0803", "其他警情": "0803",
}

# Category (level-1) names real exports use -> level-1 code.
CATEGORY_SYNONYMS: dict[str, str] = {
    "刑事": "01", "刑事类": "01", "刑事案件": "01", "刑事类警情": "01",
    "治安": "02", "治安类": "02", "治安案件": "02", "治安类警情": "02",
    "交通": "03", "交通类": "03", "交通类警情": "03", "道路交通": "03",
    "火灾": "04", "火警": "04", "火灾类": "04", "消防": "04",
    "纠纷": "05", "纠纷类": "05", "民事纠纷": "05", "矛盾纠纷": "05", "纠纷类警情": "05",
    "求助": "06", "求助类": "06", "群众求助类": "06", "求助类警情": "06", "非警务求助": "06",
    "举报": "07", "投诉": "07", "举报类": "07", "投诉类": "07", "举报投诉类": "07",
    "其他": "08", "其他类": "08", "其它": "08", "其它警情": "08",
}

_STRIP_RE = re.compile(r"[\s()（）\[\]【】]")
_SPLIT_RE = re.compile(r"\s*[-/／>|—_·]+\s*")


def _norm(text: str) -> str:
    return _STRIP_RE.sub("", unicodedata.normalize("NFKC", text)).replace("其它", "其他")


def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    subtypes: dict[str, str] = {}
    categories: dict[str, str] = {}
    other_of: dict[str, str] = {}
    for code, name, _criminal, subs in TAXONOMY:
        categories[_norm(name)] = code
        categories[code] = code
        for sub_code, sub_name in subs:
            subtypes[_norm(sub_name)] = sub_code
            subtypes[_norm(re.sub(r"[（(].*?[）)]", "", sub_name))] = sub_code  # 诈骗（含电信网络诈骗）
            for part in sub_name.split("/"):  # 重复报警/无效报警
                subtypes.setdefault(_norm(part), sub_code)
            subtypes[sub_code] = sub_code
            if sub_name.startswith("其他") and code not in other_of:
                other_of[code] = sub_code
    for syn, sub_code in SUBTYPE_SYNONYMS.items():
        subtypes.setdefault(_norm(syn), sub_code)
    for syn, code in CATEGORY_SYNONYMS.items():
        categories.setdefault(_norm(syn), code)
    return subtypes, categories, other_of


_SUBTYPES, _CATEGORIES, _OTHER_OF = _tables()
# For texts such as 打架斗殴致轻微伤 or 交通事故伤人: the longest known name inside the text.
_KEYWORDS = tuple(sorted((k for k in _SUBTYPES if len(k) >= 2 and not k.isdigit()), key=len, reverse=True))


def _subtype_of(text: str) -> str | None:
    code = _SUBTYPES.get(text)
    if code is not None:
        return code
    parts = [p for p in _SPLIT_RE.split(text) if p]
    if len(parts) > 1:  # 治安-殴打他人 / 刑事警情>盗窃: the last part is the most specific
        for part in reversed(parts):
            code = _SUBTYPES.get(part)
            if code is not None:
                return code
    return None


def _category_of(text: str) -> str | None:
    code = _CATEGORIES.get(text)
    if code is not None:
        return code
    if text.endswith("类") or text.endswith("警情"):
        return _CATEGORIES.get(text.removesuffix("类").removesuffix("警情"))
    return None


def _keyword_of(text: str) -> str | None:
    for keyword in _KEYWORDS:
        if keyword in text:
            return _SUBTYPES[keyword]
    return None


@lru_cache(maxsize=4096)
def resolve_category(category: str | None, subtype: str | None) -> str | None:
    """The level-2 taxonomy code the category (警情类别) and subtype (警情类型) texts name, or None."""
    cat = _norm(category) if category else ""
    sub = _norm(subtype) if subtype else ""
    for text in (sub, cat):  # some exports put the subtype in the category column
        if text:
            code = _subtype_of(text)
            if code is not None:
                return code
    if sub:
        code = _keyword_of(sub)
        if code is not None:
            return code
    for text in (cat, sub):
        if text:
            level1 = _category_of(text)
            if level1 is not None:
                return _OTHER_OF.get(level1)  # None for a category without an "其他…" subtype
    return _keyword_of(cat) if cat else None
