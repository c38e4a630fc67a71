// Service worker for the whole site: every file of one build, precached and served cache-first.
//
// Built by worksheet/offline.py after each site build: Workbox's runtime (workbox-core, -routing,
// -strategies, -precaching; MIT) is put in front of this file, and workbox-build's
// `injectManifest` replaces the manifest placeholder below with every file of the built site and
// a revision hash of its contents. The result is the site's `sw.js`.
//
// Updates: a new build gives a new `sw.js` (the manifest changed), which installs beside the old
// one and waits. Each version answers only from its own revisions, so a page, its worker, the
// Pyodide lock and the wheels always come from the same build. The page asks before switching
// (offline.mjs sends SKIP_WAITING); on activation Workbox deletes the old revisions.
/* global workbox */

const MANIFEST = self.__WB_MANIFEST;

workbox.core.setCacheNameDetails({ prefix: "followup" });
// Caches written by older Workbox versions' precaching (a different format) are dropped.
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.precacheAndRoute(MANIFEST, {
  directoryIndex: "index.html", // page URLs end in "/" (use_directory_urls)
  // Search results link to pages with "?h=word" (highlighting); no file depends on a query.
  ignoreURLParametersMatching: [/.*/],
});

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

/**
 * Whether every file of this version is in the cache (it is after a successful install, unless
 * the browser or the person removed some of it since).
 * @returns {Promise<{complete: boolean, files: number}>}
 */
async function precacheStatus() {
  const cache = await caches.open(workbox.core.cacheNames.precache);
  const cached = await Promise.all(
    MANIFEST.map(async ({ url }) => {
      const key = workbox.precaching.getCacheKeyForURL(url);
      return key !== undefined && (await cache.match(key)) !== undefined;
    }),
  );
  return { complete: cached.every(Boolean), files: MANIFEST.length };
}

self.addEventListener("message", (event) => {
  switch (event.data?.type) {
    case "SKIP_WAITING": // the person chose "Reload" on the new-version prompt
      self.skipWaiting();
      break;
    case "STATUS": // asked by offline.mjs for the "Available offline" indicator
      event.waitUntil(precacheStatus().then((status) => event.ports[0]?.postMessage(status)));
      break;
    default:
      break; // messages for other versions of this worker are not errors
  }
});

// The first install takes control of the open page at once, so it works offline without a
// reload. A later version only activates after SKIP_WAITING, and the page then reloads.
workbox.core.clientsClaim();
