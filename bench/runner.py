"""The benchmark runner behind `python -m bench` (and `make bench`).

    python -m bench                 1,000 and 10,000 records; writes bench/RESULTS.md and bench/results.json
    python -m bench --with-50k      the same plus 50,000 records
    python -m bench --ci            200 records, one run of each step, results in a temporary folder

For each size N it generates a synthetic catalogue (bench.generate) and a bare MkDocs + material
project of the same N records as plain Markdown pages (bench.baseline), then measures:

1. `catalogue validate` (whole CLI, Python start-up included) next to check-jsonschema on the
   same project files (schema only);
2. the full `mkdocs build` of the catalogue next to the bare build, alternating, best of --runs,
   with the peak RSS of each build process and its children;
3. what the finder downloads (its index and store under api/) and material's search index, raw
   and gzip, in both sites;
4. the lunr.py index build (in-process, on the loaded model), the `catalogue search` CLI and
   queries over the prebuilt index;
5. the /find/ page of the built site in headless Chromium (bench.browser): time to the first
   results, and per-keystroke latency typing the queries letter by letter (skipped, with a
   message, where Chromium or Playwright is missing);
6. once, at 10,000 (200 with --ci), a cProfile of the catalogue build, summarised to our code.

Then it checks the budget (bench/budget.py) and exits 1 naming every line that failed. With
--ci nothing is enforced except that every step ran and succeeded.

Every build writes into a folder of its own that never existed before (site-1, site-2 ...):
writing into a folder that was just deleted costs seconds of kernel time on some disks, and old
builds are removed only after the timings of their size are done.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from importlib import import_module, metadata
from pathlib import Path
from typing import Any, TypeVar

from . import baseline, budget, measure, profile, report
from . import browser as finder_browser
from . import generate as gen

T = TypeVar("T")
REPO = gen.REPO
DEFAULT_COUNTS = (1_000, 10_000)
BIG = 50_000
CI_COUNT = 200
PROFILE_AT = 10_000
TODAY = "2026-11-22"  # the generator's "today": its records are valid and 4% stale on this day
EPOCH = "1795305600"  # 2026-11-22T00:00:00Z, so MkDocs' own dates (sitemap) are fixed too
SEED = 1
# The same description lengths as the generated records, so the baseline's pages carry the
# very same text: same seed, same factory, same records (bench.baseline's own default is shorter).
WORDS: tuple[int, int] = inspect.signature(gen.generate).parameters["words"].default
SITE_SOURCES = ("mkdocs.yml", "hooks", "docs", "overrides")
# Named in mkdocs.yml's `watch`, so they must exist; linked, not copied: the build uses the code
# and schemas of this checkout, exactly as `mkdocs build` in the repository does.
LINKED = ("schema", "catalogue")
# The finder's index as the site builds it (packed, without lunr.py's Index), and lunr.py's own
# Builder over the same fields: the first one found is "the" index build time.
INDEX_BUILDERS = {"site": ("catalogue.search.builder", "build"), "lunr": ("catalogue.search.index", "build_index")}
QUERIES = ("housing repairs", "adult social care", "chatbot", "air quality", "school parking")
MAX_ARGV = 1_000_000  # bytes of file names per check-jsonschema call (ARG_MAX is 2 MB here)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Runner:
    def __init__(self, work: Path, runs: int, ci: bool, seed: int = SEED, git: bool = True) -> None:
        self.work = work
        self.runs = runs
        self.ci = ci
        self.seed = seed
        self.git = git and shutil.which("git") is not None
        self.failures: list[dict[str, Any]] = []
        self.keep = False
        self._finder: dict[int, list[str]] = {}
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CATALOGUE_TODAY": TODAY, "SOURCE_DATE_EPOCH": EPOCH}
        # Bytecode is cached as on any developer's machine or CI runner, so no timed run pays for
        # compiling the catalogue package again (this machine sets PYTHONDONTWRITEBYTECODE).
        for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "PYTHONTRACEMALLOC"):
            self.env.pop(name, None)
        self.catalogue_cli = measure.tool("catalogue", "catalogue.cli")
        self.mkdocs_cli = measure.tool("mkdocs", "mkdocs")
        self.cjs_cli = measure.tool("check-jsonschema", "check_jsonschema")

    # --- bookkeeping ---------------------------------------------------------------------------

    def step(self, name: str, n: int, func: Callable[..., T], *args: Any) -> T | None:
        """Run one measurement; a failure is recorded and the run goes on."""
        log(f"N={n:,}: {name}")
        try:
            return func(*args)
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the others
            if isinstance(exc, StepFailed):
                detail = str(exc).strip()
                summary = detail.splitlines()[0] if detail else repr(exc)
            else:
                detail = traceback.format_exc(limit=4).strip()
                summary = _last_line(detail)
            self.failures.append({"n": n, "step": name, "summary": summary, "error": detail})
            log(f"N={n:,}: {name} FAILED: {summary}")
            return None

    # --- preparing the two projects ------------------------------------------------------------

    def prepare(self, n: int) -> dict[str, Any]:
        cat, base = self.work / f"catalogue-{n}", self.work / f"baseline-{n}"
        began = time.perf_counter()
        stats = gen.generate(n, cat, self.seed, force=True, words=WORDS)
        generated = time.perf_counter() - began
        for name in SITE_SOURCES:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, cat / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copyfile(source, cat / name)
        for name in LINKED:
            (cat / name).symlink_to(REPO / name, target_is_directory=True)
        if self.git:
            self._commit(cat)
        began = time.perf_counter()
        pages = baseline.build(n, base, self.seed, WORDS, force=True)
        return {"records": stats["records"], "record_bytes": stats["bytes"], "generate_s": round(generated, 3),
                "baseline_pages": pages["pages"], "baseline_words": pages["words"],
                "baseline_s": round(time.perf_counter() - began, 3)}

    def _commit(self, cat: Path) -> None:
        """One commit holding every record, as in a real checkout (the build reads dates from git)."""
        stamp = f"{TODAY}T12:00:00+00:00"
        env = {**self.env, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"]
        (cat / ".gitignore").write_text("/site*/\n", encoding="utf-8")
        for argv in (["git", "init", "-q"], ["git", "add", "-A"],
                     ["git", *identity, "commit", "-q", "-m", "Synthetic catalogue"]):
            done = measure.run(argv, cwd=cat, env=env)
            if not done.ok:
                raise StepFailed(done.failure("git"))

    # --- 1. validation -------------------------------------------------------------------------

    def validation(self, n: int) -> dict[str, Any]:
        cat = self.work / f"catalogue-{n}"
        files = sorted(p.relative_to(cat).as_posix() for p in (cat / "projects").rglob("*.yml"))
        validate = [*self.catalogue_cli, "--root", str(cat), "validate", "--today", TODAY]
        base_uri = (REPO / "schema").resolve().as_uri() + "/"
        cjs = [*self.cjs_cli, "--schemafile", str(REPO / "schema" / "project.schema.json"), "--base-uri", base_uri]
        batches = _batches(files, MAX_ARGV)
        # Untimed warm-up: compiles and caches bytecode, reads the records into the page cache.
        for argv in (validate, [*cjs, *files[:20]]):
            done = measure.run(argv, cwd=cat, env=self.env)
            if not done.ok:
                raise StepFailed(done.failure(f"{argv[0]} (warm-up)"))
        ours: list[measure.Run] = []
        theirs: list[float] = []
        for _ in range(self.runs):  # alternating, so both see the same machine
            done = measure.run(validate, cwd=cat, env=self.env)
            if not done.ok:
                raise StepFailed(done.failure("catalogue validate"))
            ours.append(done)
            took = 0.0
            for batch in batches:
                done = measure.run([*cjs, *batch], cwd=cat, env=self.env)
                if not done.ok:
                    raise StepFailed(done.failure("check-jsonschema"))
                took += done.seconds
            theirs.append(took)
        best, other = min(r.seconds for r in ours), min(theirs)
        summary = ours[-1].stdout.strip().splitlines()[-1] if ours[-1].stdout.strip() else ""
        return {
            "validate": {"runs_s": _r(r.seconds for r in ours), "best_s": round(best, 3),
                         "best_cpu_s": round(min(r.cpu_seconds for r in ours), 3),
                         "peak_rss_mb": round(max(r.peak_rss_mb for r in ours), 1), "summary": summary},
            "check_jsonschema": {"runs_s": _r(theirs), "best_s": round(other, 3), "files": len(files),
                                 "invocations": len(batches)},
            "validate_speedup": round(other / best, 2) if best else None,
        }

    # --- 2. builds -----------------------------------------------------------------------------

    def builds(self, n: int) -> dict[str, Any]:
        sides = {"ours": self.work / f"catalogue-{n}", "baseline": self.work / f"baseline-{n}"}
        runs: dict[str, list[measure.Run]] = {"ours": [], "baseline": []}
        last: dict[str, Path] = {}
        loads: list[list[float]] = []
        for i in range(1, self.runs + 1):
            for side, root in sides.items():  # alternating: ours, bare, ours, bare ...
                site = root / f"site-{i}"
                loads.append(measure.load_average()[:1])
                done = measure.run([*self.mkdocs_cli, "build", "-q", "--site-dir", str(site)], cwd=root, env=self.env)
                if not done.ok:
                    raise StepFailed(done.failure(f"mkdocs build ({side}, N={n})"))
                runs[side].append(done)
                log(f"N={n:,}: build {side} run {i}: {done.seconds:.2f}s wall, {done.cpu_seconds:.2f}s CPU, "
                    f"{done.peak_rss_mb:.0f} MB (load {loads[-1][0] if loads[-1] else '?'})")
                last[side] = site
        out: dict[str, Any] = {}
        for side, done_runs in runs.items():
            pages, total = measure.tree_size(last[side])
            out[side] = {
                "runs_s": _r(r.seconds for r in done_runs),
                "best_s": round(min(r.seconds for r in done_runs), 3),
                "cpu_runs_s": _r(r.cpu_seconds for r in done_runs),
                "best_cpu_s": round(min(r.cpu_seconds for r in done_runs), 3),
                "peak_rss_mb": round(max(r.peak_rss_mb for r in done_runs), 1),
                "html_pages": sum(1 for _ in last[side].rglob("*.html")),
                "site_files": pages,
                "site_mb": round(total / measure.MB, 1),
                "warnings": sum(line.count("WARNING") for line in done_runs[-1].stderr.splitlines()),
                "site_dir": str(last[side]),
            }
        out["ratio"] = round(out["ours"]["best_s"] / out["baseline"]["best_s"], 3)
        out["cpu_ratio"] = round(out["ours"]["best_cpu_s"] / out["baseline"]["best_cpu_s"], 3)
        out["load_before_runs"] = [x[0] if x else None for x in loads]
        out["rss_ratio"] = round(out["ours"]["peak_rss_mb"] / out["baseline"]["peak_rss_mb"], 2)
        return out

    # --- 3. payloads ---------------------------------------------------------------------------

    def material_search(self, build: dict[str, Any]) -> dict[str, Any]:
        """material's search/search_index.json in both sites (the theme's header search)."""
        out = {}
        for side in ("ours", "baseline"):
            index = Path(build[side]["site_dir"]) / "search" / "search_index.json"
            if not index.is_file():
                raise StepFailed(f"{index} is missing")
            out[side] = measure.sizes([index])
        return out

    def finder_payload(self, n: int, build: dict[str, Any], catalogue: Any) -> dict[str, Any]:
        """What /find/ downloads: the search producer's JSON files under api/, as built."""
        site = Path(build["ours"]["site_dir"])
        uris = self.finder(n, catalogue)
        missing = [uri for uri in uris if not (site / uri).is_file()]
        if not uris or missing:
            raise StepFailed(f"finder files missing from the built site: {missing or 'none published'}")
        files = {uri: measure.sizes([site / uri]) for uri in uris}
        return {"files": files, "raw": sum(f["raw"] for f in files.values()),
                "gzip": sum(f["gzip"] for f in files.values())}

    # --- 4. search -----------------------------------------------------------------------------

    def load_model(self, n: int) -> tuple[Any, float]:
        from catalogue.model import load
        from catalogue.rules import Settings

        began = time.perf_counter()
        model = load(self.work / f"catalogue-{n}", Settings(dt.date.fromisoformat(TODAY), 6))
        return model, time.perf_counter() - began

    def index_build(self, catalogue: Any) -> dict[str, Any]:
        """The site's index builder and lunr.py's own Builder on the same model, each best of --runs."""
        out: dict[str, Any] = {}
        for key, (module, name) in INDEX_BUILDERS.items():
            func = getattr(_optional(module), name, None)
            if func is None:
                continue
            times = []
            for _ in range(self.runs):
                began = time.perf_counter()
                func(catalogue)
                times.append(time.perf_counter() - began)
            out[key] = {"function": f"{module}.{name}", "runs_s": _r(times), "best_s": round(min(times), 3)}
        if not out:
            raise StepFailed(f"no index builder found: {', '.join(m + '.' + f for m, f in INDEX_BUILDERS.values())}")
        first = next(iter(out.values()))
        return {"index_build_s": first["best_s"], "index_builders": out}

    def finder(self, n: int, catalogue: Any) -> list[str]:
        if n not in self._finder:
            self._finder[n] = finder_uris(catalogue, self.work / f"catalogue-{n}")
        return self._finder[n]

    def queries(self, n: int, catalogue: Any, site: Path) -> dict[str, Any]:
        """Load the prebuilt index and store the finder downloads, as `catalogue search` does, and
        time queries on them (query.Finder when it exists, else lunr's own search)."""
        index_data = store = None
        for uri in self.finder(n, catalogue):
            data = json.loads((site / uri).read_bytes())
            if index_data is None and is_index(data):
                index_data = data
            elif store is None and isinstance(data, dict) and "docs" in data:
                store = data
        if index_data is None:
            raise StepFailed("no search index among the finder's files")
        began = time.perf_counter()
        index = load_index(index_data)
        search, engine = searcher(index, store)
        load_s = time.perf_counter() - began
        per_query: dict[str, Any] = {}
        for query in QUERIES:
            search(query)  # warm
            best, hits = float("inf"), 0
            for _ in range(3):
                began = time.perf_counter()
                hits = search(query)
                best = min(best, time.perf_counter() - began)
            per_query[query] = {"ms": round(best * 1000, 2), "hits": hits}
        times = [q["ms"] for q in per_query.values()]
        return {"engine": engine, "index_load_s": round(load_s, 3), "median_ms": round(measure.median(times), 2),
                "max_ms": max(times), "per_query": per_query}

    def search_cli(self, n: int) -> dict[str, Any]:
        """`catalogue search` as a person runs it: once without its cache (validate and index the
        records), once filling the cache, then each query reading the cache back."""
        cat = self.work / f"catalogue-{n}"
        queries = QUERIES[: 1 if self.ci else 3]

        def search(query: str, *extra: str) -> measure.Run:
            argv = [*self.catalogue_cli, "--root", str(cat), "search", query, "--today", TODAY, *extra]
            done = measure.run(argv, cwd=cat, env=self.env)
            if not done.ok:
                raise StepFailed(done.failure("catalogue search"))
            return done

        cold, filling = search(queries[0], "--no-cache"), search(queries[0])
        cached = {query: search(query) for query in queries}
        per_query = {query: round(done.seconds, 3) for query, done in cached.items()}
        return {"per_query_s": per_query, "median_s": round(measure.median(list(per_query.values())), 3),
                "median_cpu_s": round(measure.median([done.cpu_seconds for done in cached.values()]), 3),
                "no_cache_s": round(cold.seconds, 3), "no_cache_cpu_s": round(cold.cpu_seconds, 3),
                "filling_cache_s": round(filling.seconds, 3),
                "peak_rss_mb": round(max(done.peak_rss_mb for done in [cold, filling, *cached.values()]), 1)}

    # --- 5. the finder in a browser -------------------------------------------------------------

    def browser(self, n: int, build: dict[str, Any]) -> dict[str, Any]:
        """First results and keystroke latency of the built site's /find/ in headless Chromium."""
        reason = finder_browser.missing()
        if reason is not None:
            log(f"N={n:,}: finder in headless Chromium skipped: {reason}")
            return {"skipped": reason}
        found = finder_browser.measure(Path(build["ours"]["site_dir"]), QUERIES, self.runs)
        log(f"N={n:,}: finder first results {found['first_results_ms']:.0f} ms; keystrokes median "
            f"{found['keystroke_median_ms']:.0f} ms, max {found['keystroke_max_ms']:.0f} ms")
        return found

    # --- 6. profile ----------------------------------------------------------------------------

    def profile(self, n: int) -> dict[str, Any]:
        cat = self.work / f"catalogue-{n}"
        stats = self.work / f"build-{n}.pstats"
        env = {**self.env, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        done = measure.run([sys.executable, "-m", "bench.profile", "--config", str(cat / "mkdocs.yml"),
                            "--site-dir", str(cat / "site-profile"), "--out", str(stats)], cwd=cat, env=env)
        if not done.ok:
            raise StepFailed(done.failure("profiled build"))
        summary = profile.summarise(stats, roots=[cat])
        return {"n": n, "wall_s": round(done.seconds, 3), "peak_rss_mb": round(done.peak_rss_mb, 1),
                "stats_file": str(stats), **summary}

    # --- one size ------------------------------------------------------------------------------

    def size(self, n: int, profile_here: bool) -> dict[str, Any]:
        result: dict[str, Any] = {"n": n}
        prepared = self.step("generate the catalogue and the baseline", n, self.prepare, n)
        if prepared is None:
            return result
        result["inputs"] = prepared
        result.update(self.step("validate and check-jsonschema", n, self.validation, n) or {})
        build = self.step("builds, ours and bare, alternating", n, self.builds, n)
        if build is not None:
            result["build"] = build
        loaded = self.step("load the model in-process", n, self.load_model, n)
        catalogue, load_s = loaded if loaded is not None else (None, 0.0)
        if build is not None:
            result["payload"] = {
                "material_search": self.step("material search index sizes", n, self.material_search, build),
                "finder": (self.step("finder payload sizes", n, self.finder_payload, n, build, catalogue)
                           if catalogue is not None else None),
            }
        search: dict[str, Any] = {"model_load_s": round(load_s, 3)} if catalogue is not None else {}
        if catalogue is not None:
            search.update(self.step("lunr.py index build in-process", n, self.index_build, catalogue) or {})
            if build is not None:
                search["query"] = self.step("queries over the prebuilt index", n, self.queries, n, catalogue,
                                            Path(build["ours"]["site_dir"]))
        del catalogue
        search["cli"] = self.step("catalogue search CLI", n, self.search_cli, n)
        result["search"] = search
        if build is not None:
            result["browser"] = self.step("finder in headless Chromium", n, self.browser, n, build)
        if profile_here:
            result["profile"] = self.step("profiled build (cProfile)", n, self.profile, n)
        return result

    def tidy(self, n: int) -> None:
        """Remove this size's builds and sources, after its timings (and before the next size's)."""
        if self.keep:
            return
        for name in (f"catalogue-{n}", f"baseline-{n}"):
            shutil.rmtree(self.work / name, ignore_errors=True)
        if hasattr(os, "sync"):
            os.sync()


class StepFailed(Exception):
    """A measured command failed: the message says which and shows its output."""


def finder_uris(catalogue: Any, root: Path) -> list[str]:
    """The files under api/ that the finder downloads: the JSON outputs of the search producer."""
    from catalogue import publish

    try:
        search_build = import_module("catalogue.search.build")
    except ModuleNotFoundError as exc:
        raise StepFailed("catalogue.search.build does not exist yet: the finder is not published") from exc
    options = publish.SiteOptions(root=root, site_url="https://borough-projects.github.io/catalogue/")
    return sorted(o.uri for o in search_build.outputs(catalogue, options)
                  if o.uri.startswith("api/") and o.uri.endswith(".json"))


def is_index(data: Any) -> bool:
    """A serialised lunr index, plain or in catalogue.search.packed's form."""
    return isinstance(data, dict) and ("invertedIndex" in data or data.get("format") == "lunr-packed")


def load_index(data: dict[str, Any]) -> Any:
    """The prebuilt index ready to query: as `catalogue search` loads it where the code has a
    scorer of the packed form, else as lunr.py's Index."""
    if data.get("format") == "lunr-packed":
        scoring = _optional("catalogue.search.scoring")
        if scoring is not None:
            return scoring.PackedIndex(data)
        return import_module("catalogue.search.packed").load(data)
    from lunr.index import Index

    return Index.load(data)


def searcher(index: Any, store: dict[str, Any] | None) -> tuple[Callable[[str], int], str]:
    """A function running one query and returning its number of hits, and what it uses."""
    finder_class = getattr(_optional("catalogue.search.query"), "Finder", None)
    if finder_class is not None and store is not None:
        finder = finder_class(index, store)

        def run_finder(text: str) -> int:
            result = finder.search(text)
            total = getattr(result, "total", None)
            return int(total) if total is not None else len(getattr(result, "hits", []))

        return run_finder, "catalogue.search.query.Finder.search"
    return (lambda text: len(index.search(text))), "lunr Index.search"


def _optional(module: str) -> Any:
    try:
        return import_module(module)
    except ModuleNotFoundError:
        return None


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else "?"


def _batches(files: list[str], limit: int) -> list[list[str]]:
    out: list[list[str]] = [[]]
    used = 0
    for name in files:
        if out[-1] and used + len(name) + 1 > limit:
            out.append([])
            used = 0
        out[-1].append(name)
        used += len(name) + 1
    return out


def _r(values: Any) -> list[float]:
    return [round(v, 3) for v in values]


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in ("mkdocs", "mkdocs-material", "lunr", "check-jsonschema", "jsonschema-rs", "PyYAML"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def run(counts: Sequence[int], work: Path, runs: int, ci: bool, profile_at: int | None,
        git: bool = True, keep: bool = False) -> dict[str, Any]:
    runner = Runner(work, runs, ci, git=git)
    runner.keep = keep
    began = time.perf_counter()
    results: dict[str, Any] = {
        "format": 1,
        "mode": "ci" if ci else "full",
        "started": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_before": measure.load_average()},
        "versions": versions(),
        "settings": {"counts": list(counts), "runs": runs, "seed": SEED, "words": list(WORDS), "today": TODAY,
                     "gzip_level": measure.GZIP_LEVEL, "queries": list(QUERIES), "git_history": runner.git},
        "sizes": [],
    }
    for n in counts:
        results["sizes"].append(runner.size(n, profile_here=n == profile_at))
        runner.tidy(n)
    results["profile"] = next((s.pop("profile") for s in results["sizes"] if "profile" in s), None)
    results["machine"]["load_after"] = measure.load_average()
    results["seconds"] = round(time.perf_counter() - began, 1)
    results["failures"] = runner.failures
    return results


def write(results: dict[str, Any], out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    data, page = out / "results.json", out / "RESULTS.md"
    data.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    page.write_text(report.markdown(results), encoding="utf-8")
    return data, page


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ci", action="store_true",
                        help=f"prove the runner works: N={CI_COUNT}, one run each, no budget, results in a temporary "
                        "folder")
    parser.add_argument("--with-50k", action="store_true", help=f"also measure N={BIG:,}")
    parser.add_argument("--counts", type=lambda s: [int(x) for x in s.split(",")], metavar="N,N",
                        help="measure these sizes instead (the budget needs 1000 and 10000)")
    parser.add_argument("--runs", type=int, metavar="K",
                        help="timed runs of each step, best kept (default 3; 1 with --ci)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="where to write RESULTS.md and results.json (default: bench/; with --ci the work folder)")
    parser.add_argument("--work", type=Path, metavar="DIR",
                        help="scratch folder for catalogues and builds (default: a new temporary folder, removed "
                        "after)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--no-budget", action="store_true", help="report the budget but do not fail on it")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled build")
    parser.add_argument("--no-git", action="store_true", help="do not commit the generated records to a git repository")
    parser.add_argument("--wait-for-quiet", type=float, default=0.0, metavar="SECONDS",
                        help="first wait up to this long for the 1-minute load average to drop below --max-load")
    parser.add_argument("--max-load", type=float, default=1.5, metavar="LOAD",
                        help="see --wait-for-quiet (default 1.5)")
    args = parser.parse_args(argv)

    counts = args.counts or ([CI_COUNT] if args.ci else [*DEFAULT_COUNTS, *([BIG] if args.with_50k else [])])
    runs = args.runs or (1 if args.ci else 3)
    if runs < 1 or any(n < 1 for n in counts):
        parser.error("--runs and every count must be at least 1")
    profile_at = None if args.no_profile else (counts[-1] if args.ci or PROFILE_AT not in counts else PROFILE_AT)
    work = args.work or Path(tempfile.mkdtemp(prefix="catalogue-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out = args.out or (work if args.ci else REPO / "bench")
    if args.wait_for_quiet > 0:
        measure.wait_for_quiet(args.max_load, args.wait_for_quiet, log)
    log(f"sizes {', '.join(f'{n:,}' for n in counts)}; {runs} run(s) each; scratch folder {work}")
    try:
        results = run(counts, work, runs, args.ci, profile_at, git=not args.no_git, keep=args.keep)
    finally:
        if not args.keep:  # sources, sites and stats go; RESULTS.md and results.json stay
            if args.work is None and out.resolve() != work.resolve():
                shutil.rmtree(work, ignore_errors=True)
            else:
                for child in work.glob("*.pstats"):
                    child.unlink()
    checked = not args.ci and set(DEFAULT_COUNTS) <= set(counts)
    results["budget"] = budget.check(results) if checked else None
    data, page = write(results, out)
    log(f"wrote {page} and {data} in {results['seconds']:.0f}s")

    status = 0
    for failure in results["failures"]:
        print(f"step failed at N={failure['n']:,}: {failure['step']}: {failure['summary']}", file=sys.stderr)
        status = 1
    if results["budget"] is not None:
        for row in results["budget"]:
            prefix = "budget ok: " if row["pass"] else "budget line failed: "
            print(prefix + budget.describe(row), file=sys.stderr)
            if not row["pass"] and not args.no_budget:
                status = 1
    elif not args.ci:
        print("budget not checked: it needs the 1,000 and 10,000 sizes", file=sys.stderr)
    return status

