"""Profile one site build in-process and summarise where our own code spends the time.

    python -m bench.profile --config DIR/mkdocs.yml --site-dir DIR/site-profile --out build.pstats

The runner starts this in a child process (so the build's memory and MkDocs' cached hook module
never touch the runner) and then reads the stats with summarise(). "Our code" is every function
in the catalogue package and in hooks/, wherever the build imported them from.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OURS = ("catalogue/", "hooks/")


def profile_build(config_file: Path, site_dir: Path, out: Path) -> float:
    """mkdocs.commands.build.build(load_config(...)) under cProfile; the wall time in seconds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    profiler = cProfile.Profile()
    began = time.perf_counter()
    profiler.enable()
    try:
        build(config)
    finally:
        profiler.disable()
        took = time.perf_counter() - began
        profiler.dump_stats(str(out))
        config.plugins.on_shutdown()
    return took


def own_path(filename: str, roots: Sequence[Path]) -> str | None:
    """'catalogue/site/records.py' for a file of our code, None for anything else."""
    real = Path(os.path.realpath(filename)) if filename and not filename.startswith(("<", "~")) else None
    if real is None:
        return None
    for root in (REPO, *roots):
        try:
            rel = real.relative_to(os.path.realpath(root)).as_posix()
        except ValueError:
            continue
        if rel.startswith(OURS):
            return rel
    return None


def summarise(stats_file: Path, roots: Sequence[Path] = (), top: int = 15) -> dict[str, Any]:
    """Top functions of our code by cumulative time, and a few named stages of the build."""
    stats = pstats.Stats(str(stats_file))
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    total = max((ct for (_, _, _, ct, _) in raw.values()), default=0.0)
    ours: list[dict[str, Any]] = []
    own_self = 0.0
    for (filename, line, func), (_, calls, tottime, cumtime, _) in raw.items():
        rel = own_path(filename, roots)
        if rel is None:
            continue
        own_self += tottime
        ours.append({"function": f"{rel}:{line}({func})", "file": rel, "name": func, "calls": calls,
                     "tottime": round(tottime, 3), "cumtime": round(cumtime, 3),
                     "share": round(cumtime / total, 3) if total else 0.0})
    ours.sort(key=lambda row: (-row["cumtime"], row["function"]))
    return {
        "total_s": round(total, 3),
        "own_self_s": round(own_self, 3),  # time spent in our code's own lines, callees excluded
        "top": ours[:top],
        "stages": stages(ours, total),
    }


def stages(ours: list[dict[str, Any]], total: float) -> list[dict[str, Any]]:
    """The hook events, and inside on_files the loading and each producer, by cumulative time."""

    def cum(file: str, *names: str) -> float:
        return sum(row["cumtime"] for row in ours if row["file"] == file and row["name"] in names)

    rows = [("on_files: load the records and produce every generated page and file",
             cum("hooks/catalogue.py", "on_files")),
            ("· load and validate the records (publish.load_for_site)", cum("catalogue/publish.py", "load_for_site"))]
    producers: tuple[str, ...] = ()
    try:
        from catalogue.publish import PRODUCERS

        producers = tuple(PRODUCERS)
    except ImportError:
        pass
    for spec in producers:
        module, func = spec.split(":")
        file = module.replace(".", "/") + ".py"
        rows.append((f"· producer {spec}", cum(file, func)))
        if module == "catalogue.site.pages":  # its parts: one Site, then each kind of page
            rows.append(("·· Site.build: templates, vocabularies, similarity",
                         cum("catalogue/site/context.py", "build")))
            parts = sorted({row["file"] for row in ours if row["file"].startswith("catalogue/site/")
                            and row["name"] in ("outputs", "output") and row["file"] != file})
            rows += [(f"·· {part[:-3].replace('/', '.')}", cum(part, "outputs", "output")) for part in parts]
    hooks = rows[0][1]
    # Pages and large files are made when MkDocs writes them (publish.Output.body), so most of
    # the rendering happens in these, not in on_files.
    later = (("on_config", "on_config"), ("on_page_markdown", "on_page_markdown"),
             ("on_page_content", "on_page_content"),
             ("on_page_context: render each generated page as MkDocs writes it", "on_page_context"),
             ("copy_file: make and write each generated file (JSON, CSV, feeds)", "copy_file"),
             ("on_post_page, on_env, on_post_build", "on_post_page", "on_env", "on_post_build"))
    for label, *events in later:
        value = cum("hooks/catalogue.py", *events)
        rows.append((label, value))
        hooks += value
    rows.append(("everything else: MkDocs, Markdown, the theme's templates, writing files", max(0.0, total - hooks)))
    return [{"stage": label, "seconds": round(value, 3), "share": round(value / total, 3) if total else 0.0}
            for label, value in rows]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, required=True, help="the mkdocs.yml to build")
    parser.add_argument("--site-dir", type=Path, required=True, help="where to write the site (a new folder)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the cProfile stats")
    args = parser.parse_args(argv)
    took = profile_build(args.config, args.site_dir, args.out)
    print(f"profiled build took {took:.2f}s; stats in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
