"""The workbench in a real headless Chromium (selenium + Debian's chromium-driver), as an
auditor uses it: upload the example, read the counts, filter, open a case, on a phone, on paper;
and the exported HTML report, opened from a file, the same ways.

Screenshots and the PDF are kept under out/test-artefacts/ to be looked at."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from iprules.check import Report, check
from iprules.cli import main
from iprules.policy.load import load_policy

ROOT = Path(__file__).resolve().parents[1]
ARTEFACTS = ROOT / "out" / "test-artefacts"
EXAMPLE = ROOT / "examples" / "台账.xlsx"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AS_OF = "2026-11-25"


def _need_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        how = "install them with `apt-get install -y chromium chromium-driver` (.ci/run does this in CI)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{', '.join(missing)} missing in CI: {how}")
        pytest.skip(f"{', '.join(missing)} not found: {how}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _need_browser()
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if key != "IPRULES_PASSWORD"}
    process = subprocess.Popen(
        [sys.executable, "-m", "iprules", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"iprules serve did not start: {process.stderr.read().decode() if process.stderr else ''}"
                    ) from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    """A headless Chromium, without the server (the exported report is a file)."""
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def browser(server: str, driver: Any) -> Any:
    return driver


@pytest.fixture(scope="module")
def expected() -> Report:
    return check([EXAMPLE], load_policy(ROOT / "rules" / "maojian"), dt.date.fromisoformat(AS_OF), jobs=1)


def _wait_for(browser: Any, css: str, seconds: float = 60) -> Any:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def _shot(browser: Any, name: str, whole: bool = True, prefix: str = "web") -> Path:
    """A screenshot: of the whole page (up to 4000 px), or of what the viewport shows."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{prefix}-{name}.png"
    if not whole:
        browser.save_screenshot(str(path))
        return path
    height = browser.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
    width = browser.get_window_size()["width"]
    browser.set_window_size(width, max(600, int(height)))
    browser.save_screenshot(str(path))
    return path


@pytest.fixture(scope="module")
def result_url(browser: Any, server: str) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/")
    _shot(browser, "1-upload-form")
    browser.find_element(By.ID, "files").send_keys(str(EXAMPLE))
    Select(browser.find_element(By.ID, "policy")).select_by_value("maojian")
    date = browser.find_element(By.ID, "as_of")
    browser.execute_script("arguments[0].value = arguments[1]", date, AS_OF)
    browser.find_element(By.ID, "start").click()
    _wait_for(browser, "#reconcile")
    return str(browser.current_url)


def test_the_uploaded_example_shows_the_cli_s_counts(browser: Any, result_url: str, expected: Report) -> None:
    from selenium.webdriver.common.by import By

    browser.get(result_url)
    s = expected.summary
    assert browser.find_element(By.ID, "reconcile").text.startswith(
        f"读取记录 {s.records_read} 条 = 已检查 {s.records_checked} 条 + 拒收 {s.records_rejected} 条"
    )
    for verdict, count in s.findings.items():
        assert browser.find_element(By.CSS_SELECTOR, f"#total-{verdict} b").text == str(count)
    _shot(browser, "2-result")


def test_filtering_by_verdict_leaves_only_that_verdict(
    browser: Any, result_url: str, expected: Report
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(result_url + "/findings")
    Select(browser.find_element(By.NAME, "verdict")).select_by_value("undetermined")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    _wait_for(browser, ".active-filters")
    assert "verdict=undetermined" in browser.current_url, "the filter is in the link, to be shared"
    verdicts = {
        e.get_attribute("data-verdict") for e in browser.find_elements(By.CSS_SELECTOR, "article.finding")
    }
    assert verdicts == {"undetermined"}
    shown = browser.find_elements(By.CSS_SELECTOR, "article.finding")
    assert len(shown) == min(50, expected.summary.findings["undetermined"])
    _shot(browser, "3-findings-undetermined")


def test_a_case_opens_with_all_its_findings(browser: Any, result_url: str, expected: Report) -> None:
    from selenium.webdriver.common.by import By

    browser.get(result_url + "/findings?verdict=violation")
    link = browser.find_element(By.CSS_SELECTOR, "article.finding a.case-link")
    case = link.text
    link.click()
    _wait_for(browser, "h1")
    assert case in browser.find_element(By.TAG_NAME, "h1").text
    cards = browser.find_elements(By.CSS_SELECTOR, "article.finding")
    assert len(cards) == sum(1 for f in expected.findings if f.case == case)
    _shot(browser, "4-case")


@pytest.mark.parametrize("page", ["", "/findings", "/clauses", "/people"])
def test_a_390_px_phone_never_scrolls_sideways(browser: Any, result_url: str, page: str) -> None:
    browser.set_window_size(390, 844)
    try:
        browser.get(result_url + page)
        wide = browser.execute_script("return document.documentElement.scrollWidth")
        inner = browser.execute_script("return document.documentElement.clientWidth")
        assert wide <= inner, f"{page or 'result'}: {wide} px wide in a {inner} px viewport"
        _shot(browser, f"5-phone{page.replace('/', '-') or '-result'}", whole=False)
    finally:
        browser.set_window_size(1280, 1000)


def test_the_result_prints_on_a4(browser: Any, result_url: str) -> None:
    from selenium.webdriver.common.print_page_options import PrintOptions

    browser.get(result_url + "/findings?verdict=violation")
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = base64.b64decode(browser.print_page(options))
    assert pdf.startswith(b"%PDF")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "web-6-findings-a4.pdf").write_bytes(pdf)
    assert b"/MediaBox [0 0 595" in pdf or b"/MediaBox[0 0 595" in pdf, "A4 is 595 × 842 points"


def test_the_result_page_shows_the_rollup_charts(browser: Any, result_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(result_url)
    section = _wait_for(browser, "#rollups")
    _shot(browser, "rollups-page")
    charts = browser.find_elements(By.CSS_SELECTOR, "#rollups svg.chart")
    assert len(charts) == 4, "verdicts per clause, per unit, per month, and the on-time rate"
    assert all(chart.size["width"] > 300 and chart.size["height"] > 40 for chart in charts), (
        "drawn, not empty"
    )
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    browser.execute_script("arguments[0].scrollIntoView()", section)
    section.screenshot(str(ARTEFACTS / "web-rollups.png"))
    for chart in charts:  # each chart on its own, whole, whatever the section's height
        browser.execute_script("arguments[0].scrollIntoView()", chart)
        chart.screenshot(str(ARTEFACTS / f"web-rollups-{chart.get_attribute('id')}.png"))


# the exported HTML report (`iprules check --format html`), opened as a file: no server


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("report") / "检查报告.html"
    assert main(["check", str(EXAMPLE), "--as-of", AS_OF, "--output", str(output)]) == 1  # 1: violations
    return output


def _open_report(driver: Any, report_file: Path, fragment: str = "") -> None:
    driver.get(report_file.as_uri() + fragment)
    _wait_for(driver, "#filter-line")


def _shown_findings(driver: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [e for e in driver.find_elements(By.CSS_SELECTOR, "article.finding") if e.is_displayed()]


def test_the_exported_report_opens_from_a_file_and_fetches_nothing(
    driver: Any, report_file: Path, expected: Report
) -> None:
    from selenium.webdriver.common.by import By

    driver.set_window_size(1280, 1000)
    _open_report(driver, report_file)
    s = expected.summary
    assert driver.find_element(By.ID, "reconcile").text.startswith(
        f"读取记录 {s.records_read} 条 = 已检查 {s.records_checked} 条 + 拒收 {s.records_rejected} 条"
    )
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert len(_shown_findings(driver)) == sum(s.findings.values()), "unfiltered, every finding shows"
    for section in ("by-clause", "by-unit", "by-person", "by-case"):
        assert driver.find_element(By.ID, section).is_displayed(), section
    _shot(driver, "1-top", whole=False, prefix="report")
    driver.execute_script("document.getElementById('by-person').scrollIntoView()")
    _shot(driver, "2-by-person", whole=False, prefix="report")


def test_a_click_on_a_count_filters_the_cases_and_the_page_says_so(
    driver: Any, report_file: Path, expected: Report
) -> None:
    from selenium.webdriver.common.by import By

    driver.set_window_size(1280, 1000)
    _open_report(driver, report_file)
    line = driver.find_element(By.ID, "filter-line")
    assert line.text.startswith("未筛选")
    driver.find_element(By.ID, "total-violation").click()
    violations = expected.summary.findings["violation"]
    assert line.text.startswith("筛选：结论=违规"), line.text
    assert f"{violations} / {sum(expected.summary.findings.values())}" in line.text
    shown = _shown_findings(driver)
    assert len(shown) == violations and {e.get_attribute("data-verdict") for e in shown} == {"violation"}
    _shot(driver, "3-filtered-violations", whole=False, prefix="report")

    person = driver.find_element(By.CSS_SELECTOR, "#by-person table a.filter")
    name = person.text
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", person)  # as a reader sees it
    person.click()
    assert line.text.startswith(f"筛选：首问责任人={name}"), line.text
    cases = [e for e in driver.find_elements(By.CSS_SELECTOR, "section.case") if e.is_displayed()]
    assert cases and all(
        name in json.loads(case.get_attribute("data-names"))["first_responder"] for case in cases
    )
    _shot(driver, "4-filtered-person", whole=False, prefix="report")


@pytest.mark.parametrize("part", ["", "by-clause", "by-person", "by-case"])
def test_the_report_on_a_390_px_phone_never_scrolls_sideways(
    driver: Any, report_file: Path, part: str
) -> None:
    driver.set_window_size(390, 844)
    try:
        _open_report(driver, report_file)
        if part:
            driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", part)
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        inner = driver.execute_script("return document.documentElement.clientWidth")
        assert wide <= inner, f"{part or 'top'}: {wide} px wide in a {inner} px viewport"
        _shot(driver, f"5-phone-{part or 'top'}", whole=False, prefix="report")
    finally:
        driver.set_window_size(1280, 1000)


def test_the_report_prints_on_a4_with_repeating_headers_and_the_filter_line(
    driver: Any, report_file: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.print_page_options import PrintOptions

    driver.set_window_size(1280, 1000)
    _open_report(driver, report_file, "#verdict=violation")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        style = driver.execute_script(
            "var s = getComputedStyle; return [s(document.querySelector('thead')).display,"
            " s(document.querySelector('tbody tr')).breakInside,"
            " s(document.getElementById('filter-line')).display, s(document.getElementById('filters')).display]"
        )
        # how paper shows it: A4's printable width (210 mm less 2 × 12 mm margins) at 96 px per inch
        driver.set_window_size(round((210 - 24) / 25.4 * 96), 1100)
        _shot(driver, "6-print-top", whole=False, prefix="report")
        driver.execute_script("document.getElementById('by-case').scrollIntoView()")
        _shot(driver, "7-print-cases", whole=False, prefix="report")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.set_window_size(1280, 1000)
    assert style[:2] == ["table-header-group", "avoid"], "headers repeat on each page, no row is cut"
    assert style[2] != "none" and style[3] == "none", "the filter line prints, the form does not"
    assert driver.find_element(By.ID, "filter-line").text.startswith("筛选：结论=违规")

    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = base64.b64decode(driver.print_page(options))
    assert pdf.startswith(b"%PDF")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "report-8-a4.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) > 1, "several pages"
    assert all(abs(float(w) - 595.28) < 1 and abs(float(h) - 841.89) < 1 for w, h in boxes), (
        "A4 is 595 × 842 pt"
    )
