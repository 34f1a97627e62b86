"""`iprules diff`: a ledger re-exported in another row order or format changes nothing; after
the clerk corrects two cases, exactly those are fixed and the rest persists."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from iprules.check import check_stream
from iprules.diff import compare, render_diff, side_of_check, side_of_report
from iprules.policy.load import Policy, load_policy
from iprules.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 11, 25)
# the two cases whose registered first responder the clerk corrects, to the person the
# finding says should have been registered (二: the first asked; the higher rank of those asked together)
CORRECTIONS = {"MJ-2026-003": "王建国", "MJ-2026-005": "吴敏"}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def reexported(target: Path, corrections: dict[str, str], seed: int = 7) -> Path:
    """The example JSONL in another row order, with the first responder of some cases corrected."""
    lines = (EXAMPLES / "台账.jsonl").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            out.append(line)
            continue
        if (
            isinstance(record, dict)
            and record.get("type") == "first_responder"
            and record.get("case") in corrections
        ):
            record["staff"] = corrections[record["case"]]
            line = json.dumps(record, ensure_ascii=False)
        out.append(line)
    random.Random(seed).shuffle(out)
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    return target


def record(store: Store, path: Path, policy: Policy) -> int:
    with check_stream([path], policy, AS_OF, jobs=1) as checked:
        return store.record(checked.head, checked.findings(), policy, by="测试")


def diff_of(store: Store, a: int, b: int) -> Any:
    return compare(
        side_of_check(store.check(a), store.findings(a)), side_of_check(store.check(b), store.findings(b))
    )


@pytest.fixture(scope="module")
def recorded(policy: Policy, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The example recorded as JSONL, XLSX, CSV, shuffled, and shuffled after the two corrections."""
    folder = tmp_path_factory.mktemp("diff")
    db = folder / "iprules.db"
    ids: dict[str, int] = {}
    with Store.open(str(db)) as store:
        ids["jsonl"] = record(store, EXAMPLES / "台账.jsonl", policy)
        ids["xlsx"] = record(store, EXAMPLES / "台账.xlsx", policy)
        ids["csv"] = record(store, EXAMPLES / "台账.csv", policy)
        ids["shuffled"] = record(store, reexported(folder / "重排.jsonl", {}), policy)
        ids["fixed"] = record(store, reexported(folder / "整改后.jsonl", CORRECTIONS), policy)
    return db, ids


@pytest.mark.parametrize("other", ["xlsx", "csv", "shuffled"])
def test_a_reexported_ledger_changes_nothing(recorded: tuple[Path, dict[str, int]], other: str) -> None:
    db, ids = recorded
    with Store.open(str(db)) as store:
        diff = diff_of(store, ids["jsonl"], ids[other])
        outstanding = sum(
            1 for f in store.findings(ids["jsonl"]) for _ in f.clauses if f.verdict != "compliant"
        )
    counts = diff.counts()
    assert counts["persisting"] > 0
    assert {k: v for k, v in counts.items() if k != "persisting"} == {
        "new": 0,
        "changed": 0,
        "fixed": 0,
        "gone": 0,
    }
    assert all(item.same for item in diff.items), "the very same findings (same ids) on both sides"
    assert counts["persisting"] <= outstanding


def test_after_correcting_two_cases_exactly_those_are_fixed(recorded: tuple[Path, dict[str, int]]) -> None:
    db, ids = recorded
    with Store.open(str(db)) as store:
        diff = diff_of(store, ids["jsonl"], ids["fixed"])
        before = store.findings(ids["jsonl"])
    fixed = {(item.case, item.clause, item.rule) for item in diff.items if item.status == "fixed"}
    assert fixed == {(case, "s2.0", "first-responder") for case in CORRECTIONS}
    for item in diff.items:
        if item.case not in CORRECTIONS:
            assert item.status == "persisting" and item.same, item
    assert diff.counts()["new"] == 0 and diff.counts()["gone"] == 0
    was = {(f.case, f.rule): f.verdict for f in before if f.case in CORRECTIONS}
    assert all(was[(case, "first-responder")] == "violation" for case in CORRECTIONS)
    text = render_diff(diff, "zh", lambda rule: None)
    assert text.count("已纠正：违规 → 合规") == 2
    assert "已纠正 2" in text


def test_two_json_reports_diff_as_the_recorded_checks_do(
    recorded: tuple[Path, dict[str, int]], policy: Policy, tmp_path: Path
) -> None:
    db, ids = recorded
    before, after = tmp_path / "之前.json", tmp_path / "之后.json"
    for path, ledger in (
        (before, EXAMPLES / "台账.xlsx"),
        (after, reexported(tmp_path / "改.jsonl", CORRECTIONS)),
    ):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "iprules",
                "check",
                str(ledger),
                "--as-of",
                AS_OF.isoformat(),
                "--output",
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 1, done.stderr
    from_files = compare(side_of_report(before), side_of_report(after))
    with Store.open(str(db)) as store:
        from_store = diff_of(store, ids["xlsx"], ids["fixed"])
    assert [(i.case, i.clause, i.rule, i.status, i.before_ids, i.after_ids) for i in from_files.items] == [
        (i.case, i.clause, i.rule, i.status, i.before_ids, i.after_ids) for i in from_store.items
    ]


def iprules(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iprules", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_the_diff_command_in_chinese_english_and_json(
    recorded: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, ids = recorded
    a, b = str(ids["jsonl"]), str(ids["fixed"])
    chinese = iprules("diff", a, b, "--db", str(db), cwd=tmp_path)
    assert chinese.returncode == 0, chinese.stderr
    assert f"检查 #{a}" in chinese.stdout and "已纠正 2" in chinese.stdout
    for case in CORRECTIONS:
        block = chinese.stdout.split(f"案件 {case}\n", 1)[1].split("\n案件 ", 1)[0]
        assert "二  已纠正：违规 → 合规 —— 第一位被问到的工作人员为首问责任人" in block
    assert "first-responder" not in chinese.stdout, "no internal code in the Chinese text"
    english = iprules("diff", a, b, "--db", str(db), "--lang", "en", cwd=tmp_path)
    assert "fixed 2" in english.stdout and "violation → compliant" in english.stdout
    shaped = json.loads(iprules("diff", a, b, "--db", str(db), "--format", "json", cwd=tmp_path).stdout)
    assert shaped["format"] == "iprules-diff/1"
    assert shaped["counts"]["fixed"] == 2
    fixed = [i for i in shaped["items"] if i["status"] == "fixed"]
    assert {i["case"] for i in fixed} == set(CORRECTIONS)
    assert all(
        i["before"] == "violation" and i["after"] == "compliant" and i["clause_label"] == "二" for i in fixed
    )


@pytest.mark.parametrize(
    ("before", "words"),
    [
        ("99", "没有第 99 号检查"),
        ("台账.jsonl", "不是 iprules 的 JSON 报告"),
        ("某某", "既不是已记录检查的编号"),
    ],
)
def test_a_side_that_is_neither_a_check_nor_a_report_is_a_clear_error(
    recorded: tuple[Path, dict[str, int]], tmp_path: Path, before: str, words: str
) -> None:
    db, ids = recorded
    (tmp_path / "台账.jsonl").write_text('{"type": "staff"}\n', encoding="utf-8")
    done = iprules("diff", before, str(ids["jsonl"]), "--db", str(db), cwd=tmp_path)
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
