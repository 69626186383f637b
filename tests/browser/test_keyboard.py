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
             for p in site_dir.glob("*/*/index.html")}
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
    heading = page.locator(f"[id='{target[1:]}']")
    assert heading.is_visible()
    # the view has moved to the content (the browser moves its focus starting point with it)
    page.wait_for_function("e => e.getBoundingClientRect().top < innerHeight / 2", arg=heading.element_handle())
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


# Material's start (its globals): its tooltips listen from then on
MATERIAL_STARTED_JS = "() => typeof window.component$ !== 'undefined'"

# The control before ``el`` in the tab order of the page (a visible element with a tab index of 0 or more)
FOCUS_BEFORE_JS = """el => {
  const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), summary, [tabindex]')]
    .filter(c => c.tabIndex >= 0 && c.getClientRects().length && !c.closest('[hidden], [inert]'))
  controls[controls.indexOf(el) - 1].focus()
}"""


def test_note_tooltip_is_hoverable_persistent_and_dismissable(page, base_url, day_path):
    page.goto(base_url + day_path, wait_until="networkidle")
    ref = page.locator("sup[id^='fnref'] a").first
    # in the middle of the window, whatever the fonts and the window's size: room for the tooltip above or below
    ref.evaluate("e => e.scrollIntoView({block: 'center'})")
    tip = page.locator(".md-tooltip2--active")
    # The page's clock is the test's from now on, before Material starts (at the first hover): Material shows a
    # tooltip at the next frame and closes it 250 ms after the pointer has left both the number and the tooltip,
    # so the test moves time on, well past that, instead of waiting for it
    page.clock.install()
    ref.hover()
    page.clock.run_for(1000)
    expect(tip).to_have_count(1)
    note = page.locator(ref.get_attribute("href").split("#")[-1].join(["[id='", "'] p"])).inner_text()
    assert tip.inner_text().split()[:4] == note.split()[:4]  # the note's own text
    # hoverable: the pointer moves from the number onto the tooltip, and it stays
    r, t = ref.bounding_box(), page.locator(".md-tooltip2--active .md-tooltip2__inner").bounding_box()
    page.mouse.move(r["x"] + r["width"] / 2, t["y"] + t["height"] / 2, steps=8)
    page.clock.run_for(1000)
    assert tip.count() == 1
    # persistent: it stays while the pointer rests on it
    page.clock.run_for(5000)
    assert tip.count() == 1
    # dismissable: Escape closes it without moving the pointer
    page.keyboard.press("Escape")
    expect(tip, "Escape leaves the hovered tooltip open").to_have_count(0)
    page.clock.run_for(1000)
    expect(tip, "the hovered tooltip opens again by itself").to_have_count(0)


def test_note_tooltip_opens_on_keyboard_focus_and_escape_closes_it(page, base_url, day_path):
    page.goto(base_url + day_path, wait_until="networkidle")
    ref = page.locator("sup[id^='fnref'] a").first
    tip = page.locator(".md-tooltip2--active")
    ref.evaluate(FOCUS_BEFORE_JS)  # the control just before the note number: no tooltip there
    page.wait_for_function(MATERIAL_STARTED_JS)  # a reader's focus starts Material (overrides/)
    page.keyboard.press("Tab")  # focus by keyboard, as a reader would
    assert ref.evaluate("e => e === document.activeElement")
    tip.wait_for()
    page.keyboard.press("Escape")
    expect(tip, "Escape leaves the focused tooltip open").to_have_count(0)
    assert page.evaluate("document.activeElement.closest('sup') !== null")  # the focus stays on the number
