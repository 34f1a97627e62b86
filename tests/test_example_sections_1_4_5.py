"""The example ledger's stations, commitments and protection cases, judged by a plain reading of
一, 四 and 五 (the expected verdicts come from the clause text, not from the engine)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iprules.check import check
from iprules.cli import main
from iprules.facts.base import Reference, staff_fields
from iprules.facts.commitment import _phone_published
from iprules.ledger.model import StaffRecord
from iprules.ledger.template import LISTS_SHEET
from iprules.policy.load import load_policy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def verdicts() -> dict[tuple[str, str], set[str]]:
    report = check(
        [ROOT / "examples" / "台账.jsonl"], load_policy(ROOT / "rules" / "maojian"), dt.date(2026, 11, 25)
    )
    found: dict[tuple[str, str], set[str]] = {}
    for finding in report.findings:
        found.setdefault((finding.case, finding.rule), set()).add(finding.verdict)
    return found


def test_a_12_square_metre_office_is_too_small_and_a_borrowed_meeting_room_is_not_fixed(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("工作站-东城经济开发区", "station-office-area")] == {"compliant"}
    assert verdicts[("工作站-茅塔乡", "station-office-area")] == {"violation"}
    assert verdicts[("工作站-汽车工业园", "station-office-area")] == {"violation"}


def test_three_full_time_staff_counted_from_their_names_meet_1_to_2_read_as_a_minimum(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("工作站-白浪经济开发区", "station-full-time-staff")] == {"compliant"}
    assert verdicts[("工作站-茅塔乡", "station-full-time-staff")] == {"violation"}


def test_signage_not_checked_is_undetermined_and_missing_signage_is_a_violation(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("工作站-白浪经济开发区", "station-signage")] == {"undetermined"}
    assert verdicts[("工作站-茅塔乡", "station-signage")] == {"violation"}


def test_a_station_that_reported_one_of_four_dispute_leads_breaks_s1_5(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("工作站-茅塔乡", "station-dispute-leads-reported")] == {"violation"}
    assert verdicts[("工作站-东城经济开发区", "station-dispute-leads-reported")] == {"compliant"}


def test_the_guide_missing_from_the_bulletin_board_and_a_misprinted_phone_break_s4(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("承诺公示-2026", "commitment-published-on-both")] == {"violation"}
    assert verdicts[("承诺公示-2026", "commitment-shows-complaint-phone")] == {"compliant"}
    assert verdicts[("承诺公示-2026-复查", "commitment-shows-complaint-phone")] == {"violation"}


def test_a_recheck_that_recorded_only_the_commitment_rules_cannot_say_the_guide_is_published(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    # 四.5 names both items; the re-check has no record of the service guide
    assert verdicts[("承诺公示-2026-复查", "commitment-published-on-both")] == {"undetermined"}


def test_a_check_finding_both_items_in_both_places_and_the_number_beside_12315_meets_s4_5_and_s4_7(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("承诺公示-2025", "commitment-published-on-both")] == {"compliant"}
    assert verdicts[("承诺公示-2025", "commitment-shows-complaint-phone")] == {"compliant"}


def test_consultations_asked_for_and_not_answered_break_s1_3_and_a_lead_never_mediated_breaks_s1_5(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("工作站-茅塔乡", "station-consulting")] == {"violation"}  # 3 asked, none answered
    assert verdicts[("工作站-东城经济开发区", "station-consulting")] == {"compliant"}
    assert verdicts[("工作站-茅塔乡", "station-dispute-mediation")] == {"violation"}
    assert verdicts[("工作站-东城经济开发区", "station-dispute-mediation")] == {"compliant"}
    # a lead that awaits mediation: the document sets no period, so it is not yet a breach
    assert verdicts[("工作站-白浪经济开发区", "station-dispute-mediation")] == {"undetermined"}
    assert verdicts[("工作站-茅塔乡", "station-rapid-mechanism")] == {"violation"}
    assert verdicts[("工作站-茅塔乡", "station-protection-resources")] == {"violation"}


def test_the_protection_list_needs_one_party_group_member_per_enterprise(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    # a 股长, and no one at all, are not party-group members; one enterprise has two members
    assert "violation" in verdicts[("保护名单-2026", "protection-list-liaison-member")]
    assert "violation" in verdicts[("保护名单-2026", "protection-list-one-member-each")]
    # measures not yet made while the list's year runs are not a breach yet
    assert verdicts[("保护名单-2026", "protection-list-joint-measures")] == {"compliant", "undetermined"}
    assert verdicts[("保护名单-2026", "protection-list-determined")] == {"compliant"}
    assert verdicts[("保护名单-2025", "protection-list-determined")] == {"violation"}
    assert verdicts[("保护名单-2025", "protection-list-joint-measures")] == {"violation"}  # its year is over


def test_a_complaint_a_supervision_office_took_and_judged_itself_breaks_s4_7(
    verdicts: dict[tuple[str, str], set[str]],
) -> None:
    assert verdicts[("MJ-2026-201", "service-complaint-accepted-by-office")] == {"compliant"}
    assert verdicts[("MJ-2026-202", "service-complaint-accepted-by-office")] == {"violation"}
    assert verdicts[("MJ-2026-202", "service-complaint-determined-by-office")] == {"violation"}
    assert verdicts[("MJ-2026-203", "service-conduct-no-valid-complaint")] == {"violation"}
    # found valid by the supervision office itself, not in a determination the bureau office organised
    assert verdicts[("MJ-2026-202", "service-conduct-no-valid-complaint")] == {"undetermined"}
    assert verdicts[("MJ-2026-204", "service-conduct-no-valid-complaint")] == {"undetermined"}


def test_applicants_and_requests_under_5(verdicts: dict[tuple[str, str], set[str]]) -> None:
    assert verdicts[("MJ-2026-211", "applicant-risk-training")] == {"violation"}
    assert verdicts[("MJ-2026-212", "applicant-risk-training")] == {"undetermined"}  # its year is not over
    # recorded 否 in 2026: not provided yet, and the year of the request is not over (s5-requests-by-year-end)
    assert verdicts[("MJ-2026-221", "key-enterprise-support-provided")] == {"undetermined"}
    # asked for in 2025 and still 否: the year of the request is over
    assert verdicts[("MJ-2025-221", "key-enterprise-support-provided")] == {"violation"}
    assert verdicts[("MJ-2025-223", "key-enterprise-trade-protection-provided")] == {"violation"}
    assert verdicts[("MJ-2025-225", "key-enterprise-dispute-consulting-provided")] == {"violation"}
    assert verdicts[("MJ-2025-227", "platform-infringement-consulting-provided")] == {"violation"}
    assert verdicts[("MJ-2026-226", "platform-infringement-consulting-provided")] == {"compliant"}
    assert verdicts[("MJ-2026-210", "applicant-risk-training")] == {"compliant"}  # trained in 2025, its year
    assert verdicts[("送政策进企业-2025", "policy-outreach-held")] == {"compliant"}
    assert verdicts[("送政策进企业-2026", "policy-outreach-held")] == {"undetermined"}  # the year is not over
    assert verdicts[("送政策进企业-2024", "policy-outreach-held")] == {"violation"}
    assert verdicts[("MJ-2026-230", "platform-referral-fast-track-sought")] == {"compliant"}
    assert verdicts[("MJ-2026-231", "platform-referral-fast-track-sought")] == {"violation"}


def test_key_enterprise_disputes_under_5_4(verdicts: dict[tuple[str, str], set[str]]) -> None:
    trademark, patent = "key-enterprise-trademark-dispute-unit", "key-enterprise-patent-dispute-unit"
    assert verdicts[("MJ-2026-011", trademark)] == {"compliant"}
    assert verdicts[("MJ-2026-013", trademark)] == {"violation"}  # the city took a trademark dispute
    assert verdicts[("MJ-2026-016", patent)] == {"violation"}  # the district brigade took a patent one
    # cooperation is owed when the city asks: asked and none recorded is a breach, not asked is none
    assert verdicts[("MJ-2026-017", patent)] == {"violation"}
    assert verdicts[("MJ-2026-014", patent)] == {"compliant"}
    assert verdicts[("MJ-2026-019", trademark)] == {"undetermined"}  # no handling unit recorded
    assert verdicts[("MJ-2026-019", "key-enterprise-case-speed")] == {"violation"}  # open beyond 90 days
    assert verdicts[("MJ-2026-017", "key-enterprise-case-speed")] == {"compliant"}
    assert ("MJ-2026-018", patent) not in verdicts  # not a key enterprise
    assert verdicts[("MJ-2026-232", "key-enterprise-case-speed")] == {
        "compliant"
    }  # a counterfeit report, 27 days


def test_the_roster_records_a_party_group_seat_beside_the_ranked_post(tmp_path: Path) -> None:
    """党组成员 is a party post, not an administrative position: the template's roster offers it
    in its own 党组职务 column (from the policy's party_group_posts), 二 ranks the 职务 alone, and
    四.2 counts the seat."""
    policy = load_policy(ROOT / "rules" / "maojian")
    path = tmp_path / "模板.xlsx"
    assert main(["template", str(path)]) == 0
    book = load_workbook(path)
    header = [cell.value for cell in book["人员"][1]]
    assert "党组职务" in header and "党组成员" not in policy.positions
    lists = book[LISTS_SHEET]
    column = next(col for col in lists.iter_cols() if col[0].value == "staff.party_post")
    assert [cell.value for cell in column[1:] if cell.value] == policy.parameters["party_group_posts"]

    clerk = StaffRecord(type="staff", name="何平", position="科员", party_post="党组成员")
    reference = Reference(positions=policy.positions, units=policy.units, roster={"何平": clerk})
    assert staff_fields("何平", reference)["rank"] == policy.positions["科员"]  # 二: the post ranks

    ledger = tmp_path / "挂联.jsonl"
    ledger.write_text(
        '{"type":"staff","name":"何平","position":"科员","party_post":"党组成员"}\n'
        '{"type":"liaison","case":"名单-2026","enterprise":"甲公司","member":"何平","measures":"是"}\n'
        '{"type":"staff","name":"赵磊","position":"科员"}\n'
        '{"type":"liaison","case":"名单-2026b","enterprise":"乙公司","member":"赵磊","measures":"是"}\n',
        encoding="utf-8",
    )
    found = {(f.case, f.rule): f.verdict for f in check([ledger], policy, dt.date(2026, 11, 25)).findings}
    assert found[("名单-2026", "protection-list-liaison-member")] == "compliant"
    assert found[("名单-2026b", "protection-list-liaison-member")] == "violation"


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        ("0719-8693328", True),
        ("8693328", True),  # the area code left out
        ("0719-8693328转8001", True),  # an extension
        ("（0719）8693328 12315", True),
        ("07198693328", True),
        ("１２３１５、０７１９－８６９３３２８", True),  # full-width, beside another number
        ("12315 8693328", True),  # 12315 is another number, not an area code
        ("0718-8693328", False),  # another area code: another number
        ("86933281", False),  # the digits must be the whole run
        ("0719-8693382", False),
    ],
)
def test_the_complaint_phone_is_found_as_a_whole_number_whatever_the_writing(
    published: str, shown: bool
) -> None:
    assert _phone_published(published, "0719-8693328") is shown
