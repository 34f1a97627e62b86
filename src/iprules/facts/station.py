"""Facts for 一 (a service station's duties): an inspection of the station, its yearly work,
its dispute-mediation log.

Derivations the engine cannot do: the policy's minimum office area and staff number are joined
in (so messages can quote them); the staff number is counted from the names when the count is
blank; whether the year of a work record is over as of the audit date (a yearly duty is not
judged short before its year ends); how many consultation requests went unanswered and how many
dispute leads were collected but not reported, and by how much a count of what was done exceeds
what was asked (a contradiction the rules report, never read as "all done"); whether the year a
dispute lead was collected is over (the document sets no period for mediation); how many kinds of
special service were recorded.
"""

from __future__ import annotations

from typing import Any

from iprules.facts.base import DAY, CaseFacts, FactType, FieldSpec, Reference
from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.station import (
    StationInspectionRecord,
    StationMediationRecord,
    StationYearRecord,
)


def _yes(zh: str, en: str) -> FieldSpec:
    return FieldSpec("bool", text(zh, en))


def _count(zh: str, en: str) -> FieldSpec:
    return FieldSpec("int", text(zh, en))


FACT_TYPES: dict[str, FactType] = {
    "station_inspection": FactType(
        text("对一个知识产权工作站的现场检查", "an on-site inspection of an IP service station"),
        {
            "park": FieldSpec("text", text("所属园区或机构", "park or institution")),
            "day": FieldSpec(DAY, text("检查日期", "date of the inspection")),
            "fixed_office": _yes("有固定办公场所", "has a fixed office"),
            "office_area": FieldSpec("number", text("办公面积（平方米）", "office area (m²)")),
            "min_office_area": FieldSpec(
                "number",
                text(
                    "规定的最小办公面积（政策参数中的最小办公面积）",
                    "minimum office area (policy station.min_office_area)",
                ),
            ),
            "full_time_staff": _count(
                "专职工作人员人数（未填人数时按所列姓名计数）",
                "number of full-time staff (counted from the names when blank)",
            ),
            "min_full_time_staff": _count(
                "规定的最少专职人员数（政策参数中的最少专职人员数）",
                "minimum full-time staff (policy station.min_full_time_staff)",
            ),
            "computer": _yes("配置上网计算机", "internet-connected computer"),
            "printer": _yes("配置打印机", "printer"),
            "publicity_sign": _yes("安装统一的宣传标识", "unified publicity signage"),
            "image_wall": _yes("安装形象墙", "image wall"),
            "database_board": _yes("安装资源数据库展示牌", "resource-database display board"),
            "guide_board": _yes("安装服务指引牌", "service guide board"),
        },
    ),
    "station_year": FactType(
        text("工作站一个年度的工作记录", "a station's work record for one year"),
        {
            "year": _count("年度", "year"),
            "year_complete": _yes("该年度在审计基准日前已结束", "the year was over by the audit date"),
            "trainings": _count("宣讲培训场次", "presentations and trainings held"),
            "publicity": _count("日常宣传次数", "day-to-day publicity activities"),
            "consultation_requests": _count("收到的咨询请求人次", "consultation requests received"),
            "consultations": _count("咨询服务人次（已解答）", "consultations given (answered)"),
            "consultations_unanswered": _count(
                "未解答的咨询请求人次（请求数减解答数）",
                "consultation requests not answered (requests minus consultations given)",
            ),
            "consultations_excess": _count(
                "解答人次多于咨询请求人次的差数（两项记录相互矛盾）",
                "consultations given beyond the requests received (the two counts contradict each other)",
            ),
            "visits": _count("走访调研次数", "visits and surveys"),
            "archive": _yes("已形成园区工作档案", "a park work archive exists"),
            "rapid_mechanism": _yes(
                "已对接市区两级公共服务资源、形成快速沟通解决机制",
                "connected with city and district public service resources in a rapid-communication mechanism",
            ),
            "coaching": _count("业务辅导次数", "coaching sessions"),
            "dispute_mechanism": _yes("已建立纠纷处理机制", "a dispute-handling mechanism exists"),
            "leads_collected": _count("收集纠纷线索数", "dispute leads collected"),
            "leads_reported": _count("报告纠纷线索数", "dispute leads reported"),
            "leads_unreported": _count(
                "收集而未报告的纠纷线索数（收集数减报告数）",
                "dispute leads collected but not reported (collected minus reported)",
            ),
            "leads_excess": _count(
                "报告纠纷线索数多于收集数的差数（两项记录相互矛盾）",
                "dispute leads reported beyond those collected (the two counts contradict each other)",
            ),
            "protection_resources": _yes(
                "已对接市区两级各类保护资源", "connected with city and district protection resources"
            ),
            "special_services": _count(
                "开展的特色服务种类数（一.6 所列五类）",
                "kinds of special service carried out (the five of 一.6)",
            ),
        },
    ),
    "station_mediation": FactType(
        text("工作站收集的一条纠纷线索及其调解情况", "a dispute lead a station collected and its mediation"),
        {
            "day": FieldSpec(DAY, text("线索收集日期", "date the lead was collected")),
            "year": _count("线索收集年度", "year the lead was collected"),
            "year_complete": _yes(
                "线索收集的年度在审计基准日前已结束（解释 s1.5-mediation-by-year-end）",
                "the year the lead was collected was over by the audit date (interpretation s1.5-mediation-by-year-end)",
            ),
            "dispute": FieldSpec("text", text("纠纷事项", "the dispute")),
            "mediation": FieldSpec(
                "text",
                text("调解情况", "mediation"),
                {
                    "held": text("已开展调解", "mediation held"),
                    "declined": text("当事人不同意调解", "the parties declined mediation"),
                    "other_channel": text(
                        "已通过诉讼等其他途径处理", "handled through litigation or another channel"
                    ),
                    "pending": text("待调解", "mediation not yet begun"),
                    "none": text("未调解", "not mediated"),
                },
            ),
        },
    ),
}


def _number(value: float | None) -> float | int | None:
    """An area as a clerk would write it: 20, not 20.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _station_parameter(reference: Reference, name: str) -> Any:
    station = reference.parameters.get("station", {})
    return station.get(name) if isinstance(station, dict) else None


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    for entry in entries:
        record = entry.record
        if isinstance(record, StationInspectionRecord):
            staff = record.full_time_staff
            if staff is None and record.staff_names is not None:
                staff = len(record.staff_names)
            result.add(
                "station_inspection",
                {
                    "park": record.park,
                    "day": record.date.toordinal(),
                    "fixed_office": record.fixed_office,
                    "office_area": _number(record.office_area),
                    "min_office_area": _station_parameter(reference, "min_office_area"),
                    "full_time_staff": staff,
                    "min_full_time_staff": _station_parameter(reference, "min_full_time_staff"),
                    "computer": record.computer,
                    "printer": record.printer,
                    "publicity_sign": record.publicity_sign,
                    "image_wall": record.image_wall,
                    "database_board": record.database_board,
                    "guide_board": record.guide_board,
                },
                [entry.source],
            )
        elif isinstance(record, StationYearRecord):
            unreported = _shortfall(record.leads_collected, record.leads_reported)
            unanswered = _shortfall(record.consultation_requests, record.consultations)
            services = None if record.special_services is None else len(set(record.special_services))
            result.add(
                "station_year",
                {
                    "year": record.year,
                    "year_complete": reference.year_over(record.year),
                    "trainings": record.trainings,
                    "publicity": record.publicity,
                    "consultation_requests": record.consultation_requests,
                    "consultations": record.consultations,
                    "consultations_unanswered": unanswered,
                    "consultations_excess": _shortfall(record.consultations, record.consultation_requests),
                    "visits": record.visits,
                    "archive": record.archive,
                    "rapid_mechanism": record.rapid_mechanism,
                    "coaching": record.coaching,
                    "dispute_mechanism": record.dispute_mechanism,
                    "leads_collected": record.leads_collected,
                    "leads_reported": record.leads_reported,
                    "leads_unreported": unreported,
                    "leads_excess": _shortfall(record.leads_reported, record.leads_collected),
                    "protection_resources": record.protection_resources,
                    "special_services": services,
                },
                [entry.source],
            )
        elif isinstance(record, StationMediationRecord):
            result.add(
                "station_mediation",
                {
                    "day": record.date.toordinal(),
                    "year": record.date.year,
                    "year_complete": reference.year_over(record.date.year),
                    "dispute": record.dispute,
                    "mediation": record.mediation,
                },
                [entry.source],
            )


def _shortfall(asked: int | None, done: int | None) -> int | None:
    """How many of what was asked for (requests, leads) were not done; unknown if either is blank."""
    if asked is None or done is None:
        return None
    return max(asked - done, 0)
