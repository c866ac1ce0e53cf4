"""Writing files the user owns: atomically, never silently over an existing one."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from mlpath.errors import FileError


def atomic_write(path: Path, text: str) -> None:
    """Write via a temp file in the same directory + os.replace: old or new, never half."""
    import tempfile  # here, not at the top: it costs ~2 ms of every run that only reads

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise FileError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def write_output(path: Path, text: str, *, force: bool) -> None:
    """Write an export; an existing file is kept unless `force`."""
    if path.is_dir():
        raise FileError(f"{path} is a directory; give a file name, e.g. {path / 'plan.md'}.")
    if path.exists() and not force:
        raise FileError(f"{path} already exists; add --force to overwrite it.")
    if not path.parent.is_dir():
        raise FileError(f"Cannot write {path}: directory {path.parent} does not exist.")
    atomic_write(path, text)
