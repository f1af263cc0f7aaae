/* The /find/ page: search and facets over the prebuilt index (catalogue/search/).
 *
 * The index arrives prebuilt and packed (api/search-index.json, see catalogue/search/packed.py):
 * its postings go into typed arrays as they are, nothing is tokenised, counted or scored on
 * load. lunr.js (from the installed MkDocs) stems the words, drops stop words and expands near
 * misses through its TokenSet of the index's terms; scores are lunr's, summed posting by
 * posting (catalogue/search/scoring.py), which keeps every keystroke fast at 10,000 projects.
 * Queries, facets and sorting follow catalogue/search/query.py step for step; keep the two in
 * line. The whole state lives in the query string (?q=wifi&borough=hackney&phase=beta&sort=start),
 * so links are shareable and Back works.
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
  var FUZZY_FROM = 3, TWO_EDITS_FROM = 6, FUZZY_UP_TO = 24, MAX_WORDS = 12, PAGE = 50;
  var WIDE = "(min-width: 60em)";  // the theme's tablet breakpoint: filters beside the results
  var loaded = {};  // index URL -> Promise of {lunr, index, docs, store}
  var current = null;  // the finder on the page now

  /* ---- words and queries (query.py) ---- */

  function words(text) {
    text = String(text || "").normalize("NFKC").toLowerCase();
    if (text.indexOf("://") >= 0) text = text.replace(/https?:\/\/\S+/g, " ");
    return text.match(/[\p{L}\p{N}]+/gu) || [];
  }

  function size(word) { return Array.from(word).length; }  // in code points, as Python counts

  function queryWords(L, text) {
    var seen = {}, out = [];
    words(text).forEach(function (w) {
      if (!seen[w] && L.stopWordFilter(w) !== undefined) { seen[w] = true; out.push(w); }
    });
    return out.slice(0, MAX_WORDS);
  }

  function stem(L, word) { return L.stemmer(new L.Token(word)).toString(); }

  /* The positions of index terms a clause expands to, each list ascending (scoring.py) */
  function exactTerm(data, text) {
    var found = data.position.get(text);
    return found === undefined ? [] : [found];
  }

  function prefixTerms(data, text) {
    var sorted = data.sorted, lo = 0, hi = sorted.length, out = [];
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < text) lo = mid + 1; else hi = mid; }
    for (var n = lo; n < sorted.length && sorted[n].lastIndexOf(text, 0) === 0; n++) out.push(data.position.get(sorted[n]));
    return out.sort(ascending);
  }

  function fuzzyTerms(data, text, edits) {
    if (!data.tokenSet) data.tokenSet = data.lunr.TokenSet.fromArray(data.sorted);
    var clause = data.lunr.TokenSet.fromClause({ term: text, editDistance: edits });
    return data.tokenSet.intersect(clause).toArray().map(function (t) { return data.position.get(t); }).sort(ascending);
  }

  function ascending(a, b) { return a - b; }

  function clauses(data, word, last) {
    var out = [[exactTerm(data, stem(data.lunr, word)), BOOST.exact]];
    if (size(word) >= (last ? 1 : 2)) out.push([prefixTerms(data, word), BOOST.prefix]);
    return out;
  }

  function fuzzyForms(L, word) {
    if (size(word) < FUZZY_FROM || size(word) > FUZZY_UP_TO) return [];
    var stemmed = stem(L, word);
    return (stemmed === word ? [word] : [word, stemmed]).filter(function (form) { return size(form) >= FUZZY_FROM; });
  }

  function fuzzyClauses(data, word) {
    return fuzzyForms(data.lunr, word).map(function (form) {
      return [fuzzyTerms(data, form, size(form) >= TWO_EDITS_FROM ? 2 : 1), BOOST.fuzzy];
    });
  }

  /* lunr's scores summed posting by posting (scoring.py PackedIndex.score): {refs, scores} with
     refs ascending, or null when no clause found a term */
  function score(data, weighted) {
    var query = new Map();
    weighted.forEach(function (clause) {
      clause[0].forEach(function (p) { query.set(p, (query.get(p) || 0) + clause[1]); });
    });
    if (!query.size) return null;
    var order = Array.from(query.keys()).sort(ascending), squares = 0, F = data.fields.length;
    order.forEach(function (p) { squares += query.get(p) * query.get(p); });
    var totals = data.totals, seen = data.seen, stamp = ++data.stamp, refs = [];
    for (var i = 0; i < order.length; i++) {
      var p = order[i], weight = query.get(p);
      for (var f = 0; f < F; f++) {
        for (var k = data.start[p * F + f], end = data.start[p * F + f + 1]; k < end; k++) {
          var ref = data.refs[k];
          if (seen[ref] !== stamp) { seen[ref] = stamp; totals[ref] = 0; refs.push(ref); }
          totals[ref] = totals[ref] + weight * data.weights[k];
        }
      }
    }
    var length = Math.sqrt(squares), scores = new Float64Array(refs.length);
    refs.sort(ascending);
    for (var j = 0; j < refs.length; j++) scores[j] = totals[refs[j]] / length;
    return refs.length ? { refs: refs, scores: scores } : null;
  }

  /* as typed, or else as a near miss */
  function wordScores(data, word, last) {
    var found = score(data, clauses(data, word, last));
    if (found || !fuzzyForms(data.lunr, word).length) return found;
    return score(data, fuzzyClauses(data, word));
  }

  /* Float64Array ref -> summed score of the documents matching every word (NaN: no match), or
     null: no word, all match */
  function match(data, text) {
    var wanted = queryWords(data.lunr, text);
    if (!wanted.length) return null;
    var scores = new Float64Array(data.size).fill(NaN), first = wordScores(data, wanted[0], wanted.length === 1);
    if (first) first.refs.forEach(function (ref, n) { scores[ref] = first.scores[n]; });
    for (var w = 1; w < wanted.length && first; w++) {
      var more = wordScores(data, wanted[w], w === wanted.length - 1), next = new Float64Array(data.size).fill(NaN);
      if (!more) return next;
      more.refs.forEach(function (ref, n) { if (scores[ref] === scores[ref]) next[ref] = scores[ref] + more.scores[n]; });
      scores = next;
    }
    return scores;
  }

  /* ---- loading: packed index and store ---- */

  /* Every posting of the packed index (catalogue/search/packed.py) in typed arrays: the refs
     and weights of term p in field f are at start[p * F + f] .. start[p * F + f + 1]. */
  function postings(p) {
    if (p.format !== "lunr-packed" || p.formatVersion !== 1) throw new Error("unknown search index format");
    var F = p.fields.length, T = p.terms.length, count = 0;
    for (var t = 0; t < T; t++) for (var f = 0; f < F; f++) count += p.postings[t][f].length;
    var start = new Int32Array(T * F + 1), refs = new Int32Array(count), weights = new Float64Array(count), at = 0;
    var flat = p.fields.map(function (name) { return p.flat.indexOf(name) >= 0; });
    for (t = 0; t < T; t++) {
      for (f = 0; f < F; f++) {
        var steps = p.postings[t][f], found = p.weights[t][f], ref = 0;
        start[t * F + f] = at;
        for (var n = 0; n < steps.length; n++, at++) {
          ref += steps[n];
          refs[at] = ref;
          weights[at] = p.levels[n === 0 || flat[f] ? found[0] : found[0] + found[n]];
        }
      }
    }
    start[T * F] = at;
    var position = new Map();
    p.terms.forEach(function (term, n) { position.set(term, n); });
    // lunr's TokenSet wants terms in UTF-16 order, Python sorted them by code point: rarely different
    var sorted = p.terms.slice();
    for (var i = 1; i < sorted.length; i++) {
      if (sorted[i] < sorted[i - 1]) { sorted.sort(function (a, b) { return a < b ? -1 : 1; }); break; }
    }
    return { fields: p.fields, size: p.size, start: start, refs: refs, weights: weights, position: position,
             sorted: sorted, totals: new Float64Array(p.size), seen: new Int32Array(p.size), stamp: 0 };
  }

  function newestFirst(a, b) { return a < b ? 1 : a > b ? -1 : 0; }

  /* refs in the order of a comparison of docs; ties keep store order, as Python's stable sort */
  function ranks(docs, compare) {
    var order = docs.map(function (d, ref) { return ref; });
    order.sort(function (a, b) { return compare(docs[a], docs[b]) || a - b; });
    var rank = new Int32Array(docs.length);
    order.forEach(function (ref, n) { rank[ref] = n; });
    return { order: Int32Array.from(order), rank: rank };
  }

  /* The store's rows, and per facet each doc's options as positions in that facet's options
     (flat: options of doc r at values[offsets[r]] .. values[offsets[r + 1]]) */
  function decode(store) {
    var f = store.facets, col = {};
    store.columns.forEach(function (name, i) { col[name] = i; });
    var docs = store.docs.map(function (row) {
      var d = { id: row[col.id], title: row[col.title], summary: row[col.summary], start: row[col.start],
                reviewed: row[col.reviewed], lower: String(row[col.title]).toLowerCase() };
      d.url = store.url.replace("{id}", d.id);
      d.leadName = f.borough[row[col.lead]][1];
      d.phaseLabel = f.phase[row[col.phase]][1];
      d.statusLabel = f.status[row[col.status]][1];
      d.year = d.start.slice(0, 4);
      return d;
    });
    var years = Array.from(new Set(docs.map(function (d) { return d.year; }))).sort().reverse();
    var yearAt = new Map(years.map(function (y, n) { return [y, n]; }));
    var options = { year: years };
    ["borough", "phase", "status", "topic", "collaboration"].forEach(function (name) {
      options[name] = f[name].map(function (pair) { return String(pair[0]); });
    });
    var of = {
      borough: function (row) { return [row[col.lead]].concat(row[col.partners]); },
      phase: function (row) { return [row[col.phase]]; }, status: function (row) { return [row[col.status]]; },
      topic: function (row) { return row[col.topics]; }, collaboration: function (row) { return row[col.collaboration]; },
      year: function (row) { return [yearAt.get(String(row[col.start]).slice(0, 4))]; }
    };
    var facets = {};
    FACETS.forEach(function (name) {
      var offsets = new Int32Array(docs.length + 1), values = [];
      store.docs.forEach(function (row, ref) {
        offsets[ref] = values.length;
        var found = of[name](row);
        for (var i = 0; i < found.length; i++) values.push(found[i]);
      });
      offsets[docs.length] = values.length;
      facets[name] = { options: options[name], offsets: offsets, values: Int32Array.from(values) };
    });
    return { docs: docs, facets: facets, orders: {} };
  }

  function byTitle(a, b) { return a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0; }

  var ORDERS = {
    relevance: byTitle,  // ties of score, and every doc when there are no words
    start: function (a, b) {
      return newestFirst(a.start.slice(0, 7), b.start.slice(0, 7)) || newestFirst(a.start, b.start) || byTitle(a, b);
    },
    reviewed: function (a, b) { return newestFirst(a.reviewed, b.reviewed) || byTitle(a, b); }
  };

  /* {order, rank} of a sort, made when first asked for */
  function orderOf(data, sort) {
    if (!data.orders[sort]) data.orders[sort] = ranks(data.docs, ORDERS[sort]);
    return data.orders[sort];
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

  /* {docs, index}: promises of the data, once the store is decoded (enough to list and filter
     projects: the first results need no index), and of the same data with the index in it. */
  function load(indexUrl, docsUrl) {
    if (!loaded[indexUrl]) {
      var index = fetchJson(indexUrl), docs = Promise.all([fetchJson(docsUrl), lunrReady()]).then(function (got) {
        var data = decode(got[0]);
        data.lunr = got[1];
        return data;
      });
      var both = loaded[indexUrl] = {
        docs: docs,
        index: Promise.all([docs, index]).then(function (got) { return Object.assign(got[0], postings(got[1]), { indexed: true }); })
      };
      both.index.catch(function () { if (loaded[indexUrl] === both) delete loaded[indexUrl]; });
    }
    return loaded[indexUrl];
  }

  /* ---- state <-> query string ----
   * The words are in ?q=. The theme's header search claims ?q= too: when the page first loads
   * it opens its search over the page with q and drops q from the address once closed. So this
   * file, which runs before the theme's script, takes q out of the address and puts it back at
   * DOMContentLoaded, once the theme has looked (it reads it once, on the first load only). ?query=
   * links of earlier versions are read as q. */

  function readState(search) {
    var params = new URLSearchParams(search), filters = {};
    FACETS.forEach(function (name) { filters[name] = params.getAll(name).filter(Boolean); });
    var sort = params.get("sort");
    return { q: params.get("q") || params.get("query") || "", filters: filters,
             sort: SORTS.indexOf(sort) >= 0 ? sort : "relevance" };
  }

  function queryString(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    FACETS.forEach(function (name) { state.filters[name].forEach(function (v) { params.append(name, v); }); });
    if (state.sort !== "relevance") params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  var keptFromTheme = null;  // the address's query string while the theme reads the address

  function hideQFromTheme() {
    var params = new URLSearchParams(location.search);
    if (document.readyState !== "loading" || !document.getElementById("finder") || !params.has("q")) return;
    keptFromTheme = location.search;
    document.addEventListener("DOMContentLoaded", giveQBack);  // the theme's script has run by then
    params.delete("q");
    var rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  }

  function giveQBack() {
    if (keptFromTheme === null) return;
    var search = keptFromTheme;
    keptFromTheme = null;
    history.replaceState(history.state, "", location.pathname + queryString(readState(search)) + location.hash);
  }

  /* ---- filtering, counting, sorting (query.py) ---- */

  /* Per facet, a mask of the options chosen (null: none chosen); values no doc has match nothing */
  function masks(data, filters) {
    var out = {};
    FACETS.forEach(function (name) {
      if (!filters[name].length) { out[name] = null; return; }
      var options = data.facets[name].options, mask = new Uint8Array(options.length);
      filters[name].forEach(function (v) { var at = options.indexOf(v); if (at >= 0) mask[at] = 1; });
      out[name] = mask;
    });
    return out;
  }

  /* Bit i set: the doc fails facet i's filter */
  function fails(data, chosen, ref) {
    var bits = 0;
    for (var i = 0; i < FACETS.length; i++) {
      var mask = chosen[FACETS[i]];
      if (!mask) continue;
      var facet = data.facets[FACETS[i]], ok = false;
      for (var k = facet.offsets[ref], end = facet.offsets[ref + 1]; k < end && !ok; k++) ok = mask[facet.values[k]] === 1;
      if (!ok) bits |= 1 << i;
    }
    return bits;
  }

  function search(data, state) {
    var scores = match(data, state.q), chosen = masks(data, state.filters), tallies = {}, hits = [];
    FACETS.forEach(function (name) { tallies[name] = new Int32Array(data.facets[name].options.length); });
    var sorted = orderOf(data, state.sort), order = scores === null ? sorted.order : orderOf(data, "relevance").order;
    for (var n = 0; n < order.length; n++) {
      var ref = order[n];
      if (scores !== null && scores[ref] !== scores[ref]) continue;  // NaN: no match
      var bits = fails(data, chosen, ref);
      if (!bits) hits.push(ref);
      for (var i = 0; i < FACETS.length; i++) {
        if (bits & ~(1 << i)) continue;  // fails another facet
        var facet = data.facets[FACETS[i]], tally = tallies[FACETS[i]];
        for (var k = facet.offsets[ref], end = facet.offsets[ref + 1]; k < end; k++) tally[facet.values[k]]++;
      }
    }
    if (scores !== null) {
      var rank = sorted.rank, byScore = state.sort === "relevance";
      hits.sort(function (a, b) { return (byScore ? scores[b] - scores[a] : 0) || rank[a] - rank[b]; });
    }
    return { hits: hits, scores: scores, counts: tallies };
  }

  /* [[id, score]] of a query, best first: what `catalogue search` prints (tests compare them) */
  function ranked(data, text) {
    var result = search(data, readState("?q=" + encodeURIComponent(text)));
    return result.hits.map(function (ref) { return [data.docs[ref].id, result.scores ? result.scores[ref] : 0]; });
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
    this.chosen = root.querySelector("[data-finder-chosen]");
    this.shown = PAGE;
    this.typing = false;
    this.renders = 0;
    this.boxes = this.checkboxes();
    this.waiting = false;
    this.listen();
    this.restore();
    this.form.hidden = false;
    var filters = root.querySelector("[data-finder-filters]");
    if (filters && window.matchMedia) filters.open = window.matchMedia(WIDE).matches;  // phones: results first
    this.browse = root.querySelector("[data-finder-browse]");
    this.browse.hidden = true;
  }

  /* the index has come: words can be looked for (data-finder-ready says so) */
  Finder.prototype.ready = function () {
    if (this.waiting) this.render();
    this.root.setAttribute("data-finder-ready", "");
  };

  /* no index: back to the browse lists */
  Finder.prototype.fail = function () {
    this.form.hidden = true;
    this.browse.hidden = false;
  };

  /* every facet checkbox with its option's position in the data, and what render() last wrote */
  Finder.prototype.checkboxes = function () {
    var data = this.data;
    return Array.prototype.map.call(this.form.querySelectorAll("[data-finder-facet] input[type=checkbox]"), function (box) {
      return { box: box, item: box.closest("li"), count: box.parentNode.querySelector("[data-finder-count]"),
               option: data.facets[box.name].options.indexOf(box.value), text: null, hidden: null };
    });
  };

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
    this.show(readState(keptFromTheme !== null ? keptFromTheme : location.search));
    this.render();
  };

  /* a change by the user: a new history entry, or the same one while they keep typing */
  Finder.prototype.commit = function (typing) {
    if (keptFromTheme !== null) {  // the theme has not read the address yet: q waits too
      keptFromTheme = queryString(this.state());
      this.render();
      return;
    }
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
    this.input.addEventListener("input", function () { self.commit(true); });  // every keystroke, at once
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
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

  /* Draws the results of the state the form shows; then marks #finder with
     data-finder-rendered (how many times so far) and fires "finder:rendered", which the
     benchmark (bench/browser.py) times keystrokes by. Only the first `shown` results are drawn. */
  Finder.prototype.render = function () {
    var began = performance.now(), state = this.state();
    this.waiting = !this.data.indexed && queryWords(this.data.lunr, state.q).length > 0;
    if (this.waiting) { this.status.textContent = "Loading the search…"; return; }  // ready() renders
    var result = search(this.data, state), total = result.hits.length;
    this.renderCounts(result.counts, state.filters);
    var chosen = FACETS.reduce(function (sum, name) { return sum + state.filters[name].length; }, 0);
    if (this.chosen) this.chosen.textContent = chosen ? "(" + chosen + " chosen)" : "";
    var items = document.createDocumentFragment(), docs = this.data.docs;
    for (var n = 0; n < Math.min(this.shown, total); n++) items.appendChild(this.item(docs[result.hits[n]]));
    this.list.textContent = "";
    this.list.appendChild(items);
    this.root.querySelector("[data-finder-empty]").hidden = total > 0;
    this.more.hidden = total <= this.shown;
    this.more.textContent = "Show more results (" + Math.min(PAGE, total - this.shown) + " of " + (total - this.shown) + " more)";
    this.status.textContent = total === 0 ? "No projects match." :
      (total === 1 ? "1 project matches" : total + " projects match") +
      (total > this.shown ? ", showing the first " + this.shown : "") + ".";
    this.root.setAttribute("data-finder-rendered", String(++this.renders));
    this.root.dispatchEvent(new CustomEvent("finder:rendered", { detail: { total: total, ms: performance.now() - began } }));
  };

  Finder.prototype.renderCounts = function (tallies) {
    this.boxes.forEach(function (b) {
      var count = b.option >= 0 ? tallies[b.box.name][b.option] : 0, text = "(" + count + ")";
      var hidden = count === 0 && !b.box.checked;
      if (text !== b.text) b.count.textContent = b.text = text;  // untouched nodes cost no layout
      if (hidden !== b.hidden) b.item.hidden = b.hidden = hidden;
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

  function loadFor(root) {
    var base = new URL(root.getAttribute("data-finder-root") || "./", location.href);
    return load(new URL(root.getAttribute("data-finder-index"), base).href, new URL(root.getAttribute("data-finder-docs"), base).href);
  }

  function start() {
    var root = document.getElementById("finder");
    if (!root || root.hasAttribute("data-finder-started")) return;
    root.setAttribute("data-finder-started", "");
    var loading = root.querySelector("[data-finder-loading]"), failed = root.querySelector("[data-finder-error]");
    loading.hidden = false;
    var data = loadFor(root), finder = null, broken = false;
    data.docs
      .then(function (found) {
        if (!broken && document.body.contains(root)) current = finder = new Finder(root, found);
      })
      .catch(function () {});  // the index's promise fails too, and says why
    data.index
      .then(function () {
        loading.hidden = true;
        if (finder) finder.ready();
      })
      .catch(function (err) {
        broken = true;
        loading.hidden = true;
        if (finder) finder.fail();
        failed.textContent = "The search could not be loaded (" + err.message + "). Browse by organisation or topic below.";
        failed.hidden = false;
      });
  }

  hideQFromTheme();  // now, while the theme's script has not yet read the address
  if (document.getElementById("finder")) loadFor(document.getElementById("finder")).index.catch(function () {});  // start() shows errors
  /* Back and Forward between states of this page: the finder redraws. Left to the theme, its
     instant loading would fetch the page again and swap it in; a capturing listener runs before
     the theme's and keeps those events from it. Leaving the page is the theme's business. */
  window.addEventListener("popstate", function (event) {
    if (!current || !document.body.contains(current.root) || location.pathname !== current.path) return;
    event.stopImmediatePropagation();
    current.restore();
  }, true);
  window.boroughFinder = {
    start: start, words: words, readState: readState,
    ranked: function (text) { return current ? ranked(current.data, text) : null; }
  };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { start(); });  // the theme's instant loading
  }
  start();  // #finder comes before this file: no need to wait for the rest of the page
})();
