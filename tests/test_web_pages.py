"""培训 and 条款 in-process (Starlette's TestClient): the drill's questions, answers, score,
paper and key, and the clause book, in Chinese and English — what they show is what
iprules.drill and the policy say."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from iprules.drill import Question, chosen
from iprules.i18n import VERDICT_WORDS
from iprules.policy.clauses import within
from iprules.policy.load import Policy, load_policy
from iprules.web.app import Settings, create_app
from iprules.web.scenario_runs import runs_of

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = {"policy": "maojian", "clause": "s2", "count": "4", "seed": "5"}
QUIZ = "/drill/quiz?policy=maojian&clause=s2&count=4&seed=5"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(Settings(root=tmp_path_factory.mktemp("web-pages") / "checks"))
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def asked(policy: Policy, scope: str = "s2", count: int = 4, seed: int | None = 5) -> list[Question]:
    usable = [q for q in runs_of(policy).questions if within(q.scenario.clause, scope) and q.outcome.passed]
    return chosen(usable, count, seed)


def visible(html: str) -> str:
    """What a reader sees: the page's text without its tags and their attributes."""
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|head)\b.*?</\1>", "", html, flags=re.S)))


def token(client: TestClient, path: str = "/") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found
    return found.group(1)


def answer(client: TestClient, number: int, verdict: str, csrf: str | None = None) -> str:
    data = {**SETTINGS, "q": str(number), "answer": verdict, "csrf": csrf or token(client)}
    sent = client.post("/drill/answer", data=data, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    return str(client.get(sent.headers["location"]).text)


def test_every_page_links_to_check_drill_and_clauses(client: TestClient) -> None:
    for path in ("/", "/drill", "/clauses?part=s4"):
        html = client.get(path).text
        assert all(f'href="{target}"' in html for target in ("/", "/drill", "/clauses")), path


def test_the_drill_form_offers_each_part_and_each_clause_with_its_count(
    client: TestClient, policy: Policy
) -> None:
    html = client.get("/drill").text
    runs = runs_of(policy)
    for part, name in runs.parts.items():
        n = sum(within(q.scenario.clause, part) for q in runs.questions)
        assert f'value="{part}"' in html and f"{escape(name)}（{n}）" in html
    assert 'value="s2.1-timely"' in html


def test_a_question_shows_its_ledger_but_never_its_scenario_title(client: TestClient, policy: Policy) -> None:
    questions = asked(policy, "s1.1-office", 10, None)
    telling = next(n for n, q in enumerate(questions, 1) if "无法判定" in q.scenario.name)
    question = questions[telling - 1]
    html = client.get(f"/drill/quiz?policy=maojian&clause=s1.1-office&count=10&q={telling}").text
    text = visible(html)
    assert question.scenario.name not in text, "the title says the answer"
    for row in question.scenario.tables[0].rows:
        assert all(str(escape(cell)) in html for cell in row), "every cell of the ledger is shown"
    assert f"案件 {question.expectation.case} 是否符合条款" in text
    assert all(f'value="{v}"' in html for v in ("compliant", "violation", "undetermined"))


def test_an_answer_is_judged_with_the_clause_text_and_the_finding_s_reason(
    client: TestClient, policy: Policy
) -> None:
    questions = asked(policy)
    first = questions[0]
    wrong = "compliant" if first.answer != "compliant" else "violation"
    text = visible(answer(client, 1, wrong))
    assert "回答错误" in text and f"正确答案：{VERDICT_WORDS[first.answer].zh}" in text
    assert first.scenario.name in text, "the title is revealed with the answer"
    finding = first.found[0]
    assert policy.clause_by_id[finding.clauses[0]].text in text
    assert finding.messages[0].zh in text
    # a second answer to the same question changes nothing: the first one counts
    assert "回答错误" in visible(answer(client, 1, first.answer))
    right = visible(answer(client, 2, questions[1].answer))
    assert "回答正确" in right


def test_the_score_counts_per_clause_what_was_answered(client: TestClient, policy: Policy) -> None:
    trainee = TestClient(client.app)  # a session of its own
    questions = asked(policy)
    csrf = token(trainee)
    wrong = "compliant" if questions[0].answer != "compliant" else "violation"
    answer(trainee, 1, wrong, csrf)
    for number, question in enumerate(questions[1:], start=2):
        answer(trainee, number, question.answer, csrf)
    html = trainee.get("/drill/score?" + "&".join(f"{k}={v}" for k, v in SETTINGS.items())).text
    assert f"共答 {len(questions)} 题，答对 {len(questions) - 1} 题" in visible(html)
    for clause in {q.scenario.clause for q in questions}:
        n = sum(q.scenario.clause == clause for q in questions)
        assert re.search(rf'data-clause="{re.escape(clause)}">.*?<td class="num">{n}</td>', html, re.S)
    assert "尚有" not in visible(html), "every question was answered"


def test_an_answer_without_its_csrf_token_is_refused_and_not_kept(client: TestClient) -> None:
    fresh = TestClient(client.app)
    fresh.get(QUIZ)
    data = {**SETTINGS, "q": "3", "answer": "violation"}
    refused = fresh.post("/drill/answer", data=data, follow_redirects=False)
    assert refused.status_code == 403
    forged = fresh.post("/drill/answer", data={**data, "csrf": "forged"}, follow_redirects=False)
    assert forged.status_code == 403
    assert 'id="judged"' not in fresh.get(QUIZ + "&q=3").text


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another(
    client: TestClient, policy: Policy
) -> None:
    assert [q.expectation.case for q in asked(policy, "s2", 8, 1)] == [
        q.expectation.case for q in asked(policy, "s2", 8, 1)
    ]
    assert asked(policy, "s2", 8, 1) != asked(policy, "s2", 8, 2)
    key = client.get("/drill/key?policy=maojian&clause=s2&count=4&seed=5").text
    answers = re.findall(r'data-answer="(\w+)"', key)
    assert answers == [q.answer for q in asked(policy)]


def test_the_start_form_puts_the_seed_in_the_link(client: TestClient) -> None:
    shuffled = client.get("/drill/quiz?start=1&shuffle=1&policy=maojian&count=5", follow_redirects=False)
    assert shuffled.status_code == 303 and re.search(r"seed=\d+", shuffled.headers["location"])
    ordered = client.get("/drill/quiz?start=1&seed=9&policy=maojian&count=5", follow_redirects=False)
    assert "seed" not in ordered.headers["location"], "unticked 打乱顺序 means the clause order"


def test_the_paper_asks_without_answers_and_the_key_answers_with_reasons(
    client: TestClient, policy: Policy
) -> None:
    paper = client.get("/drill/paper?policy=maojian&clause=s2&count=4&seed=5").text
    questions = asked(policy)
    assert paper.count('class="paper-question"') == len(questions)
    assert "data-answer" not in paper and not any(q.scenario.name in visible(paper) for q in questions)
    key = visible(client.get("/drill/key?policy=maojian&clause=s2&count=4&seed=5").text)
    for question in questions:
        assert question.scenario.name in key
        assert all(message.zh in key for message in question.found[0].messages)


@pytest.mark.parametrize(
    "query",
    ["policy=nowhere", "clause=s9", "count=0", "count=9999", "count=x", "seed=-1", "policy=../../etc"],
)
def test_bad_quiz_settings_are_a_page_that_says_so(client: TestClient, query: str) -> None:
    answered = client.get(f"/drill/quiz?{query}")
    assert answered.status_code == 400
    assert "练习参数不正确" in answered.text and "Traceback" not in answered.text


def test_the_drill_in_english(client: TestClient) -> None:
    html = client.get(QUIZ + "&lang=en").text
    assert "Question 1 of 4" in html and "Is case" in html
    client.get("/drill?lang=zh")


def test_the_clause_book_lists_every_clause_in_the_source_s_order(client: TestClient, policy: Policy) -> None:
    from iprules.source_text import passages

    html = client.get("/clauses").text
    shown = re.findall(r'<article class="clause[^"]*" id="([^"]+)"', html)
    assert shown == [p.clause.id for p in passages(policy) if p.clause is not None]
    assert sorted(shown) == sorted(c.id for c in policy.clauses)
    for clause in policy.clauses:
        assert str(escape(clause.text_en)) in html
    assert html.count('class="signoff"') == len(policy.clauses)
    assert all(str(escape(item.text)) in html for item in policy.non_normative)


def test_waived_clauses_and_parts_not_encoded_stand_out(client: TestClient, policy: Policy) -> None:
    html = client.get("/clauses").text
    for clause_id in policy.waivers:
        block = re.search(rf'id="{re.escape(clause_id)}" data-status="(\w+)"', html)
        assert block and block.group(1) == "waived", clause_id
    marked = re.findall(r'<mark class="not-encoded"[^>]*>([^<]+)<sup>', html)
    assert sorted(marked) == sorted(part.part.zh for part in policy.not_encoded)


def test_the_clause_book_says_each_branch_and_its_readings_in_plain_words(
    client: TestClient, policy: Policy
) -> None:
    html = client.get("/clauses?part=s2").text
    text = visible(html)
    rule = next(r for r in policy.rules if "s2.0" in r.clauses)
    assert rule.title.zh in text
    assert sum(1 for a in rule.alternatives if a.kind == "violation") == len(
        re.findall(r"违规情形\d", text.split("二（一）")[0])
    )
    for name in rule.interpretations:
        reading = policy.interpretations[name]
        assert str(escape(reading.alternative.zh)) in html
    # Chinese shows no internal codes: no rule id, branch name or interpretation id
    assert rule.id not in text and "two-responders" not in text and "s2.0-ranking" not in text
    english = visible(client.get("/clauses?part=s2&lang=en").text)
    assert rule.id in english and rule.title.en in english
    client.get("/clauses?lang=zh")


def test_a_variant_policy_and_one_part_can_be_chosen(client: TestClient) -> None:
    html = client.get("/clauses?policy=zhangwan&part=s1").text
    assert "张湾区" in html
    shown = re.findall(r'<article class="clause[^"]*" id="([^"]+)"', html)
    assert shown and all(clause_id.startswith("s1.") for clause_id in shown)
    assert client.get("/clauses?policy=../maojian").status_code == 404


def test_the_longest_quiz_s_answers_fit_in_the_session_cookie(client: TestClient) -> None:
    trainee = TestClient(client.app)
    csrf = token(trainee)
    settings = {"policy": "maojian", "count": "200", "seed": "3", "csrf": csrf}
    for number in (1, 100, 200):
        sent = trainee.post("/drill/answer", data={**settings, "q": str(number), "answer": "violation"})
        assert sent.status_code == 200
    assert len(trainee.cookies["iprules_session"]) < 2048
    assert 'id="judged"' in trainee.get("/drill/quiz?policy=maojian&count=200&seed=3&q=100").text
    assert 'id="judged"' not in trainee.get("/drill/quiz?policy=maojian&count=200&seed=3&q=99").text
