/* Glossary definitions in a tooltip, on mouse hover and on a tap.
   hooks/glossary.py wraps the first use of each glossary term in <abbr title="definition">.
   Material's `content.tooltips` mounted one tooltip per abbr at start-up: 180-300 ms of blocking
   time on a phone (Lighthouse), the approved-therapies page has 54 terms. This script sets up
   nothing per term: a few listeners on the document, and one shared tooltip made on first use.
   - Mouse: shows while the pointer is on the term or the tooltip (WCAG 1.4.13: it can be hovered).
   - Touch or pen: a tap on a term shows it (browsers show `title` only to a mouse); a tap elsewhere hides it.
   - Escape, a scroll, a resize or another term hides it.
   While it shows, the term's `title` moves to data-title (else the browser's own tooltip shows too)
   and the term's aria-describedby names the tooltip; both are put back when it hides.
   Without JavaScript, `title` works as it always did. Keyboard: abbr elements are not focusable
   (Material did not make them so either) and this adds no tab stops; every definition is also on
   the glossary page. Checked in Chromium by tests/test_glossary_tips.py. */
(() => {
  const MARGIN = 8; // px kept clear between the tooltip and the viewport's edges and the term
  let tip = null;   // the shared tooltip element
  let term = null;  // the <abbr> whose definition shows
  let timer = 0;    // a pending hide, after the mouse left (time to reach the tooltip)

  const termAt = (node) => {
    const abbr = node instanceof Element ? node.closest(".md-content abbr") : null;
    return abbr && (abbr.title || abbr === term) ? abbr : null;
  };
  const onTip = (node) => tip !== null && node instanceof Node && tip.contains(node);

  function hide() {
    clearTimeout(timer);
    if (!term) return;
    term.title = term.dataset.title;
    delete term.dataset.title;
    term.removeAttribute("aria-describedby");
    tip.hidden = true;
    term = null;
  }

  function show(abbr) {
    clearTimeout(timer);
    if (abbr === term) return;
    hide();
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "glossary-tip";
      tip.className = "glossary-tip";
      tip.setAttribute("role", "tooltip");
      document.body.append(tip);
    }
    term = abbr;
    tip.textContent = term.title;
    term.dataset.title = term.title;
    term.removeAttribute("title");
    term.setAttribute("aria-describedby", tip.id);
    tip.hidden = false;
    place();
  }

  // Under the term, or above it when there is no room below; never past the viewport's sides.
  function place() {
    tip.style.left = tip.style.top = "0"; // measured at the corner, where nothing narrows it
    const size = tip.getBoundingClientRect();
    const at = term.getClientRects()[0] ?? term.getBoundingClientRect(); // a term across two lines: its first
    const width = document.documentElement.clientWidth;
    const left = Math.max(MARGIN, Math.min(at.left, width - size.width - MARGIN));
    let top = at.bottom + MARGIN / 2;
    if (top + size.height > window.innerHeight && at.top - size.height - MARGIN / 2 >= 0) {
      top = at.top - size.height - MARGIN / 2;
    }
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType !== "mouse") return;
    const abbr = termAt(event.target);
    if (abbr) show(abbr);
    else if (onTip(event.target)) clearTimeout(timer);
  });
  document.addEventListener("pointerout", (event) => {
    if (event.pointerType !== "mouse" || !term) return;
    const to = event.relatedTarget;
    if (to instanceof Node && (term.contains(to) || onTip(to))) return;
    clearTimeout(timer);
    timer = setTimeout(hide, 300);
  });
  // pointerup, not click: iOS Safari sends no click to the document for a tap on plain text.
  // A scroll gesture ends in pointercancel, so this is a tap (or a mouse click).
  document.addEventListener("pointerup", (event) => {
    const abbr = termAt(event.target);
    if (abbr) show(abbr);
    else if (!onTip(event.target)) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  // The tooltip is fixed to the viewport: once the page (or a table) scrolls, it would point at nothing.
  document.addEventListener("scroll", hide, { capture: true, passive: true });
  window.addEventListener("resize", hide);
})();
