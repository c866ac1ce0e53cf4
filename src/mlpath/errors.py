"""Errors mlpath reports to the user, each with its exit code (see DESIGN: CLI contract)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1  # data, profile or file problem
EXIT_USAGE = 2  # bad option or value
EXIT_INTERRUPTED = 130


class MlpathError(Exception):
    """A problem the user can fix; printed as one or two lines, never a traceback."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class DataError(MlpathError):
    """The roadmap/sector YAML is missing, malformed or inconsistent."""


class ProfileError(MlpathError):
    """The saved profile cannot be read or written."""


class FileError(MlpathError):
    """An input or output file cannot be used (exists, unwritable, not ours)."""


class UsageError(MlpathError):
    """A bad option value: unknown sector, skill, region, level out of range…"""

    exit_code = EXIT_USAGE


class Cancelled(MlpathError):
    """The user pressed Ctrl-C or Esc; nothing was saved."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self, message: str = "Cancelled — nothing saved.") -> None:
        super().__init__(message)
