"""A blank never silently means 是 or 否: every optional field says what an empty cell means,
and the clerk sees it where the cell is filled in (the template's header notes and readme)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from iprules.ledger.columns import Column, columns
from iprules.ledger.model import RECORD_KINDS
from iprules.ledger.record import blank_meaning
from iprules.ledger.template import build_template, sheet_name
from iprules.policy.load import load_policy

ROOT = Path(__file__).resolve().parents[1]


def test_every_optional_field_of_every_record_kind_declares_what_a_blank_means() -> None:
    missing = [
        f"{kind}.{name} ({info.title or name})"
        for kind, model in RECORD_KINDS.items()
        for name, info in model.model_fields.items()
        if name not in ("note", "type") and not info.is_required() and blank_meaning(info) is None
    ]
    assert not missing, (
        f"{len(missing)} optional fields without a blank meaning "
        "(add json_schema_extra=blank(zh, en) in src/iprules/ledger/):\n" + "\n".join(missing)
    )


def test_every_declared_blank_meaning_is_in_both_languages() -> None:
    for model in RECORD_KINDS.values():
        for name, info in model.model_fields.items():
            meaning = blank_meaning(info)
            if meaning is not None:
                assert set(meaning) == {"zh", "en"} and all(meaning.values()), f"{model.kind_en}.{name}"


def test_a_columns_note_says_what_leaving_it_blank_means() -> None:
    column = Column(
        kind="k", name="f", title="字段", required=False, shape="yes_no", words=("是", "否"), policy_list=None
    )
    declared = replace(column, blank={"zh": "视为未记录，无法判定", "en": "not recorded"})
    assert "留空" not in column.explain().zh
    assert "留空：视为未记录，无法判定" in declared.explain().zh
    assert "if blank: not recorded" in declared.explain().en


def test_the_template_shows_each_declared_blank_meaning_in_its_header_note_and_readme() -> None:
    parameters = load_policy(ROOT / "rules" / "maojian").parameters
    for lang in ("zh", "en"):
        book = build_template(parameters, lang)
        readme = "\n".join(str(cell.value) for row in book.worksheets[0].iter_rows() for cell in row)
        for kind in RECORD_KINDS:
            sheet = book[sheet_name(kind, lang)]
            for number, column in enumerate(columns(kind), start=1):
                if column.blank is None:
                    continue
                note = sheet.cell(1, number).comment
                assert note is not None and column.blank[lang] in note.text, f"{kind}.{column.name}"
                assert column.blank[lang] in readme
