"""How durable_rules behaves, pinned: the engine module relies on each of these."""

from __future__ import annotations

import random
import threading
from typing import Any

import pytest

import iprules.engine
from differential import entries, facts_by_case, policy
from iprules.engine import Engine, EngineError
from iprules.policy.compile import END_RULE, SINK_RULE, CompiledPolicy, Target, compile_rules


def engine_with(rules: dict[str, list[dict[str, Any]]], fact_types: set[str]) -> Engine:
    ruleset: dict[str, dict[str, Any]] = {
        END_RULE: {"all": [{"end": {"type": "$end"}}]},
        SINK_RULE: {"all": [{"never": {"type": "$never"}}, {"any": {"$ex": {"type": 1}}}]},
    }
    targets = {}
    for name, items in rules.items():
        ruleset[name] = {"all": items}
        targets[name] = Target(name, "applies", 0, ())
    return Engine(CompiledPolicy(ruleset, targets, frozenset(fact_types)))


def test_a_fact_binds_at_most_one_alias_of_a_rule() -> None:
    engine = engine_with(
        {
            "pair": [{"a_x": {"type": "x"}}, {"a_y": {"$and": [{"type": "x"}, {"case": {"a_x": "case"}}]}}],
            "alone": [
                {"end": {"type": "$end"}},
                {"a_x": {"type": "x"}},
                {"a_y$not": {"$and": [{"type": "x"}, {"case": {"end": "case"}}]}},
            ],
        },
        {"x"},
    )
    matches = engine.run_case("c", [{"id": "f1", "ref": "f1", "type": "x", "case": "c"}])
    # one x cannot fill both aliases; and "no other x" holds although f1 itself is an x
    assert [m.name for m in matches] == ["alone"]


def test_negation_waits_for_the_end_of_case_fact() -> None:
    engine = engine_with(
        {
            "lonely": [
                {"end": {"type": "$end"}},
                {"a_d": {"type": "d"}},
                {"a_c$not": {"$and": [{"type": "c"}, {"of": {"a_d": "ref"}}, {"case": {"end": "case"}}]}},
            ]
        },
        {"c", "d"},
    )
    dispute = {"id": "f1", "ref": "f1", "type": "d", "case": "k"}
    helper = {"id": "f2", "ref": "f2", "type": "c", "of": "f1", "case": "k"}
    assert engine.run_case("k", [dispute, helper]) == []
    assert [m.name for m in engine.run_case("k", [dispute])] == ["lonely"]


def test_a_join_on_the_ref_copy_is_right_in_thousands_of_fresh_states() -> None:
    # the same shape joined on `id` misjudged the first state of a ruleset here; `ref` never did
    engine = engine_with(
        {
            "lonely": [
                {"end": {"type": "$end"}},
                {"a_d": {"type": "d"}},
                {
                    "a_c$not": {
                        "$and": [
                            {"type": "c"},
                            {"org": "district"},
                            {"of": {"a_d": "ref"}},
                            {"case": {"end": "case"}},
                        ]
                    }
                },
            ]
        },
        {"c", "d"},
    )
    rng = random.Random(7)
    for number in range(2000):
        case = f"k{number}"
        words = ["".join(rng.choice("abcXYZ十堰武当") for _ in range(rng.randint(1, 12))) for _ in range(2)]
        facts = [
            {"id": "f1", "ref": "f1", "type": "d", "case": case, "by": words[0]},
            {
                "id": "f2",
                "ref": "f2",
                "type": "c",
                "org": "district",
                "of": "f1",
                "case": case,
                "unit": words[1],
            },
        ]
        assert engine.run_case(case, facts) == [], (number, words)


def test_states_are_deleted_so_the_1024_state_limit_is_never_reached() -> None:
    engine = engine_with({"x": [{"a_x": {"type": "x"}}]}, {"x"})
    for number in range(1500):
        assert (
            len(engine.run_case(f"c{number}", [{"id": "f1", "ref": "f1", "type": "x", "case": f"c{number}"}]))
            == 1
        )


def test_the_engine_starts_no_timer_threads() -> None:
    engine_with({"x": [{"a_x": {"type": "x"}}]}, {"x"}).run_case(
        "c", [{"id": "f1", "ref": "f1", "type": "x", "case": "c"}]
    )
    # the stock Host starts two self-rescheduling threading.Timer threads that run actions
    assert [t for t in threading.enumerate() if isinstance(t, threading.Timer)] == []


def test_facts_no_pattern_wants_are_not_refused() -> None:
    engine = engine_with({"x": [{"a_x": {"$and": [{"type": "x"}, {"n": 1}]}}]}, {"x"})
    # an x with n == 2 passes no alpha test of any real rule; the sink keeps the engine from refusing it
    assert engine.run_case("c", [{"id": "f1", "ref": "f1", "type": "x", "n": 2, "case": "c"}]) == []


def test_an_emptied_state_judges_the_next_case_as_a_fresh_state_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled = compile_rules(policy().rules)
    cases = facts_by_case(entries(400, seed=11, others=0.5), policy())
    reused = Engine(compiled)
    judged_in_one_state = [reused.run_case(case.case, case.facts) for case in cases]
    assert next(reused._states) == 2, "every case was judged in the one state made first"
    monkeypatch.setattr(iprules.engine, "REUSE", 1)
    fresh = Engine(compiled)
    assert [fresh.run_case(case.case, case.facts) for case in cases] == judged_in_one_state
    assert any(judged_in_one_state)


def test_a_refused_case_leaves_no_fact_behind_for_the_next() -> None:
    engine = engine_with(
        {
            "lonely": [
                {"end": {"type": "$end"}},
                {"a_d": {"type": "d"}},
                {"a_c$not": {"$and": [{"type": "c"}, {"case": {"end": "case"}}]}},
            ]
        },
        {"c", "d"},
    )
    dispute = {"id": "f1", "ref": "f1", "type": "d", "case": "k"}
    helper = {"id": "f2", "ref": "f2", "type": "c", "case": "k"}
    assert engine.run_case("k", [dispute, helper]) == []
    with pytest.raises(EngineError):
        engine.run_case("k", [helper, dict(helper)])
    # neither the emptied nor the refused case's `c` may stand in this case's state
    assert [m.name for m in engine.run_case("k", [dispute])] == ["lonely"]


def test_two_threads_sharing_an_engine_never_judge_in_one_state() -> None:
    compiled = compile_rules(policy().rules)
    cases = facts_by_case(entries(120, seed=13, others=0.5), policy())
    alone = Engine(compiled)
    expected = [alone.run_case(case.case, case.facts) for case in cases]
    shared = Engine(compiled)
    results: dict[int, list[Any]] = {}

    def judge(number: int) -> None:
        results[number] = [shared.run_case(case.case, case.facts) for case in cases]

    threads = [threading.Thread(target=judge, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[n] for n in range(3)] == [expected] * 3
