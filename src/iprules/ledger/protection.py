"""Record kinds for 五 (protection work with key enterprises, associations, e-commerce platforms),
beside the dispute record of 五（四） in `model.py`.

- 申报企业培训 (applicant_training): an enterprise applying for a trademark or patent, and
  whether it received IP risk-prevention training (五 preamble).
- 服务请求 (assistance): a request from a key enterprise or an e-commerce platform for one of
  the services 五（一）and 五（三）promise, and whether it was provided.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from iprules.ledger.record import CaseRecord, Text, YesNo, code_of

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
    "其他企业": "other",
    "其他": "other",
}
Requester = Annotated[Literal["key_enterprise", "platform", "other"], BeforeValidator(code_of(REQUESTERS))]

MATTERS: dict[str, str] = {
    "技术支持": "technical_support",
    "法律援助": "legal_aid",
    "快速授权": "fast_grant",
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
    enterprise: Text = Field(title="企业")
    kind: ApplicationKind = Field(title="申报类型")
    date: dt.date = Field(title="申报日期")
    trained: YesNo | None = Field(default=None, title="已开展风险防范培训")
    training_date: dt.date | None = Field(default=None, title="培训日期")


class AssistanceRecord(CaseRecord):
    """A request for support, aid, guidance or consulting, and whether the bureau provided it."""

    kind_zh: ClassVar[str] = "服务请求"
    kind_en: ClassVar[str] = "assistance"
    type: Literal["assistance"]
    requester: Text = Field(title="请求方")
    requester_type: Requester = Field(title="请求方类型")
    matter: Matter = Field(title="请求事项")
    date: dt.date = Field(title="请求日期")
    provided: YesNo | None = Field(default=None, title="已提供")
    provided_date: dt.date | None = Field(default=None, title="提供日期")
    provided_by: str | None = Field(default=None, title="提供单位")


MODELS: tuple[type[CaseRecord], ...] = (ApplicantTrainingRecord, AssistanceRecord)
