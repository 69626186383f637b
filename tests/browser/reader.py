"""Helpers for the browser tests: what a reader's browser saw."""

from __future__ import annotations


def watch_errors(page) -> list[str]:
    """Record the console errors and uncaught exceptions of ``page`` from now on, into the returned list."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"exception: {e}"))
    return errors
