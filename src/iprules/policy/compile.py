"""Rules → durable_rules' JSON ruleset form, in shapes that are safe on 2.0.28.

ENGINE.md lists the defects of the installed engine; the compiler never emits their shapes:
- a join pattern always ends with an equality join on `case`, which is true for every pair
  of facts in one state (one state per case), so the last cross-fact test never evaluates
  false (defect 1: out-of-bounds read when it does);
- no nested `$or`/`$and` inside a pattern: `in` becomes one engine rule per value
  (disjunctive normal form), so no condition ever follows a nested group (defect 2);
- every state runs at least one action: the always-firing `case-end` rule (defect 3);
- a rule with an `absent` pattern starts with the end-of-case fact, which is asserted last,
  so negation is judged only when all of the case's facts are in;
- a `sink` rule gives every fact somewhere to go, so a fact no other pattern wants is not
  refused as "not handled";
- a join other than `==` never reads a field the joined fact lacks: the engine fails the
  whole assert with error 311 (property not found) instead of judging the test false. The
  referenced pattern gets an `exists` test; under an absent pattern the rule is split in two
  (the field present: the negation as written; missing: the negation cannot match, so it is
  dropped). Found by tests/test_differential.py.
`tests/test_compile.py` checks each of these on every compiled rule.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from iprules.policy.rules import Alternative, Pattern, Ref, Rule, Test

END_TYPE = "$end"
END_ALIAS = "end"
END_RULE = "case-end"
REF_FIELD = "ref"
SINK_RULE = "sink"
_OPS = {"lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte", "ne": "$neq"}


@dataclass(frozen=True)
class Target:
    """What a compiled engine rule stands for: a rule's applies part or one alternative."""

    rule: str
    kind: str  # "applies", "violation", "undetermined"
    index: int  # the alternative's index (0 for applies)
    aliases: tuple[str, ...]  # positive aliases whose fact ids a match reports


@dataclass(frozen=True)
class CompiledPolicy:
    ruleset: dict[str, dict[str, Any]]  # engine rule name → {"all": [...]}, without "run"
    targets: dict[str, Target]
    fact_types: frozenset[str]


def _engine_alias(alias: str) -> str:
    return f"a_{alias}"


def _expand(patterns: tuple[Pattern, ...]) -> list[tuple[Pattern, ...]]:
    """Disjunctive normal form: one pattern list per combination of `in` values."""
    choices: list[list[Pattern]] = []
    for pattern in patterns:
        options: list[list[Test]] = [[]]
        for test in pattern.tests:
            if test.op == "in":
                assert isinstance(test.value, tuple)
                options = [
                    [*prefix, Test(test.field, "eq", value)] for prefix in options for value in test.value
                ]
            else:
                options = [[*prefix, test] for prefix in options]
        if pattern.absent:
            choices.append([pattern])  # split into several negations in _absent_variants
        else:
            choices.append(
                [Pattern(pattern.alias, pattern.fact_type, tuple(o), False, pattern.line) for o in options]
            )
    return [tuple(combination) for combination in itertools.product(*choices)]


def _absent_variants(pattern: Pattern) -> list[Pattern]:
    """ "No fact with field in (a, b)" is "no fact with a" and "no fact with b"."""
    variants: list[list[Test]] = [[]]
    for test in pattern.tests:
        if test.op == "in":
            assert isinstance(test.value, tuple)
            variants = [
                [*prefix, Test(test.field, "eq", value)] for prefix in variants for value in test.value
            ]
        else:
            variants = [[*prefix, test] for prefix in variants]
    return [Pattern(pattern.alias, pattern.fact_type, tuple(v), True, pattern.line) for v in variants]


def _field(name: str) -> str:
    """The engine field for a rule's field: `id` is the engine's identity key, and a join on
    it is judged wrongly now and then (found here, see tests/test_engine_defects.py), so
    rules' `id` reads the `ref` copy every fact carries."""
    return REF_FIELD if name == "id" else name


def _alpha(test: Test) -> dict[str, Any]:
    value = test.value
    name = _field(test.field)
    if test.op == "eq":
        return {name: value}
    if test.op in _OPS:
        return {_OPS[test.op]: {name: value}}
    if test.op == "exists":
        return {"$ex" if value else "$nex": {name: 1}}
    if test.op == "matches":
        return {"$mt": {name: value}}
    if test.op == "contains_any":
        assert isinstance(value, tuple)
        alternatives = "|".join(re.escape(str(word)) for word in value)
        return {"$mt": {name: f".*({alternatives}).*"}}
    raise ValueError(f"operator {test.op} has no alpha form")  # not_in is split before


def _join(test: Test) -> dict[str, Any]:
    assert isinstance(test.value, Ref)
    reference = {_engine_alias(test.value.alias): _field(test.value.field)}
    if test.op == "eq":
        return {_field(test.field): reference}
    return {_OPS[test.op]: {_field(test.field): reference}}


def _pattern(pattern: Pattern, anchor: str) -> dict[str, Any]:
    tests: list[Test] = []
    for test in pattern.tests:
        if test.op == "not_in":
            assert isinstance(test.value, tuple)
            tests += [Test(test.field, "ne", value) for value in test.value]
        else:
            tests.append(test)
    alpha = [{"type": pattern.fact_type}] + [_alpha(t) for t in tests if not isinstance(t.value, Ref)]
    joins = [_join(t) for t in tests if isinstance(t.value, Ref)]
    if joins:
        # the last cross-fact test must never be false: an always-true join on the case
        joins.append({"case": {anchor: "case"}})
    return {"$and": alpha + joins}


def _engine_rule(patterns: tuple[Pattern, ...], end_first: bool) -> dict[str, Any]:
    positives = [p for p in patterns if not p.absent]
    negatives = [variant for p in patterns if p.absent for variant in _absent_variants(p)]
    items: list[dict[str, Any]] = []
    if end_first:
        items.append({END_ALIAS: {"type": END_TYPE}})
    anchor = END_ALIAS if end_first else _engine_alias(positives[0].alias)
    for pattern in positives:
        items.append({_engine_alias(pattern.alias): _pattern(pattern, anchor)})
    for pattern in negatives:
        items.append({f"{_engine_alias(pattern.alias)}$not": _pattern(pattern, anchor)})
    return {"all": items}


def _with_test(pattern: Pattern, test: Test) -> Pattern:
    return Pattern(pattern.alias, pattern.fact_type, (*pattern.tests, test), pattern.absent, pattern.line)


def _guard_missing(patterns: tuple[Pattern, ...]) -> list[tuple[Pattern, ...]]:
    """Variants in which no order/inequality join reads a missing field (engine error 311).

    A positive pattern's `field > $a.f` is false when `a` lacks `f`, so `a` may as well
    require `f`. An absent pattern's is false too, which makes that negation hold: one
    variant for "`a` has `f`" (negation kept) and one for "`a` lacks `f`" (negation dropped).
    """
    positive_refs: set[tuple[str, str]] = set()
    absent_refs: set[tuple[str, str]] = set()
    for pattern in patterns:
        for test in pattern.tests:
            if isinstance(test.value, Ref) and test.op != "eq":
                (absent_refs if pattern.absent else positive_refs).add((test.value.alias, test.value.field))
    split = sorted(absent_refs - positive_refs)
    variants: list[tuple[Pattern, ...]] = []
    for missing_flags in itertools.product((False, True), repeat=len(split)):
        missing = {ref for ref, flag in zip(split, missing_flags, strict=True) if flag}
        result: list[Pattern] = []
        for pattern in patterns:
            reads_missing = any(
                isinstance(t.value, Ref) and t.op != "eq" and (t.value.alias, t.value.field) in missing
                for t in pattern.tests
            )
            if pattern.absent and reads_missing:
                continue  # its test is false for every fact: nothing can meet it
            for alias, name in sorted(positive_refs | absent_refs):
                if alias == pattern.alias:
                    pattern = _with_test(pattern, Test(name, "exists", (alias, name) not in missing))
            result.append(pattern)
        variants.append(tuple(result))
    return variants


def compile_rules(rules: list[Rule]) -> CompiledPolicy:
    ruleset: dict[str, dict[str, Any]] = {
        END_RULE: {"all": [{END_ALIAS: {"type": END_TYPE}}]},
        SINK_RULE: {"all": [{"never": {"type": "$never"}}, {"any": {"$ex": {"type": 1}}}]},
    }
    targets: dict[str, Target] = {}
    fact_types: set[str] = set()
    for rule in rules:
        parts: list[tuple[str, int, tuple[Pattern, ...]]] = [("applies", 0, rule.applies)]
        parts += [(alt.kind, alt.index, alt.patterns) for alt in rule.alternatives]
        for kind, index, patterns in parts:
            fact_types.update(p.fact_type for p in patterns)
            end_first = any(p.absent for p in patterns)
            aliases = tuple(p.alias for p in patterns if not p.absent)
            variants = [guarded for expanded in _expand(patterns) for guarded in _guard_missing(expanded)]
            for number, expanded in enumerate(variants):
                name = f"{rule.id}#{kind}.{index}.{number}"
                ruleset[name] = _engine_rule(expanded, end_first)
                targets[name] = Target(rule.id, kind, index, aliases)
    return CompiledPolicy(ruleset, targets, frozenset(fact_types))


def alternative_of(rule: Rule, target: Target) -> Alternative | None:
    for alternative in rule.alternatives:
        if alternative.kind == target.kind and alternative.index == target.index:
            return alternative
    return None
