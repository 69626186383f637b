"""Helpers for the browser tests: what a reader's browser saw, and waits for conditions (never for a fixed time)."""

from __future__ import annotations

# Every finite animation or transition of the page has finished (an endless one, a spinner, never does).
SETTLED_JS = """() => document.getAnimations().every(a => a.playState !== 'running'
    || a.effect === null || a.effect.getComputedTiming().iterations === Infinity)"""

# Counts the queries the page sends to Material's search worker and the results it gets back (Material's
# SearchMessageType: QUERY 2, RESULT 3), so a test knows when the results shown are those of the whole query.
# Added before the page's own scripts, so search-on-demand's stand-in (overrides/) wraps this Worker in turn.
SEARCH_WATCH_JS = """(() => {
  const Native = window.Worker
  if (!Native) return
  const watch = window.__searchWatch = { sent: 0, answered: 0, last: null }
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ({ data }) => { if (data && data.type === 3) watch.answered++ })
    }
    postMessage(message, ...rest) {
      // a query the site asks again (partials/search-answers.html, `again`) is one more to answer, not what was typed
      if (message && message.type === 2) { watch.sent++; if (!message.again) watch.last = message.typed ?? message.data }
      return super.postMessage(message, ...rest)
    }
  }
})()"""

# The worker has answered every query sent, the last one being what the search field holds, and shows results
SEARCH_DONE_JS = """() => {
  const watch = window.__searchWatch, field = document.querySelector("input[data-md-component='search-query']")
  return watch && field && watch.sent > 0 && watch.answered === watch.sent && watch.last === field.value
    && document.querySelector('.md-search-result__item') !== null
}"""


def watch_errors(page) -> list[str]:
    """Record the console errors and uncaught exceptions of ``page`` from now on, into the returned list."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"exception: {e}"))
    return errors


def settle(page) -> None:
    """Wait until nothing on the page moves: every finite animation and transition has run to its end (as long as
    a busy machine takes). Tests that look at colours (axe) call it, on contexts made with reduced motion."""
    page.wait_for_function(SETTLED_JS, polling="raf")


def lay_out_everything(page) -> None:
    """Render every part of the page now, even what `content-visibility: auto` leaves unrendered until it nears the
    screen (the Topics page's lists): checks that read boxes and colours (axe, the phone survey) then see every
    element, not only those near the top."""
    page.add_style_tag(content="* { content-visibility: visible !important; }")


def as_printed(page) -> None:
    """Show ``page`` as the printer sees it: print media, after the browser's beforeprint event."""
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")


def watch_search(page) -> None:
    """Call before ``page.goto``: lets ``search`` tell when the results of the whole query are shown."""
    page.add_init_script(SEARCH_WATCH_JS)


def search(page, query: str) -> None:
    """Type ``query`` into Material's search field as a reader does (a key at a time) and wait until the results
    of the whole query are shown and still (``watch_search`` must have been called before the page was opened)."""
    field = page.locator("input[data-md-component='search-query']")
    field.click()
    field.press_sequentially(query)
    page.wait_for_function(SEARCH_DONE_JS)
    settle(page)
