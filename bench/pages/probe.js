// Bench probe (bench/run.py adds it to every page before the page's own scripts; never part of
// the site). Records in window.__bench: long tasks; when the form is usable (the worksheet marks
// its root busy, data-fw-busy="true", as the last step of its start-up); the first draft on
// screen (the frame after it is in the DOM); and for the keystroke under test, its keydown, the
// page's first message to a worker after it (the worksheet asking for new drafts) and the frame
// after the drafts changed.
(() => {
  const bench = (window.__bench = {
    longtasks: [], formReady: null, firstDraft: null, keyStart: null, keySent: null, keyDone: null,
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) {
    if (bench.keyStart !== null && bench.keySent === null) bench.keySent = performance.now();
    return post.apply(this, args);
  };
  const draftText = () =>
    [...document.querySelectorAll("[data-draft-part]")].map((part) => part.textContent).join("\n");
  let lastText = "";
  let waiting = false;
  const check = () => {
    if (bench.formReady === null && document.querySelector('[data-fw-root][data-fw-busy="true"]')) {
      bench.formReady = performance.now();
    }
    const text = draftText();
    if (text === lastText || !text.trim()) return;
    lastText = text;
    if (waiting) return;
    if (bench.firstDraft === null) {
      waiting = true;
      requestAnimationFrame(() => { bench.firstDraft = performance.now(); waiting = false; });
    } else if (bench.keyStart !== null && bench.keyDone === null) {
      waiting = true;
      requestAnimationFrame(() => { bench.keyDone = performance.now(); waiting = false; });
    }
  };
  document.addEventListener("keydown", (event) => {
    if (bench.keyStart === null) bench.keyStart = event.timeStamp;
  }, true);
  const observe = () => new MutationObserver(check).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ["data-fw-busy"],
  });
  if (document.body) observe();
  else document.addEventListener("DOMContentLoaded", observe);
})();
