// Material's bundle fetches "sitemap.xml" beside every <link rel="alternate"> of the page, to map
// pages between languages. The hub's alternates point at the same page in each language (for
// search engines and the language switcher), so those fetches would be five 404s on every page
// view: costly on slow prison networks. This answers them here with an empty sitemap, which makes
// Material fall back to the switcher's own links. Only such sitemap requests are touched.
(() => {
  const open = XMLHttpRequest.prototype.open;
  const root = new URL(document.currentScript.dataset.root, location.href).pathname;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const target = new URL(String(url), location.href);
    if (method === "GET" && target.pathname.endsWith("/sitemap.xml") && target.pathname !== root + "sitemap.xml") {
      return open.call(this, method, "data:text/xml,<urlset></urlset>", ...rest);
    }
    return open.call(this, method, url, ...rest);
  };
})();
