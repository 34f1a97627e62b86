"""CSV as Excel on Chinese Windows writes it: GBK, UTF-8 with BOM, UTF-16 "Unicode text"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from iprules.ledger.csv import detect_encoding, read_csv
from iprules.ledger.entry import Entry
from iprules.ledger.model import InquiryRecord
from iprules.ledger.read import read_ledger
from iprules.ledger.rejection import Rejection
from iprules.ledger.warning import LedgerWarning

INQUIRIES = (
    "案件编号,日期,被问人员,同时被问\r\n1001,2026/3/2,王建国、张立新,是\r\n1002,2026-03-04,李明,否\r\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def entries(path: Path) -> list[Entry]:
    return [item for item in read_csv(path) if isinstance(item, Entry)]


def rejections(path: Path) -> list[Rejection]:
    return [item for item in read_csv(path) if isinstance(item, Rejection)]


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("CSV (GBK)", INQUIRIES.encode("gbk")),
        ("CSV UTF-8 (BOM)", b"\xef\xbb\xbf" + INQUIRIES.encode("utf-8")),
        ("UTF-8 without BOM", INQUIRIES.encode("utf-8")),
        (
            "Unicode text (UTF-16, tabs)",
            "\ufeff".encode("utf-16-le") + INQUIRIES.replace(",", "\t").encode("utf-16-le"),
        ),
    ],
)
def test_every_encoding_excel_writes_reads_as_the_same_records(
    tmp_path: Path, label: str, data: bytes
) -> None:
    path = write(tmp_path, "询问.txt" if "UTF-16" in label else "询问.csv", data)
    found = entries(path)
    assert [item.record for item in found] == [
        InquiryRecord(
            type="inquiry", case="1001", date=dt.date(2026, 3, 2), asked=["王建国", "张立新"], together=True
        ),
        InquiryRecord(type="inquiry", case="1002", date=dt.date(2026, 3, 4), asked=["李明"], together=False),
    ], label
    assert [item.source.line for item in found] == [2, 3]


def test_utf8_is_tried_before_gb18030_so_utf8_chinese_never_turns_into_mojibake() -> None:
    # these UTF-8 bytes also decode as GB18030, into different characters
    data = "案件编号,日期\n".encode()
    assert data.decode("gb18030") == "妗堜欢缂栧彿,鏃ユ湡\n"
    assert detect_encoding(data) == ("utf-8", 0)


def test_a_line_no_encoding_explains_is_rejected_and_the_rest_is_read(tmp_path: Path) -> None:
    data = INQUIRIES.encode("gbk") + b"1003,2026-03-05,\x80\xff\xfe,\xff\r\n"
    path = write(tmp_path, "询问.csv", data)
    assert len(entries(path)) == 2
    [bad] = rejections(path)
    assert bad.source.line == 4
    assert "无法按 gb18030 解码" in bad.reason.zh and "CSV UTF-8" in bad.reason.zh


def test_a_mixed_ledger_names_each_rows_kind_in_a_kind_column(tmp_path: Path) -> None:
    text = (
        "记录类型,姓名,职务,案件编号,日期,被问人员\n"
        "人员,王建国,副局长,,,\n"
        "inquiry,,,1001,2026年3月2日,王建国\n"
        "询问,李明,,1002,2026-03-02,李明\n"
        "专利,,,1003,,\n"
        ",,,1004,,\n"
    )
    path = write(tmp_path, "台账.csv", text.encode("gbk"))
    items = list(read_csv(path))
    kinds = [getattr(item.record, "type", None) if isinstance(item, Entry) else None for item in items]
    assert kinds == ["staff", "inquiry", None, None, None]
    reasons = [item.reason.zh for item in items if isinstance(item, Rejection)]
    assert "不填“姓名”列" in reasons[0]
    assert "未知的记录类型“专利”" in reasons[1]
    assert "“记录类型”为空" in reasons[2]


def test_a_file_without_kind_column_takes_its_kind_from_its_name(tmp_path: Path) -> None:
    path = write(tmp_path, "2026年_询问.csv", INQUIRIES.encode("gbk"))
    assert len(entries(path)) == 2


def test_a_misspelt_required_header_warns_did_you_mean_and_rejects_every_row_under_it(tmp_path: Path) -> None:
    path = write(tmp_path, "询问.csv", INQUIRIES.replace("被问人员", "被访人").encode("gbk"))
    items = list(read_csv(path))
    [warning] = [item for item in items if isinstance(item, LedgerWarning)]
    assert (
        warning.source.line == 1
        and "被访人" in warning.reason.zh
        and "是否想写“被问人员”" in warning.reason.zh
    )
    rejected = [item for item in items if isinstance(item, Rejection)]
    assert [item.source.line for item in rejected] == [2, 3], (
        "every row under the header is a rejected record"
    )
    assert all("缺少必填列 “被问人员”" in item.reason.zh for item in rejected)
    assert "did you mean" in warning.reason.en


def test_an_extra_column_is_ignored_with_a_warning_and_the_rows_are_read(tmp_path: Path) -> None:
    data = INQUIRIES.replace("同时被问\r\n", "同时被问,联系电话\r\n").replace(
        ",是\r\n", ",是,13800000000\r\n"
    )
    path = write(tmp_path, "询问.csv", data.encode("utf-8"))
    items = list(read_csv(path))
    [warning] = [item for item in items if isinstance(item, LedgerWarning)]
    assert "联系电话" in warning.reason.zh and "已忽略" in warning.reason.zh
    assert len([item for item in items if isinstance(item, Entry)]) == 2


def test_a_header_with_half_width_parentheses_is_the_full_width_column(tmp_path: Path) -> None:
    path = write(
        tmp_path, "工作站检查.csv", "案件编号,检查日期,办公面积(平方米)\nA1,2026-03-02,20\n".encode()
    )
    [entry] = entries(path)
    assert getattr(entry.record, "office_area", None) == 20


def test_a_file_whose_kind_cannot_be_told_says_how_to_name_it_on_every_row(tmp_path: Path) -> None:
    path = write(tmp_path, "data.csv", INQUIRIES.encode("utf-8"))
    rejected = list(read_csv(path))
    assert [item.source.line for item in rejected] == [2, 3]
    assert all(isinstance(item, Rejection) for item in rejected)
    assert "记录类型" in rejected[0].reason.zh and "type" in rejected[0].reason.en  # type: ignore[union-attr]


def test_a_quoted_cell_may_span_lines_and_the_record_keeps_its_first_line(tmp_path: Path) -> None:
    text = '案件编号,日期,被问人员,事项\n1001,2026-03-02,李明,"两行\n的事项"\n1002,2026-03-02,李明,x\n'
    path = write(tmp_path, "询问.csv", text.encode("utf-8"))
    found = entries(path)
    assert [item.source.line for item in found] == [2, 4]
    assert getattr(found[0].record, "matter", None) == "两行\n的事项"


def test_a_nul_byte_rejects_its_line_only(tmp_path: Path) -> None:
    path = write(tmp_path, "询问.csv", (INQUIRIES + "1003,2026-03-02,李\0明\n").encode("gbk"))
    assert len(entries(path)) == 2
    [bad] = rejections(path)
    assert bad.source.line == 4 and "NUL" in bad.reason.zh


def test_read_ledger_dispatches_csv_tsv_and_txt_by_suffix(tmp_path: Path) -> None:
    for name, data in (
        ("询问.csv", INQUIRIES.encode("gbk")),
        ("询问.tsv", INQUIRIES.replace(",", "\t").encode("utf-8")),
        ("询问.txt", b"\xff\xfe" + INQUIRIES.replace(",", "\t").encode("utf-16-le")),
    ):
        items = list(read_ledger(write(tmp_path, name, data)))
        assert all(isinstance(item, Entry) for item in items) and len(items) == 2, name
