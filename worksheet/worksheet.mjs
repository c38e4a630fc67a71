// The worksheet's entry, loaded by the worksheet's page only (src/followup_site/finish.py puts it
// inside the worksheet; Material's instant navigation re-runs it there, and a module runs once per
// document). It follows every page change from then on: where a page has a worksheet
// (`[data-fw-root]`) it loads the worksheet's code (controller.mjs and its modules) and starts it;
// elsewhere it lets the last one go, so the guide's pages never wait for the worksheet.

/**
 * Pause after the last keystroke before the drafts are re-rendered. Short, because one render
 * takes ~20 ms and only one is in flight at a time (keystrokes meanwhile coalesce into the next).
 */
const RENDER_DELAY_MS = 30;

/** @type {Promise<typeof import("./controller.mjs")> | null} loaded at the first worksheet */
let controller = null;
/** @type {WeakSet<Element>} the worksheets already started */
const started = new WeakSet();

/** On the first page and after every instant navigation. */
function boot() {
  const root = document.querySelector("[data-fw-root]");
  if (!(root instanceof HTMLElement)) {
    controller?.then((module) => module.leave());
    return;
  }
  if (started.has(root)) return;
  started.add(root);
  controller ??= import("./controller.mjs");
  controller.then(
    (module) => module.start(root, RENDER_DELAY_MS),
    (error) => console.error("The worksheet could not load:", error),
  );
}

/** @type {{subscribe?: (next: () => void) => unknown} | undefined} */
const documentObservable = /** @type {any} */ (window).document$;
if (documentObservable?.subscribe) documentObservable.subscribe(() => boot());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
