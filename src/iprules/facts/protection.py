"""Facts for 四.2's protection list, 五 preamble, 五（一）and 五（三）: a year's protection list,
a year's policy outreach, applicant enterprises' risk-prevention training, requests for support
or consulting from key enterprises, e-commerce platforms and the parties to the cases platforms
mediate, and platform-referred cases.

Derivations: an applicant's training period, the policy's number of months either side of the
application date (interpretation s5.0-applicant-training: the document sets no time), whether
that period is over as of the audit date (until it is, a training may still come), and whether
the recorded training fell within it and on or before the audit date (a training dated after
the audit date has not happened yet as far as the audit can tell); whether a yearly record's
year, or a request's, is over (a service asked for and not provided yet is judged once the year
of the request is over); whether a platform-referred case is closed (a closing date after the
audit date is not yet, as for disputes) and whether the request to the higher authority came
before it closed.
"""

from __future__ import annotations

import calendar
import datetime as dt

from iprules.facts.base import DAY, CaseFacts, FactType, FieldSpec, Reference, Scalar
from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.protection import (
    ApplicantTrainingRecord,
    AssistanceRecord,
    OutreachYearRecord,
    PlatformReferralRecord,
    ProtectionListRecord,
)

APPLICATION_KINDS: dict[Scalar, Text] = {
    "trademark": text("商标申报", "trademark application"),
    "patent": text("专利申报", "patent application"),
}
REQUESTERS: dict[Scalar, Text] = {
    "key_enterprise": text("重点企业", "key enterprise"),
    "platform": text("电商平台", "e-commerce platform"),
    "platform_party": text("电商平台调解案件的当事人", "a party to a case an e-commerce platform mediates"),
    "other": text("其他", "other"),
}
MATTERS: dict[Scalar, Text] = {
    "technical_support": text("技术支持", "technical support"),
    "legal_aid": text("法律援助", "legal aid"),
    "fast_grant": text("快速授权指导", "guidance on fast-track granting"),  # interpretation s5.1-fast-grant
    "enforcement_guidance": text("维权指导", "rights-protection guidance"),
    "trade": text("进出口保护", "protection in imports and exports"),
    "exhibition": text("参展保护", "protection at exhibitions"),
    "difficult_patent": text("疑难专利案件咨询", "consulting on a major, difficult patent case"),
    "foreign_dispute": text("涉外争端咨询", "consulting on a foreign-related dispute"),
    "infringement_opinion": text("专利侵权判定咨询", "patent-infringement determination consulting"),
}

FACT_TYPES: dict[str, FactType] = {
    "applicant_training": FactType(
        text(
            "一家商标或专利申报企业及其风险防范培训",
            "an applicant enterprise and its risk-prevention training",
        ),
        {
            "enterprise": FieldSpec("text", text("企业", "enterprise")),
            "kind": FieldSpec("text", text("申报类型", "kind of application"), APPLICATION_KINDS),
            "day": FieldSpec(DAY, text("申报日期", "date of the application")),
            "window_start_day": FieldSpec(
                DAY, text("培训期间起日（申报日期前推政策规定的月数）", "first day of the training period")
            ),
            "window_end_day": FieldSpec(
                DAY, text("培训期间止日（申报日期后推政策规定的月数）", "last day of the training period")
            ),
            "window_complete": FieldSpec(
                "bool",
                text("培训期间在审计基准日前已届满", "the training period was over by the audit date"),
            ),
            "trained": FieldSpec("bool", text("已开展风险防范培训", "risk-prevention training given")),
            "training_day": FieldSpec(DAY, text("培训日期", "date of the training")),
            "training_in_window": FieldSpec(
                "bool",
                text(
                    "培训日期在培训期间内且不晚于审计基准日",
                    "the training date is within the training period and not after the audit date",
                ),
            ),
        },
    ),
    "assistance": FactType(
        text(
            "重点企业、电商平台或平台调解案件当事人的一项服务请求",
            "a request from a key enterprise, an e-commerce platform or a party to a platform-mediated case",
        ),
        {
            "requester": FieldSpec("text", text("请求方", "requester")),
            "requester_type": FieldSpec("text", text("请求方类型", "kind of requester"), REQUESTERS),
            "matter": FieldSpec("text", text("请求事项", "what was requested"), MATTERS),
            "day": FieldSpec(DAY, text("请求日期", "date of the request")),
            "year": FieldSpec("int", text("请求年度", "year of the request")),
            "year_complete": FieldSpec(
                "bool",
                text(
                    "请求的年度在审计基准日前已结束（解释 s5-requests-by-year-end）",
                    "the year of the request was over by the audit date (interpretation s5-requests-by-year-end)",
                ),
            ),
            "provided": FieldSpec("bool", text("已提供", "provided")),
            "provided_day": FieldSpec(DAY, text("提供日期", "date provided")),
            "provided_by": FieldSpec("text", text("提供单位", "unit that provided it")),
        },
    ),
    "protection_list": FactType(
        text("一个年度的知名企业知名品牌保护名单", "a year's famous-enterprise/famous-brand protection list"),
        {
            "year": FieldSpec("int", text("年度", "year")),
            "year_complete": FieldSpec(
                "bool", text("该年度在审计基准日前已结束", "the year was over by the audit date")
            ),
            "determined": FieldSpec("bool", text("已确定保护名单", "the list was determined")),
            "day": FieldSpec(DAY, text("确定日期", "date determined")),
            "document": FieldSpec("text", text("名单文件或文号", "document or its number")),
        },
    ),
    "outreach_year": FactType(
        text("一个年度的送政策进企业活动", "a year's policy-outreach activities"),
        {
            "year": FieldSpec("int", text("年度", "year")),
            "year_complete": FieldSpec(
                "bool", text("该年度在审计基准日前已结束", "the year was over by the audit date")
            ),
            "activities": FieldSpec("int", text("送政策进企业活动次数", "number of outreach activities")),
            "campaigns": FieldSpec("text", text("活动名称", "campaigns")),
        },
    ),
    "platform_referral": FactType(
        text(
            "电商平台告知专利权人向专利行政部门投诉的一件案件",
            "a case an e-commerce platform told the patentee to bring to the patent administration",
        ),
        {
            "platform": FieldSpec("text", text("电商平台", "e-commerce platform")),
            "patentee": FieldSpec("text", text("专利权人", "patentee")),
            "day": FieldSpec(DAY, text("告知投诉日期", "date referred")),
            "requested": FieldSpec(
                "bool",
                text("已向上级争取压缩办案时限", "a shorter time limit was sought from the higher authority"),
            ),
            "request_day": FieldSpec(DAY, text("争取日期", "date of the request")),
            "requested_of": FieldSpec("text", text("争取对象", "authority asked")),
            "closed": FieldSpec(
                "bool", text("已办结（办结日期不晚于审计基准日）", "closed (on or before the audit date)")
            ),
            "closed_day": FieldSpec(DAY, text("办结日期", "date closed")),
            "request_before_closing": FieldSpec(
                "bool",
                text("争取日期不晚于办结日期", "the request was made on or before the day the case closed"),
            ),
        },
    ),
}


def _months_from(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (earlier if negative), or the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _training_period(record: ApplicantTrainingRecord, reference: Reference) -> dict[str, Scalar | None]:
    months = reference.parameters.get("applicant_training", {}).get("window_months")
    if not isinstance(months, int):
        return {}
    start, end = _months_from(record.date, -months), _months_from(record.date, months)
    in_window = None
    if record.trained and record.training_date is not None:
        in_window = start <= record.training_date <= end and record.training_date <= reference.as_of
    return {
        "window_start_day": start.toordinal(),
        "window_end_day": end.toordinal(),
        "window_complete": reference.as_of > end,
        "training_in_window": in_window,
    }


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    for entry in entries:
        record = entry.record
        if isinstance(record, ApplicantTrainingRecord):
            result.add(
                "applicant_training",
                {
                    "enterprise": record.enterprise,
                    "kind": record.kind,
                    "day": record.date.toordinal(),
                    "trained": record.trained,
                    "training_day": record.training_date.toordinal() if record.training_date else None,
                    **_training_period(record, reference),
                },
                [entry.source],
            )
        elif isinstance(record, AssistanceRecord):
            result.add(
                "assistance",
                {
                    "requester": record.requester,
                    "requester_type": record.requester_type,
                    "matter": record.matter,
                    "day": record.date.toordinal(),
                    "year": record.date.year,
                    "year_complete": reference.year_over(record.date.year),
                    "provided": record.provided,
                    "provided_day": record.provided_date.toordinal() if record.provided_date else None,
                    "provided_by": record.provided_by,
                },
                [entry.source],
            )
        elif isinstance(record, ProtectionListRecord):
            result.add(
                "protection_list",
                {
                    "year": record.year,
                    "year_complete": reference.year_over(record.year),
                    "determined": record.determined,
                    "day": record.date.toordinal() if record.date else None,
                    "document": record.document,
                },
                [entry.source],
            )
        elif isinstance(record, OutreachYearRecord):
            result.add(
                "outreach_year",
                {
                    "year": record.year,
                    "year_complete": reference.year_over(record.year),
                    "activities": record.activities,
                    "campaigns": record.campaigns,
                },
                [entry.source],
            )
        elif isinstance(record, PlatformReferralRecord):
            closed = record.closed_date is not None and record.closed_date <= reference.as_of
            before = None
            if closed and record.requested and record.request_date is not None and record.closed_date:
                before = record.request_date <= record.closed_date
            result.add(
                "platform_referral",
                {
                    "platform": record.platform,
                    "patentee": record.patentee,
                    "day": record.date.toordinal(),
                    "requested": record.requested,
                    "request_day": record.request_date.toordinal() if record.request_date else None,
                    "requested_of": record.requested_of,
                    "closed": closed,
                    "closed_day": record.closed_date.toordinal() if record.closed_date else None,
                    "request_before_closing": before,
                },
                [entry.source],
            )
