"""The report as one language sees it: every renderer (text, JSON, later HTML/Excel) starts here.

Rendering once into plain dicts keeps the renderers thin and their content identical.
"""

from __future__ import annotations

from typing import Any

from iprules.check import Report
from iprules.findings import Finding
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.policy.clauses import clause_label
from iprules.policy.load import Policy

FORMAT = "iprules-report/1"


def finding_view(finding: Finding, policy: Policy, lang: Lang) -> dict[str, Any]:
    clauses = policy.clause_by_id
    return {
        "case": finding.case,
        "verdict": finding.verdict,
        "verdict_label": VERDICT_WORDS[finding.verdict](lang),
        "rule": finding.rule,
        "title": finding.title(lang),
        "clauses": [
            {
                "id": clause_id,
                "label": clause_label(clause_id),
                "text": clauses[clause_id].text,
                "text_en": clauses[clause_id].text_en,
            }
            for clause_id in finding.clauses
        ],
        "messages": [message(lang) for message in finding.messages],
        "interpretations": [
            {"id": name, "reading": policy.interpretations[name].reading(lang)}
            for name in finding.interpretations
        ],
        "evidence": [source.model_dump(exclude_none=True) for source in finding.evidence],
    }


def report_view(report: Report, policy: Policy, lang: Lang) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "lang": lang,
        "policy": report.policy.model_dump(),
        "as_of": report.as_of.isoformat(),
        "inputs": [item.model_dump() for item in report.inputs],
        "summary": report.summary.model_dump(),
        "findings": [finding_view(finding, policy, lang) for finding in report.findings],
        "rejections": [
            {**rejection.source.model_dump(exclude_none=True), "reason": rejection.reason(lang)}
            for rejection in report.rejections
        ],
    }
