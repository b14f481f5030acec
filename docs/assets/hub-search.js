// Search page: runs Pagefind in the reader's language (Pagefind picks the index matching
// <html lang>), loading only the index chunks a query needs. No request leaves the site.
const box = document.getElementById("hub-find");
if (box) {
  const input = document.getElementById("hub-find-input");
  const status = document.getElementById("hub-find-status");
  const list = document.getElementById("hub-find-results");
  const query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  const pageSize = 10;
  let results = [];
  let shown = 0;

  const showMore = async () => {
    const next = await Promise.all(results.slice(shown, shown + pageSize).map((r) => r.data()));
    for (const item of next) {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = item.url;
      link.textContent = (item.meta && item.meta.title) || item.url;
      const excerpt = document.createElement("p");
      excerpt.innerHTML = item.excerpt; // Pagefind escapes the page text and adds only <mark>
      li.append(link, excerpt);
      list.append(li);
    }
    shown += next.length;
    document.getElementById("hub-find-more")?.remove();
    if (shown < results.length) {
      const more = document.createElement("button");
      more.id = "hub-find-more";
      more.type = "button";
      more.textContent = box.dataset.more;
      more.addEventListener("click", showMore);
      list.after(more);
    }
  };

  if (query.trim()) {
    const bundle = new URL(box.dataset.bundle, location.href);
    const pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ baseUrl: new URL(box.dataset.root, location.href).pathname });
    const search = await pagefind.search(query);
    results = search.results;
    status.textContent = results.length ? box.dataset.results.replace("{n}", results.length) : box.dataset.none;
    await showMore();
  }
}
