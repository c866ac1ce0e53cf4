"""The validated catalogue, kept between runs so a run skips YAML and validation.

Importing yaml, parsing both files and validating them costs more than all the rest
of `mlpath plan --format json` (see docs/performance.md). The result changes only when
the data files or mlpath itself change, so after a successful load the catalogue is
pickled to the user cache directory (platformdirs), keyed by the content of both data
files, the data folder, Python's version and a fingerprint of the installed package
(every module's path, size and modification time: a new install or an edited
checkout changes it). Any difference, and any problem reading or writing the cache,
means a normal load: the cache can make a run faster, never different. Problems are
never cached, so a broken fork is reported in full each time. Writing a new entry
removes the entries of other installs that have not been used for 30 days.

MLPATH_CACHE_DIR moves the cache; MLPATH_NO_CACHE=1 turns it off.

Loading a pickle can run code, so a cache file is only loaded when nobody else could
have written it: the folder and the file must belong to the user running mlpath and
be writable by nobody else (no group or world write bit), and the file must be a
regular file, not a symlink (checked on the opened descriptors, so it cannot be
swapped between the check and the read). Anything else is a cache miss, and mlpath
does not write there either. New folders are made 0700; temp files are created with
O_EXCL. See docs/reliability.md for what a shared cache folder may contain.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
import time
import zlib
from pathlib import Path

from mlpath.catalogue.model import Catalog
from mlpath.files import read_regular

CACHE_DIR_ENV, NO_CACHE_ENV = "MLPATH_CACHE_DIR", "MLPATH_NO_CACHE"
FORMAT = 2
STALE_DAYS = 30
_PACKAGE = Path(__file__).resolve().parents[1]  # the installed mlpath package


def cache_dir() -> Path | None:
    """MLPATH_CACHE_DIR, else the platform's user cache dir (~/.cache/mlpath on Linux)."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir  # only when MLPATH_CACHE_DIR is unset

    try:
        return Path(user_cache_dir("mlpath", appauthor=False))
    except (OSError, RuntimeError):  # no home directory
        return None


def package_fingerprint(root: Path = _PACKAGE) -> list[tuple[str, int, int]]:
    """(path, size, mtime) of every module of the installed package, in a stable order."""
    found = []
    folders = [root]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and entry.name != "__pycache__":
                    folders.append(Path(entry.path))
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    found.append((os.path.relpath(entry.path, root), info.st_size,
                                  info.st_mtime_ns))
    return sorted(found)


def key(*files: Path) -> bytes | None:
    """What the cached catalogue must have been built from; None when it cannot be known."""
    try:
        data = [(str(f.resolve()), *_digest(f)) for f in files]
        code = package_fingerprint()
    except (OSError, RuntimeError):
        return None
    return repr((FORMAT, sys.version_info[:2], data, code)).encode() + b"\n"


def _digest(path: Path) -> tuple[int, int]:
    # Content, not modification times: two edits within one clock tick keep the mtime.
    content = read_regular(path)  # a FIFO or device is an OSError here, not a hang
    return len(content), zlib.crc32(content)


def _file(folder: Path) -> Path | None:
    base = cache_dir()
    if base is None:
        return None
    try:
        name = f"{folder.resolve()}|{_PACKAGE}"
    except (OSError, RuntimeError):
        return None
    return base / f"catalog-{zlib.crc32(name.encode('utf-8', 'surrogateescape')):08x}.pickle"


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else. Where ownership cannot be told
    (Windows: no geteuid), nothing is private, and the cache is not used."""
    if not hasattr(os, "geteuid"):
        return False
    return info.st_uid == os.geteuid() and not info.st_mode & 0o022


def _open_private(path: Path) -> int | None:
    """A read descriptor on `path` when it and its folder are private (see the module
    doc), else None; the checks use fstat on what was actually opened."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        folder = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        if not _private(os.fstat(folder)):
            return None
        fd = os.open(path.name, os.O_RDONLY | nofollow | getattr(os, "O_NONBLOCK", 0),
                     dir_fd=folder)
    except OSError:
        return None
    finally:
        os.close(folder)
    info = os.fstat(fd)
    if stat.S_ISREG(info.st_mode) and _private(info):
        return fd
    os.close(fd)
    return None


def load(folder: Path, expected: bytes | None) -> Catalog | None:
    """The cached catalogue of `folder` if it was built from exactly `expected`, else None."""
    path = _file(folder) if expected is not None else None
    if path is None or expected is None:
        return None
    fd = _open_private(path)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            if handle.read(len(expected)) != expected:
                return None
            body = handle.read()
    except OSError:
        return None
    try:
        catalog = pickle.loads(body)
    except Exception:  # a damaged cache file is a cache miss, whatever pickle raises
        return None
    if not isinstance(catalog, Catalog):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # "last used", for prune()
    return catalog


def store(folder: Path, key: bytes | None, catalog: Catalog) -> None:
    """Keep a validated catalogue for the next run; silently give up on any problem."""
    path = _file(folder) if key is not None else None
    if path is None or key is None:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        body = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(path.parent)):
            return  # a folder others can write to: never read from it, so never write
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(tmp, flags, 0o600), "wb") as handle:
            handle.write(key + body)
        os.replace(tmp, path)  # readers see the old file or the new one, never half
    except (OSError, pickle.PicklingError, RecursionError):
        with contextlib.suppress(OSError):
            tmp.unlink()
        return
    prune(path.parent, keep=path)


def prune(folder: Path, keep: Path, days: int = STALE_DAYS) -> None:
    """Remove the cached catalogues of other installs or forks unused for `days`."""
    limit = time.time() - days * 86400
    with contextlib.suppress(OSError):
        for entry in folder.glob("catalog-*.pickle"):
            if entry != keep and entry.stat().st_mtime < limit:
                entry.unlink()
