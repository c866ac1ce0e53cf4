"""Reading an exported plan back: which skills are ticked off, and the recorded profile."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlpath.catalogue import model as m
from mlpath.errors import FileError
from mlpath.formats.markdown.read import check, parse, read, recorded_profile
from mlpath.formats.markdown.write import plan_markdown
from mlpath.person.profile import make_profile
from mlpath.planning import build_plan


@pytest.fixture(scope="module")
def exported(catalog: m.Catalog) -> str:
    profile = make_profile(catalog, sector="finance", start="2027-01-04",
                           background="software-engineer", region="uk")
    return plan_markdown(build_plan(catalog, profile), catalog)


def tick(text: str, skill: str, parts: list[int] | None = None, mark: str = "x",
         to: int | None = None) -> str:
    """Tick the boxes of `skill` (all of them, or the given parts of the pass `to`)."""
    def sub(match: re.Match[str]) -> str:
        line = match.group(0)
        found = re.search(r"part=(\d+)/", line)
        assert found is not None, line
        part = int(found.group(1))
        return line.replace("- [ ]", f"- [{mark}]", 1) if parts is None or part in parts else line
    level = "" if to is None else f"to={to} "
    return re.sub(rf"^- \[ \] .*mlpath:skill={re.escape(skill)} {level}.*$", sub, text,
                  flags=re.M)


def test_fresh_export_has_every_week_and_nothing_ticked(exported: str) -> None:
    plan = parse(exported, "plan.md")
    assert plan.tasks and not any(t.ticked for t in plan.tasks)
    assert plan.reached() == {}
    passes = [i for i in plan.items() if i.key == "ml-algorithms"]
    assert [i.to_level for i in passes] == [2, 3]  # basics first, depth later
    assert passes[-1].parts >= 2
    keys = {i.key.split(":")[0] for i in plan.items()}
    assert {"project", "task", "review"} <= keys


def test_a_skill_counts_when_all_its_weeks_are_ticked(exported: str) -> None:
    text = tick(tick(tick(exported, "sql"), "statistics", mark="X"), "ml-algorithms", [1],
                to=3)
    plan = parse(text, "plan.md")
    assert plan.reached() == {"sql": 3, "statistics": 2}
    partial = [i for i in plan.items() if i.key == "ml-algorithms"][-1]
    assert (partial.ticked, partial.parts >= 2, partial.reached) == (1, True, False)
    # all of the first pass ticked: the skill is at basic level
    assert parse(tick(exported, "ml-algorithms", to=2), "plan.md").reached() == {
        "ml-algorithms": 2}


def test_a_deleted_week_line_keeps_the_skill_open(exported: str) -> None:
    text = tick(exported, "ml-algorithms", to=3)
    parts = [i for i in parse(text, "plan.md").items() if i.key == "ml-algorithms"][-1].parts
    text = "\n".join(line for line in text.splitlines()
                     if f"skill=ml-algorithms to=3 part={parts}/{parts}" not in line)
    assert "ml-algorithms" not in parse(text, "plan.md").reached()


@pytest.mark.parametrize("variant", [
    "* [x] Week 1 (2027-01-04) · SQL 2→3 (15 h) <!-- mlpath:skill=sql to=3 part=1/1 -->",
    "  - [x] Week 1 · SQL <!-- mlpath:skill=sql to=3 part=1/1 --> ✅ 2027-01-09",
    "1. [X] SQL <!--mlpath:skill=sql to=3 part=1/1-->",
])
def test_editor_variants_of_a_ticked_line(variant: str) -> None:
    text = f"<!-- mlpath:plan format=1 -->\n{variant}\n"
    assert parse(text, "plan.md").reached() == {"sql": 3}


@pytest.mark.parametrize("line", [
    "- [ ] SQL <!-- mlpath:skill=sql to=3 part=1/1 -->",
    "- [/] SQL <!-- mlpath:skill=sql to=3 part=1/1 -->",
    "SQL done <!-- mlpath:skill=sql to=3 part=1/1 -->",
])
def test_not_ticked(line: str) -> None:
    assert parse(f"<!-- mlpath:plan format=1 -->\n{line}\n", "plan.md").reached() == {}


def test_recorded_profile(exported: str, catalog: m.Catalog) -> None:
    profile = recorded_profile(parse(exported, "plan.md"), catalog)
    assert profile is not None
    assert (profile.sector, profile.region, profile.background) == (
        "finance", "uk", "software-engineer")
    assert profile.levels["python"] == 3
    bare = "\n".join(line for line in exported.splitlines() if "mlpath:profile" not in line)
    assert recorded_profile(parse(bare, "plan.md"), catalog) is None


BAD = [
    ("# My notes\n- [x] learn python\n", "notes.md is not a plan exported by mlpath"),
    ("<!-- mlpath:plan format=2 -->\n", "newer or unknown mlpath (format 2)"),
    ("<!-- mlpath:plan format=1 -->\n- [x] <!-- mlpath:skill=sql to=3 -->\n",
     "notes.md:2: a damaged mlpath marker"),
    ("<!-- mlpath:plan format=1 -->\n- [x] <!-- mlpath:skill=sql to=3 part=3/2 -->\n",
     "notes.md:2: a damaged mlpath marker"),
    ("<!-- mlpath:plan format=1 -->\n\n- [x] <!-- mlpath:skill=sql to=9 part=1/1 -->\n",
     "notes.md:3: level 9 for 'sql' is out of range (0-4)"),
    ("<!-- mlpath:plan format=1 -->\n<!-- mlpath:profile {not json} -->\n",
     "notes.md:2: the recorded profile is not valid JSON"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[b[1][:30] for b in BAD])
def test_bad_files(text: str, message: str) -> None:
    with pytest.raises(FileError) as err:
        parse(text, "notes.md")
    assert message in err.value.message and err.value.exit_code == 1


def test_unknown_skill_names_its_line(catalog: m.Catalog) -> None:
    text = "<!-- mlpath:plan format=1 -->\n- [x] <!-- mlpath:skill=pytroch to=3 part=1/1 -->\n"
    with pytest.raises(FileError, match=r"plan.md:2: Unknown skill 'pytroch'. Did you mean"):
        check(parse(text, "plan.md"), catalog)


@pytest.mark.parametrize(("profile", "message"), [
    ('{"sector": "space", "start": "2027-01-04"}', "Unknown sector 'space'"),
    ('{"sector": "finance", "start": "soon"}', "must be a date"),
    ('{"sector": "finance", "start": "2027-01-04", "levels": {"python": 7}}', "from 0 to 4"),
    ('{"sector": "finance", "start": "2027-01-04", "levels": [1]}', "'levels' must map skills"),
])
def test_unusable_recorded_profile(profile: str, message: str, catalog: m.Catalog) -> None:
    text = f"<!-- mlpath:plan format=1 -->\n<!-- mlpath:profile {profile} -->\n"
    with pytest.raises(FileError, match="the recorded profile is unusable") as err:
        recorded_profile(parse(text, "plan.md"), catalog)
    assert message in err.value.message


def test_read_missing_directory_and_binary(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="does not exist"):
        read(tmp_path / "missing.md")
    with pytest.raises(FileError, match="is a directory"):
        read(tmp_path)
    binary = tmp_path / "plan.md"
    binary.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(FileError, match="is not a plan exported by mlpath"):
        read(binary)
