"""Timings of ``minlint report`` on long packs (not a test).

Three figures for each draft, medians of several runs:

- building and rendering the page in one process, after the check (what the report
  adds to ``minlint check``);
- ``minlint report`` and ``minlint check`` as whole processes on the same inputs;
- with Chromium and ChromeDriver installed: the page opened in headless Chromium, until
  its DOMContentLoaded and until its first frame is drawn, and one filter applied.

The drafts are seed 000 (a 76 KB agenda pack, 1,969 lines) and the five seeds joined
into one pack (270 KB, 5,202 lines: well over 100 pages), each with the seeds as records.

    python bench/report.py [--runs 5] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MINLINT = [sys.executable, "-m", "minlint"]


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=REPO)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode(errors='replace')}")
    return time.perf_counter() - start


def in_process(draft: str, records: str, runs: int) -> tuple[float, float, int]:
    from minlint.lint.engine import CheckOptions, run_check
    from minlint.lint.report.build import build
    from minlint.lint.report.html import render

    result = run_check([draft], CheckOptions(records=(records,), keep_records=True))
    match = result.matched[draft]
    builds, renders = [], []
    page = ""
    for _ in range(runs + 1):  # the first warms the templates
        start = time.perf_counter()
        report = build(draft, result, match)
        middle = time.perf_counter()
        page = render(report)
        builds.append(middle - start)
        renders.append(time.perf_counter() - middle)
    return statistics.median(builds[1:]), statistics.median(renders[1:]), len(page)


BROWSER_SCRIPT = """
const done = arguments[0];
const nav = performance.getEntriesByType('navigation')[0];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const painted = performance.now();
  const box = document.querySelector('input[data-filter]');
  const start = performance.now();
  if (box) { box.click(); box.click(); }
  done([nav.domContentLoadedEventEnd, painted, (performance.now() - start) / 2]);
}));
"""


def in_browser(pages: list[Path], runs: int) -> dict[Path, list[float]] | str:
    import shutil

    browser, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (browser and driver_path):
        return "Chromium or ChromeDriver is not installed"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return "selenium is not installed"
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        f"--user-data-dir={tempfile.mkdtemp(prefix='minlint-bench-chromium-')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    out: dict[Path, list[float]] = {}
    try:
        for page in pages:
            samples = []
            for _ in range(runs + 1):
                driver.get("about:blank")
                driver.get(page.as_uri())
                samples.append(driver.execute_async_script(BROWSER_SCRIPT))
            out[page] = [statistics.median(s[k] for s in samples[1:]) for k in range(3)]
    finally:
        driver.quit()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (median reported)")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    seeds = args.shared / "seeds"
    if not seeds.is_dir():
        raise SystemExit(f"no seeds in {seeds}")
    work = Path(tempfile.mkdtemp(prefix="minlint-bench-report-"))
    pack = work / "five-seeds-pack.txt"
    pack.write_text(
        "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))),
        encoding="utf-8",
    )
    drafts = [str(sorted(seeds.glob("000*.txt"))[0]), str(pack)]
    os.environ.setdefault("MINLINT_CACHE_DIR", str(work / "cache"))
    pages = []
    for draft in drafts:
        lines = len(Path(draft).read_text(encoding="utf-8").splitlines())
        build, render, size = in_process(draft, str(seeds), args.runs)
        page = work / (Path(draft).stem + ".html")
        report = [*MINLINT, "report", draft, "--records", str(seeds), "-o", str(page)]
        check = [*MINLINT, "check", draft, "--records", str(seeds)]
        wall(report)  # warm the record cache
        whole = statistics.median(wall(report) for _ in range(args.runs))
        checked = statistics.median(wall(check) for _ in range(args.runs))
        pages.append(page)
        print(f"{Path(draft).name}: {lines} lines, page {size / 1000:.0f} KB")
        print(f"  build {build * 1000:.1f} ms + render {render * 1000:.1f} ms in process")
        print(f"  minlint report {whole:.2f} s, minlint check {checked:.2f} s (whole processes)")
    found = in_browser(pages, args.runs)
    if isinstance(found, str):
        print(f"browser: skipped ({found})")
        return
    for page, (loaded, painted, filtered) in found.items():
        print(
            f"{page.name} in headless Chromium: DOMContentLoaded {loaded:.0f} ms, "
            f"first frame {painted:.0f} ms, one filter {filtered:.1f} ms"
        )


if __name__ == "__main__":
    main()
