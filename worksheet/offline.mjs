// Offline use, on every page: registers the site's service worker (sw.js), shows "Available
// offline" once every file of this version is cached, and offers "A new version is ready —
// Reload" instead of switching versions under someone who is writing. The worksheet's Python
// runtime joins the offline copy only once the worksheet has been used (`keepRuntime`), so
// reading the guide never downloads it.
//
// Loaded once per visit (Material's instant navigation keeps it); page parts are painted again
// from `document$`. The privacy page's buttons (in `[data-offline-actions]`) remove or restore
// the offline copy; `removeOfflineCopy` is exported for the worksheet's "Clear my data".

/** The site's root, from this file's own URL (app/offline.mjs): works under any sub-path. */
const SITE = new URL("../", import.meta.url);
const SW_URL = new URL("sw.js", SITE);
/** localStorage key, scoped by the site's path: "off" once the person removed the offline copy
 * (we then do not register). The key before it was scoped is still read. */
const OPT_OUT = `followup-offline:${SITE.pathname}`;
const OPT_OUT_BEFORE = "followup-offline";
/** Ask the server for a newer sw.js at most this often on instant navigations and tab returns. */
const UPDATE_INTERVAL_MS = 10 * 60 * 1000;
/** How long the service worker may take to save the runtime (a slow connection, 14 MB). */
const RUNTIME_TIMEOUT_MS = 10 * 60 * 1000;

const TEXT = {
  saving: "Saving this site for offline use…",
  ready: "Available offline",
  off: "",
};

/** @typedef {"saving" | "ready" | "off"} OfflineState */

/** @type {OfflineState} */
let state = "off";
/** @type {ServiceWorkerRegistration | null} */
let registration = null;
/** Set when the person chose "Reload": the next controller change reloads this page. */
let switching = false;
/** Whether an update is waiting for the person's go-ahead (the prompt is showing). */
let updateReady = false;
let lastUpdateCheck = Date.now();
/** `start` listens for controller changes once, even when restarted after a removal. */
let listening = false;
/** Set while the service worker saves the runtime for this page's worksheet. */
let savingRuntime = false;
/** A first visit to the worksheet installs the service worker once the engine is ready (or
 * after this long), so that the precache does not compete with Python's start for the CPU. */
const ENGINE_WAIT_MS = 60 * 1000;
/** @type {() => void} */
let engineReady = () => {};
const engineStarted = new Promise((resolve) => {
  engineReady = () => resolve(undefined);
});

const supported = "serviceWorker" in navigator && "caches" in self;
// `mkdocs serve` marks its pages: live reload and a cache of the previous build do not mix.
const dev = document.querySelector('meta[name="followup-offline"][content="off"]') !== null;

/** Whether the person removed the offline copy (storage may be unavailable: then no). */
function optedOut() {
  try {
    return (localStorage.getItem(OPT_OUT) ?? localStorage.getItem(OPT_OUT_BEFORE)) === "off";
  } catch {
    return false;
  }
}

/**
 * Whether this browser keeps a copy of the site (not under `mkdocs serve`, not after "Remove
 * the offline copy"): the worksheet's engine then keeps its memory snapshot too.
 * @returns {boolean}
 */
export function keepsOfflineCopy() {
  return !dev && !optedOut();
}

/** @param {boolean} off remember (or forget) the person's choice not to keep a copy */
function setOptedOut(off) {
  try {
    if (off) localStorage.setItem(OPT_OUT, "off");
    else localStorage.removeItem(OPT_OUT);
    localStorage.removeItem(OPT_OUT_BEFORE);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

/**
 * Ask a service worker a question over a private channel.
 * @param {ServiceWorker} worker
 * @param {object} message
 * @param {number} [timeout] milliseconds
 * @returns {Promise<any>}
 */
function ask(worker, message, timeout = 10000) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error("the service worker did not answer")), timeout);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** @param {OfflineState} next */
function setState(next) {
  state = next;
  paint();
}

/** Whether this page is the worksheet, which needs the runtime too to work offline. */
function needsRuntime() {
  return document.querySelector("[data-fw-root]") !== null;
}

/** The indicator's state: "ready" only when this page's service worker has every file this
 * page needs (on the worksheet, the runtime as well). */
async function refresh() {
  const controller = navigator.serviceWorker.controller;
  if (!controller) {
    setState(registration?.installing || registration?.waiting ? "saving" : "off");
    return;
  }
  try {
    const status = await ask(controller, { type: "STATUS" });
    const runtime = !needsRuntime() || status?.runtime;
    setState(status?.complete && runtime ? "ready" : savingRuntime ? "saving" : "off");
  } catch {
    setState("off");
  }
}

/**
 * Keep the worksheet's Python runtime in the offline copy. The worksheet calls this once its
 * engine is ready: the files are then in the HTTP cache, so the service worker revalidates
 * them instead of downloading them a second time.
 * @returns {Promise<void>}
 */
export async function keepRuntime() {
  engineReady();
  if (!supported || dev || optedOut()) return;
  const active = (await navigator.serviceWorker.ready).active;
  if (!active || optedOut()) return;
  savingRuntime = true;
  if (state !== "ready") setState("saving");
  try {
    await ask(active, { type: "CACHE_RUNTIME" }, RUNTIME_TIMEOUT_MS);
  } catch (error) {
    console.warn("The drafting engine could not be saved for offline use:", error);
  } finally {
    savingRuntime = false;
  }
  await refresh();
}

/** Put the indicator in the footer, the prompt and the privacy page's buttons in their places. */
function paint() {
  const footer = document.querySelector(".md-footer-meta__inner");
  /** @type {HTMLElement | null} */
  let indicator = document.querySelector("[data-offline-state]");
  if (footer && !indicator) {
    indicator = document.createElement("p");
    indicator.className = "md-copyright";
    indicator.setAttribute("role", "status");
    footer.append(indicator);
  }
  if (indicator) {
    indicator.setAttribute("data-offline-state", state);
    indicator.textContent = TEXT[state];
    indicator.hidden = state === "off";
  }
  const off = optedOut();
  for (const place of document.querySelectorAll("[data-offline-actions]")) {
    if (!supported || dev) continue;
    if (!place.hasChildNodes()) place.append(actionButton("remove"), actionButton("keep"));
    for (const button of place.querySelectorAll("button")) {
      const shown = button.getAttribute("data-offline-action") === "remove" ? !off : off;
      button.style.display = shown ? "" : "none"; // Material's .md-button overrides `hidden`
    }
  }
  const prompt = document.querySelector("[data-offline-update]");
  if (updateReady && !prompt) document.body.append(updatePrompt());
}

/**
 * The privacy page's "Remove the offline copy" or "Keep an offline copy" button.
 * @param {"remove" | "keep"} action
 */
function actionButton(action) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button";
  button.setAttribute("data-offline-action", action);
  button.textContent = action === "remove" ? "Remove the offline copy" : "Keep an offline copy";
  return button;
}

/** "A new version is ready — Reload", in Material's own dialog style, bottom right. */
function updatePrompt() {
  const dialog = document.createElement("div");
  dialog.className = "md-dialog md-dialog--active";
  dialog.setAttribute("data-offline-update", "");
  dialog.setAttribute("role", "status");
  const inner = document.createElement("div");
  inner.className = "md-dialog__inner md-typeset";
  const text = document.createElement("span");
  text.textContent = "A new version is ready — ";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Reload";
  reload.style.cssText = "font: inherit; font-weight: 700; text-decoration: underline; color: inherit";
  reload.addEventListener("click", applyUpdate);
  inner.append(text, reload);
  dialog.append(inner);
  return dialog;
}

/** Switch to the waiting version; the controller change then reloads this page. */
function applyUpdate() {
  const waiting = registration?.waiting;
  if (!waiting) {
    location.reload(); // another tab switched already: this page is the old one
    return;
  }
  switching = true;
  waiting.postMessage({ type: "SKIP_WAITING" });
}

function offerUpdate() {
  updateReady = true;
  paint();
}

/** Look for a newer build now and then: instant navigation does not make the browser check. */
function checkForUpdate() {
  if (!registration || Date.now() - lastUpdateCheck < UPDATE_INTERVAL_MS) return;
  lastUpdateCheck = Date.now();
  registration.update().catch(() => {}); // offline, or the server is away: try again later
}

/** @param {ServiceWorker} worker a newly installing version */
function follow(worker) {
  worker.addEventListener("statechange", () => {
    // With a controller, an installed worker is an update; without one, the first install.
    if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate();
    else refresh();
  });
}

/** @param {boolean} hadController whether this page was served by a service worker */
function listen(hadController) {
  listening = true;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (switching) {
      switching = false;
      location.reload();
    } else if (hadController) {
      offerUpdate(); // another tab chose the new version; this page still runs the old one
    } else {
      refresh(); // the first install took control of this page
    }
  });
}

async function start() {
  if (optedOut()) return;
  if (document.readyState !== "complete") {
    // Let the page (and the worksheet's engine) load first; the precache downloads after.
    await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
  }
  if (!navigator.serviceWorker.controller && needsRuntime()) {
    await Promise.race([engineStarted, new Promise((resolve) => setTimeout(resolve, ENGINE_WAIT_MS))]);
  }
  const hadController = navigator.serviceWorker.controller !== null;
  if (!listening) listen(hadController);
  registration = await navigator.serviceWorker.register(SW_URL, { updateViaCache: "none" });
  if (!registration) return; // a browser that blocks service workers (as test tools can)
  if (registration.waiting && hadController) offerUpdate();
  if (registration.installing) follow(registration.installing);
  registration.addEventListener("updatefound", () => {
    if (registration?.installing) follow(registration.installing);
  });
  await refresh();
}

/**
 * Remove the offline copy of this site: its service worker and its caches. Remembered, so the
 * site does not save itself again until the person asks (`restoreOfflineCopy`).
 * @returns {Promise<void>}
 */
export async function removeOfflineCopy() {
  setOptedOut(true);
  updateReady = false;
  document.querySelector("[data-offline-update]")?.remove();
  if (supported) {
    const found = await navigator.serviceWorker.getRegistration(SITE.href);
    if (found && found.scope === SITE.href) await found.unregister();
    registration = null;
    // Workbox names its caches "followup-<kind>-<scope>", and so does the engine's snapshot
    // (python.mjs); other sites on this origin keep theirs.
    for (const name of await caches.keys()) {
      if (name.startsWith("followup-") && name.endsWith(`-${SITE.href}`)) await caches.delete(name);
    }
  }
  setState("off");
}

/**
 * Keep an offline copy again after `removeOfflineCopy`.
 * @returns {Promise<void>}
 */
export async function restoreOfflineCopy() {
  setOptedOut(false);
  if (supported && !dev) await start();
  paint();
}

/** @param {Event} event */
async function onAction(event) {
  const button = /** @type {Element} */ (event.target).closest("[data-offline-action]");
  if (!button) return;
  if (button.getAttribute("data-offline-action") === "remove") {
    const sure = confirm(
      "Remove the offline copy of this site from this browser? Your saved answers stay. " +
        "The site then needs a connection.",
    );
    if (sure) await removeOfflineCopy();
  } else {
    await restoreOfflineCopy();
  }
}

if (supported && dev) {
  // A service worker left by a built copy of the site on this address would serve stale pages.
  navigator.serviceWorker
    .getRegistration(SITE.href)
    .then((found) => (found?.scope === SITE.href ? found.unregister() : false))
    .catch(() => {});
} else if (supported) {
  start().catch((error) => {
    console.warn("Offline use is not available:", error);
    setState("off");
  });
}

document.addEventListener("click", (event) => {
  onAction(event).catch((error) => console.warn(error));
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") checkForUpdate();
});

// Material's instant navigation replaces the footer: paint again after every page change.
/** @type {{subscribe: (next: () => void) => void} | undefined} */
const documentChanges = /** @type {any} */ (globalThis).document$;
if (documentChanges) {
  let first = true;
  documentChanges.subscribe(() => {
    paint();
    if (!first) {
      checkForUpdate();
      // The worksheet needs more than a guide page to be "Available offline".
      if (registration && navigator.serviceWorker.controller) refresh().catch(() => {});
    }
    first = false;
  });
} else {
  paint();
}
