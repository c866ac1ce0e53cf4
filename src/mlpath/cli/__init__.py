"""The typer app: parse, call, render. The one place that turns MlpathError into exit codes."""

# No `from __future__ import annotations` in command modules: typer evaluates each
# annotation string twice on every run, for every command (see README, Performance).
import sys
from typing import Annotated

import typer

from mlpath import __version__
from mlpath.errors import EXIT_INTERRUPTED, EXIT_USAGE, Cancelled, MlpathError

app = typer.Typer(
    name="mlpath",
    help="Turn 'I want to become an ML engineer' into a personal, dated study plan.\n\n"
    "Start with 'mlpath assess' (interactive) or 'mlpath plan --sector finance'.",
    add_completion=False,
    no_args_is_help=True,
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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn 'I want to become an ML engineer' into a personal, dated study plan."""


def _register() -> None:
    # Importing a module adds its commands to `app`; none of them imports anything heavy.
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"mlpath.cli.{name}")


COMMAND_MODULES = [
    "catalogue",
    "planning",
    "export",
    "progress",
    "assess",
]


_register()


def report(err: MlpathError) -> None:
    """One or two plain lines on stderr (plus the list for data problems)."""
    first = err.message if err.exit_code == EXIT_INTERRUPTED else f"Error: {err.message}"
    lines = [first, *err.details]
    sys.stderr.write("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    # click is vendored in typer 0.26-0.28 (the pinned range); its exceptions live here.
    from typer._click import exceptions as click_errors

    try:
        result = app(args=argv, prog_name="mlpath", standalone_mode=False)
    except MlpathError as err:
        report(err)
        return err.exit_code
    except click_errors.NoArgsIsHelpError as err:
        err.show()  # `mlpath` alone prints the help, as --help does, but exits 2
        return err.exit_code
    except click_errors.UsageError as err:
        command = err.ctx.command_path if err.ctx else "mlpath"
        sys.stderr.write(f"Error: {err.format_message()}\nSee '{command} --help'.\n")
        return EXIT_USAGE
    except click_errors.ClickException as err:
        sys.stderr.write(f"Error: {err.format_message()}\n")
        return err.exit_code
    except typer.Abort:
        report(Cancelled("Cancelled."))
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else 0
