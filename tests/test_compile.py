"""The compiler emits only shapes that are safe on durable_rules 2.0.28 (see ENGINE.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iprules.policy.compile import END_ALIAS, END_RULE, END_TYPE, SINK_RULE, CompiledPolicy, compile_rules
from iprules.policy.load import load_policy
from iprules.policy.rules import RuleContext, parse_rule_file
from iprules.policy.yamlfile import parse_yaml

ROOT = Path(__file__).resolve().parents[1]

# A rule using every operator, so the shape checks cover what the policy may not use yet.
ALL_OPERATORS = """
rules:
  - id: every-operator
    clause: s2.0
    title: {zh: 测试, en: test}
    applies:
      r: {type: first_responder, rank: {gte: 1}, staff: {ne: 无名}}
    violations:
      - when:
          a: {type: asked, staff: $r.staff, rank: {gt: $r.rank}, order: {in: [0, 1, 2]}, seq: {not_in: [7, 8]}}
          b: {type: asked, absent: true, position: {in: [科员, 局长]}, rank: {lt: $r.rank}}
        message: {zh: "{a.staff}", en: "{a.staff}"}
      - when:
          r: {position: {matches: ".*局长"}, staff: {contains_any: [王, 李]}, day: {lte: 100}}
          c: {type: asked, rank: {exists: false}, staff: {exists: true}, inquiry: {eq: $r.staff}}
        message: {zh: x, en: x}
"""


def compiled_policies() -> list[CompiledPolicy]:
    policy = load_policy(ROOT / "rules" / "maojian")
    context = RuleContext(frozenset(c.id for c in policy.clauses), policy.parameters, frozenset())
    extra = parse_rule_file(parse_yaml(ALL_OPERATORS, "all-operators.yaml"), context)
    return [compile_rules(policy.rules), compile_rules(extra)]


def patterns(rule: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [next(iter(item.items())) for item in rule["all"]]


def is_join(test: dict[str, Any]) -> bool:
    """A cross-fact test: its value is {alias: field} rather than a literal."""
    body = next(iter(test.values()))
    if next(iter(test)).startswith("$"):
        body = next(iter(body.values()))
    return isinstance(body, dict)


@pytest.mark.parametrize("compiled", compiled_policies(), ids=["maojian", "all-operators"])
def test_every_join_pattern_ends_with_an_always_true_join_on_the_case(compiled: CompiledPolicy) -> None:
    # defect 1: an out-of-bounds read when the last cross-fact test of a join is false
    for name, rule in compiled.ruleset.items():
        for alias, pattern in patterns(rule):
            tests = pattern.get("$and", [pattern])
            if any(is_join(test) for test in tests):
                first_alias = patterns(rule)[0][0]
                assert tests[-1] == {"case": {first_alias: "case"}}, (
                    f"{name}/{alias}: must end with case == first.case"
                )


@pytest.mark.parametrize("compiled", compiled_policies(), ids=["maojian", "all-operators"])
def test_no_pattern_holds_a_nested_or_or_and_group(compiled: CompiledPolicy) -> None:
    # defect 2: a condition after a nested group inside a join pattern is ignored
    def nested(value: Any, depth: int) -> bool:
        if isinstance(value, dict):
            return any(
                (key in ("$or", "$and") and depth > 0) or nested(v, depth + 1) for key, v in value.items()
            )
        if isinstance(value, list):
            return any(nested(v, depth) for v in value)
        return False

    for name, rule in compiled.ruleset.items():
        for _alias, pattern in patterns(rule):
            assert not nested(pattern, 0), name


@pytest.mark.parametrize("compiled", compiled_policies(), ids=["maojian", "all-operators"])
def test_every_state_runs_an_action_and_every_fact_has_a_pattern(compiled: CompiledPolicy) -> None:
    # defect 3: delete_state frees an uninitialised pointer in a state that ran no action
    assert compiled.ruleset[END_RULE] == {"all": [{END_ALIAS: {"type": END_TYPE}}]}
    assert SINK_RULE in compiled.ruleset


@pytest.mark.parametrize("compiled", compiled_policies(), ids=["maojian", "all-operators"])
def test_negation_is_judged_only_after_the_end_of_case_fact(compiled: CompiledPolicy) -> None:
    for name, rule in compiled.ruleset.items():
        aliases = [alias for alias, _ in patterns(rule)]
        if any(alias.endswith("$not") for alias in aliases):
            assert aliases[0] == END_ALIAS, name
            first_negation = next(i for i, a in enumerate(aliases) if a.endswith("$not"))
            assert all(a.endswith("$not") for a in aliases[first_negation:]), f"{name}: negations come last"


@pytest.mark.parametrize("compiled", compiled_policies(), ids=["maojian", "all-operators"])
def test_no_test_reads_the_engines_identity_field(compiled: CompiledPolicy) -> None:
    # found here: a join on `id` is judged wrongly now and then; rules read the `ref` copy
    def reads_id(value: Any) -> bool:
        if isinstance(value, dict):
            return any(key == "id" or reads_id(v) or v == "id" for key, v in value.items())
        if isinstance(value, list):
            return any(reads_id(v) for v in value)
        return False

    for name, rule in compiled.ruleset.items():
        assert not reads_id(rule), name


def test_in_becomes_one_engine_rule_per_value() -> None:
    compiled = compiled_policies()[1]
    violation = [name for name in compiled.ruleset if name.startswith("every-operator#violation.0.")]
    assert len(violation) == 3  # order in [0, 1, 2]; the absent `in` splits into two negations instead
    rule = compiled.ruleset[violation[0]]
    assert sum(1 for alias, _ in patterns(rule) if alias.endswith("$not")) == 2


def test_the_ruleset_stays_within_the_engines_join_limit() -> None:
    # about 256 join rules may share one first pattern (error 108 beyond)
    compiled = compiled_policies()[0]
    starting_with_end = [r for r in compiled.ruleset.values() if next(iter(r["all"][0])) == END_ALIAS]
    assert len(starting_with_end) < 200
