/* The skip link moves the keyboard focus, not only the view, to the page's content (WCAG 2.4.1): with
 * Material's instant navigation on (it is off in mkdocs.yml, for speed), Material scrolls to the link's
 * target itself and the next Tab would start again in the header; this keeps the focus right either way. */
document.addEventListener("click", event => {
  const link = event.target.closest && event.target.closest("a.md-skip")
  if (!link) return
  const target = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)))
  if (!target) return
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1")
  target.focus()
})
