"""`minlint report` pages opened in headless Chromium (skipped, saying so, without it).

One browser serves the session (the ``browser`` fixture of conftest). Each page is
compared with ``minlint check --format json`` on the same inputs.
"""

from __future__ import annotations

import base64
import os
import re

import pytest
from conftest import EXAMPLES, SEEDS, seed
from report_support import EXAMPLE_ARGS, EXAMPLE_DRAFT, check_json, hostile_files, report


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    old = folder / "old.md"
    old.write_text(
        EXAMPLE_DRAFT.read_text(encoding="utf-8").replace("were expected to", "would"),
        encoding="utf-8",
    )
    made = {}
    code, _ = report(folder / "example.html", EXAMPLE_DRAFT, *EXAMPLE_ARGS, "--against", str(old))
    assert code == 1
    made["example"] = (folder / "example.html", check_json(EXAMPLE_DRAFT, *EXAMPLE_ARGS))
    draft, agenda = hostile_files(folder)
    report(folder / "hostile.html", draft, "--agenda", str(agenda))
    made["hostile"] = (folder / "hostile.html", check_json(draft, "--agenda", str(agenda)))
    return made


def open_page(browser, path):
    browser.get_log("browser")  # what earlier pages logged
    browser.get(path.as_uri())
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


ON_SCREEN = """
function onScreen(el) {
  const r = el.getBoundingClientRect();
  let top = document.getElementById('bar').getBoundingClientRect().bottom;
  let bottom = innerHeight;
  const panel = el.closest('#records');
  if (panel) {
    const p = panel.getBoundingClientRect();
    top = Math.max(top, p.top);
    bottom = Math.min(bottom, p.bottom);
  }
  return r.height > 0 && r.top >= top - 1 && r.bottom <= bottom + 1;
}
"""


def in_view(browser, element) -> bool:
    """Whether the element comes to rest on screen, below the sticky bar (inside the side
    panel when it is there)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait

    try:
        WebDriverWait(browser, 3, poll_frequency=0.05).until(lambda b: _on_screen(b, element))
    except TimeoutException:
        return False
    # ... and stays there once the sections around it are laid out (a few frames on).
    browser.execute_script(
        "return new Promise(done => { let n = 0; (function f() {"
        " if (++n > 20) { done(); } else { requestAnimationFrame(f); } })(); });"
    )
    return _on_screen(browser, element)


def _on_screen(browser, element) -> bool:
    return browser.execute_script(ON_SCREEN + "return onScreen(arguments[0]);", element)


def test_the_page_loads_with_every_finding_shown_and_no_console_error(browser, pages):
    path, data = pages["example"]
    assert open_page(browser, path) == []
    boxes = browser.find_elements("css selector", ".finding")
    assert len(boxes) == len(data["violations"])
    for i, v in enumerate(data["violations"], start=1):
        box = browser.find_element("id", f"F{i}")
        assert box.is_displayed()
        assert box.get_attribute("data-code") == v["code"]
        # Word diffs in a message are shown struck and underlined, without their markers.
        shown = re.sub(r"\[-(.+?)-\]|\{\+(.+?)\+\}", lambda m: m[1] or m[2], v["message"])
        assert shown in box.text
    position = browser.find_element("id", "position").text
    assert position == f"{len(boxes)} of {len(boxes)} findings shown"
    assert browser.find_element("id", "redline").is_displayed()


# Clicks each related link in turn and reports where it landed once the page settled.
FOLLOW_LINKS = (
    ON_SCREEN
    + """
const done = arguments[arguments.length - 1];
const links = Array.from(document.querySelectorAll('.finding a.rel'));
const frames = n => new Promise(r => {
  (function f() { if (n-- <= 0) r(); else requestAnimationFrame(f); })();
});
(async () => {
  const out = [];
  for (const link of links) {
    link.scrollIntoView({block: 'center'});
    // Wait for the sections around it to be laid out (the reader's scroll has ended).
    for (let still = 0, last = null, n = 0; still < 4 && n < 60; n++) {
      await frames(1);
      const top = link.getBoundingClientRect().top;
      still = top === last ? still + 1 : 0;
      last = top;
    }
    const before = scrollY;
    link.click();
    await frames(8);
    const target = document.getElementById(location.hash.slice(1));
    const record = target && target.closest('section.record');
    out.push({
      finding: link.closest('.finding').id, href: link.getAttribute('href'), hash: location.hash,
      line: target ? target.querySelector('.n').textContent : null,
      record: record ? record.dataset.path : null,
      onScreen: target ? onScreen(target) : false,
      flash: target ? target.classList.contains('flash') : false,
      moved: scrollY !== before,
    });
  }
  done(out);
})();
"""
)


@pytest.mark.parametrize("page", ["example", "003"])
def test_related_links_land_on_their_lines(browser, pages, page, tmp_path):
    if page == "example":
        path, data = pages[page]
    else:
        draft = seed(page)
        path = tmp_path / "seed.html"
        report(path, draft, "--records", str(SEEDS))
        data = check_json(draft, "--records", str(SEEDS))
    assert open_page(browser, path) == []
    browser.set_script_timeout(60)
    landed = browser.execute_async_script(FOLLOW_LINKS)
    expected = [
        (f"F{i}", v, rel) for i, v in enumerate(data["violations"], 1) for rel in v["related"]
    ]
    assert len(landed) == len(expected) > 0
    for got, (fid, v, rel) in zip(landed, expected, strict=True):
        assert got["finding"] == fid
        assert got["hash"] == got["href"], got
        assert got["line"] == str(rel["line"]), got
        assert got["onScreen"], (v["code"], rel, got)
        assert got["flash"], got
        if os.path.realpath(rel["path"]) == os.path.realpath(v["path"]):
            assert got["record"] is None and got["href"] == f"#L{rel['line']}"
        else:
            assert os.path.realpath(got["record"]) == os.path.realpath(rel["path"])
            # The draft stays where the reader is: only the side panel moved.
            assert not got["moved"], got
    assert open_page(browser, path) == []


def test_the_links_to_each_section_land_on_it(browser, tmp_path):
    # Sections out of view are laid out only when shown: each jump is tried on a fresh
    # page, where nothing between the top and the target has been laid out yet.
    draft = seed("003")
    path = tmp_path / "seed.html"
    report(path, draft, "--records", str(SEEDS))
    for target in ("alignment", "decisions", "records"):
        assert open_page(browser, path) == []
        browser.find_element("css selector", f".toc a[href='#{target}']").click()
        assert in_view(browser, browser.find_element("css selector", f"#{target} h2")), target
    lines = len(draft.read_text(encoding="utf-8").splitlines())
    for number in (lines - 5, 3, lines // 2):
        open_page(browser, path)
        browser.execute_script("location.hash = arguments[0]", f"#L{number}")
        assert in_view(browser, browser.find_element("id", f"L{number}")), number
    assert open_page(browser, path) == []


def _shown(browser) -> list[str]:
    return [
        el.get_attribute("id")
        for el in browser.find_elements("css selector", ".finding")
        if el.is_displayed()
    ]


def test_filters_hide_and_show_findings(browser, pages):
    path, data = pages["example"]
    open_page(browser, path)
    everything = [f"F{i}" for i in range(1, len(data["violations"]) + 1)]
    assert _shown(browser) == everything

    def ids(test) -> list[str]:
        return [f"F{i}" for i, v in enumerate(data["violations"], 1) if test(v)]

    warning = browser.find_element("css selector", "input[data-filter='severity'][value='warning']")
    warning.click()
    assert _shown(browser) == ids(lambda v: v["severity"] != "warning")
    hidden = ids(lambda v: v["severity"] == "warning")
    assert hidden
    for fid in hidden:
        marks = browser.find_elements("css selector", f"mark[data-f='{fid}']")
        assert all("off" in m.get_attribute("class") for m in marks)
        row = browser.find_element("css selector", f"#findings tr[data-f='{fid}']")
        assert not row.is_displayed()
    position = browser.find_element("id", "position").text
    assert position == f"{len(everything) - len(hidden)} of {len(everything)} findings shown"

    browser.find_element("css selector", "details.more summary").click()
    browser.find_element("css selector", "input[data-filter='category'][value='date']").click()
    assert _shown(browser) == ids(lambda v: v["severity"] != "warning" and v["category"] != "date")
    browser.find_element("css selector", "input[data-filter='code'][value='N001']").click()
    assert _shown(browser) == ids(
        lambda v: v["severity"] != "warning" and v["category"] != "date" and v["code"] != "N001"
    )
    warning.click()
    assert _shown(browser) == ids(lambda v: v["category"] != "date" and v["code"] != "N001")
    browser.find_element("id", "reset").click()
    assert _shown(browser) == everything


def test_keyboard_moves_to_the_next_and_previous_visible_finding(browser, pages):
    from selenium.webdriver.common.action_chains import ActionChains

    path, data = pages["example"]
    open_page(browser, path)

    def press(keys: str) -> str:
        ActionChains(browser).send_keys(keys).perform()
        current = browser.find_element("css selector", ".finding.current")
        assert browser.switch_to.active_element == current
        assert in_view(browser, current)
        return current.get_attribute("id")

    assert press("n") == "F1"
    assert press("j") == "F2"
    assert press("n") == "F3"
    assert press("p") == "F2"
    assert press("k") == "F1"
    assert press("k") == "F1"  # the first stays the first
    # Hidden findings are passed over.
    browser.find_element("css selector", "input[data-filter='severity'][value='error']").click()
    warnings = [f"F{i}" for i, v in enumerate(data["violations"], 1) if v["severity"] == "warning"]
    browser.execute_script("window.scrollTo(0, 0)")
    assert press("n") == warnings[0]
    assert press("n") == warnings[1]
    assert browser.find_element("id", "position").text == f"Finding 2 of {len(warnings)} shown"
    browser.find_element("id", "reset").click()
    browser.find_element("id", "next").click()
    current = browser.find_element("css selector", ".finding.current").get_attribute("id")
    assert int(current[1:]) > int(warnings[1][1:])


def test_hostile_drafts_run_nothing(browser, pages):
    from selenium.common.exceptions import NoAlertPresentException

    path, data = pages["hostile"]
    assert open_page(browser, path) == []
    # Click everything clickable, then look for any sign of the document's scripts.
    for link in browser.find_elements("css selector", "a"):
        browser.execute_script("arguments[0].click();", link)
    for box in browser.find_elements("css selector", ".t"):
        browser.execute_script(
            "arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));", box
        )
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert len(browser.find_elements("css selector", "script")) == 1
    assert not browser.find_elements("css selector", "img, svg, iframe, textarea")
    body = browser.find_element("id", "draft").text
    assert "<script>window.__pwned = 2</script>" in body
    assert len(browser.find_elements("css selector", ".finding")) == len(data["violations"])
    assert open_page(browser, path) == []


def test_without_javascript_every_finding_is_on_the_page(browser, pages):
    path, data = pages["example"]
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, path)
        assert len(_shown(browser)) == len(data["violations"])
        assert not browser.find_element("id", "bar").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_it_prints_cleanly(browser, pages):
    path, data = pages["example"]
    open_page(browser, path)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element("id", "bar").is_displayed()
        panel = browser.find_element("id", "records")
        assert panel.value_of_css_property("position") == "static"
        assert panel.value_of_css_property("overflow-y") == "visible"
        assert len(_shown(browser)) == len(data["violations"])
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    data_bytes = base64.b64decode(pdf["data"])
    assert data_bytes.startswith(b"%PDF")
    import io

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data_bytes)).pages)
    assert "Thursday does not fall on 26 June 2024" in text
    assert str(EXAMPLES.name) in text
