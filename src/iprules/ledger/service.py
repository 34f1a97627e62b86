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

from iprules.ledger.record import CaseRecord, MaybeYesNo, Names, Text, blank, code_of, split_list

SERVICE_KINDS: dict[str, str] = {"办事": "business", "咨询": "consultation"}
CHANNELS: dict[str, str] = {"来访": "visit", "电话": "phone"}
# 三.1 "咨询有关办理事宜": a consultation asks how to handle a matter, or about a policy's content
TOPICS: dict[str, str] = {"办理事宜": "procedure", "政策业务内容": "content"}
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
    # recorded so that "told nothing" is a record, not a blank (二（三）: a blank is unknown)
    "未作说明": "nothing",
}
COMPLAINT_KINDS: dict[str, str] = {"投诉": "complaint", "举报": "report", "意见建议": "suggestion"}

ServiceKind = Annotated[Literal["business", "consultation"], BeforeValidator(code_of(SERVICE_KINDS))]
Channel = Annotated[Literal["visit", "phone"] | None, BeforeValidator(code_of(CHANNELS))]
Topic = Annotated[Literal["procedure", "content"] | None, BeforeValidator(code_of(TOPICS))]
# optional closed vocabularies keep the validator outside the `| None`, so the template sees the words
Outcome = Annotated[Literal["done", "refused", "withdrawn"] | None, BeforeValidator(code_of(OUTCOMES))]


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
        "nothing",
    ],
    BeforeValidator(code_of(NOTICE_CONTENTS)),
]
ComplaintKind = Annotated[
    Literal["complaint", "report", "suggestion"], BeforeValidator(code_of(COMPLAINT_KINDS))
]


class ServiceRecord(CaseRecord):
    """One matter in the service register: a piece of business or a consultation.

    Every field after `matter` is optional, and each says what an empty cell means: a blank
    never silently stands for 是 or 否 (a rule that needs it says 无法判定, or a named
    interpretation of policy.yaml decides, and the finding cites it).

    One matter per case: notices (告知) and reports (请示报告) name a case, not a matter, so
    with two or more service entries in one case nobody can tell which notice was about which
    matter. The rules that judge notices (二（一）讲清, 二（二）, 二（三）说明指明, 三.1, 三.2)
    then say 无法判定 and ask for a case per matter; a violation that holds whichever matter a
    notice concerns (no notice of the kind at all) stands.
    """

    kind_zh: ClassVar[str] = "服务登记"
    kind_en: ClassVar[str] = "service"
    type: Literal["service"]
    happened_with: ClassVar[dict[str, tuple[str, ...]]] = {
        "closed": ("outcome",),
        "situation_date": ("situations",),
    }
    date: dt.date = Field(title="受理日期")
    kind: ServiceKind = Field(title="类别")
    matter: Text = Field(title="事项")
    channel: Channel = Field(
        default=None,
        title="方式",
        json_schema_extra=blank(
            "未记录来访还是电话：不影响任何判定（二（二）、三.1 对来访和电话一体适用）",
            "visit or phone not recorded: decides nothing (二（二） and 三.1 apply to both alike)",
        ),
    )
    topic: Topic = Field(
        default=None,
        title="咨询内容",
        json_schema_extra=blank(
            "咨询未记录问的是办理事宜还是政策业务内容：三.1 是否适用不明，"
            "未有一次告知讲全程序、方法、手续的，三.1 判为无法判定；办事事项不填",
            "a consultation that does not say whether it asked how to handle a matter or about "
            "a policy's content: whether 三.1 applies is unknown, so where no one notice told "
            "procedure, method and formalities, 三.1 is undetermined; not used for business",
        ),
    )
    unit: str | None = Field(
        default=None,
        title="受理单位",
        json_schema_extra=blank("未记录：不影响判定", "not recorded: decides nothing"),
    )
    handler: str | None = Field(
        default=None,
        title="首办责任人",
        json_schema_extra=blank("未记录：不影响判定", "not recorded: decides nothing"),
    )
    in_scope: MaybeYesNo = Field(
        default=None,
        title="属于本单位业务范围",
        json_schema_extra=blank(
            "未记录：以业务范围为前提的条款（二（一）（二）（三）、三.1、三.2）"
            "在义务看来未履行时判为无法判定，不推定属于或不属于",
            "not recorded: the clauses that depend on the remit (二（一）（二）（三）, 三.1, 三.2) "
            "are undetermined where their duty looks unmet; neither in nor out is presumed",
        ),
    )
    time_limit: int | None = Field(
        default=None,
        ge=0,
        le=365,
        title="承诺时限（工作日）",
        json_schema_extra=blank(
            "未登记承诺时限：二（一）是否按时办理判为无法判定",
            "no committed time limit: whether 二（一） was met in time is undetermined",
        ),
    )
    complete: MaybeYesNo = Field(
        default=None,
        title="手续齐全且符合规定",
        json_schema_extra=blank(
            "未记录（也未列缺少的材料、未填补齐日期）：手续是否齐全不明，二（一）讲清需补充的"
            "手续、三.2 判为无法判定；二（一）时限自受理日起算仍已超期的判为无法判定",
            "not recorded (and nothing listed as missing, no completion date): whether the "
            "formalities were complete is unknown, so 二（一） explain and 三.2 are undetermined, "
            "and 二（一） timeliness is undetermined where it is late even counted from acceptance",
        ),
    )
    missing: Names = Field(
        default_factory=list,
        title="受理时缺少的手续材料",
        json_schema_extra=blank(
            "未列明：手续不齐全时，三.2 是否一次告知了全部判为无法判定",
            "nothing listed: where formalities were incomplete, whether 三.2 told everything at once is undetermined",
        ),
    )
    supplemented: dt.date | None = Field(
        default=None,
        title="补齐日期",
        json_schema_extra=blank(
            "手续不齐全而未填：尚未补齐，承诺时限尚未起算（解释 s2.1-clock）",
            "incomplete and blank: not yet completed, the time limit has not started (interpretation s2.1-clock)",
        ),
    )
    unlawful: MaybeYesNo = Field(
        default=None,
        title="诉求违反法律法规",
        json_schema_extra=blank(
            "未认定诉求违法：按合法诉求检查，三.3 不适用（解释 s3-handler-findings）",
            "not found unlawful: checked as a lawful request, 三.3 does not apply (interpretation s3-handler-findings)",
        ),
    )
    situations: Annotated[list[Situation], BeforeValidator(split_list)] = Field(
        default_factory=list,
        title="需报告的情形",
        json_schema_extra=blank(
            "未登记须报告的情形：三.5 不适用（解释 s3-handler-findings）",
            "no situation to report recorded: 三.5 does not apply (interpretation s3-handler-findings)",
        ),
    )
    situation_date: dt.date | None = Field(
        default=None,
        title="情形发现日期",
        json_schema_extra=blank(
            "以受理日期为情形发现日期，三.5 的及时期限自受理日起算（解释 s3-promptly）",
            "the date of acceptance is taken as the day the situation arose (interpretation s3-promptly)",
        ),
    )
    outcome: Outcome = Field(
        default=None,
        title="办理结果",
        json_schema_extra=blank(
            "未填办理结果也未填办结日期：审计基准日仍在办理中；只填了办结日期的，视为当日结束办理"
            "（二（一）按该日判断是否按时），但不知是办结还是不予办理：违法诉求的三.3 判为无法判定",
            "no outcome and no closing date: still open on the audit date; a closing date alone: the "
            "matter ended that day (二（一） timeliness is judged by it), but whether it was completed "
            "or refused is unknown, so 三.3 on an unlawful request is undetermined",
        ),
    )
    closed: dt.date | None = Field(
        default=None,
        title="办结日期",
        json_schema_extra=blank(
            "已有办理结果而未填日期：审计基准日仍在期限内的视为按时，已过期限的判为无法判定",
            "an outcome without its date: on time if the audit date is still within the deadline, "
            "otherwise undetermined",
        ),
    )


class NoticeRecord(CaseRecord):
    """One telling: what the person was told, in which form, and what they were asked for."""

    kind_zh: ClassVar[str] = "告知"
    kind_en: ClassVar[str] = "notice"
    type: Literal["notice"]
    date: dt.date = Field(title="告知日期")
    staff: str | None = Field(
        default=None,
        title="告知人",
        json_schema_extra=blank(
            "未记录：不影响判定（只在说明中显示）", "not recorded: decides nothing (shown in messages only)"
        ),
    )
    form: NoticeForm = Field(title="告知形式")
    contents: Annotated[list[NoticeContent], BeforeValidator(split_list)] = Field(
        default_factory=list,
        title="告知内容",
        json_schema_extra=blank(
            "未记录告知了什么：该次告知不算作任何内容的告知（一次性告知、讲解等条款看其他告知）；"
            "二（三）是否以推诿语言回绝判为无法判定（未作任何说明的，请填“未作说明”）",
            "nothing recorded as told: the notice counts as telling none of the contents (the "
            "one-time and explanation duties look at the other notices); whether it turned the "
            "person away (二（三）) is undetermined (write 未作说明 for an answer that told nothing)",
        ),
    )
    items: Names = Field(
        default_factory=list,
        title="要求补办的手续材料",
        json_schema_extra=blank("该次告知未要求补办任何手续材料", "the notice asked for no item"),
    )
    referred_to: str | None = Field(
        default=None,
        title="指明的办理窗口或单位",
        json_schema_extra=blank("该次告知未指明办理的窗口或单位", "the notice pointed to no window or unit"),
    )
    wording: str | None = Field(
        default=None,
        title="答复用语",
        json_schema_extra=blank(
            "未记录答复用语：二（三）不得以推诿语言回绝，对该次告知不作判定",
            "the words were not recorded: 二（三） refusal wording is not judged for this notice",
        ),
    )
    understood: MaybeYesNo = Field(
        default=None,
        title="询问人表示已听明白",
        json_schema_extra=blank(
            "未记录：不据此判违规，只有记为“否”且其后没有记为“是”的才违规（解释 s2.2-what-a-record-shows）；"
            "记为“是”的，该次答复不是回绝（二（三））",
            "not recorded: no breach on that ground; only a 否 with no later 是 is one "
            "(interpretation s2.2-what-a-record-shows); a 是 means the answer did not turn the person away (二（三）)",
        ),
    )
    record_no: str | None = Field(
        default=None,
        title="书面记录编号",
        json_schema_extra=blank(
            "口头的一次性告知没有书面记录（解释 s3.4-record-number）",
            "an oral one-time notice has no written record (interpretation s3.4-record-number)",
        ),
    )
    # last, so workbooks filled before it existed keep their column order
    time: dt.time | None = Field(
        default=None,
        title="告知时间",
        json_schema_extra=blank(
            "本案同一天只有这一次告知的，不影响判定；同一天有两次以上告知而未记时间的，分不出先后，"
            "先后决定结论的（二（二）其后是否听明白、三.1 首次告知是否讲全、三.2 首次要求补办的告知）"
            "判为无法判定（解释 s3-notice-order）",
            "nothing if it is the case's only notice that day; otherwise which came first is unknown, "
            "and where the order decides (二（二） understood later, 三.1 whether the first notice told "
            "everything, 三.2 the first notice asking for supplements) the verdict is undetermined "
            "(interpretation s3-notice-order)",
        ),
    )


class ComplaintRecord(CaseRecord):
    """One complaint, report, opinion or suggestion, as received (二（四）), and — for a report
    that a first responder failed their duties — its acceptance by the bureau office, the
    finding of the check (查实) and the handling recorded after it (二（五）)."""

    kind_zh: ClassVar[str] = "投诉举报"
    kind_en: ClassVar[str] = "complaint"
    type: Literal["complaint"]
    happened_with: ClassVar[dict[str, tuple[str, ...]]] = {
        "reported": ("reported_to",),
        "verified_date": ("verified",),
        "handled": ("handling",),
    }
    date: dt.date = Field(title="接待日期")
    kind: ComplaintKind = Field(title="类别")
    unit: str | None = Field(
        default=None,
        title="接待单位",
        json_schema_extra=blank(
            "不影响判定（二（四）不以接待单位判定）",
            "decides nothing (二（四） is not judged by the receiving unit)",
        ),
    )
    staff: str | None = Field(
        default=None, title="接待人", json_schema_extra=blank("不影响判定", "decides nothing")
    )
    problem: str | None = Field(
        default=None,
        title="反映的问题",
        json_schema_extra=blank(
            "登记未记录反映的问题：二（四）违规（未如实记录反映的问题）",
            "the register does not record the problem: a breach of 二（四）",
        ),
    )
    person: str | None = Field(
        default=None,
        title="反映人",
        json_schema_extra=blank(
            "登记未记录反映人：二（四）违规；不愿留名的写“匿名”（或政策参数“匿名用语”所列的其他写法，如“未署名”）",
            "the register does not record who raised it: a breach of 二（四）; write 匿名 for an anonymous person",
        ),
    )
    contact: str | None = Field(
        default=None,
        title="联系方式",
        json_schema_extra=blank(
            "反映人留名而未记录联系方式的，二（四）违规（解释 s2.4-recorded）；匿名的不要求",
            "a named person without a contact is a breach of 二（四） (interpretation s2.4-recorded); none is needed for an anonymous one",
        ),
    )
    about_first_responder: MaybeYesNo = Field(
        default=None,
        title="反映首问责任人不履行责任",
        json_schema_extra=blank(
            "未记录是否反映首问责任人不履行责任：二（五）无法判定（不推定为否）；请填“是”或“否”",
            "not recorded whether it is about a first responder: 二（五） undetermined (never presumed 否); write 是 or 否",
        ),
    )
    accepted_by: str | None = Field(
        default=None,
        title="受理单位",
        json_schema_extra=blank(
            "反映首问责任人的：未上报局办公室的，二（五）受理无法判定；其他的不影响判定",
            "for a report about a first responder not passed to the bureau office, 二（五） acceptance is undetermined; otherwise nothing",
        ),
    )
    reported: dt.date | None = Field(
        default=None,
        title="上报日期",
        json_schema_extra=blank(
            "上报日期未记不影响判定（本文件未设上报期限）；上报日期和上报至均未记的，即没有上报记录",
            "decides nothing alone (the document sets no period); with 上报至 blank too, there is no record of reporting up",
        ),
    )
    reported_to: str | None = Field(
        default=None,
        title="上报至",
        json_schema_extra=blank(
            "记了上报日期而未记上报至何处的，二（四）、二（五）无法判定；两者均未记的，即没有上报记录：接待后政策参数“待上报期限（工作日）”（茅箭区为5个工作日）内待上报，其后违规",
            "with a date of reporting up, 二（四） and 二（五） are undetermined; with neither, there is no record of reporting up: pending for the policy's report-up period (5 working days in Maojian), then a breach",
        ),
    )
    # 二（五） 经查实违反本规定者，按照有关规定严肃处理: last, so workbooks filled before keep their columns
    verified: MaybeYesNo = Field(
        default=None,
        title="经查实违反规定",
        json_schema_extra=blank(
            "尚无核查结论：不检查处理情况（“经查实”的才须处理）",
            "no finding of the check yet: the handling is not checked (only a verified breach must be dealt with)",
        ),
    )
    verified_date: dt.date | None = Field(
        default=None,
        title="查实日期",
        json_schema_extra=blank(
            "经查实而未记查实日期、也未记处理情况的，二（五）处理无法判定（待处理期限无从起算）",
            "verified with no date and no handling: 二（五） handling undetermined (the pending period cannot be counted)",
        ),
    )
    handling: str | None = Field(
        default=None,
        title="处理情况",
        json_schema_extra=blank(
            "经查实而未记处理情况的：查实后政策参数“待处理期限（日）”（茅箭区为90日）内待处理，其后二（五）违规",
            "verified with no handling recorded: pending for the policy's handling period (90 days in Maojian) after verification, then a breach of 二（五）",
        ),
    )
    handled: dt.date | None = Field(
        default=None, title="处理日期", json_schema_extra=blank("不影响判定", "decides nothing")
    )


class LeaderReportRecord(CaseRecord):
    """A report of a matter to the section or bureau leadership (请示报告)."""

    kind_zh: ClassVar[str] = "请示报告"
    kind_en: ClassVar[str] = "leader_report"
    type: Literal["leader_report"]
    date: dt.date = Field(title="报告日期")
    staff: str | None = Field(
        default=None,
        title="报告人",
        json_schema_extra=blank("未记录：不影响判定", "not recorded: decides nothing"),
    )
    to: Text = Field(title="报告对象")
    summary: str | None = Field(
        default=None,
        title="报告事项",
        json_schema_extra=blank("未记录：不影响判定", "not recorded: decides nothing"),
    )


MODELS = (ServiceRecord, NoticeRecord, ComplaintRecord, LeaderReportRecord)
