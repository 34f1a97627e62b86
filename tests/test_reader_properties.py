"""Whatever bytes a clerk's file holds, the readers answer with records or rejections, never a crash."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from iprules.ledger.csv import read_csv
from iprules.ledger.entry import Entry
from iprules.ledger.rejection import Rejection
from iprules.ledger.rows import cell_text
from iprules.ledger.warning import LedgerWarning
from iprules.ledger.xlsx import read_xlsx
from iprules.report.html import render_record

FAST = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER = "案件编号,日期,被问人员,同时被问\r\n"


def _workbook_bytes() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "询问"
    sheet.append(["案件编号", "日期", "被问人员"])
    for number in range(20):
        sheet.append([1000 + number, dt.date(2026, 3, 2), "李明、王建国"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK = _workbook_bytes()


def read_all(path: Path) -> list[Entry | Rejection]:
    """What was read, each item an entry or a rejection; warnings (they name a place too) aside."""
    items = list(read_csv(path) if path.suffix != ".xlsx" else read_xlsx(path))
    assert all(isinstance(item, Entry | Rejection | LedgerWarning) for item in items)
    for item in items:
        if isinstance(item, LedgerWarning):
            assert item.source.file == str(path) and item.reason.zh and item.reason.en
    return [item for item in items if not isinstance(item, LedgerWarning)]


@FAST
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_after_a_good_header_never_crash_the_csv_reader(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "询问.csv"
    path.write_bytes(HEADER.encode("gbk") + data)
    for item in read_all(path):
        assert item.source.file == str(path) and item.source.line >= 1


@FAST
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_as_a_whole_file_never_crash_the_csv_reader(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "台账.tsv"
    path.write_bytes(data)
    read_all(path)


@FAST
@given(text=st.text(max_size=300), encoding=st.sampled_from(["utf-8", "utf-16", "gb18030", "utf-8-sig"]))
def test_any_text_in_any_excel_encoding_is_read_without_a_crash(
    tmp_path: Path, text: str, encoding: str
) -> None:
    path = tmp_path / "询问.csv"
    try:
        path.write_bytes((HEADER + text).encode(encoding))
    except UnicodeEncodeError:
        return
    read_all(path)


@FAST
@given(cut=st.integers(min_value=0, max_value=len(WORKBOOK) - 1))
def test_a_truncated_workbook_is_a_rejection_not_a_crash(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(WORKBOOK[:cut])
    items = read_all(path)
    assert items and all(isinstance(item, Rejection) for item in items)


def test_a_ten_thousand_column_row_is_one_rejection_and_the_next_row_is_read(tmp_path: Path) -> None:
    path = tmp_path / "询问.csv"
    wide = "1001,2026-03-02,李明,是" + ",x" * 10_000
    path.write_text(HEADER + wide + "\r\n1002,2026-03-02,李明,否\r\n", encoding="utf-8")
    items = read_all(path)
    assert [type(item) for item in items] == [Rejection, Entry]
    assert "多于表头的列数" in items[0].reason.zh if isinstance(items[0], Rejection) else False


def test_a_ten_thousand_column_header_rejects_its_row_once(tmp_path: Path) -> None:
    path = tmp_path / "询问.csv"
    path.write_text("案件编号" + ",列" * 10_000 + "\r\n1001\r\n", encoding="utf-8")
    [item] = read_all(path)
    assert isinstance(item, Rejection) and item.source.line == 2


@FAST
@given(value=st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**18), 10**18))
def test_whole_numbers_from_excel_never_keep_a_decimal_point(value: float) -> None:
    shown = cell_text(value)
    assert isinstance(shown, str)
    if isinstance(value, int) or (
        value == value and abs(value) != float("inf") and float(value).is_integer()
    ):
        assert re.fullmatch(r"-?\d+", shown), shown


@FAST
@given(header=st.text(max_size=40), value=st.text(max_size=80))
def test_ledger_text_in_the_html_report_is_always_escaped(header: str, value: str) -> None:
    shown = render_record("<f>:1", [(header, value)])
    markup = re.sub(r"</?(div|span|code|i)( class=\"[a-z]+\")?>", "", shown)
    assert "<" not in markup and ">" not in markup
