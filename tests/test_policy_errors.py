"""A rule file mistake is an error naming file:line and the fix, never a silent miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from iprules.policy.load import load_policy
from iprules.policy.rules import RuleContext, parse_rule_file
from iprules.policy.yamlfile import PolicyError, parse_yaml

ROOT = Path(__file__).resolve().parents[1]
POLICY = load_policy(ROOT / "rules" / "maojian")
CONTEXT = RuleContext(
    frozenset(c.id for c in POLICY.clauses), POLICY.parameters, frozenset(POLICY.interpretations)
)

GOOD = """rules:
  - id: sample
    clause: s2.0
    title: {zh: 示例, en: sample}
    applies:
      responder: {type: first_responder}
    violations:
      - when:
          higher: {type: asked, first: true, rank: {gt: $responder.rank}}
        message: {zh: "{higher.staff}", en: "{higher.staff}"}
"""


def error_of(text: str) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        parse_rule_file(parse_yaml(text, "r.yaml"), CONTEXT)
    return caught.value


def test_the_sample_rule_is_valid() -> None:
    assert [rule.id for rule in parse_rule_file(parse_yaml(GOOD, "r.yaml"), CONTEXT)] == ["sample"]


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("clause: s2.0", "clause: s2.9"), 3, "s2.9"),
        (("title:", "titel:"), 4, "titel"),
        (("type: first_responder", "type: first_responders"), 6, "first_responders"),
        (("rank: {gt:", "rang: {gt:"), 9, "rang"),
        (("{gt: $responder.rank}", "{greater: $responder.rank}"), 9, "greater"),
        (("$responder.rank", "$nobody.rank"), 9, "nobody"),
        (("$responder.rank", "$responder.level"), 9, "level"),
        (('"{higher.staff}", en', '"{higher.name}", en'), 10, "higher.name"),
        (("clause: s2.0\n", "clause: s2.0\n    interpretations: [no-such-reading]\n"), 4, "no-such-reading"),
        (("rank: {gt: $responder.rank}", "rank: {gt: 是}"), 9, "gt"),
        (
            ("      - when:", "      - interpretations: [no-such-reading]\n        when:"),
            8,
            "no-such-reading",
        ),
        (("      - when:", "      - name: Late_Notice\n        when:"), 8, "name"),
        (("      - when:", "      - nam: late\n        when:"), 8, "name"),
    ],
)
def test_each_mistake_names_its_line_and_what_is_wrong(
    change: tuple[str, str], line: int, words: str
) -> None:
    error = error_of(GOOD.replace(*change, 1))
    assert error.file == "r.yaml"
    assert error.line == line, error
    assert words in error.zh and words in error.en


def test_anchors_and_aliases_are_refused() -> None:
    error = error_of(
        GOOD.replace("title: {zh: 示例, en: sample}", "title: &t {zh: 示例, en: sample}\n    compliant: *t")
    )
    assert "锚点" in error.zh


def test_a_duplicate_key_is_refused_not_silently_overwritten() -> None:
    error = error_of(GOOD.replace("    clause: s2.0\n", "    clause: s2.0\n    clause: s5.4-routing\n"))
    assert error.line == 4 and "clause" in error.en


def test_yaml_syntax_errors_name_the_line() -> None:
    error = error_of(GOOD.replace("applies:", "applies: {"))
    assert error.file == "r.yaml" and error.line >= 5


def test_a_message_may_quote_a_policy_parameter_filled_in_at_load() -> None:
    (rule,) = parse_rule_file(
        parse_yaml(
            GOOD.replace('"{higher.staff}", en', '"{higher.staff} {policy.complaint_phone}", en'), "r.yaml"
        ),
        CONTEXT,
    )
    assert rule.alternatives[0].message.zh == "{higher.staff} " + str(POLICY.parameters["complaint_phone"])


def test_an_unknown_policy_parameter_in_a_message_is_an_error() -> None:
    error = error_of(GOOD.replace('"{higher.staff}", en', '"{policy.no_such}", en'))
    assert error.line == 10 and "no_such" in error.en


def test_an_alternative_name_used_twice_in_a_rule_is_refused() -> None:
    twice = GOOD.replace("      - when:", "      - name: higher\n        when:") + (
        "      - name: higher\n"
        "        when:\n"
        "          other: {type: asked, first: false}\n"
        "        message: {zh: x, en: x}\n"
    )
    error = error_of(twice)
    assert error.line == 12 and "higher" in error.zh and "higher" in error.en


def test_an_alternative_carries_its_name_and_readings() -> None:
    reading = sorted(POLICY.interpretations)[0]
    named = GOOD.replace(
        "      - when:", f"      - name: higher\n        interpretations: [{reading}]\n        when:"
    )
    (rule,) = parse_rule_file(parse_yaml(named, "r.yaml"), CONTEXT)
    (alternative,) = rule.alternatives
    assert (alternative.branch, alternative.interpretations) == ("violation:higher", (reading,))
    (unnamed,) = parse_rule_file(parse_yaml(GOOD, "r.yaml"), CONTEXT)[0].alternatives
    assert unnamed.branch == "violation:0"
