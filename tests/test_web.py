"""The workbench in-process (Starlette's TestClient, no socket): every route, its safety, and
that what it shows is what `iprules check` finds."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from iprules.check import Report, check
from iprules.policy.load import load_policy
from iprules.web.app import Settings, create_app
from iprules.web.serve import ServeRefused, chosen_password

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "台账.xlsx"
AS_OF = "2026-11-25"
HOSTILE = '<script>alert("x")</script>'


def as_uploaded(source: object) -> str:
    """A place as the workbench names it: the file as uploaded, not where the CLI read it."""
    return str(source).replace(str(EXAMPLE), EXAMPLE.name)


def csrf(client: TestClient, path: str = "/") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def upload(
    client: TestClient, *files: tuple[str, bytes], policy: str = "maojian", token: str | None = None
) -> str:
    """Send ledgers; the check's page (its URL)."""
    answer = client.post(
        "/check",
        data={"csrf": token if token is not None else csrf(client), "policy": policy, "as_of": AS_OF},
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"])


def wait(client: TestClient, url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text: str = client.get(url).text
        if 'http-equiv="refresh"' not in text:
            return text
        time.sleep(0.2)
    raise AssertionError(f"{url} did not finish in {seconds} s")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(Settings(root=tmp_path_factory.mktemp("web-root") / "checks", max_upload_mb=2))
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="module")
def expected() -> Report:
    """What the CLI's check finds in the example workbook."""
    return check([EXAMPLE], load_policy(ROOT / "rules" / "maojian"), dt.date.fromisoformat(AS_OF), jobs=1)


@pytest.fixture(scope="module")
def example(client: TestClient) -> str:
    url = upload(client, ("台账.xlsx", EXAMPLE.read_bytes()))
    wait(client, url)
    return url


def test_the_result_reconciles_as_the_cli_does(client: TestClient, example: str, expected: Report) -> None:
    page = client.get(example).text
    s = expected.summary
    assert (
        f"读取记录 {s.records_read} 条 = 已检查 {s.records_checked} 条 + 拒收 {s.records_rejected} 条" in page
    )
    for verdict, count in s.findings.items():
        assert re.search(rf'id="total-{verdict}"[^>]*>[^<]*<b>{count}</b>', page), verdict


def test_rejected_rows_and_their_fix_come_before_the_findings(
    client: TestClient, example: str, expected: Report
) -> None:
    page = client.get(example).text
    assert expected.rejections, "the example has rejected rows"
    first = expected.rejections[0]
    assert as_uploaded(first.source) in page and str(escape(first.reason("zh"))) in page
    assert page.index('id="rejections"') < page.index('id="verdicts"')
    assert page.index('class="notice"') < page.index('id="reconcile"')


def test_a_verdict_filter_shows_only_that_verdict_and_its_count(
    client: TestClient, example: str, expected: Report
) -> None:
    page = client.get(example + "/findings?verdict=violation").text
    shown = re.findall(r'<article class="finding" data-verdict="(\w+)"', page)
    violations = expected.summary.findings["violation"]
    assert set(shown) == {"violation"} and len(shown) == min(50, violations)
    assert f"共 {violations} 条" in page
    assert "当前筛选" in page


def test_findings_are_paginated_and_a_page_link_keeps_the_filter(client: TestClient, example: str) -> None:
    page = client.get(example + "/findings?verdict=compliant").text
    following = re.search(r'rel="next" href="([^"]+)"', page)
    assert following, "130 compliant findings make three pages of 50"
    link = following.group(1).replace("&amp;", "&")
    assert "verdict=compliant" in link and "page=2" in link
    second = client.get(link).text
    assert "第 51–100 条" in second


def test_a_clause_filter_counts_that_clause_only(client: TestClient, example: str, expected: Report) -> None:
    wanted = Counter(f.verdict for f in expected.findings if "s2.0" in f.clauses)
    page = client.get(example + "/findings?clause=s2.0").text
    for verdict, count in wanted.items():
        assert f'data-verdict="{verdict}">{count}</b>' in page


def test_one_case_shows_all_its_findings_with_clause_text_and_records(
    client: TestClient, example: str, expected: Report
) -> None:
    case = next(f.case for f in expected.findings if f.verdict == "violation")
    mine = [f for f in expected.findings if f.case == case]
    page = client.get(example + "/case", params={"id": case}).text
    assert page.count('<article class="finding"') == len(mine)
    clause = load_policy(ROOT / "rules" / "maojian").clause_by_id[mine[0].clauses[0]]
    assert clause.text[:30] in page
    assert as_uploaded(mine[0].evidence[0]) in page, "each finding names its records (file, sheet, row)"


def test_an_unknown_case_is_a_page_that_says_so(client: TestClient, example: str) -> None:
    answer = client.get(example + "/case", params={"id": "MJ-NOPE"})
    assert answer.status_code == 404 and "没有案件“MJ-NOPE”" in answer.text


def test_views_by_clause_case_unit_and_person_count_the_same_findings(
    client: TestClient, example: str, expected: Report
) -> None:
    clauses = client.get(example + "/clauses").text
    assert "s2.0" in clauses
    cases = client.get(example + "/cases").text
    assert cases.count('class="case-row"') == min(100, len({f.case for f in expected.findings}))
    people = client.get(example + "/people").text
    assert "首问责任人" in people and "首办责任人" in people
    units = client.get(example + "/units").text
    assert "<table" in units


def test_a_person_filter_keeps_only_the_cases_that_name_them(client: TestClient, example: str) -> None:
    people = client.get(example + "/people").text
    named = re.search(r'href="([^"]+first_responder=[^"]+)">([^<]+)</a>', people)
    assert named, "the example names first responders"
    name = named.group(2)
    cases = client.get(named.group(1).replace("&amp;", "&")).text
    for case in re.findall(r'class="case-row"><td><a href="[^"]+">([^<]+)</a>', cases):
        page = client.get(example + "/case", params={"id": case}).text
        assert f"首问责任人 {name}" in page


def test_the_xlsx_download_reads_back_with_every_finding(
    client: TestClient, example: str, expected: Report
) -> None:
    answer = client.get(example + "/report.xlsx")
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True)
    sheet = workbook["结论"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(expected.findings)
    assert Counter(row[1] for row in rows) == Counter(
        {
            "违规": expected.summary.findings["violation"],
            "无法判定": expected.summary.findings["undetermined"],
            "合规": expected.summary.findings["compliant"],
        }
    )
    places = {str(place) for row in rows for place in str(row[6] or "").split("\n") if place}
    assert places and all(place.startswith("台账.xlsx:") for place in places), (
        "named as uploaded, no server path"
    )


def test_the_json_and_html_downloads_are_the_cli_s_report(
    client: TestClient, example: str, expected: Report
) -> None:
    report = json.loads(client.get(example + "/report.json").content)
    assert report["summary"] == expected.summary.model_dump()
    assert [i["file"] for i in report["inputs"]] == ["台账.xlsx"]
    page = client.get(example + "/report.html?lang=en")
    assert page.status_code == 200 and 'lang="en"' in page.text


def test_the_template_downloads_as_a_workbook(client: TestClient) -> None:
    answer = client.get("/template.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(answer.content))
    assert "首问责任人" in workbook.sheetnames


def test_a_form_post_without_its_csrf_token_is_refused(client: TestClient) -> None:
    for token in ("", "forged"):
        answer = client.post(
            "/check",
            data={"csrf": token, "policy": "maojian", "as_of": AS_OF},
            files=[("files", ("台账.xlsx", EXAMPLE.read_bytes(), "application/octet-stream"))],
            follow_redirects=False,
        )
        assert answer.status_code == 403 and "安全令牌" in answer.text


def test_an_oversize_upload_is_refused(client: TestClient) -> None:
    big = b'{"type": "staff", "name": "x", "position": "y"}\n' * 80_000  # ~3.8 MB > 2 MB
    answer = client.post(
        "/check",
        data={"csrf": csrf(client), "policy": "maojian", "as_of": AS_OF},
        files=[("files", ("大.jsonl", big, "application/octet-stream"))],
        follow_redirects=False,
    )
    assert answer.status_code == 413 and "2 MB" in answer.text


def test_a_path_like_upload_name_is_only_a_label(client: TestClient, tmp_path: Path) -> None:
    line = json.dumps({"type": "first_responder", "case": "X-1", "staff": HOSTILE}, ensure_ascii=False)
    url = upload(client, ("../../" + str(tmp_path / "evil<b>.jsonl"), line.encode()))
    page = wait(client, url)
    assert not (tmp_path / "evil<b>.jsonl").exists() and not list(tmp_path.iterdir())
    assert "evilb.jsonl" in page and str(tmp_path) not in page
    findings = client.get(url + "/findings").text
    assert HOSTILE not in findings and "&lt;script&gt;" in findings, "ledger text is escaped"


def test_a_workbook_name_over_other_bytes_is_refused_with_the_fix(client: TestClient) -> None:
    answer = client.post(
        "/check",
        data={"csrf": csrf(client), "policy": "maojian", "as_of": AS_OF},
        files=[("files", ("台账.xlsx", b"case,type\n", "application/octet-stream"))],
        follow_redirects=False,
    )
    assert answer.status_code == 400 and "另存为 .xlsx" in answer.text
    other = client.post(
        "/check",
        data={"csrf": csrf(client), "policy": "maojian", "as_of": AS_OF},
        files=[("files", ("memo.docx", b"PK\x03\x04", "application/octet-stream"))],
        follow_redirects=False,
    )
    assert other.status_code == 400 and "不是台账文件" in other.text


def test_an_unknown_policy_or_date_is_a_form_error(client: TestClient) -> None:
    token = csrf(client)
    files = [("files", ("台账.xlsx", EXAMPLE.read_bytes(), "application/octet-stream"))]
    bad = client.post("/check", data={"csrf": token, "policy": "../maojian", "as_of": AS_OF}, files=files)
    assert bad.status_code == 400 and "未知的政策" in bad.text
    late = client.post(
        "/check", data={"csrf": token, "policy": "maojian", "as_of": "25/11/2026"}, files=files
    )
    assert late.status_code == 400 and "YYYY-MM-DD" in late.text


def test_a_variant_policy_can_be_chosen(client: TestClient) -> None:
    assert 'value="zhangwan"' in client.get("/").text
    url = upload(client, ("台账.xlsx", EXAMPLE.read_bytes()), policy="zhangwan")
    assert "zhangwan" in wait(client, url)


def test_a_failed_check_is_a_clear_page_not_a_traceback(client: TestClient, tmp_path: Path) -> None:
    from iprules.web.jobs import Job

    jobs = client.app.state.jobs  # type: ignore[attr-defined]
    job_id, folder = jobs.new_folder()
    (folder / "ledgers" / "台账.jsonl").write_text("{}\n", encoding="utf-8")
    job = Job(id=job_id, folder=folder, files=["台账.jsonl"], policy="maojian", as_of=AS_OF)
    jobs.submit(job, tmp_path / "no-such-policy")
    page = wait(client, f"/check/{job_id}")
    assert "检查未完成" in page and "Traceback" not in page


def test_an_unknown_check_is_a_not_found_page(client: TestClient) -> None:
    answer = client.get("/check/not-a-check/findings")
    assert answer.status_code == 404 and "已过期" in answer.text


def test_every_answer_carries_the_security_headers(client: TestClient, example: str) -> None:
    for path in ("/", example, example + "/findings", "/static/style.css", "/check/none"):
        headers = client.get(path).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_english_on_request_and_remembered(client: TestClient, example: str) -> None:
    english = client.get(example + "?lang=en")
    assert "records read" in english.text and english.cookies.get("lang") == "en"
    assert "records read" in client.get(example).text
    assert "读取记录" in client.get(example + "?lang=zh").text


def test_deleting_a_check_removes_its_folder(client: TestClient) -> None:
    url = upload(client, ("台账.xlsx", EXAMPLE.read_bytes()))
    wait(client, url)
    job = client.app.state.jobs.get(url.rsplit("/", 1)[1])  # type: ignore[attr-defined]
    assert job.folder.exists()
    answer = client.post(url + "/delete", data={"csrf": csrf(client)}, follow_redirects=False)
    assert answer.status_code == 303 and not job.folder.exists()
    assert client.get(url).status_code == 404


def test_checks_beyond_the_slots_wait_with_their_place(tmp_path: Path) -> None:
    app = create_app(Settings(root=tmp_path / "checks", slots=1))
    with TestClient(app) as client:
        urls = [upload(client, ("台账.xlsx", EXAMPLE.read_bytes())) for _ in range(3)]
        assert "前面还有 1 个检查在等待" in client.get(urls[2]).text
        for url in urls:
            wait(client, url)
    assert not (tmp_path / "checks").exists(), "the server's stop deletes every check"


def test_with_a_password_nothing_answers_without_it(tmp_path: Path) -> None:
    app = create_app(Settings(root=tmp_path / "checks", password="correct horse"))
    with TestClient(app) as client:
        first = client.get("/", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"].startswith("/login")
        assert client.get("/template.xlsx", follow_redirects=False).status_code == 303
        refused = client.post("/check", data={"policy": "maojian"}, follow_redirects=False)
        assert refused.status_code == 401
        token = csrf(client, "/login")
        wrong = client.post("/login", data={"csrf": token, "password": "guess", "next": "/"})
        assert wrong.status_code == 401 and "密码不正确" in wrong.text
        right = client.post(
            "/login",
            data={"csrf": token, "password": "correct horse", "next": "//evil.example/"},
            follow_redirects=False,
        )
        assert right.status_code == 303 and right.headers["location"] == "/"
        assert client.get("/").status_code == 200
    with TestClient(app) as other:
        bearer = other.get("/", headers={"Authorization": "Bearer correct horse"})
        assert bearer.status_code == 200


def test_another_address_than_loopback_needs_a_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IPRULES_PASSWORD", raising=False)
    assert chosen_password(None, "127.0.0.1") is None
    assert chosen_password(None, "::1") is None
    with pytest.raises(ServeRefused, match="IPRULES_PASSWORD"):
        chosen_password(None, "0.0.0.0")
    with pytest.raises(ServeRefused, match="too short"):
        chosen_password("short", "0.0.0.0")
    monkeypatch.setenv("IPRULES_PASSWORD", "a long enough secret")
    assert chosen_password(None, "10.0.0.5") == "a long enough secret"


def test_an_upload_that_hides_its_size_is_refused_as_it_grows(client: TestClient) -> None:
    def body() -> Iterator[bytes]:
        yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="x.jsonl"\r\n\r\n'
        for _ in range(40):
            yield b"x" * 100_000  # 4 MB, with no Content-Length to say so
        yield b"\r\n--b--\r\n"

    answer = client.post(
        "/check", content=body(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert answer.status_code == 413 and "2 MB" in answer.text
