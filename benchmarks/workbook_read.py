"""Time to read a large ledger workbook: `python -m benchmarks.workbook_read [ROWS]`.

Writes a workbook of ROWS inquiry records (case ids as numbers, dates as Excel dates, names
lists) with openpyxl's streaming writer, then reads it with `read_xlsx` and reports rows per
second. Run by hand; not part of the test suite.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from iprules.ledger.entry import Entry
from iprules.ledger.xlsx import read_xlsx


def write_workbook(path: Path, rows: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("询问")
    sheet.append(["案件编号", "日期", "被问人员", "同时被问", "事项"])
    start = dt.date(2026, 1, 5)
    for number in range(rows):
        sheet.append(
            [100000 + number, start + dt.timedelta(days=number % 300), "李明、王建国", "是", "商标注册咨询"]
        )
    book.save(path)


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "台账.xlsx"
        began = time.perf_counter()
        write_workbook(path, rows)
        written = time.perf_counter() - began
        began = time.perf_counter()
        items = list(read_xlsx(path))
        read = time.perf_counter() - began
        good = sum(isinstance(item, Entry) for item in items)
        print(
            f"{rows} rows, {path.stat().st_size / 1e6:.1f} MB: written in {written:.1f} s; "
            f"read into {good} records ({len(items) - good} rejected) in {read:.2f} s "
            f"= {rows / read:,.0f} rows/s"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
