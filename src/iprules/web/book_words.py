"""The words of the 培训 (drill) and 条款 (clause book) pages, Chinese first, English beside.

Kept apart from the 检查 pages' words (web/words.py), which they fall back on.
"""

from __future__ import annotations

from collections.abc import Callable

from iprules.i18n import Lang
from iprules.web import words

WORDS: dict[str, tuple[str, str]] = {
    # 培训
    "drill_title": ("培训：用场景练习判定", "Drill: judge the scenarios"),
    "drill_intro": (
        "每题给出一个场景的台账记录，请按条款判断该案件合规、违规还是无法判定；答完即可看到正确答案、条款原文和理由。"
        "题目来自规则所用的场景，所以练的正是检查所依据的。",
        "Each question shows a scenario's ledger records: judge whether the case is compliant, a violation or "
        "undetermined under the clause; then you see the answer, the clause text and the reason. The questions "
        "are the scenarios that pin the rules, so what you practise is what the checker enforces.",
    ),
    "drill_scope": ("条款或部分", "Clause or part"),
    "drill_all": ("全部条款", "every clause"),
    "drill_count": ("题数", "Questions"),
    "drill_count_hint": ("共 {n} 题可选", "{n} available"),
    "drill_shuffle": ("打乱顺序", "Shuffle"),
    "drill_seed": (
        "随机种子（可留空；同一种子出同一套题）",
        "Seed (may be blank; the same seed gives the same quiz)",
    ),
    "drill_start": ("开始练习", "Start"),
    "drill_paper": ("打印试卷", "Printable quiz"),
    "drill_key": ("答案", "Answer key"),
    "drill_link": (
        "本套题的链接（发给同事可做同一套题）",
        "This quiz's link (a colleague opening it gets the same quiz)",
    ),
    "drill_left_out": (
        "{n} 道题所在的场景与本政策的规则不一致（例如变体改变了数值），未出题。",
        "{n} questions were left out: their scenarios do not hold against this policy (e.g. a variant changed a figure).",
    ),
    "drill_none": ("所选范围内没有可出的题", "no questions in the chosen range"),
    "question_of": ("第 {n} / {total} 题", "Question {n} of {total}"),
    "facts": ("台账记录", "Ledger records"),
    "records_of": ("“{kind}”记录", "{kind} records"),
    "as_of_day": ("审计基准日：{day}", "Audit date: {day}"),
    "ask": (
        "案件 {case} 按条款 {label}“{title}”的结论是？",
        "What is case {case}'s verdict under clause {label} ({title})?",
    ),
    "right": ("回答正确", "Right"),
    "wrong": ("回答错误", "Wrong"),
    "you_said": ("你的回答：{answer}", "Your answer: {answer}"),
    "the_answer": ("正确答案：{answer}", "The answer: {answer}"),
    "scenario_was": ("场景", "Scenario"),
    "reason_is": ("理由", "Reason"),
    "next_question": ("下一题", "Next question"),
    "see_score": ("查看得分", "See the score"),
    "score_title": ("得分", "Score"),
    "score_total": ("共答 {asked} 题，答对 {right} 题", "{right} right of {asked} answered"),
    "score_unanswered": ("尚有 {n} 题未答", "{n} not answered yet"),
    "score_clause": ("条款", "Clause"),
    "score_asked": ("已答", "Answered"),
    "score_right": ("答对", "Right"),
    "again_quiz": ("另做一套", "Another quiz"),
    "review_quiz": ("回看各题", "Go through the questions again"),
    "clause_first": ("先看条款原文", "Read the clause first"),
    "bad_quiz": (
        "练习参数不正确：{what}。请从培训页面重新开始",
        "the quiz's settings are wrong: {what}. Start again from the drill page",
    ),
    "paper_title": (
        "知识产权服务机构工作机制 培训试卷",
        "Working Mechanism for IP Service Institutions — quiz",
    ),
    "paper_who": (
        "姓名：＿＿＿＿＿＿　单位：＿＿＿＿＿＿　日期：＿＿＿＿＿＿　得分：＿＿＿",
        "Name: ______  Unit: ______  Date: ______  Score: ___",
    ),
    "paper_how": (
        "请根据每题的台账记录，按所问条款在一个方框内打“✓”。",
        "For each question, tick one box: the case's verdict under the clause asked, from its ledger records.",
    ),
    "key_title": ("培训试卷 答案", "Quiz — answer key"),
    "key_answer": ("答案", "Answer"),
    "print_hint": ("用浏览器的“打印”（A4）打印本页。", "Print this page with the browser's Print (A4)."),
    "quiz_settings": ("{scope}，{n} 题，{order}", "{scope}, {n} questions, {order}"),
    "in_order": ("按条款顺序", "in clause order"),
    "shuffled": ("随机种子 {seed}", "seed {seed}"),
    # 条款
    "book_title": ("条款：逐句审核", "Clause book: sentence by sentence"),
    "book_intro": (
        "《{title}》原文逐句列出：每一句的条款编号、原文和英文译文，规则逐个分支的白话说明，所依解释及其他读法，"
        "豁免理由，未编码的部分，以及固定其结论的场景。未编码或已豁免的句子醒目标出。可打印（A4）供签批。",
        "The source of “{title}” sentence by sentence: each with its clause number, verbatim text and English "
        "rendering, the rule in plain words branch by branch, its readings and their alternatives, its waiver, "
        "the parts not encoded and the scenarios that pin its verdicts. Sentences nobody encodes stand out. "
        "Prints on A4 for sign-off.",
    ),
    "book_show": ("显示", "Show"),
    "book_totals": (
        "条款 {total} 条：已编码 {encoded} 条，已豁免 {waived} 条，未处理 {missing} 条；规则分支 {pinned}/{branches} 已由场景固定",
        "{total} clauses: {encoded} encoded, {waived} waived, {missing} not accounted for; rule branches pinned by a scenario {pinned}/{branches}",
    ),
    "book_version": ("政策 {name}，版本 {version}", "policy {name}, version {version}"),
    "status_encoded": ("已编码", "encoded"),
    "status_waived": ("已豁免：不检查", "waived: not checked"),
    "status_missing": ("未处理：未编码也未豁免", "NOT ACCOUNTED FOR: neither encoded nor waived"),
    "status_partly": ("部分未编码", "partly not encoded"),
    "non_normative": ("不设定义务", "imposes no duty"),
    "unaccounted": ("本段文字没有任何条款或说明对应", "no clause or note accounts for this text"),
    "translation": ("译文", "English"),
    "rule_plain": ("规则（白话）", "The rule in plain words"),
    "applies_to": ("适用于", "Applies to"),
    "branch_violation": ("违规情形{n}", "Violation {n}"),
    "branch_undetermined": ("无法判定情形{n}", "Undetermined {n}"),
    "branch_compliant": ("否则合规", "Otherwise compliant"),
    "pinned_by": ("固定它的场景", "Pinned by"),
    "not_pinned": ("没有场景固定此分支", "no scenario pins this branch"),
    "readings_title": ("解释（对开放文字的读法）", "Readings of open text"),
    "question": ("问题", "Question"),
    "reading": ("采用的读法", "Reading"),
    "alternative": ("其他读法", "Alternative"),
    "waiver": ("豁免理由", "Why waived"),
    "not_encoded_title": ("未编码的部分（规则不检查）", "Parts no rule checks"),
    "scenarios_title": ("场景及其固定的结论", "Scenarios and the verdicts they pin"),
    "scenario": ("场景", "Scenario"),
    "pins": ("固定的结论", "Verdicts pinned"),
    "not_applicable": ("不适用", "not applicable"),
    "scenario_fails": ("与规则不一致", "does not hold"),
    "no_scenarios": ("没有场景", "no scenario"),
    "signoff_comment": ("审核意见", "Reviewer's comments"),
    "signoff_sign": ("审核人签名", "Reviewer's signature"),
    "signoff_date": ("日期", "Date"),
    "signoff_agree": ("□ 同意　□ 修改后同意　□ 不同意", "□ agreed  □ agreed with changes  □ not agreed"),
    "book_running": (
        "《{title}》条款审核 · {policy} {version}",
        "Clause review: {title} · {policy} {version}",
    ),
    "part_all": ("全部", "all"),
    # punctuation: full-width in Chinese, ASCII in English
    "colon": ("：", ": "),
    "semicolon": ("；", "; "),
    "paren": ("（{x}）", " ({x})"),
}


def say(lang: Lang, key: str, **values: object) -> str:
    if key not in WORDS:
        return words.say(lang, key, **values)
    zh, en = WORDS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def sayer(lang: Lang) -> Callable[..., str]:
    """The templates' `t`: these pages' words first, then the workbench's."""

    def t(key: str, **values: object) -> str:
        return say(lang, key, **values)

    return t
