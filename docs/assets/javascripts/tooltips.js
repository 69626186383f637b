// WCAG 2.2 SC 1.4.13 (content on hover or focus): Escape dismisses an open note tooltip without moving the
// pointer or the focus. Material's tooltips are hoverable and persistent already, but Escape left them open.
// (Material re-shows a tooltip only when the pointer or focus comes back, setting the class itself.)
document.addEventListener("keydown", event => {
  if (event.key !== "Escape") return
  for (const tip of document.querySelectorAll(".md-tooltip2--active"))
    tip.classList.remove("md-tooltip2--active")
})
