"""Record kinds for 五 (protection work with key enterprises, associations, e-commerce platforms),
beside the dispute record of 五（四） in `model.py`.

- 申报企业培训 (applicant_training): an enterprise applying for a trademark or patent, and
  whether it received IP risk-prevention training (五 preamble).
- 服务请求 (assistance): a request from a key enterprise, an e-commerce platform or a party to a
  case a platform mediates, for one of the services 五（一）and 五（三）promise, and whether it was
  provided.
- 保护名单 (protection_list): a year's check of the famous-enterprise/famous-brand protection
  list (四.2): whether it was determined, when, by which document. Its case is the list's, the
  one its 挂联帮扶 records carry (e.g. "保护名单-2026").
- 送政策进企业年度记录 (outreach_year): how many "双首席"/"双千" policy-outreach activities
  the bureau held in a year (五 preamble).
- 假冒举报投诉 (counterfeit_report): a counterfeit-trademark or counterfeit-patent case an
  enterprise reported or complained of, filed and closed when (五（四） "快速查处").
- 电商平台告知投诉 (platform_referral): a case in which an e-commerce platform told the
  patentee to complain to the patent administration, and whether the bureau asked its
  higher authority to shorten the handling time (五（三）).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from iprules.ledger.record import CaseRecord, MaybeYesNo, Text, blank, code_of

# s5.4-speed: when a case was closed, decided, and the days the law does not count — the same
# columns on a dispute and on a counterfeit report, declared once
ClosedDate = Annotated[
    dt.date | None,
    Field(
        title="办结日期",
        json_schema_extra=blank(
            "尚未办结（晚于审计基准日的也视为尚未办结）：用时计至审计基准日",
            "not closed yet (a date after the audit date is not closed yet either): the days are counted to the audit date",
        ),
    ),
]
DecisionDate = Annotated[
    dt.date | None,
    Field(
        title="处理决定日期",
        json_schema_extra=blank(
            "未记录：快速查处的用时计至办结日期（解释 s5.4-speed-days）",
            "not recorded: prompt handling is counted to the closing date (interpretation s5.4-speed-days)",
        ),
    ),
]
ExcludedDays = Annotated[
    int | None,
    Field(
        ge=0,
        title="不计入办案期限的日数",
        json_schema_extra=blank(
            "未记录：按0日计，中止、听证、公告、检测检验鉴定等期间不扣除（解释 s5.4-speed-days）",
            "not recorded: counted as 0, no suspension, hearing, notice or testing period deducted (interpretation s5.4-speed-days)",
        ),
    ),
]

APPLICATION_KINDS: dict[str, str] = {
    "商标": "trademark",
    "商标申报": "trademark",
    "专利": "patent",
    "专利申报": "patent",
}
ApplicationKind = Annotated[Literal["trademark", "patent"], BeforeValidator(code_of(APPLICATION_KINDS))]

REQUESTERS: dict[str, str] = {
    "重点企业": "key_enterprise",
    "电商平台": "platform",
    "电子商务平台": "platform",
    "电商平台调解案件当事人": "platform_party",
    "平台调解案件当事人": "platform_party",
    "其他企业": "other",
    "其他": "other",
}
Requester = Annotated[
    Literal["key_enterprise", "platform", "platform_party", "other"], BeforeValidator(code_of(REQUESTERS))
]

MATTERS: dict[str, str] = {
    "技术支持": "technical_support",
    "法律援助": "legal_aid",
    "快速授权": "fast_grant",
    "快速授权指导": "fast_grant",
    "维权指导": "enforcement_guidance",
    "进出口保护": "trade",
    "参展保护": "exhibition",
    "疑难专利案件咨询": "difficult_patent",
    "涉外争端咨询": "foreign_dispute",
    "专利侵权判定咨询": "infringement_opinion",
}
Matter = Annotated[
    Literal[
        "technical_support",
        "legal_aid",
        "fast_grant",
        "enforcement_guidance",
        "trade",
        "exhibition",
        "difficult_patent",
        "foreign_dispute",
        "infringement_opinion",
    ],
    BeforeValidator(code_of(MATTERS)),
]


class ApplicantTrainingRecord(CaseRecord):
    """An enterprise that applied for a trademark or patent, and its risk-prevention training."""

    kind_zh: ClassVar[str] = "申报企业培训"
    kind_en: ClassVar[str] = "applicant_training"
    type: Literal["applicant_training"]
    happened_with: ClassVar[dict[str, tuple[str, ...]]] = {"training_date": ("trained",)}
    enterprise: Text = Field(title="企业")
    kind: ApplicationKind = Field(title="申报类型")
    date: dt.date = Field(title="申报日期")
    trained: MaybeYesNo = Field(
        default=None,
        title="已开展风险防范培训",
        json_schema_extra=blank("未记录：无法判定", "not recorded: undetermined"),
    )
    training_date: dt.date | None = Field(
        default=None,
        title="培训日期",
        json_schema_extra=blank(
            "已培训而未写日期的，无法判断是否在申报日期前后12个月内（无法判定）",
            "trained but undated: whether it was within 12 months of the application is undetermined",
        ),
    )


class AssistanceRecord(CaseRecord):
    """A request for support, aid, guidance or consulting, and whether the bureau provided it."""

    kind_zh: ClassVar[str] = "服务请求"
    kind_en: ClassVar[str] = "assistance"
    type: Literal["assistance"]
    happened_with: ClassVar[dict[str, tuple[str, ...]]] = {"provided_date": ("provided", "provided_by")}
    requester: Text = Field(title="请求方")
    requester_type: Requester = Field(title="请求方类型")
    matter: Matter = Field(title="请求事项")
    date: dt.date = Field(title="请求日期")
    provided: MaybeYesNo = Field(
        default=None,
        title="已提供",
        json_schema_extra=blank(
            "未记录：无法判定（“否”只说明尚未提供：请求当年结束时仍为“否”的才是违规，解释 s5-requests-by-year-end）",
            "not recorded: undetermined (否 says only 'not yet': a breach once the year of the request is over; interpretation s5-requests-by-year-end)",
        ),
    )
    provided_date: dt.date | None = Field(
        default=None,
        title="提供日期",
        json_schema_extra=blank(
            "未记录：不影响结论（本文件未设提供期限）", "not recorded: no effect (no period is set)"
        ),
    )
    provided_by: str | None = Field(
        default=None,
        title="提供单位",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )


class ProtectionListRecord(CaseRecord):
    """A year's famous-enterprise/famous-brand protection list: whether it was determined."""

    kind_zh: ClassVar[str] = "保护名单"
    kind_en: ClassVar[str] = "protection_list"
    type: Literal["protection_list"]
    year: int = Field(ge=1900, le=2999, title="年度")
    determined: MaybeYesNo = Field(
        default=None,
        title="已确定保护名单",
        json_schema_extra=blank("未记录：无法判定", "not recorded: undetermined"),
    )
    date: dt.date | None = Field(
        default=None,
        title="确定日期",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )
    document: str | None = Field(
        default=None,
        title="名单文件或文号",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )


class OutreachYearRecord(CaseRecord):
    """A year's policy-outreach activities ("双首席", "双千" and the like) into enterprises."""

    kind_zh: ClassVar[str] = "送政策进企业年度记录"
    kind_en: ClassVar[str] = "outreach_year"
    type: Literal["outreach_year"]
    year: int = Field(ge=1900, le=2999, title="年度")
    activities: int | None = Field(
        default=None,
        ge=0,
        title="送政策进企业活动次数",
        json_schema_extra=blank("未记录：无法判定", "not recorded: undetermined"),
    )
    campaigns: str | None = Field(
        default=None,
        title="活动名称",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )


REPORT_KINDS: dict[str, str] = {
    "商标": "trademark",
    "假冒商标": "trademark",
    "专利": "patent",
    "假冒专利": "patent",
}
ReportKind = Annotated[Literal["trademark", "patent"] | None, BeforeValidator(code_of(REPORT_KINDS))]


class CounterfeitReportRecord(CaseRecord):
    """A counterfeit trademark or patent case an enterprise reported or complained of."""

    kind_zh: ClassVar[str] = "假冒举报投诉"
    kind_en: ClassVar[str] = "counterfeit_report"
    type: Literal["counterfeit_report"]
    enterprise: Text = Field(title="举报投诉企业")
    key_enterprise: MaybeYesNo = Field(
        default=None,
        title="重点企业",
        json_schema_extra=blank(
            "未记录：无法判断是否适用快速查处（无法判定）",
            "not recorded: whether prompt handling is owed cannot be told (undetermined)",
        ),
    )
    kind: ReportKind = Field(
        default=None,
        title="假冒类型",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )
    handled_by: str | None = Field(
        default=None,
        title="查处单位",
        json_schema_extra=blank(
            "未记录：无法判断是否由本区局查处，快速查处为无法判定",
            "not recorded: whether this district bureau handled it cannot be told, so prompt handling is undetermined",
        ),
    )
    date: dt.date | None = Field(
        default=None,
        title="受理日期",
        json_schema_extra=blank("未记录：办理用时为无法判定", "not recorded: the time taken is undetermined"),
    )
    closed_date: ClosedDate = None
    decision_date: DecisionDate = None
    excluded_days: ExcludedDays = None


class PlatformReferralRecord(CaseRecord):
    """A case an e-commerce platform referred to the patent administration (the platform told
    the patentee to complain there), and the bureau's request to shorten its handling time."""

    kind_zh: ClassVar[str] = "电商平台告知投诉"
    kind_en: ClassVar[str] = "platform_referral"
    type: Literal["platform_referral"]
    happened_with: ClassVar[dict[str, tuple[str, ...]]] = {"request_date": ("requested", "requested_of")}
    platform: Text = Field(title="电商平台")
    patentee: str | None = Field(
        default=None,
        title="专利权人",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )
    date: dt.date = Field(title="告知投诉日期")
    requested: MaybeYesNo = Field(
        default=None,
        title="已向上级争取压缩办案时限",
        json_schema_extra=blank("未记录：无法判定", "not recorded: undetermined"),
    )
    request_date: dt.date | None = Field(
        default=None,
        title="争取日期",
        json_schema_extra=blank(
            "未记录：案件已办结的，无法判断是否在办结前争取（无法判定）",
            "not recorded: for a closed case, whether the request came before closing cannot be told (undetermined)",
        ),
    )
    requested_of: str | None = Field(
        default=None,
        title="争取对象",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )
    closed_date: dt.date | None = Field(
        default=None,
        title="办结日期",
        json_schema_extra=blank(
            "尚未办结（晚于审计基准日的也视为尚未办结）：未争取的暂不判定（仍可争取）",
            "not closed yet (a date after the audit date is not closed yet either): no request so far is not judged yet",
        ),
    )


MODELS: tuple[type[CaseRecord], ...] = (
    ApplicantTrainingRecord,
    AssistanceRecord,
    ProtectionListRecord,
    OutreachYearRecord,
    CounterfeitReportRecord,
    PlatformReferralRecord,
)
