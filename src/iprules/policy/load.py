"""Load a policy folder: policy.yaml, its rule files, the clauses its features define.

A policy may `extends:` another folder; it inherits everything and overrides parameters
(merged key by key), the title, issuer and interpretations, and may add rule files and
waivers. So another bureau's variant of the mechanism is a small folder, not Python.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iprules.calendar import Calendar
from iprules.facts import FACT_MODULES, FACT_READINGS
from iprules.i18n import Text
from iprules.policy.clauses import Clause, read_clauses
from iprules.policy.readings import (
    Switch,
    check_parameters,
    check_switches,
    parse_switch,
    switched_parameters,
    under,
)
from iprules.policy.rules import Rule, RuleContext, parse_rule_file
from iprules.policy.yamlfile import PolicyError, YamlDocument, load_yaml

POLICY_KEYS = {
    "name", "extends", "title", "issuer", "source", "features", "non_normative",
    "not_encoded", "rules", "parameters", "interpretations", "waivers", "scenarios",
    "scenarios_not_applying",
}  # fmt: skip
UNIT_ORGS = {"district", "city", "other"}


@dataclass(frozen=True)
class Interpretation:
    """A reading of open text: the question, the reading chosen, the alternative, and how the
    alternative is run (`switch`, iprules.policy.readings; None: not made runnable yet)."""

    id: str
    clauses: tuple[str, ...]
    question: Text
    reading: Text
    alternative: Text
    switch: Switch | None = None

    @property
    def runnable(self) -> bool:
        return self.switch is not None and self.switch.runnable


@dataclass(frozen=True)
class NonNormative:
    text: str
    reason: Text


@dataclass(frozen=True)
class NotEncoded:
    """A part of an encoded clause that no rule checks (rules/<policy>/not_encoded.yaml): the
    clause's own words (`part.zh`, verbatim), and why no record can show them. Listed in the
    scope of every report, so a clause's 合规 is never read as covering these words."""

    clause: str
    part: Text
    reason: Text
    file: str
    line: int


@dataclass(frozen=True)
class NotApplying:
    """A scenario of a policy this one extends that does not hold here (policy.yaml
    `scenarios_not_applying`), by its title, with why: it pins the base's own figures or
    units. Checked against the scenarios when they are read (iprules.scenarios)."""

    scenario: str
    reason: Text
    file: str
    line: int
    # the scenario does hold here, but only by accident (say, because the unit it names is
    # another district's), so it is no example of this policy: skipped all the same
    holds: bool = False


@dataclass
class Policy:
    name: str
    title: Text
    issuer: Text
    folder: Path
    source: Path
    clauses: list[Clause]
    rules: list[Rule]
    parameters: dict[str, Any]
    interpretations: dict[str, Interpretation]
    waivers: dict[str, Text]
    non_normative: list[NonNormative]
    features: Path
    root: Path
    files: list[Path] = field(default_factory=list)
    not_encoded: list[NotEncoded] = field(default_factory=list)
    # the folders of scenarios, base first: `features`, then each `scenarios:` of the chain
    scenario_folders: list[Path] = field(default_factory=list)
    not_applying: list[NotApplying] = field(default_factory=list)
    # interpretations run under their alternative (`iprules check --reading ID=alternative`)
    switched: frozenset[str] = frozenset()

    @property
    def identity(self) -> str:
        """What names this policy in finding ids (iprules.finding_id): its name, and the readings
        switched to their alternative, if any — a finding under another reading of the text is
        not the same finding, though its rule, case and records are."""
        if not self.switched:
            return self.name
        return f"{self.name}+{','.join(sorted(self.switched))}"

    def under(self, switched: frozenset[str]) -> Policy:
        """This policy with `switched` readings on their alternative (loaded again: parameters
        are filled into rules and messages as the rule files are read)."""
        return load_policy(self.folder, switched)

    @property
    def clause_by_id(self) -> dict[str, Clause]:
        return {clause.id: clause for clause in self.clauses}

    @property
    def positions(self) -> dict[str, int]:
        return dict(self.parameters.get("positions", {}))

    @property
    def units(self) -> dict[str, dict[str, str]]:
        """The units a ledger may name, each with its organisation as this policy sees it.

        "区局" is the issuing bureau (parameter `district_bureau`) and its own units: a district
        unit whose `bureau` is another district's (a variant inherits its base's units so that
        their names are still recognised) is `other` here, never this policy's 区局.
        """
        own = self.parameters.get("district_bureau")
        result = {}
        for name, info in dict(self.parameters.get("units", {})).items():
            unit = dict(info)
            if unit.get("org") == "district" and own is not None and unit.get("bureau") != own:
                unit["org"] = "other"
            result[name] = unit
        return result

    @property
    def version(self) -> str:
        """A hash of what decides verdicts: rule files, policy files, clause texts."""
        digest = hashlib.sha256()
        for path in sorted(self.files, key=lambda p: p.name):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        for clause in self.clauses:
            digest.update(f"{clause.id}\0{clause.text}\0{clause.text_en}\0".encode())
        return digest.hexdigest()[:12]


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _policy_text(document: YamlDocument, path: tuple[str | int, ...], value: Any) -> Text:
    if not isinstance(value, dict) or set(value) != {"zh", "en"}:
        raise document.error(path, "应写作 {zh: …, en: …}", "must be written {zh: …, en: …}")
    return Text(zh=str(value["zh"]), en=str(value["en"]))


def _resolved(folder: Path, where: tuple[str, int] | None) -> Path:
    """`folder` as an absolute path, or a PolicyError naming it (a symbolic link that leads
    back to itself cannot be resolved: Python raises RuntimeError or OSError)."""
    try:
        return folder.resolve()
    except (RuntimeError, OSError):
        file, line = where or (str(folder.absolute()), 0)
        raise PolicyError(
            file,
            line,
            f"策略文件夹“{folder}”是一个循环的符号链接（链接最终指向自身），无法打开：请让它指向含 policy.yaml 的文件夹",
            f"the policy folder '{folder}' is a symbolic link loop (it leads back to itself): "
            "point it at a folder that holds policy.yaml",
        ) from None


def _read_chain(
    folder: Path, seen: tuple[Path, ...] = (), referrer: tuple[str, int] | None = None
) -> list[tuple[Path, YamlDocument]]:
    """The policy at `folder` and those it extends, base first. `referrer`: the file and line
    of the `extends:` that named this folder (None for the folder given with --policy)."""
    folder = _resolved(folder, referrer)
    policy_file = folder / "policy.yaml"
    if folder in seen:
        raise PolicyError(str(policy_file), 1, "extends 形成了循环", "'extends' forms a cycle")
    if not policy_file.is_file():
        if referrer is not None:
            raise PolicyError(
                *referrer,
                f"extends 指向的文件夹“{folder}”中没有 policy.yaml：extends 应写被继承的策略文件夹"
                "（含 policy.yaml，如 ../maojian），相对于本 policy.yaml 所在的文件夹",
                f"the folder 'extends' names, '{folder}', holds no policy.yaml: 'extends' names the policy "
                "folder to inherit (one that holds policy.yaml, e.g. ../maojian), relative to this policy.yaml's folder",
            )
        what = "不存在" if not folder.exists() else "中没有 policy.yaml"
        what_en = "does not exist" if not folder.exists() else "holds no policy.yaml"
        raise PolicyError(
            str(folder),
            0,
            f"策略文件夹“{folder}”{what}：--policy 应指向含 policy.yaml 的文件夹，如 rules/maojian",
            f"the policy folder '{folder}' {what_en}: --policy names a folder that holds policy.yaml, "
            "e.g. rules/maojian",
        )
    document = load_yaml(policy_file)
    value = document.value
    if not isinstance(value, dict):
        raise document.error((), "policy.yaml 的顶层应为映射", "policy.yaml's top level must be a mapping")
    for key in value:
        if key not in POLICY_KEYS:
            raise document.error(
                (key,),
                f"未知的键“{key}”；可用：{'、'.join(sorted(POLICY_KEYS))}",
                f"unknown key '{key}'; allowed: {', '.join(sorted(POLICY_KEYS))}",
            )
    chain: list[tuple[Path, YamlDocument]] = []
    if "extends" in value:
        where = (str(policy_file), document.line_of(("extends",)))
        chain = _read_chain(folder / str(value["extends"]), (*seen, folder), where)
    return [*chain, (folder, document)]


def load_policy(folder: Path, switched: frozenset[str] = frozenset()) -> Policy:
    """`switched`: runnable interpretations to run under their alternative (the caller has
    checked the names: `iprules.sensitivity.chosen_readings`)."""
    chain = _read_chain(folder)
    merged: dict[str, Any] = {}
    rule_files: list[Path] = []
    interpretations: dict[str, Interpretation] = {}
    waivers: dict[str, Text] = {}
    locations: dict[str, tuple[Path, YamlDocument]] = {}
    files: list[Path] = []
    own_scenarios: list[Path] = []
    not_applying: list[NotApplying] = []
    for policy_folder, document in chain:
        value = document.value
        files.append(policy_folder / "policy.yaml")
        if "scenarios" in value:
            own_scenarios.append(_scenario_folder(policy_folder, document, value["scenarios"]))
        not_applying += _not_applying(document, value.get("scenarios_not_applying"))
        for key in ("name", "source", "features", "non_normative", "not_encoded"):
            if key in value:
                merged[key] = value[key]
                locations[key] = (policy_folder, document)
        for key in ("title", "issuer"):
            if key in value:
                merged[key] = _policy_text(document, (key,), value[key])
        merged["parameters"] = _merge(merged.get("parameters", {}), value.get("parameters", {}))
        for index, name in enumerate(value.get("rules", [])):
            path = policy_folder / str(name)
            if not path.is_file():
                raise document.error(
                    ("rules", index), f"找不到规则文件 {name}", f"rule file {name} not found"
                )
            rule_files.append(path)
        for name, entry in (value.get("interpretations") or {}).items():
            interpretations[name] = _interpretation(document, name, entry)
        for clause_id, entry in (value.get("waivers") or {}).items():
            if not isinstance(entry, dict) or "reason" not in entry:
                raise document.error(
                    ("waivers", clause_id), "豁免应写 reason: {zh, en}", "a waiver needs reason: {zh, en}"
                )
            waivers[clause_id] = _policy_text(document, ("waivers", clause_id, "reason"), entry["reason"])
    for key in ("name", "title", "issuer", "source", "features"):
        if key not in merged:
            last = chain[-1][1]
            raise last.error((), f"policy.yaml 缺少“{key}”", f"policy.yaml lacks '{key}'")

    def place(key: str) -> Path:
        folder, document = locations[key]
        where = (str(folder / "policy.yaml"), document.line_of((key,)))
        try:
            return (folder / str(merged[key])).resolve()
        except (RuntimeError, OSError):
            raise PolicyError(
                *where,
                f"“{key}”指向的“{merged[key]}”是一个循环的符号链接（最终指向自身），无法打开",
                f"'{key}' names '{merged[key]}', a symbolic link loop (it leads back to itself)",
            ) from None

    features = place("features")
    _check_features(features, locations["features"])
    root = _project_root(features)
    clauses = read_clauses(features, root)
    clause_ids = frozenset(clause.id for clause in clauses)
    parameters = merged["parameters"]
    _check_parameters(chain, parameters)
    switches = {name: item.switch for name, item in interpretations.items() if item.switch is not None}
    for name, switch in switches.items():
        check_parameters(name, switch, parameters)
    unknown = sorted(name for name in switched if name not in switches or not switches[name].runnable)
    if unknown:
        raise ValueError(f"readings not runnable in {folder}: {', '.join(unknown)}")
    if switched:
        parameters = switched_parameters(parameters, [switches[name] for name in sorted(switched)])
        _check_parameters(chain, parameters)
    for name, item in interpretations.items():
        for clause_id in item.clauses:
            if clause_id not in clause_ids:
                document = chain[-1][1]
                raise document.error(
                    ("interpretations", name),
                    f"解释 {name} 指向未知条款 {clause_id}",
                    f"{name} names unknown clause {clause_id}",
                )
    for clause_id in waivers:
        if clause_id not in clause_ids:
            raise chain[-1][1].error(
                ("waivers", clause_id), f"未知条款 {clause_id}", f"unknown clause {clause_id}"
            )
    context = RuleContext(clause_ids, parameters, frozenset(interpretations))
    rules: list[Rule] = []
    seen_ids: dict[str, Rule] = {}
    for path in rule_files:
        label = _label(path, root)
        for rule in parse_rule_file(load_yaml(path, label), context):
            if rule.id in seen_ids:
                other = seen_ids[rule.id]
                raise PolicyError(
                    label,
                    rule.line,
                    f"规则编号 {rule.id} 重复（另见 {other.file}:{other.line}）",
                    f"rule id {rule.id} is used twice (also {other.file}:{other.line})",
                )
            seen_ids[rule.id] = rule
            rules.append(rule)
    check_switches(switches, rules, FACT_READINGS, FACT_MODULES)
    rules = [under(rule, switched, switches) for rule in rules]
    files += rule_files
    non_normative = _non_normative(place("non_normative")) if "non_normative" in merged else []
    if "not_encoded" in merged:
        not_encoded = read_not_encoded(place("not_encoded"), clauses, root)
        files.append(place("not_encoded"))
    else:
        not_encoded = []
    return Policy(
        name=str(merged["name"]),
        title=merged["title"],
        issuer=merged["issuer"],
        folder=chain[-1][0],
        source=place("source"),
        clauses=clauses,
        rules=rules,
        parameters=parameters,
        interpretations=interpretations,
        waivers=waivers,
        non_normative=non_normative,
        features=features,
        root=root,
        files=files,
        not_encoded=not_encoded,
        scenario_folders=[features, *own_scenarios],
        not_applying=not_applying,
        switched=switched,
    )


def _scenario_folder(folder: Path, document: YamlDocument, value: Any) -> Path:
    """`scenarios:` — a folder of feature files whose scenarios (under 规则 blocks tagged with
    the clause ids) this policy adds to those of the policies it extends."""
    path = (folder / str(value)).resolve()
    if not path.is_dir() or next(path.rglob("*.feature"), None) is None:
        raise document.error(
            ("scenarios",),
            f"scenarios 指向的“{path}”不是含 .feature 文件的文件夹：应写本政策自己的场景所在的文件夹，"
            "相对于本 policy.yaml 所在的文件夹（如 ../../features/zhangwan）",
            f"'scenarios' names '{path}', not a folder of .feature files: name the folder of this "
            "policy's own scenarios, relative to this policy.yaml's folder (e.g. ../../features/zhangwan)",
        )
    return path


def _not_applying(document: YamlDocument, value: Any) -> list[NotApplying]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise document.error(
            ("scenarios_not_applying",),
            "scenarios_not_applying 应为列表，每项 {scenario: 场景标题, reason: {zh, en}}",
            "scenarios_not_applying must be a list of {scenario: title, reason: {zh, en}}",
        )
    result = []
    for index, entry in enumerate(value):
        where = ("scenarios_not_applying", index)
        if (
            not isinstance(entry, dict)
            or not {"scenario", "reason"} <= set(entry) <= {"scenario", "reason", "holds"}
            or not isinstance(entry.get("holds", False), bool)
        ):
            raise document.error(
                where,
                "每项应有 scenario（场景标题）和 reason（理由 {zh, en}）两项，可另有 holds: true（场景在此成立，但只是碰巧）",
                "each entry needs exactly scenario (its title) and reason ({zh, en}), and may have "
                "holds: true (the scenario holds here, but only by accident)",
            )
        reason = _policy_text(document, (*where, "reason"), entry["reason"])
        result.append(
            NotApplying(
                str(entry["scenario"]),
                reason,
                document.file,
                document.line_of(where),
                holds=bool(entry.get("holds", False)),
            )
        )
    return result


def _check_features(features: Path, location: tuple[Path, YamlDocument]) -> None:
    """The clauses live in the features folder: without it every interpretation, waiver and
    rule would be reported as naming an unknown clause, which sends the reader the wrong way."""
    folder, document = location
    where = (str(folder / "policy.yaml"), document.line_of(("features",)))
    if not features.is_dir():
        what = "不是文件夹" if features.exists() else "不存在"
        what_en = "is not a folder" if features.exists() else "does not exist"
        raise PolicyError(
            *where,
            f"features 指向的“{features}”{what}：features 应写特性文件（条款和场景，*.feature）所在的文件夹，"
            "相对于本 policy.yaml 所在的文件夹（如 ../../features/maojian）",
            f"'features' names '{features}', which {what_en}: 'features' names the folder of the feature "
            "files (clauses and scenarios, *.feature), relative to this policy.yaml's folder "
            "(e.g. ../../features/maojian)",
        )
    if next(features.rglob("*.feature"), None) is None:
        raise PolicyError(
            *where,
            f"features 指向的文件夹“{features}”中没有 .feature 文件：条款由特性文件定义，请检查路径",
            f"the features folder '{features}' holds no .feature file: the clauses are defined there; "
            "check the path",
        )


def _project_root(path: Path) -> Path:
    for parent in path.parents:
        if (parent / "pyproject.toml").is_file():
            return parent
    return path.parent


def _label(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _interpretation(document: YamlDocument, name: str, entry: Any) -> Interpretation:
    where = ("interpretations", name)
    required = {"clause", "question", "reading", "alternative"}
    if not isinstance(entry, dict) or not required <= set(entry) or set(entry) - {*required, "switch"}:
        raise document.error(
            where,
            "解释应有 clause、question、reading、alternative 四项，另可有 switch（备选解读如何运行）",
            "an interpretation needs exactly clause, question, reading and alternative, and may have "
            "switch (how its alternative runs)",
        )
    clauses = entry["clause"] if isinstance(entry["clause"], list) else [entry["clause"]]
    return Interpretation(
        id=name,
        clauses=tuple(str(c) for c in clauses),
        question=_policy_text(document, (*where, "question"), entry["question"]),
        reading=_policy_text(document, (*where, "reading"), entry["reading"]),
        alternative=_policy_text(document, (*where, "alternative"), entry["alternative"]),
        switch=parse_switch(document, where, entry["switch"]) if "switch" in entry else None,
    )


def _check_parameters(chain: list[tuple[Path, YamlDocument]], parameters: dict[str, Any]) -> None:
    document = chain[-1][1]
    positions = parameters.get("positions", {})
    if not isinstance(positions, dict) or not all(isinstance(v, int) for v in positions.values()):
        raise document.error(
            ("parameters", "positions"),
            "positions 应为“职务: 级别数字”",
            "positions must map a position to a rank number",
        )
    ranking = parameters.get("first_responder", {}).get("ranking", {})
    if not isinstance(ranking, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in ranking.values()
    ):
        raise document.error(
            ("parameters", "first_responder", "ranking"),
            "first_responder.ranking（二比较“职位高者”时代替 positions 的排序）应为“职务或职级: 级别数字”",
            "first_responder.ranking (the ranks 二 compares instead of positions) must map a post or grade to a rank number",
        )
    try:
        Calendar.from_parameters(parameters)
    except ValueError as error:
        raise document.error(
            ("parameters", "calendar"), f"日历数据有误：{error}", f"calendar data: {error}"
        ) from None
    days = parameters.get("rectification_working_days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
        raise document.error(
            ("parameters", "rectification_working_days"),
            "rectification_working_days（整改期限）应为正整数（工作日数），如 10",
            "rectification_working_days (the rectification period) must be a positive whole number of working days, e.g. 10",
        )
    units = parameters.get("units", {})
    if not isinstance(units, dict):
        raise document.error(("parameters", "units"), "units 应为映射", "units must be a mapping")
    for name, info in units.items():
        if (
            not isinstance(info, dict)
            or info.get("org") not in UNIT_ORGS
            or not isinstance(info.get("role"), str)
            or not isinstance(info.get("bureau", ""), str)
        ):
            raise document.error(
                ("parameters", "units", name),
                f"单位“{name}”应写明 org（{'/'.join(sorted(UNIT_ORGS))}）和 role",
                f"unit '{name}' needs org ({'/'.join(sorted(UNIT_ORGS))}) and role",
            )
        if info["org"] == "district" and "district_bureau" in parameters and "bureau" not in info:
            raise document.error(
                ("parameters", "units", name),
                f"区级单位“{name}”应写明 bureau（所属区局，如 {parameters['district_bureau']}）",
                f"district unit '{name}' needs bureau (the district bureau it belongs to, e.g. {parameters['district_bureau']})",
            )
    own = parameters.get("district_bureau")
    offices = [n for n, i in units.items() if i.get("role") == "office" and i.get("bureau") == own]
    if own is not None and units and len(offices) != 1:
        # 二（五） "区市场监管局办公室" is derived, not a parameter: the one office of district_bureau
        raise document.error(
            ("parameters", "units"),
            f"units 中应恰有一个属于 {own}、role 为 office 的单位（区市场监管局办公室），现有 {len(offices)} 个",
            f"units must hold exactly one unit of {own} with role office (its bureau office); found {len(offices)}",
        )


def _non_normative(path: Path) -> list[NonNormative]:
    document = load_yaml(path)
    if not isinstance(document.value, list):
        raise document.error((), "应为列表", "must be a list")
    result = []
    for index, entry in enumerate(document.value):
        if not isinstance(entry, dict) or set(entry) != {"text", "reason"}:
            raise document.error((index,), "每项应有 text 和 reason", "each entry needs text and reason")
        result.append(
            NonNormative(str(entry["text"]), _policy_text(document, (index, "reason"), entry["reason"]))
        )
    return result


def read_not_encoded(path: Path, clauses: list[Clause], root: Path) -> list[NotEncoded]:
    """not_encoded.yaml: a list of {clause, part: {zh, en}, reason: {zh, en}}. A part must be
    the clause's own words (a verbatim piece of its text), so the scope a report states is
    always about words the document says."""
    if not path.is_file():
        raise PolicyError(_label(path, root), 0, f"找不到文件 {path.name}", f"{path.name} not found")
    document = load_yaml(path, _label(path, root))
    if not isinstance(document.value, list):
        raise document.error((), "应为列表", "must be a list")
    by_id = {clause.id: clause for clause in clauses}
    result = []
    for index, entry in enumerate(document.value):
        if not isinstance(entry, dict) or set(entry) != {"clause", "part", "reason"}:
            raise document.error(
                (index,),
                "每项应有 clause、part、reason 三项",
                "each entry needs exactly clause, part and reason",
            )
        clause = by_id.get(str(entry["clause"]))
        if clause is None:
            raise document.error(
                (index, "clause"),
                f"未知条款 {entry['clause']}（iprules clauses 列出全部条款）",
                f"unknown clause {entry['clause']} (iprules clauses lists them all)",
            )
        part = _policy_text(document, (index, "part"), entry["part"])
        if not part.zh or part.zh not in clause.text:
            raise document.error(
                (index, "part"),
                f"“{part.zh}”不是条款 {clause.id} 原文中的文字：part.zh 须逐字摘自条款原文",
                f"'{part.zh}' is not in the text of clause {clause.id}: part.zh must quote the clause verbatim",
            )
        reason = _policy_text(document, (index, "reason"), entry["reason"])
        result.append(NotEncoded(clause.id, part, reason, document.file, document.line_of((index,))))
    return result
