"""Under `mkdocs serve`, a rebuild that fails shows its message in the browser too, over the last good site.

MkDocs prints a failed rebuild's error in the terminal only and leaves the browser as it was ("the server will
appear stuck"): an editor looking at the page sees nothing happen. This hook wraps the server's rebuild: when it
fails, the message is kept, the browsers are reloaded as after a good rebuild, and every page served carries it at
the top — ``papers/2030.md:212: note 7 is referenced but never defined — …`` — on the last good site (a paper error
stops the build before anything is written). The next good rebuild takes it away. The terminal shows the error as
before; ``mkdocs build`` is untouched.

It reaches into MkDocs' LiveReloadServer (its ``builder`` attribute, ``_inject_js_into_html``, the epoch it
reloads browsers by after a rebuild that returns), written for MkDocs 1.6.1, the last 1.x; on another release, or where they are missing, it
does nothing and the server behaves as MkDocs' own. Tested in tests/test_serve.py.
"""

from __future__ import annotations

import html
import logging

import mkdocs

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

WRITTEN_FOR = "1.6.1"
BANNER = ('<div role="alert" class="paper-serve-error" style="position:sticky;top:0;z-index:10;margin:0;'
          'padding:.6rem 1rem;background:#fff3cd;color:#3d2c00;border-bottom:2px solid #8a6d00;'
          'font:14px/1.5 system-ui,sans-serif;white-space:pre-wrap">'
          '<strong>The last save did not build.</strong> This page is the last good build.\n{message}</div>')


class _Said(logging.Handler):
    """What MkDocs and the plugins warned of or reported as errors during one rebuild (``--strict`` stops on a
    warning), but MkDocs' closing "Aborted with …"."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith("Aborted with"):
            self.messages.append(message)


def on_serve(server, *, config, builder):
    if mkdocs.__version__ != WRITTEN_FOR or not all(hasattr(server, a) for a in ("builder", "_inject_js_into_html")):
        return server
    if getattr(server.builder, "shows_errors", False):  # wrapped already
        return server
    rebuild, inject = server.builder, server._inject_js_into_html
    failed: list[str] = []

    def rebuild_showing_errors() -> None:
        said = _Said()
        logging.getLogger("mkdocs").addHandler(said)
        try:
            rebuild()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # MkDocs logs the error, then raises its Abort (a SystemExit)
            # MkDocs logs an error the same as the last one only once (its DuplicateFilter): the same again
            failed[:] = ["\n".join(said.messages)] if said.messages else failed or [str(exc) or type(exc).__name__]
            log.error("The browser shows this message over the last good build until the next one succeeds.")
        else:
            failed.clear()
        finally:
            logging.getLogger("mkdocs").removeHandler(said)

    def inject_showing_errors(content: bytes, epoch):
        content = inject(content, epoch)
        if not failed:
            return content
        at = content.find(b">", content.find(b"<body")) + 1 if b"<body" in content else 0
        banner = BANNER.format(message=html.escape(failed[0])).encode()
        return content[:at] + banner + content[at:]

    rebuild_showing_errors.shows_errors = True  # type: ignore[attr-defined]
    server.builder = rebuild_showing_errors
    server._inject_js_into_html = inject_showing_errors
    return server
