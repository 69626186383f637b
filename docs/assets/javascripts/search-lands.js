// A search result lands on the passage that matched, not on the top of the page or of a long section.
//
// Material's search.highlight feature (documented) adds the words a result matched to its link as `?h=` and marks
// them in the page. A result points at a page or at a section: this script, on a page opened with `?h=`, picks the
// paper's block (a paragraph, a discussion question, a note — the elements with an id of their own) inside the
// section the link points to (or the whole page) that holds most of the words, the rarer counting more, a block
// counting the words of the notes it cites (half); then it moves the address to that block (`#<its id>`, as a link to
// the block would), so the browser shows it, clear of the header, and marks it (`:target`, docs/assets/find.css).
// A word is found as Material finds it (as the start of a word; a word of one or two letters only as itself), as another form of it (the same first letters
// but for its ending: "confiscating", "confiscation"), or one letter off (search-answers.html); a word no block holds
// (an abbreviation, a delegate's word: "guns") by the paper's words for it, from search/words.json beside the index
// (the paper-word-forms plugin writes it; not in the offline copy opened from disk). A block holding the words in a
// row, in the order asked (`?h=` keeps the order typed: search-answers.html), each as typed, comes first: "confiscation
// of assets" lands on the sentence saying so, not on one saying "confiscated assets" more often; of two blocks as good,
// the one whose notes hold the words too. The paper's words found for a word asked are marked in the block, as
// Material marks the words found ("FATF": "Financial Action Task Force"). A block higher than the window is scrolled on to its first rare word.
// When the block found is a note, it lands on the sentence citing it (the note's number in it; the note is a hover
// away). When no block holds any of the words, nothing moves.
// `data-paper-landed` on <html> says where it landed (a block's id, or "" for nowhere), once it has.
(() => {
  const params = new URLSearchParams(location.search)
  if (!params.has("h")) return
  const asked = (params.get("h") || "").toLowerCase().split(/\s+/).filter(Boolean)
  const WORD = /[\p{L}\p{N}]+/gu
  const wordsFile = new URL("../../search/words.json", document.currentScript.src)
  const BLOCKS = "p[id], li[id], .paper-lettered[id]"

  const oneEdit = (a, b) => {
    if (a === b || Math.abs(a.length - b.length) > 1) return a === b
    let i = 0
    while (i < a.length && a[i] === b[i]) i++
    if (a.length === b.length)
      return a.slice(i + 1) === b.slice(i + 1)
        || a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
    const [long, short] = a.length > b.length ? [a, b] : [b, a]
    return long.slice(i + 1) === short.slice(i)
  }
  // how a word of the page answers a term asked: 1 as Material finds it, less as another form or one letter off
  const answers = (term, word) => {
    if (term.length < 3) return +(word === term)   // "e" of "e-commerce": as the start of a word, in every sentence
    if (word.startsWith(term)) return 1
    if (term.length < 5 || word.length < 5) return 0
    let common = 0
    while (common < term.length && term[common] === word[common]) common++
    if (common >= 5 && common >= Math.max(term.length, word.length) - 3) return .8   // both endings short: not "internet" for "intermediaries"
    return oneEdit(term, word) ? .8 : 0
  }

  // the section a link points to: from its heading to the next heading of the same or a higher level
  const within = article => {
    const start = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
    if (!start || !article.contains(start)) return [...article.querySelectorAll(BLOCKS)]
    if (start.matches(BLOCKS)) return [start]
    if (!/^H[1-6]$/.test(start.tagName)) return [...start.querySelectorAll(BLOCKS)]
    const level = +start.tagName[1], found = []
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT)
    walker.currentNode = start
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      if (/^H[1-6]$/.test(el.tagName) && +el.tagName[1] <= level) break
      if (el.matches(BLOCKS)) found.push(el)
    }
    return found
  }

  // where a phrase of the paper stands in a list of words, one word after the other, each as the start of a word:
  // [first, last] of each time
  const placesOf = (phrase, list) => {
    const parts = phrase.match(WORD) || [], found = []
    for (let i = 0; parts.length && i + parts.length <= list.length; i++)
      if (parts.every((part, k) => list[i + k].startsWith(part))) found.push([i, i + parts.length - 1])
    return found
  }

  // the paper's phrases in a block marked as Material marks the words found (`mark[data-md-highlight]`), each part
  // as the start of a word, within one run of text; the marks made
  const markIn = (block, phrases) => {
    const pattern = new RegExp(phrases.map(phrase => (phrase.match(WORD) || []).join("[\\p{L}\\p{N}]*[^\\p{L}\\p{N}]+"))
      .filter(Boolean).map(parts => `(?<![\\p{L}\\p{N}])${parts}[\\p{L}\\p{N}]*`).join("|") || "(?!)", "giu")
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT), nodes = [], made = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement.closest("mark")) nodes.push(node)
    for (const node of nodes) for (const found of [...node.textContent.matchAll(pattern)].reverse()) {
      const range = document.createRange(), mark = document.createElement("mark")
      range.setStart(node, found.index)
      range.setEnd(node, found.index + found[0].length)
      mark.setAttribute("data-md-highlight", "")
      range.surroundContents(mark)
      made.unshift(mark)
    }
    return made
  }

  const moveTo = block => {
    if (`#${block.id}` !== location.hash) location.replace(`#${encodeURIComponent(block.id)}`)
    else block.scrollIntoView()
  }

  const land = paperWords => {
    const article = document.querySelector("article.md-content__inner, article")
    const blocks = article ? within(article).filter(el => !el.closest("[data-search-exclude]") || el.matches(".paper-question")) : []
    // a block's own words, and those of the notes it cites (which count half)
    const noteText = id => document.getElementById(id)?.textContent || ""
    const own = blocks.map(block => block.textContent.toLowerCase().match(WORD) || [])
    const cited = blocks.map(block => [...block.querySelectorAll("a.footnote-ref[href^='#']")]
      .map(a => noteText(decodeURIComponent(a.getAttribute("href").slice(1)))).join(" ").toLowerCase().match(WORD) || [])
    // a match, a little more for each more time it occurs
    const repeated = (value, times) => times && value * (1 + Math.log(times) / 4)
    // how well a list of words answers a term: its best word, and how often
    const matchIn = (term, list) => {
      let best = 0, times = 0
      for (const w of list) { const a = answers(term, w); if (a > best) [best, times] = [a, 1]; else if (a && a === best) times++ }
      return repeated(best, times)
    }
    const terms = [...new Set(asked.flatMap(t => t.match(WORD) || []))]
    const via = terms.map(() => null)
    // each term's match in each block: [in its own words or half in its notes', the lesser of the two (its notes
    // holding it too)]
    const both = (mine, notes) => [Math.max(mine, notes / 2), Math.min(mine, notes / 2)]
    const matches = terms.map((term, t) => {
      const row = blocks.map((_, b) => both(matchIn(term, own[b]), matchIn(term, cited[b])))
      const meant = paperWords[term]
      if (row.some(([m]) => m) || !Array.isArray(meant)) return row
      via[t] = meant
      // as a word is: a little more for each more time
      const times = list => repeated(.9, meant.reduce((n, phrase) => n + placesOf(phrase, list).length, 0))
      return blocks.map((_, b) => both(times(own[b]), times(cited[b])))
    })
    const hits = matches.map(row => row.map(([m]) => m)), noted = matches.map(row => row.map(([, also]) => also))
    const weight = hits.map(row => Math.log((blocks.length + 1) / (row.filter(Boolean).length + .5)))
    // where a term stands in a list of words, as typed or as the paper's words for it: [first, last]
    const spans = (t, list) => via[t] ? via[t].flatMap(phrase => placesOf(phrase, list))
      : list.flatMap((w, i) => answers(terms[t], w) === 1 ? [[i, i]] : [])
    // whether a block holds the words asked one after the other, in the order asked (a word between at most:
    // "confiscation of assets"), each as typed or as the paper's words for it
    const inARow = b => terms.length > 1 && terms.slice(1).reduce((ends, _, k) => spans(k + 1, own[b])
      .filter(([start]) => ends.some(end => start > end && start - end <= 2)).map(([, end]) => end),
      spans(0, own[b]).map(([, end]) => end)).length > 0
    // a block holding them in a row first, then the best score; of two scores as good, the block whose notes hold the words too
    let best = -1, bestKey = [0, 0, 0]
    blocks.forEach((_, b) => {
      const score = terms.reduce((sum, _, t) => sum + hits[t][b] * weight[t], 0)
      if (!score) return
      const key = [+inARow(b), score, terms.reduce((sum, _, t) => sum + noted[t][b] * weight[t], 0)]
      const better = key.findIndex((x, i) => Math.abs(x - bestKey[i]) > 1e-9)
      if (better >= 0 && key[better] > bestKey[better]) [best, bestKey] = [b, key]
    })
    if (best < 0) return document.documentElement.dataset.paperLanded = ""
    // a note found: the sentence that cites it, the note's number in it (its first citing block on the page)
    const citing = blocks[best].matches("li[id^='fn:']")
      && document.querySelector(`a.footnote-ref[href="#${CSS.escape(blocks[best].id)}"]`)?.closest(BLOCKS)
    const block = citing || blocks[best]
    // a word found by the paper's words for it: those marked ("FATF": "Financial Action Task Force")
    const marks = terms.map((_, t) => via[t] && hits[t][best] ? markIn(block, via[t]) : [])
    moveTo(block)
    // a block higher than the window: on to its rarest word found
    const rect = block.getBoundingClientRect()
    if (rect.height > innerHeight * .8) {
      const [rarest, r] = terms.map((term, t) => [term, t]).filter(([, t]) => hits[t][best])
        .sort((a, b) => weight[b[1]] - weight[a[1]])[0] || ["", -1]
      // its first mark, for a word found by the paper's words for it; else its first word answering the rarest
      const top = () => {
        if (marks[r]?.length) return marks[r][0].getBoundingClientRect().top
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = [...node.textContent.toLowerCase().matchAll(WORD)].find(m => answers(rarest, m[0]))
          if (!at) continue
          const range = document.createRange()
          range.setStart(node, at.index)
          range.setEnd(node, at.index + at[0].length)
          return range.getBoundingClientRect().top
        }
      }
      const at = top()
      if (at > innerHeight * .6) scrollBy(0, at - innerHeight / 3)
    }
    document.documentElement.dataset.paperLanded = block.id
  }
  // after the browser's own move to the address's section, once the page is laid out and the words are in (none,
  // from disk or when the file is missing: every word is then looked for as typed)
  const loaded = new Promise(resolve => document.readyState === "complete" ? resolve()
    : addEventListener("load", resolve, { once: true }))
  const paperWords = location.protocol === "file:" ? Promise.resolve({})   // a browser fetches nothing from disk
    : fetch(wordsFile).then(r => r.ok ? r.json() : {}).catch(() => ({}))
  Promise.all([paperWords, loaded]).then(([meant]) => requestAnimationFrame(() => land(meant || {})))
})()
