// A review page's one behaviour: a pick (field, item, fact, change) and its source spans
// select each other. A pick's data-spans is [[pane, lineStart, lineEnd, charStart, charEnd]].
"use strict";
(function () {
  const picks = Array.from(document.querySelectorAll(".pick"));
  const lines = new Map(); // "pane:line" -> line element
  for (const line of document.querySelectorAll(".line")) {
    lines.set(line.dataset.pane + ":" + line.dataset.line, line);
  }
  const spansOf = new Map(picks.map((pick) => [pick, JSON.parse(pick.dataset.spans)]));

  // For each source line, the picks a click on it may select, with their chars.
  const byLine = new Map();
  for (const pick of picks) {
    if (pick.dataset.reverse === "no") continue;
    for (const [pane, first, last, start, end] of spansOf.get(pick)) {
      for (let number = first; number <= last; number++) {
        const key = pane + ":" + number;
        if (!byLine.has(key)) byLine.set(key, []);
        byLine.get(key).push({ pick, start, end });
      }
    }
  }

  // The offset into the whole text of the char under a click on a line, or null.
  function clickedOffset(line, event) {
    const text = line.querySelector(".text");
    let node = null;
    let offset = 0;
    if (document.caretPositionFromPoint) {
      const caret = document.caretPositionFromPoint(event.clientX, event.clientY);
      if (caret) [node, offset] = [caret.offsetNode, caret.offset];
    } else if (document.caretRangeFromPoint) {
      const caret = document.caretRangeFromPoint(event.clientX, event.clientY);
      if (caret) [node, offset] = [caret.startContainer, caret.startOffset];
    }
    if (!node || !text.contains(node)) return null;
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(node, offset);
    return Number(line.dataset.start) + before.toString().length;
  }

  // The narrowest pick holding the clicked char, else the narrowest on the line.
  function pickAt(line, event) {
    const found = byLine.get(line.dataset.pane + ":" + line.dataset.line) || [];
    const offset = clickedOffset(line, event);
    const holding = found.filter((c) => offset !== null && c.start <= offset && offset < c.end);
    let best = null;
    for (const candidate of holding.length ? holding : found) {
      if (!best || candidate.end - candidate.start < best.end - best.start) best = candidate;
    }
    return best && best.pick;
  }

  let marked = [];
  let chosen = null;

  function clear() {
    for (const line of marked) {
      line.classList.remove("hl");
      const text = line.querySelector(".text");
      text.textContent = text.textContent;
    }
    marked = [];
    if (chosen) chosen.classList.remove("selected");
    chosen = null;
  }

  function markChars(line, start, end) {
    const text = line.querySelector(".text");
    const content = text.textContent;
    const offset = Number(line.dataset.start);
    const from = Math.max(0, start - offset);
    const to = Math.min(content.length, end - offset);
    if (to <= from) return;
    const mark = document.createElement("mark");
    mark.textContent = content.slice(from, to);
    text.replaceChildren(content.slice(0, from), mark, content.slice(to));
  }

  function select(pick, fromSource) {
    clear();
    chosen = pick;
    pick.classList.add("selected");
    const seen = new Set();
    for (const [pane, first, last, start, end] of spansOf.get(pick)) {
      for (let number = first; number <= last; number++) {
        const line = lines.get(pane + ":" + number);
        if (!line) continue;
        line.classList.add("hl");
        markChars(line, start, end);
        marked.push(line);
        if (!fromSource && !seen.has(pane)) {
          seen.add(pane);
          line.scrollIntoView({ block: "center" });
        }
      }
    }
    if (fromSource) pick.scrollIntoView({ block: "nearest" });
  }

  for (const pick of picks) {
    pick.addEventListener("click", (event) => {
      event.stopPropagation();
      select(pick, false);
    });
  }
  for (const line of lines.values()) {
    line.addEventListener("click", (event) => {
      const found = pickAt(line, event);
      if (found) select(found, true);
      else clear();
    });
  }
})();
