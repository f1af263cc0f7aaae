/* The /find/ page: search and facets over the prebuilt index (catalogue/search/).
 *
 * The index arrives packed (api/search-index.json, see catalogue/search/packed.py); unpack()
 * turns it into lunr's serialised form with lookups only and lunr.Index.load() loads it: the
 * browser never builds an index. Queries, facets and sorting follow catalogue/search/query.py
 * step for step; keep the two in line. The whole state lives in the query string
 * (?query=wifi&borough=hackney&phase=beta&sort=start), so links are shareable and Back works.
 *
 * The theme may load pages instantly (it swaps the content and runs its scripts again), so this
 * file may run many times: it sets itself up once and starts every #finder it is given once.
 */
(function () {
  "use strict";
  if (window.boroughFinder) { window.boroughFinder.start(); return; }  // run again by the theme

  var FACETS = ["borough", "phase", "status", "topic", "collaboration", "year"];
  var SORTS = ["relevance", "start", "reviewed"];
  var BOOST = { exact: 10, prefix: 3, fuzzy: 1 };
  var FUZZY_FROM = 3, TWO_EDITS_FROM = 6, FUZZY_UP_TO = 24, MAX_WORDS = 12, PAGE = 50, TYPING_DELAY = 200;
  var loaded = {};  // index URL -> Promise of {lunr, index, docs, store}
  var current = null;  // the finder on the page now

  /* ---- words and queries (query.py) ---- */

  function words(text) {
    text = String(text || "").normalize("NFKC").toLowerCase();
    if (text.indexOf("://") >= 0) text = text.replace(/https?:\/\/\S+/g, " ");
    return text.match(/[\p{L}\p{N}]+/gu) || [];
  }

  function queryWords(L, text) {
    var seen = {}, out = [];
    words(text).forEach(function (w) {
      if (!seen[w] && L.stopWordFilter(w) !== undefined) { seen[w] = true; out.push(w); }
    });
    return out.slice(0, MAX_WORDS);
  }

  function addClauses(L, q, word) {
    q.term(word, { boost: BOOST.exact });
    if (word.length >= 2) q.term(word, { usePipeline: false, wildcard: L.Query.wildcard.TRAILING, boost: BOOST.prefix });
  }

  function fuzzyForms(L, word) {
    if (word.length < FUZZY_FROM || word.length > FUZZY_UP_TO) return [];
    var stem = L.stemmer(new L.Token(word)).toString();
    return (stem === word ? [word] : [word, stem]).filter(function (form) { return form.length >= FUZZY_FROM; });
  }

  function addFuzzyClauses(L, q, word) {
    fuzzyForms(L, word).forEach(function (form) {
      q.term(form, { usePipeline: false, editDistance: form.length >= TWO_EDITS_FROM ? 2 : 1, boost: BOOST.fuzzy });
    });
  }

  function scoresBy(data, word, clauses) {
    var out = {};
    var keep = function (found) { found.forEach(function (hit) { out[hit.ref] = hit.score; }); return out; };
    try {
      return keep(data.index.query(function (q) { clauses(data.lunr, q, word); }));
    } catch (err) {
      try { return keep(data.index.query(function (q) { q.term(word); })); } catch (err2) { return {}; }
    }
  }

  /* as typed, or else as a near miss */
  function wordScores(data, word) {
    var found = scoresBy(data, word, addClauses);
    if (Object.keys(found).length || !fuzzyForms(data.lunr, word).length) return found;
    return scoresBy(data, word, addFuzzyClauses);
  }

  /* ref -> summed score of the documents matching every word, or null: no word, all match */
  function match(data, text) {
    var wanted = queryWords(data.lunr, text);
    if (!wanted.length) return null;
    var scores = wordScores(data, wanted[0]);
    wanted.slice(1).forEach(function (word) {
      var more = wordScores(data, word), next = {};
      Object.keys(scores).forEach(function (ref) { if (ref in more) next[ref] = scores[ref] + more[ref]; });
      scores = next;
    });
    return scores;
  }

  /* ---- loading: packed index and store ---- */

  var NO_METADATA = Object.freeze({});  // lunr copies posting metadata, so one object serves all

  function unpack(p) {
    if (p.format !== "lunr-packed" || p.formatVersion !== 1) throw new Error("unknown search index format");
    var fields = p.fields, levels = p.levels, vectors = [], inverted = new Array(p.terms.length);
    fields.forEach(function (name, f) {
      var perRef = vectors[f] = new Array(p.size);
      for (var ref = 0; ref < p.size; ref++) perRef[ref] = [];
    });
    for (var position = 0; position < p.terms.length; position++) {
      var posting = { _index: position };
      for (var f = 0; f < fields.length; f++) {
        var steps = p.postings[position][f], found = p.weights[position][f], perRef = vectors[f];
        var flat = p.flat.indexOf(fields[f]) >= 0, refs = {}, at = 0;
        for (var n = 0; n < steps.length; n++) {
          at += steps[n];
          refs[at] = NO_METADATA;
          perRef[at].push(position, levels[n === 0 || flat ? found[0] : found[0] + found[n]]);
        }
        posting[fields[f]] = refs;
      }
      inverted[position] = [p.terms[position], posting];
    }
    // lunr.js wants terms in UTF-16 order, Python sorted them by code point: rarely different
    for (var i = 1; i < inverted.length; i++) {
      if (inverted[i][0] < inverted[i - 1][0]) { inverted.sort(function (a, b) { return a[0] < b[0] ? -1 : 1; }); break; }
    }
    var fieldVectors = [];
    for (var r = 0; r < p.size; r++) {
      for (var g = 0; g < fields.length; g++) fieldVectors.push([fields[g] + "/" + r, vectors[g][r]]);
    }
    return { version: p.lunr, fields: fields, fieldVectors: fieldVectors, invertedIndex: inverted, pipeline: p.pipeline };
  }

  function decode(store) {
    var f = store.facets, cols = store.columns;
    return store.docs.map(function (row, ref) {
      var d = {};
      cols.forEach(function (name, i) { d[name] = row[i]; });
      var value = function (facet) { return function (i) { return f[facet][i][0]; }; };
      d.ref = String(ref);
      d.url = store.url.replace("{id}", d.id);
      d.leadName = f.borough[d.lead][1];
      d.phaseLabel = f.phase[d.phase][1];
      d.statusLabel = f.status[d.status][1];
      d.year = d.start.slice(0, 4);
      d.facets = {
        borough: [d.lead].concat(d.partners).map(value("borough")), phase: [f.phase[d.phase][0]],
        status: [f.status[d.status][0]], topic: d.topics.map(value("topic")),
        collaboration: d.collaboration.map(value("collaboration")), year: [d.year]
      };
      return d;
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  /* The theme's instant loading runs the page's scripts without waiting for one before the next:
     lunr.js may come after this file. */
  function lunrReady() {
    return new Promise(function (resolve, reject) {
      var waited = 0;
      (function check() {
        if (window.lunr) resolve(window.lunr);
        else if ((waited += 50) > 15000) reject(new Error("lunr.js did not load"));
        else setTimeout(check, 50);
      })();
    });
  }

  function load(indexUrl, docsUrl) {
    if (!loaded[indexUrl]) {
      loaded[indexUrl] = Promise.all([fetchJson(indexUrl), fetchJson(docsUrl), lunrReady()]).then(function (got) {
        var L = got[2];
        return { lunr: L, index: L.Index.load(unpack(got[0])), store: got[1], docs: decode(got[1]) };
      });
      loaded[indexUrl].catch(function () { delete loaded[indexUrl]; });
    }
    return loaded[indexUrl];
  }

  /* ---- state <-> query string ----
   * The words are in ?query=: the theme claims ?q= for its own search box (it opens its search
   * over the page and later drops q from the URL). A ?q= link still works: it is read as query,
   * and renamed in the address before the theme's script, which comes after this one, sees it. */

  function readState(search) {
    var params = new URLSearchParams(search), filters = {};
    FACETS.forEach(function (name) { filters[name] = params.getAll(name).filter(Boolean); });
    var sort = params.get("sort");
    return { q: params.get("query") || params.get("q") || "", filters: filters,
             sort: SORTS.indexOf(sort) >= 0 ? sort : "relevance" };
  }

  function queryString(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("query", state.q.trim());
    FACETS.forEach(function (name) { state.filters[name].forEach(function (v) { params.append(name, v); }); });
    if (state.sort !== "relevance") params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function renameQ() {
    if (!document.getElementById("finder") || !new URLSearchParams(location.search).has("q")) return;
    history.replaceState(history.state, "", location.pathname + queryString(readState(location.search)) + location.hash);
  }

  /* ---- filtering, counting, sorting (query.py) ---- */

  function passes(doc, filters, skip) {
    return FACETS.every(function (name) {
      var chosen = filters[name];
      return name === skip || !chosen.length || doc.facets[name].some(function (v) { return chosen.indexOf(v) >= 0; });
    });
  }

  function counts(found, filters) {
    var out = {};
    FACETS.forEach(function (name) {
      var tally = out[name] = {};
      found.forEach(function (doc) {
        if (passes(doc, filters, name)) doc.facets[name].forEach(function (v) { tally[v] = (tally[v] || 0) + 1; });
      });
    });
    return out;
  }

  function newestFirst(a, b) { return a < b ? 1 : a > b ? -1 : 0; }

  function compare(sort, hasQuery) {
    return function (a, b) {
      var ta = a.doc.title.toLowerCase(), tb = b.doc.title.toLowerCase();
      var byTitle = ta < tb ? -1 : ta > tb ? 1 : 0;
      if (sort === "start") {
        return newestFirst(a.doc.start.slice(0, 7), b.doc.start.slice(0, 7)) || newestFirst(a.doc.start, b.doc.start) || byTitle;
      }
      if (sort === "reviewed") return newestFirst(a.doc.reviewed, b.doc.reviewed) || byTitle;
      return (hasQuery ? b.score - a.score : 0) || byTitle;
    };
  }

  function search(data, state) {
    var scores = match(data, state.q);
    var found = scores === null ? data.docs : data.docs.filter(function (d) { return d.ref in scores; });
    var hits = found.filter(function (d) { return passes(d, state.filters); })
      .map(function (d) { return { doc: d, score: scores ? scores[d.ref] : 0 }; });
    hits.sort(compare(state.sort, scores !== null));
    return { hits: hits, counts: counts(found, state.filters) };
  }

  /* ---- the page ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function Finder(root, data) {
    this.root = root;
    this.path = location.pathname;
    this.data = data;
    this.base = new URL(root.getAttribute("data-finder-root") || "./", location.href);
    this.form = root.querySelector("[data-finder-form]");
    this.input = root.querySelector("#finder-q");
    this.sort = root.querySelector("#finder-sort");
    this.list = root.querySelector("[data-finder-list]");
    this.status = root.querySelector("#finder-status");
    this.more = root.querySelector("[data-finder-more]");
    this.shown = PAGE;
    this.typing = false;
    this.timer = null;
    this.listen();
    this.restore();
    this.form.hidden = false;
    root.querySelector("[data-finder-browse]").hidden = true;
    root.setAttribute("data-finder-ready", "");
  }

  Finder.prototype.state = function () {
    var filters = {}, form = this.form;
    FACETS.forEach(function (name) {
      filters[name] = Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'),
        function (box) { return box.value; });
    });
    return { q: this.input.value, filters: filters, sort: this.sort.value };
  };

  Finder.prototype.show = function (state) {
    this.input.value = state.q;
    this.sort.value = state.sort;
    Array.prototype.forEach.call(this.form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = (state.filters[box.name] || []).indexOf(box.value) >= 0;
    });
  };

  /* the URL says what to show: on load, and on Back and Forward */
  Finder.prototype.restore = function () {
    this.typing = false;
    this.shown = PAGE;
    this.show(readState(location.search));
    this.render();
  };

  /* a change by the user: a new history entry, or the same one while they keep typing */
  Finder.prototype.commit = function (typing) {
    var url = location.pathname + queryString(this.state()) + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      if (typing && this.typing) history.replaceState(history.state, "", url);
      else history.pushState(null, "", url);
    }
    this.typing = typing;
    this.shown = PAGE;
    this.render();
  };

  Finder.prototype.listen = function () {
    var self = this, root = this.root;
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.commit(true); }, TYPING_DELAY);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(self.timer);
      self.commit(false);
    });
    this.form.addEventListener("change", function (event) {
      if (event.target !== self.input) self.commit(false);
    });
    root.querySelector("[data-finder-clear]").addEventListener("click", function () { self.reset(true); });
    root.querySelector("[data-finder-clear-filters]").addEventListener("click", function () { self.reset(false); });
    this.more.addEventListener("click", function () {
      var next = self.list.children.length;
      self.shown += PAGE;
      self.render();
      var link = self.list.children[next] && self.list.children[next].querySelector("a");
      if (link) link.focus();
    });
  };

  Finder.prototype.reset = function (query) {
    var state = this.state();
    FACETS.forEach(function (name) { state.filters[name] = []; });
    if (query) state.q = "";
    this.show(state);
    this.commit(false);
    this.input.focus();
  };

  Finder.prototype.render = function () {
    var state = this.state(), result = search(this.data, state), total = result.hits.length;
    this.renderCounts(result.counts, state.filters);
    this.list.textContent = "";
    var self = this;
    result.hits.slice(0, this.shown).forEach(function (hit) { self.list.appendChild(self.item(hit.doc)); });
    this.root.querySelector("[data-finder-empty]").hidden = total > 0;
    this.more.hidden = total <= this.shown;
    this.more.textContent = "Show more results (" + Math.min(PAGE, total - this.shown) + " of " + (total - this.shown) + " more)";
    this.status.textContent = total === 0 ? "No projects match." :
      (total === 1 ? "1 project matches" : total + " projects match") +
      (total > this.shown ? ", showing the first " + this.shown : "") + ".";
  };

  Finder.prototype.renderCounts = function (tallies, filters) {
    Array.prototype.forEach.call(this.form.querySelectorAll("[data-finder-facet]"), function (fieldset) {
      var name = fieldset.getAttribute("data-finder-facet"), tally = tallies[name];
      Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=checkbox]"), function (box) {
        var count = tally[box.value] || 0;
        box.closest("li").hidden = count === 0 && filters[name].indexOf(box.value) < 0;
        box.parentNode.querySelector("[data-finder-count]").textContent = "(" + count + ")";
      });
    });
  };

  Finder.prototype.item = function (doc) {
    var li = el("li", "finder-result"), heading = el("h3", "finder-result__title"), link = el("a", "", doc.title);
    link.href = new URL(doc.url, this.base).href;
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = el("p", "finder-result__meta");
    [["Lead", doc.leadName], ["Phase", doc.phaseLabel], ["Status", doc.statusLabel], ["Started", doc.year]]
      .forEach(function (pair) {
        var part = el("span", "finder-result__fact");
        part.appendChild(el("span", "finder-result__name", pair[0] + ": "));
        part.appendChild(document.createTextNode(pair[1]));
        meta.appendChild(part);
      });
    li.appendChild(meta);
    li.appendChild(el("p", "finder-result__summary", doc.summary));
    return li;
  };

  /* ---- start every #finder once ---- */

  function start() {
    var root = document.getElementById("finder");
    if (!root || root.hasAttribute("data-finder-started")) return;
    root.setAttribute("data-finder-started", "");
    renameQ();
    var loading = root.querySelector("[data-finder-loading]"), failed = root.querySelector("[data-finder-error]");
    var base = new URL(root.getAttribute("data-finder-root") || "./", location.href);
    loading.hidden = false;
    load(new URL(root.getAttribute("data-finder-index"), base).href, new URL(root.getAttribute("data-finder-docs"), base).href)
      .then(function (data) {
        loading.hidden = true;
        if (document.body.contains(root)) current = new Finder(root, data);
      })
      .catch(function (err) {
        loading.hidden = true;
        failed.textContent = "The search could not be loaded (" + err.message + "). Browse by organisation or topic below.";
        failed.hidden = false;
      });
  }

  renameQ();  // now, while the theme's script has not yet read the address
  /* Back and Forward between states of this page: the finder redraws. Left to the theme, its
     instant loading would fetch the page again and swap it in; a capturing listener runs before
     the theme's and keeps those events from it. Leaving the page is the theme's business. */
  window.addEventListener("popstate", function (event) {
    if (!current || !document.body.contains(current.root) || location.pathname !== current.path) return;
    event.stopImmediatePropagation();
    current.restore();
  }, true);
  window.boroughFinder = { start: start, unpack: unpack, words: words, search: search, readState: readState };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { start(); });  // the theme's instant loading
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
