"""A policy folder as it was at a git revision (`rules/maojian@HEAD~3`).

A policy names files outside its folder (`extends: ../maojian`, `features:
../../features/maojian`, `source: ../../docs/…`), so the whole tree of the revision is
written out (`git archive`) into a private temporary folder and the policy is loaded from
the same place in it. git runs as a subprocess with arguments, never through a shell; a
folder outside a git checkout, an unknown revision or a folder the revision does not hold
is a `RevisionError` that says which and how to fix it.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from iprules.i18n import Text, text


class RevisionError(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.words: Text = text(zh, en)


@dataclass(frozen=True)
class PolicyAt:
    """`folder` as given, and the revision asked for (None: the folder as it is on disk)."""

    folder: Path
    revision: str | None

    @property
    def label(self) -> str:
        return f"{self.folder}@{self.revision}" if self.revision else str(self.folder)


def parse_policy_at(given: str) -> PolicyAt:
    """`FOLDER` or `FOLDER@REVISION`. An existing folder whose name holds '@' is a folder."""
    if "@" not in given or Path(given).is_dir():
        return PolicyAt(Path(given), None)
    folder, _, revision = given.rpartition("@")
    if not folder or not revision:
        raise RevisionError(
            f"“{given}”：应写作 政策文件夹 或 政策文件夹@修订版本（如 rules/maojian@HEAD~1）",
            f"'{given}': write FOLDER or FOLDER@REVISION (e.g. rules/maojian@HEAD~1)",
        )
    return PolicyAt(Path(folder), revision)


def _git(args: list[str], where: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=where, capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError(
            "找不到 git 命令：读取某一修订版本的政策需要安装 git",
            "the git command was not found: reading a policy at a revision needs git installed",
        ) from None


def _nearest_existing(folder: Path) -> Path:
    """The folder, or (deleted since) its nearest parent that exists, to run git in."""
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            return candidate
    return Path.cwd()


def checkout_at(at: PolicyAt, stack: ExitStack) -> Path:
    """The policy folder of `at` on disk: itself, or its copy at the revision in a temporary
    folder that lives until `stack` closes (the loaded policy reads its files later)."""
    if at.revision is None:
        return at.folder
    absolute = at.folder.absolute()
    where = _nearest_existing(absolute)
    top = _git(["rev-parse", "--show-toplevel"], where)
    if top.returncode != 0:
        raise RevisionError(
            f"“{at.folder}”不在 git 仓库中：“@{at.revision}”只能用于 git 检出的文件夹；请去掉 @… 比较文件夹本身",
            f"'{at.folder}' is not in a git checkout: '@{at.revision}' works only in a git checkout; "
            "drop the @… to compare the folder as it is",
        )
    root = Path(top.stdout.decode().strip())
    commit = _git(["rev-parse", "--verify", "--quiet", f"{at.revision}^{{commit}}"], root)
    if commit.returncode != 0:
        raise RevisionError(
            f"未知的修订版本“{at.revision}”：请写仓库中存在的提交、分支或标签（git log --oneline 列出提交），如 HEAD~1",
            f"unknown revision '{at.revision}': name a commit, branch or tag of the repository "
            "(git log --oneline lists the commits), e.g. HEAD~1",
        )
    sha = commit.stdout.decode().strip()
    try:
        inside = absolute.resolve().relative_to(root.resolve())
    except ValueError:
        inside = absolute.relative_to(root)
    archive = _git(["archive", "--format=tar", sha], root)
    if archive.returncode != 0:
        raise RevisionError(
            f"无法读取修订版本“{at.revision}”的文件：{archive.stderr.decode(errors='replace').strip()}",
            f"cannot read the files of revision '{at.revision}': {archive.stderr.decode(errors='replace').strip()}",
        )
    target = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="iprules-policy-")))
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    folder = target / inside
    if not (folder / "policy.yaml").is_file():
        raise RevisionError(
            f"修订版本“{at.revision}”中没有政策文件夹“{at.folder}”（该版本中没有 {inside / 'policy.yaml'}）",
            f"revision '{at.revision}' holds no policy folder '{at.folder}' (no {inside / 'policy.yaml'} there)",
        )
    return folder
