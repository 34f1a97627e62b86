"""Record kinds for 二（一）–（五） and 三 (first responder's duties, one-time notification).

What the bureau's staff log as they serve people:
- 服务登记 (`service`): the register of business and consultations — what was asked for, whether
  it is within the receiving unit's remit, the committed time limit, what was missing at
  acceptance, how it ended;
- 告知 (`notice`): the notice log — each time someone is told something (orally or in writing),
  what they were told, the items they were asked to supplement, where they were referred, the
  words of the answer, and for an oral notice the number of its written record;
- 投诉举报 (`complaint`): the register of complaints, reports, opinions and suggestions;
- 请示报告 (`leader_report`): reports of a matter to the section or bureau leadership.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from iprules.ledger.record import CaseRecord, Names, Text, YesNo, _yes_no, code_of, split_list

SERVICE_KINDS: dict[str, str] = {"办事": "business", "咨询": "consultation"}
CHANNELS: dict[str, str] = {"来访": "visit", "电话": "phone"}
OUTCOMES: dict[str, str] = {"办结": "done", "不予办理": "refused", "撤回": "withdrawn"}
SITUATIONS: dict[str, str] = {
    "涉及多个部门": "multi_department",
    "文件规定不清": "unclear_rules",
    "重大情况": "major",
}
NOTICE_FORMS: dict[str, str] = {"口头": "oral", "书面": "written"}
NOTICE_CONTENTS: dict[str, str] = {
    "办理程序": "procedure",
    "办理方法": "method",
    "相关手续": "formalities",
    "需补办的手续材料": "supplement",
    "受理时限": "time_limit",
    "不予办理理由": "reason",
    "不予办理依据": "basis",
    "不属本单位范围的说明": "scope",
    "业务讲解": "explanation",
}
COMPLAINT_KINDS: dict[str, str] = {"投诉": "complaint", "举报": "report", "意见建议": "suggestion"}

ServiceKind = Annotated[Literal["business", "consultation"], BeforeValidator(code_of(SERVICE_KINDS))]
Channel = Annotated[Literal["visit", "phone"], BeforeValidator(code_of(CHANNELS))]
# optional closed vocabularies keep the validator outside the `| None`, so the template sees the words
Outcome = Annotated[Literal["done", "refused", "withdrawn"] | None, BeforeValidator(code_of(OUTCOMES))]
MaybeYesNo = Annotated[bool | None, BeforeValidator(_yes_no)]
Situation = Annotated[
    Literal["multi_department", "unclear_rules", "major"], BeforeValidator(code_of(SITUATIONS))
]
NoticeForm = Annotated[Literal["oral", "written"], BeforeValidator(code_of(NOTICE_FORMS))]
NoticeContent = Annotated[
    Literal[  # the codes of NOTICE_CONTENTS; tests/test_vocabulary.py checks they agree
        "procedure",
        "method",
        "formalities",
        "supplement",
        "time_limit",
        "reason",
        "basis",
        "scope",
        "explanation",
    ],
    BeforeValidator(code_of(NOTICE_CONTENTS)),
]
ComplaintKind = Annotated[
    Literal["complaint", "report", "suggestion"], BeforeValidator(code_of(COMPLAINT_KINDS))
]


class ServiceRecord(CaseRecord):
    """One matter in the service register: a piece of business or a consultation."""

    kind_zh: ClassVar[str] = "服务登记"
    kind_en: ClassVar[str] = "service"
    type: Literal["service"]
    date: dt.date = Field(title="受理日期")
    kind: ServiceKind = Field(title="类别")
    matter: Text = Field(title="事项")
    channel: Channel = Field(default="visit", title="方式")
    unit: str | None = Field(default=None, title="受理单位")
    handler: str | None = Field(default=None, title="首办责任人")
    in_scope: YesNo = Field(default=True, title="属于本单位业务范围")
    time_limit: int | None = Field(default=None, ge=0, le=365, title="承诺时限（工作日）")
    complete: YesNo = Field(default=True, title="手续齐全且符合规定")
    missing: Names = Field(default_factory=list, title="受理时缺少的手续材料")
    supplemented: dt.date | None = Field(default=None, title="补齐日期")
    unlawful: YesNo = Field(default=False, title="诉求违反法律法规")
    situations: Annotated[list[Situation], BeforeValidator(split_list)] = Field(
        default_factory=list, title="需报告的情形"
    )
    situation_date: dt.date | None = Field(default=None, title="情形发现日期")
    outcome: Outcome = Field(default=None, title="办理结果")
    closed: dt.date | None = Field(default=None, title="办结日期")


class NoticeRecord(CaseRecord):
    """One telling: what the person was told, in which form, and what they were asked for."""

    kind_zh: ClassVar[str] = "告知"
    kind_en: ClassVar[str] = "notice"
    type: Literal["notice"]
    date: dt.date = Field(title="告知日期")
    staff: str | None = Field(default=None, title="告知人")
    form: NoticeForm = Field(title="告知形式")
    contents: Annotated[list[NoticeContent], BeforeValidator(split_list)] = Field(
        default_factory=list, title="告知内容"
    )
    items: Names = Field(default_factory=list, title="要求补办的手续材料")
    referred_to: str | None = Field(default=None, title="指明的办理窗口或单位")
    wording: str | None = Field(default=None, title="答复用语")
    understood: MaybeYesNo = Field(default=None, title="询问人表示已听明白")
    record_no: str | None = Field(default=None, title="书面记录编号")


class ComplaintRecord(CaseRecord):
    """One complaint, report, opinion or suggestion, as received."""

    kind_zh: ClassVar[str] = "投诉举报"
    kind_en: ClassVar[str] = "complaint"
    type: Literal["complaint"]
    date: dt.date = Field(title="接待日期")
    kind: ComplaintKind = Field(title="类别")
    unit: str | None = Field(default=None, title="接待单位")
    staff: str | None = Field(default=None, title="接待人")
    problem: str | None = Field(default=None, title="反映的问题")
    person: str | None = Field(default=None, title="反映人")
    contact: str | None = Field(default=None, title="联系方式")
    about_first_responder: YesNo = Field(default=False, title="反映首问责任人不履行责任")
    accepted_by: str | None = Field(default=None, title="受理单位")
    reported: dt.date | None = Field(default=None, title="上报日期")
    reported_to: str | None = Field(default=None, title="上报至")


class LeaderReportRecord(CaseRecord):
    """A report of a matter to the section or bureau leadership (请示报告)."""

    kind_zh: ClassVar[str] = "请示报告"
    kind_en: ClassVar[str] = "leader_report"
    type: Literal["leader_report"]
    date: dt.date = Field(title="报告日期")
    staff: str | None = Field(default=None, title="报告人")
    to: Text = Field(title="报告对象")
    summary: str | None = Field(default=None, title="报告事项")


MODELS = (ServiceRecord, NoticeRecord, ComplaintRecord, LeaderReportRecord)
