"""The policy: clauses (from features/), rules (from rules/), parameters and readings."""
