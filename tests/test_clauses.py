"""The clause registry is the document: verbatim, complete, uniquely numbered, well formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iprules.policy.clauses import clause_label, parse_feature, read_clauses
from iprules.policy.load import Policy, load_policy

ROOT = Path(__file__).resolve().parents[1]
FEATURES = ROOT / "features"
KEYWORDS = (
    "功能",
    "规则",
    "场景",
    "剧本",
    "场景大纲",
    "剧本大纲",
    "背景",
    "例子",
    "Rule",
    "Feature",
    "Scenario",
)
# enumeration markers at the start of a line: 1. / 一、 / （一）
MARKER = re.compile(r"^\s*(\d+\.|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", re.MULTILINE)
PUNCTUATION = set("，。；：、“”‘’（）《》！？,.;:()")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def source() -> str:
    return (ROOT / "docs" / "source" / "知识产权服务机构工作机制.txt").read_text(encoding="utf-8")


def test_the_source_document_is_the_bureaus_text_verbatim(source: str) -> None:
    seed = ROOT.parent / "shared" / "seeds" / "000_265558f293628566.txt"
    if seed.is_file():
        assert source == seed.read_text(encoding="utf-8")
    assert "首问负责制" in source and "0719-8693328" in source


def test_every_clause_text_is_a_verbatim_part_of_the_source(policy: Policy, source: str) -> None:
    whole = squeeze(source)
    misquoted = [clause.id for clause in policy.clauses if squeeze(clause.text) not in whole]
    assert not misquoted, f"clause texts not found verbatim in the source: {misquoted}"


def test_every_non_normative_fragment_is_a_verbatim_part_of_the_source(policy: Policy, source: str) -> None:
    whole = squeeze(source)
    assert policy.non_normative, "the policy lists no non-normative fragments"
    assert [item.text for item in policy.non_normative if squeeze(item.text) not in whole] == []


def test_every_word_of_the_source_belongs_to_a_clause_or_a_non_normative_fragment(
    policy: Policy, source: str
) -> None:
    text = squeeze(MARKER.sub("", source))
    covered = [False] * len(text)
    for fragment in [c.text for c in policy.clauses] + [n.text for n in policy.non_normative]:
        needle = squeeze(fragment)
        start = text.find(needle)
        while start != -1:
            covered[start : start + len(needle)] = [True] * len(needle)
            start = text.find(needle, start + 1)
    uncovered = "".join(
        ch if not ok and ch not in PUNCTUATION else " " for ch, ok in zip(text, covered, strict=True)
    )
    assert uncovered.split() == [], "source text no clause accounts for"


def test_clause_ids_follow_the_documents_numbering(policy: Policy) -> None:
    ids = [clause.id for clause in policy.clauses]
    assert len(ids) == len(set(ids))
    assert {"s2.0", "s5.4-routing", "s1.1-office", "s4.7"} <= set(ids)
    for clause_id in ids:
        assert re.match(r"^s[1-5]\.\d+(-[a-z][a-z0-9-]*)?$", clause_id), clause_id
    # a clause split into sub-ids never also appears bare
    bare = {i for i in ids if "-" not in i}
    assert not {i.split("-")[0] for i in ids if "-" in i} & bare


def test_labels_keep_the_documents_form() -> None:
    assert clause_label("s2.3-refusal") == "二（三）"
    assert clause_label("s3.2") == "三.2"
    assert clause_label("s1.1-office") == "一.1"
    assert clause_label("s5.0-outreach") == "五"


def test_every_clause_has_an_english_rendering(policy: Policy) -> None:
    assert [c.id for c in policy.clauses if not re.search(r"[A-Za-z]{3}", c.text_en)] == []


@pytest.mark.parametrize("path", sorted(FEATURES.rglob("*.feature")), ids=lambda p: p.name)
def test_feature_files_are_free_of_what_silently_breaks_pytest_bdd(path: Path) -> None:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "BOM at the start of the file"
    text = raw.decode("utf-8")
    assert text.startswith("# language: zh-CN\n")
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        for keyword in KEYWORDS:
            assert not stripped.startswith(f"{keyword}："), (
                f"{path.name}:{number}: full-width colon after {keyword}"
            )


def test_scenarios_have_steps_unique_names_and_a_verdict() -> None:
    names: dict[str, str] = {}
    for path in sorted(FEATURES.rglob("*.feature")):
        feature = parse_feature(path)["feature"]
        for child in feature["children"]:
            rule = child.get("rule")
            assert rule is not None, f"{path.name}: scenarios belong under a 规则 (clause) block"
            for item in rule["children"]:
                scenario = item.get("scenario")
                if scenario is None:
                    continue
                where = f"{path.name}:{scenario['location']['line']}"
                assert scenario["steps"], f"{where}: scenario without steps"
                assert scenario["name"] not in names, (
                    f"{where}: duplicate scenario name (also {names.get(scenario['name'])})"
                )
                names[scenario["name"]] = where
                texts = " ".join(step["text"] for step in scenario["steps"])
                assert "结论为" in texts or "不适用规则" in texts, f"{where}: the scenario asserts no verdict"


def test_each_scenario_first_pins_the_clause_it_sits_under(policy: Policy) -> None:
    """A scenario's first verdict step is about its own clause; later steps may declare what
    the same ledger gives under other clauses (a scenario declares every verdict it produces)."""
    rules = {rule.id: rule for rule in policy.rules}
    known = {clause for rule in policy.rules for clause in rule.clauses}
    for path in sorted(FEATURES.rglob("*.feature")):
        for child in parse_feature(path)["feature"]["children"]:
            block = child["rule"]
            clause_id = block["tags"][0]["name"][1:]
            for item in block["children"]:
                steps = [step["text"] for step in item.get("scenario", {}).get("steps", [])]
                first = True
                for text in steps:
                    for named in re.findall(r'按条款"([^"]+)"', text):
                        assert any(c == named or c.startswith(f"{named}-") for c in known), (clause_id, text)
                        if first:
                            assert clause_id == named or clause_id.startswith(f"{named}-"), (clause_id, text)
                        first = False
                    for rule_id in re.findall(r'规则"([^"]+)"', text):
                        assert rule_id in rules, f"unknown rule {rule_id} in a scenario of {clause_id}"
                        if first:
                            assert clause_id in rules[rule_id].clauses, (
                                f"rule {rule_id} does not encode {clause_id}"
                            )
                        first = False


def test_the_registry_is_read_from_the_features_alone() -> None:
    clauses = read_clauses(FEATURES / "maojian", ROOT)
    assert len(clauses) >= 60
    assert all(clause.file.startswith("features/") for clause in clauses)
