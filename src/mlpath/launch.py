"""The `mlpath` command's entry point: `--version` answers before the CLI framework loads
(typer is most of a run's start-up, and a version check needs none of it).

It is also the last line of defence for what happens outside any command: Ctrl-C while
the CLI is still importing (exit 130, one line), and an output that cannot be written
(`> /dev/full`, a closed pipe) — one line on stderr, not a traceback."""

import errno
import gc
import os
import sys

from mlpath import __version__

EXIT_ERROR, EXIT_INTERRUPTED = 1, 130  # as in mlpath.errors, not imported: start-up cost


def main() -> int:
    # A run is short (most well under a second; even an `assess` session makes little
    # cyclic garbage), yet the cyclic collector ran ~50 times during start-up and once
    # more over ~25k objects at exit: about 2x `python -c pass` (docs/performance.md).
    # Reference counting still frees everything else, and every file is closed (and
    # written atomically) before main returns, so nothing waits on the collector.
    gc.disable()
    try:
        if sys.argv[1:] == ["--version"]:
            sys.stdout.write(f"mlpath {__version__}\n")
            code = 0
        else:
            from mlpath.cli import main as run  # typer and the CLI: not for --version

            code = run()
        sys.stdout.flush()  # here, so that a full device is reported like any error
    except KeyboardInterrupt:
        sys.stderr.write("Cancelled.\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `mlpath plan | head`: the reader has what it wanted
        _drop_stdout()
        return EXIT_ERROR
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
            raise  # not an output problem: a bug, whose traceback is wanted
        sys.stderr.write(f"Error: cannot write the output: {exc.strerror or exc}.\n")
        _drop_stdout()
        return EXIT_ERROR
    finally:
        # Moves every object to the permanent generation: the collection at interpreter
        # shutdown then has nothing left to walk.
        gc.freeze()
    return code


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit fails no second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
