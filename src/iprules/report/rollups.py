"""The rollups as a reader sees them, in one language: for the JSON report (`rollups_view`),
the Excel sheets, and the pages (`rollups_page`: the same plus the words and the SVG charts
that `templates/rollups.html` shows, whichever page includes it).

Chinese output names clauses by the document's number and the start of their text (二（一）
“属于本单位…”), units and people by name, months as 2026-03: never a rule id.
"""

from __future__ import annotations

from typing import Any

from iprules.check import Report
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.policy.clauses import clause_label
from iprules.policy.load import Policy
from iprules.report.charts import Series, columns, rates, stacked_bars
from iprules.rollup import ClauseCounts, ClauseOnTime, Group, OnTime, Rollups

VERDICTS = ("violation", "undetermined", "compliant")
CLAUSE_EXCERPT = 14  # characters of a clause's text after its number, to tell 二（一）'s clauses apart

_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "heading": "汇总统计",
        "window": "检查窗口",
        "window_text": "本次检查的全部 {cases} 个案件（案件月份 {first} 至 {last}，审计基准日 {as_of}）",
        "no_month": "未记日期",
        "no_unit": "未记单位",
        "unit": "单位",
        "first_responder": "首问责任人",
        "handler": "首办责任人",
        "month": "月份",
        "role": "角色",
        "person": "姓名",
        "group": "分组",
        "name": "名称",
        "clause": "条款",
        "cases": "案件",
        "findings": "结论",
        "on_time": "按时",
        "late": "超时",
        "not_counted": "不计入",
        "rate": "按时率",
        "rank": "名次",
        "none": "—",
        "by_unit": "按单位",
        "by_person": "按人员",
        "by_month": "按月份（月度趋势）",
        "by_clause": "按条款",
        "ranking": "单位排名（按违规数）",
        "deadlines": "有时限的义务：按时率",
        "total": "全部",
        "chart_clause": "各条款的结论",
        "chart_unit": "各单位的结论",
        "chart_month": "各月份的结论",
        "chart_rate": "有时限义务的按时率",
        "chart_desc": "横条按结论分段：违规、无法判定、合规；数字与下表相同",
        "chart_month_desc": "每月一柱，按结论分段；案件按其最早记录日期所在月份计入；数字与下表相同",
        "chart_rate_desc": "绿色为按时，红色为超时；无法判定和与时限无关的违规不计入；数字与下表相同",
        "basis_groups": "一个结论计入其案件记录中出现的每个单位和人员（单位：单位、处理单位、配合单位、受理单位等栏；"
        "首问责任人：案卷记载的首问责任人；首办责任人：服务登记的首办责任人），一个案件涉及两个单位的两边都计，"
        "因此各单位、各人员之和可能大于全部；案件记录中没有任何单位的，列为“未记单位”。",
        "basis_month": "案件的月份：案件各记录中最早的记录日期（日期、受理日期、检查日期等）所在的月份，即事项开始的月份；"
        "只有年度、没有日期的案件列为“未记日期”。",
        "basis_on_time": "按时率：有期限、且合规即表示在期限内履行的义务（{clauses}）中，"
        "合规为按时，因期限已过而违规为超时；按时率 = 按时 ÷（按时 + 超时）。无法判定（如尚未到期、未记日期）"
        "以及与时限无关的违规（如未记录反映人）不计入，另列“不计入”。",
        "basis_ranking": "单位排名的依据：该单位所涉案件的违规结论数，从多到少；违规数相同的并列同一名次；"
        "不按案件数加权，请同时参看各单位的案件数和结论数。",
    },
    "en": {
        "heading": "Rollups",
        "window": "Audit window",
        "window_text": "All {cases} cases of this check (case months {first} to {last}, audit date {as_of})",
        "no_month": "no date",
        "no_unit": "no unit recorded",
        "unit": "Unit",
        "first_responder": "First responder",
        "handler": "Handler",
        "month": "Month",
        "role": "Role",
        "person": "Name",
        "group": "Group",
        "name": "Name",
        "clause": "Clause",
        "cases": "Cases",
        "findings": "Findings",
        "on_time": "On time",
        "late": "Late",
        "not_counted": "Not counted",
        "rate": "On-time rate",
        "rank": "Rank",
        "none": "—",
        "by_unit": "By unit",
        "by_person": "By person",
        "by_month": "By month (monthly trend)",
        "by_clause": "By clause",
        "ranking": "Units ranked by violations",
        "deadlines": "Duties with a time limit: on-time rate",
        "total": "All",
        "chart_clause": "Verdicts per clause",
        "chart_unit": "Verdicts per unit",
        "chart_month": "Verdicts per month",
        "chart_rate": "On-time rate of the duties with a time limit",
        "chart_desc": "Each bar is split by verdict: violation, undetermined, compliant; the numbers are those of the table",
        "chart_month_desc": "One column a month, split by verdict; a case counts in the month of its earliest record date; the numbers are those of the table",
        "chart_rate_desc": "Green on time, red late; undetermined findings and violations of another part of the duty are not counted; the numbers are those of the table",
        "basis_groups": "A finding counts under every unit and person its case's records name (unit: the unit, handling, "
        "cooperating and accepting unit columns; first responder: the one the case file names; handler: a service's "
        "handler); a case naming two units counts under both, so the groups may add up to more than the whole; "
        "cases naming no unit are listed as 'no unit recorded'.",
        "basis_month": "A case's month is the month of the earliest record date among its records (date, accepted, "
        "inspected …): when the matter began; a case with only a year and no date is listed as 'no date'.",
        "basis_on_time": "On-time rate: of the duties with a period whose compliant finding means the duty was "
        "done within it ({clauses}), a compliant finding is on time and a violation "
        "because the period passed is late; rate = on time / (on time + late). Undetermined findings (not yet due, no date "
        "recorded …) and violations of another part of the duty (no contact recorded) are not counted, and listed apart.",
        "basis_ranking": "Ranking basis: the number of violation findings on the unit's cases, most first; equal "
        "counts share a rank; not weighted by the number of cases, so read it with the unit's cases and findings.",
    },
}

_COLORS = {"violation": "#b00020", "undetermined": "#e08a00", "compliant": "#137333"}


def clause_name(policy: Policy, clause_id: str, lang: Lang) -> str:
    """二（一）“属于本单位业务范围…”: the number and the start of the text, so two clauses of
    one item are told apart without showing an id."""
    clause = policy.clause_by_id.get(clause_id)
    label = clause_label(clause_id)
    if clause is None:
        return label
    words = clause.text if lang == "zh" else clause.text_en
    cut = words if len(words) <= CLAUSE_EXCERPT * (1 if lang == "zh" else 3) else None
    if cut is None:
        cut = words[: CLAUSE_EXCERPT * (1 if lang == "zh" else 3)].rstrip() + "…"
    return f"{label}“{cut}”" if lang == "zh" else f'{label} "{cut}"'


def _on_time(item: OnTime) -> dict[str, Any]:
    return {"on_time": item.on_time, "late": item.late, "not_counted": item.not_counted, "rate": item.rate}


def _clause(policy: Policy, item: ClauseCounts | ClauseOnTime, lang: Lang) -> dict[str, Any]:
    return {
        "id": item.clause,
        "label": clause_label(item.clause),
        "name": clause_name(policy, item.clause, lang),
    }


def _group(policy: Policy, group: Group, lang: Lang, empty: str) -> dict[str, Any]:
    return {
        "name": group.name,
        "shown": group.name or _WORDS[lang][empty],
        "cases": group.cases,
        "findings": group.findings.model_dump(),
        "by_clause": [
            {**_clause(policy, c, lang), **{v: getattr(c, v) for v in VERDICTS}} for c in group.clauses
        ],
        "on_time": _on_time(group.on_time),
        "deadlines": [{**_clause(policy, c, lang), **_on_time(c)} for c in group.deadlines],
    }


def _period(policy: Policy, sources: list[str], lang: Lang) -> str:
    """Where a deadline duty's period comes from, in words: the clause's own time limit, or the
    named reading that gives an open word (及时, 快速) its period."""
    said = []
    for source in sources:
        if source == "clause":
            said.append("期限由条款规定" if lang == "zh" else "the period the clause sets")
        else:
            question = (
                policy.interpretations[source].question(lang) if source in policy.interpretations else ""
            )
            said.append(
                f"期限按解释 {source}（{question}）"
                if lang == "zh"
                else f"the period per reading {source} ({question})"
            )
    if not said:
        return ""
    return f"（{'；'.join(said)}）" if lang == "zh" else f" ({'; '.join(said)})"


def rollups_view(rollups: Rollups, policy: Policy, lang: Lang, as_of: str) -> dict[str, Any]:
    """The `rollups` object of the JSON report (docs/report-format.md)."""
    words = _WORDS[lang]
    window = _group(policy, rollups.window, lang, "no_unit")
    window["shown"] = words["window"]
    return {
        "basis": {
            "groups": words["basis_groups"],
            "month": words["basis_month"],
            "on_time": words["basis_on_time"].format(
                clauses=("；" if lang == "zh" else "; ").join(
                    f"{clause_label(c)}{_period(policy, rollups.deadline_periods.get(c, []), lang)}"
                    for c in rollups.deadline_clauses
                )
            ),
            "ranking": words["basis_ranking"],
        },
        "window": {
            **window,
            "first_month": rollups.first_month,
            "last_month": rollups.last_month,
            "as_of": as_of,
        },
        "units": [_group(policy, g, lang, "no_unit") for g in rollups.units],
        "first_responders": [_group(policy, g, lang, "no_unit") for g in rollups.first_responders],
        "handlers": [_group(policy, g, lang, "no_unit") for g in rollups.handlers],
        "months": [_group(policy, g, lang, "no_month") for g in rollups.months],
        "ranking": [r.model_dump() for r in rollups.ranking],
        "deadline_clauses": [
            {
                "id": c,
                "label": clause_label(c),
                "name": clause_name(policy, c, lang),
                "period": _period(policy, rollups.deadline_periods.get(c, []), lang).strip("（）() "),
            }
            for c in rollups.deadline_clauses
        ],
    }


def words(lang: Lang) -> dict[str, str]:
    return {**_WORDS[lang], **{v: VERDICT_WORDS[v](lang) for v in VERDICTS}}


def percent(rate: float | None, lang: Lang) -> str:
    return _WORDS[lang]["none"] if rate is None else f"{round(100 * rate)}%"


def rollups_page(view: dict[str, Any], lang: Lang) -> dict[str, Any]:
    """What `templates/rollups.html` expects as `rollups`: the JSON view, its words in `lang`,
    the window's text, the rates as percentages and the charts (SVG, escaped)."""
    said = words(lang)
    series = [Series(v, said[v], _COLORS[v]) for v in VERDICTS]
    window = view["window"]
    clause_rows = [(c["name"], c) for c in window["by_clause"]]
    unit_rows = [(g["shown"], g["findings"]) for g in view["units"]]
    month_rows = [(g["shown"], g["findings"]) for g in view["months"]]
    rate_rows = [(d["name"], d["on_time"], d["late"]) for d in window["deadlines"]]
    rate_rows.append((said["total"], window["on_time"]["on_time"], window["on_time"]["late"]))
    charts = {
        "clauses": stacked_bars(
            "chart-clauses", said["chart_clause"], said["chart_desc"], clause_rows, series
        ),
        "units": stacked_bars("chart-units", said["chart_unit"], said["chart_desc"], unit_rows, series),
        "months": columns("chart-months", said["chart_month"], said["chart_month_desc"], month_rows, series),
        "rates": rates("chart-rates", said["chart_rate"], said["chart_rate_desc"], rate_rows, said["none"]),
    }
    first = window["first_month"] or said["no_month"]
    last = window["last_month"] or said["no_month"]
    return {
        **view,
        "words": said,
        "verdicts": VERDICTS,
        "window_text": said["window_text"].format(
            cases=window["cases"], first=first, last=last, as_of=window["as_of"]
        ),
        "percent": lambda rate: percent(rate, lang),
        "charts": charts,
        "people": [("first_responder", view["first_responders"]), ("handler", view["handlers"])],
    }


def rollups_of(head: Report, policy: Policy, lang: Lang) -> dict[str, Any] | None:
    """What `templates/rollups.html` shows of a check, on the workbench page and in the HTML
    report: counted as it ran (`head.rollups`); None for a report made without them."""
    if head.rollups is None:
        return None
    return rollups_page(rollups_view(head.rollups, policy, lang, head.as_of.isoformat()), lang)
