"""One case, every rule: which applied, with what verdict, on which records, and why; and
which rules did not apply to it. For an auditor who wants the reasoning of one case."""

from __future__ import annotations

from iprules.check import Report
from iprules.i18n import Lang
from iprules.policy.load import Policy
from iprules.report.text import render_text


def render_case(report: Report, policy: Policy, case: str, lang: Lang) -> str:
    zh = lang == "zh"
    mine = [finding for finding in report.findings if finding.case == case]
    narrowed = report.model_copy(update={"findings": mine, "rejections": []})
    text = render_text(narrowed, policy, lang).split("\n\n", 1)
    body = text[1].rsplit("\n\n", 1)[0] if len(text) > 1 and mine else ""
    applied = {finding.rule for finding in mine}
    lines = [f"{'案件' if zh else 'Case'} {case}: {len(mine)} {'条规则适用' if zh else 'rules applied'}"]
    if body:
        lines += [body]
    idle = [rule for rule in policy.rules if rule.id not in applied]
    if idle:
        lines.append(
            "不适用的规则（本案没有使其适用的记录）："
            if zh
            else "Rules that did not apply (no records made them apply):"
        )
        lines += [f"  {rule.id}: {rule.title(lang)}" for rule in idle]
    return "\n".join(lines) + "\n"
