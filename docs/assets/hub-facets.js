// Facet filters for the catalogues. Without JavaScript the full list is shown. Items carry
// data-f-<facet> attributes; within a facet, terms are alternatives (OR); facets combine (AND).
// The state lives in the URL (?settings=prison&countries=DK) so a filtered view can be shared.
(() => {
  const form = document.querySelector(".hub-facets__form");
  if (!form) return;
  const items = [...document.querySelectorAll(form.dataset.target)];
  const status = form.querySelector(".hub-facets__status");
  const facets = [...form.querySelectorAll("fieldset[data-facet]")].map((fs) => fs.dataset.facet);
  const attr = (facet) => "f" + facet.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  const termsOf = (item, facet) => (item.dataset[attr(facet)] || "").split(" ").filter(Boolean);

  const chosen = () => Object.fromEntries(facets.map((f) => [f, [...form.querySelectorAll(`input[name="${f}"]:checked`)].map((i) => i.value)]));
  const matches = (item, state, except) =>
    facets.every((f) => f === except || !state[f].length || state[f].some((t) => termsOf(item, f).includes(t)));

  const update = (push) => {
    const state = chosen();
    let shown = 0;
    for (const item of items) {
      const ok = matches(item, state);
      item.hidden = !ok;
      if (ok) shown++;
    }
    for (const f of facets) {
      for (const input of form.querySelectorAll(`input[name="${f}"]`)) {
        const n = items.filter((it) => matches(it, state, f) && termsOf(it, f).includes(input.value)).length;
        input.parentElement.querySelector(".hub-count").textContent = `(${n})`;
      }
    }
    status.textContent = form.dataset.shown.replace("{n}", shown).replace("{total}", items.length);
    if (push) {
      const params = new URLSearchParams();
      for (const f of facets) for (const t of state[f]) params.append(f, t);
      const query = params.toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }
  };

  const params = new URLSearchParams(location.search);
  for (const f of facets) for (const t of params.getAll(f)) {
    const input = form.querySelector(`input[name="${f}"][value="${CSS.escape(t)}"]`);
    if (input) input.checked = true;
  }
  if ([...params.keys()].some((key) => facets.includes(key))) form.closest("details").open = true;
  form.addEventListener("change", () => update(true));
  form.addEventListener("reset", () => setTimeout(() => update(true), 0));
  form.addEventListener("submit", (event) => event.preventDefault());
  update(false);
})();
