"""整改台账: a recorded check's violations become items with who and by when; the units'
workbook comes back with bad rows rejected by sheet and row; a later check verifies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iprules.calendar import Calendar
from iprules.cli import main
from iprules.rectify_workbook import COLUMNS, SHEET
from iprules.store import Store

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "台账.jsonl"
AS_OF = "2026-11-25"
DAYS = 10
CORRECTIONS = {"MJ-2026-003": "王建国", "MJ-2026-005": "吴敏"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def corrected(target: Path) -> Path:
    lines = []
    for line in LEDGER.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            lines.append(line)
            continue
        if (
            isinstance(record, dict)
            and record.get("type") == "first_responder"
            and record.get("case") in CORRECTIONS
        ):
            record["staff"] = CORRECTIONS[record["case"]]
            line = json.dumps(record, ensure_ascii=False)
        lines.append(line)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


@pytest.fixture
def opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A store with the example recorded as check #1 and its items opened with --days 10."""
    db = str(tmp_path / "iprules.db")
    assert run(capsys, "check", str(LEDGER), "--as-of", AS_OF, "--record", "--db", db)[0] == 1
    code, _, err = run(capsys, "rectify", "open", "1", str(LEDGER), "--days", str(DAYS), "--db", db)
    assert code == 0, err
    return db


def ledger_lines() -> list[dict[str, object]]:
    found = []
    for line in LEDGER.read_text(encoding="utf-8").splitlines():
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            found.append(value)
    return found


def test_without_a_period_no_item_is_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    variant = tmp_path / "无期限"
    variant.mkdir()
    (variant / "policy.yaml").write_text(
        f"name: noperiod\nextends: {ROOT / 'rules' / 'maojian'}\nparameters:\n  rectification_working_days: null\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "iprules.db")
    run(capsys, "check", str(LEDGER), "--as-of", AS_OF, "--record", "--db", db, "--policy", str(variant))
    code, _, err = run(capsys, "rectify", "open", "1", str(LEDGER), "--db", db, "--policy", str(variant))
    assert code == 2 and "--days N" in err and "没有规定整改期限" in err
    with Store.open(db) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM rectifications").scalar_one() == 0


@pytest.mark.parametrize("policy", ["maojian", "zhangwan"])
def test_the_period_is_the_bureaus_stated_parameter_and_a_variant_inherits_it(policy: str) -> None:
    from iprules.policy.load import load_policy
    from iprules.rectify import DAYS_PARAMETER, working_days

    parameters = load_policy(ROOT / "rules" / policy).parameters
    assert working_days(None, parameters) == parameters[DAYS_PARAMETER] == DAYS
    written = (ROOT / "rules" / "maojian" / "policy.yaml").read_text(encoding="utf-8")
    said = " ".join(written[: written.index(f"{DAYS_PARAMETER}:")].splitlines()[-5:])  # its comment
    assert "sets no period" in said and "bureau's own choice" in said
    assert DAYS_PARAMETER not in (ROOT / "rules" / "zhangwan" / "policy.yaml").read_text(encoding="utf-8")


def test_rectify_open_takes_the_policys_period_without_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "iprules.db")
    run(capsys, "check", str(LEDGER), "--as-of", AS_OF, "--record", "--db", db)
    assert run(capsys, "rectify", "open", "1", str(LEDGER), "--db", db)[0] == 0
    with Store.open(db) as store:
        from iprules.store.register import register_items

        due = Calendar.official().deadline(dt.date.fromisoformat(AS_OF), DAYS)
        assert {item.due for item in register_items(store, 1)} == {due}


def test_each_violation_becomes_an_item_with_who_and_by_when(
    opened: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from iprules.store.register import register_items

    with Store.open(opened) as store:
        items = register_items(store)
        violations = [f for f in store.findings(1) if f.verdict == "violation"]
    assert sorted(i.finding_id for i in items) == sorted(f.id for f in violations)
    due = Calendar.official().deadline(dt.date.fromisoformat(AS_OF), DAYS)
    assert {i.due for i in items} == {due}
    records = ledger_lines()
    roster = {r["name"]: r for r in records if r.get("type") == "staff"}
    for case in CORRECTIONS:
        (item,) = [i for i in items if i.case == case and i.rule == "first-responder"]
        (named,) = [r for r in records if r.get("type") == "first_responder" and r.get("case") == case]
        assert item.person == named["staff"]
        assert item.unit == roster[str(named["staff"])]["unit"]
        assert item.status == "open"
    code, _, err = run(capsys, "rectify", "open", "1", str(LEDGER), "--days", str(DAYS), "--db", opened)
    assert code == 0 and f"新建整改事项 0 项，已有 {len(items)} 项" in err


def test_a_ledger_changed_since_the_check_is_refused(
    opened: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "rectify", "open", "1", str(corrected(tmp_path / "改过.jsonl")), "--days", "5", "--db", opened
    )
    assert code == 2 and "不在给出的文件中" in err and "Traceback" not in err


def test_a_due_date_past_the_known_calendar_is_said_not_guessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "iprules.db")
    run(capsys, "check", str(LEDGER), "--as-of", "2026-12-28", "--record", "--db", db)
    assert run(capsys, "rectify", "open", "1", str(LEDGER), "--days", str(DAYS), "--db", db)[0] == 0
    from iprules.store.register import register_items

    with Store.open(db) as store:
        items = register_items(store)
    assert items and all(i.due is None and i.due_note and "2027" in i.due_note for i in items)
    assert all(i.state(dt.date(2030, 1, 1)) == "open" for i in items), "never overdue without a due date"


def test_the_workbook_round_trip_takes_good_rows_and_rejects_bad_ones_by_sheet_and_row(
    opened: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "整改台账.xlsx"
    code, _, err = run(capsys, "rectify", "export", str(book), "--db", opened, "--as-of", "2026-11-30")
    assert code == 0, err
    workbook = load_workbook(book)
    sheet = workbook[SHEET]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) >= 6 and all(r[8].value == "未整改" for r in rows)
    assert any("I2" in str(v.sqref) for v in sheet.data_validations.dataValidation)
    status, note = COLUMNS.index("状态"), COLUMNS.index("整改说明")
    rows[0][status].value, rows[0][note].value = "已整改", "已更正首问责任人登记"
    rows[1][status].value, rows[1][note].value = "已整改", "已组织培训"
    rows[2][status].value = "已整改"  # no note: rejected
    rows[3][status].value = "已复查"  # only a later check verifies: rejected
    rows[4][COLUMNS.index("结论编号")].value = "0000000000000000"  # no such item: rejected
    rows[5][status].value = "办完了"  # not a status: rejected
    workbook.save(book)
    code, _, err = run(capsys, "rectify", "import", str(book), "--db", opened, "--as-of", "2026-11-30")
    assert code == 2
    assert "导入已整改 2 项" in err and "拒收 4 行" in err
    for row, words in (
        (4, "没有写整改说明"),
        (5, "只能由之后的一次检查确认"),
        (6, "不是整改台账中的事项"),
        (7, "不可用"),
    ):
        assert (
            f"{book}:{SHEET}!{row}: " in err and words in err.split(f"{SHEET}!{row}: ", 1)[1].splitlines()[0]
        )
    from iprules.store.register import register_items

    with Store.open(opened) as store:
        items = {i.finding_id: i for i in register_items(store)}
    claimed = [items[str(rows[n][1].value)] for n in (0, 1)]
    assert [(i.status, i.note) for i in claimed] == [
        ("rectified", "已更正首问责任人登记"),
        ("rectified", "已组织培训"),
    ]
    assert sum(i.status == "rectified" for i in items.values()) == 2
    again = run(capsys, "rectify", "import", str(book), "--db", opened, "--as-of", "2026-11-30")
    assert "导入已整改 0 项" in again[2], "the claimed rows are now unchanged"


def test_a_later_check_verifies_what_it_no_longer_finds_and_open_items_fall_overdue(
    opened: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = corrected(tmp_path / "整改后.jsonl")
    assert run(capsys, "check", str(later), "--as-of", AS_OF, "--record", "--db", opened)[0] == 1
    code, _, err = run(capsys, "rectify", "verify", "2", "--db", opened)
    assert code == 0 and "已复查 2 项" in err
    from iprules.store.register import register_items

    with Store.open(opened) as store:
        items = register_items(store)
    verified = {(i.case, i.rule) for i in items if i.status == "verified"}
    assert verified == {(case, "first-responder") for case in CORRECTIONS}
    due = Calendar.official().deadline(dt.date.fromisoformat(AS_OF), DAYS)
    after = due + dt.timedelta(days=1)
    assert {i.state(due) for i in items if i.status == "open"} == {"open"}
    assert {i.state(after) for i in items if i.status == "open"} == {"overdue"}
    assert all(i.state(after) == "verified" for i in items if i.status == "verified")
    code, out, _ = run(capsys, "rectify", "list", "--db", opened, "--as-of", after.isoformat())
    assert out.count("逾期") == len(items) - 2 and out.count("已复查") == 2


def test_an_export_never_overwrites_a_register(
    opened: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "整改台账.xlsx"
    book.write_bytes(b"filled in by a unit")
    code, _, err = run(capsys, "rectify", "export", str(book), "--db", opened)
    assert code == 2 and "文件已存在" in err
    assert book.read_bytes() == b"filled in by a unit"
