"""A finding keeps its id across checks: the same finding on the same case has the same id
whatever the ledger's row order or format, and a different finding never shares it."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path

import pytest

from iprules.check import Report, check
from iprules.finding_id import finding_id, numbered, record_identity
from iprules.ledger.model import RECORD_KINDS
from iprules.policy.load import Policy, load_policy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def jsonl_report(policy: Policy) -> Report:
    return check([EXAMPLES / "台账.jsonl"], policy, AS_OF)


def by_id(report: Report) -> dict[str, tuple[str, str, str, str]]:
    return {f.id: (f.case, f.rule, f.branch, f.verdict) for f in report.findings}


def shuffled_copy(source: Path, target: Path, seed: int) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()
    random.Random(seed).shuffle(lines)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_every_finding_of_the_example_has_a_distinct_id(jsonl_report: Report) -> None:
    ids = [f.id for f in jsonl_report.findings]
    assert ids and all(ids), "every finding is named"
    assert len(set(ids)) == len(ids), [i for i, n in Counter(ids).items() if n > 1]


@pytest.mark.parametrize("name", ["台账.csv", "台账.xlsx"])
def test_the_csv_and_the_workbook_give_the_jsonl_ids(policy: Policy, jsonl_report: Report, name: str) -> None:
    assert by_id(check([EXAMPLES / name], policy, AS_OF)) == by_id(jsonl_report)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_ledger_in_another_row_order_gives_the_same_ids(
    policy: Policy, jsonl_report: Report, tmp_path: Path, seed: int
) -> None:
    moved = shuffled_copy(EXAMPLES / "台账.jsonl", tmp_path / "重新导出.jsonl", seed)
    report = check([moved], policy, AS_OF)
    assert [f.evidence for f in report.findings] != [f.evidence for f in jsonl_report.findings], (
        "the shuffle should move some evidence to other lines"
    )
    assert by_id(report) == by_id(jsonl_report)


def _rewrite(source: Path, target: Path, change: dict[str, object], case: str) -> Path:
    """The ledger with `change` applied to every record of `case`."""
    out = []
    for line in source.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            out.append(line)
            continue
        if isinstance(record, dict) and record.get("case") == case:
            record.update(change)
        out.append(json.dumps(record, ensure_ascii=False))
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    return target


def test_a_note_added_to_a_record_keeps_its_findings_ids(
    policy: Policy, jsonl_report: Report, tmp_path: Path
) -> None:
    case = jsonl_report.findings[0].case
    noted = _rewrite(EXAMPLES / "台账.jsonl", tmp_path / "备注.jsonl", {"note": "已核对原件"}, case)
    assert by_id(check([noted], policy, AS_OF)) == by_id(jsonl_report)


def test_a_record_whose_content_changes_gives_its_findings_new_ids(
    policy: Policy, jsonl_report: Report, tmp_path: Path
) -> None:
    """A rule-read field of one case's records is changed: that case's ids change, no other's."""
    first = next(
        json.loads(line) for line in (EXAMPLES / "台账.jsonl").open(encoding="utf-8") if '"case"' in line
    )
    case = first["case"]
    renamed = _rewrite(EXAMPLES / "台账.jsonl", tmp_path / "改号.jsonl", {"case": case + "-改"}, case)
    report = check([renamed], policy, AS_OF)
    before = {i: v for i, v in by_id(jsonl_report).items() if v[0] != case}
    after = {i: v for i, v in by_id(report).items() if v[0] != case + "-改"}
    assert after == before
    old = {i for i, v in by_id(jsonl_report).items() if v[0] == case}
    new = {i for i, v in by_id(report).items() if v[0] == case + "-改"}
    assert old and new and not old & new


def test_the_id_depends_on_the_policy_the_rule_and_the_branch() -> None:
    base = finding_id("maojian", "MJ-1", "first-responder", "violation:0", ["a", "b"])
    assert finding_id("maojian", "MJ-1", "first-responder", "violation:0", ["b", "a"]) == base
    assert finding_id("zhangwan", "MJ-1", "first-responder", "violation:0", ["a", "b"]) != base
    assert finding_id("maojian", "MJ-1", "first-responder", "compliant", ["a", "b"]) != base
    assert finding_id("maojian", "MJ-1", "other-rule", "violation:0", ["a", "b"]) != base
    assert finding_id("maojian", "MJ-1", "first-responder", "violation:0", ["a"]) != base


def test_a_records_identity_ignores_its_note_but_not_its_content() -> None:
    model = RECORD_KINDS["staff"]
    plain = model.model_validate(
        {"type": "staff", "name": "王建国", "position": "副局长", "unit": "茅箭区市场监管局"}
    )
    noted = plain.model_copy(update={"note": "兼任"})
    other = plain.model_copy(update={"position": "局长"})
    assert record_identity(noted) == record_identity(plain)
    assert record_identity(other) != record_identity(plain)


def test_findings_that_would_share_an_id_are_numbered_by_their_messages() -> None:
    assert numbered(["x", "y", "x"], [("b",), ("c",), ("a",)]) == ["x~2", "y", "x"]
    assert numbered(["x", "y"], [("a",), ("b",)]) == ["x", "y"]


def test_a_records_identity_is_the_hash_of_its_validated_json_without_note(jsonl_report: Report) -> None:
    """The fast path reads the model's fields; it must say what the documented dump says."""
    import hashlib

    import orjson

    from iprules.ledger.entry import Entry
    from iprules.ledger.read import read_ledger

    entries = [e for e in read_ledger(EXAMPLES / "台账.xlsx") if isinstance(e, Entry)]
    assert entries
    for entry in entries:
        dumped = entry.record.model_dump(mode="json", exclude={"note"})
        expected = hashlib.sha256(orjson.dumps(dumped, option=orjson.OPT_SORT_KEYS)).hexdigest()
        assert record_identity(entry.record) == expected, entry.source
