"""Alternative readings on the command line: `check --reading ID=alternative` and
`compare LEDGER… --readings ID,…|all` (iprules.sensitivity)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import orjson

from iprules.commands.common import EXIT_OK, UsageError, audit_date, load, positive_number, refuse_folders
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.policy.load import Policy
from iprules.report.view import visible
from iprules.sensitivity import (
    Comparison,
    ReadingEffect,
    ReadingError,
    chosen_readings,
    compare,
    readings_to_compare,
)


def reading_options(check_cmd: argparse.ArgumentParser, say: Callable[[str, str], str]) -> None:
    check_cmd.add_argument(
        "--reading",
        action="append",
        default=[],
        metavar=say("解释=alternative", "ID=alternative"),
        help=say(
            "按某一解释的备选解读检查（可多次给出），如 --reading s3-promptly=alternative；"
            "ID=reading 为政策采用的解读（默认）。报告开头写明所换的解读",
            "check under an interpretation's alternative (may be given several times), e.g. "
            "--reading s3-promptly=alternative; ID=reading is the policy's own (the default). "
            "The report says at its top which readings were switched",
        ),
    )


def switched_policy(policy: Policy, args: argparse.Namespace) -> Policy:
    """The policy `check` runs: with the readings of `--reading` on their alternative."""
    try:
        switched = chosen_readings(policy, args.reading)
    except ReadingError as error:
        raise UsageError(error.words.zh, error.words.en) from None
    if not switched:
        return policy
    if getattr(args, "record", False):
        raise UsageError(
            "--reading 与 --record 不能同时使用：按备选解读的检查是比较用的，不是本局按政策所作的检查，不记入检查记录库",
            "--reading cannot be used with --record: a check under alternative readings is a comparison, "
            "not the bureau's check under its policy, and is not recorded",
        )
    return policy.under(switched)


def readings_count(policy: Policy, lang: Lang) -> str:
    """How many interpretations have a runnable alternative, cannot be run, or have no switch yet."""
    items = list(policy.interpretations.values())
    runnable = sum(1 for item in items if item.runnable)
    none = sum(1 for item in items if item.switch is not None and not item.runnable)
    missing = len(items) - runnable - none
    if lang == "zh":
        return f"解释 {len(items)} 个：备选解读可运行 {runnable} 个，无法运行 {none} 个（附理由），尚未写成可运行的形式 {missing} 个"
    return (
        f"{len(items)} interpretations: {runnable} with a runnable alternative, {none} that cannot be run "
        f"(switch: none, with the reason), {missing} with no switch yet"
    )


def register(
    command: Callable[[str, str, str], argparse.ArgumentParser], say: Callable[[str, str], str]
) -> dict[str, Callable[[argparse.Namespace, Lang], int]]:
    compare_cmd = command(
        "compare",
        "解读敏感性：逐一按各解释的备选解读检查台账，列出结论改变的案件和条款",
        "sensitivity to readings: check the ledger under each interpretation's alternative and list "
        "the cases and clauses whose verdict flips",
    )
    compare_cmd.add_argument(
        "ledgers", nargs="+", type=Path, metavar=say("台账", "LEDGER"), help=say("台账文件", "ledger files")
    )
    compare_cmd.add_argument(
        "--readings",
        required=True,
        metavar=say("解释[,解释…]|all", "ID[,ID…]|all"),
        help=say(
            "要比较的解释编号，以逗号分隔；all 为全部（无法运行的列为未运行）",
            "the interpretations to compare, comma-separated; all for every one (those that cannot run are listed as not run)",
        ),
    )
    compare_cmd.add_argument(
        "--as-of",
        type=audit_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=say("审计基准日（默认今天）", "audit date (default today)"),
    )
    compare_cmd.add_argument(
        "--format", choices=["text", "json"], default="text", help=say("输出格式", "output format")
    )
    compare_cmd.add_argument(
        "--jobs",
        type=positive_number,
        default=None,
        metavar="N",
        help=say("每次检查的进程数（默认每个处理器核心一个）", "processes per check (default: one per core)"),
    )
    return {"compare": _compare}


def _compare(args: argparse.Namespace, lang: Lang) -> int:
    ledgers = list(args.ledgers)
    refuse_folders(ledgers)
    policy = load(args)
    try:
        names = readings_to_compare(policy, args.readings)
    except ReadingError as error:
        raise UsageError(error.words.zh, error.words.en) from None
    result = compare(ledgers, policy, args.as_of or dt.date.today(), names, args.jobs)
    if args.format == "json":
        sys.stdout.write(
            orjson.dumps(result.model_dump(mode="json"), option=orjson.OPT_INDENT_2).decode() + "\n"
        )
    else:
        sys.stdout.write(render_comparison(result, policy, lang))
    return EXIT_OK


_WORDS = {
    "zh": {
        "head": "解读敏感性：《{title}》（政策 {name}，版本 {version}），审计基准日 {as_of}，台账 {ledgers}",
        "base": "按政策采用的解读：{counts}",
        "total": "比较的解释 {n} 个：运行 {run} 个（其中 {flipped} 个改变了结论），未运行 {not_run} 个",
        "alternative": "备选解读",
        "runs": "运行的是",
        "counts": "违规 {violation}，无法判定 {undetermined}，合规 {compliant}",
        "under": "按备选解读：{counts}",
        "flips": "结论改变（{n} 处，案件 × 条款）：",
        "nothing": "在此台账上未改变任何结论",
        "not_run": "未运行（{n} 个：备选解读无法运行，或尚未写成可运行的形式）：",
        "rules": "规则",
        "none": "不适用",
        "why": "未运行的原因",
        "sep": "、",
        "colon": "：",
    },
    "en": {
        "head": "Sensitivity to readings: {title} (policy {name}, version {version}), audit date {as_of}, ledgers {ledgers}",
        "base": "Under the policy's readings: {counts}",
        "total": "{n} interpretations compared: {run} run ({flipped} of them flip a verdict), {not_run} not run",
        "alternative": "Alternative",
        "runs": "What is run",
        "counts": "{violation} violation, {undetermined} undetermined, {compliant} compliant",
        "under": "Under the alternative: {counts}",
        "flips": "Verdicts that flip ({n}, case × clause):",
        "nothing": "flips no verdict on this ledger",
        "not_run": "Not run ({n}: the alternative cannot be run, or is not written in a runnable form yet):",
        "rules": "rules",
        "none": "not applicable",
        "why": "why not run",
        "sep": ", ",
        "colon": ": ",
    },
}


def _verdict(value: str | None, lang: Lang) -> str:
    return _WORDS[lang]["none"] if value is None else VERDICT_WORDS[value](lang)


def render_comparison(result: Comparison, policy: Policy, lang: Lang) -> str:
    """The comparison as a reviewer reads it: per reading run, its flips (or that it flips
    nothing); then the readings not run, each with the reason."""
    from iprules.policy.clauses import clause_label

    words = _WORDS[lang]
    run = [effect for effect in result.readings if effect.run]
    not_run = [effect for effect in result.readings if not effect.run]
    lines = [
        words["head"].format(
            title=policy.title(lang),
            name=result.policy,
            version=result.version,
            as_of=result.as_of.isoformat(),
            ledgers=words["sep"].join(result.ledgers),
        ),
        words["base"].format(counts=words["counts"].format(**result.findings)),
        words["total"].format(
            n=len(result.readings),
            run=len(run),
            flipped=sum(1 for effect in run if effect.flips),
            not_run=len(not_run),
        ),
    ]
    titles = {rule.id: rule.title(lang) for rule in policy.rules}
    for effect in run:
        lines += ["", _heading(effect, lang)]
        lines.append(f"  {words['alternative']}{words['colon']}{effect.alternative(lang)}")
        if effect.runs is not None:
            lines.append(f"  {words['runs']}{words['colon']}{effect.runs(lang)}")
        if not effect.flips:
            lines.append(f"  {words['nothing']}")
            continue
        lines.append(f"  {words['under'].format(counts=words['counts'].format(**effect.findings))}")
        lines.append(f"  {words['flips'].format(n=len(effect.flips))}")
        for flip in effect.flips:
            rules = words["sep"].join(titles.get(rule, rule) for rule in flip.rules)
            lines.append(
                f"    {visible(flip.case)}  {clause_label(flip.clause)} {flip.clause}  "
                f"{_verdict(flip.before, lang)} → {_verdict(flip.after, lang)}"
                + (f"（{words['rules']}：{rules}）" if lang == "zh" and rules else "")
                + (f" ({words['rules']}: {rules})" if lang == "en" and rules else "")
            )
    if not_run:
        lines += ["", words["not_run"].format(n=len(not_run))]
        for effect in not_run:
            reason = effect.not_run(lang) if effect.not_run is not None else ""
            lines.append(f"  {_heading(effect, lang)}")
            lines.append(f"    {words['why']}{words['colon']}{reason}")
    return "\n".join(lines) + "\n"


def _heading(effect: ReadingEffect, lang: Lang) -> str:
    """A reading as a reviewer names it: the clauses it reads, its question, and its id as a
    small citation in brackets."""
    from iprules.policy.clauses import clause_label

    labels = "、".join(dict.fromkeys(clause_label(clause) for clause in effect.clauses))
    if lang == "zh":
        return f"{labels} {effect.question(lang)}（解释 {effect.id}）"
    return f"{labels} {effect.question(lang)} (interpretation {effect.id})"
