"""`iprules history`: the recorded checks, oldest first, one line each (or JSON)."""

from __future__ import annotations

from typing import Any

from iprules.i18n import Lang
from iprules.store.model import StoredCheck

HISTORY_FORMAT = "iprules-history/1"


def _when(check: StoredCheck) -> str:
    return check.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def render_history(checks: list[StoredCheck], where: str, lang: Lang) -> str:
    zh = lang == "zh"
    if not checks:
        return (
            f"{where} 中还没有记录的检查（用 iprules check … --record 记录）\n"
            if zh
            else f"no check is recorded in {where} yet (record one with iprules check … --record)\n"
        )
    lines = [f"{where}：已记录的检查 {len(checks)} 次" if zh else f"{where}: {len(checks)} recorded checks"]
    for check in checks:
        counts = check.counts
        files = "、".join(i.file for i in check.inputs) if zh else ", ".join(i.file for i in check.inputs)
        if zh:
            lines.append(
                f"#{check.id}  {_when(check)}  {check.recorded_by}  政策 {check.policy_name} {check.policy_version}"
                f"  审计基准日 {check.as_of.isoformat()}  违规 {counts['violation']}  无法判定 {counts['undetermined']}"
                f"  合规 {counts['compliant']}  台账 {files or '（无）'}"
            )
        else:
            lines.append(
                f"#{check.id}  {_when(check)}  {check.recorded_by}  policy {check.policy_name} {check.policy_version}"
                f"  audit date {check.as_of.isoformat()}  violation {counts['violation']}  undetermined "
                f"{counts['undetermined']}  compliant {counts['compliant']}  ledgers {files or '(none)'}"
            )
    return "\n".join(lines) + "\n"


def history_json(checks: list[StoredCheck]) -> dict[str, Any]:
    return {
        "format": HISTORY_FORMAT,
        "checks": [
            {
                "id": check.id,
                "recorded_at": check.recorded_at.isoformat(),
                "recorded_by": check.recorded_by,
                "policy": {"name": check.policy_name, "version": check.policy_version},
                "as_of": check.as_of.isoformat(),
                "counts": check.counts,
                "findings": check.finding_count,
                "inputs": [i.model_dump() for i in check.inputs],
            }
            for check in checks
        ],
    }
