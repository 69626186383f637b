"""Every page of the built site, as a reader's browser meets it: it loads cleanly, asks no other host, and fits
a phone. Pages are found in the build, so pages added later are checked too."""

from __future__ import annotations

import pytest
from conftest import _context
from reader import lay_out_everything, watch_errors

PHONE = {"width": 390, "height": 844}
MIN_TARGET = 24  # CSS px, WCAG 2.2 SC 2.5.8 (target size, minimum)

# interactive elements a finger must hit
TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [tabindex='0']"

# One pass over a page at phone width: how wide it scrolls, which elements stick out, which headings are cut,
# and every visible target smaller than the minimum, except targets in the flow of a sentence (2.5.8's
# "inline" exception: a link inside running text, whose size the line of text sets).
SURVEY_JS = """([targets, min, width]) => {
  const visible = el => {
    const r = el.getBoundingClientRect(), style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
  };
  // a target a finger can hit now: shown, and not faded out with taps passing through (search's buttons
  // before a query is typed)
  const tappable = el => visible(el) && getComputedStyle(el).pointerEvents !== 'none'
    && getComputedStyle(el).opacity !== '0';
  const name = el => (el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40)
                      || el.outerHTML.slice(0, 60));
  const small = [...document.querySelectorAll(targets)].filter(tappable).flatMap(el => {
    const r = el.getBoundingClientRect();
    const block = el.closest('p, li, td, dd, figcaption');
    const inline = block && getComputedStyle(el).display === 'inline'
      && block.textContent.trim().length > el.textContent.trim().length;
    return inline || (r.width >= min && r.height >= min) ? []
      : [`${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}`];
  });
  const wide = [...document.querySelectorAll('body *')].filter(el => visible(el)
      && el.getBoundingClientRect().right > width + 1).slice(0, 5).map(el => el.tagName + '.' + el.className);
  const cut = [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3')].filter(h => {
    const r = h.getBoundingClientRect();
    return r.left < 0 || r.right > width || h.scrollWidth > h.clientWidth + 1;
  }).map(name);
  return {scroll_width: document.documentElement.scrollWidth, wide, cut, small};
}"""


@pytest.fixture(scope="module")
def phone_survey(browser, base_url, site_pages) -> dict[str, dict]:
    """Each page measured once at 390 px wide (a touch phone)."""
    offsite: list[str] = []
    context = _context(browser, base_url, offsite, viewport=PHONE, is_mobile=True, has_touch=True,
                       device_scale_factor=2)
    page = context.new_page()
    survey = {}
    for path in site_pages:
        page.goto(base_url + path)
        lay_out_everything(page)  # every target and heading measured, not only those near the top
        survey[path] = page.evaluate(SURVEY_JS, [TARGETS, MIN_TARGET, PHONE["width"]])
    context.close()
    return survey


def test_every_page_loads_without_errors_or_offsite_requests(page, base_url, site_pages, offsite_requests):
    errors = watch_errors(page)
    problems = []
    for path in site_pages:
        errors.clear()
        response = page.goto(base_url + path, wait_until="networkidle")  # the search index loads late
        if response is None or response.status != 200:
            problems.append(f"/{path}: status {response and response.status}")
        problems += [f"/{path}: {e}" for e in errors]
    problems += [f"off-host request: {u}" for u in offsite_requests]
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_on_a_phone(phone_survey):
    too_wide = {p: (s["scroll_width"], s["wide"]) for p, s in phone_survey.items()
                if s["scroll_width"] > PHONE["width"]}
    assert too_wide == {}


def test_long_headings_wrap_inside_the_phone_screen(phone_survey):
    cut = [f"/{p}: {h!r}" for p, s in phone_survey.items() for h in s["cut"]]
    assert not cut, "\n".join(cut)


def test_tap_targets_are_at_least_24px_on_a_phone(phone_survey):
    small = [f"/{p}: {t}" for p, s in phone_survey.items() for t in s["small"]]
    assert not small, "\n".join(small)
