"""`--format ics` / `-o plan.ics`: the plan as a calendar that imports and re-imports."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

from icalendar import Calendar

from mlpath.catalogue.model import Catalog
from mlpath.formats import FORMATS
from mlpath.person.profile import make_profile
from mlpath.planning import build_plan

START = "2027-01-01"  # a Friday: weeks run Friday to Thursday


def _events(text: str) -> dict[str, dict[str, object]]:
    cal = Calendar.from_ical(text)
    out = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        assert uid not in out, f"duplicate UID {uid}"
        out[uid] = {"summary": str(ev["SUMMARY"]), "start": ev.decoded("DTSTART"),
                    "end": ev.decoded("DTEND") if "DTEND" in ev else None,
                    "description": str(ev.get("DESCRIPTION", "")), "event": ev}
    return out


def test_every_week_milestone_and_the_applications_parse_back(catalog: Catalog) -> None:
    plan = build_plan(catalog, make_profile(catalog, sector="finance", start=START,
                                            hours_per_week=10))
    events = _events(FORMATS["ics"].render(plan, catalog))
    for week in plan.weeks:
        ev = events[f"week-{week.number}.finance@mlpath"]
        assert ev["start"] == week.start
        assert ev["end"] == week.start + dt.timedelta(days=7)
        assert str(ev["summary"]).startswith(f"Week {week.number}: ")
        for item in week.items:
            assert item.title in str(ev["summary"])
    first = events["week-1.finance@mlpath"]
    assert "Topics: " in str(first["description"]) and "https://" in str(first["description"])
    for ms in plan.milestones:
        assert events[f"milestone-{ms.step}.finance@mlpath"]["start"] == ms.date
    assert plan.apply_week  # the applications' week, not the CV's (weeks earlier)
    applying = plan.weeks[plan.apply_week - 1]
    assert any(i.key == "task:job-applications" for i in applying.items)
    assert events["applications.finance@mlpath"]["start"] == applying.start
    assert events["applications.finance@mlpath"]["summary"] == (
        "Start applying for ML engineer jobs")
    block = events["study-block.finance@mlpath"]
    assert block["start"] == dt.datetime(2027, 1, 1, 18, 0)
    rule = block["event"]["RRULE"]  # type: ignore[index]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["FR", "SA", "SU", "MO"]
    assert rule["COUNT"] == [plan.total_weeks * 4]
    event: Any = block["event"]
    assert event.decoded("DURATION") == dt.timedelta(minutes=150)
    assert len(events) == len(plan.weeks) + len(plan.milestones) + 2


def test_re_exporting_keeps_the_uids_of_the_same_events(catalog: Catalog) -> None:
    """After progress the plan is shorter: the weeks that remain keep their UIDs (the
    calendar updates them), and nothing in the file depends on the clock."""
    before = build_plan(catalog, make_profile(catalog, sector="finance", start=START))
    after = build_plan(catalog, make_profile(catalog, sector="finance", start=START,
                                             know="python=3,sql=3"))
    old, new = _events(FORMATS["ics"].render(before, catalog)), _events(
        FORMATS["ics"].render(after, catalog))
    assert set(new) < set(old)
    assert new["week-1.finance@mlpath"]["summary"] != old["week-1.finance@mlpath"]["summary"]
    assert FORMATS["ics"].render(after, catalog) == FORMATS["ics"].render(after, catalog)


def test_output_suffix_picks_the_calendar(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "plan.ics"
    result = cli("plan", "--sector", "healthcare", "--start", START, "-o", str(out))
    assert result.code == 0, result.err
    assert "(ics)" in result.err
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert "week-1.healthcare@mlpath" in _events(out.read_text())


def test_icalendar_is_loaded_only_for_a_calendar() -> None:
    code = ("import sys; from mlpath.cli import main; "
            "main(['plan', '--sector', 'tech', '--format', 'json', '--start', '2027-01-04']); "
            "sys.stderr.write(str('icalendar' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stderr.endswith("False")
