"""The code's shape: imports go one way, questionary stays in one module, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "mlpath"
# Lowest first: a layer imports only from layers at or below it (DESIGN, Shape of the code).
LAYERS = ["errors", "yamlio", "files", "catalogue", "person", "planning", "matching",
          "formats", "cli"]
MAX_LINES = 300


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "mlpath" else None


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{a.name}" for a in node.names if node.module == "mlpath"]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    if own not in LAYERS:
        return  # __init__, __main__: the package's entry points
    for target in imports(path):
        other = layer(target)
        if other in LAYERS:
            assert LAYERS.index(other) <= LAYERS.index(own), f"{own} imports {target}"


def test_only_prompts_imports_questionary() -> None:
    users = {p.relative_to(PACKAGE).as_posix() for p in modules()
             if any(t.split(".")[0] in ("questionary", "prompt_toolkit") for t in imports(p))}
    assert users == {"person/prompts.py"}


def test_planning_imports_no_rich_typer_or_io_libraries() -> None:
    for path in (PACKAGE / "planning").glob("*.py"):
        heavy = {t.split(".")[0] for t in imports(path)} & {"rich", "typer", "questionary",
                                                            "yaml", "json"}
        assert not heavy, path.name


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
