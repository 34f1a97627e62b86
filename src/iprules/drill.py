"""The trainer's quiz: a scenario's ledger is shown, the trainee judges, the clause answers.

Questions come from the same scenarios that pin the rules, so what a new staff member is
drilled on is exactly what the checker enforces. The expected answer is the scenario's own
(read from the clause text when it was written), and the explanation is the finding the
checker gives on those records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from iprules.i18n import VERDICT_WORDS, Lang
from iprules.policy.load import Policy
from iprules.scenarios import Scenario, run_scenario

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


@dataclass
class Score:
    asked: int = 0
    right: int = 0


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
    for scenario in scenarios:
        outcome = run_scenario(scenario, policy)
        say(f"\n{'场景' if zh else 'Scenario'}: {scenario.name}  [{scenario.clause}]")
        if not outcome.passed:
            # a scenario that does not hold (or whose ledger breaks a clause it does not
            # declare) would teach the wrong answer somewhere: say so before asking
            say(
                "  ⚠ 本场景与规则不一致，答案仅供参考（请告知培训负责人）："
                if zh
                else "  ⚠ this scenario does not hold against the policy; take its answers with care:"
            )
            for failure in outcome.failures:
                say(f"    {failure}")
        for table in scenario.tables:
            say(f"  {'台账' if zh else 'ledger'} {table.kind}:")
            for row in table.rows:
                say("    | " + " | ".join(row) + " |")
        for expectation, found in outcome.pinned:
            if expectation.verdict is None:
                continue
            prompt = (
                f"案件 {expectation.case} 是否符合条款 {expectation.rule or expectation.clause}？"
                "[1 合规 / 2 违规 / 3 无法判定] "
                if zh
                else f"Is case {expectation.case} compliant with {expectation.rule or expectation.clause}? "
                "[1 compliant / 2 violation / 3 undetermined] "
            )
            reply = ask(prompt)
            if reply is None:
                say(f"\n{'得分' if zh else 'Score'}: {score.right}/{score.asked}")
                return score
            answer = _ANSWERS.get(reply.strip().lower())
            score.asked += 1
            expected = expectation.verdict
            if answer == expected:
                score.right += 1
                say("  ✓ " + ("正确" if zh else "right") + f": {VERDICT_WORDS[expected](lang)}")
            else:
                say("  ✗ " + ("应为" if zh else "the answer is") + f": {VERDICT_WORDS[expected](lang)}")
            clauses = policy.clause_by_id
            for finding in found[:1]:
                for clause_id in finding.clauses:
                    clause = clauses[clause_id]
                    say(f"    {'条款' if zh else 'clause'} {clause.label} {clause_id}: {clause.text}")
                    if not zh:
                        say(f"      {clause.text_en}")
                for message in finding.messages:
                    say(f"    {'理由' if zh else 'why'}: {message(lang)}")
    total = f"{score.right}/{score.asked}"
    say(f"\n{'得分' if zh else 'Score'}: {total}")
    return score
