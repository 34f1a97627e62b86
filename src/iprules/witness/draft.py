"""A witness as a draft scenario, in the feature files' Chinese Gherkin, ready to paste.

The draft's verdict steps say what the ENGINE said on the witness ledger. The project's rule is
that a scenario's verdict comes from the clause text read by a legal reviewer, never from the
engine, so every draft starts with a comment saying so: the reviewer reads the ledger against
the clause, and writes the verdict the text gives (which may not be the engine's: then the
rule is wrong, and the draft has found it).

The draft declares every 违规 and 无法判定 its ledger gives (the scenario convention: one
undeclared is a failing scenario), and pins its branch with words of that branch's message.
"""

from __future__ import annotations

import re

from iprules.findings import Finding
from iprules.policy.clauses import VERDICT_WORDS
from iprules.policy.load import Policy
from iprules.policy.rules import COMPLIANT_BRANCH, Rule
from iprules.scenarios import DEFAULT_AS_OF
from iprules.witness.ledger import Ledger
from iprules.witness.search import Witness

WORD_OF = {code: word for word, code in VERDICT_WORDS.items()}
_PLACEHOLDER = re.compile(r"\{[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\}")
_PUNCTUATION = re.compile(r"[，；。：、（）()“”\"'！？\s]+")
INDENT = "    "  # a scenario sits inside a 规则 block
STEP = "  "  # steps two further in, table rows two more (as features/maojian writes them)


def _phrases(template: str) -> list[str]:
    return [p for piece in _PLACEHOLDER.split(template) for p in _PUNCTUATION.split(piece) if len(p) >= 2]


def mention(rule: Rule, finding: Finding) -> str | None:
    """Words of the deciding branch's message that no other alternative of the rule says,
    found in the finding's messages (the longest such phrase; else the longest phrase)."""
    if finding.branch == COMPLIANT_BRANCH:
        return None
    mine = next(a for a in rule.alternatives if a.branch == finding.branch)
    others = [a.message.zh for a in rule.alternatives if a is not mine]
    said = [m.zh for m in finding.messages]
    phrases = [p for p in _phrases(mine.message.zh) if any(p in m for m in said)]
    phrases.sort(key=len, reverse=True)
    distinct = [p for p in phrases if not any(p in other for other in others)]
    chosen = distinct or phrases
    return chosen[0] if chosen else None


def _selects_clause(finding: Finding, clause: str) -> bool:
    return any(c == clause or c.startswith(f"{clause}-") for c in finding.clauses)


def verdict_steps(witness: Witness) -> list[str]:
    """The target's verdict step (and its mention), then one for every other 违规/无法判定."""
    assert witness.finding is not None and witness.report is not None
    findings = witness.report.findings
    target = witness.finding
    steps: list[str] = []
    covered: list[Finding] = []

    def declare(finding: Finding) -> None:
        clause = finding.clauses[0]
        by_clause = [f for f in findings if f.case == finding.case and _selects_clause(f, clause)]
        word = WORD_OF[finding.verdict]
        if {f.verdict for f in by_clause} == {finding.verdict}:
            steps.append(f'案件"{finding.case}"按条款"{clause}"的结论为"{word}"')
            covered.extend(by_clause)
        else:
            steps.append(f'案件"{finding.case}"在规则"{finding.rule}"下的结论为"{word}"')
            covered.extend(f for f in findings if f.case == finding.case and f.rule == finding.rule)

    declare(target)
    words = mention(witness.rule, target)
    if words:
        steps.append(f'说明中包含"{words}"')
    for finding in findings:
        if finding.verdict != "compliant" and finding not in covered:
            declare(finding)
    return steps


def _table(ledger: Ledger) -> list[str]:
    lines = []
    for number, sheet in enumerate(ledger.sheets):
        keyword = "假如" if number == 0 else "而且"
        lines.append(f'{keyword}台账中有"{sheet.kind}"记录:')
        for row in (sheet.headers, *sheet.rows):
            lines.append(f"{STEP}| " + " | ".join(cell.strip() or " " for cell in row) + " |")
    return lines


def draft_scenario(witness: Witness, policy: Policy) -> str:
    """The draft: comment lines for the reviewer, then the scenario, indented for its 规则 block."""
    assert witness.ledger is not None and witness.finding is not None
    rule = witness.rule
    clause = rule.clauses[0]
    place = policy.clause_by_id.get(clause)
    where = f"{place.file} 的 @{clause} 规则块" if place else f"@{clause} 规则块"
    head = [
        f"# 草稿（iprules lint --deep）：规则 {rule.id} 的分支 {witness.branch}；放入 {where}",
        "# 下面的结论取自引擎在此台账上的输出，不是取自条文：加入前必须对照条款原文逐字核对，",
        "# 按条文写出结论（场景的结论来自条文，而非引擎）；条文给出的结论若与此不同，错的是规则",
    ]
    steps = verdict_steps(witness)
    check = (
        "当检查台账"
        if witness.ledger.as_of == DEFAULT_AS_OF
        else f'当以"{witness.ledger.as_of.isoformat()}"为审计基准日检查台账'
    )
    body = [
        f"场景: （草稿）{rule.title.zh[:40]}——分支 {witness.branch}",
        *(STEP + line for line in _table(witness.ledger)),
        STEP + check,
        STEP + "那么" + steps[0],
        *(STEP + "而且" + step for step in steps[1:]),
    ]
    return "\n".join(INDENT + line for line in head + body) + "\n"


def draft_feature(witnesses: list[Witness], policy: Policy) -> str:
    """Drafts as a whole feature file (one 规则 block per clause), so they can be read back."""
    lines = ["# language: zh-CN", "功能: 草稿场景（iprules lint --deep）", ""]
    clause = None
    for witness in witnesses:
        if witness.ledger is None:
            continue
        if witness.rule.clauses[0] != clause:
            clause = witness.rule.clauses[0]
            lines += [f"  @{clause}", f"  规则: {clause}", ""]
        lines.append(draft_scenario(witness, policy))
    return "\n".join(lines)
