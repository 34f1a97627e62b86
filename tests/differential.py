"""Shared by the differential and metamorphic tests: synthetic ledgers as entries, and the
engine's matches in the oracle's terms."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

from benchmarks.synthetic import EXTRA_UNITS, case_records, roster

from iprules.check import _roster
from iprules.engine import Engine, Match
from iprules.facts import CaseFacts, Reference, case_facts
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import parse_object
from iprules.ledger.model import StaffRecord
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.policy.compile import CompiledPolicy
from iprules.policy.load import Policy, load_policy
from oracle import Hit

ROOT = Path(__file__).resolve().parents[1]
_policy: Policy | None = None


def policy() -> Policy:
    global _policy
    if _policy is None:
        _policy = load_policy(ROOT / "rules" / "maojian")
    return _policy


def entries(
    cases: int, seed: int, file: str = "synthetic.jsonl", others: float = 0.1
) -> list[Entry | Rejection]:
    """A roster and `cases` synthetic cases, parsed the way the JSONL reader parses a line."""
    rng = random.Random(seed)
    raws = roster(40, seed) + [
        raw for number in range(cases) for raw in case_records(f"C{seed}-{number}", rng, others=others)
    ]
    return [parse_object(raw, Source(file=file, line=line)) for line, raw in enumerate(raws, start=1)]


def facts_by_case(items: list[Entry | Rejection], current: Policy) -> list[CaseFacts]:
    """Each case's facts; the policy's units plus one a variant policy might list (so that
    every alternative of the real rules can be reached)."""
    records = [item for item in items if isinstance(item, Entry)]
    staff = [item for item in records if isinstance(item.record, StaffRecord)]
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for item in records:
        case = getattr(item.record, "case", None)
        if case is not None:
            grouped[case].append(item)
    reference = Reference(
        positions=current.positions,
        units={**current.units, **EXTRA_UNITS},
        roster=_roster(staff, [])[0],
        parameters=current.parameters,
    )
    return [case_facts(case, grouped[case], reference) for case in sorted(grouped)]


def engine_hits(engine: Engine, compiled: CompiledPolicy, case: CaseFacts) -> set[Hit]:
    return {to_hit(match, compiled) for match in engine.run_case(case.case, case.facts)}


def to_hit(match: Match, compiled: CompiledPolicy) -> Hit:
    target = compiled.targets[match.name]
    return Hit(target.rule, target.kind, target.index, frozenset(match.facts))
