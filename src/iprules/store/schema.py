"""The tables of the store of checks (SQLAlchemy Core), one place for their shape.

The migrations (`migrations/versions/`) create and change these tables; a test holds the two
together (tests/test_store.py: the migrated schema has every table and column named here).

A check is one row of `checks`; its inputs and findings hang off it and are written in the
same transaction, so a check is in the store whole or not at all. A finding keeps what a later
diff or 整改台账 needs without the policy at hand: its stable id, case, rule, branch, verdict,
clause ids, messages in both languages, interpretations cited, evidence and the rejected rows
that could have changed it.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

checks = Table(
    "checks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("recorded_by", String(200), nullable=False),
    Column("policy_name", String(200), nullable=False),
    Column("policy_version", String(64), nullable=False),
    Column("policy_title", Text, nullable=False),
    Column("iprules_version", String(40), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("violations", Integer, nullable=False),
    Column("undetermined", Integer, nullable=False),
    Column("compliant", Integer, nullable=False),
    Column("summary", JSON, nullable=False),
    # the rows this check recorded; a reader of the store compares it with the findings it finds
    Column("finding_count", Integer, nullable=False),
)

inputs = Table(
    "check_inputs",
    metadata,
    Column("check_id", Integer, ForeignKey("checks.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("file", Text, nullable=False),
    Column("bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("check_id", Integer, ForeignKey("checks.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("finding_id", String(40), nullable=False),
    Column("case_id", Text, nullable=False),
    Column("rule", String(200), nullable=False),
    Column("branch", String(200), nullable=False),
    Column("verdict", String(20), nullable=False),
    Column("clauses", JSON, nullable=False),
    Column("messages", JSON, nullable=False),
    Column("interpretations", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("affected_by", JSON, nullable=False),
    Index("findings_by_id", "finding_id"),
    Index("findings_by_case", "check_id", "case_id"),
)

rectifications = Table(
    "rectifications",
    metadata,
    Column("check_id", Integer, ForeignKey("checks.id", ondelete="CASCADE"), primary_key=True),
    Column("finding_id", String(40), primary_key=True),
    Column("case_id", Text, nullable=False),
    Column("rule", String(200), nullable=False),
    Column("clauses", JSON, nullable=False),
    Column("problem", Text, nullable=False),  # the finding's messages, in Chinese
    Column("unit", Text, nullable=True),
    Column("person", Text, nullable=True),
    Column("due", Date, nullable=True),
    Column("due_note", Text, nullable=True),  # why there is no due date (a year outside the calendar)
    Column("status", String(20), nullable=False),  # open, rectified, verified (overdue is derived)
    Column("note", Text, nullable=True),  # what the unit says it did
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("verified_by", Integer, ForeignKey("checks.id"), nullable=True),  # the later check
)
