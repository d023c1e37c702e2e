// A participant's evening page: new messages, the help request's state and the scoreboard
// appear without reloading.
(function () {
  "use strict";
  const root = document.querySelector("[data-updates]");
  if (!root) return;
  const words = JSON.parse(root.dataset.words);
  const list = root.querySelector("[data-announcements]");
  const helpState = root.querySelector("[data-help-state]");
  const board = root.querySelector("[data-scoreboard]");
  const EVERY_MS = 5000;

  function items(texts) {
    return texts.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    });
  }

  async function refresh() {
    try {
      const response = await fetch(root.dataset.updates, {
        headers: { Accept: "application/json" }, credentials: "same-origin",
      });
      if (response.ok) {
        const data = await response.json();
        const key = data.announcements.map((a) => a.id).join(",");
        if (data.announcements.length && list.dataset.key !== key) {
          list.dataset.key = key;
          list.replaceChildren(...items(data.announcements.map((a) => a.text)));
        }
        helpState.textContent = data.waiting ? words.waiting : "";
        if (board && data.scoreboard) {
          board.replaceChildren(...items(data.scoreboard.map(
            (line) => line.nickname + ": " + line.solved + " " + words.solved)));
        }
        root.dataset.updated = String(Date.now());
      }
    } catch (error) {
      // offline for a moment: the next round tries again
    }
    window.setTimeout(refresh, EVERY_MS);
  }

  window.setTimeout(refresh, EVERY_MS);
})();
