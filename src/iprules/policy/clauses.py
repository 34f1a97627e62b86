"""The clause registry, read from the Gherkin features.

The design card puts the citable clauses in features/: a clause is a `规则:` block whose tag
is its id and whose description holds the verbatim text (`原文:`) and an English rendering
(`译文:`). Nothing else repeats the text, so this module is the one reader of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

from iprules.policy.feature_cache import cached_parse
from iprules.policy.yamlfile import PolicyError, read_policy_text

CLAUSE_ID = re.compile(r"^s([1-5])\.(\d+)(?:-([a-z][a-z0-9-]*))?$")
_NUMERALS = "〇一二三四五六七八九十"
_PAREN_SECTIONS = {"2", "5"}  # 二 and 五 number their items （一）（二）…; the others 1. 2. …
VERDICT_WORDS = {"合规": "compliant", "违规": "violation", "无法判定": "undetermined"}


def clause_label(clause_id: str) -> str:
    """The clause's number as the document writes it.

    >>> clause_label("s2.3-refusal"), clause_label("s3.2"), clause_label("s5.0-outreach")
    ('二（三）', '三.2', '五')
    """
    match = CLAUSE_ID.match(clause_id)
    if not match:
        return clause_id
    section, item = match.group(1), int(match.group(2))
    head = _NUMERALS[int(section)]
    if item == 0:
        return head
    if section in _PAREN_SECTIONS:
        return f"{head}（{_NUMERALS[item]}）"
    return f"{head}.{item}"


def within(clause_id: str, chosen: str) -> bool:
    """Whether `clause_id` is the chosen clause or under it: a section (s5: every s5.*), an
    item (s5.4: s5.4-speed, s5.4-routing …) or the clause itself.

    >>> within("s5.4-speed", "s5"), within("s5.4-speed", "s5.4"), within("s5.4-speed", "s5.4-speed")
    (True, True, True)
    >>> within("s5.4-speed", "s5.4-s"), within("s1.1-office", "s1.1-off"), within("s1.10", "s1.1")
    (False, False, False)
    """
    return clause_id == chosen or clause_id.startswith((f"{chosen}-", f"{chosen}."))


@dataclass(frozen=True)
class ScenarioRef:
    """A scenario pinning a clause: where it is and which verdicts it expects."""

    name: str
    file: str
    line: int
    verdicts: tuple[str, ...]


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    text: str
    text_en: str
    file: str
    line: int
    scenarios: tuple[ScenarioRef, ...] = field(default=())

    @property
    def label(self) -> str:
        return clause_label(self.id)

    @property
    def section(self) -> int:
        match = CLAUSE_ID.match(self.id)
        return int(match.group(1)) if match else 0

    def sort_key(self) -> tuple[int, int, int]:
        """Document order: section, item, then where the clause stands in its feature file."""
        match = CLAUSE_ID.match(self.id)
        if not match:
            return (9, 0, self.line)
        return (int(match.group(1)), int(match.group(2)), self.line)


def parse_feature(path: Path, label: str | None = None) -> dict[str, Any]:
    name = label or str(path)
    text = read_policy_text(path, name)
    try:
        document = cached_parse(text, lambda text: cast(dict[str, Any], Parser().parse(TokenScanner(text))))
    except (CompositeParserException, ParserError) as error:
        raise PolicyError(name, 1, f"Gherkin 语法错误：{error}", f"Gherkin syntax error: {error}") from error
    return document


def _description_fields(description: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for raw in description.splitlines():
        line = raw.strip()
        for key in ("原文", "译文"):
            if line.startswith(f"{key}:"):
                values[key] = line[len(key) + 1 :].strip()
    return values


_EXPECTED_VERDICT = re.compile(r'结论为"(合规|违规|无法判定)"')


def _scenario_verdicts(scenario: dict[str, Any]) -> tuple[str, ...]:
    """The verdicts a scenario expects, read from its `那么 … 结论为"违规"` steps."""
    verdicts = []
    for step in scenario.get("steps", []):
        verdicts += [VERDICT_WORDS[word] for word in _EXPECTED_VERDICT.findall(step["text"])]
    return tuple(verdicts)


def read_clauses(features_dir: Path, root: Path | None = None) -> list[Clause]:
    """Every clause in the feature files under `features_dir`, in document order."""
    clauses: dict[str, Clause] = {}
    for path in sorted(features_dir.rglob("*.feature")):
        name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        document = parse_feature(path, name)
        feature = document.get("feature") or {}
        for child in feature.get("children", []):
            rule = child.get("rule")
            if rule is None:
                continue
            clause = _clause_from_rule(rule, name)
            if clause.id in clauses:
                other = clauses[clause.id]
                raise PolicyError(
                    name,
                    clause.line,
                    f"条款编号 {clause.id} 重复（已在 {other.file}:{other.line} 出现）",
                    f"clause id {clause.id} is used twice (also at {other.file}:{other.line})",
                )
            clauses[clause.id] = clause
    return sorted(clauses.values(), key=Clause.sort_key)


def _clause_from_rule(rule: dict[str, Any], file: str) -> Clause:
    line = rule["location"]["line"]
    ids = [tag["name"][1:] for tag in rule.get("tags", []) if CLAUSE_ID.match(tag["name"][1:])]
    if len(ids) != 1:
        raise PolicyError(
            file,
            line,
            "每个“规则:”块上方须有且仅有一个条款编号标签，如 @s2.0 或 @s1.1-office",
            "each 规则 (Rule) block needs exactly one clause-id tag above it, e.g. @s2.0 or @s1.1-office",
        )
    fields = _description_fields(rule.get("description", ""))
    if "原文" not in fields or "译文" not in fields:
        raise PolicyError(
            file,
            line,
            f"条款 {ids[0]} 缺少“原文: …”或“译文: …”描述行",
            f"clause {ids[0]} lacks its '原文: …' (verbatim text) or '译文: …' (English) line",
        )
    scenarios = []
    for child in rule.get("children", []):
        scenario = child.get("scenario")
        if scenario is None:
            continue
        scenarios.append(
            ScenarioRef(
                name=scenario["name"],
                file=file,
                line=scenario["location"]["line"],
                verdicts=_scenario_verdicts(scenario),
            )
        )
    return Clause(
        id=ids[0],
        title=rule["name"],
        text=fields["原文"],
        text_en=fields["译文"],
        file=file,
        line=line,
        scenarios=tuple(scenarios),
    )
