"""Cases checked across processes, each with its own engine (`iprules check --jobs N`).

Cases are independent (one state per case, no join crosses cases), so they can be checked
anywhere in any order; the report sorts them by case afterwards, which makes `--jobs N`
byte-for-byte the same as `--jobs 1`. durable_rules is single-threaded C behind a global
handle table, so processes, not threads. Workers are spawned (not forked: a forked child
would inherit the parent's engine state) and get the policy and the roster once; cases go
to them in batches as plain values, and findings come back as plain values, because
pickling pydantic models costs more than checking the case.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator

from iprules.cases import CaseSpool, Packed, unpack
from iprules.engine import Engine
from iprules.facts import Reference, case_facts
from iprules.findings import Finding, assemble
from iprules.ledger.entry import Entry
from iprules.policy.compile import CompiledPolicy, compile_rules
from iprules.policy.rules import Rule

# Below this many cases a pool costs more (start-up ~0.3 s a worker) than it saves.
MIN_CASES_FOR_POOL = 2_000
BATCH = 250


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class CaseChecker:
    """One process's engine for one policy and roster."""

    def __init__(self, rules: list[Rule], reference: Reference) -> None:
        self.rules = rules
        self.reference = reference
        self.compiled: CompiledPolicy = compile_rules(rules)
        self.engine = Engine(self.compiled)

    def check(self, case: str, entries: list[Entry]) -> list[Finding]:
        facts = case_facts(case, entries, self.reference)
        return assemble(facts, self.engine.run_case(case, facts.facts), self.rules, self.compiled)


# --- findings as plain values ------------------------------------------------------------

PackedFinding = tuple[str, str, str, tuple[tuple[str, str], ...], tuple[tuple[str, int, str | None], ...]]


def _pack_finding(finding: Finding) -> PackedFinding:
    return (
        finding.case,
        finding.verdict,
        finding.rule,
        tuple((m.zh, m.en) for m in finding.messages),
        tuple((s.file, s.line, s.sheet) for s in finding.evidence),
    )


def _unpack_finding(packed: PackedFinding, rules: dict[str, Rule]) -> Finding:
    """Validation from plain values runs in pydantic-core: faster than `model_construct`."""
    case, verdict, rule_id, messages, evidence = packed
    rule = rules[rule_id]
    return Finding.model_validate(
        {
            "case": case,
            "verdict": verdict,
            "rule": rule_id,
            "clauses": rule.clauses,
            "title": rule.title,
            "messages": [{"zh": zh, "en": en} for zh, en in messages],
            "interpretations": rule.interpretations,
            "evidence": [{"file": f, "line": n, "sheet": s} for f, n, s in evidence],
        }
    )


# --- the worker side ----------------------------------------------------------------------

_worker: CaseChecker | None = None


def _start_worker(rules: list[Rule], reference: Reference) -> None:
    global _worker
    _worker = CaseChecker(rules, reference)


def _check_batch(batch: list[tuple[str, list[Packed]]]) -> list[tuple[str, list[PackedFinding]]]:
    assert _worker is not None, "worker not started"
    return [
        (case, [_pack_finding(f) for f in _worker.check(case, [unpack(p) for p in packed])])
        for case, packed in batch
    ]


# --- the parent side ----------------------------------------------------------------------


def _batches(groups: Iterable[dict[str, list[Packed]]]) -> Iterator[list[tuple[str, list[Packed]]]]:
    batch: list[tuple[str, list[Packed]]] = []
    for group in groups:
        for case, packed in group.items():
            batch.append((case, packed))
            if len(batch) >= BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def check_spool(
    spool: CaseSpool, rules: list[Rule], reference: Reference, jobs: int
) -> tuple[int, list[Finding]]:
    """Check every case of the spool; return the number of cases and the findings sorted by
    case (each case's own findings in `assemble`'s order)."""
    per_case: list[tuple[str, list[Finding]]] = []
    if jobs <= 1 or spool.cases_hint < MIN_CASES_FOR_POOL:
        checker = CaseChecker(rules, reference)
        for group in spool.groups():
            per_case += [(case, checker.check(case, entries)) for case, entries in group.items()]
    else:
        by_id = {rule.id: rule for rule in rules}
        context = multiprocessing.get_context("spawn")
        with context.Pool(jobs, initializer=_start_worker, initargs=(rules, reference)) as pool:
            for results in pool.imap_unordered(_check_batch, _batches(spool.packed_groups())):
                per_case += [(case, [_unpack_finding(p, by_id) for p in packed]) for case, packed in results]
    per_case.sort(key=lambda item: item[0])
    return len(per_case), [finding for _, findings in per_case for finding in findings]
