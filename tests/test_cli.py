"""The auditor's command, end to end on the bundled example ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iprules.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "台账.jsonl"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_the_example_has_violations_so_check_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", str(EXAMPLE), "--as-of", "2026-11-25")
    assert code == 1
    assert "【违规】" in out and "【合规】" in out and "【无法判定】" in out
    assert "拒收记录" in out


def test_example_verdicts_follow_a_plain_reading_of_the_clauses(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", "json")
    verdicts = {(f["case"], f["rule"]): f["verdict"] for f in json.loads(out)["findings"]}
    # 二: a 科员 asked together with a 副局长 is not the first responder
    assert verdicts[("MJ-2026-003", "first-responder")] == "violation"
    # 二: asked one after another, the first asked is the first responder even if junior
    assert verdicts[("MJ-2026-004", "first-responder")] == "compliant"
    assert verdicts[("MJ-2026-005", "first-responder")] == "violation"
    # 二: the director asked together with a deputy and a clerk is the first responder
    assert verdicts[("MJ-2026-008", "first-responder")] == "compliant"
    # 五（四）: a key enterprise's trademark dispute handled by the city bureau
    assert verdicts[("MJ-2026-013", "key-enterprise-trademark-dispute-unit")] == "violation"
    # 五（四）: a patent dispute handled by the city bureau with a district office cooperating
    assert verdicts[("MJ-2026-014", "key-enterprise-patent-dispute-unit")] == "compliant"
    # 五（四）: handled by the city bureau but no district cooperation
    assert verdicts[("MJ-2026-017", "key-enterprise-patent-dispute-unit")] == "violation"
    # a non-key enterprise's dispute is outside 五（四）
    assert not [key for key in verdicts if key[0] == "MJ-2026-018" and "dispute-unit" in key[1]]


def test_records_read_equal_checked_plus_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "check", str(EXAMPLE), "--format", "json", "--as-of", "2026-11-25")
    report = json.loads(out)
    summary = report["summary"]
    lines = [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert summary["records_read"] == len(lines)
    assert summary["records_read"] == summary["records_checked"] + summary["records_rejected"]
    assert summary["records_rejected"] == len(report["rejections"]) >= 3
    assert all(
        r["file"].endswith("台账.jsonl") and r["line"] > 0 and r["reason"] for r in report["rejections"]
    )


def test_every_finding_cites_its_clause_text_and_its_records(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "check", str(EXAMPLE), "--format", "json", "--as-of", "2026-11-25")
    source = (ROOT / "docs" / "source" / "知识产权服务机构工作机制.txt").read_text(encoding="utf-8")
    squeezed = "".join(source.split())
    for finding in json.loads(out)["findings"]:
        assert finding["clauses"] and finding["evidence"] and finding["messages"]
        for clause in finding["clauses"]:
            assert "".join(clause["text"].split()) in squeezed
        for evidence in finding["evidence"]:
            assert evidence["file"].endswith("台账.jsonl") and evidence["line"] >= 1


def test_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "check", str(EXAMPLE), "--lang", "en", "--as-of", "2026-11-25")
    assert "【violation】" in out and "Summary:" in out and "违规" not in out.replace("【违规】", "")


def test_output_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {
        run(capsys, "check", str(EXAMPLE), "--format", fmt, "--as-of", "2026-11-25")[1]
        for fmt in ["json"] * 2
    }
    assert len(outputs) == 1


def test_a_ledger_without_violations_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "ok.jsonl"
    ledger.write_text(
        '{"type":"staff","name":"刘芳","position":"科员"}\n'
        '{"type":"inquiry","case":"A","date":"2026-03-02","asked":["刘芳"]}\n'
        '{"type":"first_responder","case":"A","staff":"刘芳"}\n',
        encoding="utf-8",
    )
    assert run(capsys, "check", str(ledger))[0] == 0


def test_a_missing_ledger_file_is_an_input_error(tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "none.jsonl")]) == 2


def variant(tmp_path: Path, body: str) -> Path:
    """A policy folder extending maojian with `body` appended to its policy.yaml."""
    folder = tmp_path / "variant"
    folder.mkdir()
    (folder / "policy.yaml").write_text(
        f"extends: {ROOT / 'rules' / 'maojian'}\nname: variant\n{body}", encoding="utf-8"
    )
    return folder


def test_a_broken_policy_is_an_error_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = variant(tmp_path, "rules: [r.yaml]\n")
    (folder / "r.yaml").write_text(
        "rules:\n  - id: x\n    clause: s2.0\n    title: {zh: a, en: b}\n    applies:\n"
        "      r: {type: first_responder, rnak: 3}\n    violations: []\n"
    )
    assert main(["lint", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"{folder / 'r.yaml'}:6:" in err and "rnak" in err


def test_lint_names_a_clause_both_encoded_and_waived(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = variant(tmp_path, "waivers:\n  s2.0: {reason: {zh: 不查, en: not checked}}\n")
    assert main(["lint", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "features/maojian/二_首问负责制.feature:" in out and "s2.0" in out


def test_lint_of_the_bundled_policy_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(ROOT / "rules" / "maojian")]) == 0
    assert "问题 0 个" in capsys.readouterr().out


def test_the_example_ledger_shows_every_rule_both_compliant_and_violated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from iprules.policy.load import load_policy

    _, out = run(capsys, "check", str(EXAMPLE), "--format", "json", "--as-of", "2026-11-25")
    seen: dict[str, set[str]] = {}
    for finding in json.loads(out)["findings"]:
        seen.setdefault(finding["rule"], set()).add(finding["verdict"])
    rules = [rule.id for rule in load_policy(ROOT / "rules" / "maojian").rules]
    assert [rule for rule in rules if not {"compliant", "violation"} <= seen.get(rule, set())] == []
