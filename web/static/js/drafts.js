// Drafts of a task page. Saved a few seconds after typing stops, when a field is left, when the
// page is hidden and when it is left (with a request that outlives the page). Until the server
// confirms a text, a copy stays in this browser (local-copy.js) and comes back on the next visit
// when the server has nothing newer: a reload at any moment loses no typed character.
(function () {
  "use strict";
  const KEEPALIVE_LIMIT = 60000;  // browsers refuse keepalive bodies over 64 kB in flight

  function start(form, texts) {
    const status = form.querySelector("[data-draft-status]");
    const csrf = form.querySelector("input[name=csrf_token]").value;
    const copies = window.KodprovLocalCopy;
    // A page without a task of its own (the staff preview) keeps no copy in this browser.
    const local = copies && form.dataset.task ? copies.open(form.dataset.task) : null;
    const fields = () => Array.from(form.querySelectorAll("[name^='file:'], [name^='answer:']"));
    const values = () => Object.fromEntries(fields().map((field) => [field.name, field.value]));
    let revision = form.dataset.draftRevision || "";  // the server's version this page builds on
    let sent = [];         // fingerprints of texts sent since `revision`
    let edits = 0;         // changes made on this page
    let savedUpTo = 0;     // changes the server has confirmed
    let sentUpTo = 0;      // changes sent, confirmed or not
    let inFlight = null;   // one save at a time, so the server keeps them in order
    let again = false;
    let timer = null;

    // The local copy mirrors what the server has not confirmed; it goes once the server has all.
    function keep() {
      if (!local) return;
      if (edits === savedUpTo) local.clear();
      else local.write(values(), revision, sent);
    }

    function show(text) { if (status) status.textContent = text; }

    function send(snapshot, keepalive) {
      const data = new FormData();
      data.append("csrf_token", csrf);
      Object.entries(snapshot).forEach(([name, value]) => data.append(name, value));
      const small = new Blob(Object.values(snapshot)).size < KEEPALIVE_LIMIT;
      return fetch(form.dataset.draftUrl, {
        method: "POST", body: data, credentials: "same-origin", keepalive: keepalive && small,
        headers: { Accept: "application/json" },
      }).then((r) => r.json().then((body) => ({ ok: r.ok, body })));
    }

    function sending() {
      const snapshot = values();
      sentUpTo = edits;
      sent = sent.concat(copies ? [copies.fingerprint(snapshot)] : []).slice(-50);
      keep();
      return { snapshot, upTo: edits };
    }

    function confirmed(newRevision, upTo) {
      revision = newRevision;
      sent = [];
      savedUpTo = Math.max(savedUpTo, upTo);
      keep();
    }

    function saveNow(keepalive) {
      clearTimeout(timer);
      // No yes to "Tests and results" yet: nothing goes to the server (the copy here stays).
      if (!form.dataset.draftUrl || edits === savedUpTo) return Promise.resolve();
      if (inFlight) {
        again = again || edits > sentUpTo;
        return inFlight;
      }
      const { snapshot, upTo } = sending();
      show(texts.saving);
      const request = send(snapshot, keepalive === true)
        .then(({ ok, body }) => {
          if (!ok) {  // e.g. too many saves in a minute: try again a little later
            show(body.message || texts.notSaved);
            timer = setTimeout(saveNow, 15000);
            return;
          }
          confirmed(body.revision, upTo);
          const time = new Date().toLocaleTimeString(document.documentElement.lang,
            { hour: "2-digit", minute: "2-digit" });
          show(`${texts.saved} ${time}`);
        })
        .catch(() => {
          show(texts.notSaved);
          timer = setTimeout(saveNow, 15000);
        })
        .finally(() => {
          inFlight = null;
          if (again) { again = false; saveNow(); }
        });
      inFlight = request;
      return request;
    }

    function changed() {
      edits += 1;
      keep();
      clearTimeout(timer);
      timer = setTimeout(saveNow, 3000);
    }

    // The page is going away: whatever was not sent yet goes now, even beside a save in flight.
    function leaving() {
      if (!form.dataset.draftUrl || edits === sentUpTo) return;
      if (!inFlight) { saveNow(true); return; }
      send(sending().snapshot, true).catch(() => {});
    }

    // Before the editors read the fields: bring back a newer copy kept here.
    const copy = local ? local.read() : null;
    if (copy && copies.isNewer(copy, values(), revision)) {
      fields().forEach((field) => {
        if (field.name in copy.files) field.value = copy.files[field.name];
      });
      edits = 1;
      keep();
      show(texts.restored);
      saveNow().then(() => { if (edits === savedUpTo) show(texts.restored); });
    } else if (local) {
      local.clear();
    }

    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") saveNow(true);
    });
    window.addEventListener("pagehide", leaving);

    return {
      changed,
      saveNow,
      // Test / Hand in save the draft too: wait for a save in flight, then take over.
      settle: () => inFlight || Promise.resolve(),
      sending,
      confirmed,
      unsaved: () => edits !== savedUpTo,
    };
  }

  window.KodprovDrafts = { start };
})();
