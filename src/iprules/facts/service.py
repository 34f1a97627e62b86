"""Facts for 二（一）–（五） and 三: the service register, the notice log, complaints, reports.

The derivations the engine cannot compute happen here:
- deadlines on the official working-day calendar (`iprules.calendar`): `due_day` (the committed
  time limit, counted from acceptance or from the day the materials were completed),
  `refusal_due_day` and `report_due_day` (the policy's reading of 及时, `service.prompt_working_days`);
  when the calendar does not know a year, the day is absent and `*_gap` says why;
- `timing`, `refusal_timing`, `report_due_passed`: where a matter stands against its deadline
  on the audit date — a deadline not yet passed is `pending`, never "on time";
- tri-state readings of optional cells (`scope`, `formalities`, `clock`, `how_to`: a blank is
  `unknown`, so a rule can apply and then say 无法判定 rather than presume 是 or 否);
- what a notice does: explains (二（二）), is a one-time notice (三.4), declines without telling
  or referring (二（三）), and which listed refusal phrases its words contain;
- the order of notices (`seq`, `first_supplement`) and, per item missing at acceptance, whether
  the first supplement notice asked for it (`told_first`) or a later one did (`requested_later`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from iprules.calendar import Calendar, OutsideCalendar
from iprules.facts.base import (
    DAY,
    ORGS,
    ROLES,
    CaseFacts,
    FactType,
    FieldSpec,
    Reference,
    Scalar,
    staff_fields,
    unit_fields,
)
from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.record import Record
from iprules.ledger.service import (
    COMPLAINT_KINDS,
    NOTICE_CONTENTS,
    NOTICE_FORMS,
    OUTCOMES,
    SITUATIONS,
    TOPICS,
    ComplaintRecord,
    LeaderReportRecord,
    NoticeRecord,
    ServiceRecord,
)


def _words(vocabulary: dict[str, str], english: dict[str, str]) -> dict[Scalar, Text]:
    first: dict[str, str] = {}
    for word, code in vocabulary.items():
        first.setdefault(code, word)
    return {code: text(word, english[code]) for code, word in first.items()}


SERVICE_KIND_WORDS: dict[Scalar, Text] = {
    "business": text("办事", "business"),
    "consultation": text("咨询", "consultation"),
}
OUTCOME_WORDS = _words(OUTCOMES, {"done": "completed", "refused": "refused", "withdrawn": "withdrawn"})
FORM_WORDS = _words(NOTICE_FORMS, {"oral": "oral", "written": "written"})
COMPLAINT_WORDS = _words(
    COMPLAINT_KINDS, {"complaint": "complaint", "report": "report", "suggestion": "opinion or suggestion"}
)
# "nothing" (未作说明) records that the answer told nothing: it is no content of its own
CONTENTS = tuple(code for code in NOTICE_CONTENTS.values() if code != "nothing")
EXPLAINING = {"explanation", "procedure", "method", "formalities"}
ONE_TIME = {"procedure", "method", "formalities", "supplement", "time_limit", "reason", "basis"}
TOPIC_WORDS = _words(
    TOPICS, {"procedure": "how to handle a matter", "content": "a policy's or business's content"}
)
SCOPE_WORDS: dict[Scalar, Text] = {
    "in": text("属于", "within the remit"),
    "out": text("不属于", "outside the remit"),
    "unknown": text("未记录", "not recorded"),
}
FORMALITY_WORDS: dict[Scalar, Text] = {
    "complete": text("齐全", "complete"),
    "incomplete": text("不齐全", "incomplete"),
    "unknown": text("未登记手续是否齐全", "completeness not recorded"),
    "contradictory": text(
        "登记“手续齐全且符合规定”为是，却又列了受理时缺少的手续材料或补齐日期，记录自相矛盾",
        "recorded as complete (手续齐全且符合规定 是) yet with items missing at acceptance or a "
        "completion date: the record contradicts itself",
    ),
}
CLOCK_WORDS: dict[Scalar, Text] = {
    "running": text("已起算", "running"),
    "waiting": text("待补齐后起算", "waits for completion"),
    "unknown": text("起算日不明", "start unknown"),
}
HOW_TO_WORDS: dict[Scalar, Text] = {
    "yes": text("是", "yes"),
    "no": text("否", "no"),
    "unknown": text("未记录", "not recorded"),
}
TIMING_WORDS: dict[Scalar, Text] = {
    "on_time": text("按时", "on time"),
    "late": text("逾期", "late"),
    "open_overdue": text("逾期未结", "open past the deadline"),
    "pending": text("未到期", "deadline not yet passed"),
    "date_unknown": text("日期未记录", "date not recorded"),
    "withdrawn": text("期限内撤回", "withdrawn in time"),
    "withdrawn_late": text("逾期后撤回", "withdrawn after the deadline"),
    "uncounted": text("期限无法计算", "deadline not counted"),
    "completed": text("已办结", "completed"),
    "refused": text("不予办理", "refused"),
    "outcome_unknown": text("有办结日期而未登记办理结果", "closing date without an outcome"),
}
HOW_ONCE_WORDS: dict[Scalar, Text] = {
    "yes": text("首次告知即一次讲全", "the first notice told all three"),
    "none": text("没有一次讲全的告知", "no notice told all three"),
    "piecemeal": text("先分次告知，后来才讲全", "told piecemeal, all three only later"),
    "after_close": text("办结之后才讲全", "all three told only after the matter closed"),
    "tied": text("同一天的告知分不出先后", "same-day notices whose order is unknown"),
}
OFFICE_REPORT_WORDS: dict[Scalar, Text] = {
    "passed": text("已上报他处或待上报期限已过", "reported elsewhere, or the pending period is over"),
    "pending": text("仍在待上报期限内", "still within the pending period"),
    "uncounted": text("待上报期限无法计算", "the pending period cannot be counted"),
    "recipient_unknown": text("记了上报日期而未记上报至何处", "a report-up date without a recipient"),
}
LATER_WORDS: dict[Scalar, Text] = {
    "yes": text("其后有听明白的记录", "a later note says they understood"),
    "no": text("其后没有听明白的记录", "no later note says they understood"),
    "unknown": text(
        "同一天另有记为听明白的告知，未记时间，分不出先后",
        "a note the same day says they understood, and without times which came first is unknown",
    ),
}


def _day(about_zh: str, about_en: str) -> FieldSpec:
    return FieldSpec(DAY, text(about_zh, about_en))


def _flag(about_zh: str, about_en: str) -> FieldSpec:
    return FieldSpec("bool", text(about_zh, about_en))


def _text(about_zh: str, about_en: str, values: dict[Scalar, Text] | None = None) -> FieldSpec:
    return FieldSpec("text", text(about_zh, about_en), values or {})


def _count(about_zh: str, about_en: str) -> FieldSpec:
    return FieldSpec("int", text(about_zh, about_en))


# the interpretations this module's code branches on (Reference.reads_alternative)
READINGS = frozenset({"s2.5-flag"})

FACT_TYPES: dict[str, FactType] = {
    "service": FactType(
        text(
            "服务登记中的一件办事或咨询事项", "one matter (business or consultation) in the service register"
        ),
        {
            "kind": _text("类别", "kind", SERVICE_KIND_WORDS),
            "matter": _text("事项", "matter"),
            "channel": _text(
                "方式", "channel", {"visit": text("来访", "visit"), "phone": text("电话", "phone")}
            ),
            "topic": _text("咨询内容", "what the consultation asked about", TOPIC_WORDS),
            "unit": _text("受理单位", "receiving unit"),
            "handler": _text("首办责任人", "first handler"),
            "scope": _text(
                "是否属于本单位业务范围（未记录的为“未记录”）",
                "within the unit's remit (unknown when not recorded)",
                SCOPE_WORDS,
            ),
            "unlawful": _flag(
                "诉求是否被认定违反法律法规（未填为否，解释 s3-handler-findings）",
                "the request was found unlawful (blank: no, interpretation s3-handler-findings)",
            ),
            "matters": _count(
                "本案服务登记的件数（告知、报告按案件登记，两件以上时分不清属于哪一件）",
                "number of service entries in the case (notices and reports belong to the case, so "
                "with two or more it is unknown which matter they concern)",
            ),
            "how_once": _text(
                "三.1：办理程序、方法、手续是否在首次告知时一次讲全",
                "三.1: whether the first notice of procedure, method and formalities told all three",
                HOW_ONCE_WORDS,
            ),
            "first_told_day": _day(
                "首次告知办理程序、方法或手续的日期", "date procedure, method or formalities were first told"
            ),
            "once_day": _day("首次一次讲全三项的日期", "date all three were first told in one notice"),
            "time_limit": _count("承诺时限（工作日）", "committed time limit (working days)"),
            "formalities": _text(
                "受理时手续是否齐全（未登记的、登记自相矛盾的，分别注明）",
                "formalities at acceptance (not recorded, or contradictory, said so)",
                FORMALITY_WORDS,
            ),
            "missing_count": _count("受理时缺少的手续材料件数", "number of items missing at acceptance"),
            "clock": _text(
                "承诺时限是否已起算：手续齐全自受理日、补齐的自补齐日起算；不齐全未补齐的未起算",
                "whether the time limit runs: from acceptance if complete, from completion if "
                "supplemented, not yet if still incomplete",
                CLOCK_WORDS,
            ),
            "how_to": _text(
                "是否属三.1 所说的办事或咨询办理事宜（当场办结的办事、咨询政策业务内容的不属）",
                "whether it is business or an inquiry how to handle a matter, as 三.1 says "
                "(business completed on the spot and questions about a policy's content are not)",
                HOW_TO_WORDS,
            ),
            "day": _day("受理日期", "date of acceptance"),
            "start_day": _day(
                "时限起算日（受理日或补齐日，不计入期限）", "day the period runs from (not itself counted)"
            ),
            "due_day": _day("办理期限（起算日后第N个工作日）", "deadline (the N-th working day after)"),
            "due_gap": _text("无法计算办理期限的原因", "why the deadline cannot be counted"),
            "timing": _text(
                "是否在承诺时限内办结", "whether it was completed within the time limit", TIMING_WORDS
            ),
            "outcome": _text("办理结果", "outcome", OUTCOME_WORDS),
            "closed_day": _day("办结日期", "date closed"),
            "as_of": _day("审计基准日", "audit date"),
            "refusal_due_day": _day(
                "不予办理决定的及时期限（受理后政策参数“及时期限（工作日）”个工作日）",
                "deadline for a prompt refusal (the policy's prompt period in working days)",
            ),
            "refusal_gap": _text("无法计算该期限的原因", "why that deadline cannot be counted"),
            "refusal_timing": _text(
                "是否及时决定不予办理", "whether the refusal was decided promptly", TIMING_WORDS
            ),
            "needs_report": _flag("是否登记了须向领导报告的情形", "a situation to report to leadership"),
            "situations": _text("须报告的情形", "situations to report"),
            "situation_day": _day(
                "情形发现日期（未填为受理日）", "date the situation arose (acceptance if blank)"
            ),
            "report_due_day": _day(
                "向领导报告的及时期限（情形发现后政策参数“及时期限（工作日）”个工作日）",
                "deadline for a prompt report (the policy's prompt period in working days)",
            ),
            "report_due_passed": _flag(
                "审计基准日是否已过报告期限", "the reporting deadline has passed on the audit date"
            ),
            "report_gap": _text("无法计算该期限的原因", "why that deadline cannot be counted"),
        },
    ),
    "missing_item": FactType(
        text("受理时缺少的一项手续或材料", "one formality or material missing at acceptance"),
        {
            "item": _text("手续材料名称", "item"),
            "told_first": _flag(
                "首次要求补办的告知中是否列明（分不出哪次在先、或名称对不上时无此项）",
                "listed in the first notice asking for supplements (absent when that cannot be told)",
            ),
            "order_unknown": _flag(
                "同一天有两次以上要求补办的告知而未记时间，有的列明有的未列明，分不出首次是哪一次",
                "two same-day supplement notices without times, one listing it and one not",
            ),
            "name_unknown": _flag(
                "首次要求补办的告知未以同一名称列明，但列了受理时并不缺少的其他名称，可能是同一项的另一种写法",
                "the first supplement notice does not list it by name but lists other names that "
                "may be another way of writing it",
            ),
            "named_as": _text("首次告知所列的其他名称", "the other names the first notice lists"),
            "requested_later": _flag("是否在之后的告知中才要求补办", "asked for only in a later notice"),
            "requested_in": _count(
                "第几次要求补办的告知才列明（1 为首次）",
                "which supplement notice first listed it (1 = first)",
            ),
        },
    ),
    "notice": FactType(
        text("告知记录中的一次告知", "one notice in the notice log"),
        {
            "seq": _count(
                "本案第几次告知（按日期，1 为最早）", "which notice of the case, by date (1 = earliest)"
            ),
            "day": _day("告知日期", "date of the notice"),
            "time": _text("告知时间", "time of the notice"),
            "form": _text("告知形式", "form", FORM_WORDS),
            "record_no": _text("书面记录编号", "number of the written record"),
            **{
                f"tells_{content}": _flag(f"告知内容含{word}", f"tells the {content.replace('_', ' ')}")
                for content, word in (
                    ("procedure", "办理程序"),
                    ("method", "办理方法"),
                    ("formalities", "相关手续"),
                    ("supplement", "需补办的手续材料"),
                    ("time_limit", "受理时限"),
                    ("reason", "不予办理理由"),
                    ("basis", "不予办理依据"),
                    ("scope", "不属本单位范围的说明"),
                    ("explanation", "业务讲解"),
                )
            },
            "asks_items": _flag("是否要求补办手续材料", "asks for formalities or materials"),
            "explains": _flag(
                "是否作了讲解、说明（业务讲解，或办理程序、方法、相关手续）",
                "explains (业务讲解, or the procedure, method or formalities of the matter)",
            ),
            "one_time": _flag(
                "是否为三.1–三.3 的一次性告知（办理程序、方法、手续，需补办的材料、受理时限，不予办理的理由、依据）",
                "a one-time notice of 三.1–三.3 (procedure, method, formalities; items to supplement, "
                "time limit; reason and basis of a refusal)",
            ),
            "declines": _flag(
                "答复除“不属本单位范围”外未告知任何内容，也未指明办理的窗口或单位，询问人也未表示听明白"
                "（未记录告知内容的无此项）",
                "the answer told nothing beyond 'not our remit', pointed to no window or unit, and "
                "the inquirer did not say they understood (absent when the contents are not recorded)",
            ),
            "contents_recorded": _flag("是否记录了告知内容", "the contents of the notice are recorded"),
            "refusal_words": _text(
                "答复用语中出现的推诿词语（政策参数“推诿用语”，除去“如有不清楚”等客套用语）",
                "refusal phrases found in the answer (the policy's refusal phrases, courtesies such "
                "as 如有不清楚 left out)",
            ),
            "later_understood": _text(
                "记为未听明白的，其后是否有听明白的记录",
                "for a note saying the inquirer did not understand: whether a later one says they did",
                LATER_WORDS,
            ),
            "items_count": _count("要求补办的件数", "number of items asked for"),
            "first_supplement": _flag(
                "是否为本案首次要求补办的告知（同一天未记时间的几次告知，是否告知受理时限相同时均算）",
                "the case's first notice asking for supplements (same-day untimed ones count alike "
                "when they agree on the time limit)",
            ),
            "first_supplement_tied": _flag(
                "同一天未记时间的几次要求补办的告知之一，分不出哪次在先，且是否告知受理时限不同",
                "one of several same-day untimed supplement notices that differ on the time limit",
            ),
            "referred_to": _text("指明的办理窗口或单位", "window or unit referred to"),
            "wording": _text("答复用语", "words of the answer"),
            "understood": _flag("询问人表示已听明白", "the inquirer said they understood"),
            "staff": _text("告知人", "staff member who told"),
        },
    ),
    "complaint": FactType(
        text("投诉举报登记中的一件投诉、举报或意见建议", "one complaint, report, opinion or suggestion"),
        {
            "kind": _text("类别", "kind", COMPLAINT_WORDS),
            "day": _day("接待日期", "date received"),
            "unit": _text("接待单位", "receiving unit"),
            "staff": _text("接待人", "staff member who received it"),
            "problem": _text("反映的问题", "problem raised"),
            "person": _text("反映人", "person raising it"),
            "contact": _text("联系方式", "contact"),
            "anonymous": _flag(
                "反映人是否匿名（政策参数“匿名用语”，如匿名、未署名）",
                "anonymous (the policy's words for an anonymous person, e.g. 匿名, 未署名)",
            ),
            "about_first_responder": _flag(
                "是否反映首问责任人不履行责任（台账未记录时无此项）",
                "about a first responder failing their duties (absent when the register does not say)",
            ),
            "may_concern_first_responder": _flag(
                "反映首问责任人不履行责任，或台账未记录是否如此",
                "about a first responder, or the register does not say whether it is",
            ),
            "accepted_by": _text("受理单位", "accepting unit"),
            "accepted_by_org": _text(
                "受理单位所属机关（取自政策的单位名册）",
                "its organisation (from the policy's unit list)",
                ORGS,
            ),
            "accepted_by_role": _text(
                "受理单位的类别（取自政策的单位名册）", "its role (from the policy's unit list)", ROLES
            ),
            "office": _text(
                "区市场监管局办公室：单位名册中属于本政策区局、类别为局办公室的单位",
                "the bureau office: the unit of the policy's unit list that is its district bureau's office",
            ),
            "office_report": _text(
                "未由局办公室受理也未上报局办公室的：是否还可能上报局办公室",
                "neither accepted by nor passed to the bureau office: whether it may still be passed on",
                OFFICE_REPORT_WORDS,
            ),
            "office_has_it": _flag(
                "由局办公室受理，或已上报局办公室（或名册中该办公室的人员）",
                "accepted by the bureau office, or reported up to it (or to a member of its staff)",
            ),
            "office_accepted": _flag(
                "反映首问责任人不履行责任，由局办公室受理（二（五）的受理单位）",
                "about a first responder, and accepted by the bureau office (二（五）'s accepting body)",
            ),
            "reported_day": _day("上报日期", "date reported up"),
            "reported_to": _text("上报至", "reported to"),
            "reported": _flag(
                "有上报记录（上报日期或上报至已登记）", "a report-up is recorded (its date or recipient)"
            ),
            "report_due_day": _day(
                "未上报的待上报期限（接待后政策参数“待上报期限（工作日）”个工作日）",
                "end of the pending period for reporting up (the policy's report-up period in working days)",
            ),
            "report_gap": _text("无法计算该期限的原因", "why that period cannot be counted"),
            "report_pending": _flag(
                "尚无上报记录，审计基准日仍在待上报期限内",
                "no report-up recorded, and the audit date is still within the pending period",
            ),
            "verified": _flag(
                "经查实违反规定（台账未记录时无此项）", "verified breach (absent when not recorded)"
            ),
            "verified_day": _day("查实日期", "date verified"),
            "handling": _text("处理情况", "handling recorded"),
            "handled_day": _day("处理日期", "date dealt with"),
            "handling_due_day": _day(
                "待处理期限（查实后政策参数“待处理期限（日）”日）",
                "end of the pending period for the handling (the policy's handling period in days)",
            ),
            "handling_pending": _flag(
                "尚无处理记录，审计基准日仍在待处理期限内",
                "no handling recorded, and the audit date is still within the pending period",
            ),
            "as_of": _day("审计基准日", "audit date"),
        },
    ),
    "leader_report": FactType(
        text("向股室或局领导的一次报告", "one report to the section or bureau leadership"),
        {
            "day": _day("报告日期", "date of the report"),
            "staff": _text("报告人", "staff member reporting"),
            "to": _text("报告对象", "reported to"),
            "to_position": _text("报告对象的职务（取自人员名册）", "their position, from the roster"),
            "to_rank": _count(
                "报告对象的职位高低（政策参数“职位排序”）",
                "rank of their position (the policy's ranking of positions)",
            ),
        },
    ),
}


def _ordinal(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None


def _deadline(calendar: Calendar, start: dt.date, days: int | None, day: str, gap: str) -> dict[str, Any]:
    """{day: the deadline}, or {gap: why the deadline cannot be counted}."""
    if days is None:
        return {}
    try:
        return {day: calendar.deadline(start, days).toordinal()}
    except OutsideCalendar as outside:
        return {gap: outside.reason.zh}


def _timing(outcome: str | None, closed: dt.date | None, due: int | None, as_of: dt.date) -> str:
    """Where a matter stands against its deadline: judged only once the deadline has passed.

    Open and still within the deadline on the audit date is `pending` (never on time: it may
    yet be late); an outcome without its date is on time only if the audit date is within
    the deadline; a withdrawal ends the duty only if it came before the deadline passed.
    """
    if due is None:
        return "uncounted"
    today = as_of.toordinal()
    if outcome == "withdrawn":
        if closed is not None:
            return "withdrawn" if closed.toordinal() <= due else "withdrawn_late"
        return "withdrawn" if today <= due else "date_unknown"
    if closed is not None:
        return "on_time" if closed.toordinal() <= due else "late"
    if outcome is None:
        return "pending" if today <= due else "open_overdue"
    return "on_time" if today <= due else "date_unknown"


def _refusal_timing(record: ServiceRecord, due: int | None, as_of: dt.date) -> str:
    """三.3: where an unlawful request stands. Completed is no refusal; a closing date with no
    outcome ended the matter, but whether by completing or refusing it is unknown."""
    if record.outcome == "done":
        return "completed"
    if record.outcome is None and record.closed is not None:
        return "outcome_unknown"
    return _timing(record.outcome, record.closed, due, as_of)


def _scope(record: ServiceRecord) -> str:
    return {True: "in", False: "out", None: "unknown"}[record.in_scope]


def _formalities(record: ServiceRecord) -> str:
    """Complete, incomplete, not recorded — or contradictory: 是 beside a list of missing items
    or a completion date, which the rules report instead of choosing one of the two."""
    lacking = bool(record.missing) or record.supplemented is not None
    if record.complete is True and lacking:
        return "contradictory"
    if record.complete is False or lacking:
        return "incomplete"
    return "complete" if record.complete else "unknown"


def _how_to(record: ServiceRecord) -> str:
    """三.1 "到本局办事或电话咨询有关办理事宜": business not completed on the spot, or a question
    how to handle a matter (interpretation s3.1-covers)."""
    if record.kind == "consultation":
        return {"procedure": "yes", "content": "no", None: "unknown"}[record.topic]
    if record.outcome in (None, "done") and record.closed is not None:
        return "no" if record.closed == record.date else "yes"
    return "unknown" if record.outcome == "done" else "yes"


def _service(
    result: CaseFacts,
    entry: Entry,
    reference: Reference,
    calendar: Calendar,
    telling: tuple[dict[str, Any], dt.date | None],
    matters: int,
) -> None:
    """`telling`: the case's first telling of how to proceed (`_first_telling`, once per case)."""
    record = entry.record
    assert isinstance(record, ServiceRecord)
    parameters = reference.parameters.get("service", {})
    prompt = parameters.get("prompt_working_days")
    formalities = _formalities(record)
    clock = {"complete": "running", "unknown": "unknown", "contradictory": "unknown"}.get(formalities) or (
        "running" if record.supplemented is not None else "waiting"
    )
    start = max(record.date, record.supplemented) if record.supplemented else record.date
    values: dict[str, Any] = {
        "kind": record.kind,
        "matter": record.matter,
        "channel": record.channel,
        "topic": record.topic,
        "unit": record.unit,
        "handler": record.handler,
        "scope": _scope(record),
        "unlawful": bool(record.unlawful),
        "matters": matters,
        "time_limit": record.time_limit,
        "formalities": formalities,
        "missing_count": len(record.missing),
        "clock": clock,
        "how_to": _how_to(record),
        "day": record.date.toordinal(),
        "start_day": start.toordinal() if clock != "waiting" else None,
        "outcome": record.outcome,
        "closed_day": _ordinal(record.closed),
        "as_of": reference.as_of.toordinal(),
        "needs_report": bool(record.situations),
        "situations": "、".join(w for w, c in SITUATIONS.items() if c in record.situations) or None,
        **_told_at_once(telling, record.closed),
    }
    if clock != "waiting":
        # with the formalities unknown the period is counted from acceptance: the earliest it
        # can run from, so "on time" is certain and "late" is not (the rule says so)
        values.update(_deadline(calendar, start, record.time_limit, "due_day", "due_gap"))
        values["timing"] = _timing(record.outcome, record.closed, values.get("due_day"), reference.as_of)
        if record.outcome == "refused" and not record.unlawful:
            # a lawful request refused was not handled, whenever the refusal came (二（一）)
            values["timing"] = "refused"
    if record.unlawful:
        values.update(_deadline(calendar, record.date, prompt, "refusal_due_day", "refusal_gap"))
        values["refusal_timing"] = _refusal_timing(record, values.get("refusal_due_day"), reference.as_of)
    if record.situations:
        arose = record.situation_date or record.date
        values["situation_day"] = arose.toordinal()
        values.update(_deadline(calendar, arose, prompt, "report_due_day", "report_gap"))
        if "report_due_day" in values:
            values["report_due_passed"] = reference.as_of.toordinal() > values["report_due_day"]
    result.add("service", values, [entry.source])


def _notice(entry: Entry) -> NoticeRecord:
    assert isinstance(entry.record, NoticeRecord)
    return entry.record


def _before(a: NoticeRecord, b: NoticeRecord) -> bool:
    """`a` certainly came before `b`: an earlier day, or the same day at an earlier recorded time.
    The ledger's line order never decides (interpretation s3-notice-order)."""
    if a.date != b.date:
        return a.date < b.date
    return a.time is not None and b.time is not None and a.time < b.time


def _earliest(entries: list[Entry]) -> list[Entry]:
    """The notices that may have been the first: none certainly came before them (`_before`):
    those of the earliest day that carry no time or the earliest time of that day. One pass,
    not a comparison of every pair: one huge case must cost time in proportion to its records."""
    if not entries:
        return []
    day = min(_notice(e).date for e in entries)
    same = [e for e in entries if _notice(e).date == day]
    times = [t for e in same if (t := _notice(e).time) is not None]
    first = min(times) if times else None
    return [e for e in same if _notice(e).time is None or _notice(e).time == first]


def _told_at_once(telling: tuple[dict[str, Any], dt.date | None], closed: dt.date | None) -> dict[str, Any]:
    """三.1 一次性告知: whether the first telling of procedure, method and formalities told all
    three (told piecemeal first is not one-time, whatever came later), and before the matter
    closed."""
    found, first_day = telling
    values = dict(found)
    if values["how_once"] == "yes" and closed is not None and first_day is not None and first_day > closed:
        values["how_once"] = "after_close"
    return values


def _first_telling(notices: list[Entry]) -> tuple[dict[str, Any], dt.date | None]:
    """What the case's notices say of the first telling, whatever the matter's closing day:
    worked out once per case, not once per service (one huge case must stay linear)."""
    how = [e for e in notices if set(_notice(e).contents) & {"procedure", "method", "formalities"}]
    complete = [e for e in how if {"procedure", "method", "formalities"} <= set(_notice(e).contents)]
    if not complete:
        return {"how_once": "none"}, None
    first = _earliest(how)
    values: dict[str, Any] = {
        "first_told_day": _notice(first[0]).date.toordinal(),
        "once_day": min(_notice(e).date for e in complete).toordinal(),
    }
    complete_ids = {id(e) for e in complete}
    whole = [id(e) in complete_ids for e in first]
    if all(whole):
        values["how_once"] = "yes"
    else:
        values["how_once"] = "piecemeal" if not any(whole) else "tied"
    return values, _notice(first[0]).date


def _normal(name: str) -> str:
    """An item's name without brackets, punctuation or spaces, full- and half-width alike:
    营业执照（复印件） and 营业执照复印件 name one item (interpretation s3.2-item-names)."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZSC")


def _declines(record: NoticeRecord) -> bool | None:
    """二（三） 予以回绝: the answer told nothing (beyond "not ours"), pointed nowhere, and the
    inquirer did not say they understood. With no contents recorded, unknown."""
    told = set(record.contents) - {"nothing"}
    if told - {"scope"} or record.items or record.referred_to is not None or record.understood is True:
        return False
    if not record.contents:
        return None
    return True


def _refusal_words(wording: str | None, phrases: list[str], courtesies: list[str]) -> str | None:
    if not wording:
        return None
    for courtesy in courtesies:
        wording = wording.replace(courtesy, "")
    return "、".join(phrase for phrase in phrases if phrase in wording) or None


def _later_understood(entry: Entry, notices: list[Entry]) -> str | None:
    """For a note that the inquirer did not understand: is there a later note that they did?"""
    record = _notice(entry)
    if record.understood is not False:
        return None
    clear = [_notice(e) for e in notices if _notice(e).understood is True]
    if any(_before(record, other) for other in clear):
        return "yes"
    tied = [o for o in clear if not _before(o, record)]
    return "unknown" if tied else "no"


def _notices(result: CaseFacts, notices: list[Entry], services: list[Entry], reference: Reference) -> None:
    parameters = reference.parameters.get("service", {})
    phrases = parameters.get("refusal_phrases", [])
    courtesies = parameters.get("courtesy_phrases", [])
    asking = [e for e in notices if _notice(e).items]
    first_asking = _earliest(asking)
    first_ids = {id(e) for e in first_asking}
    # several notices may have been the first: they count as the first alike when they agree
    # on the time limit, and leave it open when they do not
    agree = len({"time_limit" in _notice(e).contents for e in first_asking}) <= 1
    for seq, entry in enumerate(notices, start=1):
        record = _notice(entry)
        told = set(record.contents)
        result.add(
            "notice",
            {
                "seq": seq,
                "day": record.date.toordinal(),
                "time": record.time.strftime("%H:%M") if record.time else None,
                "form": record.form,
                "record_no": record.record_no,
                **{f"tells_{content}": content in told for content in CONTENTS},
                "asks_items": bool(record.items) or "supplement" in told,
                "items_count": len(record.items),
                "first_supplement": id(entry) in first_ids and agree,
                "first_supplement_tied": id(entry) in first_ids and not agree,
                "explains": bool(told & EXPLAINING),
                "one_time": bool(told & ONE_TIME) or bool(record.items),
                "declines": _declines(record),
                "contents_recorded": bool(record.contents),
                "refusal_words": _refusal_words(record.wording, phrases, courtesies),
                "later_understood": _later_understood(entry, notices),
                "referred_to": record.referred_to,
                "wording": record.wording,
                "understood": record.understood,
                "staff": record.staff,
            },
            [entry.source],
        )
    # the asking notices (1-based) that list each item, by its normalised name, indexed once:
    # scanning every notice for every missing item made one big case quadratic (D12)
    listed_at: dict[str, list[int]] = defaultdict(list)
    for n, e in enumerate(asking, start=1):
        for name in dict.fromkeys(map(_normal, _notice(e).items)):
            listed_at[name].append(n)
    # the first asking notices' item lists, each distinct list once (many notices tied as the
    # first would otherwise be scanned for every item of every service)
    first_lists = list(dict.fromkeys(tuple(_notice(e).items) for e in first_asking))
    # whether an asking notice other than a first one lists the item
    listed_later = {
        name: any(id(asking[n - 1]) not in first_ids for n in numbers) for name, numbers in listed_at.items()
    }
    for service in services:
        assert isinstance(service.record, ServiceRecord)
        _missing_items(result, service, service.record, asking, first_lists, listed_later, listed_at)


def _missing_items(
    result: CaseFacts,
    service: Entry,
    record: ServiceRecord,
    asking: list[Entry],
    first_lists: list[tuple[str, ...]],
    listed_later: dict[str, bool],
    listed_at: dict[str, list[int]],
) -> None:
    """Per item missing at acceptance: was it in the first notice asking for supplements?"""
    missing = {_normal(item) for item in record.missing}
    for item in dict.fromkeys(record.missing):
        name = _normal(item)
        listed_in = listed_at.get(name, [])
        states: set[str] = set()
        others: list[str] = []
        for items in first_lists:
            names = [i for i in items if _normal(i) not in missing]
            if name in map(_normal, items):
                states.add("listed")
            elif names:
                states.add("other_name")
                others += names
            else:
                states.add("absent")
        later = listed_later.get(name, False)
        values: dict[str, Any] = {
            "item": item,
            "requested_later": bool(later) and "listed" not in states,
            "requested_in": listed_in[0] if listed_in else None,
        }
        if states == {"listed"}:
            values["told_first"] = True
        elif states <= {"absent"}:
            values["told_first"] = False
        elif "other_name" in states:
            values["name_unknown"] = True
            values["named_as"] = "、".join(dict.fromkeys(others))
        else:
            values["order_unknown"] = True
        sources = [service.source, *(asking[n - 1].source for n in listed_in[:1])]
        result.add("missing_item", values, sources)


def bureau_office(reference: Reference) -> str | None:
    """二（五） 区市场监管局办公室: the unit of the policy's list whose role is office and whose
    bureau is the policy's own district bureau — one fact, said once (units + district_bureau)."""
    bureau = reference.parameters.get("district_bureau")
    offices = [
        name
        for name, info in reference.units.items()
        if info.get("role") == "office" and info.get("bureau") == bureau and bureau is not None
    ]
    return offices[0] if len(offices) == 1 else None


def _reaches(name: str | None, office: str | None, reference: Reference) -> bool:
    """Whether a report-up recipient is the office itself or a member of its staff."""
    if name is None or office is None:
        return False
    member = reference.roster.get(name)
    return name == office or (member is not None and member.unit == office)


def _office_report(record: ComplaintRecord, values: dict[str, Any]) -> str:
    """二（五）, not accepted by the office: passed elsewhere (or the wait is over), still
    within the pending period, not countable, or reported on a day to nobody recorded."""
    if record.reported_to is not None:
        return "passed"
    if record.reported is not None:
        return "recipient_unknown"
    if "report_pending" not in values:
        return "uncounted"
    return "pending" if values["report_pending"] else "passed"


def _complaint(result: CaseFacts, entry: Entry, reference: Reference, calendar: Calendar) -> None:
    record = entry.record
    assert isinstance(record, ComplaintRecord)
    anonymous_words = reference.parameters.get("service", {}).get("anonymous_words", [])
    parameters = reference.parameters.get("first_responder", {})
    office = bureau_office(reference)
    reported = record.reported is not None or record.reported_to is not None
    values: dict[str, Any] = {
        "kind": record.kind,
        "day": record.date.toordinal(),
        "unit": record.unit,
        "staff": record.staff,
        "problem": record.problem,
        "person": record.person,
        "contact": record.contact,
        "anonymous": record.person is not None and any(w in record.person for w in anonymous_words),
        "about_first_responder": record.about_first_responder,
        # 二（五） applies unless the register says 否 (a blank is not presumed 否); under the
        # alternative of s2.5-flag only an entry marked 是 comes under 二（五）
        "may_concern_first_responder": record.about_first_responder is True
        if reference.reads_alternative("s2.5-flag")
        else record.about_first_responder is not False,
        "accepted_by": record.accepted_by,
        **unit_fields("accepted_by_", record.accepted_by, reference),
        "office": office,
        "office_has_it": (office is not None and record.accepted_by == office)
        or _reaches(record.reported_to, office, reference),
        "office_accepted": record.about_first_responder is True
        and office is not None
        and record.accepted_by == office,
        "reported_day": _ordinal(record.reported),
        "reported_to": record.reported_to,
        "reported": reported,
        "verified": record.verified,
        "verified_day": _ordinal(record.verified_date),
        "handling": record.handling,
        "handled_day": _ordinal(record.handled),
        "as_of": reference.as_of.toordinal(),
    }
    if not reported:
        days = parameters.get("report_up_working_days")
        values.update(_deadline(calendar, record.date, days, "report_due_day", "report_gap"))
        due = values.get("report_due_day")
        if due is not None:
            values["report_pending"] = reference.as_of.toordinal() <= due
    values["office_report"] = _office_report(record, values)
    if record.verified and record.handling is None and record.verified_date is not None:
        days = parameters.get("handling_days")
        if days is not None:
            due = record.verified_date.toordinal() + int(days)
            values["handling_due_day"] = due
            values["handling_pending"] = reference.as_of.toordinal() <= due
    result.add("complaint", values, [entry.source])


def _leader_report(result: CaseFacts, entry: Entry, reference: Reference) -> None:
    record = entry.record
    assert isinstance(record, LeaderReportRecord)
    to = staff_fields(record.to, reference)
    result.add(
        "leader_report",
        {
            "day": record.date.toordinal(),
            "staff": record.staff,
            "to": record.to,
            "to_position": to.get("position"),
            "to_rank": to.get("rank"),
        },
        [entry.source],
    )


def _notice_order(entry: Entry) -> tuple[dt.date, dt.time, tuple[str, str, int]]:
    """A stable order for numbering notices (`seq`); which came first is `_before`'s to say."""
    record = _notice(entry)
    return (record.date, record.time or dt.time(0, 0), entry.source.sort_key())


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    calendar = Calendar.from_parameters(reference.parameters)
    services = [entry for entry in entries if isinstance(entry.record, ServiceRecord)]
    notices = sorted((e for e in entries if isinstance(e.record, NoticeRecord)), key=_notice_order)
    telling = _first_telling(notices)
    for entry in services:
        _service(result, entry, reference, calendar, telling, len(services))
    _notices(result, notices, services, reference)
    for entry in entries:
        if isinstance(entry.record, ComplaintRecord):
            _complaint(result, entry, reference, calendar)
        elif isinstance(entry.record, LeaderReportRecord):
            _leader_report(result, entry, reference)


def calendar_years(record: Record, parameters: Mapping[str, Any]) -> set[int]:
    """The calendar years that counting this record's deadlines looks at: the report's stamp
    says which years of the official calendar a check relied on. A year outside the calendar
    is not among them (the finding says so instead)."""
    if isinstance(record, ComplaintRecord):
        return _complaint_years(record, parameters)
    if not isinstance(record, ServiceRecord):
        return set()
    calendar = Calendar.from_parameters(parameters)
    prompt = parameters.get("service", {}).get("prompt_working_days")
    periods: list[tuple[dt.date, int | None]] = []
    if _formalities(record) != "incomplete" or record.supplemented is not None:
        periods.append((max(record.date, record.supplemented or record.date), record.time_limit))
    if record.unlawful:
        periods.append((record.date, prompt))
    if record.situations:
        periods.append((record.situation_date or record.date, prompt))
    years: set[int] = set()
    for start, days in periods:
        if days is None:
            continue
        try:
            end = calendar.deadline(start, days).year
        except OutsideCalendar as outside:
            end = outside.year - 1
        years.update(range(start.year, end + 1))
    return years


def _complaint_years(record: ComplaintRecord, parameters: Mapping[str, Any]) -> set[int]:
    """The years counting a complaint's pending period for reporting up looks at (二（四）)."""
    days = parameters.get("first_responder", {}).get("report_up_working_days")
    if days is None or record.reported is not None or record.reported_to is not None:
        return set()
    try:
        end = Calendar.from_parameters(parameters).deadline(record.date, days).year
    except OutsideCalendar as outside:
        end = outside.year - 1
    return set(range(record.date.year, end + 1))
