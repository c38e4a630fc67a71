// The Python runtime for the engine workers: Pyodide and the engine's wheels, started fresh or
// restored from a memory snapshot that this browser made earlier (see snapshot.mjs).
//
// A fresh start runs Python's and Pyodide's initialisation and imports the engine: seconds. A
// snapshot is the WebAssembly memory of an interpreter that has done all that and rendered the
// sample answers once; restoring it takes a fraction of a second. Snapshots are made here, never
// downloaded: one per site, in Cache Storage, tagged with the sha256 of the pyodide-lock.json it
// was made from (which names every wheel's sha256), so a new build never restores an old engine.
// Pyodide itself refuses a snapshot of another Pyodide build. Pyodide marks its snapshot API
// (`_makeSnapshot`, `makeMemorySnapshot`, `_loadSnapshot`) experimental: any failure here falls
// back to a fresh start.

/** Folder written by src/followup_site/runtime.py `assemble()`; relative, so any sub-path works. */
export const RUNTIME_URL = new URL("./pyodide/", import.meta.url);
export const LOCK_URL = new URL("pyodide-lock.json", RUNTIME_URL);
/** The wheels the engine needs, in the lock. */
export const PACKAGES = ["jinja2", "markupsafe", "followup"];
/** The site's root: cache names end with it, as Workbox's do (offline.mjs removes them all). */
const SITE = new URL("../", import.meta.url);
export const SNAPSHOT_CACHE = `followup-snapshot-${SITE.href}`;
const SNAPSHOT_URL = new URL("snapshot.bin", RUNTIME_URL).href;
/** Response header of the stored snapshot: the sha256 of the lock it was made from. */
const LOCK_HEADER = "X-Followup-Lock-Sha256";

// Installs the wheels as plain files with one fixed modification time, in the snapshot's maker
// and in every restored copy alike: the snapshot's Jinja2 template cache checks templates'
// modification times, and stays valid only if they match.
const INSTALL = `
import importlib, os, sysconfig, zipfile
site = sysconfig.get_path("purelib")
for path in PATHS:
    with zipfile.ZipFile(path) as wheel:
        wheel.extractall(site)
        for member in wheel.namelist():
            os.utime(os.path.join(site, member), (315532800, 315532800))  # 1980-01-01
    os.remove(path)
importlib.invalidate_caches()
`;

/**
 * @typedef {{packages: Record<string, {file_name: string, sha256: string}>}} Lock
 * @typedef {{runPython: (code: string) => unknown, FS: {writeFile: (path: string, data: Uint8Array) => void}}} Pyodide
 */

/**
 * The lock and the hex sha256 of its text.
 * @returns {Promise<{lock: Lock, text: string, sha256: string}>}
 */
export async function readLock() {
  const response = await fetch(LOCK_URL);
  if (!response.ok) throw new Error(`pyodide-lock.json: HTTP ${response.status}`);
  const text = await response.text();
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return { lock: JSON.parse(text), text, sha256 };
}

/**
 * Download the engine's wheels (checked against the lock's sha256, as loadPackage does) and
 * unpack them into site-packages.
 * @param {Pyodide} pyodide
 * @param {Lock} lock
 */
export async function installWheels(pyodide, lock) {
  const entries = PACKAGES.map((name) => lock.packages[name]);
  const wheels = await Promise.all(
    entries.map(async ({ file_name: name, sha256 }) => {
      const bytes = Uint8Array.from(sha256.match(/../g) ?? [], (hex) => parseInt(hex, 16));
      const integrity = `sha256-${btoa(String.fromCharCode(...bytes))}`;
      const response = await fetch(new URL(name, RUNTIME_URL), { integrity });
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  const paths = entries.map(({ file_name: name }) => `/tmp/${name}`);
  wheels.forEach((bytes, i) => pyodide.FS.writeFile(paths[i], bytes));
  pyodide.runPython(`PATHS = ${JSON.stringify(paths)}\n${INSTALL}`);
}

/**
 * The stored snapshot if it was made from this lock.
 * @param {string} lockSha256
 * @returns {Promise<ArrayBuffer | null>}
 */
export async function storedSnapshot(lockSha256) {
  if (!("caches" in self)) return null;
  const cache = await caches.open(SNAPSHOT_CACHE);
  const response = await cache.match(SNAPSHOT_URL);
  if (!response || response.headers.get(LOCK_HEADER) !== lockSha256) return null;
  return response.arrayBuffer();
}

/**
 * Whether a snapshot for this lock is stored (without reading it).
 * @param {string} lockSha256
 */
export async function hasSnapshot(lockSha256) {
  if (!("caches" in self) || !(await caches.has(SNAPSHOT_CACHE))) return false;
  const response = await (await caches.open(SNAPSHOT_CACHE)).match(SNAPSHOT_URL);
  return response?.headers.get(LOCK_HEADER) === lockSha256;
}

/**
 * Keep a snapshot made from this lock, in place of any other.
 * @param {Uint8Array<ArrayBuffer>} snapshot what Pyodide's makeMemorySnapshot() returns
 * @param {string} lockSha256
 */
export async function storeSnapshot(snapshot, lockSha256) {
  const cache = await caches.open(SNAPSHOT_CACHE);
  const headers = { "Content-Type": "application/octet-stream", [LOCK_HEADER]: lockSha256 };
  await cache.put(SNAPSHOT_URL, new Response(snapshot, { headers }));
}

/** Forget the stored snapshot (it failed to restore). */
export async function dropSnapshot() {
  if ("caches" in self) await caches.delete(SNAPSHOT_CACHE);
}
