"""Rule files are input too: a YAML bomb, an unknown tag, a huge file, an `extends` cycle or
bytes that are not UTF-8 each give a PolicyError with file:line, quickly, never a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

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
