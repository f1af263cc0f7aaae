"""The benchmark runner works end to end on a tiny catalogue, and its budget and report logic.

`python -m bench --ci` (200 records, one run of each step) must finish with every step
measured. Nothing here asserts a time: the machine running the tests may be busy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # `bench` is not an installed package

from bench import browser, budget, report, runner  # noqa: E402


def _positive(node: dict[str, Any], *keys: str) -> None:
    for key in keys:
        value = node[key]
        assert isinstance(value, int | float) and value > 0, f"{key} = {value!r}"


CiRun = tuple[dict[str, Any], Path, "subprocess.CompletedProcess[str]"]


@pytest.fixture(scope="module")
def ci_results(tmp_path_factory: pytest.TempPathFactory) -> CiRun:
    out = tmp_path_factory.mktemp("bench-ci")
    env = {k: v for k, v in os.environ.items() if k != "CATALOGUE_TODAY"}
    done = subprocess.run([sys.executable, "-m", "bench", "--ci", "--out", str(out)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    results = json.loads((out / "results.json").read_text(encoding="utf-8")) if (out / "results.json").exists() else {}
    return results, out, done


@pytest.mark.slow
def test_ci_mode_measures_every_step(ci_results: CiRun) -> None:
    results, out, done = ci_results
    assert done.returncode == 0, done.stderr[-3000:]
    assert results["failures"] == []
    assert results["mode"] == "ci" and results["budget"] is None
    (size,) = results["sizes"]
    assert size["n"] == runner.CI_COUNT
    assert size["inputs"]["records"] == runner.CI_COUNT

    _positive(size["validate"], "best_s", "peak_rss_mb")
    _positive(size["check_jsonschema"], "best_s", "files")
    _positive(size, "validate_speedup")
    assert "0 error(s)" in size["validate"]["summary"]

    for side in ("ours", "baseline"):
        _positive(size["build"][side], "best_s", "peak_rss_mb", "html_pages")
        assert len(size["build"][side]["runs_s"]) == 1
    _positive(size["build"], "ratio")

    finder = size["payload"]["finder"]
    _positive(finder, "raw", "gzip")
    assert finder["files"] and all(uri.startswith("api/") for uri in finder["files"])
    for side in ("ours", "baseline"):
        _positive(size["payload"]["material_search"][side], "raw", "gzip")

    search = size["search"]
    _positive(search, "model_load_s", "index_build_s")
    _positive(search["query"], "index_load_s", "median_ms")
    assert any(q["hits"] for q in search["query"]["per_query"].values())
    _positive(search["cli"], "median_s")

    browser = size["browser"]  # CI installs Chromium: the step must have run, not been skipped
    assert "skipped" not in browser, browser
    _positive(browser, "first_results_ms", "keystroke_median_ms", "keystroke_max_ms")
    assert browser["shown"] == runner.CI_COUNT  # the first results: every project
    assert browser["keystrokes"] == sum(len(query) for query in runner.QUERIES)

    prof = results["profile"]
    assert prof["n"] == runner.CI_COUNT
    _positive(prof, "total_s")
    assert 0 < len(prof["top"]) <= 15
    assert all(row["file"].startswith(("catalogue/", "hooks/")) for row in prof["top"])
    assert any(row["function"].startswith("hooks/catalogue.py") for row in prof["top"])


@pytest.mark.slow
def test_ci_mode_writes_the_report_in_its_own_folder(ci_results: CiRun) -> None:
    results, out, _ = ci_results
    page = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "## Measurements" in page and f"| {runner.CI_COUNT:,} records |" in page
    assert "## Where a build spends its time" in page
    assert not [p for p in out.iterdir() if p.is_dir()], "sources and sites are removed after --ci"


def _size(n: int, ours: float, bare: float, **extra: Any) -> dict[str, Any]:
    return {"n": n, "inputs": {"records": n, "record_bytes": n * 3600},
            "build": {"ours": {"best_s": ours, "peak_rss_mb": extra.get("rss", 300.0)},
                      "baseline": {"best_s": bare, "peak_rss_mb": 280.0}, "ratio": ours / bare},
            "validate": {"best_s": extra.get("validate", 1.5)}, "validate_speedup": extra.get("speedup", 6.0),
            "payload": {"finder": {"raw": 9_000_000, "gzip": extra.get("gzip", 2_000_000), "files": {}}},
            "browser": {"first_results_ms": extra.get("first", 600.0), "keystroke_median_ms": 20.0,
                        "keystroke_max_ms": extra.get("keystroke", 60.0)}}


def test_budget_passes_and_fails_line_by_line() -> None:
    good = {"sizes": [_size(1_000, 3.3, 3.0), _size(10_000, 33.0, 30.0)]}
    assert [row["pass"] for row in budget.check(good)] == [True] * 8

    bad = {"sizes": [_size(1_000, 3.0, 3.0), _size(10_000, 45.0, 30.0, rss=400.0, validate=2.5, gzip=2_600_000,
                                                   speedup=4.9, first=1_200.0, keystroke=100.5)]}
    verdicts = {row["key"]: row for row in budget.check(bad)}
    assert not any(row["pass"] for row in verdicts.values())
    assert verdicts["build_ratio"]["value"] == 1.5
    assert verdicts["growth"]["value"] == 1.5  # 15x against the baseline's 10x
    assert "FAIL" in budget.describe(verdicts["peak_rss"])  # "under 400 MB" is strict
    assert "budget >= 5 x" in budget.describe(verdicts["validate_speedup"])  # a floor, not a ceiling
    exactly = {"sizes": [_size(1_000, 3.3, 3.0), _size(10_000, 33.0, 30.0, speedup=5.0)]}
    assert {row["key"]: row["pass"] for row in budget.check(exactly)}["validate_speedup"]
    assert verdicts["finder_keystroke"]["value"] == 100.5


def test_budget_counts_what_was_not_measured_as_failed() -> None:
    rows = budget.check({"sizes": [_size(1_000, 3.0, 3.0)]})
    assert [row["verdict"] for row in rows] == ["not measured"] * 8


def test_report_renders_partial_results() -> None:
    results = {"mode": "full", "started": "2026-11-22T00:00:00Z", "seconds": 1.0,
               "machine": {"cpus": 2, "platform": "test", "load_before": [0.5, 0.5, 0.5], "load_after": []},
               "versions": {"python": "3.11", "mkdocs": "1", "mkdocs-material": "9", "lunr": "0.8",
                            "check-jsonschema": "0.34"},
               "settings": {"runs": 3, "seed": 1, "words": [250, 450], "gzip_level": 9},
               "sizes": [_size(1_000, 3.3, 3.0), _size(10_000, 33.0, 30.0)],
               "failures": [{"n": 10_000, "step": "catalogue search CLI", "summary": "exited with 2", "error": ""}],
               "profile": None}
    results["budget"] = budget.check(results)
    page = report.markdown(results)
    assert "| 1,000 records | 10,000 records |" in page
    assert "| **build ratio**, ours ÷ bare | 1.100x | 1.100x |" in page
    assert "catalogue search CLI: exited with 2" in page
    assert "| ≥ 5 x | 6 x | pass |" in page
    assert "1,000 → 10,000 (10x records) | 10.00x | 10.00x |" in page
    assert "| **finder in Chromium: keystroke to results**, median / max (ms) | 20 / 60 | 20 / 60 |" in page


def test_a_skipped_browser_step_says_so() -> None:
    size = {**_size(10_000, 33.0, 30.0), "browser": {"skipped": "no Chromium at /usr/bin/chromium"}}
    row = dict(report.ROWS)["**finder in Chromium: first results** after opening /find/ (ms)"]
    assert row(size) == "skipped"
    verdicts = {line["key"]: line for line in budget.check({"sizes": [size]})}
    assert verdicts["finder_first_results"]["verdict"] == "not measured"


def test_file_names_are_split_below_the_argument_limit() -> None:
    names = [f"projects/org/record-{i:05d}.yml" for i in range(1000)]
    batches = runner._batches(names, 5_000)
    assert [n for batch in batches for n in batch] == names
    assert all(sum(len(n) + 1 for n in batch) <= 5_000 for batch in batches)


def test_the_browser_step_says_why_it_is_skipped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    reason = browser.missing()
    assert reason is not None and f"no Chromium at {tmp_path / 'no-chromium'}" in reason
    step = runner.Runner(tmp_path, 1, ci=True, git=False)
    assert step.browser(runner.CI_COUNT, {"ours": {"site_dir": str(tmp_path)}}) == {"skipped": reason}
