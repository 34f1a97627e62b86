"""Witnesses: for every branch of every rule, a smallest ledger that takes it (`iprules lint --deep`)."""
