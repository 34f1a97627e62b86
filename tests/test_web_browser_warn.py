"""预警 in a real headless Chromium, as a section chief uses it: upload the example ledger, pick
the day and the window, read the overdue (red) and due-soon (yellow) matters by unit and person.
The screenshot out/test-artefacts/web-warn.png is kept to be looked at."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from iprules.early_warning import warn
from iprules.policy.load import load_policy
from test_web_browser import _shot, _wait_for, browser, driver, server  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "examples" / "台账.jsonl"
DAY = "2026-10-20"


def test_the_warning_page_shows_red_and_yellow_matters_by_unit_and_person(browser: Any, server: str) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.get(server + "/warn")
    browser.find_element(By.ID, "files").send_keys(str(LEDGER))
    day = browser.find_element(By.ID, "as_of")
    browser.execute_script("arguments[0].value = arguments[1]", day, DAY)
    within = browser.find_element(By.ID, "within")
    within.clear()
    within.send_keys("5")
    browser.find_element(By.ID, "warn").click()
    _wait_for(browser, "#counts")
    expected = warn([LEDGER], load_policy(ROOT / "rules" / "maojian"), dt.date.fromisoformat(DAY), 5)
    red = browser.find_elements(By.CSS_SELECTOR, "tr.warn-overdue")
    yellow = browser.find_elements(By.CSS_SELECTOR, "tr.warn-due_soon")
    assert len(red) == len(expected.overdue) and len(yellow) == len(expected.matters) - len(expected.overdue)
    colour = browser.execute_script(
        "return getComputedStyle(document.querySelector('.badge-overdue')).backgroundColor"
    )
    assert colour == "rgb(176, 0, 32)", "overdue shows red"
    groups = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".warn-group h2")]
    assert "茅箭区市场监管局知识产权股 / 李明" in groups
    assert "期限无法确定" in browser.find_element(By.ID, "unknown").text
    assert _shot(browser, "warn").stat().st_size > 0
