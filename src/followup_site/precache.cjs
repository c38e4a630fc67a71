// Write the site's service worker: Workbox's runtime, then the project's worksheet/sw.js with the
// precache manifest (every file of the built site, each with a revision hash and its sha256
// integrity) injected by workbox-build.
//
// Usage: node precache.cjs SITE_DIR SW_SOURCE   (run by followup_site/offline.py, last step of
// `python -m followup_site finish`)
// Prints one line of JSON: {"count": files, "size": bytes, "warnings": [...]}.
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { injectManifest } = require("workbox-build/build/inject-manifest");

/** Workbox's browser builds, in dependency order; each one sets a part of `self.workbox`. */
const RUNTIME = ["workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching"];
/** The service worker's file name in the site; at the root, so its scope is the whole site. */
const SW_NAME = "sw.js";

/**
 * Workbox's runtime and our service worker source as one classic script: no bundler, no
 * `importScripts` (one file to fetch and to compare on update).
 * @param {string} source our service worker (worksheet/sw.js)
 * @returns {string}
 */
function serviceWorkerSource(source) {
  const from = path.dirname(require.resolve("workbox-build/package.json"));
  const version = require("workbox-build/package.json").version;
  const parts = [`// Workbox ${version} (MIT, https://github.com/GoogleChrome/workbox): ${RUNTIME.join(", ")}`];
  for (const name of RUNTIME) {
    const file = require.resolve(`${name}/build/${name}.prod.js`, { paths: [from] });
    // The source map comments point at files that the site does not ship.
    parts.push(fs.readFileSync(file, "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, ""));
  }
  parts.push(fs.readFileSync(source, "utf8"));
  return parts.join("\n");
}

/**
 * A manifest transform: each entry gets the Subresource Integrity of its file (sha256, as
 * Pyodide writes it for the wheels), so the service worker may revalidate instead of
 * re-downloading and still never store bytes that differ from this build's.
 * @param {string} siteDir
 */
function withIntegrity(siteDir) {
  return async (/** @type {{url: string}[]} */ manifest) => ({
    manifest: manifest.map((entry) => {
      const data = fs.readFileSync(path.join(siteDir, decodeURIComponent(entry.url)));
      const integrity = `sha256-${crypto.createHash("sha256").update(data).digest("base64")}`;
      return { ...entry, integrity };
    }),
    warnings: [],
  });
}

async function main() {
  const [siteDir, source] = process.argv.slice(2);
  if (!siteDir || !source) throw new Error("usage: node precache.cjs SITE_DIR SW_SOURCE");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "followup-sw-"));
  try {
    const swSrc = path.join(tmp, SW_NAME);
    fs.writeFileSync(swSrc, serviceWorkerSource(source));
    const { count, size, warnings } = await injectManifest({
      swSrc,
      swDest: path.join(siteDir, SW_NAME),
      globDirectory: siteDir,
      globPatterns: ["**/*"],
      // Source maps are only ever fetched by developer tools, and the link-preview card by the
      // sites a link is shared on: nothing on a page asks for them.
      globIgnores: [SW_NAME, "**/*.map", "images/social-card.png"],
      // The Pyodide runtime (about 9 MB of WebAssembly) must be cached like everything else.
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      manifestTransforms: [withIntegrity(siteDir)],
    });
    process.stdout.write(`${JSON.stringify({ count, size, warnings })}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
