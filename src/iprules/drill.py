"""The trainer's quiz: a scenario's ledger is shown, the trainee judges, the clause answers.

Questions come from the same scenarios that pin the rules, so what a new staff member is
drilled on is exactly what the checker enforces. The expected answer is the scenario's own
(read from the clause text when it was written), and the explanation is the finding the
checker gives on those records.

A scenario's title often says its answer ("…，无法判定", "按下限解读不违规"), so a question
never shows it before the trainee has answered: the heading names the question's number and
clause only, and the title is revealed with the answer. The terminal drill (`iprules drill`)
and the workbench's 培训 pages share the plain functions below: which questions a set of
scenarios gives, in which (seeded) order, how a reply is read, and what the answer says.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from iprules.findings import Finding
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.policy.clauses import Clause, clause_label
from iprules.policy.load import Policy
from iprules.scenarios import Expectation, Outcome, Scenario, run_scenario

_ANSWERS = {
    "1": "compliant",
    "合规": "compliant",
    "compliant": "compliant",
    "c": "compliant",
    "2": "violation",
    "违规": "violation",
    "violation": "violation",
    "v": "violation",
    "3": "undetermined",
    "无法判定": "undetermined",
    "undetermined": "undetermined",
    "u": "undetermined",
}
ANSWERS = ("compliant", "violation", "undetermined")


def answer_of(reply: str) -> str | None:
    """The verdict a trainee's reply means (1/2/3, 合规/违规/无法判定, c/v/u), or None."""
    return _ANSWERS.get(reply.strip().lower())


@dataclass(frozen=True)
class Question:
    """One verdict a scenario expects, asked of its ledger."""

    outcome: Outcome
    expectation: Expectation

    @property
    def scenario(self) -> Scenario:
        return self.outcome.scenario

    @property
    def answer(self) -> str:
        assert self.expectation.verdict is not None
        return self.expectation.verdict

    @property
    def found(self) -> list[Finding]:
        for expectation, found in self.outcome.pinned:
            if expectation is self.expectation:
                return found
        return []


def questions(outcomes: list[Outcome]) -> list[Question]:
    """Every question the scenarios give, in the features' order: one per verdict step (a
    `不适用` step asks nothing: there is no verdict to judge)."""
    return [
        Question(outcome, expectation)
        for outcome in outcomes
        for expectation in outcome.scenario.expectations
        if expectation.verdict is not None
    ]


def chosen(all_questions: list[Question], count: int | None, seed: int | None) -> list[Question]:
    """`count` questions: the first ones, or with a seed a shuffle that the same seed gives
    again (so a link or a printed paper names the same quiz)."""
    picked = list(all_questions)
    if seed is not None:
        random.Random(seed).shuffle(picked)
    return picked if count is None else picked[: max(0, count)]


def target_clause(question: Question, policy: Policy) -> Clause:
    """The clause the question asks about: the step's clause, or the first clause of its rule,
    or the clause block the scenario stands in."""
    clauses = policy.clause_by_id
    expectation = question.expectation
    if expectation.clause and expectation.clause in clauses:
        return clauses[expectation.clause]
    if expectation.rule:
        for rule in policy.rules:
            if rule.id == expectation.rule and rule.clauses[0] in clauses:
                return clauses[rule.clauses[0]]
    if question.scenario.clause in clauses:
        return clauses[question.scenario.clause]
    return next(c for c in policy.clauses if expectation.clause and c.id.startswith(expectation.clause))


def heading(number: int, total: int, clause: Clause, lang: Lang) -> str:
    """A question's heading: its number and clause, never the scenario's title."""
    if lang == "zh":
        return f"第 {number} / {total} 题 · 条款 {clause.label}“{clause.title}”"
    return f"Question {number} of {total} · clause {clause.label} ({clause.id})"


def prompt(question: Question, clause: Clause, lang: Lang) -> str:
    case = question.expectation.case
    if lang == "zh":
        return f"案件 {case} 是否符合条款 {clause.label}“{clause.title}”？"
    return f"Is case {case} compliant with clause {clause.label} ({clause.id})?"


@dataclass(frozen=True)
class Explanation:
    """What the trainee reads after answering: the clauses and the checker's reasons."""

    clauses: list[Clause]
    reasons: list[str]


def explanation(question: Question, policy: Policy, lang: Lang) -> Explanation:
    """The first finding the step looked at: its clauses and its messages (the same finding
    `iprules check` gives on these records)."""
    clauses = policy.clause_by_id
    for finding in question.found[:1]:
        return Explanation(
            [clauses[c] for c in finding.clauses if c in clauses],
            [message(lang) for message in finding.messages],
        )
    return Explanation([target_clause(question, policy)], [])


@dataclass
class Score:
    asked: int = 0
    right: int = 0
    by_clause: dict[str, list[int]] = field(default_factory=dict)  # clause id: [asked, right]

    def add(self, clause: str, right: bool) -> None:
        self.asked += 1
        self.right += right
        tally = self.by_clause.setdefault(clause, [0, 0])
        tally[0] += 1
        tally[1] += right


def warning(outcome: Outcome, lang: Lang) -> str | None:
    """A scenario that does not hold (or whose ledger breaks a clause it does not declare)
    would teach the wrong answer somewhere: the trainee is told before answering."""
    if outcome.passed:
        return None
    if lang == "zh":
        return "本场景与规则不一致，答案仅供参考（请告知培训负责人）"
    return "this scenario does not hold against the policy; take its answers with care"


def drill(
    scenarios: list[Scenario],
    policy: Policy,
    lang: Lang,
    ask: Callable[[str], str | None],
    say: Callable[[str], None],
) -> Score:
    """Ask one question per verdict a scenario expects; `ask` returns the trainee's answer,
    or None when the trainee has stopped (end of input)."""
    zh = lang == "zh"
    score = Score()
    asked = questions([run_scenario(scenario, policy) for scenario in scenarios])
    shown: Scenario | None = None
    for number, question in enumerate(asked, start=1):
        clause = target_clause(question, policy)
        if question.scenario is not shown:
            shown = question.scenario
            say(f"\n{heading(number, len(asked), clause, lang)}")
            caution = warning(question.outcome, lang)
            if caution:
                say(f"  ⚠ {caution}:")
                for failure in question.outcome.failures:
                    say(f"    {failure}")
            for table in question.scenario.tables:
                say(f"  {'台账' if zh else 'ledger'} {table.kind}:")
                for row in table.rows:
                    say("    | " + " | ".join(row) + " |")
        choices = (
            " [1 合规 / 2 违规 / 3 无法判定] " if zh else " [1 compliant / 2 violation / 3 undetermined] "
        )
        reply = ask(prompt(question, clause, lang) + choices)
        if reply is None:
            say(f"\n{'得分' if zh else 'Score'}: {score.right}/{score.asked}")
            return score
        right = answer_of(reply) == question.answer
        score.add(question.scenario.clause, right)
        word = VERDICT_WORDS[question.answer](lang)
        if right:
            say("  ✓ " + ("正确" if zh else "right") + f": {word}")
        else:
            say("  ✗ " + ("应为" if zh else "the answer is") + f": {word}")
        say(f"    {'场景' if zh else 'scenario'}: {question.scenario.name}")
        told = explanation(question, policy, lang)
        for told_clause in told.clauses:
            say(f"    {'条款' if zh else 'clause'} {told_clause.label} {told_clause.id}: {told_clause.text}")
            if not zh:
                say(f"      {told_clause.text_en}")
        for reason in told.reasons:
            say(f"    {'理由' if zh else 'why'}: {reason}")
    for clause_id, (clause_asked, clause_right) in score.by_clause.items():
        say(
            f"  {'条款' if zh else 'clause'} {clause_label(clause_id)} {clause_id}: {clause_right}/{clause_asked}"
        )
    say(f"\n{'得分' if zh else 'Score'}: {score.right}/{score.asked}")
    return score
