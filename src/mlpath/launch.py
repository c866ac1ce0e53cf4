"""The `mlpath` command's entry point: `--version` answers before the CLI framework loads
(typer is most of a run's start-up, and a version check needs none of it)."""

import gc
import sys


def main() -> int:
    # A run is short (most well under a second; even an `assess` session makes little
    # cyclic garbage), yet the cyclic collector ran ~50 times during start-up and once
    # more over ~25k objects at exit: about 2x `python -c pass` (docs/performance.md).
    # Reference counting still frees everything else, and every file is closed (and
    # written atomically) before main returns, so nothing waits on the collector.
    gc.disable()
    try:
        if sys.argv[1:] == ["--version"]:
            from mlpath import __version__  # without typer: see the docstring

            sys.stdout.write(f"mlpath {__version__}\n")
            return 0
        from mlpath.cli import main as run  # typer and the command

        return run()
    finally:
        # Moves every object to the permanent generation: the collection at interpreter
        # shutdown then has nothing left to walk.
        gc.freeze()
