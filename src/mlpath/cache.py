"""The validated catalogue, kept between runs so a run skips YAML and validation.

Importing yaml, parsing both files and validating them costs more than all the rest
of `mlpath plan --format json` (~50 ms against ~12 ms for `python -c pass`; see
README, Performance). The result changes only when the data files or the loader's
code change, so after a successful load the catalogue is pickled to the user cache
directory, keyed by the content (size and CRC-32) of both data files and of the
modules that decide what a valid catalogue is, the data folder, and mlpath's and
Python's versions (~0.4 ms to compute). Any difference, and any problem reading or
writing the cache, means a normal load: the cache can make a run faster, never
different. Problems are never cached, so a broken fork is reported in full each time.

MLPATH_CACHE_DIR moves the cache; MLPATH_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath import __version__

if TYPE_CHECKING:
    from mlpath.model import Catalog

CACHE_DIR_ENV, NO_CACHE_ENV = "MLPATH_CACHE_DIR", "MLPATH_NO_CACHE"
FORMAT = 1
# The modules that decide what a valid catalogue is and how it is built.
CODE = ("model.py", "schema.py", "specs.py", "checks.py", "data.py", "cache.py")


def cache_dir() -> Path | None:
    """MLPATH_CACHE_DIR, else the platform's user cache dir (~/.cache/mlpath on Linux)."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env)
    # The folders platformdirs.user_cache_dir gives, without its import (~5 ms a run).
    try:
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            return Path(local) / "mlpath" / "Cache" if local else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "mlpath"
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return (Path(xdg) if xdg else Path.home() / ".cache") / "mlpath"
    except RuntimeError:  # no home directory
        return None


def key(*files: Path) -> bytes | None:
    """What the cached catalogue must have been built from; None when it cannot be known."""
    here = Path(__file__).parent
    try:
        data = [(str(f.resolve()), *_digest(f)) for f in files]
        code = [_digest(here / name) for name in CODE]
    except (OSError, RuntimeError):
        return None
    return repr((FORMAT, __version__, sys.version_info[:2], data, code)).encode() + b"\n"


def _digest(path: Path) -> tuple[int, int]:
    # Content, not modification times: two edits within one clock tick keep the mtime.
    import zlib

    content = path.read_bytes()
    return len(content), zlib.crc32(content)


def _file(folder: Path) -> Path | None:
    import zlib

    base = cache_dir()
    if base is None:
        return None
    try:
        name = str(folder.resolve())
    except (OSError, RuntimeError):
        return None
    return base / f"catalog-{zlib.crc32(name.encode('utf-8', 'surrogateescape')):08x}.pickle"


def load(folder: Path, expected: bytes | None) -> Catalog | None:
    """The cached catalogue of `folder` if it was built from exactly `expected`, else None."""
    path = _file(folder) if expected is not None else None
    if path is None or expected is None:
        return None
    try:
        with path.open("rb") as handle:
            if handle.read(len(expected)) != expected:
                return None
            body = handle.read()
    except OSError:
        return None
    import pickle

    from mlpath.model import Catalog

    try:
        catalog = pickle.loads(body)
    except Exception:  # a damaged cache file is a cache miss, whatever pickle raises
        return None
    return catalog if isinstance(catalog, Catalog) else None


def store(folder: Path, key: bytes | None, catalog: Catalog) -> None:
    """Keep a validated catalogue for the next run; silently give up on any problem."""
    path = _file(folder) if key is not None else None
    if path is None or key is None:
        return
    import pickle

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        body = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as handle:
            handle.write(key + body)
        os.replace(tmp, path)  # readers see the old file or the new one, never half
    except (OSError, pickle.PicklingError, RecursionError):
        with contextlib.suppress(OSError):
            tmp.unlink()
