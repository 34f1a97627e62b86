"""`iprules diff-policy A B`: what differs between two policies — folders, a variant and its
base, or one folder at two git revisions — and, with --ledger, which verdicts change."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from iprules.cli import main
from iprules.policy.changes import PolicySide, compare_policies
from iprules.policy.load import load_policy
from iprules.policy.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[1]
MAOJIAN = ROOT / "rules" / "maojian"
ZHANGWAN = ROOT / "rules" / "zhangwan"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff-policy", *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def overridden(written: dict[str, Any], base: dict[str, Any], prefix: str = "") -> set[str]:
    """The paths a variant's `parameters:` writes: into a mapping the base has too (they merge
    key by key), else the key itself (a new unit is one item)."""
    found = set()
    for key, item in written.items():
        if isinstance(item, dict) and isinstance(base.get(key), dict):
            found |= overridden(item, base[key], f"{prefix}{key}.")
        else:
            found.add(f"{prefix}{key}")
    return found


def test_a_variant_against_its_base_lists_exactly_what_the_variant_s_yaml_overrides(
    capsys: pytest.CaptureFixture[str],
) -> None:
    written = load_yaml(ZHANGWAN / "policy.yaml").value
    expected = {("policy", key) for key in ("title", "issuer") if key in written}
    base = load_yaml(MAOJIAN / "policy.yaml").value["parameters"]
    expected |= {("parameter", path) for path in overridden(written.get("parameters", {}), base)}
    expected |= {("interpretation", key) for key in written.get("interpretations") or {}}
    expected |= {("waiver", key) for key in written.get("waivers") or {}}
    result = as_json(capsys, str(MAOJIAN), str(ZHANGWAN))
    assert {(c["area"], c["key"]) for c in result["changes"]} == expected
    assert not [c for c in result["changes"] if c["area"] in ("rule", "clause")]


def test_a_policy_against_itself_has_no_differences(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(MAOJIAN), str(MAOJIAN))
    assert code == 0 and "完全相同" in out
    assert compare_policies(*(PolicySide("m", "m", "v", load_policy(MAOJIAN)),) * 2).changes == []


def test_a_changed_parameter_names_the_rules_that_read_it_and_shows_old_and_new(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, str(MAOJIAN), str(ZHANGWAN))
    assert code == 0
    block = "\n".join(out[out.index("station.min_office_area") :].splitlines()[:3])
    assert "15 → 20" in block and "工作站设有面积达到规定的固定办公场所" in block
    assert "station-office-area" not in out  # a rule is its title in Chinese, not its id
    # a unit's organisation and role are the vocabulary's words, not the file's codes
    assert "类别：局办公室" in out and "role: office" not in out and "supervision_office" not in out


def copy_policy(tmp_path: Path) -> Path:
    """Maojian's policy with its features and source, in a project of its own."""
    project = tmp_path / "project"
    (project / "rules").mkdir(parents=True)
    shutil.copytree(MAOJIAN, project / "rules" / "maojian")
    shutil.copytree(ROOT / "features" / "maojian", project / "features" / "maojian")
    shutil.copytree(ROOT / "docs" / "source", project / "docs" / "source")
    (project / "pyproject.toml").write_text("[project]\nname = 'copy'\n", encoding="utf-8")
    return project


def edit(path: Path, old: str, new: str) -> None:
    words = path.read_text(encoding="utf-8")
    assert old in words, old
    path.write_text(words.replace(old, new, 1), encoding="utf-8")


def test_edits_to_clauses_rules_branches_and_readings_are_each_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = copy_policy(tmp_path)
    policy = project / "rules" / "maojian"
    edit(
        policy / "一_工作职责.yaml",
        "小于规定的{inspection.min_office_area}平方米",
        "不足{inspection.min_office_area}平方米",
    )
    edit(
        policy / "一_工作职责.yaml",
        "{office_area: {lt: $policy.station.min_office_area}}",
        "{office_area: {lte: $policy.station.min_office_area}}",
    )
    edit(policy / "policy.yaml", "min_office_area: 15", "min_office_area: 16")
    words = (policy / "policy.yaml").read_text(encoding="utf-8")
    (policy / "policy.yaml").write_text(
        re.sub(r"\n  s4\.2-guidance:\n    reason: [^\n]*", "", words), encoding="utf-8"
    )
    feature = next((project / "features" / "maojian").glob("一_*.feature"))
    edit(feature, "原文: 设置面积不小于15平方米", "原文: 设置面积不小于16平方米")
    result = as_json(capsys, str(MAOJIAN), str(policy))
    changes = {
        (c["area"], c["key"], c["kind"], c["part"], c["branch"], c["condition"]) for c in result["changes"]
    }
    assert ("rule", "station-office-area", "changed", "message", "violation:1", "") in changes
    assert ("rule", "station-office-area", "changed", "when", "violation:1", "inspection") in changes
    assert ("parameter", "station.min_office_area", "changed", "", "", "") in changes
    assert ("waiver", "s4.2-guidance", "removed", "", "", "") in changes
    (clause,) = [c for c in result["changes"] if c["area"] == "clause" and c["part"] == "text"]
    assert clause["key"] == "s1.1-office" and "16平方米" in clause["after"] and "15平方米" in clause["before"]
    _, out, _ = run(capsys, str(MAOJIAN), str(policy))
    assert "违规情形第2条的条件（inspection）" in out and "［删：5］［增：6］" in out


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def test_a_folder_at_two_git_revisions_shows_the_edit_made_between_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = copy_policy(tmp_path)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "first")
    edit(project / "rules" / "maojian" / "policy.yaml", "max_days: 90", "max_days: 60")
    git(project, "commit", "-qam", "second")
    folder = str(project / "rules" / "maojian")
    result = as_json(capsys, f"{folder}@HEAD~1", f"{folder}@HEAD")
    assert [(c["area"], c["key"], c["before"], c["after"]) for c in result["changes"]] == [
        ("parameter", "dispute_speed.max_days", 90, 60)
    ]
    assert result["before"]["label"].endswith("@HEAD~1")
    # the working tree against the first commit: the same edit
    assert [c["key"] for c in as_json(capsys, f"{folder}@HEAD~1", folder)["changes"]] == [
        "dispute_speed.max_days"
    ]


def test_an_unknown_revision_or_a_folder_outside_git_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = copy_policy(tmp_path)
    folder = str(project / "rules" / "maojian")
    code, out, err = run(capsys, f"{folder}@HEAD", folder)
    assert code == 2 and out == "" and "不在 git 仓库中" in err and "Traceback" not in err
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "first")
    code, _, err = run(capsys, f"{folder}@no-such-branch", folder)
    assert code == 2 and "未知的修订版本“no-such-branch”" in err and "git log" in err
    code, _, err = run(capsys, f"{folder}@no-such-branch", folder, "--lang", "en")
    assert code == 2 and "unknown revision 'no-such-branch'" in err


def test_with_a_ledger_the_findings_whose_verdict_changes_are_listed_from_and_to(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = tmp_path / "台账.jsonl"
    rows = [
        {"type": "station_inspection", "case": "工作站-18平方米", "date": "2026-03-12", "fixed_office": "是", "office_area": 18},
        {"type": "station_inspection", "case": "工作站-25平方米", "date": "2026-03-12", "fixed_office": "是", "office_area": 25},
    ]  # fmt: skip
    ledger.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    args = (str(MAOJIAN), str(ZHANGWAN), "--ledger", str(ledger), "--as-of", "2026-11-25")
    result = as_json(capsys, *args)
    flips = [(f["case"], f["clause"], f["before"], f["after"]) for f in result["ledger"]["flips"]]
    assert flips == [("工作站-18平方米", "s1.1-office", "compliant", "violation")]
    code, out, _ = run(capsys, *args)
    assert code == 0 and "案件 工作站-18平方米" in out and "一.1  合规 → 违规" in out
    assert "工作站-25平方米" not in out


def test_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(MAOJIAN), str(ZHANGWAN), "--lang", "en")
    assert code == 0 and "Comparing policies" in out and "changed: 15 → 20" in out
    assert "read by: station-office-area" in out and "修改" not in out
