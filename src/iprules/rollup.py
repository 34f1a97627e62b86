"""Rollups: a check's findings counted per unit, per person, per month and for the whole window.

What a section chief asks after "what is wrong": which unit, whose cases, which months, and
whether the duties with a time limit were met in time. Counted in one pass as each case's
findings are made (`Tally.add_case`, in whichever process checks the case), so memory grows
with units × clauses × months, never with findings; batches' tallies are added up
(`Tally.merge`) and turned into the report's `Rollups` once (`Tally.rollups`).

Who and when a case names — its units, 首问责任人, 首办责任人 and month — is
`iprules.ledger.roles`, the same reading the workbench's views by unit and by person use. A
finding counts under every unit and person of its case (a case naming two units counts under
both), so groups do not add up to the whole; the window (the whole check) counts each once.
The cases that name no unit are a group of their own (name ""), so none is lost from view.

**On-time rate of the deadline duties.** A duty has a deadline when its rule has a violation
alternative marked `deadline:` in the rule file: the period passed with the duty not done, and
the rule's 合规 means the duty was done within it. The mark names where the period comes from:
`clause` (the clause's own limit: 二（一）'s committed service time) or the interpretation that
gives an open word a period (三.3 and 三.5 "及时": s3-promptly; 五（四） "快速": s5.4-speed-days).
二（四） and 二（五） are not deadline duties: the text sets them no period, their pending
periods only defer judgement, and a report made late is still 合规, so their 合规 says nothing
of time. Of a deadline rule's findings, 合规 is on time, a 违规 decided by a `deadline:`
alternative is late; a 无法判定 (not yet due, no date on record …) or a 违规 for another part of
the duty (a complaint without the person's contact) says nothing of timeliness and is counted
apart (`not_counted`). The rate is on time / (on time + late), and there is none when both are 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from iprules.ledger.record import Record
from iprules.ledger.roles import began, month_of, named
from iprules.policy.rules import Rule
from iprules.results import PackedFinding

VERDICTS = ("violation", "undetermined", "compliant")
ON_TIME = ("on_time", "late", "not_counted")
# the dimensions a case is counted under; "" is the whole window
DIMENSIONS = ("", "unit", "first_responder", "handler", "month")


class Counts(BaseModel):
    model_config = ConfigDict(frozen=True)

    violation: int = 0
    undetermined: int = 0
    compliant: int = 0


class ClauseCounts(Counts):
    clause: str


class OnTime(BaseModel):
    """The deadline duties' findings of a group: on time, late, and those that say nothing of
    timeliness; `rate` is on_time / (on_time + late), None when there is neither."""

    model_config = ConfigDict(frozen=True)

    on_time: int = 0
    late: int = 0
    not_counted: int = 0
    rate: float | None = None


class ClauseOnTime(OnTime):
    clause: str


class Group(BaseModel):
    """One unit, person or month (or the whole window): its cases, its findings by verdict
    and by clause (document order), and the on-time rate of its deadline duties."""

    model_config = ConfigDict(frozen=True)

    name: str
    cases: int
    findings: Counts
    clauses: list[ClauseCounts]
    on_time: OnTime
    deadlines: list[ClauseOnTime]


class Ranked(BaseModel):
    model_config = ConfigDict(frozen=True)

    rank: int
    name: str
    violation: int
    findings: int
    cases: int


class Rollups(BaseModel):
    """What `iprules.report` shows of the rollups (language-neutral: codes, names, months)."""

    model_config = ConfigDict(frozen=True)

    window: Group  # the whole check: every case once
    first_month: str  # the window's first and last case month ("" when no case has a date)
    last_month: str
    units: list[Group]  # by violations, most first, then by name; "" = cases naming no unit
    first_responders: list[Group]
    handlers: list[Group]
    months: list[
        Group
    ]  # every month from the first to the last, in order (0 where no case); "" (no date) last
    ranking: list[Ranked]  # units by violations; equal counts share a rank
    deadline_clauses: list[str]  # the clauses whose rules have a deadline, document order
    # per deadline clause, where its period comes from: "clause" or interpretation names
    deadline_periods: dict[str, list[str]] = {}


@dataclass(frozen=True)
class Duties:
    """What the tally needs of the rules: each rule's clauses and its deadline branches."""

    clauses: dict[str, tuple[str, ...]]
    deadline_branches: dict[str, frozenset[str]]
    periods: dict[str, frozenset[str]]  # rule -> where its deadline branches' periods come from

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> Duties:
        listed = list(rules)
        return cls(
            clauses={rule.id: rule.clauses for rule in listed},
            deadline_branches={
                rule.id: frozenset(a.branch for a in rule.alternatives if a.deadline)
                for rule in listed
                if any(a.deadline for a in rule.alternatives)
            },
            periods={
                rule.id: frozenset(a.deadline for a in rule.alternatives if a.deadline)
                for rule in listed
                if any(a.deadline for a in rule.alternatives)
            },
        )

    def timeliness(self, rule: str, verdict: str, branch: str) -> str | None:
        """on_time, late or not_counted for a finding of a deadline duty; None for other rules."""
        branches = self.deadline_branches.get(rule)
        if branches is None:
            return None
        if verdict == "compliant":
            return "on_time"
        if verdict == "violation" and branch in branches:
            return "late"
        return "not_counted"


# a tally's key: (dimension, name, what) where what is ("cases",), ("verdict", v),
# ("clause", clause, v), ("deadline", clause or "", status)
Key = tuple[str, ...]


class Tally:
    """The counts, as one flat Counter of plain tuples: cheap to pickle across processes and
    to add up."""

    def __init__(self, duties: Duties) -> None:
        self.duties = duties
        self.counts: Counter[Key] = Counter()

    def add_case(self, records: Sequence[Record], judged: Iterable[tuple[str, str, str]]) -> None:
        """One case: its checked records (who and when it names) and its findings, each as
        (rule id, verdict, branch)."""
        own: Counter[Key] = Counter({("cases",): 1})
        duties = self.duties
        for rule, verdict, branch in judged:
            own[("verdict", verdict)] += 1
            clauses = duties.clauses.get(rule, ())
            for clause in clauses:
                own[("clause", clause, verdict)] += 1
            status = duties.timeliness(rule, verdict, branch)
            if status is not None:
                own[("deadline", "", status)] += 1
                for clause in clauses:
                    own[("deadline", clause, status)] += 1
        groups = {("", "")} | set(named_groups(records))
        if not any(dimension == "unit" for dimension, _ in groups):
            groups.add(("unit", ""))  # a case naming no unit: shown as such, never ranked
        groups.add(("month", month_of(began(records))))
        counts = self.counts
        for dimension, name in groups:
            for key, n in own.items():
                counts[(dimension, name, *key)] += n

    def merge(self, counts: Counter[Key]) -> None:
        self.counts.update(counts)

    def rollups(self, clause_order: Sequence[str]) -> Rollups:
        order = {clause: index for index, clause in enumerate(clause_order)}
        tables: dict[tuple[str, str], Counter[Key]] = {}
        for (dimension, name, *what), n in self.counts.items():
            tables.setdefault((dimension, name), Counter())[tuple(what)] += n
        groups: dict[str, list[Group]] = {dimension: [] for dimension in DIMENSIONS}
        for (dimension, name), table in tables.items():
            groups[dimension].append(_group(name, table, order))
        window = groups[""][0] if groups[""] else _group("", Counter(), order)
        deadline_clauses = sorted(
            {c for rule, _ in self.duties.deadline_branches.items() for c in self.duties.clauses[rule]},
            key=lambda c: (order.get(c, len(order)), c),
        )
        units = sorted(groups["unit"], key=lambda g: (g.name == "", *_worst_first(g)))
        dated = sorted(g.name for g in groups["month"] if g.name)
        # a trend shows the months without a case as 0, not as if they were not there
        seen = {g.name for g in groups["month"]}
        groups["month"] += [_group(m, Counter(), order) for m in _months_between(dated) if m not in seen]
        return Rollups(
            window=window,
            first_month=dated[0] if dated else "",
            last_month=dated[-1] if dated else "",
            units=units,
            first_responders=sorted(groups["first_responder"], key=_worst_first),
            handlers=sorted(groups["handler"], key=_worst_first),
            months=sorted(groups["month"], key=lambda g: (g.name == "", g.name)),
            ranking=ranking(units),
            deadline_clauses=deadline_clauses,
            deadline_periods={
                clause: sorted(
                    {
                        p
                        for rule, ps in self.duties.periods.items()
                        if clause in self.duties.clauses[rule]
                        for p in ps
                    }
                )
                for clause in deadline_clauses
            },
        )


def _months_between(dated: Sequence[str]) -> list[str]:
    """Every month from the first to the last of these (YYYY-MM), both included."""
    if not dated:
        return []
    year, month = map(int, dated[0].split("-"))
    found = []
    while f"{year:04d}-{month:02d}" <= dated[-1]:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def named_groups(records: Iterable[Record]) -> Iterable[tuple[str, str]]:
    """(dimension, name) of every unit and person these records name."""
    for record in records:
        yield from named(record)


def _worst_first(group: Group) -> tuple[int, int, str]:
    return (-group.findings.violation, -group.findings.undetermined, group.name)


def ranking(units: Sequence[Group]) -> list[Ranked]:
    """Units by the number of 违规 findings on their cases, most first; equal counts share a
    rank (1, 2, 2, 4), listed by name. Units without a 违规 are ranked too (last); the cases
    that name no unit are not a unit and are not ranked."""
    ordered = sorted((g for g in units if g.name), key=lambda g: (-g.findings.violation, g.name))
    ranked: list[Ranked] = []
    for position, group in enumerate(ordered, start=1):
        same = ranked and ranked[-1].violation == group.findings.violation
        ranked.append(
            Ranked(
                rank=ranked[-1].rank if same else position,
                name=group.name,
                violation=group.findings.violation,
                findings=sum(group.findings.model_dump().values()),
                cases=group.cases,
            )
        )
    return ranked


def _rate(on_time: int, late: int) -> float | None:
    return None if on_time + late == 0 else round(on_time / (on_time + late), 4)


def _on_time(table: Counter[Key], clause: str) -> dict[str, int | float | None]:
    found: dict[str, int | float | None] = {s: table[("deadline", clause, s)] for s in ON_TIME}
    found["rate"] = _rate(table[("deadline", clause, "on_time")], table[("deadline", clause, "late")])
    return found


def _group(name: str, table: Counter[Key], order: dict[str, int]) -> Group:
    clauses = sorted(
        {key[1] for key in table if key[0] == "clause"}, key=lambda c: (order.get(c, len(order)), c)
    )
    timed = sorted(
        {key[1] for key in table if key[0] == "deadline" and key[1]},
        key=lambda c: (order.get(c, len(order)), c),
    )
    return Group(
        name=name,
        cases=table[("cases",)],
        findings=Counts(**{v: table[("verdict", v)] for v in VERDICTS}),
        clauses=[ClauseCounts(clause=c, **{v: table[("clause", c, v)] for v in VERDICTS}) for c in clauses],
        on_time=OnTime(**_on_time(table, "")),  # type: ignore[arg-type]
        deadlines=[ClauseOnTime(clause=c, **_on_time(table, c)) for c in timed],  # type: ignore[arg-type]
    )


def rollup(
    cases: Iterable[tuple[Sequence[Record], Iterable[PackedFinding]]],
    rules: Iterable[Rule],
    clause_order: Sequence[str],
) -> Rollups:
    """The rollups of these cases (each its records and its findings), in one pass."""
    tally = Tally(Duties.of(rules))
    for records, findings in cases:
        tally.add_case(records, ((f[2], f[1], f[5]) for f in findings))
    return tally.rollups(clause_order)
