"""The reference evaluator: the rule language's semantics (docs/rules.md) in plain Python.

It reads the parsed `Rule` objects and the facts `case_facts` makes, never the compiler or
the engine, and it is written to be obviously right rather than fast: every assignment of
distinct facts to the positive aliases is tried in turn. The differential tests hold the
durable_rules path to what this says; when they disagree, one of the two is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from iprules.policy.rules import Pattern, Ref, Rule, Test

Fact = Mapping[str, Any]
Binding = frozenset[tuple[str, str]]  # (alias, fact id)


@dataclass(frozen=True)
class Hit:
    """One match of a rule's part: `applies` (index 0), or one violation/undetermined alternative."""

    rule: str
    kind: str
    index: int
    binding: Binding


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def holds(test: Test, fact: Fact, bound: Mapping[str, Fact]) -> bool:
    """Does `fact` meet one condition? A missing field meets only `exists: false`."""
    if test.field not in fact:
        return test.op == "exists" and test.value is False
    value = fact[test.field]
    if test.op == "exists":
        return test.value is True
    target: Any = test.value
    if isinstance(target, Ref):
        other = bound[target.alias]
        if target.field not in other:
            return False  # "if either side is missing the condition is false"
        target = other[target.field]
    if test.op == "eq":
        return bool(value == target)
    if test.op == "ne":
        return bool(value != target)
    if test.op in ("lt", "lte", "gt", "gte"):
        if not (_number(value) and _number(target)):
            return False
        compared: bool = {
            "lt": value < target,
            "lte": value <= target,
            "gt": value > target,
            "gte": value >= target,
        }[test.op]
        return compared
    if test.op == "in":
        return any(value == option for option in target)
    if test.op == "not_in":
        return all(value != option for option in target)
    if test.op == "matches":
        return isinstance(value, str) and re.fullmatch(str(target), value) is not None
    if test.op == "contains_any":
        return isinstance(value, str) and any(str(word) in value for word in target)
    raise AssertionError(f"operator {test.op} unknown to the oracle")


def meets(pattern: Pattern, fact: Fact, bound: Mapping[str, Fact]) -> bool:
    return fact.get("type") == pattern.fact_type and all(holds(t, fact, bound) for t in pattern.tests)


def matches(patterns: tuple[Pattern, ...], facts: Sequence[Fact]) -> Iterator[dict[str, Fact]]:
    """Every binding of the positive aliases to distinct facts (semantics 2) for which no
    fact outside the binding meets an absent pattern (semantics 3)."""
    positives = [p for p in patterns if not p.absent]
    absents = [p for p in patterns if p.absent]

    def extend(index: int, bound: dict[str, Fact]) -> Iterator[dict[str, Fact]]:
        if index == len(positives):
            used = {id(fact) for fact in bound.values()}
            others = [fact for fact in facts if id(fact) not in used]
            if not any(meets(p, fact, bound) for p in absents for fact in others):
                yield dict(bound)
            return
        pattern = positives[index]
        for fact in facts:
            if any(fact is taken for taken in bound.values()):
                continue
            if meets(pattern, fact, bound):
                bound[pattern.alias] = fact
                yield from extend(index + 1, bound)
                del bound[pattern.alias]

    yield from extend(0, {})


def hits(rule: Rule, facts: Sequence[Fact]) -> set[Hit]:
    """Every match of the rule's applies part and of each alternative."""
    found: set[Hit] = set()
    parts = [("applies", 0, rule.applies)] + [(a.kind, a.index, a.patterns) for a in rule.alternatives]
    for kind, index, patterns in parts:
        for bound in matches(patterns, facts):
            binding = frozenset((alias, str(fact["id"])) for alias, fact in bound.items())
            found.add(Hit(rule.id, kind, index, binding))
    return found


@dataclass(frozen=True)
class Judgement:
    """A subject's verdict, the branch that decided it and the readings it cites."""

    verdict: str
    branch: str
    interpretations: tuple[str, ...]


def judgements(rule: Rule, facts: Sequence[Fact]) -> dict[tuple[str, ...], Judgement]:
    """Semantics 1, 4 and 6: each subject (fact ids of the applies aliases), its verdict, the
    first alternative of that verdict (in the file's order) that matched it, and the rule's
    readings followed by those of every alternative of that verdict that matched it."""
    found = hits(rule, facts)
    result: dict[tuple[str, ...], Judgement] = {}
    for hit in found:
        if hit.kind != "applies":
            continue
        ids = dict(hit.binding)
        subject = tuple(ids[p.alias] for p in rule.applies)
        matched = {
            (other.kind, other.index)
            for other in found
            if other.kind != "applies"
            and tuple(dict(other.binding)[p.alias] for p in rule.applies) == subject
        }
        for verdict in ("violation", "undetermined"):
            deciding = [a for a in rule.alternatives if a.kind == verdict and (a.kind, a.index) in matched]
            if deciding:
                first = deciding[0]
                cited = list(rule.interpretations)
                for alternative in deciding:
                    cited += [name for name in alternative.interpretations if name not in cited]
                branch = f"{verdict}:{first.name}" if first.name else f"{verdict}:{first.index}"
                result[subject] = Judgement(verdict, branch, tuple(cited))
                break
        else:
            result[subject] = Judgement("compliant", "compliant", rule.interpretations)
    return result


def verdicts(rule: Rule, facts: Sequence[Fact]) -> dict[tuple[str, ...], str]:
    """Each subject and its verdict alone."""
    return {subject: judged.verdict for subject, judged in judgements(rule, facts).items()}
