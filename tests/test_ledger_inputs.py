"""Hostile and awkward ledger inputs (issue 10, Inputs): each reader never breaks or bends a
check — a row is read, or rejected naming its place and the fix, or read with a warning that
says what the reader decided. One test (or a few) per reproducer D01–D27 of the reading side,
and the header and format rules (points 5 and 6)."""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from differential import policy
from iprules.check import Report, check
from iprules.ledger import workbook_bounds
from iprules.ledger.entry import Entry
from iprules.ledger.read import read_ledger
from iprules.ledger.record import split_list
from iprules.ledger.rejection import Rejection
from iprules.ledger.warning import LedgerWarning

BIG = os.environ.get("IPRULES_BIG") == "1"
AS_OF = dt.date(2026, 11, 25)
STAFF = '{"type":"staff","name":"李明","position":"科员"}'


def run(*paths: Path) -> Report:
    return check(list(paths), policy(), AS_OF, jobs=1)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def items(path: Path) -> tuple[list[Entry], list[Rejection], list[LedgerWarning]]:
    read = list(read_ledger(path))
    return (
        [item for item in read if isinstance(item, Entry)],
        [item for item in read if isinstance(item, Rejection)],
        [item for item in read if isinstance(item, LedgerWarning)],
    )


def balanced(report: Report) -> bool:
    summary = report.summary
    return summary.records_read == summary.records_checked + summary.records_rejected


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    default = book.active
    assert default is not None
    book.remove(default)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


# --- D01: case ids with control characters -------------------------------------------------


@pytest.mark.parametrize("case", ["MJ\n001", "MJ\u0001", "MJ\u0000X", "MJ\u2028001"])
def test_a_case_id_with_a_control_character_rejects_its_line_and_the_rest_is_checked(
    tmp_path: Path, case: str
) -> None:
    bad = json.dumps({"type": "first_responder", "case": case, "staff": "李明"})
    good = '{"type":"first_responder","case":"OK-1","staff":"李明"}'
    report = run(write(tmp_path / "l.jsonl", f"{STAFF}\n{bad}\n{good}\n"))
    [rejection] = report.rejections
    assert rejection.source.line == 2 and "控制字符" in rejection.reason.zh
    assert {finding.case for finding in report.findings} == {"OK-1"}


def test_an_excel_escaped_nul_in_a_case_id_is_rejected_not_a_crash(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        {"首问责任人": [["案件编号", "首问责任人"], ["X2_x0000_Y", "李明"], ["OK-1", "李明"]]},
    )
    entries, rejections, _ = items(path)
    assert [entry.record.model_dump()["case"] for entry in entries] == ["OK-1"]
    assert len(rejections) == 1 and "U+0000" in rejections[0].reason.zh


def test_a_backslash_in_a_csv_case_id_is_read_as_written(tmp_path: Path) -> None:
    path = write(tmp_path / "首问责任人.csv", '案件编号,首问责任人\n"MJ\\2026\\001",李明\n')
    [entry], [], _ = items(path)
    assert entry.record.model_dump()["case"] == "MJ\\2026\\001"


# --- D02, D19: numbers no clerk means -------------------------------------------------------


def test_a_whole_number_beyond_64_bits_rejects_its_row_and_the_rest_is_checked(tmp_path: Path) -> None:
    path = write(
        tmp_path / "工作站年度工作.csv",
        "案件编号,年度,宣讲培训场次\nH1,2025,3\nH2,2025,100000000000000000000000000000\nH3,2025,5\n",
    )
    report = run(path)
    [rejection] = report.rejections
    assert (
        rejection.source.line == 3 and "宣讲培训场次" in rejection.reason.zh and "过大" in rejection.reason.zh
    )
    assert {finding.case for finding in report.findings} == {"H1", "H3"}


def test_a_huge_float_in_a_workbook_count_is_rejected(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "l.xlsx", {"工作站年度工作": [["案件编号", "年度", "宣讲培训场次"], ["Y1", 2025, 1e30]]}
    )
    [], [rejection], _ = items(path)
    assert "宣讲培训场次" in rejection.reason.zh


@pytest.mark.parametrize("area", ["inf", "1e400", "Infinity", "nan"])
def test_an_infinite_area_is_rejected_not_judged_compliant(tmp_path: Path, area: str) -> None:
    path = write(
        tmp_path / "工作站检查.csv",
        f"案件编号,检查日期,办公面积（平方米）,固定办公场所\nA1,2026-03-02,{area},是\n",
    )
    report = run(path)
    assert not [f for f in report.findings if f.rule == "station-office-area"]
    [rejection] = report.rejections
    assert "办公面积" in rejection.reason.zh


# --- D03: an unpaired quote ------------------------------------------------------------------


def test_an_unpaired_quote_rejects_its_line_and_every_later_row_is_read(tmp_path: Path) -> None:
    lines = ["案件编号,日期,被问人员,同时被问,事项"]
    lines += [f"Q{i},2026-03-02,李明,否,事{i}" for i in range(3)]
    lines += ['QX,2026-03-02,李明,否,"咨询']
    lines += [f"Q{i},2026-03-02,李明,否,事{i}" for i in range(3, 13)]
    lines += ['QY,2026-03-02,李明,否,结束"']
    path = write(tmp_path / "询问.csv", "\n".join(lines) + "\n")
    report = run(path)
    assert report.summary.records_read == 15 and balanced(report)
    [rejection] = report.rejections
    assert rejection.source.line == 5 and "引号" in rejection.reason.zh


def test_a_quoted_cell_with_a_line_break_is_still_one_cell(tmp_path: Path) -> None:
    path = write(
        tmp_path / "询问.csv",
        '案件编号,日期,被问人员,事项\nQ1,2026-03-02,李明,"第一行\n第二行"\nQ2,2026-03-02,李明,x\n',
    )
    entries, [], _ = items(path)
    assert [entry.source.line for entry in entries] == [2, 4]


# --- D06: workbooks that would exhaust memory -----------------------------------------------

_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)


def _with_sheet(tmp_path: Path, name: str, body: bytes) -> Path:
    base = workbook(tmp_path / "base.xlsx", {"询问": [["案件编号"]]})
    out = tmp_path / name
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = _SHEET_HEAD + body if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out


def test_a_tiny_workbook_with_a_far_cell_is_refused_with_a_message(tmp_path: Path) -> None:
    path = _with_sheet(
        tmp_path,
        "far.xlsx",
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>',
    )
    assert path.stat().st_size < 10_000
    [], [rejection], _ = items(path)
    assert "远处的单元格" in rejection.reason.zh and "第 16384 列" in rejection.reason.zh


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook_bounds, "MAX_UNPACKED", 100_000)
    path = _with_sheet(
        tmp_path,
        "big.xlsx",
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        + b"A" * 200_000
        + b"</t></is></c></row></sheetData></worksheet>",
    )
    [], [rejection], _ = items(path)
    assert "解压后" in rejection.reason.zh and "unpacks" in rejection.reason.en


@pytest.mark.skipif(not BIG, reason="builds a 4 GiB zip bomb; IPRULES_BIG=1 runs it")
def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    base = workbook(tmp_path / "base.xlsx", {"询问": [["案件编号"]]})
    path = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(base) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info.filename, source.read(info))
                continue
            with target.open(info.filename, "w", force_zip64=True) as handle:
                handle.write(_SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>')
                for _ in range(256):
                    handle.write(b"A" * (1 << 24))
                handle.write(b"</t></is></c></row></sheetData></worksheet>")
    [], [rejection], _ = items(path)
    assert "解压后" in rejection.reason.zh


# --- D15: the English header "kind" ---------------------------------------------------------


def test_the_english_header_kind_of_a_dispute_table_is_the_dispute_kind(tmp_path: Path) -> None:
    path = write(tmp_path / "纠纷.csv", "case,enterprise,kind\nK1,东风,商标\nK2,武当,patent\n")
    entries, [], _ = items(path)
    assert [entry.record.model_dump()["kind"] for entry in entries] == ["trademark", "patent"]


# --- D16, D17, D25: encodings and misleading formats ----------------------------------------


def test_gbk_bytes_that_are_valid_utf8_are_read_as_gbk_with_a_warning(tmp_path: Path) -> None:
    data = "case,date,asked,together,matter\nM1,2026-03-02,史志强;伟,yes,医院\n".encode("gbk")
    data.decode("utf-8")  # the trap: these GBK bytes are valid UTF-8
    [entry], [], [warning] = items(write(tmp_path / "询问.csv", data))
    assert entry.record.model_dump()["asked"] == ["史志强", "伟"]
    assert "GBK" in warning.reason.zh


def test_chinese_utf8_stays_utf8(tmp_path: Path) -> None:
    [entry], [], [] = items(write(tmp_path / "询问.csv", "案件编号,日期,被问人员\nM1,2026-03-02,史志强\n"))
    assert entry.record.model_dump()["asked"] == ["史志强"]


def test_utf16_le_without_bom_starting_with_chinese_is_read(tmp_path: Path) -> None:
    text = "案件编号\t日期\t被问人员\n" + "".join(f"Q{i}\t2026-03-02\t李明\n" for i in range(10))
    entries, [], [warning] = items(write(tmp_path / "询问.csv", text.encode("utf-16-le")))
    assert len(entries) == 10 and "UTF-16-LE" in warning.reason.zh


@pytest.mark.parametrize("encoding", ["gbk", "utf-16-le", "utf-16"])
def test_a_jsonl_ledger_not_in_utf8_is_read_with_a_warning(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path / "l.jsonl", (STAFF + "\n" + STAFF.replace("李明", "王芳") + "\n").encode(encoding))
    entries, [], [warning] = items(path)
    assert [entry.record.model_dump()["name"] for entry in entries] == ["李明", "王芳"]
    assert "编码" in warning.reason.zh


def test_a_pretty_printed_json_array_is_read_record_by_record_with_its_lines(tmp_path: Path) -> None:
    records = [json.loads(STAFF), {"type": "first_responder", "case": "A", "staff": "李明"}]
    path = write(tmp_path / "pretty.json", json.dumps(records, ensure_ascii=False, indent=2))
    report = run(path)
    assert report.summary.records_read == 2 and report.summary.records_rejected == 0
    assert "JSONL" in report.warnings[0].reason.zh
    entries, _, _ = items(path)
    assert [entry.source.line for entry in entries] == [2, 7]


def test_a_semicolon_separated_csv_is_split_on_semicolons_with_a_warning(tmp_path: Path) -> None:
    [entry], [], [warning] = items(
        write(tmp_path / "询问.csv", "案件编号;日期;被问人员\nQ1;2026-03-02;李明\n")
    )
    assert entry.record.model_dump()["asked"] == ["李明"] and "分号" in warning.reason.zh


def test_a_workbook_saved_under_a_csv_name_is_read_as_the_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "x_询问.csv", {"首问责任人": [["案件编号", "首问责任人"], ["W1", "李明"]]})
    [entry], [], [warning] = items(path)
    assert entry.record.model_dump()["case"] == "W1" and "Excel 工作簿" in warning.reason.zh


def test_a_pipe_is_a_clear_error_not_file_not_found(tmp_path: Path) -> None:
    from iprules.ledger.read import LedgerFileError

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(LedgerFileError, match="不是普通文件"):
        run(fifo)


def test_an_unsupported_file_says_which_formats_are_accepted(tmp_path: Path) -> None:
    [], [rejection], [] = items(write(tmp_path / "memo.docx", b"hello"))
    assert (
        ".xlsb" in rejection.reason.zh and ".ods" in rejection.reason.zh and ".jsonl" in rejection.reason.en
    )


# --- D18: lines ending in a lone CR ---------------------------------------------------------


def test_jsonl_with_cr_only_line_ends_is_five_records(tmp_path: Path) -> None:
    lines = [
        STAFF,
        '{"type":"staff","name":"王建国","position":"副局长"}',
        '{"type":"inquiry","case":"CR1","date":"2026-03-02","asked":["李明"]}',
        '{"type":"first_responder","case":"CR1","staff":"李明"}',
        '{"type":"inquiry","case":"CR2","date":"2026-03-02","asked":["李明"]}',
    ]
    report = run(write(tmp_path / "l.jsonl", "\r".join(lines) + "\r"))
    assert report.summary.records_read == 5 and report.summary.records_rejected == 0


# --- D20: the same file twice ---------------------------------------------------------------


def test_the_same_file_given_three_ways_is_read_once_with_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "x.jsonl", f'{STAFF}\n{{"type":"first_responder","case":"A","staff":"李明"}}\n')
    monkeypatch.chdir(tmp_path)
    once = run(path)
    thrice = run(Path("x.jsonl"), Path("./x.jsonl"), path)
    assert thrice.summary == once.summary and len(thrice.inputs) == 1
    assert len(thrice.warnings) == 2 and all("同一个文件" in w.reason.zh for w in thrice.warnings)


# --- D21, D27 (hidden sheets): workbook sheets ------------------------------------------------


def test_two_sheets_of_one_name_are_both_read(tmp_path: Path) -> None:
    base = workbook(
        tmp_path / "base.xlsx",
        {
            "询问": [
                ["案件编号", "日期", "被问人员"],
                ["FIRST1", "2026-03-02", "李明"],
                ["FIRST2", "2026-03-02", "李明"],
            ],
            "inquiry": [["案件编号", "日期", "被问人员"], ["SECOND1", "2026-03-02", "李明"]],
        },
    )
    path = tmp_path / "two.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'name="inquiry"', 'name="询问"'.encode())
            target.writestr(info.filename, data)
    entries, [], [warning] = items(path)
    assert [entry.record.model_dump()["case"] for entry in entries] == ["FIRST1", "FIRST2", "SECOND1"]
    assert entries[2].source.sheet != entries[0].source.sheet and "同名" in warning.reason.zh


def test_a_hidden_sheet_is_read_with_a_warning_and_a_ledger_like_readme_is_named(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "首问责任人"
    sheet.append(["案件编号", "首问责任人"])
    sheet.append(["H1", "李明"])
    sheet.sheet_state = "veryHidden"
    readme = book.create_sheet("说明")
    readme.append(["案件编号", "首问责任人"])
    readme.append(["R1", "李明"])
    book.save(tmp_path / "hidden.xlsx")
    [entry], [], warnings = items(tmp_path / "hidden.xlsx")
    assert entry.record.model_dump()["case"] == "H1"
    assert [w.source.sheet for w in warnings] == ["首问责任人", "说明"]
    assert "隐藏" in warnings[0].reason.zh and "说明表" in warnings[1].reason.zh


# --- D26: dates that are bare numbers --------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "86400", "1772409600", "46083"])
def test_a_bare_number_is_never_a_date(tmp_path: Path, value: str) -> None:
    [], [rejection], _ = items(write(tmp_path / "询问.csv", f"案件编号,日期,被问人员\nD1,{value},李明\n"))
    assert "不是日期" in rejection.reason.zh and "2026-03-02" in rejection.reason.zh


def test_a_bare_number_date_in_jsonl_is_rejected(tmp_path: Path) -> None:
    report = run(
        write(tmp_path / "l.jsonl", '{"type":"inquiry","case":"D1","date":86400,"asked":["李明"]}\n')
    )
    [rejection] = report.rejections
    assert "不是日期" in rejection.reason.zh


@pytest.mark.parametrize("value", ["2026-03-02", "2026/3/2", "2026年3月2日"])
def test_dates_written_as_documented_are_read(tmp_path: Path, value: str) -> None:
    [entry], [], _ = items(write(tmp_path / "询问.csv", f"案件编号,日期,被问人员\nD1,{value},李明\n"))
    assert entry.record.model_dump()["date"] == dt.date(2026, 3, 2)


# --- D27: duplicate keys, full-width ids, contradictory duplicates ---------------------------


def test_a_key_written_twice_rejects_its_line_naming_the_key(tmp_path: Path) -> None:
    report = run(
        write(
            tmp_path / "dup.jsonl",
            f'{STAFF}\n{{"type":"first_responder","case":"A1","case":"B1","staff":"李明"}}\n',
        )
    )
    [rejection] = report.rejections
    assert "“case”写了两次" in rejection.reason.zh and report.summary.cases == 0


def test_a_colon_in_a_value_is_no_duplicate_key(tmp_path: Path) -> None:
    line = '{"type":"inquiry","case":"T1","date":"2026-03-02","asked":["李明"],"time":"09:30","note":"a:b"}'
    [entry], [], [] = items(write(tmp_path / "l.jsonl", line + "\n"))
    assert entry.record.model_dump()["time"] == dt.time(9, 30)


def test_a_full_width_case_id_is_the_same_case_as_its_half_width_form(tmp_path: Path) -> None:
    lines = [
        STAFF,
        '{"type":"inquiry","case":"MJ-001","date":"2026-03-02","asked":["李明"]}',
        '{"type":"first_responder","case":"ＭＪ－００１","staff":"李明"}',
    ]
    report = run(write(tmp_path / "fw.jsonl", "\n".join(lines) + "\n"))
    assert report.summary.cases == 1
    assert {finding.case for finding in report.findings} == {"MJ-001"}


def test_two_annual_records_of_one_station_year_that_disagree_are_both_checked_with_a_warning(
    tmp_path: Path,
) -> None:
    lines = [
        '{"type":"station_year","case":"Y1","year":2025,"trainings":0}',
        '{"type":"station_year","case":"Y1","year":2025,"trainings":5}',
    ]
    report = run(write(tmp_path / "contra.jsonl", "\n".join(lines) + "\n"))
    [warning] = report.warnings
    assert (
        warning.source.line == 2
        and "宣讲培训场次" in warning.reason.zh
        and "contra.jsonl:1" in warning.reason.zh
    )
    assert report.summary.records_checked == 2


# --- point 5: headers -------------------------------------------------------------------------


def test_an_extra_column_in_a_workbook_is_ignored_with_a_warning_in_the_report(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        {"首问责任人": [["案件编号", "首问责任人", "联系电话"], ["C1", "李明", "13800000000"]]},
    )
    report = run(path)
    assert report.summary.records_rejected == 0 and report.summary.records_read == 1
    [warning] = report.warnings
    assert "联系电话" in warning.reason.zh and warning.source.sheet == "首问责任人"


def test_a_missing_required_column_rejects_every_row_under_it_and_the_counts_reconcile(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path / "询问.csv",
        "案件编号,日其,被问人员\nQ1,2026-03-02,李明\nQ2,2026-03-02,李明\nQ3,2026-03-02,李明\n",
    )
    report = run(path)
    assert report.summary.records_read == 3 == report.summary.records_rejected and balanced(report)
    assert all("缺少必填列 “日期”" in r.reason.zh and "日其" in r.reason.zh for r in report.rejections)
    assert "did you mean 'date'" in report.warnings[0].reason.en or "日期" in report.warnings[0].reason.zh


# --- point 6: every workbook format calamine reads --------------------------------------------

ROWS = [["案件编号", "首问责任人"], ["F-1", "李明"], ["F-2", "王建国"]]


def _xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("首问责任人")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))


def _ods(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="首问责任人")
    for row in ROWS:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(path))


def _xlsb(path: Path) -> None:
    from pyxlsbwriter import XlsbWriter

    with XlsbWriter(str(path)) as writer:
        writer.add_sheet("首问责任人")
        writer.write_sheet(ROWS)


def _xlsx(path: Path) -> None:
    workbook(path, {"首问责任人": ROWS})


@pytest.mark.parametrize(
    ("suffix", "make"), [(".xlsx", _xlsx), (".xls", _xls), (".ods", _ods), (".xlsb", _xlsb)]
)
def test_every_workbook_format_calamine_reads_is_read(tmp_path: Path, suffix: str, make: Any) -> None:
    path = tmp_path / f"台账{suffix}"
    make(path)
    entries, [], [] = items(path)
    assert [(e.record.model_dump()["case"], e.source.sheet, e.source.line) for e in entries] == [
        ("F-1", "首问责任人", 2),
        ("F-2", "首问责任人", 3),
    ]


def test_an_opendocument_sheet_with_a_far_cell_is_refused_with_a_message(tmp_path: Path) -> None:
    plain = tmp_path / "plain.ods"
    _ods(plain)
    far = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16000"/>'
        '<table:table-cell office:value-type="string"><text:p>y</text:p></table:table-cell></table:table-row>'
    )
    path = tmp_path / "far.ods"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content.xml":
                data = data.decode().replace("</table:table>", far + "</table:table>", 1).encode()
            target.writestr(info, data)
    [], [rejection], _ = items(path)
    assert "远处的单元格" in rejection.reason.zh


@pytest.mark.parametrize("cell", ["办理程序、受理时限。", "办理程序；受理时限；", "办理程序，受理时限，"])
def test_trailing_punctuation_in_a_multi_value_cell_is_tolerated(tmp_path: Path, cell: str) -> None:
    path = write(tmp_path / "告知.csv", f"案件编号,告知日期,告知形式,告知内容\nN1,2026-03-02,口头,{cell}\n")
    [entry], [], _ = items(path)
    assert entry.record.model_dump()["contents"] == ["procedure", "time_limit"]


def test_a_list_cell_ending_in_a_full_stop_has_no_empty_or_punctuated_word() -> None:
    assert split_list("李明、王芳。") == ["李明", "王芳"]
