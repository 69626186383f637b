"""A reader with a keyboard only: the skip link works, Tab reaches every control with a visible focus ring, and a
note's tooltip meets WCAG 1.4.13 (hoverable, persistent, dismissable with Escape)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]"

# Number every control a reader can see and use; return how many there are.
MARK_CONTROLS_JS = """selector => {
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect(), style = getComputedStyle(el);
    const usable = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden], [inert]')
      && el.tabIndex >= 0 && !el.disabled;
    if (usable) el.dataset.kb = String(n++);
  }
  return n;
}"""

# The focused element: its number, a name, and whether its focus can be seen (an outline or a ring)
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
  return {kb: el.dataset.kb ?? null, name: (el.getAttribute('aria-label') || el.textContent.trim()
          || el.outerHTML).slice(0, 50), ring};
}"""


@pytest.fixture(scope="module")
def day_path(site_dir) -> str:
    """The built page with the most notes: a day page."""
    pages = {p.parent.relative_to(site_dir).as_posix() + "/": p.read_text(encoding="utf-8").count('id="fnref:')
             for p in site_dir.glob("*/index.html")}
    return max(pages, key=pages.get)


@pytest.fixture(params=["home", "day"])
def keyboard_page(request, page, base_url, day_path):
    page.goto(base_url + (day_path if request.param == "day" else ""), wait_until="networkidle")
    return page


def test_skip_link_is_the_first_stop_and_moves_to_the_content(keyboard_page):
    page = keyboard_page
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()  # shown when focused, hidden otherwise
    target = skip.evaluate("a => new URL(a.href).hash")  # Material makes links absolute
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{target}")  # as long as a busy machine takes, not a fixed wait
    page.wait_for_timeout(100)  # the browser moves its focus starting point once it has scrolled
    heading = page.locator(f"[id='{target[1:]}']")
    assert heading.is_visible() and heading.evaluate("e => e.getBoundingClientRect().top < innerHeight / 2")
    page.keyboard.press("Tab")  # the next stop is inside the content, not back in the header
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


def test_tab_reaches_every_control_with_a_visible_focus(keyboard_page):
    page = keyboard_page
    total = page.evaluate(MARK_CONTROLS_JS, CONTROLS)
    reached: set[str] = set()
    unseen: list[str] = []
    for _ in range(total + 25):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None:
            continue
        if not focused["ring"]:
            unseen.append(focused["name"])
        if focused["kb"] is not None:
            if focused["kb"] in reached and len(reached) == total:
                break
            reached.add(focused["kb"])
    missed = page.evaluate("""reached => [...document.querySelectorAll('[data-kb]')]
        .filter(e => !reached.includes(e.dataset.kb))
        .map(e => (e.getAttribute('aria-label') || e.textContent.trim() || e.outerHTML).slice(0, 60))""",
                           sorted(reached))
    assert missed == [], "controls Tab never reaches"
    assert unseen == [], "controls focused without a visible focus ring"


def test_note_tooltip_is_hoverable_persistent_and_dismissable(page, base_url, day_path):
    page.goto(base_url + day_path, wait_until="networkidle")
    ref = page.locator("sup[id^='fnref'] a").first
    tip = page.locator(".md-tooltip2--active")
    ref.hover()
    tip.wait_for()
    note = page.locator(ref.get_attribute("href").split("#")[-1].join(["[id='", "'] p"])).inner_text()
    assert tip.inner_text().split()[:4] == note.split()[:4]  # the note's own text
    # hoverable: the pointer moves from the number onto the tooltip, and it stays
    r, t = ref.bounding_box(), page.locator(".md-tooltip2--active .md-tooltip2__inner").bounding_box()
    page.mouse.move(r["x"] + r["width"] / 2, t["y"] + t["height"] / 2, steps=8)
    page.wait_for_timeout(300)
    assert tip.count() == 1
    # persistent: it stays while the pointer rests on it
    page.wait_for_timeout(1500)
    assert tip.count() == 1
    # dismissable: Escape closes it without moving the pointer
    page.keyboard.press("Escape")
    expect(tip, "Escape leaves the hovered tooltip open").to_have_count(0)
    # the same from the keyboard: focus opens it, Escape closes it, focus stays on the number
    page.mouse.move(0, 0)  # the pointer off the note number: only the focus shows the tooltip now
    page.reload(wait_until="networkidle")
    ref.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, as a reader would
    tip.wait_for()
    page.wait_for_timeout(500)  # a reader reads before dismissing (and Material settles its focus events)
    page.keyboard.press("Escape")
    expect(tip, "Escape leaves the focused tooltip open").to_have_count(0)
    assert page.evaluate("document.activeElement.closest('sup') !== null")
