"""Reading recorded checks back: the list for `iprules history`, one check's findings for
`iprules diff`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, select

from iprules.check import InputFile
from iprules.store.errors import StoreError
from iprules.store.model import StoredCheck, StoredFinding
from iprules.store.open import reading
from iprules.store.schema import checks, findings, inputs


def list_checks(engine: Engine) -> list[StoredCheck]:
    """Every recorded check, oldest first."""
    with reading(engine) as connection:
        files: dict[int, list[InputFile]] = {}
        for row in connection.execute(select(inputs).order_by(inputs.c.check_id, inputs.c.position)):
            files.setdefault(row.check_id, []).append(
                InputFile(file=row.file, bytes=row.bytes, sha256=row.sha256)
            )
        return [
            _check(row, files.get(row.id, []))
            for row in connection.execute(select(checks).order_by(checks.c.id))
        ]


def get_check(engine: Engine, check_id: int) -> StoredCheck:
    with reading(engine) as connection:
        row = connection.execute(select(checks).where(checks.c.id == check_id)).one_or_none()
        if row is None:
            raise StoreError(
                f"检查记录库中没有第 {check_id} 号检查（iprules history 列出已记录的检查）",
                f"the store has no check {check_id} (iprules history lists the recorded checks)",
            )
        files = [
            InputFile(file=r.file, bytes=r.bytes, sha256=r.sha256)
            for r in connection.execute(
                select(inputs).where(inputs.c.check_id == check_id).order_by(inputs.c.position)
            )
        ]
        return _check(row, files)


def load_findings(engine: Engine, check_id: int) -> list[StoredFinding]:
    """A recorded check's findings, in the report's order."""
    get_check(engine, check_id)
    with reading(engine) as connection:
        rows = connection.execute(
            select(findings).where(findings.c.check_id == check_id).order_by(findings.c.position)
        )
        return [
            StoredFinding.model_validate(
                {
                    "id": row.finding_id,
                    "case": row.case_id,
                    "rule": row.rule,
                    "branch": row.branch,
                    "verdict": row.verdict,
                    "clauses": row.clauses,
                    "messages": row.messages,
                    "interpretations": row.interpretations,
                    "evidence": row.evidence,
                    "affected_by": row.affected_by,
                }
            )
            for row in rows
        ]


def _check(row: Any, files: list[InputFile]) -> StoredCheck:
    recorded: dt.datetime = row.recorded_at
    if recorded.tzinfo is None:  # SQLite keeps the UTC time without its zone
        recorded = recorded.replace(tzinfo=dt.UTC)
    return StoredCheck(
        id=row.id,
        recorded_at=recorded,
        recorded_by=row.recorded_by,
        policy_name=row.policy_name,
        policy_version=row.policy_version,
        policy_title=row.policy_title,
        iprules_version=row.iprules_version,
        as_of=row.as_of,
        counts={"violation": row.violations, "undetermined": row.undetermined, "compliant": row.compliant},
        summary=row.summary,
        inputs=tuple(files),
        finding_count=row.finding_count,
    )
