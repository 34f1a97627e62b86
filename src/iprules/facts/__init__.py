"""Records become facts: flat dicts the engine can match, one per atomic statement.

This is where everything the engine cannot do happens, as named derivations a rule may use:
reference data joined in (a staff member's rank from the roster and the policy's ranking of
positions; a unit's organisation and role from the policy's unit list), dates as day numbers,
the order in which people were asked. `FACT_TYPES` is the closed list of fact types and
fields that rule files may mention; the rule loader rejects anything else.

Each module of this package covers some record kinds: its `FACT_TYPES` and its
`add_facts(result, entries, reference)`. Adding one is adding it to `_MODULES`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from iprules.facts import commitment, disputes, first_inquiry, protection, service, station
from iprules.facts.base import COMMON_FIELDS, CaseFacts, FactType, FieldSpec, Reference
from iprules.ledger.entry import Entry

_MODULES: tuple[ModuleType, ...] = (first_inquiry, disputes, station, commitment, protection, service)

FACT_TYPES: dict[str, FactType] = {
    name: spec for module in _MODULES for name, spec in module.FACT_TYPES.items()
}
# the interpretations whose alternative lives in facts code (`Reference.reads_alternative`), by
# module: a module's READINGS names each reading its code branches on
FACT_MODULES: set[str] = {m.__name__.rsplit(".", 1)[-1] for m in _MODULES}
FACT_READINGS: dict[str, str] = {
    reading: m.__name__.rsplit(".", 1)[-1] for m in _MODULES for reading in getattr(m, "READINGS", ())
}
_ADDERS: tuple[Callable[[CaseFacts, list[Entry], Reference], None], ...] = tuple(
    m.add_facts for m in _MODULES
)

__all__ = [
    "FACT_MODULES",
    "FACT_READINGS",
    "FACT_TYPES",
    "CaseFacts",
    "FactType",
    "FieldSpec",
    "Reference",
    "case_facts",
    "field_spec",
]


def field_spec(fact_type: str, name: str) -> FieldSpec | None:
    if name in COMMON_FIELDS:
        return COMMON_FIELDS[name]
    spec = FACT_TYPES.get(fact_type)
    return spec.fields.get(name) if spec else None


def case_facts(case: str, entries: list[Entry], reference: Reference) -> CaseFacts:
    """Normalise one case's entries (in ledger order) into facts, module by module."""
    result = CaseFacts(case)
    for add in _ADDERS:
        add(result, entries, reference)
    return result
