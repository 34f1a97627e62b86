"""Rows that could not be read, and the findings they could have changed.

A rejected row is a record the check never saw. A finding it could have changed must say so
(docs/rules.md, "Rows that could not be read"). A rejected row *could have been read* by a rule
when the row's record kind feeds a fact type one of the rule's patterns names, and its case id
is readable and is the finding's case. Which kinds feed which fact types is derived, not
listed: a facts module turns the record kinds it handles (the record classes it imports) into
its `FACT_TYPES`; a fact type with staff fields (position, rank) is fed by the staff roster too.

What happens to such a finding:
- 合规 becomes 无法判定: the row could have held the fact that breaks the rule;
- 违规 becomes 无法判定 when each violation alternative that matched names a fact type fed by
  the row's kind: the row could be the missing fact (an `absent` pattern, e.g. the notice
  "没有一次告知" says was never given), or change a derived field that stands for an absence
  or an order (`told_first`, `first`, a deadline counted from a supplement);
- otherwise (a 违规 decided by facts the row could not have touched, a 无法判定 already) the
  verdict stands;
and in every case the finding carries the rows in `affected_by`, with a message naming each
row and why it was rejected. Rows whose case cannot be read are not tied to any finding: the
report counts them at the top as rows that could affect any case.

The same holds for the two rows of a staff member the roster lists with two positions (both
rejected): a rule that reads staff fields, on a case with a fact about that person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iprules.facts import _MODULES
from iprules.facts.base import STAFF_FIELDS
from iprules.i18n import Text, text
from iprules.ledger.model import RECORD_KINDS
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.policy.rules import Alternative, Pattern, Rule

STAFF_KIND = "staff"


def _feeding_kinds() -> dict[str, frozenset[str]]:
    """Fact type → the record kinds its facts are built from."""
    fed: dict[str, frozenset[str]] = {}
    for module in _MODULES:
        imported = {id(value) for value in vars(module).values() if isinstance(value, type)}
        kinds = {code for code, model in RECORD_KINDS.items() if id(model) in imported}
        for name, spec in module.FACT_TYPES.items():
            roster = {STAFF_KIND} if set(spec.fields) & (set(STAFF_FIELDS) - {"staff"}) else set()
            fed[name] = frozenset(kinds | roster)
    return fed


FEEDING_KINDS = _feeding_kinds()


def _kinds(patterns: Iterable[Pattern]) -> frozenset[str]:
    return frozenset(kind for p in patterns for kind in FEEDING_KINDS.get(p.fact_type, ()))


def kinds_read(rule: Rule) -> frozenset[str]:
    """The record kinds whose rows a rule reads, through any of its patterns."""
    patterns = [*rule.applies, *(p for alternative in rule.alternatives for p in alternative.patterns)]
    return _kinds(patterns)


def alternative_kinds(alternative: Alternative) -> frozenset[str]:
    """The record kinds whose rows could change whether an alternative matches."""
    return _kinds(alternative.patterns)


@dataclass(frozen=True)
class Unread:
    """A case's rows that could not be read: rejected rows whose case id is this case's (with
    their record kind), and the roster's conflicting rows for staff this case names."""

    rows: tuple[Rejection, ...] = ()
    staff_conflicts: tuple[Rejection, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rows or self.staff_conflicts)

    def doubts(self, rule: Rule) -> list[Rejection]:
        read = kinds_read(rule)
        found = [row for row in self.rows if row.kind in read]
        if STAFF_KIND in read:
            found += self.staff_conflicts
        return sorted(found, key=lambda r: r.source.sort_key())


def judge(
    verdict: str, matched: Sequence[Alternative], doubts: Sequence[Rejection]
) -> tuple[str, tuple[Text, ...], tuple[Source, ...]]:
    """The verdict given the rows that could not be read, the messages to add, and the rows.
    `matched`: the violation alternatives that decided a 违规."""
    if not doubts:
        return verdict, (), ()
    kinds = {row.kind or STAFF_KIND for row in doubts}
    could_change = bool(matched) and all(alternative_kinds(a) & kinds for a in matched)
    changes = verdict == "compliant" or (verdict == "violation" and could_change)
    places = "、".join(str(row.source) for row in doubts)
    places_en = ", ".join(str(row.source) for row in doubts)
    reasons = "；".join(f"{row.source}：{row.reason.zh}" for row in doubts)
    reasons_en = "; ".join(f"{row.source}: {row.reason.en}" for row in doubts)
    was = {"compliant": ("合规", "compliant"), "violation": ("违规", "violation")}.get(verdict)
    if changes and was is not None:
        note = text(
            f"无法判定：{places} 未能读入，该记录可能改变本条结论（按已读入的记录为{was[0]}）。"
            f"未读入原因——{reasons}",
            f"undetermined: {places_en} could not be read and could change this verdict "
            f"(on the records read: {was[1]}). Why not read: {reasons_en}",
        )
        return "undetermined", (note,), tuple(row.source for row in doubts)
    note = text(
        f"注意：{places} 未能读入，本条读取此类记录（未读入原因——{reasons}）",
        f"note: {places_en} could not be read, and this rule reads such records (why: {reasons_en})",
    )
    return verdict, (note,), tuple(row.source for row in doubts)
