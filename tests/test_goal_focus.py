"""Focus on the goal (issue 17): what a sector adds, the interview preparation a role
gets, when coding drills can start, and what "later, once hired" leaves out."""

from __future__ import annotations

import datetime as dt

from conftest import Run
from hypothesis import given, settings
from hypothesis import strategies as st

from mlpath.catalogue.load import load_catalog
from mlpath.person.profile import Profile, make_profile
from mlpath.planning import build_plan, projects
from mlpath.planning.goal import sector_additions
from mlpath.planning.model import Plan
from mlpath.planning.plan import task_hours

CAT = load_catalog()
START = dt.date(2027, 1, 4)
DSA = "data-structures-algorithms"
DRILLS = "task:interview-coding"


def plan(sector: str = "tech", **kw: object) -> Plan:
    return build_plan(CAT, make_profile(CAT, sector=sector, start=START, **kw))  # type: ignore[arg-type]


def weeks_of(p: Plan, key: str) -> list[int]:
    return [w.number for w in p.weeks if any(i.key == key for i in w.items)]


def keys(p: Plan, kind: str) -> set[str]:
    return {i.key for w in p.weeks for i in w.items if i.kind == kind}


def test_a_sector_adds_its_domain_knowledge_not_a_skill_only_it_happens_to_list() -> None:
    for sector in CAT.sectors:
        for skill in sector_additions(CAT, sector, (), weighted=False):
            assert CAT.skill(skill).step == "projects", (sector.id, skill)
    # tech is the only sector listing Kubernetes; an AI engineer's goal does not gain it
    assert "kubernetes" not in {g.skill for g in plan("tech", role="ai-engineer").gaps}
    assert "finance-domain" in {g.skill for g in plan("finance", role="ai-engineer").gaps}


def test_interview_preparation_follows_the_role() -> None:
    llm = {"task:interview-llm-fundamentals", "task:interview-llm-system-design"}
    ml = {"task:interview-ml-fundamentals", "task:interview-ml-system-design"}
    tasks = keys(plan(role="ml-engineer"), "interview")
    assert ml <= tasks and not llm & tasks
    # an MLOps goal does not teach ML system design: no mocks to practise it, unless held
    tasks = keys(plan(role="mlops-engineer"), "interview")
    assert "task:interview-ml-fundamentals" in tasks and not llm & tasks
    assert "task:interview-platform-design" in tasks  # platforms, not models
    assert "task:interview-ml-system-design" not in tasks
    assert "task:interview-platform-design" not in keys(plan(), "interview")
    held = plan(role="mlops-engineer", know={"ml-system-design": 2})
    assert "task:interview-ml-system-design" in keys(held, "interview")
    ai = keys(plan(role="ai-engineer"), "interview")
    assert llm <= ai and not ml & ai


def test_interview_preparation_counts_what_is_held_outside_the_goal() -> None:
    coding = next(t for t in CAT.job_search if t.id == "interview-coding")
    assert task_hours(CAT, coding, (), {}) == coding.hours
    held = {DSA: 3, "python": 3}  # a senior engineer aiming at a goal without DSA study
    assert task_hours(CAT, coding, (), held) == round(coding.hours / 2)


profiles = st.builds(
    lambda sector, role, levels, hours, years: Profile(
        sector=sector, role=role, levels=levels, start=START, hours_per_week=hours,
        years_experience=years),
    st.sampled_from([s.id for s in CAT.sectors]), st.sampled_from([r.id for r in CAT.plan_roles()]),
    st.dictionaries(st.sampled_from([s.id for s in CAT.skills]), st.integers(0, 4), max_size=15),
    st.integers(3, 40), st.integers(0, 10))


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_coding_drills_follow_their_basics_and_run_beside_the_study(profile: Profile) -> None:
    p = build_plan(CAT, profile)
    drills = weeks_of(p, DRILLS)
    if not drills:
        return
    gap = next(g for g in p.gaps if g.skill == DSA)  # every role's goal has DSA
    dsa = weeks_of(p, DSA)
    assert dsa or gap.current >= gap.target
    if dsa:  # its basics come early, so the drills spread over the plan, not its end
        study = [w.number for w in p.weeks if any(i.kind == "skill" for i in w.items)]
        assert dsa[-1] <= 0.6 * max(study) + 1, (dsa, max(study))


def test_later_leaves_out_what_is_held_and_what_the_job_search_works_on() -> None:
    blank = plan(role="ai-engineer")
    assert "statistics" in blank.later
    assert "statistics" not in plan(role="ai-engineer", know={"statistics": 3}).later
    assert "portfolio" not in blank.later  # the job search's portfolio task builds it


def test_the_speciality_project_grows_out_of_the_thin_slice() -> None:
    from mlpath.planning.projects import extend_thin_slice

    thin = next(p for p in CAT.projects if p.id == "thin-slice")
    pipeline = next(p for p in CAT.projects if p.id == "general-mlops-pipeline")
    shared = [s for s in thin.skills if s in pipeline.skills]
    assert shared  # its API and container are the thin slice's
    built = extend_thin_slice(CAT, [(thin, 15), (pipeline, 60)])
    assert built == [(thin, 15), (pipeline, 60 - round(15 * len(shared) / len(thin.skills)))]
    assert extend_thin_slice(CAT, [(pipeline, 60)]) == [(pipeline, 60)]  # nothing to extend
    blank = plan("finance")  # a newcomer's plan builds both
    hours = {s.project.id: s.hours for s in blank.scheduled}
    fluency = next(r.percent for r in blank.readiness if r.step == CAT.steps[0].id)
    alone = projects.hours(CAT, pipeline, blank.gaps, fluency)
    assert hours["general-mlops-pipeline"] == alone - round(
        hours["thin-slice"] * len(shared) / len(thin.skills))


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_practice_waits_for_the_skill_it_practises(profile: Profile) -> None:
    p = build_plan(CAT, profile)
    for task in CAT.job_search:
        practice = weeks_of(p, f"task:{task.id}")
        skill = weeks_of(p, task.after) if task.after else []
        if practice and skill:
            assert practice[0] > skill[-1], (task.id, practice[0], skill[-1])


def test_design_mock_interviews_come_after_system_design_is_studied() -> None:
    p = plan("finance", background="data-scientist", years_experience=4, hours_per_week=10)
    mocks, skill = weeks_of(p, "task:interview-ml-system-design"), weeks_of(p, "ml-system-design")
    assert skill and mocks[0] > skill[-1]
    # and the interview tasks that wait for nothing are not held up behind them
    assert weeks_of(p, "task:interview-behavioural")[0] < mocks[0]


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_a_project_practises_only_what_the_plan_teaches_or_the_person_holds(
        profile: Profile) -> None:
    p = build_plan(CAT, profile)
    goal = {g.skill: g for g in p.gaps}
    for s in p.scheduled:
        for skill in s.project.skills:
            if CAT.skill(skill).kind == "technical":
                assert skill in goal and skill not in p.later, (s.project.id, skill)
                assert max(goal[skill].current, goal[skill].target) >= 2, (s.project.id, skill)


def test_the_fraud_project_brings_gradient_boosting_into_a_finance_plan() -> None:
    p = plan("finance", background="career-changer")
    gap = next(g for g in p.gaps if g.skill == "gradient-boosting")
    assert gap.target == 2 and "project:fraud-detector" in gap.reasons
    assert "gradient-boosting" not in p.later


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_the_cv_is_written_in_the_weeks_just_before_applying(profile: Profile) -> None:
    from mlpath.planning.schedule import PRE_APPLY

    p = build_plan(CAT, profile)
    cv = weeks_of(p, "task:job-cv")
    if p.apply_now or not cv or p.apply_week is None:
        return
    assert p.apply_week - 2 * PRE_APPLY <= cv[0] and cv[-1] < p.apply_week, (cv, p.apply_week)


def test_a_career_changer_writes_the_cv_near_the_applications_not_at_mid_plan() -> None:
    p = plan("finance", background="career-changer", hours_per_week=8, years_experience=8)
    cv, portfolio = weeks_of(p, "task:job-cv"), weeks_of(p, "task:job-portfolio")
    assert p.apply_week and cv[-1] < p.apply_week and cv[0] > p.apply_week - 10
    assert portfolio[0] < p.total_weeks * 0.6  # the portfolio page still starts mid-plan


def test_without_a_cloud_the_exam_is_on_the_cloud_the_plan_studies() -> None:
    from mlpath.formats.plan_words import certification_reason

    for kw in ({}, {"background": "career-changer"}, {"role": "mlops-engineer"}):
        p = plan("finance", **kw)
        first = p.certifications[0]
        assert CAT.certification(first.certification).cloud == "aws", kw  # SageMaker-first
        assert first.cloud_from == "studied"
        assert "on AWS, the cloud your plan studies" in certification_reason(CAT, first, p)
    p = plan("finance", cloud="azure")
    chosen = p.certifications[0]
    assert chosen.cloud_from == "chosen"
    assert "on Azure, the cloud you chose" in certification_reason(CAT, chosen, p)


def test_every_format_says_whether_the_exam_is_in_the_weeks() -> None:
    from mlpath.formats import FORMATS
    from mlpath.formats.plan_words import certification_reason

    held = {s: 3 for s in CAT.role("ml-engineer").targets}  # 40 h/week: hours free
    for p, said in ((plan("finance"), "not in the weeks"),  # 15 h/week: no hours free
                    (plan("finance", know=held, hours_per_week=40), "in this plan")):
        first = certification_reason(CAT, p.certifications[0], p)
        assert said in first
        assert "an alternative" in certification_reason(CAT, p.certifications[1], p)
        text = " ".join(FORMATS["text"].render(p, CAT).split())
        assert said in text and said in " ".join(FORMATS["markdown"].render(p, CAT).split())


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_domain_knowledge_comes_before_the_sector_project_that_uses_it(
        profile: Profile) -> None:
    p = build_plan(CAT, profile)
    for s in p.scheduled:
        for skill in s.project.skills:
            known = CAT.skill(skill)  # domain knowledge: technical, of the projects step
            if known.step != "projects" or known.kind != "technical" or not weeks_of(p, skill):
                continue
            basics = [w.number for w in p.weeks for i in w.items
                      if i.key == skill and i.from_level < 2]
            if basics:
                assert basics[-1] <= s.first_week, (s.project.id, skill)


def test_a_data_scientist_learns_the_finance_domain_before_the_fraud_project() -> None:
    p = plan("finance", background="data-scientist", years_experience=4, hours_per_week=10)
    fraud = next(s for s in p.scheduled if s.project.id == "fraud-detector")
    assert weeks_of(p, "finance-domain")[-1] <= fraud.first_week < p.apply_week  # type: ignore[operator]


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_a_project_is_built_in_one_run_and_counts_towards_the_projects_step(
        profile: Profile) -> None:
    p = build_plan(CAT, profile)
    reviews = {w.number for w in p.weeks if any(i.kind == "review" for i in w.items)}
    for s in p.scheduled:
        weeks = set(weeks_of(p, f"project:{s.project.id}"))
        assert weeks | (reviews & set(range(s.first_week, s.last_week))) == set(
            range(s.first_week, s.last_week + 1)), (s.project.id, sorted(weeks))
    done = {ms.step: ms.week for ms in p.milestones}
    if p.scheduled:
        assert done["projects"] >= max(s.last_week for s in p.scheduled)


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_timed_coding_practice_runs_while_applying(profile: Profile) -> None:
    p = build_plan(CAT, profile)
    timed, spread = weeks_of(p, "task:interview-coding-timed"), weeks_of(p, DRILLS)
    if timed and p.apply_week:
        assert timed[0] >= p.apply_week and (not spread or spread[0] <= timed[0])


def test_an_mlops_engineer_builds_the_platform_the_role_is_hired_for() -> None:
    for sector in ("logistics", "finance", "tech"):
        built = {skill for s in plan(sector, role="mlops-engineer").scheduled
                 for skill in s.project.skills}
        assert {"kubernetes", "orchestration", "cloud-ml"} <= built, sector
    assert all(s.project.id != "general-ml-platform" for s in plan("finance").scheduled)


def test_a_depth_pass_ranks_by_its_own_importance_not_by_what_needs_its_basics() -> None:
    p = plan("healthcare", background="data-analyst", years_experience=3, hours_per_week=8)
    gaps = {g.skill: g for g in p.gaps}
    first: dict[tuple[str, int], int] = {}
    for w in p.weeks:
        for i in w.items:
            first.setdefault((i.key, i.from_level), w.number)
    python_depth = first[("python", 2)]
    monitoring = first[("model-monitoring", gaps["model-monitoring"].current)]
    assert gaps["model-monitoring"].priority > gaps["python"].priority  # as the plan shows
    assert monitoring < python_depth  # Python's depth (60 h) no longer comes first


def test_the_checklist_names_the_goal_and_the_json_names_the_cloud(cli: Run) -> None:
    import json

    from mlpath.formats import FORMATS

    ai = " ".join(FORMATS["markdown"].render(plan(role="ai-engineer"), CAT).split())
    assert "every skill a first AI engineer job in Technology & SaaS asks for" in ai
    data = json.loads(cli("plan", "--no-profile", "--sector", "finance", "--json").out)
    assert data["cloud"] == "aws"  # the cloud studied, as the certification line says
    assert json.loads(cli("plan", "--no-profile", "--sector", "finance", "--cloud", "gcp",
                          "--json").out)["cloud"] == "gcp"
    shown = " ".join(cli("plan", "--help").out.split())
    assert all(b.id in shown for b in CAT.backgrounds)


def test_a_posting_plan_keeps_coding_practice_with_its_basics() -> None:
    from mlpath.planning.model import JobTarget

    profile = make_profile(CAT, sector="tech", start=START, background="career-changer")
    job = JobTarget("ML engineer", "posting.md", {"python": 3, "docker": 2}, {})
    p = build_plan(CAT, profile, job)
    dsa = next(g for g in p.gaps if g.skill == DSA)
    assert dsa.target == 2 and "interviews" in dsa.reasons  # the posting did not name it
    assert weeks_of(p, DRILLS)[0] > weeks_of(p, DSA)[-1]
    assert weeks_of(p, "task:interview-coding-timed")
