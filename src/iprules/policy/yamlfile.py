"""Policy YAML, read safely and with line numbers.

Rule files are written by people, so every error must point at a line. PyYAML's node tree
has the marks; we build plain values from it ourselves, which also lets us refuse what a
policy never needs and an attacker would use: anchors and aliases (the "billion laughs"
expansion), and any tag beyond the plain scalars, lists and mappings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class PolicyError(Exception):
    """A policy file that cannot be used: says where (file:line) and how to fix it."""

    def __init__(self, file: str, line: int, zh: str, en: str) -> None:
        super().__init__(f"{file}:{line}: {zh} / {en}")
        self.file = file
        self.line = line
        self.zh = zh
        self.en = en

    def render(self, lang: str) -> str:
        """`file:line: what`, or `file: what` when the problem is the whole file (line 0)."""
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.zh if lang == 'zh' else self.en}"


@dataclass
class YamlDocument:
    """A loaded YAML file: its value and the line of every mapping key and list item."""

    file: str
    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known node on `path` (errors name the nearest place)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1

    def error(self, path: Path_, zh: str, en: str) -> PolicyError:
        return PolicyError(self.file, self.line_of(path), zh, en)


MAX_POLICY_FILE_BYTES = 5 * 1024 * 1024
"""A policy, rule or feature file is written by hand: the biggest is well under 100 KB. A
file past this is refused before it is read (a 100 MB rule file once took 34 s and 3.9 GB
to end in a MemoryError)."""


def read_policy_text(path: Path, name: str | None = None) -> str:
    """The text of a policy, rule or feature file, or a PolicyError that says what is wrong
    with the file and how to fix it: unreadable (a symlink loop, a folder, no permission),
    too big, or not UTF-8. A UTF-8 byte-order mark (Windows Notepad writes one) is accepted."""
    name = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_POLICY_FILE_BYTES:
            raise PolicyError(
                name,
                0,
                f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {MAX_POLICY_FILE_BYTES // 1024 // 1024} MB）："
                "策略、规则和特性文件都是手写的，通常不到 100 KB；请检查是否把台账或其他数据误放在此处",
                f"file too large ({size / 1024 / 1024:.1f} MB, the limit is "
                f"{MAX_POLICY_FILE_BYTES // 1024 // 1024} MB): policy, rule and feature files are written by "
                "hand and usually under 100 KB; check that no ledger or other data was put here by mistake",
            )
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise PolicyError(
            name,
            0,
            f"无法读取此文件（{reason}）：请确认它是一个普通文件（不是文件夹，也不是指向自身的符号链接）且可读",
            f"cannot read this file ({reason}): make sure it is a plain, readable file "
            "(not a folder, not a symbolic link that points to itself)",
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        try:
            data.decode("gb18030")
            guess, guess_en = "，看来是 GBK/GB18030 编码", ", it looks like GBK/GB18030"
        except UnicodeDecodeError:
            guess, guess_en = "", ""
        raise PolicyError(
            name,
            line,
            f"文件不是 UTF-8 编码（第 {line} 行第一个无法读取的字节 0x{data[error.start]:02x}{guess}）："
            "请用编辑器另存为 UTF-8（如记事本“另存为”选 UTF-8，或 iconv -f gb18030 -t utf-8）",
            f"file is not UTF-8 (the first unreadable byte, 0x{data[error.start]:02x}, is on line {line}"
            f"{guess_en}): save it as UTF-8 (e.g. Notepad's Save As with UTF-8, or iconv -f gb18030 -t utf-8)",
        ) from None


def load_yaml(path: Path, label: str | None = None) -> YamlDocument:
    name = label or str(path)
    return parse_yaml(read_policy_text(path, name), name)


_MAX_NODES = 100_000
# Scalars are constructed one by one; one constructor serves them all.
_CONSTRUCTOR = yaml.SafeLoader("")
# libyaml's parser when PyYAML was built with it: ten times faster, and start-up matters
# (`iprules check` on a small ledger spends most of its time loading the policy).
_COMPOSER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, name: str) -> YamlDocument:
    try:
        root = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem):  # libyaml's own guard against "[[[[…"
            raise _too_deep(name) from error
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise PolicyError(
            name, line, f"YAML 语法错误：{error.problem}", f"YAML syntax error: {error.problem}"
        ) from error
    except yaml.YAMLError as error:
        raise PolicyError(name, 1, f"YAML 错误：{error}", f"YAML error: {error}") from error
    except RecursionError as error:  # PyYAML composes recursively: "[[[[…" thousands deep
        raise _too_deep(name) from error
    document = YamlDocument(file=name, value=None)
    if root is None:
        document.value = {}
        return document
    seen: set[int] = set()
    try:
        document.value = _build(root, (), document, seen)
    except RecursionError as error:
        raise _too_deep(name) from error
    return document


def _too_deep(name: str) -> PolicyError:
    return PolicyError(
        name,
        1,
        "YAML 嵌套过深：规则文件的列表和映射只需几层，请检查括号是否成对",
        "YAML nested too deeply: rule files need only a few levels of lists and mappings; check the brackets",
    )


def _build(node: yaml.Node, path: Path_, document: YamlDocument, seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise PolicyError(
            document.file,
            line,
            "不允许使用 YAML 锚点/别名（&/*）：请把内容直接写出",
            "YAML anchors and aliases (&/*) are not allowed: write the content out",
        )
    seen.add(id(node))
    if len(seen) > _MAX_NODES:
        raise PolicyError(document.file, line, "YAML 文件过大", "YAML file too large")
    document.lines.setdefault(path, line)
    if node.tag not in _PLAIN_TAGS:
        raise PolicyError(
            document.file,
            line,
            f"不支持的 YAML 标签 {node.tag}：规则文件只用普通的字符串、数字、列表和映射",
            f"unsupported YAML tag {node.tag}: policy files use plain strings, numbers, lists and mappings",
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise PolicyError(
                    document.file, key_node.start_mark.line + 1, "映射的键必须是文字", "keys must be text"
                )
            key = str(_CONSTRUCTOR.construct_object(key_node))
            if key in result:
                raise PolicyError(
                    document.file,
                    key_node.start_mark.line + 1,
                    f"重复的键“{key}”：删除其中一个",
                    f"duplicate key '{key}': remove one of them",
                )
            document.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*path, key), document, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, index), document, seen) for index, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _CONSTRUCTOR.construct_object(node)
