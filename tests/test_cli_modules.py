"""The command table in mlpath.cli names, for each module, exactly the commands it adds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

from conftest import Result

from mlpath.cli import COMMAND_MODULES

LIST = """
import importlib, json, sys
from mlpath.cli import app
importlib.import_module("mlpath.cli." + sys.argv[1])
names = [c.name or c.callback.__name__ for c in app.registered_commands]
names += [g.name or g.typer_instance.info.name for g in app.registered_groups]
print(json.dumps(names))
"""


def test_each_module_registers_the_commands_the_table_says() -> None:
    every = set()
    for module, commands in COMMAND_MODULES.items():
        run = subprocess.run([sys.executable, "-c", LIST, module], capture_output=True,
                             text=True, check=True)
        registered = set(json.loads(run.stdout))  # a module may load another's (export: plan)
        assert set(commands) <= registered, module
        every |= registered
    assert every == {name for names in COMMAND_MODULES.values() for name in names}


# That a run loads only its own command's module is checked in tests/test_imports.py.
def test_help_lists_every_command(cli: Callable[..., Result]) -> None:
    out = cli("--help").out
    for commands in COMMAND_MODULES.values():
        for name in commands:
            assert name in out
