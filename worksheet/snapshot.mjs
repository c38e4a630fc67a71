// Module worker, started by worker.mjs once the engine is ready and idle: makes the memory
// snapshot that later visits restore instead of starting Python afresh (see python.mjs).
//
// It runs its own interpreter, which only ever sees the built-in sample answers: the snapshot
// holds no one's own answers. Posts {ok: true} when the snapshot is stored, or {ok: false, error}.

import { LOCK_URL, RUNTIME_URL, installWheels, readLock, storeSnapshot } from "./python.mjs";

/** Import the engine and run each kind of request once on the sample answers. */
const WARM_UP = `
import json
from followup import web
_answers = json.loads(web.handle('{"type": "example"}'))["answers"]
for _type in ("render", "validate", "ics"):
    web.handle(json.dumps({"type": _type, "answers": _answers}))
web.handle('{"type": "schema"}')
del _answers, _type
`;

async function make() {
  const { lock, sha256 } = await readLock();
  const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME_URL).href);
  const pyodide = await loadPyodide({
    indexURL: RUNTIME_URL.href,
    lockFileURL: LOCK_URL.href,
    _makeSnapshot: true,
  });
  await installWheels(pyodide, lock);
  pyodide.runPython(WARM_UP);
  await storeSnapshot(pyodide.makeMemorySnapshot(), sha256);
}

make().then(
  () => self.postMessage({ ok: true }),
  (error) => self.postMessage({ ok: false, error: String(error?.message ?? error) }),
);
