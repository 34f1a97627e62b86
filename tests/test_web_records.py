"""The workbench and the store of checks, in-process: every check it runs is recorded, and the
历史, 比较, 预警 and 整改台账 pages show what the CLI's history, diff, warn and rectify say."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from starlette.testclient import TestClient

from iprules.cli import main
from iprules.early_warning import warn
from iprules.policy.load import load_policy
from iprules.web.app import Settings, create_app

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "台账.jsonl"
AS_OF = "2026-11-25"
FIXES = {
    '"first_responder","case":"MJ-2026-003","staff":"李明"': '"first_responder","case":"MJ-2026-003","staff":"王建国"',
    '"first_responder","case":"MJ-2026-005","staff":"周涛"': '"first_responder","case":"MJ-2026-005","staff":"吴敏"',
}


def corrected() -> bytes:
    content = LEDGER.read_text(encoding="utf-8")
    for wrong, right in FIXES.items():
        assert wrong in content
        content = content.replace(wrong, right)
    return content.encode("utf-8")


def csrf(client: TestClient, path: str = "/") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def checked(client: TestClient, name: str, data: bytes) -> tuple[str, str]:
    """Upload one ledger; (the check's URL, its finished page)."""
    answer = client.post(
        "/check",
        data={"csrf": csrf(client), "policy": "maojian", "as_of": AS_OF},
        files=[("files", (name, data, "application/octet-stream"))],
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    url = str(answer.headers["location"])
    for _ in range(600):
        text = client.get(url).text
        if 'http-equiv="refresh"' not in text:
            return url, text
        import time

        time.sleep(0.2)
    raise AssertionError(f"{url} did not finish")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("web-store") / "iprules.db")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, db: str) -> Iterator[TestClient]:
    app = create_app(Settings(root=tmp_path_factory.mktemp("web-root") / "checks", db=db))
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="module")
def two_checks(client: TestClient) -> tuple[tuple[str, str], tuple[str, str]]:
    """The example, then the example with the first responders of two cases corrected."""
    return checked(client, "台账.jsonl", LEDGER.read_bytes()), checked(client, "整改后.jsonl", corrected())


def test_every_workbench_check_is_recorded_and_its_number_shown(
    two_checks: tuple[tuple[str, str], ...],
) -> None:
    (_, first), (_, second) = two_checks
    assert "已记录为检查 #1" in first and "已记录为检查 #2" in second


def test_a_store_that_cannot_be_written_is_said_and_the_result_still_shown(tmp_path: Path) -> None:
    app = create_app(Settings(root=tmp_path / "checks", db=str(tmp_path / "no-such-folder" / "iprules.db")))
    with TestClient(app) as client:
        _, page = checked(client, "台账.jsonl", LEDGER.read_bytes())
    assert "未能记入检查记录库" in page and "no-such-folder" in page
    assert 'id="reconcile"' in page, "the result is shown all the same"


def test_history_lists_the_checks_with_links_to_compare_and_rectify(
    client: TestClient, two_checks: object
) -> None:
    page = client.get("/history").text
    assert 'id="check-1"' in page and 'id="check-2"' in page and "台账.jsonl" in page
    assert 'href="/diff?before=1&amp;after=2"' in page and 'href="/register?check=1"' in page


def test_compare_says_per_case_and_clause_what_was_fixed(client: TestClient, two_checks: object) -> None:
    page = client.get("/diff?before=1&after=2").text
    assert "已纠正 2" in page and "新出现 0" in page
    fixed = re.findall(r"<h3>案件 (MJ-[0-9-]+)</h3>\s*<table[^>]*><tbody>\s*<tr class=\"diff-fixed\">", page)
    assert fixed == ["MJ-2026-003", "MJ-2026-005"]
    english = client.get("/diff?before=1&after=2&lang=en").text
    assert "2 fixed" in english
    client.get("/?lang=zh")


def test_compare_offers_only_recorded_checks_and_refuses_anything_else(
    client: TestClient, two_checks: object
) -> None:
    page = client.get("/diff").text
    assert re.findall(r'<option value="(\d+)"', page) == ["1", "2", "1", "2"]
    assert "检查记录库中没有第 99 号检查" in client.get("/diff?before=1&after=99").text
    assert "/etc/passwd" not in client.get("/diff?before=/etc/passwd&after=2").text


def test_the_register_of_a_check_without_items_says_how_to_open_them(
    client: TestClient, two_checks: object
) -> None:
    assert "还没有整改事项" in client.get("/register?check=2&lang=zh").text


def test_the_warning_page_groups_an_uploaded_ledgers_matters_by_unit_and_person(client: TestClient) -> None:
    answer = client.post(
        "/warn",
        data={"csrf": csrf(client, "/warn"), "policy": "maojian", "as_of": "2026-10-20", "within": "5"},
        files=[("files", ("台账.jsonl", LEDGER.read_bytes(), "application/octet-stream"))],
    )
    assert answer.status_code == 200, answer.text
    expected = warn([LEDGER], load_policy(ROOT / "rules" / "maojian"), dt.date(2026, 10, 20), 5)
    page = answer.text
    assert f"已逾期 {len(expected.overdue)} 项" in page
    assert page.count('class="warn-overdue"') == len(expected.overdue)
    assert page.count('class="warn-due_soon"') == len(expected.matters) - len(expected.overdue)
    assert "<h2>茅箭区市场监管局知识产权股 / 李明</h2>" in page and "期限无法确定（1）" in page
    assert "台账.jsonl:83" in page and str(ROOT) not in page, "ledgers by their uploaded names"


def test_the_warning_form_needs_its_csrf_token(client: TestClient) -> None:
    answer = client.post(
        "/warn",
        data={"csrf": "forged", "policy": "maojian", "as_of": "2026-10-20"},
        files=[("files", ("台账.jsonl", LEDGER.read_bytes(), "application/octet-stream"))],
    )
    assert answer.status_code == 403


def test_a_checks_ledgers_can_be_warned_of(
    client: TestClient, two_checks: tuple[tuple[str, str], ...]
) -> None:
    (url, _), _ = two_checks
    page = client.get(f"{url}/warn?as_of=2026-10-20&within=5").text
    assert "已逾期 4 项，将到期 1 项，期限无法确定 1 项" in page and "台账.jsonl" in page


def test_a_bad_window_is_a_form_error(client: TestClient, two_checks: tuple[tuple[str, str], ...]) -> None:
    (url, _), _ = two_checks
    answer = client.get(f"{url}/warn?as_of=2026-10-20&within=-1")
    assert answer.status_code == 400 and "N 应为 0 到" in answer.text


def test_the_register_download_reads_back(
    client: TestClient, tmp_path: Path, db: str, two_checks: object
) -> None:
    """Items opened from the same ledger file the check read (the CLI's rule: by content hash)."""
    ledger = tmp_path / "台账.jsonl"
    ledger.write_bytes(LEDGER.read_bytes())
    assert main(["rectify", "open", "1", str(ledger), "--db", db]) == 0
    page = client.get("/register?check=1&lang=zh").text
    assert "已整改" not in page and "未整改" in page
    assert page.count('class="state-') == 58 and "MJ-2026-003" in page
    answer = client.get("/register/1.xlsx")
    assert answer.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content))["整改台账"]
    assert sheet.max_row == 59
