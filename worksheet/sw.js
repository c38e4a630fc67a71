// Service worker for the whole site: every file of one build, precached and served cache-first.
//
// Built by src/followup_site/offline.py after each site build: Workbox's runtime (workbox-core,
// -routing, -strategies, -precaching; MIT) is put in front of this file, and workbox-build's
// `injectManifest` replaces the manifest placeholder below with every file of the built site,
// a revision hash of its contents and its sha256 integrity. The result is the site's `sw.js`.
//
// Two parts, one build:
// - The site (pages, search index, assets, the worksheet's scripts) is precached on install.
// - The Python runtime (`app/pyodide/`, about 14 MB) only once the worksheet has been used: the
//   page asks for it when its engine is ready (CACHE_RUNTIME), a controlled worker's requests
//   fill it as they go, and every later version precaches it on install. Someone who only reads
//   the guide never downloads it.
//
// Downloads revalidate (`cache: "no-cache"`) instead of bypassing the HTTP cache, so files the
// page has just loaded cost a 304, not a second download; each response must match the
// manifest's sha256 (Subresource Integrity), so no HTTP cache or server of another build can
// put different bytes under this build's revisions: the install fails and is retried instead.
//
// Updates: a new build gives a new `sw.js` (the manifest changed), which installs beside the old
// one and waits. Each version answers only from its own revisions, so a page, its worker, the
// Pyodide lock and the wheels always come from the same build. The page asks before switching
// (offline.mjs sends SKIP_WAITING); on activation the old revisions are deleted.
/* global workbox */

const MANIFEST = self.__WB_MANIFEST;
/** Where src/followup_site/finish.py puts the runtime, relative to the site's root. */
const RUNTIME_FOLDER = "app/pyodide/";
const SITE = MANIFEST.filter(({ url }) => !url.startsWith(RUNTIME_FOLDER));
const RUNTIME = MANIFEST.filter(({ url }) => url.startsWith(RUNTIME_FOLDER));
/** Options shared by both parts' routes. */
const ROUTE_OPTIONS = {
  directoryIndex: "index.html", // page URLs end in "/" (use_directory_urls)
  // Search results link to pages with "?h=word" (highlighting); no file depends on a query.
  ignoreURLParametersMatching: [/.*/],
};

/** Workbox fetches precache entries with `cache: "reload"`; ask the server whether the
 * HTTP cache's copy is current instead (the integrity check still applies). */
const revalidate = {
  requestWillFetch: async ({ request }) => new Request(request, { cache: "no-cache" }),
};

workbox.core.setCacheNameDetails({ prefix: "followup" });
// Caches written by older Workbox versions' precaching (a different format) are dropped.
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.addPlugins([revalidate]);
workbox.precaching.precacheAndRoute(SITE, ROUTE_OPTIONS);

// The runtime's own cache (no "-precache-" in its name, so the cleanup above leaves it alone);
// a request it does not hold yet goes to the network with the manifest's integrity and is kept.
const runtime = new workbox.precaching.PrecacheController({
  cacheName: `followup-runtime-${self.registration.scope}`,
  plugins: [revalidate],
});
runtime.addToCacheList(RUNTIME);
workbox.routing.registerRoute(new workbox.precaching.PrecacheRoute(runtime, ROUTE_OPTIONS));

// Anything not precached goes to the network as usual; an unknown page offline gets the site's
// own "page not found" page instead of the browser's error page.
workbox.routing.setDefaultHandler(new workbox.strategies.NetworkOnly());
workbox.routing.setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") {
    const notFound = await workbox.precaching.matchPrecache("404.html");
    if (notFound) return notFound;
  }
  return Response.error();
});

/** @returns {Promise<Cache>} */
function runtimeCache() {
  return caches.open(runtime.strategy.cacheName);
}

/** Whether the worksheet has been used here: some version of the runtime is cached. */
async function runtimeWanted() {
  return (await (await runtimeCache()).keys()).length > 0;
}

/** Cache this version's runtime files that are missing, one at a time. */
async function cacheRuntime() {
  const cache = await runtimeCache();
  for (const { url, integrity } of RUNTIME) {
    const key = runtime.getCacheKeyForURL(new URL(url, self.registration.scope).href);
    if (!key || (await cache.match(key))) continue;
    const request = new Request(new URL(url, self.registration.scope), {
      cache: "no-cache",
      credentials: "same-origin",
      integrity,
    });
    const response = await fetch(request);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await cache.put(key, response);
  }
}

self.addEventListener("install", (event) => {
  // A new version of a site whose worksheet was used gets its runtime now, so that switching
  // versions never leaves the worksheet without one.
  event.waitUntil(runtimeWanted().then((wanted) => (wanted ? cacheRuntime() : undefined)));
});
self.addEventListener("activate", (event) => {
  runtime.activate(event); // deletes runtime revisions that are not this version's
});

/**
 * Which of this version's files are in the cache (all of them after a successful install,
 * unless the browser or the person removed some since); the runtime counts separately.
 * @returns {Promise<{complete: boolean, files: number, runtime: boolean}>}
 */
async function precacheStatus() {
  const [site, kept] = await Promise.all([
    caches.open(workbox.core.cacheNames.precache),
    runtimeCache(),
  ]);
  /** @param {Cache} cache @param {(url: string) => string | undefined} keyFor */
  const has = (cache, keyFor) => async (/** @type {{url: string}} */ { url }) => {
    const key = keyFor(new URL(url, self.registration.scope).href);
    return key !== undefined && (await cache.match(key)) !== undefined;
  };
  const [siteCached, runtimeCached] = await Promise.all([
    Promise.all(SITE.map(has(site, (url) => workbox.precaching.getCacheKeyForURL(url)))),
    Promise.all(RUNTIME.map(has(kept, (url) => runtime.getCacheKeyForURL(url)))),
  ]);
  return {
    complete: siteCached.every(Boolean),
    files: SITE.length,
    runtime: runtimeCached.every(Boolean),
  };
}

self.addEventListener("message", (event) => {
  const reply = (/** @type {unknown} */ message) => event.ports[0]?.postMessage(message);
  switch (event.data?.type) {
    case "SKIP_WAITING": // the person chose "Reload" on the new-version prompt
      self.skipWaiting();
      break;
    case "STATUS": // asked by offline.mjs for the "Available offline" indicator
      event.waitUntil(precacheStatus().then(reply));
      break;
    case "CACHE_RUNTIME": // the worksheet's engine is ready: keep its runtime for offline use
      event.waitUntil(
        cacheRuntime()
          .catch((error) => console.warn("The runtime could not be cached:", error))
          .then(precacheStatus)
          .then(reply),
      );
      break;
    default:
      break; // messages for other versions of this worker are not errors
  }
});

// The first install takes control of the open page at once, so it works offline without a
// reload. A later version only activates after SKIP_WAITING, and the page then reloads.
workbox.core.clientsClaim();
