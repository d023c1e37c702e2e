// The text size buttons in the page header, without a reload: the size changes where the
// reader is, and focus stays on the button. Without this script the form posts and comes back.
(function () {
  "use strict";
  const form = document.querySelector("form[data-text-size]");
  if (!form || !window.fetch) return;
  const now = form.querySelector("[data-text-size-now]");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const change = event.submitter ? event.submitter.value : "";
    const data = new FormData(form);
    data.set("size", change);
    fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(r)))
      .then((body) => {
        const root = document.documentElement;
        root.className = root.className.replace(/\btext-\d+\b/g, "").trim();
        root.classList.add(`text-${body.size}`);
        now.textContent = body.label;
      })
      .catch(() => {  // the ordinary way still works
        const field = document.createElement("input");
        field.type = "hidden";
        field.name = "size";
        field.value = change;
        form.appendChild(field);
        form.submit();
      });
  });
})();
