"""Reports of a check, each in Chinese or English: text for the terminal, JSON for tools."""
