"""bench/RESULTS.md from the runner's results (the same data as bench/results.json)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import budget as budget_lines

MB = 1_000_000


def _at(size: dict[str, Any], *path: str) -> Any:
    node: Any = size
    for key in path:
        if not isinstance(node, dict) or node.get(key) is None:
            return None
        node = node[key]
    return node


def _num(value: Any, digits: int = 2, suffix: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def _mb(value: Any) -> str:
    return "–" if value is None else f"{value / MB:,.2f}"


def _pair(node: Any) -> str:
    """'raw / gzip' in MB."""
    if not node:
        return "–"
    return f"{_mb(node['raw'])} / {_mb(node['gzip'])}"


def _sides(size: dict[str, Any], key: str, digits: int = 0) -> str:
    ours, bare = _at(size, "build", "ours", key), _at(size, "build", "baseline", key)
    return f"{_num(ours, digits)} / {_num(bare, digits)}"


Row = tuple[str, Callable[[dict[str, Any]], str]]

ROWS: tuple[Row, ...] = (
    ("records generated (YAML MB)", lambda s: _mb(_at(s, "inputs", "record_bytes"))),
    ("**catalogue validate**, whole CLI (s)", lambda s: _num(_at(s, "validate", "best_s"))),
    ("check-jsonschema, schema only, same files (s)", lambda s: _num(_at(s, "check_jsonschema", "best_s"))),
    ("check-jsonschema ÷ catalogue validate", lambda s: _num(_at(s, "validate_speedup"), 1, "x")),
    ("validate CPU time, user + sys, all processes (s)", lambda s: _num(_at(s, "validate", "best_cpu_s"))),
    ("validate peak RSS (MB)", lambda s: _num(_at(s, "validate", "peak_rss_mb"), 0)),
    ("**our site build** (s)", lambda s: _num(_at(s, "build", "ours", "best_s"))),
    ("bare MkDocs + material build, same records (s)", lambda s: _num(_at(s, "build", "baseline", "best_s"))),
    ("**build ratio**, ours ÷ bare", lambda s: _num(_at(s, "build", "ratio"), 3, "x")),
    ("CPU time (user + sys) of the builds, ours / bare (s)",
     lambda s: _sides(s, "best_cpu_s", 1)),
    ("CPU-time ratio, ours ÷ bare", lambda s: _num(_at(s, "build", "cpu_ratio"), 3, "x")),
    ("1-minute load average before each build run",
     lambda s: ", ".join(f"{x:.1f}" for x in _at(s, "build", "load_before_runs") or [] if x is not None) or "–"),
    ("our build peak RSS (MB)", lambda s: _num(_at(s, "build", "ours", "peak_rss_mb"), 0)),
    ("bare build peak RSS (MB)", lambda s: _num(_at(s, "build", "baseline", "peak_rss_mb"), 0)),
    ("HTML pages written, ours / bare", lambda s: _sides(s, "html_pages")),
    ("site size on disk, ours / bare (MB)", lambda s: _sides(s, "site_mb")),
    ("**finder index + store**, raw / gzip (MB)", lambda s: _pair(_at(s, "payload", "finder"))),
    ("material search_index.json, ours, raw / gzip (MB)",
     lambda s: _pair(_at(s, "payload", "material_search", "ours"))),
    ("material search_index.json, bare, raw / gzip (MB)",
     lambda s: _pair(_at(s, "payload", "material_search", "baseline"))),
    ("model load in-process: read + validate + link (s)", lambda s: _num(_at(s, "search", "model_load_s"))),
    ("finder index build in-process, as the site builds it (s)",
     lambda s: _num(_at(s, "search", "index_builders", "site", "best_s"))),
    ("lunr.py Builder over the same fields, in-process (s)",
     lambda s: _num(_at(s, "search", "index_builders", "lunr", "best_s"))),
    ("prebuilt index: load for querying, as `catalogue search` does (s)",
     lambda s: _num(_at(s, "search", "query", "index_load_s"))),
    ("query over the prebuilt index (query.Finder), median / max (ms)",
     lambda s: f"{_num(_at(s, 'search', 'query', 'median_ms'), 1)} / {_num(_at(s, 'search', 'query', 'max_ms'), 1)}"),
    ("`catalogue search` CLI, median wall (s)", lambda s: _num(_at(s, "search", "cli", "median_s"))),
    ("`catalogue search` CLI without its cache (--no-cache), wall / CPU (s)",
     lambda s: f"{_num(_at(s, 'search', 'cli', 'no_cache_s'))} / {_num(_at(s, 'search', 'cli', 'no_cache_cpu_s'))}"),
    ("**finder in Chromium: first results** after opening /find/ (ms)", lambda s: _browser(s, "first_results_ms")),
    ("**finder in Chromium: keystroke to results**, median / max (ms)",
     lambda s: f"{_browser(s, 'keystroke_median_ms')} / {_browser(s, 'keystroke_max_ms')}"),
)


def _browser(size: dict[str, Any], key: str) -> str:
    node = size.get("browser")
    if isinstance(node, dict) and "skipped" in node:
        return "skipped"
    return _num(_at(size, "browser", key), 0)


def _growth(sizes: list[dict[str, Any]]) -> list[str]:
    """Each size's build time over the smallest's, ours and bare."""
    first = sizes[0]
    lines = []
    for size in sizes[1:]:
        factor = size["n"] / first["n"]
        parts = []
        for side in ("ours", "baseline"):
            a, b = _at(size, "build", side, "best_s"), _at(first, "build", side, "best_s")
            parts.append(f"{a / b:.2f}x" if a and b else "–")
        v = (_at(size, "validate", "best_s"), _at(first, "validate", "best_s"))
        valid = f"{v[0] / v[1]:.2f}x" if all(v) else "–"
        lines.append(f"| {first['n']:,} → {size['n']:,} ({factor:g}x records) | {parts[0]} | {parts[1]} | {valid} |")
    return lines


def markdown(results: dict[str, Any]) -> str:
    sizes = [s for s in results["sizes"] if "inputs" in s]
    machine, settings, versions = results["machine"], results["settings"], results["versions"]
    out = [
        "# Benchmark results",
        "",
        f"Written by `python -m bench`{' --ci' if results['mode'] == 'ci' else ''} on {results['started']} "
        f"(took {results['seconds']:.0f} s). Do not edit: run `make bench` again.",
        "",
        f"Machine: {machine['cpus']} CPUs, {machine['platform']}; load average (1, 5, 15 min) "
        f"{_load(machine.get('load_before'))} before and {_load(machine.get('load_after'))} after. "
        f"Python {versions['python']}, MkDocs {versions['mkdocs']}, material {versions['mkdocs-material']}, "
        f"lunr.py {versions['lunr']}, check-jsonschema {versions['check-jsonschema']}.",
        "",
        f"Each timed step ran {settings['runs']} time(s), builds alternating ours / bare, and the best "
        "run is kept; peak RSS is the largest of the runs (the build process and its children). Times "
        "drift up to 2x between runs on a shared machine: compare the ratios, which come from one run. "
        f"Records: seed {settings['seed']}, descriptions of {settings['words'][0]}-{settings['words'][1]} "
        "words; the bare baseline renders the very same records as plain Markdown pages. Sizes are "
        f"decimal MB; gzip at level {settings['gzip_level']}, each file on its own.",
        "",
    ]
    loads = [x[0] for x in (machine.get("load_before"), machine.get("load_after")) if x]
    if loads and machine.get("cpus") and max(loads) > 0.75 * machine["cpus"]:
        out += [f"**The machine was busy during this run** (1-minute load average up to {max(loads):.1f} on "
                f"{machine['cpus']} CPUs): wall times are inflated and their ratios are noisy. The CPU-time rows "
                "are steadier; run `make bench` again on a quiet machine for figures to quote.", ""]
    if results.get("budget"):
        out += ["## Budget at 10,000 records", "", "| line | budget | measured | verdict |", "|---|---|---|---|"]
        for row in results["budget"]:
            limit = f"{budget_lines.comparison(row)} {row['limit']:g} {row['unit']}"
            value = "not measured" if row["value"] is None else f"{row['value']:g} {row['unit']}"
            verdict = "pass" if row["pass"] else f"**{row['verdict']}**"
            out.append(f"| {row['text']} | {limit} | {value} | {verdict} |")
        out.append("")
    if results.get("failures"):
        out += ["## Failed steps", ""]
        for failure in results["failures"]:
            out.append(f"- N={failure['n']:,}, {failure['step']}: {failure['summary']}")
        out.append("")
    if sizes:
        out += ["## Measurements", "", "| | " + " | ".join(f"{s['n']:,} records" for s in sizes) + " |",
                "|---|" + "---:|" * len(sizes)]
        out += [f"| {label} | " + " | ".join(cell(s) for s in sizes) + " |" for label, cell in ROWS]
        out.append("")
        if len(sizes) > 1:
            out += ["## Growth", "", "Build time relative to the smallest size (linear growth is the record factor).",
                    "", "| sizes | our build | bare build | validate |", "|---|---:|---:|---:|", *_growth(sizes), ""]
        finder = _at(sizes[-1], "payload", "finder", "files")
        if finder:
            out += [f"## What the finder downloads at {sizes[-1]['n']:,} records", "",
                    "| file | raw (MB) | gzip (MB) |", "|---|---:|---:|"]
            out += [f"| `{uri}` | {_mb(f['raw'])} | {_mb(f['gzip'])} |" for uri, f in finder.items()]
            out.append("")
    prof = results.get("profile")
    if prof:
        out += [f"## Where a build spends its time ({prof['n']:,} records, one build under cProfile)", "",
                f"Profiled build: {prof['total_s']:.1f} s under cProfile ({prof['wall_s']:.1f} s wall with "
                f"start-up; cProfile slows Python code down, so read shares, not seconds). Time in our own "
                f"code's lines (callees excluded): {prof['own_self_s']:.1f} s.", "",
                "| stage | profiled s | share |", "|---|---:|---:|"]
        out += [f"| {st['stage'].strip()} | {st['seconds']:.2f} | {st['share']:.0%} |" for st in prof["stages"]]
        out += ["", f"Top {len(prof['top'])} functions of our code (catalogue/, hooks/) by cumulative time:", "",
                "| function | calls | own s | cumulative s | share of build |", "|---|---:|---:|---:|---:|"]
        out += [f"| `{row['function']}` | {row['calls']:,} | {row['tottime']:.2f} | {row['cumtime']:.2f} | "
                f"{row['share']:.0%} |" for row in prof["top"]]
        out.append("")
    out += ["## Budget lines", ""]
    out += [f"- {line.text}" for line, _ in budget_lines.LINES]
    out.append("")
    return "\n".join(out)


def _load(values: Any) -> str:
    return ", ".join(f"{v:.2f}" for v in values) if values else "unknown"
