"""培训 and 条款 in a real headless Chromium, as a trainer and a legal reviewer use them:
answer three drill questions and read the score, open the clause book, print it on A4, and
read both on a 390 px phone. The server, the browser and the screenshots are
tests/test_web_browser.py's; the screenshots are out/test-artefacts/web-drill-*.png and
web-clauses-*.png."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path
from typing import Any

from iprules.drill import chosen
from iprules.policy.clauses import within
from iprules.policy.load import load_policy
from iprules.web.scenario_runs import runs_of
from test_web_browser import ARTEFACTS, _shot, _wait_for, browser, driver, server

__all__ = ["browser", "driver", "server"]  # the fixtures, shared with the 检查 pages' browser tests

ROOT = Path(__file__).resolve().parents[1]
QUIZ = "/drill/quiz?policy=maojian&clause=s2&count=3&seed=11"


def _expected_answers() -> list[str]:
    """The three questions that seed gives, as the drill module orders them."""
    runs = runs_of(load_policy(ROOT / "rules" / "maojian"))
    usable = [q for q in runs.questions if within(q.scenario.clause, "s2") and q.outcome.passed]
    return [q.answer for q in chosen(usable, 3, 11)]


def test_a_trainee_answers_three_questions_and_sees_the_score_per_clause(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/drill")
    _shot(browser, "drill-1-start")
    Select(browser.find_element(By.ID, "clause")).select_by_value("s2")
    count = browser.find_element(By.ID, "count")
    count.clear()
    count.send_keys("3")
    browser.find_element(By.ID, "shuffle").click()
    browser.find_element(By.ID, "seed").send_keys("11")
    browser.find_element(By.ID, "start").click()
    _wait_for(browser, "#question")
    assert re.search(r"seed=11", browser.current_url), "the seed is in the link, so the quiz can be shared"
    answers = _expected_answers()
    given = [answers[0], answers[1], "undetermined" if answers[2] != "undetermined" else "compliant"]
    for number, answer in enumerate(given, start=1):
        question = browser.find_element(By.ID, "question")
        assert question.get_attribute("data-number") == str(number)
        if number == 1:
            _shot(browser, "drill-2-question")
        browser.find_element(By.ID, f"answer-{answer}").click()
        judged = _wait_for(browser, "#judged")
        assert judged.text == ("回答正确" if number < 3 else "回答错误")
        if number == 1:
            _shot(browser, "drill-3-answered")
        link = "#next" if number < 3 else "#score"
        browser.find_element(By.CSS_SELECTOR, link).click()
    _wait_for(browser, "#total")
    assert browser.find_element(By.ID, "total").text == "共答 3 题，答对 2 题"
    rows = browser.find_elements(By.CSS_SELECTOR, "#by-clause tbody tr")
    assert sum(int(r.find_elements(By.TAG_NAME, "td")[1].text) for r in rows) == 3
    _shot(browser, "drill-4-score")


def test_the_printed_quiz_and_its_key_show_the_same_questions(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + QUIZ.replace("/quiz", "/paper"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.paper-question")) == 3
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-answer]"), "the paper gives no answer"
    _shot(browser, "drill-5-paper")
    browser.get(server + QUIZ.replace("/quiz", "/key"))
    shown = [e.get_attribute("data-answer") for e in browser.find_elements(By.CSS_SELECTOR, "[data-answer]")]
    assert shown == _expected_answers()
    _shot(browser, "drill-6-key")


def test_the_clause_book_shows_every_clause_and_makes_the_unchecked_ones_stand_out(
    browser: Any, server: str
) -> None:
    from selenium.webdriver.common.by import By

    policy = load_policy(ROOT / "rules" / "maojian")
    browser.get(server + "/clauses")
    _wait_for(browser, "#totals")
    clauses = browser.find_elements(By.CSS_SELECTOR, "article.clause")
    assert [c.get_attribute("id") for c in clauses] == [
        c.id for c in sorted(policy.clauses, key=lambda c: _source_order(policy, c.id))
    ]
    waived = browser.find_element(By.ID, next(iter(policy.waivers)))
    assert waived.get_attribute("data-status") == "waived"
    plain = browser.find_element(By.ID, "s2.0")
    assert waived.value_of_css_property("background-image") != plain.value_of_css_property("background-image")
    assert browser.find_elements(By.CSS_SELECTOR, "mark.not-encoded"), (
        "parts not encoded are marked in the text"
    )
    assert len(browser.find_elements(By.CSS_SELECTOR, ".signoff")) == len(policy.clauses)
    _shot(browser, "clauses-1-book")
    browser.get(server + "/clauses?part=s2")
    _shot(browser, "clauses-2-part-two")


def _source_order(policy: Any, clause_id: str) -> int:
    from iprules.source_text import passages

    return next(p.start for p in passages(policy) if p.clause is not None and p.clause.id == clause_id)


def test_the_clause_book_prints_on_a4(browser: Any, server: str) -> None:
    from pypdf import PdfReader
    from selenium.webdriver.common.print_page_options import PrintOptions

    policy = load_policy(ROOT / "rules" / "maojian")
    browser.get(server + "/clauses?part=s2")
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = base64.b64decode(browser.print_page(options))
    assert pdf.startswith(b"%PDF")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "web-clauses-a4.pdf").write_bytes(pdf)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 2, "part two with its sign-off boxes runs over several pages"
    for page in pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1, "A4 is 595 × 842 points"
    running = f"《{policy.title.zh}》条款审核 · maojian {policy.version}"
    texts = [page.extract_text() for page in pages]
    assert all(running in text for text in texts), "the running header repeats on every page"
    assert sum("审核人签名" in text for text in texts) >= 2, "the sign-off boxes are on the paper"


def test_the_clause_book_seen_as_printed(browser: Any, server: str) -> None:
    """What the paper shows (print media at A4 width), kept to be looked at."""
    browser.get(server + "/clauses?part=s3")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        browser.set_window_size(794, 1123)
        _shot(browser, "clauses-3-print")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.set_window_size(1280, 1000)


def test_a_390_px_phone_never_scrolls_sideways_on_the_drill_and_clause_pages(
    browser: Any, server: str
) -> None:
    browser.set_window_size(390, 844)
    try:
        for name, page in [
            ("drill-phone-start", "/drill"),
            ("drill-phone-question", QUIZ),
            ("drill-phone-key", QUIZ.replace("/quiz", "/key")),
            ("clauses-phone", "/clauses"),
        ]:
            browser.get(server + page)
            wide = browser.execute_script("return document.documentElement.scrollWidth")
            inner = browser.execute_script("return document.documentElement.clientWidth")
            assert wide <= inner, f"{page}: {wide} px wide in a {inner} px viewport"
            _shot(browser, name, whole=False)
    finally:
        browser.set_window_size(1280, 1000)
