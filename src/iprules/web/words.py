"""The workbench's own words, Chinese first, English beside each (the reports' words are theirs)."""

from __future__ import annotations

from iprules.i18n import Lang

WORDS: dict[str, tuple[str, str]] = {
    "app": ("iprules 工作台", "iprules workbench"),
    "nav_check": ("检查", "Check"),
    "nav_drill": ("培训", "Drill"),
    "nav_clauses": ("条款", "Clauses"),
    "lang_switch": ("English", "中文"),
    "check_title": ("检查台账", "Check ledgers"),
    "check_intro": (
        "选择一个或多个台账文件（Excel .xlsx/.xls、.ods、CSV、JSONL，可混合），选择政策和审计基准日，然后开始检查。"
        "文件只保存在服务器的临时文件夹中，检查结果删除或过期后一并删除。",
        "Choose one or more ledger files (Excel .xlsx/.xls, .ods, CSV, JSONL, mixed freely), the policy "
        "and the audit date, then check. The files stay in a private temporary folder on the server and "
        "are deleted with the result (when you delete it or it expires).",
    ),
    "files": ("台账文件", "Ledger files"),
    "files_hint": (
        "可一次选择多个文件，也可把文件拖到此处；合计不超过 {mb} MB",
        "several at once, or drop them here; {mb} MB in all at most",
    ),
    "policy": ("政策", "Policy"),
    "as_of": ("审计基准日", "Audit date"),
    "as_of_hint": ("未办结案件的期限按此日判断", "open cases' deadlines are judged on this day"),
    "start": ("开始检查", "Check"),
    "template": ("下载待填写的台账模板（.xlsx）", "Download the ledger template to fill in (.xlsx)"),
    "queued": ("排队中", "Queued"),
    "queued_place": (
        "前面还有 {n} 个检查在等待；同时最多进行 {slots} 个检查",
        "{n} checks wait before this one; at most {slots} run at once",
    ),
    "running": ("正在检查", "Checking"),
    "stage_reading": ("正在读取台账", "Reading the ledgers"),
    "stage_checking": (
        "已检查 {done} / {total} 条记录（{pct}%）",
        "{done} of {total} records checked ({pct}%)",
    ),
    "stage_indexing": ("正在整理结果", "Filing the results"),
    "refresh": ("本页每秒自动刷新；也可", "This page refreshes itself every second; or"),
    "refresh_now": ("立即刷新", "refresh now"),
    "failed": ("检查未完成", "The check did not finish"),
    "failed_hint": ("没有结果，不能视为合规。", "There is no result, which is no clean pass."),
    "again": ("重新上传", "Upload again"),
    "result": ("检查结果", "Result"),
    "inputs": ("输入文件", "Input files"),
    "reconcile": (
        "读取记录 {read} 条 = 已检查 {checked} 条 + 拒收 {rejected} 条",
        "{read} records read = {checked} checked + {rejected} rejected",
    ),
    "counts": ("案件 {cases} 件，规则 {rules} 条", "{cases} cases, {rules} rules"),
    "rejections": (
        "拒收记录（未参与检查，请按原因修正后重新检查）",
        "Rejected records (not checked: fix them as said and check again)",
    ),
    "warnings": ("提醒（不影响计数）", "Warnings (they change no count)"),
    "place": ("位置", "Where"),
    "fix": ("原因和修正方法", "Reason and fix"),
    "reason": ("说明", "Note"),
    "more": ("全部 {n} 条", "all {n}"),
    "scope": ("检查范围", "Scope"),
    "verdicts": ("结论", "Verdicts"),
    "view_clause": ("按条款", "By clause"),
    "view_case": ("按案件", "By case"),
    "view_unit": ("按单位", "By unit"),
    "view_person": ("按人员", "By person"),
    "view_findings": ("全部结论", "All findings"),
    "downloads": ("下载报告", "Download the report"),
    "delete": ("删除本次检查（台账和结果）", "Delete this check (ledgers and result)"),
    "deleted": ("已删除", "Deleted"),
    "expires": ("{minutes} 分钟无人查看后自动删除", "deleted after {minutes} minutes unseen"),
    "clause": ("条款", "Clause"),
    "case": ("案件", "Case"),
    "rule": ("规则", "Rule"),
    "unit": ("单位", "Unit"),
    "first_responder": ("首问责任人", "First responder"),
    "handler": ("首办责任人", "Handler"),
    "person": ("人员", "Person"),
    "role": ("身份", "Role"),
    "cases": ("案件数", "Cases"),
    "verdict": ("结论", "Verdict"),
    "total": ("合计", "Total"),
    "all": ("全部", "all"),
    "filter": ("筛选", "Filter"),
    "filters_on": ("当前筛选", "Filters on"),
    "clear": ("清除筛选", "clear the filters"),
    "apply": ("应用", "Apply"),
    "shown": ("第 {first}–{last} 条，共 {total} 条", "{first}–{last} of {total}"),
    "none": ("无", "none"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "page": ("第 {page} / {pages} 页", "page {page} of {pages}"),
    "why": ("说明", "Why"),
    "records": ("依据记录", "Records"),
    "readings": ("所依解释", "Readings"),
    "unread": ("未读入的记录（可能影响此结论）", "Rows not read (they could change this verdict)"),
    "clause_text": ("条款原文", "Clause text"),
    "case_title": ("案件 {case}", "Case {case}"),
    "case_named": ("本案涉及", "Named in this case"),
    "no_case": (
        "本次检查没有案件“{case}”（或没有规则适用于它）",
        "this check has no case '{case}' (or no rule applies to it)",
    ),
    "not_found": ("找不到该页面", "Page not found"),
    "not_found_hint": (
        "检查结果可能已删除或已过期（服务器重启后也不再保留）：请重新上传台账。",
        "The result may have been deleted or have expired (nor is it kept over a server restart): upload the ledgers again.",
    ),
    "error": ("出错了", "Something went wrong"),
    "error_hint": (
        "请求未完成。详情已记录在服务器日志中。",
        "The request did not complete. The details are in the server's log.",
    ),
    "refused": ("请求被拒绝", "Request refused"),
    "csrf": (
        "表单已过期或不是从本页面提交的（缺少有效的安全令牌）：请回到页面重新提交",
        "the form expired or was not sent from this site (no valid security token): go back and send it again",
    ),
    "too_large": ("上传的文件过大：合计不能超过 {mb} MB", "the upload is too large: {mb} MB in all at most"),
    "no_files": ("请至少选择一个台账文件", "choose at least one ledger file"),
    "too_many": ("一次最多上传 {n} 个文件", "at most {n} files at once"),
    "bad_policy": ("未知的政策“{name}”", "unknown policy '{name}'"),
    "bad_date": (
        "审计基准日应写作 YYYY-MM-DD，如 2026-11-25",
        "the audit date is YYYY-MM-DD, e.g. 2026-11-25",
    ),
    "login": ("登录", "Log in"),
    "password": ("访问密码", "Access password"),
    "login_hint": (
        "本工作台设有访问密码（由服务器管理员设定）。",
        "This workbench has an access password (set by whoever runs the server).",
    ),
    "wrong_password": ("密码不正确", "wrong password"),
    "policy_changed": (
        "注意：政策“{name}”在本次检查之后已被修改，下面的条款原文和规则说明按修改后的政策显示；请重新检查",
        "Note: the policy '{name}' changed after this check; clause texts and rule titles below are the new ones: check again",
    ),
    "render_failed": ("报告未能生成", "The report could not be made"),
}


def say(lang: Lang, key: str, **values: object) -> str:
    zh, en = WORDS[key]
    words = zh if lang == "zh" else en
    return words.format(**values) if values else words
