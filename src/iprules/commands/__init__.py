"""The `iprules` commands beyond the core check, one module per family (the store's
history/diff/rectify, ...). Each module has `register(command, say)`, which adds its
sub-commands through `command(name, zh, en)` and returns {name: handler}; `iprules.cli`
calls it and dispatches. A new command is a new module and one line in `cli._parser`.
"""
