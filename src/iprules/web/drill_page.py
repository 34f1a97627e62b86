"""培训 — the drill in the browser: one scenario at a time, then the answer and the reason.

A quiz is its settings — policy, clause or part, number of questions, seed — and they are
all in the link, so a link (or a printed paper's number) gives the same questions in the same
order to anyone. What a trainee has answered lives in the signed session cookie, one letter
per question; nothing the browser sends names a file. The questions, their order, how a
reply reads and what the answer says are `iprules.drill`'s, as in `iprules drill`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from iprules.drill import ANSWERS, Question, Score, chosen, explanation, heading, prompt, target_clause
from iprules.i18n import Lang
from iprules.policy.clauses import clause_label, within
from iprules.policy.load import Policy
from iprules.web.book_words import say, sayer
from iprules.web.render import lang_of, page
from iprules.web.scenario_runs import Runs, runs_of
from iprules.web.security import csrf_ok

MAX_QUESTIONS = 200
DEFAULT_QUESTIONS = 10
_LETTER = {"compliant": "c", "violation": "v", "undetermined": "u"}
_VERDICT = {letter: verdict for verdict, letter in _LETTER.items()}


class QuizRefused(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def say(self, lang: Lang) -> str:
        return say(lang, "bad_quiz", what=self.zh if lang == "zh" else self.en)


@dataclass(frozen=True)
class Quiz:
    """A quiz's settings, as its link carries them."""

    policy: str
    scope: str  # "" (every clause), a part ("s2") or a clause id
    count: int
    seed: int | None

    @property
    def key(self) -> str:
        return f"{self.policy}|{self.scope}|{self.count}|{self.seed}"

    def query(self, **more: object) -> str:
        values: dict[str, object] = {"policy": self.policy, "clause": self.scope, "count": self.count}
        if self.seed is not None:
            values["seed"] = self.seed
        values.update(more)
        return urlencode({k: v for k, v in values.items() if v not in ("", None)})


def _quiz(values: Any, policies: dict[str, Policy], default_policy: str) -> Quiz:
    name = str(values.get("policy") or default_policy)
    if name not in policies:
        raise QuizRefused(f"未知的政策“{name}”", f"unknown policy '{name}'")
    scope = str(values.get("clause") or "").strip()
    if scope and not any(within(c.id, scope) for c in policies[name].clauses):
        raise QuizRefused(f"没有条款“{scope[:40]}”", f"no clause '{scope[:40]}'")
    count_text = str(values.get("count") or DEFAULT_QUESTIONS).strip()
    if not count_text.isdigit() or not 1 <= int(count_text) <= MAX_QUESTIONS:
        raise QuizRefused(
            f"题数应为 1 至 {MAX_QUESTIONS}", f"the number of questions is 1 to {MAX_QUESTIONS}"
        )
    seed_text = str(values.get("seed") or "").strip()
    if seed_text and (not seed_text.isdigit() or len(seed_text) > 9):
        raise QuizRefused("随机种子应为不超过 9 位的数字", "the seed is a number of at most 9 digits")
    return Quiz(name, scope, int(count_text), int(seed_text) if seed_text else None)


def _canonical(request: Request, settings: Quiz) -> Response:
    """The start form sent: to the quiz's own link. Unticked 打乱顺序 drops the seed; ticked
    with no seed draws one, and it goes in the link so the same quiz can be opened again."""
    seed = settings.seed
    if not request.query_params.get("shuffle"):
        seed = None
    elif seed is None:
        seed = secrets.randbelow(10**6)
    quiz = Quiz(settings.policy, settings.scope, settings.count, seed)
    lang = "en" if request.query_params.get("lang") == "en" else None
    return RedirectResponse(f"{request.url.path}?{quiz.query(lang=lang)}", status_code=303)


def _default_policy(request: Request) -> str:
    policies = request.app.state.policies
    return "maojian" if "maojian" in policies else next(iter(policies), "")


def _usable(runs: Runs, scope: str) -> tuple[list[Question], int]:
    """The questions in scope whose scenario holds against the policy, and how many were
    left out because theirs does not (a variant's figures can make a base scenario wrong:
    it would teach the wrong answer)."""
    inside = [q for q in runs.questions if not scope or within(q.scenario.clause, scope)]
    usable = [q for q in inside if q.outcome.passed]
    return usable, len(inside) - len(usable)


def _asked(quiz: Quiz, policy: Policy) -> tuple[list[Question], int]:
    usable, left_out = _usable(runs_of(policy), quiz.scope)
    return chosen(usable, quiz.count, quiz.seed), left_out


def _answers(request: Request, quiz: Quiz) -> dict[str, str]:
    """This quiz's answers so far, {question number: letter}, from the session, where they are
    one letter per question ("." not answered): 200 questions stay far below a cookie's 4 KB."""
    kept = request.session.get("drill")
    if not isinstance(kept, dict) or kept.get("quiz") != quiz.key or not isinstance(kept.get("answers"), str):
        return {}
    return {
        str(n): letter
        for n, letter in enumerate(kept["answers"][: quiz.count], start=1)
        if letter in _VERDICT
    }


def _kept(answers: dict[str, str], quiz: Quiz) -> str:
    return "".join(answers.get(str(n), ".") for n in range(1, quiz.count + 1)).rstrip(".")


def _refused(request: Request, error: QuizRefused, status: int = 400) -> Response:
    lang = lang_of(request)
    return page(request, "error.html", status=status, title="refused", detail=error.say(lang), t=sayer(lang))


def _choices(runs: Runs, policy: Policy) -> list[dict[str, Any]]:
    """What a quiz can cover: each part, then each clause that has questions."""
    counts: dict[str, int] = {}
    for question in runs.questions:
        counts[question.scenario.clause] = counts.get(question.scenario.clause, 0) + 1
    choices: list[dict[str, Any]] = []
    for part, name in runs.parts.items():
        n = sum(v for k, v in counts.items() if within(k, part))
        if n:
            choices.append({"id": part, "words": name, "n": n, "part": True})
        for clause in policy.clauses:
            if within(clause.id, part) and counts.get(clause.id):
                words = f"{clause.label}“{clause.title}”"
                choices.append({"id": clause.id, "words": words, "n": counts[clause.id], "part": False})
    return choices


def form(request: Request) -> Response:
    lang = lang_of(request)
    policies = request.app.state.policies
    try:
        quiz = _quiz(request.query_params, policies, _default_policy(request))
    except QuizRefused as refused:
        return _refused(request, refused)
    policy = policies[quiz.policy]
    runs = runs_of(policy)
    return page(
        request,
        "drill.html",
        t=sayer(lang),
        policies=policies,
        quiz=quiz,
        choices=_choices(runs, policy),
        available=len(_usable(runs, quiz.scope)[0]),
        max_questions=MAX_QUESTIONS,
    )


def _scope_words(quiz: Quiz, runs: Runs, policy: Policy, lang: Lang) -> str:
    if not quiz.scope:
        return say(lang, "drill_all")
    if quiz.scope in runs.parts:
        return runs.parts[quiz.scope]
    clause = policy.clause_by_id.get(quiz.scope)
    return f"{clause.label}“{clause.title}”" if clause else clause_label(quiz.scope)


def _settings(quiz: Quiz, asked: list[Question], policy: Policy, lang: Lang) -> str:
    order = say(lang, "shuffled", seed=quiz.seed) if quiz.seed is not None else say(lang, "in_order")
    scope = _scope_words(quiz, runs_of(policy), policy, lang)
    return say(lang, "quiz_settings", scope=scope, n=len(asked), order=order)


def _shown(question: Question, number: int, total: int, policy: Policy, lang: Lang) -> dict[str, Any]:
    """A question as the pages show it: heading, facts, prompt — never the scenario's title."""
    clause = target_clause(question, policy)
    return {
        "number": number,
        "heading": heading(number, total, clause, lang),
        "prompt": prompt(question, clause, lang),
        "clause": clause,
        "case": question.expectation.case,
        "as_of": question.scenario.as_of.isoformat(),
        "tables": [
            {"kind": t.kind, "header": t.rows[0], "rows": t.rows[1:]} for t in question.scenario.tables
        ],
    }


def _revealed(question: Question, policy: Policy, lang: Lang) -> dict[str, Any]:
    told = explanation(question, policy, lang)
    return {
        "answer": question.answer,
        "title": question.scenario.name,
        "clauses": told.clauses,
        "reasons": told.reasons,
    }


def quiz(request: Request) -> Response:
    """One question; once answered, with its answer, clause and reason."""
    lang = lang_of(request)
    policies = request.app.state.policies
    query = request.query_params
    try:
        settings = _quiz(query, policies, _default_policy(request))
    except QuizRefused as refused:
        return _refused(request, refused)
    if query.get("start"):
        return _canonical(request, settings)
    policy = policies[settings.policy]
    asked, left_out = _asked(settings, policy)
    if not asked:
        return _refused(
            request, QuizRefused("所选范围内没有可出的题", "no questions in the chosen range"), 404
        )
    number_text = query.get("q", "1")
    number = int(number_text) if number_text.isdigit() else 1
    number = min(max(1, number), len(asked))
    question = asked[number - 1]
    answers = _answers(request, settings)
    given = answers.get(str(number))
    return page(
        request,
        "drill_question.html",
        t=sayer(lang),
        quiz=settings,
        settings=_settings(settings, asked, policy, lang),
        left_out=left_out,
        total=len(asked),
        question=_shown(question, number, len(asked), policy, lang),
        given=_VERDICT[given] if given else None,
        revealed=_revealed(question, policy, lang) if given else None,
        answers=ANSWERS,
        answered=len(answers),
    )


async def answer(request: Request) -> Response:
    """A trainee's answer: kept in the session, then back to the question to see it judged."""
    lang = lang_of(request)
    async with request.form(max_files=0, max_fields=12) as data:
        if not csrf_ok(request, data.get("csrf")):
            return page(request, "error.html", status=403, title="refused", message=("csrf", {}))
        fields = {key: str(value) for key, value in data.items()}
    try:
        settings = _quiz(fields, request.app.state.policies, _default_policy(request))
    except QuizRefused as refused:
        return _refused(request, refused)
    verdict = fields.get("answer", "")
    number = fields.get("q", "")
    if verdict not in _LETTER or not number.isdigit() or not 1 <= int(number) <= settings.count:
        return _refused(
            request, QuizRefused("请选择合规、违规或无法判定", "choose compliant, violation or undetermined")
        )
    answers = _answers(request, settings)
    answers.setdefault(number, _LETTER[verdict])  # the first answer counts: no second try
    request.session["drill"] = {"quiz": settings.key, "answers": _kept(answers, settings)}
    back = settings.query(q=number, lang="en" if lang == "en" else None)
    return RedirectResponse(f"/drill/quiz?{back}#answer", status_code=303)


def score(request: Request) -> Response:
    lang = lang_of(request)
    policies = request.app.state.policies
    try:
        settings = _quiz(request.query_params, policies, _default_policy(request))
    except QuizRefused as refused:
        return _refused(request, refused)
    policy = policies[settings.policy]
    asked, _ = _asked(settings, policy)
    answers = _answers(request, settings)
    tally = Score()
    for number, question in enumerate(asked, start=1):
        given = answers.get(str(number))
        if given:
            tally.add(question.scenario.clause, _VERDICT[given] == question.answer)
    clauses = policy.clause_by_id
    rows = [
        {"clause": clauses.get(clause_id), "id": clause_id, "asked": n, "right": right}
        for clause_id, (n, right) in sorted(
            tally.by_clause.items(),
            key=lambda item: clauses[item[0]].sort_key() if item[0] in clauses else (9, 0, 0),
        )
    ]
    return page(
        request,
        "drill_score.html",
        t=sayer(lang),
        quiz=settings,
        settings=_settings(settings, asked, policy, lang),
        score=tally,
        rows=rows,
        unanswered=len(asked) - tally.asked,
    )


def paper(request: Request) -> Response:
    """The printable quiz (试卷): every question with its facts and three boxes."""
    return _printed(request, "drill_paper.html", with_answers=False)


def key(request: Request) -> Response:
    """The answer key (答案), printed apart from the paper."""
    return _printed(request, "drill_key.html", with_answers=True)


def _printed(request: Request, template: str, with_answers: bool) -> Response:
    lang = lang_of(request)
    policies = request.app.state.policies
    try:
        settings = _quiz(request.query_params, policies, _default_policy(request))
    except QuizRefused as refused:
        return _refused(request, refused)
    if request.query_params.get("start"):
        return _canonical(request, settings)
    policy = policies[settings.policy]
    asked, _ = _asked(settings, policy)
    items = [
        {**_shown(q, n, len(asked), policy, lang), **(_revealed(q, policy, lang) if with_answers else {})}
        for n, q in enumerate(asked, start=1)
    ]
    return page(
        request,
        template,
        t=sayer(lang),
        quiz=settings,
        settings=_settings(settings, asked, policy, lang),
        items=items,
        policy=policy,
    )
