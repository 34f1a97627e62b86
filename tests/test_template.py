"""`iprules template`: a workbook a clerk fills in, which `iprules check` then reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iprules.check import check
from iprules.cli import main
from iprules.ledger.columns import columns
from iprules.ledger.model import RECORD_KINDS
from iprules.ledger.template import LISTS_SHEET
from iprules.policy.load import Policy, load_policy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "台账.xlsx"
    assert main(["template", str(path)]) == 0
    return path


def test_the_template_has_a_sheet_per_record_kind_a_readme_and_hidden_lists(template: Path) -> None:
    book = load_workbook(template)
    kinds = [model.kind_zh for model in RECORD_KINDS.values()]
    assert book.sheetnames == ["说明", *kinds, LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    for kind, model in RECORD_KINDS.items():
        header = [cell.value for cell in book[model.kind_zh][1]]
        assert header == [column.title for column in columns(kind)]
        first = book[model.kind_zh].cell(1, 1)
        assert first.comment is not None and "必填" in first.comment.text


def test_closed_vocabularies_are_drop_down_lists(template: Path, policy: Policy) -> None:
    book = load_workbook(template)
    lists = book[LISTS_SHEET]
    offered = {
        str(lists.cell(1, column).value): [
            lists.cell(row, column).value
            for row in range(2, lists.max_row + 1)
            if lists.cell(row, column).value
        ]
        for column in range(1, lists.max_column + 1)
    }
    assert offered["dispute.kind"] == ["商标", "专利"]
    assert offered["dispute.key_enterprise"] == ["是", "否"]
    assert offered["staff.position"] == list(policy.positions)
    assert offered["dispute.handled_by"] == list(policy.units)
    validations = book["纠纷"].data_validations.dataValidation
    assert any("$2:" in str(v.formula1) and v.type == "list" for v in validations)


def test_the_template_refuses_to_overwrite_a_filled_ledger(template: Path) -> None:
    assert main(["template", str(template)]) == 2


def test_a_filled_in_template_is_checked_with_the_expected_verdicts(template: Path, policy: Policy) -> None:
    book = load_workbook(template)
    book["人员"].append(["张立新", "局长", "茅箭区市场监管局"])
    book["人员"].append(["王建国", "副局长", "茅箭区市场监管局"])
    book["询问"].append(["T-1", dt.date(2026, 3, 2), "王建国、张立新", "是"])
    book["询问"].append(["T-2", dt.date(2026, 3, 3), "张立新", "否"])
    book["首问责任人"].append(["T-1", "王建国", dt.date(2026, 3, 2)])
    book["首问责任人"].append(["T-2", "张立新", dt.date(2026, 3, 3)])
    book.save(template)
    report = check([template], policy, dt.date(2026, 11, 25))
    verdicts = {(f.case, f.rule): f.verdict for f in report.findings}
    assert verdicts == {("T-1", "first-responder"): "violation", ("T-2", "first-responder"): "compliant"}
    assert report.summary.records_rejected == 0 and report.summary.records_read == 6
    assert {source.sheet for f in report.findings for source in f.evidence} == {"询问", "首问责任人"}


def test_an_english_template_has_english_sheets_and_headers(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    assert main(["template", str(path), "--lang", "en"]) == 0
    book = load_workbook(path)
    assert book.sheetnames[1 : 1 + len(RECORD_KINDS)] == list(RECORD_KINDS)
    assert [cell.value for cell in book["staff"][1]][:2] == ["name", "position"]
