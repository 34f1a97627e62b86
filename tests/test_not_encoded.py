"""Parts of encoded clauses that no rule checks are policy data (not_encoded.yaml): quoted from
the clause, validated with file:line, inherited by a variant, shown by `iprules clauses` and in
the scope of every report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from iprules.check import check
from iprules.cli import main
from iprules.policy.load import Policy, load_policy
from iprules.policy.yamlfile import PolicyError
from iprules.report.json import render_json
from iprules.report.text import render_text

ROOT = Path(__file__).resolve().parents[1]
MAOJIAN = ROOT / "rules" / "maojian"
EXAMPLE = ROOT / "examples" / "台账.jsonl"


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(MAOJIAN)


def variant(tmp_path: Path, not_encoded: str | None) -> Path:
    """A policy extending maojian, with its own not_encoded.yaml when one is given."""
    folder = tmp_path / "variant"
    folder.mkdir()
    body = f"extends: {MAOJIAN}\nname: variant\n"
    if not_encoded is not None:
        body += "not_encoded: not_encoded.yaml\n"
        (folder / "not_encoded.yaml").write_text(not_encoded, encoding="utf-8")
    (folder / "policy.yaml").write_text(body, encoding="utf-8")
    return folder


def test_every_part_not_encoded_is_a_verbatim_piece_of_its_clause_text(policy: Policy) -> None:
    clauses = policy.clause_by_id
    assert policy.not_encoded, "the policy lists no part of a clause as not encoded"
    misquoted = [(p.clause, p.part.zh) for p in policy.not_encoded if p.part.zh not in clauses[p.clause].text]
    assert misquoted == []


def test_every_part_not_encoded_stands_in_the_source_document(policy: Policy) -> None:
    source = "".join(policy.source.read_text(encoding="utf-8").split())
    assert [p.part.zh for p in policy.not_encoded if "".join(p.part.zh.split()) not in source] == []


def test_parts_not_encoded_belong_to_clauses_a_rule_encodes(policy: Policy) -> None:
    encoded = {clause for rule in policy.rules for clause in rule.clauses}
    assert sorted({p.clause for p in policy.not_encoded} - encoded) == []


def test_the_attitudes_the_rules_cannot_see_are_listed(policy: Policy) -> None:
    parts = {(p.clause, p.part.zh) for p in policy.not_encoded}
    assert {
        ("s2.2", "耐心"),
        ("s2.3-redirect", "热情地"),
        ("s2.4", "如实"),
        ("s2.1-timely", "积极地"),
    } <= parts


def test_a_part_that_is_not_in_the_clause_text_is_a_policy_error_with_its_line(tmp_path: Path) -> None:
    folder = variant(
        tmp_path,
        "- clause: s2.2\n  part: {zh: 耐心, en: patiently}\n  reason: {zh: 态度, en: attitude}\n"
        "- clause: s2.2\n  part: {zh: 微笑, en: smiling}\n  reason: {zh: 态度, en: attitude}\n",
    )
    with pytest.raises(PolicyError) as raised:
        load_policy(folder)
    assert raised.value.line == 5 and "微笑" in raised.value.zh and "s2.2" in raised.value.zh
    assert raised.value.file.endswith("not_encoded.yaml")


def test_an_unknown_clause_in_not_encoded_is_a_policy_error_with_its_line(tmp_path: Path) -> None:
    folder = variant(
        tmp_path, "- clause: s9.9\n  part: {zh: 耐心, en: patiently}\n  reason: {zh: a, en: b}\n"
    )
    with pytest.raises(PolicyError) as raised:
        load_policy(folder)
    assert (raised.value.line, "s9.9" in raised.value.zh) == (1, True)


def test_an_entry_without_a_reason_is_a_policy_error(tmp_path: Path) -> None:
    folder = variant(tmp_path, "- clause: s2.2\n  part: {zh: 耐心, en: patiently}\n")
    with pytest.raises(PolicyError, match="reason"):
        load_policy(folder)


def test_a_variant_inherits_the_parts_not_encoded(tmp_path: Path, policy: Policy) -> None:
    inherited = load_policy(variant(tmp_path, None))
    assert [(p.clause, p.part) for p in inherited.not_encoded] == [
        (p.clause, p.part) for p in policy.not_encoded
    ]


def test_lint_names_a_part_not_encoded_of_a_waived_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = variant(
        tmp_path,
        "- clause: s4.3\n  part: {zh: 所有人员, en: all staff}\n  reason: {zh: a, en: b}\n",
    )
    assert main(["lint", str(folder)]) == 1
    assert "not_encoded.yaml:1: 条款 s4.3 没有规则编码" in capsys.readouterr().out


def test_lint_of_the_maojian_policy_finds_no_problem_in_its_parts_not_encoded(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lint", str(MAOJIAN)]) == 0
    assert "not_encoded" not in capsys.readouterr().out


def test_clauses_shows_each_part_not_encoded_under_its_clause(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "--clause", "s2.2"]) == 0
    out = capsys.readouterr().out
    assert "未编码的部分：“耐心”" in out
    assert main(["clauses", "--clause", "s2.2", "--lang", "en"]) == 0
    assert 'not encoded: "patiently" (耐心)' in capsys.readouterr().out


def test_the_scope_of_the_example_report_lists_every_part_not_encoded(policy: Policy) -> None:
    report = check([EXAMPLE], policy, dt.date(2026, 11, 25), jobs=1)
    listed = json.loads(render_json(report, policy, "zh"))["scope"]["branches_not_encoded"]
    assert [(item["id"], item["part"]) for item in listed] == [
        (p.clause, p.part.zh) for p in policy.not_encoded
    ]
    text = render_text(report, policy, "zh")
    head = text.split("\n案件 ", 1)[0]
    assert f"已编码条款中未检查的部分（{len(policy.not_encoded)} 处）" in head
    full = text.split("\n检查范围明细\n", 1)[1]
    assert all(f"{p.clause}：“{p.part.zh}”——{p.reason.zh}" in full for p in policy.not_encoded)
