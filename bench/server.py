"""The bench's server: the tests' sub-path server (tests/sitekit.py) as GitHub Pages would serve
the site (``Cache-Control: max-age=600``, validators, gzip for text), counting every response
body it sends and, optionally, pacing them on a slower network than loopback."""

from __future__ import annotations

import gzip
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitekit import SiteHandler, SiteServer

# GitHub Pages compresses text, scripts, JSON and WebAssembly; zip files (wheels, the stdlib)
# go as they are. Level 6 is gzip's default.
GZIP_TYPES = re.compile(r"^(text/|application/(javascript|json|wasm|xml)|image/svg)")


@dataclass
class Transfer:
    """One response body the server sent (304s send none)."""

    path: str
    status: int
    raw: int
    gzip: int


class PagesHandler(SiteHandler):
    server: MeasuringServer
    status = 0
    wire_ratio = 1.0

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def send_head(self) -> Any:
        server = self.server
        self.status = 0
        if server.network:
            time.sleep(server.network[1] / 1000)
        body = super().send_head()
        path = Path(self.translate_path(self.path))
        if body is not None and path.is_dir():
            path = path / "index.html"
        self.wire_ratio = 1.0
        if body is not None:
            raw = os.fstat(body.fileno()).st_size
            sent = server.gzip_size(path, self.guess_type(str(path)))
            self.wire_ratio = sent / raw if raw else 1.0
            server.log.append(Transfer(self.path, 200, raw, sent))
        else:
            server.log.append(Transfer(self.path, self.status, 0, 0))
        return body

    def copyfile(self, source: Any, outputfile: Any) -> None:
        if not self.server.network:
            super().copyfile(source, outputfile)
            return
        while chunk := source.read(64 * 1024):
            self.server.pace(len(chunk) * self.wire_ratio)
            outputfile.write(chunk)


class MeasuringServer(SiteServer):
    """The built site on loopback under the tests' sub-path, counting what it sends.

    ``network``: (Mbit/s shared by all responses, round trip in ms), responses paced at their gzip
    size as Pages would send them; None: loopback speed.
    """

    def __init__(self, root: Path, network: tuple[float, float] | None = None) -> None:
        super().__init__(root, PagesHandler)
        self.network = network
        self.log: list[Transfer] = []
        self.gzip_sizes: dict[Path, int] = {}
        self._wire_free_at = 0.0
        self._wire = threading.Lock()

    def pace(self, wire_bytes: float) -> None:
        """Wait for this many bytes' turn on the emulated network's shared bandwidth."""
        assert self.network is not None
        with self._wire:
            start = max(time.perf_counter(), self._wire_free_at)
            self._wire_free_at = start + wire_bytes * 8 / (self.network[0] * 1e6)
            done = self._wire_free_at
        time.sleep(max(0.0, done - time.perf_counter()))

    def gzip_size(self, path: Path, content_type: str) -> int:
        if not GZIP_TYPES.match(content_type):
            return path.stat().st_size
        if path not in self.gzip_sizes:
            self.gzip_sizes[path] = len(gzip.compress(path.read_bytes(), 6, mtime=0))
        return self.gzip_sizes[path]

    def mark(self) -> int:
        return len(self.log)

    def since(self, mark: int, only: str = "") -> dict[str, int]:
        sent = [t for t in self.log[mark:] if only in t.path]
        return {
            "raw": sum(t.raw for t in sent),
            "gzip": sum(t.gzip for t in sent),
            "requests": len(sent),
            "not_modified": sum(t.status == 304 for t in sent),
        }
