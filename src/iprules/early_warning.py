"""预警: the open matters whose deadline is near (将到期) or has passed (已逾期), by unit and person.

A warning is only as good as its deadline, so it computes none of its own: it reads the very
facts the rules are given (`iprules.facts`, the same roster, policy parameters, official
calendar and audit-date screening as `iprules check`) and takes the deadline from the field
the rule compares with —

| rule | clause | deadline (fact field) | still owed while |
| --- | --- | --- | --- |
| service-within-time-limit | 二（一） | service `due_day` | no outcome and no closing date |
| unlawful-request-refused-with-reason-and-basis | 三.3 | service `refusal_due_day` | no outcome and no closing date |
| difficult-matter-reported-to-leadership | 三.5 | service `report_due_day` | no report (to leadership, or to someone the roster cannot rank) on or after the day the situation arose |
| complaint-recorded-and-reported | 二（四） | complaint `report_due_day` | no report-up recorded, and not accepted by the bureau office |
| verified-breach-dealt-with | 二（五） | complaint `handling_due_day` | verified, no handling recorded |
| key-enterprise-case-speed | 五（四） | dispute `speed_due_day` | not yet decided or closed (whether it is owed — a key enterprise's, this bureau's — the rule says) |

A matter is warned (将到期 / 已逾期) only when the rule itself would say 违规 once its
deadline passes: the case is checked again, on the same records, as of the day after the
deadline (`_at_deadline`), and the rule's finding on that very fact decides. Where it would say
无法判定 (whether the matter is within the unit's remit not recorded, whether the materials
were complete not recorded, whether the enterprise is a key one or which unit handled the
case not recorded…) the matter is listed under 期限无法确定 with the rule's own reason; where
it would say 合规 or not apply, no duty is owed and nothing is listed. So the warning repeats
none of the rule's conditions: it asks the rule.

A matter still owed whose deadline the records cannot give (no time limit recorded, the
materials not yet completed, a year the calendar does not know, no date of verification…)
is listed apart, with the reason: never dropped. A deadline before the audit date is
overdue (the rule's verdict from the next day on: the day itself is still in time); one on
or before the N-th working day after the audit date is due soon. Who answers for a matter is
read from its records as for the 整改台账 (`iprules.rectify.responsible`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from iprules.as_of import screen
from iprules.calendar import Calendar, OutsideCalendar
from iprules.check import reference_for
from iprules.facts import CaseFacts, case_facts
from iprules.facts.disputes import MATTERS
from iprules.facts.service import COMPLAINT_WORDS
from iprules.findings import Finding
from iprules.i18n import Lang, Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.model import StaffRecord
from iprules.ledger.read import read_ledgers, require_file
from iprules.ledger.record import CaseRecord
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.parallel import CaseChecker
from iprules.policy.clauses import clause_label
from iprules.policy.load import Policy
from iprules.rectify import responsible

Status = Literal["overdue", "due_soon"]
STATUS_WORDS: dict[str, Text] = {
    "overdue": text("已逾期", "overdue"),
    "due_soon": text("将到期", "due soon"),
}
TIMELY = "service-within-time-limit"
REFUSAL = "unlawful-request-refused-with-reason-and-basis"
LEADERSHIP = "difficult-matter-reported-to-leadership"
REPORT_UP = "complaint-recorded-and-reported"
HANDLING = "verified-breach-dealt-with"
SPEED = "key-enterprise-case-speed"
# duties listed for every undecided matter of their kind, whose rule decides whether they are
# owed at all: one with no deadline is listed only if the rule applies to it on the audit date
ASKED_NOW = frozenset({SPEED})
OUTSIDE_CALENDAR = (
    "the deadline cannot be counted: its year is outside the official holiday calendar (iprules calendar)"
)


class Matter(BaseModel):
    """One duty still owed: its deadline and where it stands, or why it has none."""

    model_config = ConfigDict(frozen=True)

    case: str
    rule: str
    clause: str
    title: Text
    what: Text
    unit: str | None
    person: str | None
    records: tuple[Source, ...]
    deadline: dt.date | None = None
    status: Status | None = None
    # working days from the audit date to the deadline: left (0 = due on the audit date),
    # negative once past; None when the calendar cannot count them
    working_days: int | None = None
    reason: Text | None = None  # why the deadline cannot be told (then deadline is None)


class EarlyWarning(BaseModel):
    model_config = ConfigDict(frozen=True)

    policy: str
    version: str
    as_of: dt.date
    within: int
    window_end: dt.date | None  # the N-th working day after the audit date, when countable
    matters: list[Matter]  # overdue and due soon
    unknown: list[Matter]  # 期限无法确定
    records_read: int
    records_rejected: int  # not read, or set aside as dated after the audit date

    @property
    def overdue(self) -> list[Matter]:
        return [m for m in self.matters if m.status == "overdue"]


def warn(paths: list[Path], policy: Policy, as_of: dt.date, within: int) -> EarlyWarning:
    """The warning for the ledgers `paths` on `as_of`: due soon is at most `within` working
    days left."""
    for path in paths:
        require_file(path)
    calendar = Calendar.from_parameters(policy.parameters)
    try:
        window_end: dt.date | None = calendar.deadline(as_of, within)
    except OutsideCalendar:
        window_end = None  # the matters are still placed, each by the days it can count
    staff: list[Entry] = []
    cases: dict[str, list[Entry]] = {}
    read = rejected = 0
    for item in read_ledgers(paths):
        if not isinstance(item, (Entry, Rejection)):
            continue  # a reader's warning: `iprules check` lists them
        read += 1
        if isinstance(item, Rejection):
            rejected += 1
            continue
        if isinstance(item.record, StaffRecord):
            staff.append(item)
            continue
        screened = screen(item, as_of)
        if screened.entry is None:
            rejected += 1
            continue
        record = screened.entry.record
        assert isinstance(record, CaseRecord)
        cases.setdefault(record.case, []).append(screened.entry)
    reference, _ = reference_for(policy, staff, as_of, [])
    rules = {rule.id: rule for rule in policy.rules}
    roster = reference.roster
    checkers: dict[dt.date, CaseChecker] = {}

    def at_deadline(case: str, entries: list[Entry], due: dt.date) -> list[Finding]:
        """The case's findings as they would stand the day after `due`, on the same records."""
        day = due + dt.timedelta(days=1)
        if day not in checkers:
            later = dataclasses.replace(reference, as_of=max(day, as_of))
            checkers[day] = CaseChecker(policy.rules, later, policy.name)
        return checkers[day].check(case, entries)

    today = CaseChecker(policy.rules, reference, policy.name)

    def checkers_now(case: str, entries: list[Entry]) -> list[Finding]:
        return today.check(case, entries)

    found: list[Matter] = []
    for case, entries in cases.items():
        facts = case_facts(case, entries, reference)
        records = {entry.source: entry.record for entry in entries}
        for fact in facts.facts:
            for rule_id, due, reason in _duties(fact, facts, policy.parameters):
                rule = rules.get(rule_id)
                if rule is None:
                    continue  # a policy without the rule owes no such deadline
                sources = facts.sources[fact["id"]]
                unit, person = responsible([records[s] for s in sources if s in records], roster)
                matter = Matter(
                    case=case,
                    rule=rule_id,
                    clause=rule.clauses[0],
                    title=rule.title,
                    what=_what(fact),
                    unit=unit,
                    person=person,
                    records=sources,
                    reason=reason,
                )
                if due is None and rule_id in ASKED_NOW:
                    now = _verdict(checkers_now(case, entries), rule_id, sources)
                    if now is None or now.verdict == "compliant":
                        continue  # the rule does not apply to it: nothing is owed
                if due is not None:
                    deadline = dt.date.fromordinal(due)
                    matter = _placed(matter, deadline, as_of, within, calendar)
                    if matter.status is None and matter.reason is None:
                        continue
                    verdict = _verdict(at_deadline(case, entries, deadline), rule_id, sources)
                    if verdict is None or verdict.verdict == "compliant":
                        continue  # once due, the rule would find nothing owed
                    if verdict.verdict == "undetermined":
                        matter = _undecidable(matter, verdict)
                found.append(matter)
    return EarlyWarning(
        policy=policy.name,
        version=policy.version,
        as_of=as_of,
        within=within,
        window_end=window_end,
        matters=sorted((m for m in found if m.status), key=_order),
        unknown=sorted((m for m in found if not m.status), key=_order),
        records_read=read,
        records_rejected=rejected,
    )


def _verdict(findings: list[Finding], rule: str, sources: tuple[Source, ...]) -> Finding | None:
    """The rule's finding on the fact these records stand for (None: the rule does not apply)."""
    wanted = set(sources)
    for finding in findings:
        if finding.rule == rule and wanted <= set(finding.evidence):
            return finding
    return None


def _undecidable(matter: Matter, finding: Finding) -> Matter:
    """A matter whose rule would say 无法判定 once due: listed under 期限无法确定, with the
    rule's reason (its deadline kept, as information; no status, so never overdue)."""
    zh = "；".join(m.zh for m in finding.messages)
    en = "; ".join(m.en for m in finding.messages)
    return matter.model_copy(
        update={
            "status": None,
            "working_days": None,
            "reason": text(
                f"期限 {matter.deadline} 届满后，规则的结论仍为无法判定：{zh}",
                f"once the deadline {matter.deadline} has passed the rule still cannot decide: {en}",
            ),
        }
    )


def _placed(matter: Matter, due: dt.date, as_of: dt.date, within: int, calendar: Calendar) -> Matter:
    """Overdue when the deadline is before the audit date; due soon when at most `within`
    working days are left; else not warned (status None). Days the calendar cannot count
    make a not-yet-passed deadline one whose nearness cannot be told (a reason, no status)."""
    try:
        days: int | None = calendar.working_days_between(as_of, due)
    except OutsideCalendar as outside:
        days = None
        if due >= as_of:
            return matter.model_copy(
                update={
                    "deadline": due,
                    "reason": text(
                        f"期限为 {due}，但到期前的工作日无法计算：{outside.reason.zh}",
                        f"due {due}, but the working days until then cannot be counted: {outside.reason.en}",
                    ),
                }
            )
    status: Status | None = None
    if due < as_of:
        status = "overdue"
    elif days is not None and days <= within:
        status = "due_soon"
    return matter.model_copy(update={"deadline": due, "status": status, "working_days": days})


def _order(matter: Matter) -> tuple[Any, ...]:
    return (
        matter.unit is None,
        matter.unit or "",
        matter.person is None,
        matter.person or "",
        matter.status != "overdue",
        matter.deadline or dt.date.max,
        matter.case,
        matter.clause,
    )


def _gap(fact: Mapping[str, Any], field: str) -> Text | None:
    gap = fact.get(field)
    return text(f"期限无法计算：{gap}", OUTSIDE_CALENDAR) if gap else None


def _duties(
    fact: Mapping[str, Any], facts: CaseFacts, parameters: Mapping[str, Any]
) -> Iterator[tuple[str, int | None, Text | None]]:
    """(rule, deadline ordinal, None) for each duty of `fact` still owed, or (rule, None,
    why the records cannot give its deadline)."""
    kind = fact["type"]
    if kind == "service":
        yield from _service_duties(fact, facts, parameters)
    elif kind == "complaint":
        if not fact.get("reported") and not fact.get("office_accepted"):
            if "report_due_day" in fact:
                yield REPORT_UP, fact["report_due_day"], None
            else:
                yield (
                    REPORT_UP,
                    None,
                    _gap(fact, "report_gap")
                    or text(
                        "政策未设待上报期限（政策参数中未填上报期限的工作日数）",
                        "the policy sets no report-up period (first_responder.report_up_working_days)",
                    ),
                )
        if fact.get("verified") and "handling" not in fact:
            if "handling_due_day" in fact:
                yield HANDLING, fact["handling_due_day"], None
            elif "verified_day" not in fact:
                yield (
                    HANDLING,
                    None,
                    text("记为经查实，但未记录查实日期", "marked verified, with no date of verification"),
                )
            else:
                yield (
                    HANDLING,
                    None,
                    text(
                        "政策未设待处理期限（政策参数中未填查实后处理期限的日数）",
                        "the policy sets no handling period (first_responder.handling_days)",
                    ),
                )
    elif kind == "dispute" and not fact["decided"]:
        # whether 五（四） is owed at all (a key enterprise's case this bureau handles, or one
        # the records leave open) is the rule's to say: `warn` asks it (ASKED_NOW)
        if "speed_due_day" in fact:
            yield SPEED, fact["speed_due_day"], None
        else:
            yield SPEED, None, text("未记录受理（立案）日期", "no filing date recorded")


def _service_duties(
    fact: Mapping[str, Any], facts: CaseFacts, parameters: Mapping[str, Any]
) -> Iterator[tuple[str, int | None, Text | None]]:
    still_open = "outcome" not in fact and "closed_day" not in fact
    if still_open and fact["kind"] == "business" and fact["scope"] != "out" and not fact["unlawful"]:
        if fact["clock"] == "waiting":
            yield (
                TIMELY,
                None,
                text(
                    "受理时手续不齐全、尚未补齐：承诺时限自补齐之日起算",
                    "incomplete at acceptance and not yet completed: the time limit runs from completion",
                ),
            )
        elif "due_day" in fact:
            yield TIMELY, fact["due_day"], None
        else:
            yield (
                TIMELY,
                None,
                _gap(fact, "due_gap") or text("未登记承诺时限", "no committed time limit recorded"),
            )
    if still_open and fact["unlawful"]:
        if "refusal_due_day" in fact:
            yield REFUSAL, fact["refusal_due_day"], None
        else:
            yield (
                REFUSAL,
                None,
                _gap(fact, "refusal_gap")
                or text(
                    "政策未设“及时”的期限（政策参数中未填“及时”的工作日数）",
                    "the policy sets no prompt period (service.prompt_working_days)",
                ),
            )
    if fact.get("needs_report") and not _reported(fact, facts, parameters):
        if "report_due_day" in fact:
            yield LEADERSHIP, fact["report_due_day"], None
        else:
            yield (
                LEADERSHIP,
                None,
                _gap(fact, "report_gap")
                or text(
                    "政策未设“及时”的期限（政策参数中未填“及时”的工作日数）",
                    "the policy sets no prompt period (service.prompt_working_days)",
                ),
            )


def _reported(fact: Mapping[str, Any], facts: CaseFacts, parameters: Mapping[str, Any]) -> bool:
    """三.5 done: a report on or after the day the situation arose, to leadership — or to
    someone the roster cannot rank (whether that is leadership is the check's question, and
    says 无法判定; the report itself was made)."""
    lowest = parameters.get("service", {}).get("leadership_rank")
    arose = fact.get("situation_day", fact["day"])
    for other in facts.facts:
        if other["type"] != "leader_report" or other["day"] < arose:
            continue
        rank = other.get("to_rank")
        if rank is None or lowest is None or rank >= lowest:
            return True
    return False


def _what(fact: Mapping[str, Any]) -> Text:
    """The matter in words, as a reader finds it in the ledger."""
    day = dt.date.fromordinal(fact["day"]).isoformat() if fact.get("day") else None
    if fact["type"] == "service":
        return text(
            f"“{fact.get('matter') or '（事项未记录）'}”" + (f"（{day}受理）" if day else ""),
            f"'{fact.get('matter') or '(matter not recorded)'}'" + (f" (accepted {day})" if day else ""),
        )
    if fact["type"] == "complaint":
        kind = COMPLAINT_WORDS.get(fact.get("kind", ""), text("投诉举报", "complaint"))
        problem = fact.get("problem")
        return text(
            f"{day}接待的{kind.zh}" + (f"（{problem}）" if problem else ""),
            f"the {kind.en} received on {day}" + (f" ({problem})" if problem else ""),
        )
    matter = MATTERS.get(fact.get("matter", ""), text("案件", "case"))
    enterprise = fact.get("enterprise") or "（企业未记录）"
    return text(
        f"{enterprise}的{matter.zh}" + (f"（{day}受理）" if day else ""),
        f"{enterprise}'s {matter.en}" + (f" (filed {day})" if day else ""),
    )


# --- what the command prints -------------------------------------------------------------

UNRECORDED = text("（台账未记录）", "(not recorded)")


def counts(warning: EarlyWarning) -> dict[str, int]:
    overdue = len(warning.overdue)
    return {"overdue": overdue, "due_soon": len(warning.matters) - overdue, "unknown": len(warning.unknown)}


def _days(matter: Matter, lang: Lang) -> str:
    days = matter.working_days
    if days is None:
        return ""
    zh = lang == "zh"
    if matter.status == "overdue" and days >= 0:
        # past the deadline with no working day since: the day given is a rest day right
        # after it (a deadline on an adjusted working Saturday, or a calendar-day one in a
        # holiday) — overdue, and not "due today"
        return "，期限已过；今日为非工作日" if zh else ", past its deadline; today is not a working day"
    if days < 0:
        return f"，已逾期 {-days} 个工作日" if zh else f", {-days} working days overdue"
    if days == 0:
        return "，今日到期" if zh else ", due today"
    return f"，剩 {days} 个工作日" if zh else f", {days} working days left"


def _records(matter: Matter, lang: Lang) -> str:
    places = (
        "，".join(str(s) for s in matter.records)
        if lang == "zh"
        else ", ".join(str(s) for s in matter.records)
    )
    return ("记录：" if lang == "zh" else "records: ") + places


def groups(matters: Iterable[Matter], lang: Lang) -> list[tuple[str, str, list[Matter]]]:
    """(unit, person, matters) in the warning's order, names as a reader sees them."""
    grouped: list[tuple[str, str, list[Matter]]] = []
    for matter in matters:
        unit, person = matter.unit or UNRECORDED(lang), matter.person or UNRECORDED(lang)
        if grouped and grouped[-1][:2] == (unit, person):
            grouped[-1][2].append(matter)
        else:
            grouped.append((unit, person, [matter]))
    return grouped


def render_warning(warning: EarlyWarning, lang: Lang) -> str:
    zh = lang == "zh"
    n = counts(warning)
    lines = [
        f"预警：政策 {warning.policy}，审计基准日 {warning.as_of}；期限在 {warning.within} 个工作日内"
        + (f"（至 {warning.window_end}）" if warning.window_end else "")
        + "的为将到期，已过的为已逾期"
        if zh
        else f"Early warning: policy {warning.policy}, audit date {warning.as_of}; due within "
        f"{warning.within} working days"
        + (f" (by {warning.window_end})" if warning.window_end else "")
        + " is due soon, past is overdue",
        f"已逾期 {n['overdue']} 项，将到期 {n['due_soon']} 项，期限无法确定 {n['unknown']} 项"
        if zh
        else f"{n['overdue']} overdue, {n['due_soon']} due soon, {n['unknown']} with no deadline that can be told",
    ]
    if warning.records_rejected:
        lines.append(
            f"注意：{warning.records_rejected} 条记录未能读入或晚于审计基准日，其中的事项未列出（iprules check 列出原因）"
            if zh
            else f"Note: {warning.records_rejected} records could not be read or are dated after the audit date; "
            "their matters are not listed (iprules check says why)"
        )
    if not warning.matters and not warning.unknown:
        lines.append("没有将到期或已逾期的未办结事项" if zh else "No open matter is due soon or overdue")
    for unit, person, matters in groups(warning.matters, lang):
        lines += ["", f"{unit} / {person}"]
        for m in matters:
            lines.append(
                f"  {STATUS_WORDS[m.status or 'due_soon'](lang)}  {m.case}  {clause_label(m.clause)}  "
                + (f"期限 {m.deadline}" if zh else f"deadline {m.deadline}")
                + _days(m, lang)
            )
            lines.append(f"      {m.what(lang)}{'：' if zh else ': '}{m.title(lang)}")
            lines.append(f"      {_records(m, lang)}")
    if warning.unknown:
        lines += [
            "",
            f"期限无法确定（{len(warning.unknown)} 项）"
            if zh
            else f"No deadline can be told ({len(warning.unknown)})",
        ]
        for m in warning.unknown:
            lines.append(
                f"  {m.case}  {clause_label(m.clause)}  {m.unit or UNRECORDED(lang)} / {m.person or UNRECORDED(lang)}"
            )
            lines.append(f"      {m.what(lang)}{'：' if zh else ': '}{m.title(lang)}")
            lines.append(f"      {'原因：' if zh else 'why: '}{m.reason(lang) if m.reason else ''}")
            lines.append(f"      {_records(m, lang)}")
    return "\n".join(lines) + "\n"


def _matter_json(matter: Matter, lang: Lang) -> dict[str, Any]:
    return {
        "case": matter.case,
        "rule": matter.rule,
        "clause": matter.clause,
        "clause_label": clause_label(matter.clause),
        "title": matter.title(lang),
        "what": matter.what(lang),
        "unit": matter.unit,
        "person": matter.person,
        "deadline": matter.deadline.isoformat() if matter.deadline else None,
        "status": matter.status,
        "status_label": STATUS_WORDS[matter.status](lang) if matter.status else None,
        "working_days": matter.working_days,
        "reason": matter.reason(lang) if matter.reason else None,
        "records": [{"file": s.file, "line": s.line, "sheet": s.sheet} for s in matter.records],
    }


def warning_json(warning: EarlyWarning, lang: Lang) -> dict[str, Any]:
    """`iprules-warn/1`: the matters overdue and due soon, and those whose deadline is unknown."""
    return {
        "format": "iprules-warn/1",
        "policy": {"name": warning.policy, "version": warning.version},
        "as_of": warning.as_of.isoformat(),
        "within": warning.within,
        "window_end": warning.window_end.isoformat() if warning.window_end else None,
        "counts": counts(warning),
        "records_read": warning.records_read,
        "records_rejected": warning.records_rejected,
        "matters": [_matter_json(m, lang) for m in warning.matters],
        "unknown": [_matter_json(m, lang) for m in warning.unknown],
    }
