// The challenge page: editors, drafts saved every few seconds, Test / Hand in without a reload,
// an optional clock that counts up (never down), and adjustable editor text size.
(function () {
  "use strict";
  const form = document.querySelector(".task-form");
  if (!form) return;
  const draftStatus = document.querySelector("[data-draft-status]");
  const resultBox = document.querySelector("[data-result]");
  const csrf = form.querySelector("input[name=csrf_token]").value;
  const lang = document.documentElement.lang;
  const TEXT = {
    sv: { saved: "Utkast sparat", saving: "Sparar …", notSaved: "Kunde inte spara just nu. Din text finns kvar här.", sending: "Skickar …" },
    en: { saved: "Draft saved", saving: "Saving …", notSaved: "Could not save right now. Your text is still here.", sending: "Sending …" },
  }[lang] || {};

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
      });
      editors.push(editor);
      editorByField[area.name] = editor;
    }
    area.addEventListener("input", scheduleSave);
    area.addEventListener("blur", saveNow);
  });
  document.querySelectorAll("[data-answer]").forEach((input) => {
    input.addEventListener("input", scheduleSave);
    input.addEventListener("blur", saveNow);
  });
  document.querySelectorAll("[data-font]").forEach((button) => button.addEventListener("click", () => {
    fontSize = Math.max(12, Math.min(32, fontSize + 2 * parseInt(button.dataset.font, 10)));
    localStorage.setItem(fontKey, String(fontSize));
    editors.forEach((editor) => editor.setFontSize(fontSize));
  }));

  // Drafts: a few seconds after typing stops, when leaving the editor, and when leaving the page.
  let timer = null;
  let dirty = false;
  function scheduleSave() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(saveNow, 3000);
  }
  function editorData() {
    const data = new FormData();
    data.append("csrf_token", csrf);
    form.querySelectorAll("[name^='file:'], [name^='answer:']").forEach((field) => data.append(field.name, field.value));
    return data;
  }
  function saveNow() {
    if (!dirty) return;
    clearTimeout(timer);
    dirty = false;
    draftStatus.textContent = TEXT.saving;
    fetch(form.dataset.draftUrl, { method: "POST", body: editorData(), headers: { Accept: "application/json" } })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        const time = new Date().toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
        draftStatus.textContent = ok ? `${TEXT.saved} ${time}` : body.message || TEXT.notSaved;
      })
      .catch(() => { dirty = true; draftStatus.textContent = TEXT.notSaved; });
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && dirty) {
      navigator.sendBeacon(form.dataset.draftUrl, editorData());
      dirty = false;
    }
  });

  // Test / Hand in: one token per press, so a double click makes one submission.
  let sending = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    clearTimeout(timer);
    const kind = event.submitter ? event.submitter.value : "attempt";
    const data = new FormData(form);
    data.set("kind", kind);
    data.set("token", crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
    resultBox.innerHTML = `<p>${TEXT.sending}</p>`;
    fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((body) => {
        if (!body.ok) { resultBox.innerHTML = ""; const p = document.createElement("p"); p.className = "error"; p.textContent = body.message; resultBox.appendChild(p); finish(); return; }
        if (body.files) showUploadedFiles(body.files);
        dirty = false;
        draftStatus.textContent = TEXT.saved;
        poll(body.url);
      })
      .catch(() => { resultBox.innerHTML = `<p class="error">${TEXT.notSaved}</p>`; finish(); });
  });
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
