// Work the server has not confirmed yet, kept in this browser so that a reload, a crash or a lost
// connection loses nothing. Each copy is filed under the logged-in account (an opaque key from
// the server) and the task, and is removed as soon as the server has the text. Copies of other
// accounts are removed when someone else logs in on this computer, and old ones expire.
(function () {
  "use strict";
  const PREFIX = "kodprov-unsaved:";
  const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
  const logout = document.querySelector("form[data-account]");
  const account = logout ? logout.dataset.account : "";

  function store() {
    try { return window.localStorage; } catch (error) { return null; }  // storage may be off
  }

  function read(key) {
    const storage = store();
    try { return storage ? JSON.parse(storage.getItem(key)) : null; } catch (error) { return null; }
  }

  function tidy() {
    const storage = store();
    if (!storage || !account) return;
    const own = PREFIX + account + ":";
    const keys = [];
    for (let i = 0; i < storage.length; i += 1) keys.push(storage.key(i));
    keys.filter((key) => key && key.startsWith(PREFIX)).forEach((key) => {
      const copy = read(key);
      const old = !copy || !(Date.now() - copy.at < MAX_AGE_MS);
      if (!key.startsWith(own) || old) storage.removeItem(key);
    });
  }

  // A stable fingerprint of a set of files, to recognise text this browser itself sent.
  function fingerprint(files) {
    const text = JSON.stringify(Object.keys(files).sort().map((name) => [name, files[name]]));
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16) + (h1 >>> 0).toString(16);
  }

  // One task's copy: { files, base: the server revision the text was written on, sent: the
  // fingerprints of texts sent since then, at: when written (for expiry only) }.
  function open(task) {
    const key = account ? PREFIX + account + ":" + task : null;
    return {
      read() { return key ? read(key) : null; },
      write(files, base, sent) {
        const storage = store();
        if (!storage || !key) return;
        try {
          storage.setItem(key, JSON.stringify({ files, base, sent, at: Date.now() }));
        } catch (error) { /* full storage: the server copy is all there is */ }
      },
      clear() {
        const storage = store();
        if (storage && key) storage.removeItem(key);
      },
    };
  }

  // Whether a kept copy holds newer work than the server's draft `current` at `revision`:
  // the server has saved nothing since the copy's base, or what it has is a text this browser
  // sent earlier (a slower save that landed after the last one). Client clocks play no part.
  function isNewer(copy, current, revision) {
    if (!copy || !copy.files) return false;
    if (fingerprint(copy.files) === fingerprint(current)) return false;
    return copy.base === revision || (copy.sent || []).includes(fingerprint(current));
  }

  tidy();
  window.KodprovLocalCopy = { open, isNewer, fingerprint };
})();
