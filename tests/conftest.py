"""Shared test helpers: the real documents are read from ../shared beside the checkout."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Parsed records are cached on disk; the tests keep theirs apart from the user's.
os.environ.setdefault("MINLINT_CACHE_DIR", tempfile.mkdtemp(prefix="minlint-cache-"))

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MINLINT_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
EXAMPLES = REPO / "examples"


def run_minlint(args: list[str], cache: Path):
    """``minlint ARGS`` as a new process, with its cache in ``cache``."""
    import subprocess
    import sys

    env = dict(os.environ, MINLINT_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "minlint", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env)


def checked_cold_warm_and_off(tmp_path: Path) -> Path:
    """``minlint check`` of the examples as new processes, three times: with an empty
    cache, with the cache that run left, and with ``--no-cache``. The three must print
    the same findings, and the third write nothing. Returns the cache directory."""
    import json

    run = run_minlint
    args = ["check", str(EXAMPLES), "--records", str(EXAMPLES), "--format", "json"]
    cold = run(args, tmp_path / "cache")
    warm = run(args, tmp_path / "cache")
    off = run([*args, "--no-cache"], tmp_path / "other")
    assert not (tmp_path / "other").exists()
    assert json.loads(cold.stdout)["violations"], "the examples carry planted mistakes"
    assert cold.stdout == warm.stdout == off.stdout
    assert cold.returncode == warm.returncode == off.returncode == 1
    return tmp_path / "cache"


def seed(prefix: str) -> Path:
    """The seed document whose name starts with ``prefix`` ("000" ... "004")."""
    if not SEEDS.is_dir():
        pytest.skip(f"the real documents are not beside the checkout ({SEEDS} is absent)")
    found = sorted(SEEDS.glob(f"{prefix}*.txt"))
    if not found:
        pytest.skip(f"no seed {prefix}* in {SEEDS}")
    return found[0]


def corpus(relative: str) -> Path:
    """A document of ../shared/corpus, or a skip saying it is absent."""
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"the real documents are not beside the checkout ({path} is absent)")
    return path


def all_real_documents() -> list[Path]:
    """Every seed and corpus document (empty where ../shared is absent)."""
    out = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if CORPUS.is_dir():
        out += sorted(
            p
            for p in CORPUS.rglob("*")
            if p.is_file() and p.suffix in {".txt", ".md", ".html"} and p.name != "SOURCES.md"
        )
    return out


@pytest.fixture(scope="session")
def converted_seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Word and PDF versions of seeds made by LibreOffice: "003.docx", "003.pdf" ..."""
    from docgen import CONVERTED_SEEDS, seed_conversions, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    prefixes = list(CONVERTED_SEEDS)
    seeds = [seed(p) for p in prefixes]
    return seed_conversions(prefixes, seeds, tmp_path_factory.getbasetemp() / "libreoffice")


# Minutes in other styles than the seeds', typed into Word and printed to PDF as well.
OTHER_STYLES = (
    "tintern-wyevalley-cc/20200127_minutes.txt",
    "limerick-newcastle-west/2018-02-07_minutes.md",
    "mscc-manordeilo-salem/minutes_2020-02-12.html",
)


@pytest.fixture(scope="session")
def minutes_in_formats(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every set of minutes of the seeds, and of three documents in other styles, as
    typed in Word, opened and saved by LibreOffice, and printed to PDF on two pages
    (see ``docgen.minutes_versions``), by name: "003", "001-2", "20200127_minutes" ..."""
    from docgen import minutes_versions, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    documents = [seed(p) for p in ("000", "001", "002", "003", "004")]
    documents += [corpus(p) for p in OTHER_STYLES]
    made = minutes_versions(documents, tmp_path_factory.getbasetemp() / "minutes")
    return {v.name: v for v in made}


# Property tests check behaviour, never speed: no per-example deadline on slow machines.
settings.register_profile("minlint", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("minlint")


# Headless Chromium, from the distribution's packages, shared by the browser tests ------

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1280,900",
)


def chromium_paths() -> tuple[str, str] | str:
    """The browser and its driver, or why they cannot be had."""
    import shutil

    browser = next((p for n in ("chromium", "chromium-browser") if (p := shutil.which(n))), None)
    driver = shutil.which("chromedriver") or next(
        (p for p in ("/usr/lib/chromium/chromedriver",) if os.path.exists(p)), None
    )
    if browser is None:
        return "Chromium is not installed (apt-get install chromium)"
    if driver is None:
        return "ChromeDriver is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    return browser, driver


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """One headless Chromium for the whole session, with its console log kept."""
    found = chromium_paths()
    if isinstance(found, str):
        pytest.skip(found)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(found[1]))
    try:
        yield driver
    finally:
        driver.quit()


def stop_servers(cache: Path) -> None:
    """Stop every minlint server whose socket is in ``cache``, and wait for them to go."""
    import time

    from minlint.server import ask

    for socket_file in cache.glob("server-*.sock"):
        ask("stop", str(socket_file))
    for _ in range(50):
        if not list(cache.glob("server-*.sock")):
            return
        time.sleep(0.1)
