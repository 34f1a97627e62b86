"""Reading the native ledger: every line is a record or a rejection that says how to fix it."""

from __future__ import annotations

from pathlib import Path

from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import read_jsonl
from iprules.ledger.model import DisputeRecord, InquiryRecord
from iprules.ledger.rejection import Rejection
from iprules.ledger.warning import LedgerWarning


def read(tmp_path: Path, text: str) -> list[Entry | Rejection]:
    path = tmp_path / "台账.jsonl"
    path.write_text(text, encoding="utf-8")
    return [item for item in read_jsonl(path, "台账.jsonl") if not isinstance(item, LedgerWarning)]


def test_each_record_knows_its_file_and_line(tmp_path: Path) -> None:
    items = read(
        tmp_path, '\n{"type":"inquiry","case":"A","date":"2026-03-02","asked":"甲、乙","together":"是"}\n'
    )
    assert len(items) == 1
    entry = items[0]
    assert isinstance(entry, Entry) and str(entry.source) == "台账.jsonl:2"
    assert isinstance(entry.record, InquiryRecord)
    assert entry.record.asked == ["甲", "乙"] and entry.record.together is True


def test_chinese_vocabulary_is_stored_as_codes(tmp_path: Path) -> None:
    (entry,) = read(
        tmp_path, '{"type":"dispute","case":"A","enterprise":"甲公司","kind":"专利","key_enterprise":"否"}\n'
    )
    assert isinstance(entry, Entry) and isinstance(entry.record, DisputeRecord)
    assert entry.record.kind == "patent" and entry.record.key_enterprise is False


def test_a_broken_line_is_rejected_and_the_rest_is_still_read(tmp_path: Path) -> None:
    items = read(
        tmp_path,
        '{"type":"first_responder","case":"A","staff":"甲"}\n'
        '{"type":"first_responder","case":"B","staff":"乙"\n'
        '{"type":"first_responder","case":"C","staff":"丙"}\n',
    )
    assert [type(item).__name__ for item in items] == ["Entry", "Rejection", "Entry"]
    rejection = items[1]
    assert isinstance(rejection, Rejection) and rejection.source.line == 2
    assert "不是合法 JSON" in rejection.reason.zh and "not valid JSON" in rejection.reason.en


def reason(tmp_path: Path, line: str) -> Rejection:
    (item,) = read(tmp_path, line + "\n")
    assert isinstance(item, Rejection), item
    return item


def test_unknown_type_names_the_known_kinds(tmp_path: Path) -> None:
    rejection = reason(tmp_path, '{"type":"visit","case":"A"}')
    assert "'visit'" in rejection.reason.zh and "询问（inquiry）" in rejection.reason.zh


def test_a_missing_required_field_is_named_in_chinese_and_english(tmp_path: Path) -> None:
    rejection = reason(tmp_path, '{"type":"first_responder","case":"A"}')
    assert "“首问责任人”（staff）" in rejection.reason.zh and "'staff'" in rejection.reason.en


def test_a_wrong_type_of_value_says_what_is_expected(tmp_path: Path) -> None:
    rejection = reason(tmp_path, '{"type":"inquiry","case":"A","date":"3月2日","asked":["甲"]}')
    assert "YYYY-MM-DD" in rejection.reason.zh


def test_a_misspelt_field_is_not_silently_ignored(tmp_path: Path) -> None:
    rejection = reason(tmp_path, '{"type":"first_responder","case":"A","staff":"甲","staf":"乙"}')
    assert "staf" in rejection.reason.en


def test_a_line_that_is_not_an_object_is_rejected(tmp_path: Path) -> None:
    assert "JSON 对象" in reason(tmp_path, '["first_responder"]').reason.zh


def test_a_utf8_bom_on_the_first_line_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes('\ufeff{"type":"first_responder","case":"A","staff":"甲"}\n'.encode())
    assert isinstance(next(iter(read_jsonl(path))), Entry)
