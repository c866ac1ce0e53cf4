"""The catalogue cache runs no code someone else planted (issue 19, class 5).

A cache entry is a pickle, and loading a pickle can run code. Its name and key are
predictable from public facts, so with MLPATH_CACHE_DIR on a shared folder anyone who
can write there could plant one. An entry is loaded only from a folder and a file that
belong to the user and that nobody else can write; temp files are created exclusively.
"""

from __future__ import annotations

import os
import pathlib
import pickle
from pathlib import Path

import pytest

from mlpath.catalogue import cache
from mlpath.catalogue.load import ROADMAP, SECTORS, default_data_dir, load_catalog
from mlpath.catalogue.model import Catalog


class Planted:
    """Touches a file when unpickled: stands for any code an attacker would run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return pathlib.Path.touch, (self.marker,)


def plant(folder: Path, marker: Path) -> Path:
    data = default_data_dir()
    key = cache.key(data / ROADMAP, data / SECTORS)
    path = cache._file(data)
    assert key is not None and path is not None and path.parent == folder
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(key + pickle.dumps(Planted(marker)))
    return path


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "shared-cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
    return folder


def planted_and_loaded(cache_dir: Path, tmp_path: Path, folder_mode: int, file_mode: int,
                       owner: int | None = None) -> tuple[Path, Path]:
    """Plant an entry with these modes (and owner), load the catalogue; the planted code
    must not have run. Returns (entry, marker)."""
    marker = tmp_path / "code-ran"
    entry = plant(cache_dir, marker)
    cache_dir.chmod(folder_mode)
    entry.chmod(file_mode)
    if owner is not None:
        os.chown(entry, owner, owner)
    assert isinstance(load_catalog(), Catalog)
    assert not marker.exists(), "the planted pickle ran"
    return entry, marker


def test_a_pickle_in_a_world_writable_folder_is_not_loaded(cache_dir: Path,
                                                           tmp_path: Path) -> None:
    entry, marker = planted_and_loaded(cache_dir, tmp_path, 0o777, 0o644)
    assert entry.read_bytes().endswith(pickle.dumps(Planted(marker))), \
        "mlpath wrote into a folder others can write to"


def test_a_group_writable_cache_file_is_not_loaded(cache_dir: Path, tmp_path: Path) -> None:
    planted_and_loaded(cache_dir, tmp_path, 0o700, 0o664)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_a_cache_file_owned_by_someone_else_is_not_loaded(cache_dir: Path,
                                                          tmp_path: Path) -> None:
    planted_and_loaded(cache_dir, tmp_path, 0o755, 0o644, owner=65534)  # nobody


def test_a_symlinked_cache_file_is_not_followed(cache_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "code-ran"
    elsewhere = plant(cache_dir, marker).rename(tmp_path / "elsewhere.pickle")
    cache_dir.chmod(0o700)
    cache._file(default_data_dir()).symlink_to(elsewhere)  # type: ignore[union-attr]
    assert isinstance(load_catalog(), Catalog)
    assert not marker.exists(), "the planted pickle ran"


def test_the_users_own_private_cache_is_used_and_private(cache_dir: Path) -> None:
    first = load_catalog()
    entry = cache._file(default_data_dir())
    assert entry is not None and entry.exists()
    assert not cache_dir.stat().st_mode & 0o077, "a new cache folder is private"
    data = default_data_dir()
    again = cache.load(data, cache.key(data / ROADMAP, data / SECTORS))
    assert again is not None and again == first
