
// minlint report: filters, next/previous finding, and links within the page.
// Without this script every finding is on the page and every link works; it only hides,
// moves, and lets the sections out of view be laid out when they come into view.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  doc.addEventListener("DOMContentLoaded", function () {
    var findings = Array.prototype.slice.call(doc.querySelectorAll(".finding"));
    var refs = Array.prototype.slice.call(doc.querySelectorAll("[data-f]"));
    var checks = Array.prototype.slice.call(doc.querySelectorAll("input[data-filter]"));
    var position = doc.getElementById("position");
    var panel = doc.getElementById("records");
    var bar = doc.getElementById("bar");
    var current = null;
    var flashed = null;
    var shown = {};

    function visible() {
      return findings.filter(function (el) { return !el.hidden; });
    }

    function describe() {
      var list = visible();
      var at = list.indexOf(current);
      position.textContent = at >= 0
        ? "Finding " + (at + 1) + " of " + list.length + " shown"
        : list.length + " of " + findings.length + " findings shown";
    }

    // Sections out of view have an estimated height until they are laid out, a few
    // frames after they come near the window: keep the place where it was put until the
    // page has settled.
    var revealing = 0;
    function settle() { revealing += 1; }  // the reader scrolls: stop keeping a place
    ["wheel", "touchstart", "mousedown", "keydown"].forEach(function (name) {
      window.addEventListener(name, settle, { passive: true, capture: true });
    });
    function reveal(el, block) {
      var run = ++revealing;
      var frames = 0;
      var still = 0;
      el.scrollIntoView({ block: block });
      var wanted = el.getBoundingClientRect().top;
      (function watch() {
        requestAnimationFrame(function () {
          if (run !== revealing) { return; }
          var top = el.getBoundingClientRect().top;
          if (Math.abs(top - wanted) > 1) {
            el.scrollIntoView({ block: block });
            wanted = el.getBoundingClientRect().top;
            still = 0;
          } else {
            still += 1;
          }
          if (still < 4 && ++frames < 60) { watch(); }
        });
      })();
    }

    function beside() {
      return getComputedStyle(panel).position === "sticky";
    }

    // A record's line is brought into view inside the side panel, leaving the draft
    // where the reader is; where the panel is not beside the draft, the page scrolls.
    function show(el) {
      var line = el.classList.contains("l");
      if (flashed) { flashed.classList.remove("flash"); flashed = null; }
      if (line) { el.classList.add("flash"); flashed = el; }
      settle();
      if (panel.contains(el) && beside()) {
        var box = panel.getBoundingClientRect();
        var at = el.getBoundingClientRect();
        var offset = line ? (panel.clientHeight - at.height) / 2 : 8;
        panel.scrollTop += at.top - box.top - offset;
      } else {
        reveal(el, line ? "center" : "start");
      }
    }

    function select(el) {
      if (current) { current.classList.remove("current"); }
      current = el;
      if (el) {
        el.classList.add("current");
        el.focus({ preventScroll: true });
        reveal(el, "center");
      }
      describe();
    }

    function land() {
      var id = decodeURIComponent(location.hash.slice(1));
      var el = id ? doc.getElementById(id) : null;
      if (!el) { return; }
      if (el.classList.contains("finding")) {
        if (!el.hidden) { select(el); }
        return;
      }
      show(el);
    }

    function apply() {
      var on = { severity: {}, category: {}, code: {} };
      checks.forEach(function (box) { on[box.dataset.filter][box.value] = box.checked; });
      findings.forEach(function (el) {
        var keep = on.severity[el.dataset.severity] !== false &&
          on.category[el.dataset.category] !== false &&
          on.code[el.dataset.code] !== false;
        shown[el.id] = keep;
        el.hidden = !keep;
      });
      refs.forEach(function (el) {
        var any = el.dataset.f.split(" ").some(function (id) { return shown[id]; });
        el.classList.toggle("off", !any);
      });
      if (current && current.hidden) { select(null); }
      describe();
    }

    function go(step) {
      var list = visible();
      if (!list.length) { return; }
      var at = list.indexOf(current);
      var target;
      if (at < 0) {
        // From where the reader is: the first finding below the bar, or the last above
        // it. Findings are in document order: a binary search measures only a few.
        var top = bar.getBoundingClientRect().bottom + 1;
        var lo = 0;
        var hi = list.length;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (list[mid].getBoundingClientRect().top > top) { hi = mid; } else { lo = mid + 1; }
        }
        target = step > 0 ? list[Math.min(lo, list.length - 1)] : list[Math.max(lo - 1, 0)];
      } else {
        target = list[Math.max(0, Math.min(list.length - 1, at + step))];
      }
      select(target);
    }

    checks.forEach(function (box) { box.addEventListener("change", apply); });
    doc.getElementById("reset").addEventListener("click", function () {
      checks.forEach(function (box) { box.checked = true; });
      apply();
    });
    doc.getElementById("next").addEventListener("click", function () { go(1); });
    doc.getElementById("prev").addEventListener("click", function () { go(-1); });

    doc.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      var t = event.target;
      var typing = t && (t.isContentEditable || t.tagName === "TEXTAREA" ||
        t.tagName === "SELECT" || (t.tagName === "INPUT" && t.type !== "checkbox"));
      if (typing) { return; }
      if (event.key === "n" || event.key === "j") { go(1); event.preventDefault(); }
      else if (event.key === "p" || event.key === "k") { go(-1); event.preventDefault(); }
    });

    doc.addEventListener("click", function (event) {
      var box = event.target.closest ? event.target.closest(".finding") : null;
      if (box && box !== current) {
        if (current) { current.classList.remove("current"); }
        current = box;
        box.classList.add("current");
        describe();
      }
      if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
      if (!link || !doc.getElementById(link.getAttribute("href").slice(1))) { return; }
      event.preventDefault();
      if (location.hash !== link.getAttribute("href")) {
        history.pushState(null, "", link.getAttribute("href"));
      }
      land();
    });
    window.addEventListener("hashchange", land);
    window.addEventListener("popstate", land);

    apply();
    if (location.hash) { land(); }
  });
})();
