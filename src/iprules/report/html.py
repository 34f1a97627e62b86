"""The HTML report a section chief opens in a browser: one file, nothing fetched.

CSS and the filter script are inline, so the file can be mailed or copied to a USB stick and
still work offline. Every value that came from a ledger (or from anywhere) goes through
`html.escape`: a cell holding `<script>` shows as text. Filters by verdict and clause run in
the page; they only hide rows, so printing the page after filtering prints what is shown.
Output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from iprules.check import Report
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.policy.load import Policy
from iprules.report.text import short_question
from iprules.report.view import SWITCHED_MARK, cited_records, report_view, scope_lines, source_text

_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "iprules 检查报告",
        "policy": "政策",
        "version": "版本",
        "as_of": "审计基准日",
        "tool": "检查工具",
        "years": "所用日历年份",
        "inputs": "输入文件",
        "file": "文件",
        "bytes": "字节",
        "summary": "汇总",
        "reconcile": "读取记录 {read} 条 = 已检查 {checked} 条 + 拒收 {rejected} 条；案件 {cases} 件，规则 {rules} 条；不适用（案件×规则）{na}",
        "by_clause": "各条款结论",
        "clause": "条款",
        "all": "全部",
        "verdict": "结论",
        "filter": "筛选",
        "shown": "显示",
        "case": "案件",
        "rule": "规则",
        "why": "说明",
        "evidence": "依据记录",
        "reading": "所依解释",
        "rejections": "拒收记录（未参与检查，请修正后重新检查）",
        "reason": "原因",
        "place": "位置",
        "none": "无",
        "total": "合计",
        "scope": "检查范围",
        "warnings": "提示（{n} 条）：读取台账时所作的处理，记录均已读入，不影响计数",
        "unread": "未读入的记录",
        "readings": "解释（本报告所依的 {n} 条）",
        "question": "问题",
        "chosen": "本报告采用",
        "alternative": "另一种读法（未采用）",
        "clauses_of": "条款",
    },
    "en": {
        "title": "iprules check report",
        "policy": "Policy",
        "version": "version",
        "as_of": "Audit date",
        "tool": "Checked with",
        "years": "Calendar years used",
        "inputs": "Input files",
        "file": "File",
        "bytes": "bytes",
        "summary": "Summary",
        "reconcile": "{read} records read = {checked} checked + {rejected} rejected; {cases} cases, {rules} rules; "
        "{na} (case, rule) pairs not applicable",
        "by_clause": "Verdicts by clause",
        "clause": "Clause",
        "all": "All",
        "verdict": "Verdict",
        "filter": "Filter",
        "shown": "Shown",
        "case": "Case",
        "rule": "Rule",
        "why": "Why",
        "evidence": "Records",
        "reading": "Reading",
        "rejections": "Rejected records (not checked; fix them and check again)",
        "reason": "Reason",
        "place": "Where",
        "none": "none",
        "total": "Total",
        "scope": "Scope",
        "warnings": "Warnings ({n}): what the readers decided for the ledger; every record was read, no count changed",
        "unread": "Rows not read",
        "readings": "Readings ({n} relied on in this report)",
        "question": "Question",
        "chosen": "Reading used",
        "alternative": "Alternative (not used)",
        "clauses_of": "Clauses",
    },
}

_VERDICTS = ("violation", "undetermined", "compliant")

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:1.5em;color:#222;line-height:1.5}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:2px solid #ccd}
table{border-collapse:collapse;margin:.5em 0;width:100%}th,td{border:1px solid #ccd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#eef2f8}.num{text-align:right}.meta td:first-child{width:12em;font-weight:bold}
blockquote{margin:.5em 0;padding:.5em 1em;background:#f7f7f2;border-left:4px solid #bb9}
.en{color:#555;font-size:.9em}.v-violation{color:#b00020;font-weight:bold}.v-undetermined{color:#a66a00;font-weight:bold}
.v-compliant{color:#137333}.src{font-family:monospace;white-space:nowrap}.rec{font-size:.9em;color:#333}
.rec span{display:inline-block;margin-right:.8em}.rec b{font-weight:normal;color:#667}
#filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccd}
#filters label{margin-right:1.5em}.hash{font-family:monospace;font-size:.85em;word-break:break-all}
.notice{padding:.5em 1em;background:#fff4e5;border-left:4px solid #e08a00;font-weight:bold}
.unread{margin-top:.3em;padding:.2em .4em;background:#fff4e5;border-left:3px solid #e08a00;font-size:.9em}
.reading a{font-family:monospace}.readings dt{font-weight:bold;margin-top:.8em}.readings dd{margin:.2em 0 0 1.5em}
details>summary{cursor:pointer;font-weight:bold}.warnings td.src{white-space:normal;word-break:break-all}
@media print{#filters{display:none}details>*{display:block}details>summary{list-style:none}
body{margin:0;font-size:10pt}table{page-break-inside:auto}tr{page-break-inside:avoid}.src{white-space:normal;word-break:break-all}}
"""

_SCRIPT = """
(function(){
  var verdict=document.getElementById('f-verdict'), clause=document.getElementById('f-clause');
  var count=document.getElementById('f-count');
  function apply(){
    var v=verdict.value, c=clause.value, shown=0, total=0;
    document.querySelectorAll('tr.finding').forEach(function(row){
      var ok=(!v||row.dataset.verdict===v)&&(!c||row.dataset.clause===c);
      row.hidden=!ok; total++; if(ok){shown++;}
    });
    document.querySelectorAll('section.clause').forEach(function(sec){
      sec.hidden=!sec.querySelector('tr.finding:not([hidden])');
    });
    count.textContent=shown+' / '+total;
  }
  // a link may carry a filter: 报告.html#verdict=violation&clause=s2.0
  var wanted=new URLSearchParams(location.hash.slice(1));
  [[verdict,'verdict'],[clause,'clause']].forEach(function(pair){
    var value=wanted.get(pair[1]);
    if(value&&pair[0].querySelector('option[value="'+CSS.escape(value)+'"]')){pair[0].value=value;}
  });
  verdict.addEventListener('change',apply); clause.addEventListener('change',apply);
  apply();
  // a printed report shows the scope, warnings and readings folded on screen
  window.addEventListener('beforeprint',function(){
    document.querySelectorAll('details:not([open])').forEach(function(d){d.open=true;d.dataset.folded='1';});
  });
  window.addEventListener('afterprint',function(){
    document.querySelectorAll('details[data-folded]').forEach(function(d){d.open=false;delete d.dataset.folded;});
  });
})();
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def render_html(report: Report, policy: Policy, lang: Lang) -> str:
    words = _WORDS[lang]
    view = report_view(report, policy, lang)
    records = cited_records(report, lang)
    summary = view["summary"]
    stamp = view["policy"]
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        f"<title>{_e(words['title'])}：{_e(policy.title(lang))}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{_e(words['title'])}：《{_e(policy.title(lang))}》</h1>",
        '<table class="meta">',
        f"<tr><td>{_e(words['policy'])}</td><td>{_e(stamp['name'])}（{_e(words['version'])} "
        f'<span class="hash">{_e(stamp["version"])}</span>）</td></tr>',
        f"<tr><td>{_e(words['as_of'])}</td><td>{_e(view['as_of'])}</td></tr>",
        f"<tr><td>{_e(words['tool'])}</td><td>iprules {_e(stamp['iprules'])}</td></tr>",
    ]
    if "calendar_years" in view:
        years = "、".join(str(year) for year in view["calendar_years"]) or words["none"]
        out.append(f"<tr><td>{_e(words['years'])}</td><td>{_e(years)}</td></tr>")
    out.append("</table>")
    out += [f'<p class="notice">{_e(notice)}</p>' for notice in view["notices"]]
    out += _warnings(view, words)
    out += _scope(view, words, lang)
    out += _inputs(view, words)
    out += [
        f'<h2 id="summary">{_e(words["summary"])}</h2>',
        f'<p id="reconcile">{_e(words["reconcile"].format(read=summary["records_read"], checked=summary["records_checked"], rejected=summary["records_rejected"], cases=summary["cases"], rules=summary["rules"], na=summary["not_applicable"]))}</p>',
    ]
    out += _clause_table(view, words, lang)
    out += _filters(view, words, lang)
    out += _findings(view, records, policy, words, lang)
    out += _rejections(view, words)
    out += _readings(view, policy, words, lang)
    out += [f"<script>{_SCRIPT}</script>", "</body></html>"]
    return "\n".join(out) + "\n"


def _scope(view: dict[str, Any], words: dict[str, str], lang: Lang) -> list[str]:
    parts = scope_lines(view["scope"], lang)
    first = parts[0][0]
    for lead in (words["scope"] + "：", words["scope"] + ": "):
        first = first.removeprefix(lead)  # the heading already says it
    out = [f'<h2 id="scope">{_e(words["scope"])}</h2>', f"<p>{_e(first)}</p>"]
    for head, items in parts[1:]:
        if not items:
            out.append(f"<p>{_e(head)}</p>")
            continue
        out += [
            f"<details><summary>{_e(head)}</summary><ul>",
            *(f"<li>{_e(item)}</li>" for item in items),
            "</ul></details>",
        ]
    return out


def _inputs(view: dict[str, Any], words: dict[str, str]) -> list[str]:
    if not view["inputs"]:
        return []
    rows = [
        f'<tr><td>{_e(item["file"])}</td><td class="num">{_e(item["bytes"])}</td>'
        f'<td class="hash">{_e(item["sha256"])}</td></tr>'
        for item in view["inputs"]
    ]
    return [
        f"<h2>{_e(words['inputs'])}</h2>",
        f"<table><tr><th>{_e(words['file'])}</th><th>{_e(words['bytes'])}</th><th>SHA-256</th></tr>",
        *rows,
        "</table>",
    ]


def _clause_table(view: dict[str, Any], words: dict[str, str], lang: Lang) -> list[str]:
    head = "".join(f"<th>{_e(VERDICT_WORDS[v](lang))}</th>" for v in _VERDICTS)
    rows = []
    for item in view["by_clause"]:
        cells = "".join(f'<td class="num">{item[v]}</td>' for v in _VERDICTS)
        rows.append(
            f'<tr><td><a href="#clause-{_e(item["id"])}">{_e(item["label"])}</a> '
            f'<span class="src">{_e(item["id"])}</span></td>{cells}</tr>'
        )
    totals = "".join(f'<td class="num">{view["summary"]["findings"][v]}</td>' for v in _VERDICTS)
    return [
        f'<table id="by-clause"><tr><th>{_e(words["clause"])}</th>{head}</tr>',
        *rows,
        f"<tr><th>{_e(words['total'])}</th>{totals}</tr></table>",
    ]


def _filters(view: dict[str, Any], words: dict[str, str], lang: Lang) -> list[str]:
    verdicts = "".join(f'<option value="{v}">{_e(VERDICT_WORDS[v](lang))}</option>' for v in _VERDICTS)
    clauses = "".join(
        f'<option value="{_e(item["id"])}">{_e(item["label"])} {_e(item["id"])}</option>'
        for item in view["by_clause"]
    )
    return [
        '<div id="filters">',
        f'<label>{_e(words["verdict"])} <select id="f-verdict"><option value="">{_e(words["all"])}</option>{verdicts}</select></label>',
        f'<label>{_e(words["clause"])} <select id="f-clause"><option value="">{_e(words["all"])}</option>{clauses}</select></label>',
        f'<span>{_e(words["shown"])} <output id="f-count"></output></span>',
        "</div>",
    ]


def _findings(
    view: dict[str, Any],
    records: dict[str, list[tuple[str, str]]],
    policy: Policy,
    words: dict[str, str],
    lang: Lang,
) -> list[str]:
    by_clause: dict[str, list[dict[str, Any]]] = defaultdict(list)
    clause_info: dict[str, dict[str, Any]] = {}
    for finding in view["findings"]:
        for clause in finding["clauses"]:
            by_clause[clause["id"]].append(finding)
            clause_info[clause["id"]] = clause
    out: list[str] = []
    order = [item["id"] for item in view["by_clause"]]
    for clause_id in order:
        clause = clause_info[clause_id]
        out += [
            f'<section class="clause" id="clause-{_e(clause_id)}" data-clause="{_e(clause_id)}">',
            f'<h2>{_e(words["clause"])} {_e(clause["label"])} <span class="src">{_e(clause_id)}</span></h2>',
            f'<blockquote class="clause-text">{_e(clause["text"])}'
            + (f'<div class="en">{_e(clause["text_en"])}</div>' if lang == "en" else "")
            + "</blockquote>",
            f"<table><tr><th>{_e(words['case'])}</th><th>{_e(words['verdict'])}</th>"
            f"<th>{_e(words['rule'])}</th><th>{_e(words['why'])}</th><th>{_e(words['evidence'])}</th></tr>",
        ]
        for finding in by_clause[clause_id]:
            why = "".join(f"<div>{_e(message)}</div>" for message in finding["messages"])
            if finding["interpretations"]:
                why += (
                    f'<div class="reading en">{_e(words["reading"])}：'
                    + "；".join(
                        f'<a href="#reading-{_e(r["id"])}">{_e(r["id"])}</a>'
                        f"（{_e(short_question(policy.interpretations[r['id']], lang))}）"
                        + (_e(SWITCHED_MARK(lang)) if r.get("switched") else "")
                        for r in finding["interpretations"]
                    )
                    + "</div>"
                )
            evidence = "".join(_evidence(item, records) for item in finding["evidence"])
            if finding["affected_by"]:
                evidence += (
                    f'<div class="unread">{_e(words["unread"])}：'
                    + "、".join(
                        f'<span class="src">{_e(source_text(item))}</span>' for item in finding["affected_by"]
                    )
                    + "</div>"
                )
            out.append(
                f'<tr class="finding" data-verdict="{_e(finding["verdict"])}" data-clause="{_e(clause_id)}">'
                f"<td>{_e(finding['case'])}</td>"
                f'<td class="v-{_e(finding["verdict"])}">{_e(finding["verdict_label"])}</td>'
                f'<td>{_e(finding["title"])}<div class="src">{_e(finding["rule"])}</div></td>'
                f"<td>{why}</td><td>{evidence}</td></tr>"
            )
        out += ["</table>", "</section>"]
    return out


def _evidence(item: dict[str, Any], records: dict[str, list[tuple[str, str]]]) -> str:
    where = source_text(item)
    cells = "".join(
        f"<span><b>{_e(header)}</b> {_e(value)}</span>" for header, value in records.get(where, [])
    )
    return f'<div><span class="src">{_e(where)}</span><div class="rec">{cells}</div></div>'


def _rejections(view: dict[str, Any], words: dict[str, str]) -> list[str]:
    items = view["rejections"]
    out = [f'<h2 id="rejections">{_e(words["rejections"])}（{len(items)}）</h2>']
    if not items:
        return [*out, f"<p>{_e(words['none'])}</p>"]
    out.append(f"<table><tr><th>{_e(words['place'])}</th><th>{_e(words['reason'])}</th></tr>")
    out += [
        f'<tr class="rejection"><td class="src">{_e(source_text(item))}</td><td>{_e(item["reason"])}</td></tr>'
        for item in items
    ]
    out.append("</table>")
    return out


def _warnings(view: dict[str, Any], words: dict[str, str]) -> list[str]:
    """What the readers decided (an extra column ignored, the encoding chosen…), near the top:
    the count in the heading, each with its place."""
    items = view["warnings"]
    if not items:
        return []
    rows = [
        f'<tr class="warning"><td class="src">{_e(source_text(item))}</td><td>{_e(item["reason"])}</td></tr>'
        for item in items
    ]
    return [
        f'<details id="warnings" class="warnings"{" open" if len(items) <= 20 else ""}>'
        f"<summary>{_e(words['warnings'].format(n=len(items)))}</summary>",
        f"<table><tr><th>{_e(words['place'])}</th><th>{_e(words['reason'])}</th></tr>",
        *rows,
        "</table></details>",
    ]


def _readings(view: dict[str, Any], policy: Policy, words: dict[str, str], lang: Lang) -> list[str]:
    """The readings the findings cited, once, each with an anchor the findings link to."""
    cited = {r["id"] for finding in view["findings"] for r in finding["interpretations"]}
    if not cited:
        return []
    order = {clause.id: index for index, clause in enumerate(policy.clauses)}
    readings = sorted(
        (item for name, item in policy.interpretations.items() if name in cited),
        key=lambda item: min((order.get(c, len(order)) for c in item.clauses), default=len(order)),
    )
    out = [f'<h2 id="readings">{_e(words["readings"].format(n=len(readings)))}</h2>', '<dl class="readings">']
    for item in readings:
        out += [
            f'<dt id="reading-{_e(item.id)}"><span class="src">{_e(item.id)}</span>'
            f"（{_e(words['clauses_of'])} {_e('、'.join(item.clauses))}）</dt>",
            f"<dd>{_e(words['question'])}：{_e(item.question(lang))}</dd>",
        ]
        used, other = (
            (item.alternative(lang), item.reading(lang))
            if item.id in policy.switched
            else (item.reading(lang), item.alternative(lang))
        )
        mark = SWITCHED_MARK(lang) if item.id in policy.switched else ""
        out += [
            f"<dd><b>{_e(words['chosen'])}{_e(mark)}</b>：{_e(used)}</dd>",
            f'<dd class="en">{_e(words["alternative"])}：{_e(other)}</dd>',
        ]
    out.append("</dl>")
    return out
