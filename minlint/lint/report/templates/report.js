
// minlint report: filters, next/previous finding, and the place a link lands on marked.
// Without this script every finding is on the page; it only hides and moves.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  var findings = Array.prototype.slice.call(doc.querySelectorAll(".finding"));
  var refs = Array.prototype.slice.call(doc.querySelectorAll("[data-f]"));
  var checks = Array.prototype.slice.call(doc.querySelectorAll("input[data-filter]"));
  var position = doc.getElementById("position");
  var current = null;
  var shown = {};

  function visible() {
    return findings.filter(function (el) { return !el.hidden; });
  }

  function describe() {
    var list = visible();
    var at = list.indexOf(current);
    var text = list.length + " of " + findings.length + " findings shown";
    if (at >= 0) { text = "Finding " + (at + 1) + " of " + list.length + " shown"; }
    position.textContent = text;
  }

  function apply() {
    var on = { severity: {}, category: {}, code: {} };
    checks.forEach(function (box) { on[box.dataset.filter][box.value] = box.checked; });
    findings.forEach(function (el) {
      var show = on.severity[el.dataset.severity] !== false &&
        on.category[el.dataset.category] !== false &&
        on.code[el.dataset.code] !== false;
      shown[el.id] = show;
      el.hidden = !show;
    });
    refs.forEach(function (el) {
      var any = el.dataset.f.split(" ").some(function (id) { return shown[id]; });
      el.classList.toggle("off", !any);
    });
    if (current && current.hidden) { select(null); }
    describe();
  }

  function barHeight() {
    var bar = doc.getElementById("bar");
    return bar ? bar.getBoundingClientRect().height : 0;
  }

  function select(el) {
    if (current) { current.classList.remove("current"); }
    current = el;
    if (el) {
      el.classList.add("current");
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "center" });
    }
    describe();
  }

  function go(step) {
    var list = visible();
    if (!list.length) { return; }
    var at = list.indexOf(current);
    var target;
    if (at < 0) {
      // From where the reader is: the first finding below the bar, or the last above it.
      // Findings are in document order, so a binary search measures only a few of them.
      var top = barHeight() + 1;
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
    var typing = t && (t.isContentEditable || t.tagName === "TEXTAREA" || t.tagName === "SELECT" ||
      (t.tagName === "INPUT" && t.type !== "checkbox"));
    if (typing) { return; }
    if (event.key === "n" || event.key === "j") { go(1); event.preventDefault(); }
    else if (event.key === "p" || event.key === "k") { go(-1); event.preventDefault(); }
  });

  findings.forEach(function (el) {
    el.addEventListener("click", function () {
      if (current !== el) { if (current) { current.classList.remove("current"); } current = el; el.classList.add("current"); describe(); }
    });
  });

  // A record's line is brought into view inside the side panel, leaving the draft where
  // the reader is; where the panel is not beside the draft, the page scrolls to it.
  var panel = doc.getElementById("records");
  var flashed = null;

  function beside() {
    return panel && getComputedStyle(panel).position === "sticky" &&
      panel.scrollHeight > panel.clientHeight;
  }

  function show(el) {
    if (flashed) { flashed.classList.remove("flash"); flashed = null; }
    if (el.classList.contains("l")) { el.classList.add("flash"); flashed = el; }
    if (beside() && panel.contains(el)) {
      var box = panel.getBoundingClientRect();
      var at = el.getBoundingClientRect();
      var offset = el.classList.contains("l") ? (panel.clientHeight - at.height) / 2 : 8;
      panel.scrollTop += at.top - box.top - offset;
    } else {
      el.scrollIntoView({ block: el.classList.contains("l") ? "center" : "start" });
    }
  }

  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? doc.getElementById(id) : null;
    if (!el) { return; }
    if (el.classList.contains("finding")) {
      if (!el.hidden) { select(el); }
      return;
    }
    if (el.classList.contains("l") || panel.contains(el)) { show(el); }
  }

  doc.addEventListener("click", function (event) {
    if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var link = event.target.closest ? event.target.closest("a[href^='#R']") : null;
    var el = link ? doc.getElementById(link.getAttribute("href").slice(1)) : null;
    if (!el || !panel.contains(el)) { return; }
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href"));
    show(el);
  });
  window.addEventListener("hashchange", land);
  window.addEventListener("popstate", land);

  apply();
  if (location.hash) { land(); }
})();
