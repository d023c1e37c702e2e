// The facilitator's live view of an evening: asks for the evening's state every few seconds
// and redraws who is here and the help queue, without reloading the page.
(function () {
  "use strict";
  const root = document.querySelector("[data-live]");
  if (!root) return;
  const words = JSON.parse(root.dataset.words);
  const people = root.querySelector("[data-live-people]");
  const help = root.querySelector("[data-live-help]");
  const grading = root.querySelector("[data-live-grading]");
  const phase = document.querySelector("[data-live-phase]");
  const EVERY_MS = 3000;

  function withId(template, id) {
    return template.replace(/\/0$/, "/" + id);
  }

  function postButton(action, label) {
    const form = document.createElement("form");
    form.method = "post";
    form.action = action;
    const token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrf_token";
    token.value = root.dataset.csrf;
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = label;
    form.append(token, button);
    return form;
  }

  function cell(row, content) {
    const td = document.createElement("td");
    if (content instanceof Node) td.append(content); else td.textContent = String(content);
    row.append(td);
  }

  function drawPeople(list) {
    const rows = list.map((person) => {
      const row = document.createElement("tr");
      row.dataset.participant = person.id;
      cell(row, person.nickname + (person.guest ? " (" + words.guest + ")" : ""));
      cell(row, person.checked_in ? words.checked_in
        : postButton(withId(root.dataset.checkIn, person.id), words.check_in));
      cell(row, person.working_on);
      cell(row, person.attempts);
      cell(row, person.solved);
      cell(row, person.supervised);
      return row;
    });
    if (!rows.length) {
      const row = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = 6;
      td.textContent = words.nobody;
      row.append(td);
      rows.push(row);
    }
    // keep focus on a button the facilitator is about to press: redraw only when it changed
    const before = people.textContent;
    const fresh = document.createElement("tbody");
    fresh.append(...rows);
    if (fresh.textContent !== before) people.replaceChildren(...rows);
  }

  function drawHelp(queue) {
    const items = queue.map((request) => {
      const li = document.createElement("li");
      li.dataset.help = request.id;
      li.append(document.createTextNode(request.nickname + " "));
      li.append(postButton(withId(root.dataset.handled, request.id), words.handled));
      return li;
    });
    if (!items.length) {
      const li = document.createElement("li");
      li.textContent = words.nothing;
      items.push(li);
    }
    const key = queue.map((r) => r.id).join(",");
    if (help.dataset.key !== key) {
      help.dataset.key = key;
      help.replaceChildren(...items);
    }
  }

  async function refresh() {
    try {
      const response = await fetch(root.dataset.live, {
        headers: { Accept: "application/json" }, credentials: "same-origin",
      });
      if (response.ok) {
        const data = await response.json();
        drawPeople(data.people);
        drawHelp(data.help);
        grading.textContent = data.grading ? words.grading + " " + data.grading : "";
        root.dataset.updated = String(Date.now());
        if (phase) phase.dataset.phase = data.phase;
      }
    } catch (error) {
      // offline for a moment: the next round tries again
    }
    window.setTimeout(refresh, EVERY_MS);
  }

  refresh();
})();
