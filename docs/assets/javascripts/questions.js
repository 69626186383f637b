/*
 * Discussion questions: a "Copy link" and a "Cite" button on each (the question arrived at is highlighted by
 * find.css, with :target).
 *
 * Markup (written by paperkit, see pages/parts.question_item):
 *   <div class="paper-questions" data-cite="Harbour Statistics Office, Background paper: … , 4 March 2030, discussion question">
 *     <li id="question-d" class="paper-question">d) … <a class="paper-question-link" href="d/" data-here="question-d">¶</a></li>
 *
 * The permalink is the question's own short address (pages/question_links.py: a page whose link preview is the
 * question, which forwards to it here): "Copy link" copies it, "Cite" ends with it, in the words of the question
 * page's citation metadata (paperkit/citation.py). On the question's own day page (data-here) a click on it stays on
 * the page and goes to the question, as the anchor did; elsewhere it goes through the short address.
 *
 * Copying is Material's own: it copies any element's data-clipboard-text on click and confirms with its
 * "Copied to clipboard" notice. The button also says "Copied" (announced to screen readers). Where the
 * browser cannot copy, the link or citation is shown in a field, selected, for the reader to copy by hand.
 */
(() => {
  "use strict"

  const CONFIRM_MS = 2000

  /* The question's own short address, absolute, without query or fragment */
  function permalink(li) {
    const link = li.querySelector("a.paper-question-link")
    if (!link) return null
    const url = new URL(link.getAttribute("href"), location.href)
    url.search = ""
    url.hash = ""
    return url.href
  }

  /* On its own day page, the permalink goes to the question without loading the page again (a plain click only:
     a new tab or a copied address gets the short address) */
  function stayHere(event) {
    const link = event.target.closest && event.target.closest("a.paper-question-link[data-here]")
    if (!link || event.defaultPrevented || event.button !== 0
        || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    location.hash = link.dataset.here
  }

  /* Material copies (once its bundle has run: document$ is its documented observable) */
  function canCopy() {
    return typeof document$ !== "undefined"
      && Boolean(document.queryCommandSupported && document.queryCommandSupported("copy"))
  }

  /* A field holding `text`, selected: the fallback, and the visible citation */
  function showText(actions, text, label, select) {
    let field = actions.querySelector(".paper-question-text")
    if (!field) {
      field = document.createElement("textarea")
      field.className = "paper-question-text"
      field.readOnly = true
      field.rows = 3
      actions.append(field)
    }
    field.setAttribute("aria-label", label)
    field.value = text
    field.hidden = false
    if (select) { field.focus(); field.select() }
  }

  function button(label, text, fieldLabel, status) {
    const b = document.createElement("button")
    b.type = "button"
    b.className = "paper-question-action"
    b.textContent = label
    b.setAttribute("data-clipboard-text", text)
    b.addEventListener("click", () => {
      if (!canCopy()) {
        showText(b.parentElement, text, fieldLabel + " (press Ctrl+C or ⌘C to copy)", true)
        return
      }
      b.textContent = "Copied"
      status.textContent = fieldLabel + " copied to the clipboard"
      setTimeout(() => { b.textContent = label; status.textContent = "" }, CONFIRM_MS)
    })
    return b
  }

  function enhance(li) {
    const url = permalink(li)
    if (!url || li.querySelector(".paper-question-actions")) return
    const letter = li.textContent.trim().split(")")[0]
    const cite = li.closest("[data-cite]")
    const citation = `${cite ? cite.dataset.cite : document.title} ${letter}). ${url}`
    const actions = document.createElement("span")
    actions.className = "paper-question-actions"
    const status = document.createElement("span")
    status.className = "paper-visually-hidden"
    status.setAttribute("role", "status")
    const copy = button("Copy link", url, "Link", status)
    copy.title = "Copy the link to this question"
    const citeButton = button("Cite", citation, "Citation", status)
    citeButton.title = "Copy a citation of this question"
    citeButton.addEventListener("click", () => {
      if (canCopy()) showText(actions, citation, "Citation of this question", false)
    })
    actions.append(copy, citeButton, status)
    li.append(actions)
  }

  function setup() {
    for (const li of document.querySelectorAll(".paper-question")) enhance(li)
  }

  /* Run as the page is parsed (listed with `defer: true`), so the buttons are there from the first paint */
  document.addEventListener("click", stayHere)
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup, { once: true })
  else setup()
})()
