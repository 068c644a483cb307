"""A screenshot of a `minlint report` page, taken with headless Chromium (for the README).

The page is opened at one finding (as the "n" key would reach it) and, optionally, one
of its related places is followed into the side panel:

    python docs/screenshot.py report.html docs/report.png --finding F7 --related 2

Needs Chromium and ChromeDriver (Debian: chromium, chromium-driver) and selenium.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--finding", default="F1", help="the finding to show (F1, F2 ...)")
    parser.add_argument("--related", type=int, help="follow this related place (1, 2 ...)")
    parser.add_argument("--size", default="1280,800", help="window width,height")
    args = parser.parse_args()

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in (*FLAGS, f"--window-size={args.size}"):
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(
            options=options, service=Service(shutil.which("chromedriver") or "chromedriver")
        )
        try:
            driver.get(args.page.resolve().as_uri())
            driver.execute_script("location.hash = arguments[0]", f"#{args.finding}")
            if args.related:
                driver.execute_script(
                    "document.querySelectorAll(arguments[0])[arguments[1]].click()",
                    f"#{args.finding} a.rel",
                    args.related - 1,
                )
            # Let the page settle: the sections around the finding are laid out on view.
            driver.execute_async_script(
                "const done = arguments[0]; let n = 0;"
                "(function f() { if (++n > 30) done(); else requestAnimationFrame(f); })();"
            )
            driver.save_screenshot(str(args.png))
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
