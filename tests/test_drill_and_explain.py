"""The trainer's quiz and the auditor's one-case explanation."""

from __future__ import annotations

from pathlib import Path

import pytest

from iprules.cli import main
from iprules.drill import drill
from iprules.policy.load import load_policy
from iprules.scenarios import read_scenarios

ROOT = Path(__file__).resolve().parents[1]
WORDS = {"compliant": "合规", "violation": "违规", "undetermined": "无法判定"}


def test_the_drill_scores_right_and_wrong_answers() -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    scenarios = [s for s in read_scenarios(policy.features, policy.root) if s.clause == "s2.0"]
    expected = [e.verdict for s in scenarios for e in s.expectations if e.verdict]
    # the trainee answers the first half right (the scenario's own verdicts) and the rest wrong
    half = len(expected) // 2
    answers = [WORDS[v] for v in expected[:half]] + [
        "违规" if v != "violation" else "合规" for v in expected[half:]
    ]
    said: list[str] = []
    score = drill(scenarios, policy, "zh", lambda _prompt: answers.pop(0), said.append)
    assert (score.asked, score.right) == (len(expected), half)
    assert any("首问责任人是指" in line for line in said), "the clause text is shown after each answer"
    assert said[-1].endswith(f"{half}/{len(expected)}")


def test_the_drill_shows_a_scenario_s_title_only_after_its_answer() -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    scenario = next(
        s
        for s in read_scenarios(policy.features, policy.root)
        if s.clause == "s1.1-office" and "无法判定" in s.name
    )
    said: list[str] = []
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return "3"

    drill([scenario], policy, "zh", ask, said.append)
    before = said[: next(i for i, line in enumerate(said) if "正确" in line or "应为" in line)]
    assert not any(scenario.name in line for line in before + prompts), "the title says the answer"
    assert any(scenario.name in line for line in said), "it is shown with the answer"


def test_the_drill_stops_at_the_end_of_input() -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    scenarios = read_scenarios(policy.features, policy.root)
    score = drill(scenarios, policy, "en", lambda _prompt: None, lambda _line: None)
    assert score.asked == 0


def test_explain_shows_one_cases_reasoning_and_the_rules_that_did_not_apply(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["explain", "MJ-2026-003", str(ROOT / "examples" / "台账.jsonl"), "--as-of", "2026-11-25"])
    out = capsys.readouterr().out
    assert code == 0
    assert "【违规】" in out and "王建国（副局长）" in out and "examples/台账.jsonl:" in out
    assert "不适用的规则" in out and "key-enterprise-patent-dispute-unit" in out
    assert "MJ-2026-004" not in out


def test_explain_lists_the_derived_facts_the_rules_saw_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    from iprules.facts import FACT_TYPES, field_spec

    code = main(["explain", "MJ-2026-102", str(ROOT / "examples" / "台账.jsonl"), "--as-of", "2026-11-25"])
    out = capsys.readouterr().out
    assert code == 0
    facts = out.split("规则所见的事实", 1)[1]
    assert FACT_TYPES["service"].about.zh in facts and "examples/台账.jsonl:46" in facts
    due = field_spec("service", "due_day")
    timely = field_spec("service", "timing")
    assert due is not None and timely is not None
    # three working days after 2026-09-29, across the National Day holiday
    assert f"{due.about.zh}：2026-10-09" in facts
    assert f"{timely.about.zh}：" in facts, "whether the deadline was kept is shown in words"
    assert "due_day" not in facts and "'late'" not in facts


def test_explain_in_english_names_facts_and_readings_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["explain", "MJ-2026-102", str(ROOT / "examples" / "台账.jsonl"), "--as-of", "2026-11-25"]
    assert main([*args, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "The facts the rules saw" in out and "deadline (the N-th working day after): 2026-10-09" in out
    assert "Readings (" in out and "s2.1-clock" in out
