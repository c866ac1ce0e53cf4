"""Writing files the user owns: atomically, never silently over an existing one."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from mlpath.errors import FileError


def atomic_write(path: Path, text: str) -> None:
    """Write via a temp file in the same directory + os.replace: old or new, never half.

    The file keeps its mode when it is replaced, and a new one gets the mode any program
    would give it under the user's umask (mkstemp alone would leave it 0600).
    """
    import tempfile  # here, not at the top: it costs ~2 ms of every run that only reads

    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise FileError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def _umask() -> int:
    current = os.umask(0o022)  # the only way to read it is to set it: put it straight back
    os.umask(current)
    return current


def write_output(path: Path, text: str, *, force: bool) -> None:
    """Write an export; an existing file is kept unless `force`."""
    if path.is_dir():
        raise FileError(f"{path} is a directory; give a file name, e.g. {path / 'plan.md'}.")
    if path.exists() and not force:
        raise FileError(f"{path} already exists; add --force to overwrite it.")
    if not path.parent.is_dir():
        raise FileError(f"Cannot write {path}: directory {path.parent} does not exist.")
    atomic_write(path, text)
