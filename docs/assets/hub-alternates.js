// Material's bundle fetches "sitemap.xml" beside every <link rel="alternate"> of the page, to map
// pages between languages. The hub's alternates point at the same page in each language (for
// search engines and the language switcher), so those fetches would be five 404s on every page
// view: costly on slow prison networks (and, as the alternates are full addresses, requests to the
// public host from a local copy). This answers them here with an empty sitemap, which makes
// Material fall back to the switcher's own per-page links. Only sitemap requests are touched.
(() => {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const target = new URL(String(url), location.href);
    if (method === "GET" && target.pathname.endsWith("/sitemap.xml")) {
      return open.call(this, method, "data:text/xml,<urlset></urlset>", ...rest);
    }
    return open.call(this, method, url, ...rest);
  };
})();
