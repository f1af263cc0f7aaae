"""`catalogue search`: ranked matches as text or JSON, filters, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from records_support import write
from search_support import REPO

RANKED = re.compile(r"^ *\d+\. ")
APPRENTICESHIPS = ["digital-apprenticeships", "camden-digital-apprenticeships", "lewisham-digital-apprenticeships"]


def test_text_lists_ranked_matches(run_cli) -> None:
    code, out = run_cli("--root", str(REPO), "search", "apprentic")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "3 projects match:"
    assert lines[2] == "1. Digital apprenticeships  [digital-apprenticeships]"
    assert lines[3] == "   Hackney · phase live · status active · projects/digital-apprenticeships/"
    ranked = [line.split("[")[1].rstrip("]") for line in lines if RANKED.match(line)]
    assert ranked == APPRENTICESHIPS


def test_json_has_rank_id_title_lead_phase_status_and_url(run_cli) -> None:
    code, out = run_cli("--root", str(REPO), "search", "wfi", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["query"], data["words"], data["sort"]) == ("wfi", ["wfi"], "relevance")
    first = data["results"][0]
    assert {k: first[k] for k in ("rank", "id", "title", "lead", "phase", "status", "url")} == {
        "rank": 1, "id": "govroam-council-buildings", "title": "Shared wifi across council buildings (govroam)",
        "lead": {"id": "loti", "name": "LOTI"}, "phase": "live", "status": "active",
        "url": "projects/govroam-council-buildings/"}
    assert data["total"] == len(data["results"])
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)
    assert sum(data["facets"]["phase"].values()) == data["total"]


def test_filters_narrow_and_repeat(run_cli) -> None:
    code, out = run_cli("--root", str(REPO), "search", "apprenticeships", "--borough", "camden",
                        "--borough", "lewisham", "--phase", "beta", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [r["id"] for r in data["results"]] == ["lewisham-digital-apprenticeships"]
    assert data["filters"] == {"borough": ["camden", "lewisham"], "phase": ["beta"]}


def test_no_query_lists_everything_with_the_filters(run_cli) -> None:
    code, out = run_cli("--root", str(REPO), "search", "--topic", "connectivity", "--sort", "start",
                        "--limit", "0", "--format", "json")
    assert code == 0
    starts = [r["start"] for r in json.loads(out)["results"]]
    assert starts and starts == sorted(starts, reverse=True)


def test_limit_says_how_many_more(run_cli) -> None:
    code, out = run_cli("--root", str(REPO), "search", "data", "--limit", "2")
    assert code == 0
    assert sum(1 for line in out.splitlines() if RANKED.match(line)) == 2
    assert out.splitlines()[-1].startswith("Showing 2 of ")


def test_special_characters_are_words_not_syntax(run_cli) -> None:
    for text in ("a:b", "+-~", "title:wifi", "wifi^2", "*", "((", '"'):
        code, _ = run_cli("--root", str(REPO), "search", text)
        assert code == 0, text
    code, out = run_cli("--root", str(REPO), "search", "+-~")
    assert out.startswith("No words to search for in '+-~': every project is listed.")


def test_no_match_says_so(run_cli) -> None:
    code, out = run_cli("--root", str(REPO), "search", "zzzzqqqq")
    assert code == 0
    assert out.strip() == "No projects match. Try fewer or different words, or fewer filters."


def test_an_unknown_filter_value_is_a_usage_error(run_cli) -> None:
    code, _ = run_cli("--root", str(REPO), "search", "wifi", "--borough", "hakney")
    assert code == 2
    assert "unknown borough 'hakney' (did you mean 'hackney'?)" in run_cli.err


def test_invalid_records_stop_the_search(catalogue: Path, run_cli) -> None:
    write(catalogue, "projects/hackney/broken.yml", "schema_version: 1\nid: broken\n")
    code, out = run_cli("search", "wifi")
    assert code == 1 and out == ""
    assert "projects/hackney/broken.yml" in run_cli.err and "catalogue validate" in run_cli.err


def test_help_names_the_options(run_cli) -> None:
    code, out = run_cli("search", "--help")
    assert code == 0
    for option in ("--borough", "--phase", "--status", "--topic", "--collaboration", "--year", "--sort",
                   "--limit", "--format"):
        assert option in out
