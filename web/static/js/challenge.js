// The challenge page: editors, drafts (drafts.js), Test / Hand in without a reload, an optional
// clock that counts up (never down), and adjustable editor text size.
(function () {
  "use strict";
  const form = document.querySelector(".task-form");
  if (!form) return;
  const resultBox = document.querySelector("[data-result]");
  const TEXT = JSON.parse(form.dataset.texts);  // translated on the server
  // First: bring back unsaved work kept in this browser, before the editors read the fields.
  const drafts = window.KodprovDrafts.start(form, TEXT);

  // Editors on every code textarea.
  const editors = [];
  const editorByField = {};
  const fontKey = "kodprov-editor-font";
  let fontSize = parseInt(localStorage.getItem(fontKey) || "18", 10);
  document.querySelectorAll("textarea[data-editor-language]").forEach((area) => {
    if (window.KodprovEditor) {
      const label = document.querySelector(`label[for="${area.id}"]`);
      const editor = window.KodprovEditor.mount(area, {
        language: area.dataset.editorLanguage, fontSize, label: label ? label.textContent : "Code",
        onTabMode: showTabMode,
      });
      editors.push(editor);
      editorByField[area.name] = editor;
    }
    area.addEventListener("input", drafts.changed);
    area.addEventListener("blur", () => drafts.saveNow());
  });
  // Said on the page while Ctrl+M has made Tab move on instead of indenting.
  function showTabMode(leaves) {
    const status = document.querySelector("[data-tab-mode]");
    if (status) status.textContent = leaves ? status.dataset.text : "";
  }
  document.querySelectorAll("[data-answer]").forEach((input) => {
    input.addEventListener("input", drafts.changed);
    input.addEventListener("blur", () => drafts.saveNow());
  });
  document.querySelectorAll("[data-font]").forEach((button) => button.addEventListener("click", () => {
    fontSize = Math.max(12, Math.min(32, fontSize + 2 * parseInt(button.dataset.font, 10)));
    localStorage.setItem(fontKey, String(fontSize));
    editors.forEach((editor) => editor.setFontSize(fontSize));
  }));

  // Logging out from here: the last words reach the server first.
  const logout = document.querySelector("form[data-account]");
  if (logout) {
    logout.addEventListener("submit", (event) => {
      if (!drafts.unsaved()) return;
      event.preventDefault();
      drafts.settle().then(() => drafts.saveNow()).finally(() => logout.submit());
    });
  }

  // Test / Hand in: one token per press, so a double click makes one submission. A draft save
  // in flight finishes first, so the server keeps the texts in the order they were written.
  let sending = false;
  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.name === "consent") return; // the yes: a plain post
    if (form.hasAttribute("data-plain-post")) return;  // the staff preview: the server answers
    event.preventDefault();
    if (event.submitter && "ownRun" in event.submitter.dataset) { runOwnInput(event.submitter); return; }
    if (sending) return;
    sending = true;
    const kind = event.submitter ? event.submitter.value : "attempt";
    form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
    resultBox.innerHTML = `<p>${TEXT.sending}</p>`;
    drafts.settle().then(() => handIn(kind));
  });
  function handIn(kind) {
    const data = new FormData(form);
    data.set("kind", kind);
    data.set("token", crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    const { upTo } = drafts.sending();
    fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((body) => {
        if (!body.ok) { resultBox.innerHTML = ""; const p = document.createElement("p"); p.className = "error"; p.textContent = body.message; resultBox.appendChild(p); finish(); return; }
        drafts.confirmed(body.revision, upTo);
        if (body.files) showUploadedFiles(body.files);
        poll(body.url);
      })
      .catch(() => { resultBox.innerHTML = `<p class="error">${TEXT.notSaved}</p>`; finish(); });
  }
  // "Run" with the candidate's own input: shown below the input, nothing stored or counted.
  let running = false;
  function runOwnInput(button) {
    if (running) return;
    running = true;
    button.disabled = true;
    const output = form.querySelector("[data-own-output]");
    output.innerHTML = `<p>${TEXT.running}</p>`;
    fetch(button.formAction, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((body) => {
        if (body.ok) { output.innerHTML = body.html; return; }
        output.innerHTML = "";
        const p = document.createElement("p"); p.className = "error"; p.textContent = body.message; output.appendChild(p);
      })
      .catch(() => { output.innerHTML = `<p class="error">${TEXT.notRun}</p>`; })
      .finally(() => { running = false; button.disabled = false; });
  }
  // An uploaded file becomes the editor's text (and so the draft), replacing what was there.
  function showUploadedFiles(files) {
    Object.entries(files).forEach(([name, text]) => {
      const field = form.querySelector(`textarea[name="file:${name}"]`);
      if (!field) return;
      if (editorByField[field.name]) { editorByField[field.name].setValue(text); } else { field.value = text; }
    });
    const upload = form.querySelector("input[type=file]");
    if (upload) upload.value = "";
  }
  function finish() {
    sending = false;
    form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = false; });
  }
  function poll(url) {
    fetch(url, { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((body) => {
        resultBox.innerHTML = body.html;
        if (body.done) { finish(); } else { setTimeout(() => poll(url), 1000); }
      })
      .catch(() => setTimeout(() => poll(url), 3000));
  }

  // A personal clock: off by default, counts up from when it is switched on, hidden with one click.
  const toggle = document.querySelector("[data-timer-toggle]");
  const clock = document.querySelector("[data-timer]");
  const clockKey = "kodprov-clock-" + location.pathname;
  let tick = null;
  // The button says whether the clock is on, in words and to screen readers.
  function sayClockIs(on) {
    toggle.setAttribute("aria-pressed", String(on));
    toggle.textContent = on ? toggle.dataset.on : toggle.dataset.off;
  }
  function showClock(start) {
    clock.hidden = false;
    sayClockIs(true);
    const draw = () => {
      const seconds = Math.floor((Date.now() - start) / 1000);
      const m = Math.floor(seconds / 60), s = seconds % 60;
      clock.textContent = `${m}:${String(s).padStart(2, "0")}`;
    };
    draw();
    tick = setInterval(draw, 1000);
  }
  function hideClock() {
    clearInterval(tick);
    clock.hidden = true;
    sayClockIs(false);
    localStorage.removeItem(clockKey);
  }
  toggle.addEventListener("click", () => {
    if (clock.hidden) {
      const start = Date.now();
      localStorage.setItem(clockKey, String(start));
      showClock(start);
    } else {
      hideClock();
    }
  });
  if (localStorage.getItem(clockKey)) showClock(parseInt(localStorage.getItem(clockKey), 10));
})();
