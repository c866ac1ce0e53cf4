"""What every command shares: the --data-dir option, loading, and writing output."""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from mlpath.catalogue.model import Catalog

# The same name as mlpath.catalogue.load.DATA_DIR_ENV (a test checks): importing it here
# would load the catalogue code for `--version` and `--help` too.
DATA_DIR_ENV = "MLPATH_DATA_DIR"

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", envvar=DATA_DIR_ENV, metavar="DIR", show_envvar=True,
                 help="Folder holding roadmap.yaml and sectors.yaml (a fork of the shipped data)."),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for programs instead of tables.")]


def complete(kind: str) -> Callable[[str], list[tuple[str, str]]]:
    """A shell-completion callback for `kind` (skill, skill-list, know, sector, region,
    background, role, cloud, format); the completion code is imported on its first call."""
    def run(incomplete: str) -> list[tuple[str, str]]:
        from mlpath.cli.completion import candidates  # only when the shell asks

        return candidates(kind, incomplete)
    return run


def catalog(data_dir: Path | None) -> "Catalog":
    # here, not at the top: --version, --help and usage errors never load the catalogue
    from mlpath.catalogue.load import load_catalog

    return load_catalog(data_dir)


def console(stderr: bool = False) -> "Console":
    from rich.console import Console  # rich (~2x `python -c pass`): not for JSON or help

    # Rich honours NO_COLOR and drops colour on pipes; 80 columns when width is unknown.
    # markup=False: data text is never read as rich markup (styles come from Text objects).
    return Console(stderr=stderr, highlight=False, soft_wrap=False, markup=False, emoji=False)


def show(renderable: Any) -> None:
    """Print rich output; to a pipe or file, without the spaces rich pads lines with."""
    con = console()
    if con.is_terminal:
        con.print(renderable)
        return
    with con.capture() as captured:
        con.print(renderable)
    lines = [line.rstrip() for line in captured.get().splitlines()]
    sys.stdout.write("\n".join(lines) + "\n")


def width() -> int:
    return console().width


def print_json(value: Any) -> None:
    from mlpath.formats.json import dumps  # only --json and JSON output need it

    sys.stdout.write(dumps(value))
