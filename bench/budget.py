"""The performance budget, checked against the runner's results.

Every line is measured at 10,000 records (the growth line also needs 1,000). A line that could
not be measured (its sizes were not run, or its step failed) counts as failed: a budget nobody
checked is not met.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

AT = 10_000
FROM = 1_000


@dataclass(frozen=True)
class Line:
    key: str
    text: str  # what the budget promises
    limit: float
    unit: str
    strict: bool = False  # True: value must stay below the limit; False: at most the limit
    at_least: bool = False  # True: the limit is a floor (a speed-up), the value must reach it


def _get(results: dict[str, Any], n: int, *path: str) -> Any:
    for size in results.get("sizes", []):
        if size.get("n") == n:
            node: Any = size
            for key in path:
                if not isinstance(node, dict) or key not in node:
                    return None
                node = node[key]
            return node
    return None


def _growth(results: dict[str, Any]) -> float | None:
    ours = (_get(results, AT, "build", "ours", "best_s"), _get(results, FROM, "build", "ours", "best_s"))
    base = (_get(results, AT, "build", "baseline", "best_s"), _get(results, FROM, "build", "baseline", "best_s"))
    if None in ours or None in base or not ours[1] or not base[1] or not base[0]:
        return None
    return (ours[0] / ours[1]) / (base[0] / base[1])


LINES: tuple[tuple[Line, Callable[[dict[str, Any]], float | None]], ...] = (
    (Line("validate", "catalogue validate: 10,000 records in at most 2 s", 2.0, "s"),
     lambda r: _get(r, AT, "validate", "best_s")),
    (Line("validate_speedup", "catalogue validate at 10,000: at least 5x faster than check-jsonschema "
          "(schema part only; ours includes start-up and the cross-record rules)", 5.0, "x", at_least=True),
     lambda r: _get(r, AT, "validate_speedup")),
    (Line("build_ratio", "site build at 10,000: at most 1.15x the bare MkDocs baseline", 1.15, "x"),
     lambda r: _get(r, AT, "build", "ratio")),
    (Line("peak_rss", "site build at 10,000: peak RSS under 400 MB", 400.0, "MB", strict=True),
     lambda r: _get(r, AT, "build", "ours", "peak_rss_mb")),
    (Line("finder_payload", "finder index + store at 10,000: at most 2.5 MB gzip", 2.5, "MB"),
     lambda r: None if (g := _get(r, AT, "payload", "finder", "gzip")) is None else g / 1_000_000),
    (Line("growth", "linear growth: our 10,000/1,000 build-time ratio at most 1.1x the baseline's", 1.1, "x"),
     _growth),
    (Line("finder_first_results", "finder at 10,000 in headless Chromium: first results within 1 s of opening /find/",
          1000.0, "ms"),
     lambda r: _get(r, AT, "browser", "first_results_ms")),
    (Line("finder_keystroke", "finder at 10,000 in headless Chromium: every keystroke's results within 100 ms",
          100.0, "ms"),
     lambda r: _get(r, AT, "browser", "keystroke_max_ms")),
)


def check(results: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for line, measure in LINES:
        value = measure(results)
        if value is None:
            passed = False
            verdict = "not measured"
        else:
            if line.at_least:
                passed = value >= line.limit
            else:
                passed = value < line.limit if line.strict else value <= line.limit
            verdict = "pass" if passed else "FAIL"
        out.append({**asdict(line), "value": None if value is None else round(value, 3), "pass": passed,
                    "verdict": verdict})
    return out


def describe(row: dict[str, Any]) -> str:
    value = "not measured" if row["value"] is None else f"{row['value']:g} {row['unit']}"
    limit = f"{comparison(row, '<=', '>=')} {row['limit']:g} {row['unit']}"
    return f"{row['verdict']}: {row['text']} (measured {value}, budget {limit})"


def comparison(row: dict[str, Any], at_most: str = "≤", at_least: str = "≥") -> str:
    """How a row's value must compare with its limit: < (strict), at most, or at least."""
    return at_least if row.get("at_least") else "<" if row["strict"] else at_most
