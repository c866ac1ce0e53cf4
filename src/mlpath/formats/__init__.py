"""Output formats of a plan: one module per format, found by name or by a file's suffix.

Each format module has `render(plan, cat) -> str`; one that is read back (the Markdown
checklist) owns its reader too. Modules are imported only when used, so `--help` and a
JSON plan never load rich.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalogue.model import Catalog
    from mlpath.planning.model import Plan


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    suffixes: tuple[str, ...]
    description: str

    def render(self, plan: Plan, cat: Catalog) -> str:
        render = importlib.import_module(self.module).render
        text: str = render(plan, cat)
        return text


FORMATS = {f.name: f for f in (
    Format("text", "mlpath.formats.text", (".txt",), "for people (a file gets every week)"),
    Format("markdown", "mlpath.formats.markdown", (".md", ".markdown"),
           "a checklist to tick off; 'mlpath progress sync' reads it back"),
    Format("json", "mlpath.formats.json", (".json",), "for programs, with stable keys"),
    Format("ics", "mlpath.formats.ics", (".ics",),
           "your calendar: the weeks, milestones and a weekly study block"),
)}


SUFFIXES = ", ".join(s for f in FORMATS.values() for s in f.suffixes)


def by_name(name: str) -> Format:
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)} (got '{name}').")
    return found


def for_output(output: Path | None, name: str | None, default: str = "text") -> Format:
    """--format when given; else what the output file's suffix says (a file without one
    gets `default`); else `default`. An unknown suffix is a usage error."""
    if name is not None:
        return by_name(name)
    suffix = output.suffix.lower() if output is not None else ""
    if not suffix:
        return FORMATS[default]
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    raise UsageError(f"mlpath cannot write '{suffix}' files: give --output one of {SUFFIXES}, "
                     f"or say the format with --format {'|'.join(FORMATS)}.")
