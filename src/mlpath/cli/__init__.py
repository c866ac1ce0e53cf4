"""The typer app: parse, call, render. The one place that turns MlpathError into exit codes."""

# No `from __future__ import annotations` in command modules: typer evaluates each
# annotation string twice on every run, for every command (see README, Performance).
import importlib
import sys
from typing import Annotated

import typer

from mlpath import __version__
from mlpath.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, Cancelled, MlpathError

app = typer.Typer(
    name="mlpath",
    help="Turn 'I want to become an ML engineer' into a personal, dated study plan.\n\n"
    "Start with 'mlpath assess' (interactive) or 'mlpath plan --sector finance'.",
    # --install-completion and --show-completion (bash, zsh, fish): typer loads its
    # completion code on every run anyway; ours (cli/completion.py) only when completing.
    add_completion=True,
    invoke_without_command=True,
    # Plain click help: rich-formatted help doubles start-up time (see README, Performance).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"mlpath {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn 'I want to become an ML engineer' into a personal, dated study plan."""
    if ctx.invoked_subcommand is None:  # `mlpath` alone: the help, and success
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit()


# Each module adds its commands to `app` when imported. typer builds the parameters of
# every registered command on each run, so a run loads only the module of the command it
# runs (the root help and an unknown command load them all). tests/test_cli_modules.py
# checks this table against the commands each module registers.
COMMAND_MODULES = {
    "catalogue": ("roadmap", "skills", "sectors", "certs", "salary", "roles", "challenges",
                  "validate"),
    "planning": ("plan",),
    "export": ("export",),
    "progress": ("progress",),
    "assess": ("assess",),
    "match": ("match",),
}


def register(argv: list[str] | None = None) -> None:
    """Import the module of the command in `argv`, or every command module."""
    words = [a for a in (argv or []) if not a.startswith("-")]
    wanted = [mod for mod, names in COMMAND_MODULES.items() if words and words[0] in names]
    for name in wanted or COMMAND_MODULES:
        importlib.import_module(f"mlpath.cli.{name}")


def report(err: MlpathError) -> None:
    """One or two plain lines on stderr (plus the list for data problems)."""
    first = err.message if err.exit_code == EXIT_INTERRUPTED else f"Error: {err.message}"
    lines = [first, *err.details]
    sys.stderr.write("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    register(sys.argv[1:] if argv is None else argv)
    try:
        result = app(args=argv, prog_name="mlpath", standalone_mode=False)
    except MlpathError as err:
        report(err)
        return err.exit_code
    except typer.Abort:
        report(Cancelled("Cancelled."))
        return EXIT_INTERRUPTED
    except RecursionError:  # a file nested or chained thousands deep, wherever it is read
        report(MlpathError("The input is nested too deeply to read (thousands of levels of "
                           "brackets or a chain of prerequisites); it was left as it is."))
        return EXIT_ERROR
    except Exception as err:
        # A bad option or value, reported by click (which typer runs on; typer exposes no
        # public type for its errors): every such error has an exit code and a message.
        code, message = getattr(err, "exit_code", None), getattr(err, "format_message", None)
        if not isinstance(code, int) or not callable(message):
            raise  # a real bug: the traceback is wanted
        ctx = getattr(err, "ctx", None)
        hint = f"\nSee '{ctx.command_path} --help'." if code == EXIT_USAGE and ctx else ""
        sys.stderr.write(f"Error: {message()}{hint}\n")
        return code
    return result if isinstance(result, int) else 0
