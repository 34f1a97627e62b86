"""The JSON report: the documented, stable shape (see docs/report-format.md)."""

from __future__ import annotations

import json

from iprules.check import Report
from iprules.i18n import Lang
from iprules.policy.load import Policy
from iprules.report.view import report_view


def render_json(report: Report, policy: Policy, lang: Lang) -> str:
    return json.dumps(report_view(report, policy, lang), ensure_ascii=False, indent=2) + "\n"
