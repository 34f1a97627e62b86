"""Excel workbooks: a sheet per record kind, cells as Excel stores them, sources as sheet!row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from iprules.ledger.entry import Entry
from iprules.ledger.read import read_ledger
from iprules.ledger.rejection import Rejection
from iprules.ledger.xlsx import read_xlsx


def workbook(tmp_path: Path, sheets: dict[str, list[list[Any]]], name: str = "台账.xlsx") -> Path:
    book = Workbook()
    default = book.active
    assert default is not None
    book.remove(default)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_whole_numbers_stay_ids_and_dates_stay_dates(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        {
            "询问": [
                ["案件编号", "日期", "被问人员", "同时被问"],
                [1001, dt.date(2026, 3, 2), "王建国、张立新", True],
                [1002.0, dt.datetime(2026, 3, 4, 0, 0), "李明", "否"],
            ]
        },
    )
    found = [item for item in read_xlsx(path) if isinstance(item, Entry)]
    records = [item.record.model_dump() for item in found]
    assert [(r["case"], r["date"], r["asked"], r["together"]) for r in records] == [
        ("1001", dt.date(2026, 3, 2), ["王建国", "张立新"], True),
        ("1002", dt.date(2026, 3, 4), ["李明"], False),
    ]
    assert [str(item.source) for item in found] == [f"{path}:询问!2", f"{path}:询问!3"]


def test_english_sheet_names_and_headers_read_the_same(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"staff": [["name", "position"], ["王建国", "副局长"]]})
    [item] = list(read_xlsx(path))
    assert isinstance(item, Entry) and item.record.model_dump()["position"] == "副局长"


def test_row_numbers_are_excels_own_when_the_table_starts_lower_down(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"人员": [[], [], [None, "姓名", "职务"], [None, "王建国", "副局长"]]})
    [item] = list(read_xlsx(path))
    assert isinstance(item, Entry) and item.source.line == 4 and item.source.sheet == "人员"


def test_bad_cells_are_rejections_that_name_sheet_row_and_fix(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        {
            "询问": [
                ["案件编号", "日期", "被问人员"],
                [1001, "三月二日", "李明"],
                [1002, dt.date(2026, 3, 2), None],
                [1003, dt.date(2026, 3, 2), "李明"],
            ]
        },
    )
    items = list(read_xlsx(path))
    bad = [item for item in items if isinstance(item, Rejection)]
    assert [(item.source.sheet, item.source.line) for item in bad] == [("询问", 2), ("询问", 3)]
    assert "不是日期" in bad[0].reason.zh and "YYYY-MM-DD" in bad[0].reason.zh
    assert "缺少必填字段“被问人员”" in bad[1].reason.zh
    assert sum(isinstance(item, Entry) for item in items) == 1


def test_a_merged_cell_rejects_the_rows_it_covers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "询问"
    sheet.append(["案件编号", "日期", "被问人员"])
    sheet.append([1001, dt.date(2026, 3, 2), "李明"])
    sheet.append([None, dt.date(2026, 3, 3), "李明"])
    sheet.merge_cells("A2:A3")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    items = [item for item in read_xlsx(path) if isinstance(item, Rejection)]
    assert len(items) == 2 == len(list(read_xlsx(path)))
    assert all("合并单元格 A2:A3" in item.reason.zh for item in items)


def test_every_row_of_an_unknown_sheet_is_rejected_and_readme_sheets_are_skipped(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        {
            "说明": [["这是说明"]],
            "Sheet3": [["姓名"], ["王建国"]],
            "人员": [["姓名", "职务"], ["王建国", "副局长"]],
        },
    )
    items = list(read_xlsx(path))
    [rejection] = [item for item in items if isinstance(item, Rejection)]
    assert rejection.source.sheet == "Sheet3" and "未知的工作表名“Sheet3”" in rejection.reason.zh
    assert rejection.source.line == 2 and "该行未检查" in rejection.reason.zh
    assert sum(isinstance(item, Entry) for item in items) == 1


def test_a_damaged_workbook_is_one_rejection_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    [item] = list(read_ledger(path))
    assert isinstance(item, Rejection) and "无法打开工作簿" in item.reason.zh
