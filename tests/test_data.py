"""The shipped data: complete, traceable, and strictly validated."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run

from mlpath.catalogue import model as m
from mlpath.catalogue.checks import find_cycle
from mlpath.catalogue.load import load_catalog
from mlpath.errors import DataError
from mlpath.planning.levels import LEVEL_SHARE


def test_seven_steps_in_order_with_the_articles_items(catalog: m.Catalog) -> None:
    assert [s.id for s in catalog.steps] == [
        "programming", "mathematics", "machine-learning", "deep-learning", "mlops",
        "projects", "certifications"]
    labels = {s.id: [i.label.lower() for i in s.items] for s in catalog.steps}
    assert labels["programming"] == ["python", "sql", "git", "linux"]
    assert {"docker", "kubernetes", "mlflow"} <= set(labels["mlops"])
    certs = [i.certification for s in catalog.steps if s.id == "certifications" for i in s.items]
    assert certs == [
        "aws-ml-specialty", "google-professional-ml-engineer", "azure-ai-engineer-associate",
        "tensorflow-developer", "aws-ml-engineer-associate", "aws-genai-developer-professional",
        "azure-ai-apps-agents-developer-associate", "databricks-ml-associate",
        "nvidia-genai-llm-associate"]
    assert len(labels["certifications"]) == 9
    assert all(c is not None and catalog.certification(c) for c in certs)


def test_in_demand_skills_carry_demand_and_the_articles_url(catalog: m.Catalog) -> None:
    expected = {"python": "very-high", "ml-algorithms": "very-high", "deep-learning": "very-high",
                "pytorch": "high", "mlops": "very-high", "cloud-ml": "high",
                "kubernetes": "high", "sql": "high", "generative-ai": "very-high",
                "llm-development": "very-high"}
    for skill_id, demand in expected.items():
        skill = catalog.skill(skill_id)
        assert skill.demand == demand and skill.demand_source == "mle-jobs-2026"
        assert any(r.source == "mle-jobs-2026" for r in skill.resources), skill_id
    assert catalog.skill("python").resources[0].url.startswith("https://docs.python.org")


def test_skill_areas_and_soft_skills_are_present(catalog: m.Catalog) -> None:
    ids = {s.id for s in catalog.skills}
    assert {"dl-architectures", "generative-ai", "llm-development", "prompt-engineering", "rag",
            "production-python", "data-engineering", "cloud-ml", "responsible-ai",
            "business-acumen"} <= ids
    soft = {s.id for s in catalog.skills if s.kind == "soft"}
    assert {"communication", "problem-solving", "collaboration"} <= soft


def test_every_estimate_is_labelled_and_prerequisites_are_acyclic(catalog: m.Catalog) -> None:
    assert all(s.hours_source == m.ESTIMATE for s in catalog.skills)
    assert all(c.prep_hours_source == m.ESTIMATE for c in catalog.certifications)
    assert find_cycle({s.id: s.prerequisites for s in catalog.skills}) is None


def test_aws_specialty_is_retired_and_names_its_successor(catalog: m.Catalog) -> None:
    retired = catalog.certification("aws-ml-specialty")
    assert (retired.status, retired.retired_on, retired.code) == (
        "retired", "2026-03-31", "MLS-C01")
    assert retired.as_of == "2026-11-23"  # the date the status was checked
    successor = catalog.certification(retired.successor or "")
    assert successor.code == "MLA-C01" and successor.status != "retired"
    assert all(c.as_of for c in catalog.certifications)


def test_salary_tables_match_the_sources(catalog: m.Catalog) -> None:
    us = catalog.region("us")
    assert us.range is not None and (us.range.low, us.range.high) == (160_000, 200_000)
    assert us.currency == "USD" and us.range.source == "mle-jobs-2026"
    assert {r.id: r.currency for r in catalog.salaries.regions} == {
        "us": "USD", "uk": "GBP", "canada": "CAD", "australia": "AUD", "india": "INR"}
    india = catalog.region("india")
    assert [(b.low, b.high) for b in india.by_experience] == [(8, 12), (15, 25), (30, 60)]
    assert [g.increase_pct for g in catalog.salaries.growth] == [0, 80, 150, 300]
    premiums = {(p.low_pct, p.high_pct, p.source) for p in catalog.salaries.premiums}
    assert premiums == {(25, 40, "mle-career-2026"), (15, 25, "ml-skills-2026")}
    overall = catalog.salaries.overall
    assert (overall.low, overall.high, overall.open_ended) == (80_000, 200_000, True)


def test_salary_labels_say_no_more_than_their_sources(catalog: m.Catalog) -> None:
    for region in catalog.salaries.regions:
        if region.range is not None:
            label = region.range.label or ""
            assert "average" in label and "entry" not in label.lower(), region.id
    overall = catalog.salaries.overall
    assert overall.label and "all experience levels" in overall.label
    uk = catalog.region("uk")
    junior = [b for b in uk.by_experience if b.years_min == 0]
    assert [(b.low, b.high, b.source) for b in junior] == [(34_000, 48_000, "applyo-uk-2026")]
    source = catalog.source("applyo-uk-2026")
    assert source is not None and source.url and source.date == "2026-12-04"
    assert {p.id: p.roles for p in catalog.salaries.premiums} == {
        "genai-llmops-infra": ("ai-engineer", "mlops-engineer"), "deep-learning": ("ml-engineer",)}


def test_uk_salary_screens_show_no_dollar_figure(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mlpath.formats.words import SALARY_NOTE

    monkeypatch.setenv("COLUMNS", "200")
    table = cli("salary", "--region", "uk").out
    assert "$" not in table and SALARY_NOTE in table
    plan = cli("plan", "--sector", "finance", "--region", "uk", "--no-profile").out
    outlook = " ".join(plan.split("Salary outlook", 1)[1].split())
    assert "£34,000–£48,000" in outlook and SALARY_NOTE in outlook
    assert "$" not in outlook


def test_sectors_aliases_and_backgrounds(catalog: m.Catalog) -> None:
    ids = {s.id for s in catalog.sectors}
    assert {"tech", "finance", "healthcare", "retail", "manufacturing", "marketing", "logistics",
            "energy", "automotive", "cybersecurity", "telecommunications"} == ids
    alias = {a: s.id for s in catalog.sectors for a in s.aliases}
    assert (alias["fintech"], alias["saas"], alias["ecommerce"]) == ("finance", "tech", "retail")
    assert all(s.projects and s.emphasis for s in catalog.sectors)
    assert {b.id for b in catalog.backgrounds} == {
        "software-engineer", "data-analyst", "physics-maths-graduate", "student",
        "career-changer", "data-scientist"}
    fact = catalog.fact("time-to-job-ready")
    assert fact is not None and fact.value is not None and (fact.value.min, fact.value.max) == (
        12, 24)


def test_roles_and_challenges(catalog: m.Catalog) -> None:
    assert {"ml-engineer", "ai-engineer", "data-scientist"} <= {r.id for r in catalog.roles}
    assert all(c.solutions for c in catalog.challenges)


AI_ENGINEERING = ("llm-agents", "llm-evaluation", "llm-guardrails", "llm-serving", "vector-search")


def test_ai_engineering_skills_are_electives_with_resources_and_examples(
        catalog: m.Catalog) -> None:
    for skill_id in AI_ENGINEERING:
        skill = catalog.skill(skill_id)
        assert skill.track == "elective" and skill.hours_source == m.ESTIMATE, skill_id
        assert len(skill.resources) >= 2 and sorted(skill.examples) == [1, 2, 3, 4], skill_id
        assert sum(t.hours for t in skill.topics) == skill.hours and skill.phrases, skill_id
        assert skill.demand is None, "no source gives these a demand level"
    assert any("MCP" in t.name or "Model Context" in t.name
               for t in catalog.skill("llm-agents").topics)


def test_diffusion_is_an_elective_skill_not_a_genai_topic(catalog: m.Catalog) -> None:
    genai = catalog.skill("generative-ai")
    assert not any("diffusion" in r.id or "diffusion" in r.title.lower() for r in genai.resources)
    assert not any("image generation" in t.name.lower() for t in genai.topics)
    images = catalog.skill("image-generation")
    assert images.track == "elective" and images.prerequisites == ("generative-ai",)
    assert all("image-generation" not in s.electives for s in catalog.sectors
               if s.id in ("finance", "energy"))


def test_sectors_add_their_domain_elective(catalog: m.Catalog) -> None:
    domains = {s.id for s in catalog.skills if s.id.endswith("-domain")}
    assert {"finance-domain", "healthcare-domain", "energy-domain", "manufacturing-domain",
            "logistics-domain", "retail-domain", "marketing-domain"} <= domains
    for sector in catalog.sectors:
        own = f"{sector.id}-domain"
        if own in domains:
            assert own in sector.electives and sector.why.get(own), sector.id
            assert catalog.skill(own).track == "elective"
    topics = " ".join(t.name for t in catalog.skill("finance-domain").topics)
    assert "validation" in topics and "Adverse-action" in topics
    resources = {r.id for r in catalog.skill("healthcare-domain").resources}
    assert {"hhs-hipaa", "ico-uk-gdpr", "nhs-dspt", "hl7-fhir", "pydicom-docs"} <= resources


def _spans(skill: m.Skill) -> list[tuple[str, float, float]]:
    """(name, start, end) of each topic, in hours from the start of the skill."""
    out, edge = [], 0.0
    for topic in skill.topics:
        out.append((topic.name, edge, edge + topic.hours))
        edge += topic.hours
    return out


def _basics(catalog: m.Catalog, skill_id: str) -> list[str]:
    """The topics wholly inside the basics pass (levels 0-2)."""
    skill = catalog.skill(skill_id)
    limit = LEVEL_SHARE[2] * skill.hours + 1e-9
    return [name for name, _, end in _spans(skill) if end <= limit]


def test_basics_pass_holds_what_later_weeks_rely_on(catalog: m.Catalog) -> None:
    python = " | ".join(_basics(catalog, "python"))
    for need in ("Modules, packages, virtual environments", "Errors and exceptions",
                 "Classes and objects"):
        assert need in python, need  # packaging, pytest and FastAPI come before Python 2->3
    algorithms = " | ".join(_basics(catalog, "ml-algorithms"))
    for need in ("Logistic regression", "Generalisation: overfitting", "Cross-validation"):
        assert need in algorithms, need  # model evaluation's validation schemes build on them
    supervised = catalog.skill("supervised-learning")
    first = supervised.topics[0]
    assert "regression" in first.name and first.hours <= LEVEL_SHARE[1] * supervised.hours
    assert not any("LDA" in name for name in _basics(catalog, "supervised-learning"))
    basic_supervised = " | ".join(_basics(catalog, "supervised-learning"))
    assert "validation" in basic_supervised and "random forests" in basic_supervised


def test_finance_basics_cover_the_summary_and_leave_the_uk_for_later(
        catalog: m.Catalog) -> None:
    basics = " | ".join(_basics(catalog, "finance-domain"))
    for need in ("SR 11-7", "Credit risk", "Fraud detection", "Adverse-action"):
        assert need in basics, need
    assert "UK" not in basics and "PRA" not in basics


@pytest.mark.parametrize(("skill_id", "prefix"), [
    ("git", "Branching"), ("docker", "Writing"), ("kubernetes", "A local cluster with kind"),
    ("llm-evaluation", "LLM-as-a-judge"), ("llm-agents", "Agent frameworks")])
def test_named_topics_sit_wholly_in_one_pass(catalog: m.Catalog, skill_id: str,
                                             prefix: str) -> None:
    skill = catalog.skill(skill_id)
    limit = LEVEL_SHARE[2] * skill.hours
    found = [(start, end) for name, start, end in _spans(skill) if name.startswith(prefix)]
    assert found, prefix
    for start, end in found:
        assert end <= limit + 1e-9 or start >= limit - 1e-9, (skill_id, start, end, limit)


def _all_projects(catalog: m.Catalog) -> list[m.Project]:
    return [*catalog.projects, *(p for s in catalog.sectors for p in s.projects)]


def test_every_project_names_the_topics_it_relies_on(catalog: m.Catalog) -> None:
    for project in _all_projects(catalog):
        assert project.topics, project.id
        for need in project.topics:
            assert need.skill in project.skills or catalog.skill(need.skill), project.id
    imaging = next(p for p in _all_projects(catalog) if p.id == "imaging-classifier")
    assert any("Grad-CAM" in t.topic for t in imaging.topics)
    rag = catalog.skill("rag")
    evaluation = next(t for t in rag.topics if t.name.startswith("Evaluating RAG"))
    for project in _all_projects(catalog):
        if "rag" in project.skills:
            assert evaluation.name in {t.topic for t in project.topics}, project.id
    # a level-2 RAG target (half its hours) still reaches retrieval and answer evaluation
    before = sum(t.hours for t in rag.topics[:rag.topics.index(evaluation) + 1])
    assert before <= rag.hours / 2


def test_projects_fit_regions_and_roles(catalog: m.Catalog) -> None:
    by_id = {p.id: p for p in _all_projects(catalog)}
    assert by_id["regulation-assistant"].regions == ("uk",)
    assert by_id["regulation-assistant-us"].regions == ("us",)
    quant = by_id["volatility-forecaster"]
    assert "research" in quant.tags and "deployment" not in quant.tags
    assert quant.roles == ("ml-engineer",)
    assert by_id["general-llm-agent"].roles == ("ai-engineer",)
    for project in by_id.values():
        assert set(project.roles) <= set(m.GOAL_ROLES) and set(project.regions) <= set(m.REGIONS)
    energy = catalog.sector("energy")
    assert any("genai" in p.tags and "rag" in p.skills for p in energy.projects)


def _urls(catalog: m.Catalog) -> list[str]:
    return [r.url for s in catalog.skills for r in s.resources] + [
        c.url for c in catalog.certifications]


def test_moved_and_dead_links_are_gone_and_old_material_shows_its_year(
        catalog: m.Catalog) -> None:
    urls = _urls(catalog)
    for gone in ("https://platform.openai.com/docs", "https://aws.amazon.com/machine-learning",
                 "https://pytorch.org/tutorials", "https://pytorch.org/docs",
                 "tensorflow.org/certificate", "/exams/ai-102/"):
        assert not any(u.rstrip("/").startswith(gone) or gone in u for u in urls), gone
    assert "https://aws.amazon.com/ai/machine-learning/" in urls
    assert "https://developers.openai.com/api/docs" in urls
    assert catalog.skill("deep-learning").resources[0].url.startswith("https://docs.pytorch.org")
    by_id = {r.id: r for s in catalog.skills for r in s.resources}
    assert not {"dlai-prompting", "ml-systems-design-booklet"} & set(by_id)
    for old in ("fsdl-2022", "cs329s", "spinning-up", "fsdl-teams-pm", "dl-book"):
        year = by_id[old].year
        assert year is not None and year < 2024, old


def test_older_material_shows_its_year(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    out = cli("skills", "ml-system-design").out
    assert "Stanford CS 329S: Machine Learning Systems Design (2022)" in out
    assert "(Evidently AI) (" not in out  # current material carries no year


def test_validate_links_lists_hosts_and_check_dates(data_copy: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    out = cli("validate", "--links").out
    assert "docs.pytorch.org" in out and "2026-12-04" in out and "resource links on" in out
    _edit(data_copy, "roadmap.yaml", "        url: https://exercism.org/tracks/python\n",
          "        url: https://exercism.org/tracks/python\n        as_of: \"2025-01-31\"\n")
    lines = cli("validate", "--links", "--data-dir", str(data_copy)).out.splitlines()
    exercism = next(line for line in lines if "exercism.org" in line)
    assert "2025-01-31" in exercism and "exercism-python" in exercism


def test_plans_pick_projects_that_fit_the_region_and_role(catalog: m.Catalog) -> None:
    from mlpath.person.profile import make_profile
    from mlpath.planning import build_plan

    def picked(region: str, role: str) -> set[str]:
        profile = make_profile(catalog, sector="finance", start="2027-01-04", region=region,
                               role=role)
        return {s.project.id for s in build_plan(catalog, profile).scheduled}

    us = picked(region="us", role="ai-engineer")
    assert "regulation-assistant" not in us  # the EU AI Act one is for uk
    uk = picked(region="uk", role="ai-engineer")
    assert "regulation-assistant-us" not in uk
    for role in ("ai-engineer", "mlops-engineer"):
        assert "volatility-forecaster" not in picked(region="us", role=role)


def test_certification_facts_checked_2026_12_04(catalog: m.Catalog) -> None:
    ai102 = catalog.certification("azure-ai-engineer-associate")
    assert (ai102.status, ai102.retired_on, ai102.as_of) == ("retired", "2026-06-30", "2026-12-04")
    assert catalog.certification(ai102.successor or "").code == "AI-103"
    ai300 = catalog.certification("azure-mlops-engineer-associate")
    assert (ai300.code, ai300.status, ai300.cloud) == ("AI-300", "active", "azure")
    tf = catalog.certification("tensorflow-developer")
    assert (tf.status, tf.retired_on, tf.successor) == ("retired", "2024-05-01", None)
    for cid in ("databricks-ml-associate", "databricks-ml-professional",
                "nvidia-genai-llm-associate", "nvidia-genai-llm-professional"):
        cert = catalog.certification(cid)
        assert (cert.status, cert.status_basis) == ("active", "third-party") and cert.status_sources
    for cert in catalog.certifications:
        assert (cert.status == "unverified") == (cert.status_basis is None), cert.id
        assert cert.cloud == {"AWS": "aws", "Google Cloud": "gcp", "Microsoft": "azure"}.get(
            cert.provider), cert.id


def test_roadmap_and_certs_list_the_same_exams_in_the_same_order(
        catalog: m.Catalog, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    roadmap = cli("roadmap").out.split("Step 7")[1]
    certs = cli("certs").out
    names = [f"{c.name} ({c.code})" if c.code else c.name
             for c in catalog.certifications_by_status()]
    assert len(names) == len(catalog.certifications) == 12
    for text in (roadmap, certs):
        where = [text.find(n) for n in names]
        assert -1 not in where and where == sorted(where), text


def test_every_field_of_the_spec_is_documented() -> None:
    from mlpath.catalogue import specs
    from mlpath.catalogue.schema import ListOf, MapOf, Obj

    docs = (Path(__file__).resolve().parents[1] / "docs" / "data-format.md").read_text()
    seen: set[str] = set()

    def walk(kind: object) -> None:
        if isinstance(kind, Obj):
            for name, sub in kind.fields.items():
                seen.add(name)
                walk(sub)
        elif isinstance(kind, ListOf):
            walk(kind.item)
        elif isinstance(kind, MapOf):
            walk(kind.value)

    walk(specs.ROADMAP_SPEC)
    walk(specs.SECTORS_SPEC)
    assert {"status_basis", "status_sources", "cloud", "year", "as_of", "links_checked",
            "regions", "roles", "topics", "label"} <= seen
    assert not {name for name in seen if f"`{name}`" not in docs}


# --- broken data: every kind of mistake → DataError naming file, path and line ---------

def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert old in text, f"fixture anchor {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


BROKEN = [
    # (id, file, old, new, fragments expected in the report)
    ("bad-yaml", "roadmap.yaml", "schema_version: 2", "schema_version: [2", ["roadmap.yaml:",
                                                                             "not valid YAML"]),
    ("wrong-type", "roadmap.yaml", "hours: 100", "hours: eighty", ["roadmap.yaml:",
                                                                  "skills[0].hours",
                                                                  "whole number"]),
    ("missing-field", "roadmap.yaml", "    step: programming\n", "\n",
     ["skills[0].step", "is required"]),
    ("unknown-key", "roadmap.yaml", "    step: programming\n",
     "    step: programming\n    colour: blue\n", ["skills[0].colour", "unknown key"]),
    ("dangling-prerequisite", "roadmap.yaml", "prerequisites: [python, git]",
     "prerequisites: [pythn, git]", ["prerequisites[0]", "'pythn'", "does not exist"]),
    ("dangling-background-level", "roadmap.yaml", "levels_source: estimate",
     "levels_source: estimate\n    colour: 1", ["backgrounds[0].colour", "unknown key"]),
    ("dangling-emphasis", "sectors.yaml", "explainability: 1.9", "explainabilty: 1.9",
     ["sectors.yaml:", "emphasis", "'explainabilty'"]),
    ("bad-enum", "roadmap.yaml", "demand: very-high", "demand: extreme",
     ["skills[0].demand", "very-high, high, moderate"]),
    ("out-of-range", "sectors.yaml", "explainability: 1.9", "explainability: 9",
     ["emphasis.explainability", "between 0.5 and 2"]),
    ("unknown-source", "roadmap.yaml", "demand_source: mle-jobs-2026",
     "demand_source: wikipedia", ["skills[0].demand_source", "'wikipedia'"]),
    ("status-without-basis", "roadmap.yaml", "    status_basis: official\n", "",
     ["certifications[0].status_basis", "is required for status 'active'"]),
    ("third-party-without-sources", "roadmap.yaml",
     "    status_sources: [spoto-nca-genl]\n", "",
     ["status_sources", "must name the third-party sources"]),
    ("unknown-status-source", "roadmap.yaml", "status_sources: [spoto-nca-genl]",
     "status_sources: [some-blog]", ["status_sources[0]", "'some-blog'"]),
    ("project-topic-nobody-teaches", "sectors.yaml",
     'topic: "Explaining image models: saliency maps and Grad-CAM"',
     'topic: "Explaining image models with SHAP"',
     ["sectors.yaml:", "projects[0].topics[1].topic", "no topic of skill 'computer-vision'"]),
    ("project-unknown-region", "sectors.yaml", "regions: [uk]", "regions: [eu]",
     ["regions[0]", "us, uk, canada"]),
    ("project-unknown-role", "roadmap.yaml", "    roles: [ai-engineer]\n    topics:",
     "    roles: [data-scientist]\n    topics:", ["roles[0]", "ml-engineer"]),
    ("resource-year-out-of-range", "roadmap.yaml", "        year: 2016 ",
     "        year: 1016 ", ["resources[", ".year", "between 1950 and 2100"]),
    ("unknown-cloud", "roadmap.yaml", "    cloud: gcp\n", "    cloud: oracle\n",
     ["cloud", "aws, gcp, azure"]),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_data_is_reported_with_file_path_and_line(
        case: tuple[str, str, str, str, list[str]], data_copy: Path, cli: Run) -> None:
    _, name, old, new, fragments = case
    _edit(data_copy, name, old, new)
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1
    for fragment in fragments:
        assert fragment in result.err
    assert any(ch.isdigit() for ch in result.err.split(":")[1]), "line number expected"


def test_duplicate_id_and_cycle(data_copy: Path) -> None:
    text = (data_copy / "roadmap.yaml").read_text()
    # python → production-python → python
    text = text.replace("prerequisites: []", "prerequisites: [production-python]", 1)
    text = text.replace("  - id: git\n", "  - id: sql\n", 1)
    (data_copy / "roadmap.yaml").write_text(text)
    with pytest.raises(DataError) as info:
        load_catalog(data_copy)
    report = "\n".join(info.value.details)
    assert "duplicate id 'sql'" in report
    assert "cycle" in report and "→" in report


def test_every_problem_is_reported_at_once(data_copy: Path) -> None:
    _edit(data_copy, "roadmap.yaml", "    hours: 100\n", "    hours: -3\n")
    _edit(data_copy, "sectors.yaml", "explainability: 1.9", "explainability: 0")
    with pytest.raises(DataError) as info:
        load_catalog(data_copy)
    assert len(info.value.details) >= 2
    files = {d.split(":")[0] for d in info.value.details}
    assert any(f.endswith("roadmap.yaml") for f in files)
    assert any(f.endswith("sectors.yaml") for f in files)


def test_missing_data_dir_and_missing_file(tmp_path: Path, cli: Run) -> None:
    result = cli("roadmap", "--data-dir", str(tmp_path / "nope"))
    assert result.code == 1 and "Data directory not found" in result.err
    (tmp_path / "roadmap.yaml").write_text("schema_version: 2\n")
    result = cli("roadmap", "--data-dir", str(tmp_path))
    assert result.code == 1 and "sectors.yaml" in result.err and "file not found" in result.err


def test_env_var_points_every_command_at_a_fork(data_copy: Path, cli: Run,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _edit(data_copy, "roadmap.yaml", "name: Python\n", "name: Python (forked)\n")
    monkeypatch.setenv("MLPATH_DATA_DIR", str(data_copy))
    result = cli("skills", "--json")
    assert result.code == 0 and "Python (forked)" in result.out
    _edit(data_copy, "roadmap.yaml", "    hours: 100\n", "    hours: x\n")
    result = cli("plan", "--sector", "finance")
    assert result.code == 1 and "skills[0].hours" in result.err
