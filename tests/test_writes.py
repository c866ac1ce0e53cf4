"""Writes keep what the user pointed at, and the saved profile keeps what it holds
(issue 19, classes 2, 5 and 11): a symlinked export or profile stays a link with its
target updated; a FIFO is written in place or refused, never replaced by a file; keys
this mlpath does not know survive a save; the JSON twin is used only when it matches."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mlpath.catalogue.model import Catalog
from mlpath.person import store

PLAN = ["plan", "--sector", "finance", "--start", "2027-01-04", "--format", "markdown"]


def test_an_export_through_a_symlink_updates_the_target(cli: Callable[..., Any],
                                                         tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    real = vault / "plan.md"
    real.write_text("old notes\n")
    link = tmp_path / "plan.md"
    link.symlink_to(real)
    result = cli(*PLAN, "--output", str(link), "--force")
    assert result.code == 0, result.err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "mlpath:plan" in real.read_text()
    assert [p.name for p in vault.iterdir()] == ["plan.md"]  # no temp file left


def test_a_symlinked_profile_stays_a_link(cli: Callable[..., Any], tmp_path: Path,
                                          user_home: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    (dotfiles / "profile.yaml").write_bytes(store.profile_path().read_bytes())
    store.profile_path().unlink()
    store.profile_path().symlink_to(dotfiles / "profile.yaml")
    result = cli("progress", "set", "sql", "3")
    assert result.code == 0, result.err
    assert store.profile_path().is_symlink()
    assert "sql: 3" in (dotfiles / "profile.yaml").read_text()


def test_a_fifo_output_is_written_in_place_never_replaced(cli: Callable[..., Any],
                                                          tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    nobody = cli(*PLAN, "--output", str(pipe), "--force")
    assert nobody.code == 1 and "no program is reading it" in nobody.err
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    for _ in range(200):  # wait until the reader has the FIFO open
        result = cli(*PLAN, "--output", str(pipe), "--force")
        if result.code == 0:
            break
    reader.join(timeout=10)
    assert result.code == 0, result.err
    assert b"mlpath:plan" in received[0]
    assert stat.S_ISFIFO(pipe.stat().st_mode), "the FIFO was replaced by a file"


def test_a_symlink_to_a_fifo_keeps_both(cli: Callable[..., Any], tmp_path: Path) -> None:
    pipe = tmp_path / "device"  # stands for /dev/full: a path that is not a regular file
    os.mkfifo(pipe)
    link = tmp_path / "out.md"
    link.symlink_to(pipe)
    assert cli(*PLAN, "--output", str(link), "--force").code == 1  # nobody reads it
    assert link.is_symlink() and stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_profile_that_is_not_a_regular_file_is_never_replaced(
        catalog: Catalog, user_home: Path) -> None:
    from mlpath.errors import MlpathError
    from mlpath.person.profile import make_profile

    user_home.mkdir()
    os.mkfifo(store.profile_path())
    with pytest.raises(MlpathError, match="not a regular file"):
        store.save(store.new(make_profile(catalog, sector="finance", start="2027-01-04")))
    assert stat.S_ISFIFO(store.profile_path().stat().st_mode)


def test_unknown_top_level_keys_survive_a_save(cli: Callable[..., Any]) -> None:
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    path = store.profile_path()
    path.write_text(path.read_text() + "notes: from a newer mlpath\n")
    assert cli("progress", "set", "sql", "3").code == 0
    text = path.read_text()
    assert "notes: from a newer mlpath" in text and "sql: 3" in text


def test_the_json_twin_is_used_only_while_it_matches(catalog: Catalog, cli: Callable[..., Any],
                                                     user_home: Path) -> None:
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    twin = user_home / store.TWIN_NAME
    assert twin.exists()
    path = store.profile_path()
    path.write_text(path.read_text().replace("python: 2", "python: 4"))  # same size
    saved = store.load(catalog)
    assert saved is not None and saved.profile.levels["python"] == 4, "a stale twin was used"
    twin.write_text("{not json")
    saved = store.load(catalog)
    assert saved is not None and saved.profile.levels["python"] == 4


def test_a_returning_users_plan_does_not_import_yaml(cli: Callable[..., Any],
                                                     user_home: Path) -> None:
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    assert cli("plan", "--profile", "--format", "json").code == 0  # warm the catalogue cache
    code = ("import sys; from mlpath.cli import main; main(['plan', '--profile', '--format', "
            "'json']); sys.stdout.flush(); sys.stderr.write(str('yaml' in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "MLPATH_HOME": str(user_home)})
    assert run.returncode == 0 and run.stderr.endswith("False"), run.stderr


def test_an_export_to_a_device_writes_to_it_and_keeps_it(cli: Callable[..., Any],
                                                         tmp_path: Path) -> None:
    """`plan -o /dev/null --force` as root: a null device made in tmp_path stands for it."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device's numbers
        device.write_bytes(b"probe")  # a file system mounted nodev refuses to open it
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here (needs root and a dev-enabled mount)")
    result = cli(*PLAN, "--output", str(device), "--force")
    assert result.code == 0, result.err
    assert stat.S_ISCHR(device.stat().st_mode), "the device was replaced by a regular file"
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temp file left


def test_temp_files_of_killed_saves_are_swept_under_the_lock(cli: Callable[..., Any],
                                                             user_home: Path) -> None:
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    stale = [user_home / ".profile.yaml.k1ll3d.tmp", user_home / ".profile.yaml.bak.x.tmp",
             user_home / ".profile.json.abc.tmp"]
    for path in stale:
        path.write_text("half a profile")
    assert cli("progress", "set", "sql", "3").code == 0
    assert not [p for p in stale if p.exists()]
    assert sorted(p.name for p in user_home.iterdir()) == [
        "profile.json", "profile.yaml", "profile.yaml.bak"]
