"""The search for a smallest ledger that takes each branch of each rule.

No hypothesis at run time: the search is seeded enumeration and mutation, deterministic for a
given policy and budget.

1. **Seeds.** Every scenario's ledger is run once; each finding it gives is a seed for the
   branch that decided it (rule, branch), cut down to the finding's case and the staff roster.
2. **Mutation**, for a branch no scenario takes: from a seed of the same rule (or any scenario
   ledger when the rule never applies in one), up to `Budget.tries` ledgers, each one to three
   steps away (a cell set to another value some scenario gives that column, or blanked; a date
   moved; a row of another scenario added to the case; a row copied or dropped).
3. **Shrinking**, greedily, until nothing more can go: drop one record, blank one cell, drop
   one name of a list of names, each kept only while the same branch still decides a finding
   and no row is rejected. A witness is therefore *1-minimal*: no single record can be dropped
   and no single filled cell blanked with the branch still taken. It is not a proof that no
   smaller ledger exists elsewhere.

A branch with a proof (`proof.prove_unreachable`) is not searched. A branch without a proof and
without a witness is *not found within the budget* — which is not the same as unreachable.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from iprules.check import Report
from iprules.findings import Finding
from iprules.policy.load import Policy
from iprules.policy.rules import COMPLIANT_BRANCH, Rule
from iprules.scenarios import read_scenarios
from iprules.witness.ledger import Ledger, Sheet, from_tables, run, taken
from iprules.witness.proof import Proof, prove_unreachable

FOUND, NOT_FOUND, UNREACHABLE = "found", "not_found", "unreachable"
_LIST_SEPARATOR = "、"


@dataclass(frozen=True)
class Budget:
    tries: int = 300  # mutated ledgers per branch that no scenario takes
    seed: int = 0


@dataclass
class Witness:
    rule: Rule
    branch: str
    status: str  # FOUND, NOT_FOUND or UNREACHABLE
    ledger: Ledger | None = None
    finding: Finding | None = None
    report: Report | None = None
    proof: Proof | None = None
    tried: int = 0  # mutated ledgers checked before one took the branch (or the budget ran out)
    started_from: str = ""  # the scenario (file:line) the witness was cut from, or "mutation"


@dataclass
class _Seed:
    ledger: Ledger
    case: str
    where: str


def branches(rule: Rule) -> list[str]:
    """Every branch of a rule: each alternative, then the compliant outcome."""
    return [alternative.branch for alternative in rule.alternatives] + [COMPLIANT_BRANCH]


def only_case(ledger: Ledger, case: str) -> Ledger:
    """The rows of one case, and the rows of no case (the staff roster)."""
    sheets = []
    for sheet in ledger.sheets:
        column = sheet.column("case")
        rows = sheet.rows if column is None else tuple(r for r in sheet.rows if r[column].strip() == case)
        sheets.append(replace(sheet, rows=rows))
    return Ledger(tuple(sheets), ledger.as_of).tidy()


@dataclass
class Search:
    """One policy's seeds and cell values, made once, used for every branch."""

    policy: Policy
    budget: Budget = field(default_factory=Budget)
    seeds: dict[tuple[str, str], list[_Seed]] = field(default_factory=lambda: defaultdict(list))
    starts: list[_Seed] = field(default_factory=list)
    rows: list[Sheet] = field(default_factory=list)  # every scenario row, alone in its sheet
    values: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    checked: int = 0  # ledgers run, for the reviewer's idea of the cost

    def __post_init__(self) -> None:
        seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        for scenario in read_scenarios(self.policy.features, self.policy.root):
            ledger = from_tables(scenario.tables, scenario.as_of)
            for sheet in ledger.sheets:
                for row in sheet.rows:
                    self.rows.append(replace(sheet, rows=(row,)))
                    for header, cell in zip(sheet.headers, row, strict=True):
                        seen[(sheet.kind, header)].add(cell.strip())
            report = self._run(ledger)
            if report is None:
                continue
            where = f"{scenario.file}:{scenario.line}"
            cases = []
            for finding in report.findings:
                seed = _Seed(only_case(ledger, finding.case), finding.case, where)
                self.seeds[(finding.rule, finding.branch)].append(seed)
                if finding.case not in cases:
                    cases.append(finding.case)
                    self.starts.append(seed)
        self.values = {key: sorted(values | {""}) for key, values in seen.items()}

    def _run(self, ledger: Ledger) -> Report | None:
        self.checked += 1
        return run(ledger, self.policy)

    def witness(self, rule: Rule, branch: str) -> Witness:
        proof = prove_unreachable(rule, branch)
        if proof is not None:
            return Witness(rule, branch, UNREACHABLE, proof=proof)
        memo: dict[Ledger, Report | None] = {}

        def report_of(ledger: Ledger) -> Report | None:
            if ledger not in memo:
                memo[ledger] = self._run(ledger)
            return memo[ledger]

        def takes(ledger: Ledger) -> bool:
            return taken(report_of(ledger), rule.id, branch) is not None

        seeds = sorted(self.seeds.get((rule.id, branch), []), key=lambda s: s.ledger.size)
        start: Ledger | None = None
        started_from, tried = "", 0
        for seed in seeds[:3]:
            if takes(seed.ledger):
                start, started_from = seed.ledger, seed.where
                break
        if start is None:
            for candidate in self._mutants(rule):
                tried += 1
                if takes(candidate):
                    start, started_from = candidate, "mutation"
                    break
            else:
                return Witness(rule, branch, NOT_FOUND, tried=tried)
        smallest = shrink(start, takes)
        report = report_of(smallest)
        return Witness(
            rule,
            branch,
            FOUND,
            ledger=smallest,
            finding=taken(report, rule.id, branch),
            report=report,
            tried=tried,
            started_from=started_from,
        )

    def _mutants(self, rule: Rule) -> Iterator[Ledger]:
        rng = random.Random(f"{self.budget.seed}:{rule.id}")
        mine = [
            seed for (rule_id, _), seeds in sorted(self.seeds.items()) if rule_id == rule.id for seed in seeds
        ]
        starts = mine or self.starts
        if not starts:
            return
        for _ in range(self.budget.tries):
            seed = rng.choice(starts)
            ledger = seed.ledger
            for _ in range(rng.randint(1, 3)):
                ledger = self._mutate(ledger, seed.case, rng)
            yield ledger

    def _mutate(self, ledger: Ledger, case: str, rng: random.Random) -> Ledger:
        roll = rng.random()
        filled = [(s, r) for s, sheet in enumerate(ledger.sheets) for r in range(len(sheet.rows))]
        if roll < 0.3 and self.rows:
            extra = rng.choice(self.rows)
            column = extra.column("case")
            if column is not None:
                row = list(extra.rows[0])
                row[column] = case
                extra = replace(extra, rows=(tuple(row),))
            return Ledger((*ledger.sheets, extra), ledger.as_of)
        if not filled:
            return ledger
        s, r = rng.choice(filled)
        sheet = ledger.sheets[s]
        if roll < 0.4:
            return _copied_row(ledger, s, r)
        if roll < 0.5:
            return _without_row(ledger, s, r)
        c = rng.randrange(len(sheet.headers))
        cell = sheet.rows[r][c].strip()
        moved = _moved_date(cell, rng)
        if moved is not None and rng.random() < 0.5:
            return _with_cell(ledger, s, r, c, moved)
        if sheet.column("case") == c:
            return ledger
        options = self.values.get((sheet.kind, sheet.headers[c]), [""])
        return _with_cell(ledger, s, r, c, rng.choice(options))


def _moved_date(cell: str, rng: random.Random) -> str | None:
    try:
        day = dt.date.fromisoformat(cell)
    except ValueError:
        return None
    return (day + dt.timedelta(days=rng.choice([-30, -7, -2, -1, 1, 2, 7, 30]))).isoformat()


def _copied_row(ledger: Ledger, s: int, r: int) -> Ledger:
    sheets = list(ledger.sheets)
    rows = sheets[s].rows
    sheets[s] = replace(sheets[s], rows=(*rows[: r + 1], rows[r], *rows[r + 1 :]))
    return Ledger(tuple(sheets), ledger.as_of)


def _without_row(ledger: Ledger, s: int, r: int) -> Ledger:
    sheets = list(ledger.sheets)
    sheets[s] = replace(sheets[s], rows=sheets[s].rows[:r] + sheets[s].rows[r + 1 :])
    return Ledger(tuple(sheets), ledger.as_of)


def _with_cell(ledger: Ledger, s: int, r: int, c: int, value: str) -> Ledger:
    sheets = list(ledger.sheets)
    row = list(sheets[s].rows[r])
    row[c] = value
    rows = sheets[s].rows
    sheets[s] = replace(sheets[s], rows=(*rows[:r], tuple(row), *rows[r + 1 :]))
    return Ledger(tuple(sheets), ledger.as_of)


def smaller_ledgers(ledger: Ledger) -> Iterator[Ledger]:
    """Every ledger one step smaller: one record dropped, one cell blanked, one name of a
    list dropped. A witness is 1-minimal when none of these still takes its branch."""
    for s, sheet in enumerate(ledger.sheets):
        for r in range(len(sheet.rows)):
            yield _without_row(ledger, s, r)
    for s, sheet in enumerate(ledger.sheets):
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                if not cell.strip():
                    continue
                yield _with_cell(ledger, s, r, c, "")
                names = cell.split(_LIST_SEPARATOR)
                if len(names) > 1:
                    for n in range(len(names)):
                        yield _with_cell(ledger, s, r, c, _LIST_SEPARATOR.join(names[:n] + names[n + 1 :]))


def shrink(ledger: Ledger, takes: Callable[[Ledger], bool]) -> Ledger:
    """Greedy passes over the records, then the cells, each step kept when the branch is still
    taken; done after a pass that keeps none (so every step of `smaller_ledgers` was tried on
    the result)."""
    while True:
        changed = False
        for s in range(len(ledger.sheets)):
            r = 0
            while r < len(ledger.sheets[s].rows):
                candidate = _without_row(ledger, s, r)
                if takes(candidate):
                    ledger, changed = candidate, True
                else:
                    r += 1
        for s in range(len(ledger.sheets)):
            for r in range(len(ledger.sheets[s].rows)):
                for c in range(len(ledger.sheets[s].headers)):
                    cell = ledger.sheets[s].rows[r][c]
                    if not cell.strip():
                        continue
                    candidate = _with_cell(ledger, s, r, c, "")
                    if takes(candidate):
                        ledger, changed = candidate, True
                        continue
                    n = 0
                    while len(names := ledger.sheets[s].rows[r][c].split(_LIST_SEPARATOR)) > 1 and n < len(
                        names
                    ):
                        candidate = _with_cell(
                            ledger, s, r, c, _LIST_SEPARATOR.join(names[:n] + names[n + 1 :])
                        )
                        if takes(candidate):
                            ledger, changed = candidate, True
                        else:
                            n += 1
        if not changed:
            return ledger.tidy()


def search(policy: Policy, rules: list[Rule] | None = None, budget: Budget | None = None) -> list[Witness]:
    """A witness, or the reason there is none, for every branch of every rule (in file order)."""
    finder = Search(policy, budget or Budget())
    return [finder.witness(rule, branch) for rule in rules or policy.rules for branch in branches(rule)]
