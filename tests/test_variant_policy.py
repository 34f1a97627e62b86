"""Another bureau's variant is a folder that extends Maojian's and overrides parameters.

rules/zhangwan asks for a 20 m² office (Maojian: 15), publishes another complaint phone, and
is its own "区局": the Maojian units it inherits are recognised by name but are not its district
bureau. Who handles a key enterprise's patent dispute is the clause's "市局", not a figure, so
the variant does not override it. The same ledger gets different verdicts exactly where those
differ.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iprules.cli import main
from iprules.policy.load import load_policy
from iprules.policy.yamlfile import PolicyError
from iprules.scenarios import UNDECLARED, read_scenarios, run_scenario

ROOT = Path(__file__).resolve().parents[1]
MAOJIAN = ROOT / "rules" / "maojian"
ZHANGWAN = ROOT / "rules" / "zhangwan"

LEDGER = [
    {"type": "station_inspection", "case": "工作站-18平方米", "date": "2026-03-12", "fixed_office": "是", "office_area": 18},
    {"type": "station_inspection", "case": "工作站-25平方米", "date": "2026-03-12", "fixed_office": "是", "office_area": 25},
    {"type": "publication", "case": "承诺公示-茅箭电话", "item": "服务承诺制度", "date": "2026-04-08",
     "website": "是", "board": "是", "phone": "0719-8693328"},
    {"type": "publication", "case": "承诺公示-张湾电话", "item": "服务承诺制度", "date": "2026-04-08",
     "website": "是", "board": "是", "phone": "0719-8225315"},
    {"type": "dispute", "case": "专利-市局处理", "enterprise": "十堰东风汽车零部件有限公司", "key_enterprise": "是",
     "kind": "专利", "handled_by": "十堰市市场监督管理局", "cooperation_requested": "否"},
    {"type": "dispute", "case": "专利-保护中心处理", "enterprise": "十堰东风汽车零部件有限公司", "key_enterprise": "是",
     "kind": "专利", "handled_by": "十堰市知识产权保护中心", "cooperation_requested": "否"},
    {"type": "dispute", "case": "专利-茅箭执法大队处理", "enterprise": "十堰东风汽车零部件有限公司", "key_enterprise": "是",
     "kind": "专利", "handled_by": "茅箭区市场监管局执法大队"},
    {"type": "dispute", "case": "商标-执法大队处理", "enterprise": "湖北武当山茶业有限公司", "key_enterprise": "是",
     "kind": "商标", "handled_by": "张湾区市场监管局执法大队"},
    {"type": "dispute", "case": "商标-茅箭执法大队处理", "enterprise": "湖北武当山茶业有限公司", "key_enterprise": "是",
     "kind": "商标", "handled_by": "茅箭区市场监管局执法大队"},
    {"type": "dispute", "case": "商标-茅箭区局处理", "enterprise": "湖北武当山茶业有限公司", "key_enterprise": "是",
     "kind": "商标", "handled_by": "茅箭区市场监管局"},
    {"type": "dispute", "case": "商标-张湾区局处理", "enterprise": "湖北武当山茶业有限公司", "key_enterprise": "是",
     "kind": "商标", "handled_by": "张湾区市场监管局"},
    {"type": "dispute", "case": "专利-请求配合-茅箭所配合", "enterprise": "湖北华中车灯有限公司", "key_enterprise": "是",
     "kind": "专利", "handled_by": "十堰市知识产权保护中心", "cooperation_requested": "是", "date": "2026-07-15", "closed_date": "2026-09-30", "cooperated_by": "二堰市场监管所"},
    {"type": "dispute", "case": "专利-请求配合-张湾所配合", "enterprise": "湖北华中车灯有限公司", "key_enterprise": "是",
     "kind": "专利", "handled_by": "十堰市知识产权保护中心", "cooperation_requested": "是", "date": "2026-07-15", "closed_date": "2026-09-30", "cooperated_by": "花果市场监管所"},
    {"type": "dispute", "case": "专利-未请求配合", "enterprise": "湖北华中车灯有限公司", "key_enterprise": "是",
     "kind": "专利", "handled_by": "十堰市知识产权保护中心", "cooperation_requested": "否"},
    {"type": "dispute", "case": "专利-请求未记录", "enterprise": "湖北华中车灯有限公司", "key_enterprise": "是",
     "kind": "专利", "handled_by": "十堰市知识产权保护中心"},
]  # fmt: skip


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "台账.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in LEDGER), encoding="utf-8")
    return path


def verdicts(
    capsys: pytest.CaptureFixture[str], ledger: Path, policy: Path
) -> tuple[dict[tuple[str, str], str], dict[str, object]]:
    code = main(["check", str(ledger), "--policy", str(policy), "--as-of", "2026-11-25", "--format", "json"])
    assert code in (0, 1)
    report = json.loads(capsys.readouterr().out)
    found = {(f["case"], f["rule"]): f["verdict"] for f in report["findings"]}
    return found, report


def test_the_variant_inherits_everything_and_overrides_only_what_it_writes() -> None:
    maojian, zhangwan = load_policy(MAOJIAN), load_policy(ZHANGWAN)
    assert zhangwan.name == "zhangwan" and zhangwan.issuer.zh == "十堰市张湾区市场监督管理局"
    assert [r.id for r in zhangwan.rules] == [r.id for r in maojian.rules]
    assert zhangwan.waivers == maojian.waivers and zhangwan.interpretations == maojian.interpretations
    assert zhangwan.parameters["station"]["min_office_area"] == 20
    assert (
        zhangwan.parameters["station"]["min_full_time_staff"]
        == maojian.parameters["station"]["min_full_time_staff"]
    )
    assert zhangwan.parameters["complaint_phone"] != maojian.parameters["complaint_phone"]
    assert "张湾区市场监管局办公室" in zhangwan.units and "茅箭区市场监管局办公室" in zhangwan.units


def test_an_18_square_metre_office_passes_in_maojian_and_fails_in_zhangwan(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    maojian, _ = verdicts(capsys, ledger, MAOJIAN)
    zhangwan, _ = verdicts(capsys, ledger, ZHANGWAN)
    assert maojian[("工作站-18平方米", "station-office-area")] == "compliant"
    assert zhangwan[("工作站-18平方米", "station-office-area")] == "violation"
    assert maojian[("工作站-25平方米", "station-office-area")] == "compliant"
    assert zhangwan[("工作站-25平方米", "station-office-area")] == "compliant"


def test_each_bureau_checks_its_own_complaint_phone(capsys: pytest.CaptureFixture[str], ledger: Path) -> None:
    maojian, _ = verdicts(capsys, ledger, MAOJIAN)
    zhangwan, _ = verdicts(capsys, ledger, ZHANGWAN)
    rule = "commitment-shows-complaint-phone"
    assert (maojian[("承诺公示-茅箭电话", rule)], maojian[("承诺公示-张湾电话", rule)]) == (
        "compliant",
        "violation",
    )
    assert (zhangwan[("承诺公示-茅箭电话", rule)], zhangwan[("承诺公示-张湾电话", rule)]) == (
        "violation",
        "compliant",
    )


def test_patent_disputes_go_to_the_city_under_both_policies(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    """五（四） "专利纠纷案件由市局处理": any unit of the city satisfies it, the IP protection
    centre included (interpretation s5.4-city-units), under either policy; a district unit
    handling it does not, under either (Maojian's brigade is no unit of the city in Zhangwan)."""
    maojian, _ = verdicts(capsys, ledger, MAOJIAN)
    zhangwan, report = verdicts(capsys, ledger, ZHANGWAN)
    rule = "key-enterprise-patent-dispute-unit"
    cases = ("专利-市局处理", "专利-保护中心处理", "专利-茅箭执法大队处理")
    assert [maojian[(case, rule)] for case in cases] == ["compliant", "compliant", "violation"]
    assert [zhangwan[(case, rule)] for case in cases] == ["compliant", "compliant", "violation"]
    assert "dispute_routing" not in load_policy(ZHANGWAN).parameters
    findings = report["findings"]
    assert isinstance(findings, list)
    message = next(f for f in findings if f["case"] == "专利-茅箭执法大队处理" and f["rule"] == rule)[
        "messages"
    ][0]
    assert "应由市局处理" in message


def test_what_the_variant_does_not_override_is_judged_alike(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    maojian, _ = verdicts(capsys, ledger, MAOJIAN)
    zhangwan, report = verdicts(capsys, ledger, ZHANGWAN)
    assert (
        maojian[("商标-执法大队处理", "key-enterprise-trademark-dispute-unit")] == "undetermined"
    )  # not a Maojian unit
    assert zhangwan[("商标-执法大队处理", "key-enterprise-trademark-dispute-unit")] == "compliant"
    same = {key for key in maojian if key[0] in {"工作站-25平方米"}}
    assert all(maojian[key] == zhangwan[key] for key in same) and same
    policy = report["policy"]
    assert isinstance(policy, dict) and policy["name"] == "zhangwan"


def test_maojian_scenarios_under_zhangwan_fail_only_on_the_clauses_whose_parameters_it_overrides() -> None:
    """The scenarios pin Maojian's figures; under the variant exactly those that depend on an
    overridden parameter change (office area, complaint phone, the district bureau, and with it
    the office that accepts reports about first responders and service complaints)."""
    zhangwan = load_policy(ZHANGWAN)
    # the steps' own verdicts (undeclared verdicts elsewhere: test_scenario_consistency.py)
    failing = {
        s.clause
        for s in read_scenarios(ROOT / "features" / "maojian", ROOT)
        if any(f": {UNDECLARED}: " not in f for f in run_scenario(s, zhangwan).failures)
    }
    # s4.4 and s4.7: the office that determines and accepts service complaints is 区局's own
    # (district_bureau), which the variant overrides; s4.2-pairing: a liaison must sit on 区局's
    # own party group, so Maojian's deputy directors in the scenarios' rosters are not Zhangwan's;
    # s5.4-routing and s5.4-speed: the Maojian brigade and offices that handle the scenarios'
    # cases are another district's under Zhangwan (routing breached, prompt handling not its own)
    # s2.4: a first-responder report accepted by 区局's own office (TS-12) is Maojian's office there
    assert failing == {
        "s1.1-office",
        "s2.4",
        "s2.5-accept",
        "s4.2-pairing",
        "s4.4",
        "s4.7",
        "s5.4-routing",
        "s5.4-speed",
    }


def test_each_bureau_s_own_office_accepts_reports_about_its_first_responders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """二（五） "由区市场监管局办公室负责受理" names the issuing bureau's office: under Zhangwan's
    policy, Maojian's office (still in the inherited unit list) does not satisfy it."""
    path = tmp_path / "举报.jsonl"
    reports = [
        {"type": "complaint", "case": f"举报-{office}", "date": "2026-09-14", "kind": "举报",
         "problem": "首问责任人推诿", "person": "赵红", "contact": "135****6630",
         "about_first_responder": "是", "accepted_by": office, "reported_to": office}
        for office in ("茅箭区市场监管局办公室", "张湾区市场监管局办公室")
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    rule = "first-responder-failure-accepted-by-office"
    maojian, _ = verdicts(capsys, path, MAOJIAN)
    zhangwan, _ = verdicts(capsys, path, ZHANGWAN)
    assert (
        maojian[("举报-茅箭区市场监管局办公室", rule)],
        maojian[("举报-张湾区市场监管局办公室", rule)],
    ) == (
        "compliant",
        "undetermined",  # 张湾's office is not in Maojian's unit list: which office it is, is unknown
    )
    assert (
        zhangwan[("举报-茅箭区市场监管局办公室", rule)],
        zhangwan[("举报-张湾区市场监管局办公室", rule)],
    ) == (
        "violation",
        "compliant",
    )


def test_district_bureau_means_the_issuing_bureau_and_its_own_units_under_each_policy(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    """ "区局" is the bureau whose document it is: under Zhangwan's variant a Maojian brigade
    is another district's, and Maojian's bureau named as handler is not Zhangwan's 区局."""
    maojian, _ = verdicts(capsys, ledger, MAOJIAN)
    zhangwan, report = verdicts(capsys, ledger, ZHANGWAN)
    rule = "key-enterprise-trademark-dispute-unit"
    assert maojian[("商标-茅箭执法大队处理", rule)] == "compliant"
    assert zhangwan[("商标-茅箭执法大队处理", rule)] == "violation"
    # the bureau itself named: which of its units handled it is unknown (s5.4-bureau-itself)
    assert maojian[("商标-茅箭区局处理", rule)] == "undetermined"
    assert zhangwan[("商标-茅箭区局处理", rule)] == "violation"  # another district's bureau
    assert zhangwan[("商标-张湾区局处理", rule)] == "undetermined"
    findings = report["findings"]
    assert isinstance(findings, list)
    message = next(f for f in findings if f["case"] == "商标-茅箭执法大队处理" and f["rule"] == rule)[
        "messages"
    ][0]
    assert "不属于本区局（张湾区市场监管局）" in message


def test_cooperation_the_city_asked_for_must_come_from_the_policys_own_district_units(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    zhangwan, _ = verdicts(capsys, ledger, ZHANGWAN)
    rule = "key-enterprise-patent-dispute-unit"
    assert zhangwan[("专利-请求配合-茅箭所配合", rule)] == "violation"  # 二堰 is Maojian's office
    assert zhangwan[("专利-请求配合-张湾所配合", rule)] == "compliant"
    # the city did not ask: cooperating is owed only when it asks (s5.4-cooperate-when-asked)
    assert zhangwan[("专利-未请求配合", rule)] == "compliant"
    # no request recorded either way, and no district cooperation: a blank is not a no
    assert zhangwan[("专利-请求未记录", rule)] == "undetermined"


def test_a_district_unit_of_a_policy_that_names_its_bureau_must_say_whose_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "variant"
    folder.mkdir()
    (folder / "policy.yaml").write_text(
        "name: variant\nextends: " + str(MAOJIAN) + "\n"
        "parameters:\n  units:\n    某区市场监管所: {org: district, role: supervision_office}\n",
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as error:
        load_policy(folder)
    assert "bureau" in str(error.value)


def test_each_bureau_s_own_office_accepts_and_determines_service_complaints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """四.7 "区局办公室负责受理…并组织有效投诉的认定": under Zhangwan's policy its own office does,
    and Maojian's office (still a known unit name) is another bureau's."""
    path = tmp_path / "服务投诉.jsonl"
    complaints = [
        {"type": "service_complaint", "case": f"投诉-{office}", "date": "2026-10-10", "about": "刘芳",
         "matter": "态度生硬", "accepted_by": office, "determined_by": office, "valid": "是"}
        for office in ("茅箭区市场监管局办公室", "张湾区市场监管局办公室")
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in complaints), encoding="utf-8")
    zhangwan, _ = verdicts(capsys, path, ZHANGWAN)
    maojian, _ = verdicts(capsys, path, MAOJIAN)
    for rule in ("service-complaint-accepted-by-office", "service-complaint-determined-by-office"):
        assert zhangwan[("投诉-茅箭区市场监管局办公室", rule)] == "violation"
        assert zhangwan[("投诉-张湾区市场监管局办公室", rule)] == "compliant"
        assert maojian[("投诉-茅箭区市场监管局办公室", rule)] == "compliant"
    # 四.4: only the own office's determination decides
    conduct = "service-conduct-no-valid-complaint"
    assert zhangwan[("投诉-张湾区市场监管局办公室", conduct)] == "violation"
    assert zhangwan[("投诉-茅箭区市场监管局办公室", conduct)] == "undetermined"
    assert maojian[("投诉-茅箭区市场监管局办公室", conduct)] == "violation"


def test_a_liaison_must_sit_on_the_party_group_of_the_policy_s_own_bureau(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """四.2 "市场监管局党组成员": the issuing bureau's party group. The roster's unit tells whose
    deputy director a liaison is; a blank unit is the bureau's own roster (s4.2-party-group)."""
    path = tmp_path / "挂联.jsonl"
    records = [
        {"type": "staff", "name": "王建国", "position": "副局长", "unit": "茅箭区市场监管局"},
        {"type": "staff", "name": "李卫华", "position": "副局长", "unit": "张湾区市场监管局"},
        {"type": "staff", "name": "何平", "position": "科员", "unit": "花果市场监管所", "party_post": "党组成员"},
        {"type": "liaison", "case": "名单-茅箭副局长", "enterprise": "甲公司", "member": "王建国", "measures": "是"},
        {"type": "liaison", "case": "名单-张湾副局长", "enterprise": "乙公司", "member": "李卫华", "measures": "是"},
        {"type": "liaison", "case": "名单-张湾党组成员", "enterprise": "丙公司", "member": "何平", "measures": "是"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    rule = "protection-list-liaison-member"
    maojian, _ = verdicts(capsys, path, MAOJIAN)
    zhangwan, _ = verdicts(capsys, path, ZHANGWAN)
    assert (maojian[("名单-茅箭副局长", rule)], zhangwan[("名单-茅箭副局长", rule)]) == (
        "compliant",
        "violation",
    )
    assert zhangwan[("名单-张湾副局长", rule)] == "compliant"
    assert maojian[("名单-张湾副局长", rule)] == "undetermined"  # 张湾's bureau is not in Maojian's unit list
    assert zhangwan[("名单-张湾党组成员", rule)] == "compliant"  # the 党组职务 column, not the rank


def test_each_inherited_scenario_the_variant_marks_as_not_applying_does_fail_under_it() -> None:
    """A marker is honest: the scenario it names pins Maojian's figures or units and does not
    hold under Zhangwan (else the marker would hide a scenario that applies), or it is marked
    `holds: true` — it holds only by accident; and every inherited scenario left unmarked holds
    under the variant."""
    zhangwan = load_policy(ZHANGWAN)
    marked = {marker.scenario for marker in zhangwan.not_applying}
    inherited = read_scenarios(zhangwan.features, zhangwan.root)
    assert marked and all(marker.reason.zh and marker.reason.en for marker in zhangwan.not_applying)
    failing = {s.name for s in inherited if run_scenario(s, zhangwan).failures}
    by_accident = {marker.scenario for marker in zhangwan.not_applying if marker.holds}
    assert by_accident, "the scenarios that hold only by accident are marked too"
    assert failing == marked - by_accident


def test_the_variant_s_own_scenarios_hold_under_it_and_not_under_the_base() -> None:
    """Zhangwan's scenarios pin Zhangwan's figures (20 m², 0719-8225315, its own office):
    they hold under the variant, and most of them would not under Maojian."""
    zhangwan, maojian = load_policy(ZHANGWAN), load_policy(MAOJIAN)
    own = [s for folder in zhangwan.scenario_folders[1:] for s in read_scenarios(folder, zhangwan.root)]
    assert own and all(s.file.startswith("features/zhangwan/") for s in own)
    assert [f for s in own for f in run_scenario(s, zhangwan).failures] == []
    assert sum(bool(run_scenario(s, maojian).failures) for s in own) > len(own) / 2


def test_clauses_of_the_variant_account_for_everything(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["clauses", "--policy", str(ZHANGWAN)])
    out = capsys.readouterr().out
    assert code == 0, out[-2000:]
    assert "场景未通过" not in out and "未被场景固定的分支" not in out


def test_a_marker_naming_no_inherited_scenario_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "variant"
    folder.mkdir()
    (folder / "policy.yaml").write_text(
        f"name: variant\nextends: {MAOJIAN}\nscenarios_not_applying:\n"
        "  - {scenario: 没有这个场景, reason: {zh: 理由, en: reason}}\n",
        encoding="utf-8",
    )
    code = main(["clauses", "--policy", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "没有这个场景" in err and "policy.yaml:4" in err


def test_zhangwan_has_its_own_window_and_ip_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """二 names "区政务服务中心大厅知识产权咨询服务窗口" with no district: under Zhangwan it is
    Zhangwan's, so its head on the party group is 本局党组成员; and Zhangwan's own 知识产权股 is a
    unit of 区局 that can cooperate with the city on a patent dispute."""
    path = tmp_path / "台账.jsonl"
    records = [
        {"type": "staff", "name": "孟凡", "position": "窗口负责人", "unit": "区政务服务中心大厅知识产权咨询服务窗口", "party_post": "党组成员"},
        {"type": "liaison", "case": "名单-窗口", "enterprise": "甲公司", "member": "孟凡", "measures": "是", "date": "2026-02-26"},
        {"type": "dispute", "case": "Z-2", "enterprise": "甲公司", "key_enterprise": "是", "kind": "专利", "handled_by": "十堰市市场监督管理局", "cooperated_by": "张湾区市场监管局知识产权股", "cooperation_requested": "是", "date": "2026-06-10", "closed_date": "2026-08-28"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    zhangwan, _ = verdicts(capsys, path, ZHANGWAN)
    assert zhangwan[("名单-窗口", "protection-list-liaison-member")] == "compliant"
    assert zhangwan[("Z-2", "key-enterprise-patent-dispute-unit")] == "compliant"
    units = load_policy(ZHANGWAN).units
    assert units["张湾区政务服务中心大厅知识产权咨询服务窗口"]["role"] == "window"
    assert units["张湾区市场监管局知识产权股"]["role"] == "section"
    assert units["区政务服务中心大厅知识产权咨询服务窗口"]["bureau"] == "张湾区市场监管局"
