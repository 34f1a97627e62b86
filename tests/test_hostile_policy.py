"""Rule files are input too: a YAML bomb, an unknown tag, a huge file, an `extends` cycle or
bytes that are not UTF-8 each give a PolicyError with file:line, quickly, never a hang."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from iprules.cli import main
from iprules.policy.load import load_policy
from iprules.policy.yamlfile import PolicyError, load_yaml, parse_yaml

ROOT = Path(__file__).resolve().parents[1]

BILLION_LAUGHS = """
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (BILLION_LAUGHS, 2, "锚点"),
        ("rules: !!python/object/apply:os.system ['true']\n", 1, "标签"),
        ("rules:\n  - !include other.yaml\n", 2, "标签"),
        ("a: !!binary aGVsbG8=\n", 1, "标签"),
        ("rules: [\n", 2, "语法"),
        ("a: 1\na: 2\n", 2, "重复"),
        ("? [a, b]\n: 1\n", 1, "键"),
    ],
)
def test_hostile_yaml_is_a_policy_error(text: str, line: int, words: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_yaml(text, "bad.yaml")
    assert caught.value.file == "bad.yaml"
    assert caught.value.line == line
    assert words in caught.value.zh and caught.value.en


def test_huge_rule_file_is_refused_not_built() -> None:
    text = "rules:\n" + "".join(f"  - {n}\n" for n in range(150_000))
    with pytest.raises(PolicyError, match="过大"):
        parse_yaml(text, "huge.yaml")


def test_deeply_nested_yaml_is_a_policy_error() -> None:
    """Found here: PyYAML's recursive composer raised RecursionError, a crash, not an error."""
    with pytest.raises(PolicyError, match="嵌套过深"):
        parse_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml")


def test_not_utf8_is_a_policy_error(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("规则: 1\n".encode("gbk"))
    with pytest.raises(PolicyError, match="UTF-8"):
        load_yaml(path)


def test_extends_cycle_is_a_policy_error(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "policy.yaml").write_text("extends: ../b\nname: a\n", encoding="utf-8")
    (tmp_path / "b" / "policy.yaml").write_text("extends: ../a\nname: b\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="循环"):
        load_policy(tmp_path / "a")


def test_policy_that_extends_itself_is_a_policy_error(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text("extends: .\nname: a\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="cycle"):
        load_policy(tmp_path)


def test_rule_file_with_a_bomb_names_its_file(tmp_path: Path) -> None:
    """A variant policy (extends the real one) whose own rule file is a YAML bomb."""
    (tmp_path / "policy.yaml").write_text(
        f"extends: {ROOT / 'rules' / 'maojian'}\nname: variant\nrules: [bomb.yaml]\n", encoding="utf-8"
    )
    (tmp_path / "bomb.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(PolicyError, match="锚点") as caught:
        load_policy(tmp_path)
    assert caught.value.file.endswith("bomb.yaml")


# --- D23: policy folders that crashed or misled ------------------------------------------

MAOJIAN = ROOT / "rules" / "maojian"
FEATURES = ROOT / "features" / "maojian"


def _variant(folder: Path, features: str | None = None, extends: Path | str = MAOJIAN) -> Path:
    folder.mkdir(exist_ok=True)
    lines = [f"name: variant\nextends: {extends}\n"]
    if features is not None:
        lines.append(f"features: {features}\n")
    (folder / "policy.yaml").write_text("".join(lines), encoding="utf-8")
    return folder


def _features_copy(folder: Path, change: Callable[[bytes], bytes]) -> Path:
    target = folder / "f"
    shutil.copytree(FEATURES, target)
    first = target / "二_首问负责制.feature"
    first.write_bytes(change(first.read_bytes()))
    return folder


def _check_exit(policy: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(
        ["check", str(ROOT / "examples" / "台账.jsonl"), "--policy", str(policy), "--as-of", "2026-11-25"]
    )
    return code, capsys.readouterr().err


def test_a_policy_folder_that_is_a_symlink_loop_is_named_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "loop").symlink_to("loop")
    code, err = _check_exit(tmp_path / "loop", capsys)
    assert code == 2 and "循环的符号链接" in err and str(tmp_path / "loop") in err
    assert "意外错误" not in err


def test_a_gb18030_feature_file_names_its_line_and_how_to_save_it_as_utf8(tmp_path: Path) -> None:
    folder = _features_copy(_variant(tmp_path, "f"), lambda data: data.decode("utf-8").encode("gb18030"))
    with pytest.raises(PolicyError) as caught:
        load_policy(folder)
    error = caught.value
    assert error.file.endswith("二_首问负责制.feature") and error.line >= 1
    assert "GB18030" in error.zh and "UTF-8" in error.zh and "UTF-8" in error.en


def test_a_feature_file_with_a_byte_order_mark_is_read_like_one_without(tmp_path: Path) -> None:
    folder = _features_copy(_variant(tmp_path, "f"), lambda data: b"\xef\xbb\xbf" + data)
    assert [c.id for c in load_policy(folder).clauses] == [c.id for c in load_policy(MAOJIAN).clauses]


@pytest.mark.parametrize("features", ["no/such/dir", "empty"])
def test_a_missing_or_empty_features_folder_is_named_not_blamed_on_a_clause(
    tmp_path: Path, features: str
) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(PolicyError) as caught:
        load_policy(_variant(tmp_path, features))
    error = caught.value
    assert error.file == str(tmp_path / "policy.yaml") and error.line == 3
    assert "features" in error.zh and "s2.0" not in error.zh


def test_extends_to_a_folder_without_policy_yaml_points_at_the_extends_line(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(_variant(tmp_path / "v", extends="../.."))
    error = caught.value
    assert (error.file, error.line) == (str(tmp_path / "v" / "policy.yaml"), 2)
    assert "extends" in error.zh and str(tmp_path.parent) in error.zh


def test_a_policy_folder_without_policy_yaml_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _check_exit(tmp_path, capsys)
    assert code == 2 and err.startswith(f"{tmp_path}: ") and "中没有 policy.yaml" in err


def test_a_huge_rule_file_is_refused_by_its_size_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _variant(tmp_path)
    (folder / "policy.yaml").write_text(
        f"name: big\nextends: {MAOJIAN}\nrules: [big.yaml]\n", encoding="utf-8"
    )
    with (folder / "big.yaml").open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB by its size, nothing written
    start = time.perf_counter()
    code, err = _check_exit(folder, capsys)
    assert code == 2 and "过大" in err and "big.yaml" in err and "100.0 MB" in err
    assert time.perf_counter() - start < 10
