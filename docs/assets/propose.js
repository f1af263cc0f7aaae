/* The /propose/ form: checks the answers with the rules the build read from the schema (the JSON
   in the form's data-propose attribute) and writes the project record as YAML.
   Runs on a plain page load and again on every instant navigation (mkdocs-material re-runs
   scripts in the page, and document$ announces each new page); init() is safe to call twice. */
(function () {
  "use strict";
  if (window.catalogueProposeInit) { window.catalogueProposeInit(); return; }

  // ---- Writing YAML: every string quoted or a literal block, so no value can change meaning ----
  var ESCAPE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
  var BLOCK_SAFE = /^[\t\n\u0020-\u007e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;

  function quoted(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i), code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && /[\udc00-\udfff]/.test(text.charAt(i + 1))) {
        out += ch + text.charAt(++i);  // a character outside the BMP, as it is
      } else if (code >= 0xd800 && code <= 0xdfff) {
        out += "\ufffd";  // half a surrogate pair is not text
      } else if (ch === "\\" || ch === "\"") {
        out += "\\" + ch;
      } else if (ch === "\n") {
        out += "\\n";
      } else if (ch === "\t") {
        out += "\\t";
      } else if (ESCAPE.test(ch)) {
        out += "\\u" + ("000" + code.toString(16)).slice(-4);
      } else {
        out += ch;
      }
    }
    return "\"" + out + "\"";
  }

  function block(text, indent) {
    var pad = " ".repeat(indent + 2);
    var lines = text.split("\n").map(function (line) { return /^[ \t]*$/.test(line) ? "" : line; });
    var head = /^[ \t]/.test(lines[0]) ? "|2" : "|";  // an indented first line needs the indent stated
    return head + "\n" + lines.map(function (line) { return line && pad + line; }).join("\n");
  }

  function scalar(value, field, indent) {
    if (typeof value !== "string") return String(value);
    var multiline = value.indexOf("\n") >= 0;
    return (field.block || multiline) && BLOCK_SAFE.test(value) ? block(value, indent) : quoted(value);
  }

  function emit(out, field, value, indent) {
    var pad = " ".repeat(indent), key = pad + field.key + ":";
    if (Array.isArray(value)) {
      out.push(key);
      value.forEach(function (item) {
        if (typeof item !== "object") { out.push(pad + "  - " + quoted(item)); return; }
        var lines = [];
        field.fields.forEach(function (c) { if (item[c.key] !== undefined) emit(lines, c, item[c.key], indent + 4); });
        lines[0] = pad + "  - " + lines[0].slice(indent + 4);
        out.push.apply(out, lines);
      });
    } else if (typeof value === "object") {
      out.push(key);
      field.fields.forEach(function (c) { if (value[c.key] !== undefined) emit(out, c, value[c.key], indent + 2); });
    } else {
      out.push(key + " " + scalar(value, field, indent));
    }
  }

  function toYaml(spec, record) {
    var out = [spec.comment];
    Object.keys(spec.fixed).forEach(function (k) { out.push(k + ": " + scalar(spec.fixed[k], {}, 0)); });
    var fields = {};
    spec.fields.forEach(function (f) { fields[f.key] = f; });
    spec.order.forEach(function (key) { if (record[key] !== undefined) emit(out, fields[key], record[key], 0); });
    return out.join("\n") + "\n";
  }

  // ---- Reading and checking the answers ----
  function byId(id) { return document.getElementById(id); }
  function lower(label) { return /^.[a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label; }
  function pad2(n) { return (n < 10 ? "0" : "") + n; }
  function today() { var d = new Date(); return d.getFullYear() + "-" + pad2(d.getMonth() + 1) + "-" + pad2(d.getDate()); }

  function need(f) {
    if (f.widget === "select" || f.widget === "yesno") return "Choose the " + lower(f.label);
    if (f.widget === "checkboxes") return "Choose at least one of the " + lower(f.label);
    return "Enter the " + lower(f.label) + (f.widget === "date" ? " date" : "");
  }

  function matches(pattern, text) {
    try { return new RegExp(pattern, "u").test(text); } catch (e) { return new RegExp(pattern).test(text); }
  }

  function realDate(text) {
    var p = text.split("-").map(Number);
    if (p[1] < 1 || p[1] > 12) return false;
    return p.length < 3 || (p[2] >= 1 && p[2] <= new Date(p[0], p[1], 0).getDate());
  }

  function textProblem(f, value) {
    var length = Array.from(value).length;
    if (f.maxLength && length > f.maxLength) return f.label + " must be " + f.maxLength + " characters or fewer (it has " + length + ")";
    if (f.minLength && length < f.minLength) return f.label + " must be at least " + f.minLength + " characters";
    if (f.pattern && !matches(f.pattern, value)) return f.label + " " + f.format;
    if (f.widget === "date" && !realDate(value)) return f.label + " must be a real date: check the month and the day";
    return null;
  }

  function listProblem(f, items) {
    if (f.maxItems && items.length > f.maxItems) return "Enter " + f.maxItems + " " + lower(f.label) + " or fewer";
    for (var i = 0; i < items.length; i++) {
      if (f.itemMaxLength && items[i].length > f.itemMaxLength) return f.label + ": '" + items[i] + "' must be " + f.itemMaxLength + " characters or fewer";
      if (f.itemPattern && !matches(f.itemPattern, items[i])) return f.label + ": '" + items[i] + "' " + f.format;
    }
    return null;
  }

  function rawValue(f, id) {
    if (f.widget === "checkboxes" || f.widget === "yesno") {
      var picked = Array.prototype.map.call(document.querySelectorAll("input[name='" + id + "']:checked"),
        function (el) { return el.value; });
      if (f.widget === "yesno") return picked.length ? picked[0] === "true" : undefined;
      return picked.length ? picked : undefined;
    }
    var text = byId(id).value.replace(/\r\n?/g, "\n");
    if (f.widget === "list") {
      var items = text.split(/[,\n]/).map(function (t) { return t.trim(); }).filter(Boolean);
      return items.length ? items : undefined;
    }
    text = f.widget === "textarea" ? text.replace(/^([ \t]*\n)+/, "").replace(/\s+$/, "") : text.trim();
    return text === "" ? undefined : text;
  }

  // Reads one field into record[f.key], noting problems in state.errors and control ids in state.where.
  function collect(f, id, record, state, prefix) {
    if (f.widget === "group") {
      var group = {}, before = state.errors.length;
      f.fields.forEach(function (c) { collect(c, c.id, group, state, prefix); });
      if (Object.keys(group).length) record[f.key] = group;
      else if (!f.required) state.errors.length = before;  // an optional group left empty is fine
      return;
    }
    if (f.widget === "rows") { collectRows(f, record, state); return; }
    var value = rawValue(f, id);
    var target = f.widget === "checkboxes" || f.widget === "yesno" ? id + (f.widget === "yesno" ? "-true" : "-0") : id;
    state.where[prefix + f.key] = target;
    if (value === undefined) {
      if (f.required && !prefix) state.errors.push({ id: target, message: need(f) });
      return;
    }
    var problem = f.widget === "list" ? listProblem(f, value) : typeof value === "string" ? textProblem(f, value) : null;
    if (problem) state.errors.push({ id: target, message: (prefix ? state.rowTitle + ": " : "") + problem });
    record[f.key] = value;
  }

  function collectRows(f, record, state) {
    var items = [];
    document.querySelectorAll("#" + f.id + "-rows > .propose-row").forEach(function (row, n) {
      var item = {}, prefix = f.key + "." + items.length + ".";  // where this row lands in the record
      state.rowTitle = state.where[prefix + "#"] = f.noun + " " + (n + 1);
      f.fields.forEach(function (c) { collect(c, f.id + "-" + row.dataset.index + "-" + c.key, item, state, prefix); });
      if (!Object.keys(item).length) return;
      checkRow(f, item, state, prefix);
      items.push(item);
    });
    if (items.length) record[f.key] = items;
  }

  function checkRow(f, item, state, prefix) {
    var filled = Object.keys(item), required = f.fields.filter(function (c) { return c.required; }).map(function (c) { return c.key; });
    var fail = function (key, message) { state.errors.push({ id: state.where[prefix + key], message: state.rowTitle + ": " + message }); };
    if (f.alternatives) {
      var fits = f.alternatives.filter(function (a) { return filled.every(function (k) { return a.keys.indexOf(k) >= 0; }); });
      var names = f.alternatives.map(function (a) { return lower(a.title); }).join(" or ");
      var first = f.alternatives[0].required[0];
      if (fits.length !== 1) { fail(first, "fill in " + names + (fits.length ? "" : ", not both")); return; }
      required = fits[0].required;
    }
    var fields = {};
    f.fields.forEach(function (c) { fields[c.key] = c; });
    required.filter(function (k) { return item[k] === undefined; }).forEach(function (k) { fail(k, lower(need(fields[k]))); });
  }

  // Rules beyond the schema, as catalogue/rules.py applies them to one record.
  function crossCheck(record, state) {
    var where = state.where, errors = state.errors;
    var notBefore = function (a, b) { return a.length === b.length ? a >= b : a.slice(0, 7) >= b.slice(0, 7); };
    if (/^(completed|stopped)$/.test(record.status) && !record.end) errors.push({ id: where.end, message: "Enter the end date: a " + record.status + " project needs one" });
    if (record.end && record.start && !notBefore(record.end, record.start)) errors.push({ id: where.end, message: "The end date must be the same as or after the start date" });
    if (record.phase === "retired" && /^(planned|active|paused)$/.test(record.status)) errors.push({ id: where.status, message: "A retired project cannot be " + record.status + ": choose completed or stopped" });
    if (record.last_reviewed && record.last_reviewed > today()) errors.push({ id: where.last_reviewed, message: "The last reviewed date must be today or earlier" });
    (record.partners || []).forEach(function (p, n) {
      var at = "partners." + n + ".";
      if (p.org && p.org === record.lead) errors.push({ id: where[at + "org"], message: where[at + "#"] + ": the lead organisation is not listed as a partner too" });
    });
  }

  // ---- Showing errors, GOV.UK style: a summary linking to each field, and a message at the field ----
  function clearErrors(root) {
    root.querySelectorAll("[data-propose-error]").forEach(function (el) { el.remove(); });
    root.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    root.querySelectorAll(".propose-field--error").forEach(function (el) { el.classList.remove("propose-field--error"); });
    root.querySelectorAll("[aria-describedby]").forEach(function (el) {
      var ids = el.getAttribute("aria-describedby").split(" ").filter(function (t) { return !/-error$/.test(t); });
      if (ids.length) el.setAttribute("aria-describedby", ids.join(" ")); else el.removeAttribute("aria-describedby");
    });
  }

  function showError(error) {
    var control = byId(error.id), group = control.closest("fieldset.propose-fieldset:not(.propose-group)");
    var owner = group || control, box = control.closest(".propose-field");
    if (byId(owner.id + "-error")) return;  // one message per field
    var p = document.createElement("p");
    p.className = "propose-error";
    p.id = owner.id + "-error";
    p.setAttribute("data-propose-error", "");
    p.innerHTML = "<span class=\"propose-visually-hidden\">Error: </span>";
    p.appendChild(document.createTextNode(error.message));
    (group ? group.querySelector(".propose-choices") : control).before(p);
    box.classList.add("propose-field--error");
    if (!group) control.setAttribute("aria-invalid", "true");
    var described = owner.getAttribute("aria-describedby");
    owner.setAttribute("aria-describedby", (described ? described + " " : "") + p.id);
  }

  function showSummary(summary, errors) {
    var list = summary.querySelector("ul");
    list.textContent = "";
    errors.forEach(function (error) {
      var link = document.createElement("a");
      link.href = "#" + error.id;
      link.textContent = error.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        byId(error.id).focus();
        byId(error.id).closest(".propose-field, .propose-fieldset").scrollIntoView({ block: "start" });
      });
      list.appendChild(document.createElement("li")).appendChild(link);
    });
    summary.hidden = false;
    summary.focus();
  }

  // ---- Repeatable rows ----
  function renumber(list) {
    list.querySelectorAll(".propose-row").forEach(function (row, n) {
      row.querySelectorAll("[data-number]").forEach(function (el) { el.textContent = String(n + 1); });
    });
  }

  function firstControl(el) { return el.querySelector("input, select, textarea"); }

  function addRow(id) {
    var list = byId(id + "-rows"), next = Number(list.dataset.next || list.children.length);
    list.dataset.next = String(next + 1);
    list.insertAdjacentHTML("beforeend", byId(id + "-template").innerHTML.replace(/__i__/g, String(next)));
    renumber(list);
    firstControl(list.lastElementChild).focus();
  }

  function removeRow(row) {
    var list = row.parentNode, fieldset = list.closest("fieldset");
    if (list.children.length === 1) {
      row.querySelectorAll("input, select, textarea").forEach(function (el) { el.value = ""; });
      firstControl(row).focus();
      return;
    }
    var after = row.nextElementSibling;
    row.remove();
    renumber(list);
    (after ? firstControl(after) : fieldset.querySelector("[data-add]")).focus();
  }

  // ---- The page ----
  function slug(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+/, "").slice(0, 80).replace(/-+$/, "");
  }

  function githubUrl(spec, record, yaml) {
    return spec.newFile + encodeURIComponent(record.lead) + "?filename=" + encodeURIComponent(record.id + ".yml") +
      "&value=" + encodeURIComponent(yaml);
  }

  function showRecord(spec, record, baseTitle) {
    var yaml = toYaml(spec, record), link = byId("propose-github"), status = byId("propose-status");
    byId("propose-path").textContent = "projects/" + record.lead + "/" + record.id + ".yml";
    byId("propose-yaml").textContent = yaml;
    status.textContent = "";
    if (link) {
      link.href = githubUrl(spec, record, yaml);
      if (link.href.length > 8000) status.textContent = "This record is long, so GitHub may not accept it in one address: if its page comes up empty, copy the record and paste it there.";
    }
    document.title = baseTitle;
    byId("propose-result").hidden = false;
    byId("propose-result-title").focus();
  }

  function copy() {
    var code = byId("propose-yaml"), status = byId("propose-status");
    var done = function () { status.textContent = "The record is copied: paste it into the new file on GitHub."; };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(code);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? "" : "The record is selected: press Ctrl+C (or Cmd+C) to copy it.";
      if (ok) done();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(code.textContent).then(done, fallback);
    else fallback();
  }

  function submit(form, spec, baseTitle, event) {
    event.preventDefault();
    var record = {}, state = { errors: [], where: {} }, summary = byId("propose-errors");
    spec.fields.forEach(function (f) { collect(f, f.id, record, state, ""); });
    crossCheck(record, state);
    clearErrors(form);
    if (state.errors.length) {
      state.errors.forEach(showError);
      byId("propose-result").hidden = true;
      document.title = "Error: " + baseTitle;
      showSummary(summary, state.errors);
      return;
    }
    summary.hidden = true;
    showRecord(spec, record, baseTitle);
  }

  function init() {
    var form = byId("propose-form");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var spec = JSON.parse(form.dataset.propose), baseTitle = document.title.replace(/^Error: /, "");
    var title = byId("f-title"), id = byId("f-id"), reviewed = byId("f-last-reviewed");
    if (reviewed && !reviewed.value) reviewed.value = today();
    if (title && id) {
      title.addEventListener("input", function () { if (!id.dataset.typed) id.value = slug(title.value); });
      id.addEventListener("input", function () { id.dataset.typed = id.value ? "true" : ""; });
    }
    form.addEventListener("submit", function (event) { submit(form, spec, baseTitle, event); });
    form.addEventListener("click", function (event) {
      var add = event.target.closest("[data-add]"), remove = event.target.closest("[data-remove]");
      if (add) addRow(add.dataset.add);
      if (remove) removeRow(remove.closest(".propose-row"));
    });
    byId("propose-copy").addEventListener("click", copy);
  }

  window.catalogueProposeInit = init;
  window.catalogueProposeYaml = toYaml;  // for tests and for anyone scripting the form
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
