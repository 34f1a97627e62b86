"""The case ledger: records as the bureau keeps them, each with where it came from."""
