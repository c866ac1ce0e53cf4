"""The `mlpath` command's entry point: `--version` answers before the CLI framework loads
(typer is most of a run's start-up, and a version check needs none of it)."""

import sys


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        from mlpath import __version__

        sys.stdout.write(f"mlpath {__version__}\n")
        return 0
    from mlpath.cli import main as run

    return run()
