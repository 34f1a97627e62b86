"""Branches that no ledger can take, proven from the rule's conditions alone.

Two sound arguments, nothing cleverer (what they do not prove is left to the bounded search,
and a branch it does not find is reported as not found, never as unreachable):

- **contradiction**: a positive pattern's conditions on one field cannot all hold (`eq: a` with
  `eq: b`, `gt: 3` with `lt: 2`, `exists: false` with any test that needs the field, `in` sets
  with nothing in common…). No fact meets the pattern, so the branch never matches; when the
  pattern is the rule's `applies`, the rule never applies and none of its branches is taken.
- **shadowed**: an alternative that decides first whenever this one matches: an earlier
  alternative of the same verdict, or any violation alternative for an undetermined branch (or
  any alternative at all for `compliant`), whose every pattern is implied by one of this
  branch's patterns under the same alias (its tests a subset of this one's; for an absent
  pattern the other way round, and then only with the same positive aliases, since an absent
  pattern looks at every fact not bound).
"""

from __future__ import annotations

from dataclasses import dataclass

from iprules.i18n import Text
from iprules.policy.rules import COMPLIANT_BRANCH, Alternative, Pattern, Ref, Rule, Test


@dataclass(frozen=True)
class Proof:
    """Why a branch can never decide a verdict, in words for the reviewer."""

    kind: str  # "contradiction" or "shadowed"
    reason: Text


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _contradiction(tests: list[Test]) -> str | None:
    """The field whose literal conditions cannot all hold, if any."""
    by_field: dict[str, list[Test]] = {}
    for test in tests:
        by_field.setdefault(test.field, []).append(test)
    for name, mine in by_field.items():
        literal = [t for t in mine if not isinstance(t.value, Ref)]
        if any(t.op == "exists" and t.value is False for t in mine) and any(
            not (t.op == "exists" and t.value is False) for t in mine
        ):
            return name
        allowed: set[object] | None = None
        for test in literal:
            options: set[object]
            if test.op == "eq":
                options = {test.value}
            elif test.op == "in" and isinstance(test.value, tuple):
                options = set(test.value)
            else:
                continue
            allowed = options if allowed is None else allowed & options
        if allowed is not None:
            for test in literal:
                if test.op == "ne":
                    allowed.discard(test.value)
                elif test.op == "not_in" and isinstance(test.value, tuple):
                    allowed -= set(test.value)
                elif test.op in ("lt", "lte", "gt", "gte") and _number(test.value):
                    allowed = {v for v in allowed if _number(v) and _holds(test.op, v, test.value)}
            if not allowed:
                return name
        lows = [(t.value, t.op == "gte") for t in literal if t.op in ("gt", "gte") and _number(t.value)]
        highs = [(t.value, t.op == "lte") for t in literal if t.op in ("lt", "lte") and _number(t.value)]
        for low, low_closed in lows:
            for high, high_closed in highs:
                if low > high or (low == high and not (low_closed and high_closed)):  # type: ignore[operator]
                    return name
    return None


def _holds(op: str, value: object, bound: object) -> bool:
    a, b = float(value), float(bound)  # type: ignore[arg-type]
    return {"lt": a < b, "lte": a <= b, "gt": a > b, "gte": a >= b}[op]


def _implies(mine: tuple[Pattern, ...], other: tuple[Pattern, ...]) -> bool:
    """Whenever `mine` matches a subject, `other` matches it too (a sufficient, syntactic test)."""
    by_alias = {p.alias: p for p in mine}
    positive_mine = {p.alias for p in mine if not p.absent}
    positive_other = {p.alias for p in other if not p.absent}
    if any(p.absent for p in other) and positive_mine != positive_other:
        return False
    for pattern in other:
        own = by_alias.get(pattern.alias)
        if own is None or own.fact_type != pattern.fact_type or own.absent != pattern.absent:
            return False
        if pattern.absent:
            if not set(own.tests) <= set(pattern.tests):
                return False
        elif not set(pattern.tests) <= set(own.tests):
            return False
    return True


def prove_unreachable(rule: Rule, branch: str) -> Proof | None:
    """A proof that this branch of the rule never decides a verdict, or None (not proven)."""
    field = _contradiction([t for p in rule.applies for t in p.tests])
    if field is not None:
        return Proof(
            "contradiction",
            Text(
                zh=f"规则的适用条件在字段 {field} 上自相矛盾：规则从不适用，其任何分支都不会作出结论",
                en=f"the rule's applies conditions on field {field} contradict each other: the rule never applies, so none of its branches decides",
            ),
        )
    alternatives = {alt.branch: alt for alt in rule.alternatives}
    if branch == COMPLIANT_BRANCH:
        for other in rule.alternatives:
            if _implies(rule.applies, other.patterns):
                return _shadowed(other, compliant=True)
        return None
    alternative = alternatives[branch]
    for pattern in alternative.patterns:
        if pattern.absent:
            continue
        field = _contradiction(list(pattern.tests))
        if field is not None:
            return Proof(
                "contradiction",
                Text(
                    zh=f"该分支对 {pattern.alias} 在字段 {field} 上的条件自相矛盾，没有记录能满足",
                    en=f"this branch's conditions on {pattern.alias}.{field} contradict each other: no record can meet them",
                ),
            )
    for other in rule.alternatives:
        first = (other.kind == alternative.kind and other.index < alternative.index) or (
            alternative.kind == "undetermined" and other.kind == "violation"
        )
        if first and _implies(alternative.patterns, other.patterns):
            return _shadowed(other, compliant=False)
    return None


def _shadowed(other: Alternative, compliant: bool) -> Proof:
    if compliant:
        return Proof(
            "shadowed",
            Text(
                zh=f"分支 {other.branch} 对规则适用的每个对象都成立，合规结论永远不会作出",
                en=f"branch {other.branch} holds for every subject the rule applies to, so it is never compliant",
            ),
        )
    return Proof(
        "shadowed",
        Text(
            zh=f"凡该分支成立时，先决定结论的分支 {other.branch} 也必然成立：该分支永远不会决定结论，其说明不会显示",
            en=f"whenever this branch holds, branch {other.branch}, which decides first, holds too: this branch never decides and its message never shows",
        ),
    )
