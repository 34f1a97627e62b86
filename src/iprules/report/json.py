"""The JSON report: the documented, stable shape (see docs/report-format.md).

Written as the findings are read, one finding at a time (orjson, two-space indent, the same
bytes as `json.dumps(view, ensure_ascii=False, indent=2)`), so a million-record report is
never one string in memory.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

import orjson

from iprules.check import Report
from iprules.i18n import Lang
from iprules.policy.load import Policy
from iprules.report.view import PackedView, clause_totals, finding_view, report_view, rule_clause_totals
from iprules.results import PackedFinding

_INDENT = orjson.OPT_INDENT_2
# where the (empty) findings list sits in the report rendered without its findings: a newline
# inside a string is escaped, so only the top-level key can look like this
_FINDINGS = b'\n  "findings": []'


def write_json(
    head: Report,
    by_clause: list[dict[str, Any]],
    findings: Iterable[dict[str, Any]],
    policy: Policy,
    lang: Lang,
    write: Callable[[bytes], Any],
) -> None:
    """The report of `head` (its own findings not used) with the findings' views, to `write`."""
    view = report_view(head.model_copy(update={"findings": []}), policy, lang)
    view["by_clause"] = by_clause
    before, found, after = orjson.dumps(view, option=_INDENT).partition(_FINDINGS)
    assert found, "the report's shape has a top-level findings list"
    write(before + b'\n  "findings": [')
    dumps = orjson.dumps
    chunk: list[bytes] = []
    size = 0
    separator = b"\n    "
    for finding in findings:
        item = separator + dumps(finding, option=_INDENT).replace(b"\n", b"\n    ")
        chunk.append(item)
        size += len(item)
        separator = b",\n    "
        if size >= 1 << 20:
            write(b"".join(chunk))
            chunk = []
            size = 0
    chunk.append(b"]" if separator == b"\n    " else b"\n  ]")
    write(b"".join(chunk) + after + b"\n")


def stream_json(
    head: Report,
    rule_verdicts: dict[tuple[str, str], int],
    findings: Iterable[PackedFinding],
    policy: Policy,
    lang: Lang,
    write: Callable[[bytes], Any],
) -> None:
    """The report of a check whose findings are read back packed (`iprules.check.Checked`)."""
    view = PackedView(policy, lang)
    write_json(head, rule_clause_totals(rule_verdicts, policy), map(view, findings), policy, lang, write)


def render_json(report: Report, policy: Policy, lang: Lang) -> str:
    out = io.BytesIO()
    views = (finding_view(finding, policy, lang) for finding in report.findings)
    write_json(report, clause_totals(report, policy), views, policy, lang, out.write)
    return out.getvalue().decode("utf-8")
