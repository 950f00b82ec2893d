// Search over the Pagefind index that `wikisite build` writes into
// pagefind/. Each [data-search] box searches one version's personas (the
// pages carry data-pagefind-filter="version:…"). Without this script, or
// without an index, the box keeps its plain link to the personas index.
"use strict";

(() => {
  const MAX_RESULTS = 10;

  for (const box of document.querySelectorAll("[data-search]")) {
    setUp(box);
  }

  function setUp(box) {
    const form = box.querySelector(".search-form");
    const input = form.querySelector("input");
    const status = box.querySelector(".search-status");
    const list = box.querySelector(".search-results");
    const fallback = box.querySelector(".search-fallback");
    let pagefind = null;
    let latest = 0; // the newest query; older answers are dropped
    let timer = 0;

    form.hidden = false;
    fallback.hidden = true;

    async function load() {
      if (!pagefind) {
        pagefind = await import(box.dataset.bundle);
        await pagefind.options({ baseUrl: box.dataset.base });
      }
      return pagefind;
    }

    async function run() {
      const query = input.value.trim();
      const mine = ++latest;
      if (query === "") {
        list.replaceChildren();
        list.hidden = true;
        status.textContent = "";
        return;
      }
      let found;
      try {
        const pf = await load();
        const search = await pf.search(query, { filters: { version: box.dataset.version } });
        found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      } catch (err) {
        status.textContent = "Search is not available in this copy of the site.";
        fallback.hidden = false;
        console.error("search:", err);
        return;
      }
      if (mine !== latest) {
        return;
      }
      list.replaceChildren(...found.map(resultItem));
      list.hidden = found.length === 0;
      status.textContent = found.length === 0
        ? `No persona mentions “${query}”.`
        : `${found.length === MAX_RESULTS ? "The first " : ""}${found.length} ${found.length === 1 ? "persona mentions" : "personas mention"} “${query}”.`;
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
  }

  function resultItem(data) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    item.append(link);
    if (data.meta.version) {
      const version = document.createElement("span");
      version.className = "search-version";
      version.textContent = ` (${data.meta.version})`;
      item.append(version);
    }
    const excerpt = document.createElement("p");
    excerpt.append(...safeExcerpt(data.excerpt));
    item.append(excerpt);
    return item;
  }

  // safeExcerpt keeps only text and Pagefind's <mark> highlights: the
  // excerpt is wiki text, and nothing from it may become markup.
  function safeExcerpt(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    return Array.from(template.content.childNodes, (node) => {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent);
    });
  }
})();
