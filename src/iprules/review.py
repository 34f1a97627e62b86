"""What the legal reviewer and the trainer read: clause coverage and scenarios, as text."""

from __future__ import annotations

from iprules.coverage import Coverage
from iprules.i18n import Lang
from iprules.policy.load import Policy
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


def render_clauses(coverage: Coverage, policy: Policy, lang: Lang, clause_filter: str | None = None) -> str:
    zh = lang == "zh"
    lines = []
    rule_cover = {r.rule: r for r in coverage.rules}
    for item in coverage.clauses:
        clause = item.clause
        if clause_filter and not (clause.id == clause_filter or clause.id.startswith(f"{clause_filter}-")):
            continue
        status = _STATUS[lang][item.status]
        text = clause.text if zh else clause.text_en
        lines.append(f"{clause.id:<18} {clause.label:<6} [{status}] {clause.title}")
        lines.append(f"    “{_start(text)}”" if zh else f'    "{_start(text, 60)}"')
        for rule_id in item.rules:
            cover = rule_cover[rule_id]
            mark = (
                ""
                if cover.pinned
                else (" ← 缺少合规或违规场景" if zh else " ← lacks a compliant or violating scenario")
            )
            label = "规则" if zh else "rule"
            lines.append(f"    {label} {rule_id}（{_counts(cover.verdicts, lang)}）{mark}")
        if item.scenarios:
            label = "场景" if zh else "scenarios"
            lines.append(f"    {label} {item.scenarios}（{_counts(item.verdicts, lang)}）")
        if item.waiver is not None:
            lines.append(f"    {'豁免理由' if zh else 'waived'}: {item.waiver(lang)}")
        for name in item.interpretations:
            reading = policy.interpretations[name].reading(lang)
            lines.append(f"    {'解释' if zh else 'reading'} {name}: {reading}")
    totals = coverage.totals()
    total = sum(totals.values())
    if zh:
        lines.append(
            f"\n合计：条款 {total} 条 = 已编码 {totals['encoded']} + 已豁免 {totals['waived']} + 未处理 {totals['missing']}；"
            f"规则 {len(coverage.rules)} 条，其中缺少合规或违规场景的 {sum(not r.pinned for r in coverage.rules)} 条"
        )
    else:
        lines.append(
            f"\nTotal: {total} clauses = {totals['encoded']} encoded + {totals['waived']} waived + "
            f"{totals['missing']} not accounted for; {len(coverage.rules)} rules, "
            f"{sum(not r.pinned for r in coverage.rules)} without both a compliant and a violating scenario"
        )
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
