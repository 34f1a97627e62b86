"""Facts for 五 preamble, 五（一）and 五（三）: applicant enterprises' risk-prevention training, and
requests for support or consulting from key enterprises and e-commerce platforms.

Derivation: whether the year of an application is over as of the audit date (until it is, a
training may still come).
"""

from __future__ import annotations

import datetime as dt

from iprules.facts.base import DAY, CaseFacts, FactType, FieldSpec, Reference, Scalar
from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.protection import ApplicantTrainingRecord, AssistanceRecord

APPLICATION_KINDS: dict[Scalar, Text] = {
    "trademark": text("商标申报", "trademark application"),
    "patent": text("专利申报", "patent application"),
}
REQUESTERS: dict[Scalar, Text] = {
    "key_enterprise": text("重点企业", "key enterprise"),
    "platform": text("电商平台", "e-commerce platform"),
    "other": text("其他", "other"),
}
MATTERS: dict[Scalar, Text] = {
    "technical_support": text("技术支持", "technical support"),
    "legal_aid": text("法律援助", "legal aid"),
    "fast_grant": text("快速授权", "fast-track granting"),
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
            "year_complete": FieldSpec(
                "bool",
                text("申报年度在审计基准日前已结束", "the application's year was over by the audit date"),
            ),
            "trained": FieldSpec("bool", text("已开展风险防范培训", "risk-prevention training given")),
            "training_day": FieldSpec(DAY, text("培训日期", "date of the training")),
        },
    ),
    "assistance": FactType(
        text("重点企业或电商平台的一项服务请求", "a request from a key enterprise or an e-commerce platform"),
        {
            "requester": FieldSpec("text", text("请求方", "requester")),
            "requester_type": FieldSpec("text", text("请求方类型", "kind of requester"), REQUESTERS),
            "matter": FieldSpec("text", text("请求事项", "what was requested"), MATTERS),
            "day": FieldSpec(DAY, text("请求日期", "date of the request")),
            "provided": FieldSpec("bool", text("已提供", "provided")),
            "provided_day": FieldSpec(DAY, text("提供日期", "date provided")),
            "provided_by": FieldSpec("text", text("提供单位", "unit that provided it")),
        },
    ),
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
                    "year_complete": reference.as_of > dt.date(record.date.year, 12, 31),
                    "trained": record.trained,
                    "training_day": record.training_date.toordinal() if record.training_date else None,
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
                    "provided": record.provided,
                    "provided_day": record.provided_date.toordinal() if record.provided_date else None,
                    "provided_by": record.provided_by,
                },
                [entry.source],
            )
