"""What the legal reviewer and the trainer read: clause coverage and scenarios, as text."""

from __future__ import annotations

import re

from iprules.coverage import BranchCoverage, Coverage
from iprules.i18n import Lang
from iprules.policy.clauses import within
from iprules.policy.load import NotEncoded, Policy
from iprules.scenarios import Scenario

_STATUS = {
    "zh": {"encoded": "已编码", "waived": "已豁免", "missing": "未处理"},
    "en": {"encoded": "encoded", "waived": "waived", "missing": "NOT ACCOUNTED FOR"},
}
_VERDICTS = {
    "zh": {"compliant": "合规", "violation": "违规", "undetermined": "无法判定"},
    "en": {"compliant": "compliant", "violation": "violation", "undetermined": "undetermined"},
}


def _counts(verdicts: dict[str, int], lang: Lang) -> str:
    names = _VERDICTS[lang]
    return ("，" if lang == "zh" else ", ").join(f"{names[v]} {verdicts.get(v, 0)}" for v in names)


def _start(text: str, length: int = 36) -> str:
    return text if len(text) <= length else text[:length] + "…"


_PLACEHOLDER = re.compile(r"\{[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\}")


def plain_message(message: str) -> str:
    """A branch's message as a reader of the rule sees it: the values a finding fills in
    ({svc.matter}, {responder.staff} …) are not known yet, so they read as "…"."""
    return _PLACEHOLDER.sub("…", message)


def branch_words(branch: BranchCoverage, lang: Lang) -> str:
    """A branch as the reader sees it. In Chinese, its place in the rule (违规情形第2条) and
    the start of its message, never its internal name; in English, its name too."""
    alternative = branch.alternative
    where = f"{branch.rule.file}:{alternative.line}"
    if lang == "zh":
        kind = "违规情形" if alternative.kind == "violation" else "无法判定情形"
        message = plain_message(alternative.message.zh)
        return f"{kind}第{alternative.index + 1}条（{where}）“{_start(message)}”"
    message = plain_message(alternative.message.en)
    return f'{alternative.branch} ({where}) "{_start(message, 60)}"'


def render_clauses(coverage: Coverage, policy: Policy, lang: Lang, clause_filter: str | None = None) -> str:
    zh = lang == "zh"
    lines = []
    rule_cover = {r.rule: r for r in coverage.rules}
    rules = {rule.id: rule for rule in policy.rules}
    unchecked: dict[str, list[NotEncoded]] = {}
    for part in policy.not_encoded:
        unchecked.setdefault(part.clause, []).append(part)
    for item in coverage.clauses:
        clause = item.clause
        if clause_filter and not within(clause.id, clause_filter):
            continue
        status = _STATUS[lang][item.status]
        if zh:
            lines.append(f"{clause.id:<18} {clause.label:<6} [{status}] {clause.title}")
            lines.append(f"    “{_start(clause.text)}”")
        else:
            lines.append(f"{clause.id:<18} {clause.label:<6} [{status}]")
            lines.append(f'    "{_start(clause.text_en, 60)}"')
        for rule_id in item.rules:
            cover = rule_cover[rule_id]
            mark = (
                ""
                if cover.pinned
                else (" ← 缺少合规或违规场景" if zh else " ← lacks a compliant or violating scenario")
            )
            fraction = f"{cover.branches_pinned}/{len(cover.branches)}"
            if zh:
                lines.append(
                    f"    规则 {rule_id} {rules[rule_id].title.zh}（{_counts(cover.verdicts, lang)}；分支 {fraction}）{mark}"
                )
            else:
                lines.append(
                    f"    rule {rule_id} {rules[rule_id].title.en} "
                    f"({_counts(cover.verdicts, lang)}; branches {fraction}){mark}"
                )
            for branch in cover.unpinned():
                lines.append(
                    f"      未被场景固定：{branch_words(branch, lang)}"
                    if zh
                    else f"      not pinned: {branch_words(branch, lang)}"
                )
        if item.scenarios:
            counts = _counts(item.verdicts, lang)
            lines.append(
                f"    场景 {item.scenarios}（{counts}）"
                if zh
                else f"    scenarios {item.scenarios} ({counts})"
            )
        if item.waiver is not None:
            lines.append(f"    {'豁免理由' if zh else 'waived'}: {item.waiver(lang)}")
        for part in unchecked.get(clause.id, []):
            lines.append(
                f"    未编码的部分：“{part.part.zh}”——{part.reason.zh}"
                if zh
                else f'    not encoded: "{part.part.en}" ({part.part.zh}) — {part.reason.en}'
            )
        for name in item.interpretations:
            reading = policy.interpretations[name].reading(lang)
            lines.append(f"    解释：{reading}" if zh else f"    reading {name}: {reading}")
    totals = coverage.totals()
    total = sum(totals.values())
    pinned, branches = coverage.branch_totals()
    unpinned_rules = sum(not r.pinned for r in coverage.rules)
    if zh:
        lines.append(
            f"\n合计：条款 {total} 条 = 已编码 {totals['encoded']} + 已豁免 {totals['waived']} + 未处理 {totals['missing']}；"
            f"规则 {len(coverage.rules)} 条，其中缺少合规或违规场景的 {unpinned_rules} 条；"
            f"分支 {pinned}/{branches} 已被场景固定"
        )
    else:
        lines.append(
            f"\nTotal: {total} clauses = {totals['encoded']} encoded + {totals['waived']} waived + "
            f"{totals['missing']} not accounted for; {len(coverage.rules)} rules, "
            f"{unpinned_rules} without both a compliant and a violating scenario; "
            f"branches {pinned}/{branches} pinned by a scenario"
        )
    unpinned = [
        branch
        for branch in coverage.unpinned_branches()
        if not clause_filter or any(within(c, clause_filter) for c in branch.rule.clauses)
    ]
    if unpinned:
        lines.append("未被场景固定的分支：" if zh else "Branches no scenario pins:")
        lines += [f"  {branch.rule.id} {branch_words(branch, lang)}" for branch in unpinned]
    for failure in coverage.failing:
        lines.append(("场景未通过：" if zh else "failing scenario: ") + failure)
    return "\n".join(lines) + "\n"


def render_scenarios(scenarios: list[Scenario], lang: Lang) -> str:
    zh = lang == "zh"
    lines: list[str] = []
    for scenario in scenarios:
        lines.append(f"{scenario.clause}  {scenario.name}  ({scenario.file}:{scenario.line})")
        for table in scenario.tables:
            lines.append(f"    {'台账' if zh else 'ledger'} {table.kind}:")
            lines += ["      | " + " | ".join(row) + " |" for row in table.rows]
        for expectation in scenario.expectations:
            target = expectation.rule or expectation.clause
            if expectation.verdict is None:
                lines.append(f"    ⇒ {expectation.case}: {'不适用' if zh else 'not applicable'} {target}")
            else:
                lines.append(f"    ⇒ {expectation.case} {target}: {_VERDICTS[lang][expectation.verdict]}")
        lines.append("")
    return "\n".join(lines)
