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

  // For each source line, the pick a click on it selects: the narrowest one covering it.
  const byLine = new Map();
  for (const pick of picks) {
    if (pick.dataset.reverse === "no") continue;
    for (const [pane, first, last, start, end] of spansOf.get(pick)) {
      for (let number = first; number <= last; number++) {
        const key = pane + ":" + number;
        const held = byLine.get(key);
        if (!held || end - start < held.width) byLine.set(key, { pick, width: end - start });
      }
    }
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
    line.addEventListener("click", () => {
      const found = byLine.get(line.dataset.pane + ":" + line.dataset.line);
      if (found) select(found.pick, true);
      else clear();
    });
  }
})();
