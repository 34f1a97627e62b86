"""One file per schema revision, applied in order by iprules.store.open_store."""
