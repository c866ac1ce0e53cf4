"""Reading and writing files the user owns.

Writes are atomic (a temp file next to the real file, then os.replace: old or new, never
half) and keep what the user pointed at: a symlink stays a link and its target is
updated; a device or a FIFO is written in place, like the shell's `>`, never replaced by
a regular file. Reads of files mlpath finds on its own (data, profile) refuse anything
but a regular file, so a FIFO cannot hang a run, and stop at a size limit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from mlpath.errors import FileError

MAX_READ = 20_000_000  # far above any data file or profile; a bound, not a budget
LOCK_WAIT = 30.0  # seconds; a save takes well under one


@contextlib.contextmanager
def locked(folder: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold an exclusive lock on `folder` itself (flock on the folder: no lock file is
    left beside the user's files; released by the OS when the process ends, even by
    SIGKILL). Advisory: only mlpath runs take it. Where flock does not exist (Windows)
    or the file system refuses it, runs go on unlocked, as before."""
    try:
        import fcntl  # here: POSIX only, and a read-only run never locks
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise FileError(f"Another mlpath has been saving in {folder} for "
                                    f"{wait:.0f} s; try again when it has finished.") from None
                time.sleep(0.02)
            except OSError:  # ENOLCK, EOPNOTSUPP: a file system without locks
                break
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def read_regular(path: Path, limit: int = MAX_READ) -> bytes:
    """The bytes of a regular file; OSError for a folder, a FIFO, a device or > `limit`.

    Opened non-blocking: opening a FIFO with no writer would otherwise wait for ever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe or a device)", str(path))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // 1_000_000} MB", str(path))
    return data


def real_target(path: Path) -> Path:
    """The file a write must change: a symlink's final target, else `path` itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def atomic_write(path: Path, text: str, *, special: bool = False, durable: bool = True,
                 ) -> None:
    """Write `text` to `path` atomically (see the module doc); a symlink's target is
    written. `special`: a device or FIFO at `path` is written in place; otherwise it is
    refused (FileError), never replaced. `durable=False` skips the fsync (a file that
    is only a shortcut, where a power cut may lose it but never tear it).

    The file keeps its mode when it is replaced, and a new one gets the mode any program
    would give it under the user's umask (mkstemp alone would leave it 0600).
    """
    import tempfile  # here, not at the top: it costs ~2 ms of every run that only reads

    target = real_target(path)
    try:
        info: os.stat_result | None = target.stat()
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode) or not special:
            raise FileError(f"Cannot write {path}: it is not a regular file; "
                            "it was left as it is.")
        _write_in_place(path, target, text)
        return
    mode = info.st_mode & 0o7777 if info is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                   suffix=".tmp")  # O_EXCL: never someone else's file
    except OSError as exc:
        raise FileError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise FileError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def _write_in_place(path: Path, target: Path, text: str) -> None:
    """A device or FIFO: write to it as the shell would; a FIFO nobody reads is an error
    (opened non-blocking), not a hang."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        why = "no program is reading it" if exc.errno == errno.ENXIO else exc.strerror
        raise FileError(f"Cannot write {path}: {why or exc}.") from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
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
    if not real_target(path).parent.is_dir():
        raise FileError(f"Cannot write {path}: directory {path.parent} does not exist.")
    atomic_write(path, text, special=True)
