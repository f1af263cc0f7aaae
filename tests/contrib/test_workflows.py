"""The GitHub files: workflows, issue forms, pull request template and pre-commit hook.

They must be valid YAML and call commands that exist, with options the CLI accepts, the same
commands the README and the Makefile document.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from contrib_support import REPO

from catalogue import cli
from catalogue.schemas import schema_for

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workflow(name: str) -> dict[str, Any]:
    data = load(GITHUB / "workflows" / name)
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data  # type: ignore[no-any-return]


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def run_lines(data: dict[str, Any]) -> list[str]:
    return [line.strip() for step in steps(data) for line in step.get("run", "").splitlines() if line.strip()]


def uses(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {step["uses"].split("@")[0]: step.get("with", {}) for step in steps(data) if "uses" in step}


def test_there_is_a_check_and_a_publish_workflow() -> None:
    assert [p.name for p in WORKFLOWS] == ["check.yml", "publish.yml"]
    for path in WORKFLOWS:
        assert isinstance(load(path), dict)


def test_every_pull_request_runs_the_checks() -> None:
    check = workflow("check.yml")
    assert "pull_request" in check["on"]
    actions = uses(check)
    assert actions["actions/checkout"]["fetch-depth"] == 0  # git history gives the added/updated dates
    assert actions["actions/setup-python"]["python-version"] == "3.11"
    script = "\n".join(run_lines(check))
    for command in ("make install", "catalogue validate --format github", "catalogue codeowners --check",
                    "catalogue similar --format github", "make test", "mkdocs build --strict"):
        assert command in script, command
    assert check["env"]["NO_MKDOCS_2_WARNING"] == "1"


def test_main_is_built_and_deployed_to_pages() -> None:
    publish = workflow("publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]
    actions = uses(publish)
    assert actions["actions/checkout"]["fetch-depth"] == 0
    assert actions["actions/setup-python"]["python-version"] == "3.11"
    assert actions["actions/upload-pages-artifact"]["path"] == "site"
    assert "actions/deploy-pages" in actions
    assert "mkdocs build --strict" in run_lines(publish)
    deploy = publish["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


def catalogue_commands() -> list[list[str]]:
    """Every `catalogue ...` command line in the workflows and the pre-commit hook, as arguments."""
    found = []
    for path in WORKFLOWS:
        for line in run_lines(workflow(path.name)):
            line = line.lstrip("|").strip()
            for part in re.findall(r"\bcatalogue (?:[a-z]+)(?: [^|;&\\]*)?", line):
                found.append(shlex.split(part)[1:])
    hooks = load(REPO / ".pre-commit-hooks.yaml")
    found += [shlex.split(hook["entry"])[1:] for hook in hooks]
    return found


def test_catalogue_commands_in_ci_exist_with_those_options() -> None:
    commands = catalogue_commands()
    assert {c[0] for c in commands} >= {"validate", "codeowners", "similar"}
    parser = cli.build_parser()
    for args in commands:
        parsed = parser.parse_args(args + (["projects/x/y.yml"] if args[0] == "similar" else []))
        assert parsed.command == args[0]


def test_ci_uses_the_commands_the_readme_and_makefile_document() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in ("install", "test"):
        assert re.search(rf"^{target}:", makefile, re.M), f"Makefile has no {target} target"
    assert "make test" in readme
    assert "mkdocs build --strict" in makefile
    assert "catalogue codeowners --check" in makefile
    for command in ("catalogue validate", "catalogue similar", "catalogue codeowners"):
        assert command in readme, command
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test")


def test_pre_commit_hook_runs_the_validator_on_record_files() -> None:
    (hook,) = load(REPO / ".pre-commit-hooks.yaml")
    assert hook["id"] == "catalogue-validate"
    assert hook["entry"] == "catalogue validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("projects/camden/camden-data-charter.yml")
    assert files.search("boroughs/camden.yml")
    assert not files.search("docs/contribute.md") and not files.search("schema/project.schema.json")


ISSUE_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


@pytest.mark.parametrize("name", ["propose-project.yml", "report-problem.yml"])
def test_issue_forms_are_valid(name: str) -> None:
    form = load(GITHUB / "ISSUE_TEMPLATE" / name)
    assert form["name"] and form["description"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in ISSUE_TYPES
        if item["type"] != "markdown":
            assert item["attributes"]["label"] and "id" in item
        if item["type"] == "dropdown":
            assert item["attributes"]["options"]


def test_issue_form_choices_are_the_schema_labels() -> None:
    form = load(GITHUB / "ISSUE_TEMPLATE" / "propose-project.yml")
    dropdowns = {item["id"]: item["attributes"]["options"] for item in form["body"] if item["type"] == "dropdown"}
    for field in ("phase", "status"):
        assert dropdowns[field] == schema_for("project")["properties"][field]["enumTitles"]


def test_issue_chooser_links_to_the_form_and_the_guide() -> None:
    config = load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert config["blank_issues_enabled"] is False
    urls = [link["url"] for link in config["contact_links"]]
    assert any(url.endswith("/propose/") for url in urls) and any(url.endswith("/contribute/") for url in urls)


def test_pull_request_template_has_a_checklist() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    assert "catalogue codeowners" in text and "make test" in text
