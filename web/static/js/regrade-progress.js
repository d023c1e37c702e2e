// The admin's regrade page: asks for the run's progress every few seconds and redraws the
// counts and the hand-ins whose score changed, without reloading; stops once it is done.
(function () {
  "use strict";
  const root = document.querySelector("[data-regrade]");
  if (!root) return;
  const words = JSON.parse(root.dataset.words);
  const changes = root.querySelector("[data-changes]");
  const state = root.querySelector("[data-finished]");
  const EVERY_MS = 2000;

  function cell(row, content) {
    const td = document.createElement("td");
    if (content instanceof Node) td.append(content); else td.textContent = String(content);
    row.append(td);
  }

  function drawChanges(list) {
    const rows = list.map((change) => {
      const row = document.createElement("tr");
      row.dataset.change = change.id;
      const link = document.createElement("a");
      link.href = change.url;
      link.textContent = "#" + change.id;
      cell(row, link);
      cell(row, change.code);
      cell(row, change.old);
      cell(row, change.new);
      return row;
    });
    if (!rows.length) {
      const row = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = 4;
      td.textContent = words.none;
      row.append(td);
      rows.push(row);
    }
    const key = list.map((c) => c.id + ":" + c.new).join(",");
    if (changes.dataset.key !== key) {
      changes.dataset.key = key;
      changes.replaceChildren(...rows);
    }
  }

  function draw(data) {
    for (const name of ["total", "waiting", "done", "changed", "failed"]) {
      const place = root.querySelector('[data-count="' + name + '"]');
      if (place && place.textContent !== String(data[name])) place.textContent = data[name];
    }
    drawChanges(data.changes);
    state.dataset.finished = data.finished ? "yes" : "no";
    root.querySelector('[data-when="running"]').hidden = data.finished;
    root.querySelector('[data-when="finished"]').hidden = !data.finished;
  }

  async function refresh() {
    let finished = false;
    try {
      const response = await fetch(root.dataset.regrade, {
        headers: { Accept: "application/json" }, credentials: "same-origin",
      });
      if (response.ok) {
        const data = await response.json();
        draw(data);
        finished = data.finished;
      }
    } catch (error) {
      // offline for a moment: the next round tries again
    }
    if (!finished) window.setTimeout(refresh, EVERY_MS);
  }

  if (state.dataset.finished !== "yes") refresh();
})();
