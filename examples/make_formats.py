"""Make the example ledger's CSV and Excel copies from the JSONL, as a clerk's Excel would hold it.

    .venv/bin/python examples/make_formats.py

Run it again whenever examples/台账.jsonl changes (tests/test_example_formats.py fails until
you do, and says so); commit the three files together.

- 台账.csv: one table with a 记录类型 column, Chinese headers, GBK with CRLF line ends and
  dates written 2026/3/2 — what "Save as CSV" does on Chinese Windows.
- 台账.xlsx: a sheet per record kind (named in Chinese), one row per record, dates as Excel
  dates.

Only the record kinds and columns the JSONL uses are written, so the copies stay readable
while other record kinds are added to the model.

Lines of the JSONL that are not a JSON object, or name an unknown record kind or field,
cannot be a table row; they are left out (the JSONL reports them as rejections). Every
other record is copied as written, including those the check rejects, so the three files
give the same findings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from iprules.ledger.columns import Column, columns
from iprules.ledger.model import RECORD_KINDS

HERE = Path(__file__).resolve().parent
KIND_COLUMN = "记录类型"


def read_objects(path: Path) -> list[dict[str, Any]]:
    """The JSONL's records that a table can hold, in file order."""
    kept: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            print(f"{path.name}:{number}: not JSON, left out", file=sys.stderr)
            continue
        kind = value.get("type") if isinstance(value, dict) else None
        if kind not in RECORD_KINDS:
            print(f"{path.name}:{number}: unknown record kind, left out", file=sys.stderr)
            continue
        known = {column.name for column in columns(kind)}
        if set(value) - known - {"type"}:
            print(f"{path.name}:{number}: unknown field, left out", file=sys.stderr)
            continue
        kept.append(value)
    return kept


def cell(column: Column, value: Any, excel: bool) -> Any:
    """A JSON value as a clerk types it; in a workbook, a date is an Excel date."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    if column.shape == "date" and isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return day if excel else f"{day.year}/{day.month}/{day.day}"
    return value


def used_columns(records: list[dict[str, Any]], kind: str) -> list[Column]:
    """The kind's columns that some record of that kind fills, in the template's order."""
    filled = {name for record in records if record["type"] == kind for name, value in record.items()}
    return [column for column in columns(kind) if column.name in filled]


def csv_bytes(records: list[dict[str, Any]]) -> bytes:
    headers: list[str] = [KIND_COLUMN]
    for kind in RECORD_KINDS:
        for column in used_columns(records, kind):
            if column.title not in headers:
                headers.append(column.title)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for record in records:
        kind = record["type"]
        row: list[Any] = [RECORD_KINDS[kind].kind_zh] + [""] * (len(headers) - 1)
        for column in used_columns(records, kind):
            value = cell(column, record.get(column.name), excel=False)
            if value is not None:
                row[headers.index(column.title)] = value
        writer.writerow(row)
    content = buffer.getvalue()
    try:
        return content.encode("gbk")
    except UnicodeEncodeError:
        return content.encode("gb18030")  # a name outside GBK: Excel would write '?', we keep it


def write_xlsx(records: list[dict[str, Any]], path: Path) -> None:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for kind, model in RECORD_KINDS.items():
        used = used_columns(records, kind)
        if not used:
            continue
        sheet = workbook.create_sheet(model.kind_zh)
        sheet.append([column.title for column in used])
        for record in (r for r in records if r["type"] == kind):
            row = sheet.max_row + 1
            for index, column in enumerate(used, start=1):
                value = cell(column, record.get(column.name), excel=True)
                if value is not None:
                    target = sheet.cell(row=row, column=index, value=value)
                    if isinstance(value, dt.date):
                        target.number_format = "yyyy-mm-dd"
    workbook.properties.created = workbook.properties.modified = dt.datetime(2026, 1, 1)
    workbook.save(path)


def main() -> None:
    source = HERE / "台账.jsonl"
    records = read_objects(source)
    (HERE / "台账.csv").write_bytes(csv_bytes(records))
    write_xlsx(records, HERE / "台账.xlsx")
    print(f"wrote {HERE / '台账.csv'} and {HERE / '台账.xlsx'} from {len(records)} records")


if __name__ == "__main__":
    main()
