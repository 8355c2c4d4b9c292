// newsgraph workbench: the little the pages need beyond HTML (no inline scripts: CSP).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A form that runs an analysis: disable its button while the request runs.
  document.querySelectorAll("form[data-busy]").forEach(form => {
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; button.textContent = form.dataset.busy; }
    });
  });
  // Table rows link to their spans (#q-ID, #e-ID): outline every piece of the record.
  const focus = () => {
    document.querySelectorAll(".focus").forEach(el => el.classList.remove("focus"));
    const id = decodeURIComponent(location.hash.slice(1));
    const [kind, ...rest] = id.split("-"), key = rest.join("-");
    const attr = {q: "data-quote", e: "data-event", ent: "data-entity"}[kind];
    if (!attr || !key) return;
    document.querySelectorAll(`.article [${attr}="${CSS.escape(key)}"]`).forEach(el => el.classList.add("focus"));
  };
  window.addEventListener("hashchange", focus);
  focus();
});
