"""Recording a check: the check, its inputs and every finding, in one transaction.

A process killed half-way (power cut, SIGKILL) leaves nothing: the database rolls the open
transaction back (SQLite's journal, PostgreSQL's WAL), so a check is in the store whole or
not at all. The check's row says how many findings it has, and the count is compared with the
rows written before the commit: a check is never committed short.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, insert, update

from iprules.check import Report
from iprules.results import PackedFinding, PackedSource
from iprules.store.schema import checks, findings, inputs

BATCH = 1_000  # findings per INSERT: bounded memory, few round trips


def record_check(
    engine: Engine,
    head: Report,
    found: Iterable[PackedFinding],
    clauses: Mapping[str, tuple[str, ...]],
    by: str,
    now: dt.datetime | None = None,
) -> int:
    """Record `head` (a report; its own findings list is not read) with `found`, the check's
    findings; `clauses`: each rule's clause ids. Returns the new check's id."""
    counts = head.summary.findings
    expected = sum(counts.values())
    with engine.begin() as connection:
        check_id = _insert_check(connection, head, by, now or dt.datetime.now(dt.UTC))
        if head.inputs:
            connection.execute(
                insert(inputs),
                [
                    {
                        "check_id": check_id,
                        "position": n,
                        "file": i.file,
                        "bytes": i.bytes,
                        "sha256": i.sha256,
                    }
                    for n, i in enumerate(head.inputs)
                ],
            )
        written = 0
        rows = _rows(check_id, found, clauses)
        while batch := list(islice(rows, BATCH)):
            connection.execute(insert(findings), batch)
            written += len(batch)
        if written != expected:
            raise RuntimeError(f"check has {expected} findings but {written} were given; nothing recorded")
        connection.execute(update(checks).where(checks.c.id == check_id).values(finding_count=written))
    return check_id


def _insert_check(connection: Connection, head: Report, by: str, now: dt.datetime) -> int:
    counts = head.summary.findings
    result = connection.execute(
        insert(checks).values(
            recorded_at=now,
            recorded_by=by,
            policy_name=head.policy.name,
            policy_version=head.policy.version,
            policy_title=head.policy.title,
            iprules_version=head.policy.iprules,
            as_of=head.as_of,
            violations=counts.get("violation", 0),
            undetermined=counts.get("undetermined", 0),
            compliant=counts.get("compliant", 0),
            summary=head.summary.model_dump(mode="json"),
            finding_count=0,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _places(places: tuple[PackedSource, ...]) -> list[dict[str, Any]]:
    return [
        {"file": file, "line": line} if sheet is None else {"file": file, "line": line, "sheet": sheet}
        for file, line, sheet in places
    ]


def _rows(
    check_id: int, found: Iterable[PackedFinding], clauses: Mapping[str, tuple[str, ...]]
) -> Iterator[dict[str, Any]]:
    for position, packed in enumerate(found):
        case, verdict, rule, messages, evidence, branch, readings, affected_by, finding_id = packed
        yield {
            "check_id": check_id,
            "position": position,
            "finding_id": finding_id,
            "case_id": case,
            "rule": rule,
            "branch": branch,
            "verdict": verdict,
            "clauses": list(clauses.get(rule, ())),
            "messages": [{"zh": zh, "en": en} for zh, en in messages],
            "interpretations": list(readings),
            "evidence": _places(evidence),
            "affected_by": _places(affected_by),
        }
