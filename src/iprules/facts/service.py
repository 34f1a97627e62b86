"""Facts for 二（一）–（五） and 三: the service register, the notice log, complaints, reports.

The derivations the engine cannot compute happen here:
- deadlines on the official working-day calendar (`iprules.calendar`): `due_day` (the committed
  time limit, counted from acceptance or from the day the materials were completed),
  `refusal_due_day` and `report_due_day` (the policy's reading of 及时, `service.prompt_working_days`);
  when the calendar does not know a year, the day is absent and `*_gap` says why;
- `overdue`, `refusal_late`: judged against the audit date for cases still open;
- the order of notices (`seq`, `first_supplement`) and, per item missing at acceptance, whether
  the first supplement notice asked for it (`told_first`) or a later one did (`requested_later`).
"""

from __future__ import annotations

import datetime as dt
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
CONTENTS = tuple(NOTICE_CONTENTS.values())


def _day(about_zh: str, about_en: str) -> FieldSpec:
    return FieldSpec(DAY, text(about_zh, about_en))


def _flag(about_zh: str, about_en: str) -> FieldSpec:
    return FieldSpec("bool", text(about_zh, about_en))


def _text(about_zh: str, about_en: str, values: dict[Scalar, Text] | None = None) -> FieldSpec:
    return FieldSpec("text", text(about_zh, about_en), values or {})


def _count(about_zh: str, about_en: str) -> FieldSpec:
    return FieldSpec("int", text(about_zh, about_en))


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
            "unit": _text("受理单位", "receiving unit"),
            "handler": _text("首办责任人", "first handler"),
            "in_scope": _flag("是否属于本单位业务范围", "within the unit's remit"),
            "unlawful": _flag("诉求是否违反法律法规", "the request is unlawful"),
            "withdrawn": _flag("服务对象是否撤回", "withdrawn by the applicant"),
            "time_limit": _count("承诺时限（工作日）", "committed time limit (working days)"),
            "incomplete": _flag(
                "受理时手续不齐全或不符合规定", "formalities incomplete or non-conforming at acceptance"
            ),
            "missing_count": _count("受理时缺少的手续材料件数", "number of items missing at acceptance"),
            "clock_started": _flag(
                "办理时限是否已起算（手续齐全，或已补齐）",
                "the time limit runs (formalities complete, or completed later)",
            ),
            "day": _day("受理日期", "date of acceptance"),
            "start_day": _day(
                "时限起算日（受理日或补齐日，不计入期限）", "day the period runs from (not itself counted)"
            ),
            "due_day": _day("办理期限（起算日后第N个工作日）", "deadline (the N-th working day after)"),
            "due_gap": _text("无法计算办理期限的原因", "why the deadline cannot be counted"),
            "outcome": _text("办理结果", "outcome", OUTCOME_WORDS),
            "closed_day": _day("办结日期", "date closed"),
            "overdue": _flag(
                "是否超期：办结晚于期限，或审计基准日已过期限仍未办结",
                "overdue: closed after the deadline, or still open after it on the audit date",
            ),
            "as_of": _day("审计基准日", "audit date"),
            "refusal_due_day": _day(
                "不予办理决定的及时期限（政策参数 service.prompt_working_days）",
                "deadline for a prompt refusal (policy service.prompt_working_days)",
            ),
            "refusal_gap": _text("无法计算该期限的原因", "why that deadline cannot be counted"),
            "refusal_late": _flag(
                "不予办理决定是否不及时（晚于期限，或审计基准日已过期限仍未决定）",
                "refusal not prompt (after the deadline, or none yet and the deadline has passed)",
            ),
            "needs_report": _flag("是否登记了须向领导报告的情形", "a situation to report to leadership"),
            "situations": _text("须报告的情形", "situations to report"),
            "situation_day": _day("情形发现日期", "date the situation arose"),
            "report_due_day": _day(
                "向领导报告的及时期限（政策参数 service.prompt_working_days）",
                "deadline for a prompt report (policy service.prompt_working_days)",
            ),
            "report_gap": _text("无法计算该期限的原因", "why that deadline cannot be counted"),
        },
    ),
    "missing_item": FactType(
        text("受理时缺少的一项手续或材料", "one formality or material missing at acceptance"),
        {
            "item": _text("手续材料名称", "item"),
            "told_first": _flag(
                "首次要求补办的告知中是否列明", "listed in the first notice asking for supplements"
            ),
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
            "items_count": _count("要求补办的件数", "number of items asked for"),
            "first_supplement": _flag(
                "是否为本案首次要求补办的告知", "the case's first notice asking for supplements"
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
                "反映人是否匿名（政策参数 service.anonymous_words）",
                "anonymous (policy service.anonymous_words)",
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
                "受理单位所属机关（政策参数 units）", "its organisation (policy units)", ORGS
            ),
            "accepted_by_role": _text("受理单位的类别（政策参数 units）", "its role (policy units)", ROLES),
            "office": _text(
                "区市场监管局办公室（政策参数 first_responder.bureau_office）",
                "the bureau office (policy first_responder.bureau_office)",
            ),
            "office_has_it": _flag(
                "由局办公室受理，或已上报局办公室（或名册中该办公室的人员）",
                "accepted by the bureau office, or reported up to it (or to a member of its staff)",
            ),
            "reported_day": _day("上报日期", "date reported up"),
            "reported_to": _text("上报至", "reported to"),
            "reported": _flag(
                "有上报记录（上报日期或上报至已登记）", "a report-up is recorded (its date or recipient)"
            ),
            "report_due_day": _day(
                "未上报的待上报期限（接待后政策参数 first_responder.report_up_working_days 个工作日）",
                "end of the pending period for reporting up (policy first_responder.report_up_working_days working days)",
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
                "待处理期限（查实后政策参数 first_responder.handling_days 日）",
                "end of the pending period for the handling (policy first_responder.handling_days days)",
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
                "报告对象的职位高低（政策参数 positions）", "rank of their position (policy positions)"
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


def _late(closed: dt.date | None, due: int | None, as_of: dt.date) -> bool | None:
    if due is None:
        return None
    return (closed.toordinal() if closed else as_of.toordinal()) > due


def _service(result: CaseFacts, entry: Entry, reference: Reference, calendar: Calendar) -> None:
    record = entry.record
    assert isinstance(record, ServiceRecord)
    parameters = reference.parameters.get("service", {})
    prompt = parameters.get("prompt_working_days")
    incomplete = not record.complete or bool(record.missing)
    clock_started = not incomplete or record.supplemented is not None
    start = max(record.date, record.supplemented) if record.supplemented else record.date
    values: dict[str, Any] = {
        "kind": record.kind,
        "matter": record.matter,
        "channel": record.channel,
        "unit": record.unit,
        "handler": record.handler,
        "in_scope": record.in_scope,
        "unlawful": record.unlawful,
        "withdrawn": record.outcome == "withdrawn",
        "time_limit": record.time_limit,
        "incomplete": incomplete,
        "missing_count": len(record.missing),
        "clock_started": clock_started,
        "day": record.date.toordinal(),
        "start_day": start.toordinal() if clock_started else None,
        "outcome": record.outcome,
        "closed_day": _ordinal(record.closed),
        "as_of": reference.as_of.toordinal(),
        "needs_report": bool(record.situations),
        "situations": "、".join(w for w, c in SITUATIONS.items() if c in record.situations) or None,
    }
    if clock_started:
        values.update(_deadline(calendar, start, record.time_limit, "due_day", "due_gap"))
        values["overdue"] = _late(record.closed, values.get("due_day"), reference.as_of)
    if record.unlawful:
        values.update(_deadline(calendar, record.date, prompt, "refusal_due_day", "refusal_gap"))
        decided = record.closed if record.outcome == "refused" else None
        if record.outcome != "refused" or decided is not None:
            values["refusal_late"] = _late(decided, values.get("refusal_due_day"), reference.as_of)
    if record.situations:
        arose = record.situation_date or record.date
        values["situation_day"] = arose.toordinal()
        values.update(_deadline(calendar, arose, prompt, "report_due_day", "report_gap"))
    result.add("service", values, [entry.source])


def _notices(result: CaseFacts, entries: list[Entry], services: list[Entry]) -> None:
    notices = sorted(
        (entry for entry in entries if isinstance(entry.record, NoticeRecord)),
        key=lambda entry: (entry.record.date, entry.source.sort_key()),  # type: ignore[attr-defined]
    )
    asking = [e for e in notices if isinstance(e.record, NoticeRecord) and e.record.items]
    first_asking = asking[0] if asking else None
    for seq, entry in enumerate(notices, start=1):
        record = entry.record
        assert isinstance(record, NoticeRecord)
        result.add(
            "notice",
            {
                "seq": seq,
                "day": record.date.toordinal(),
                "form": record.form,
                "record_no": record.record_no,
                **{f"tells_{content}": content in record.contents for content in CONTENTS},
                "asks_items": bool(record.items) or "supplement" in record.contents,
                "items_count": len(record.items),
                "first_supplement": entry is first_asking,
                "referred_to": record.referred_to,
                "wording": record.wording,
                "understood": record.understood,
                "staff": record.staff,
            },
            [entry.source],
        )
    for service in services:
        record = service.record
        assert isinstance(record, ServiceRecord)
        for item in dict.fromkeys(record.missing):
            listed_in = [n for n, e in enumerate(asking, start=1) if item in e.record.items]  # type: ignore[attr-defined]
            sources = [service.source, *(asking[n - 1].source for n in listed_in[:1])]
            result.add(
                "missing_item",
                {
                    "item": item,
                    "told_first": bool(listed_in) and listed_in[0] == 1,
                    "requested_later": bool(listed_in) and listed_in[0] > 1,
                    "requested_in": listed_in[0] if listed_in else None,
                },
                sources,
            )


def _reaches(name: str | None, office: str | None, reference: Reference) -> bool:
    """Whether a report-up recipient is the office itself or a member of its staff."""
    if name is None or office is None:
        return False
    member = reference.roster.get(name)
    return name == office or (member is not None and member.unit == office)


def _complaint(result: CaseFacts, entry: Entry, reference: Reference, calendar: Calendar) -> None:
    record = entry.record
    assert isinstance(record, ComplaintRecord)
    anonymous_words = reference.parameters.get("service", {}).get("anonymous_words", [])
    parameters = reference.parameters.get("first_responder", {})
    office = parameters.get("bureau_office")
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
        "may_concern_first_responder": record.about_first_responder is not False,
        "accepted_by": record.accepted_by,
        **unit_fields("accepted_by_", record.accepted_by, reference),
        "office": office,
        "office_has_it": (office is not None and record.accepted_by == office)
        or _reaches(record.reported_to, office, reference),
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


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    calendar = Calendar.from_parameters(reference.parameters)
    services = [entry for entry in entries if isinstance(entry.record, ServiceRecord)]
    for entry in services:
        _service(result, entry, reference, calendar)
    _notices(result, entries, services)
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
    incomplete = not record.complete or bool(record.missing)
    periods: list[tuple[dt.date, int | None]] = []
    if not incomplete or record.supplemented is not None:
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
