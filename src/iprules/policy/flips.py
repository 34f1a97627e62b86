"""Which findings of a ledger change verdict from one policy to another (`diff-policy
--ledger`): the ledger is checked under each, and the two reports are paired by case, clause
and rule as `iprules diff` pairs two checks (iprules.diff.compare)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from iprules.check import Report, check
from iprules.diff import Diff, Side, compare
from iprules.i18n import text
from iprules.policy.changes import PolicySide
from iprules.store.model import StoredFinding


def _side(side: PolicySide, report: Report) -> Side:
    return Side(
        label=text(side.label, side.label),
        policy_name=side.name,
        policy_version=side.version,
        as_of=report.as_of.isoformat(),
        findings=[
            StoredFinding.model_validate(finding.model_dump(include=set(StoredFinding.model_fields)))
            for finding in report.findings
        ],
    )


def ledger_under_both(
    ledgers: list[Path], before: PolicySide, after: PolicySide, as_of: dt.date, jobs: int | None = 1
) -> tuple[Diff, Report, Report]:
    """The pairing of the ledger's findings under `before` and under `after`, and both reports
    (their summaries say what was read and rejected)."""
    first = check(ledgers, before.policy, as_of, jobs)
    second = check(ledgers, after.policy, as_of, jobs)
    return compare(_side(before, first), _side(after, second)), first, second
