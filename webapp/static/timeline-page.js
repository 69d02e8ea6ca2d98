/* The timeline page: filters in a drawer, the chart (static/timeline.js), the table of what the
 * chart shows, the selected event in a side sheet (a bottom sheet on phones), and the URL.
 *
 * Whatever the chart shows after a zoom, a pan, a filter or a change of lanes, the status line, the
 * date fields, the table and the URL describe: they are redrawn from the chart's visible window.
 */
(function () {
  "use strict";

  var app = document.getElementById("timeline-app");
  var T = window.NegotiationTimeline;
  if (!app || !T) { return; }
  var dayOf = T.dayOf, isoOf = T.isoOf, words = T.words;

  var root = app.dataset.home || "/";
  var apiUrl = app.dataset.api;
  var canvas = document.getElementById("timeline-canvas");
  var details = document.getElementById("details");
  var detailsBody = document.getElementById("details-body");
  var form = document.getElementById("filters");
  var statusLine = document.getElementById("timeline-status");
  var windowLabel = document.getElementById("window-label");
  var tableBody = document.querySelector("#event-table tbody");
  var tableSummary = document.getElementById("table-summary");
  var pager = document.getElementById("pager");
  var filterToggle = document.getElementById("filter-toggle");
  var initial = JSON.parse(document.getElementById("timeline-data").textContent);
  var params = new URLSearchParams(window.location.search);
  var asked = params.has("from") || params.has("to");

  var filters = readUrl();
  var detailCache = {};
  var opener = null;
  if (initial.selected) { detailCache[initial.selected.id] = initial.selected; }

  function readUrl() {
    return {
      lanes: initial.timeline.lanes_by,
      actor: params.getAll("actor"), type: params.getAll("type"), source: params.getAll("source"),
      status: params.getAll("status"), q: params.get("q") || ""
    };
  }

  function filterParams() {
    var out = new URLSearchParams();
    if (filters.lanes !== "type") { out.set("lanes", filters.lanes); }
    ["actor", "type", "source", "status"].forEach(function (name) {
      filters[name].forEach(function (value) { out.append(name, value); });
    });
    if (filters.q) { out.set("q", filters.q); }
    return out;
  }

  function viewUrl(changes) {
    var out = filterParams();
    out.set("from", isoOf(Math.floor(chart.state.from)));
    out.set("to", isoOf(Math.ceil(chart.state.to) - 1));
    if (chart.state.event) { out.set("event", chart.state.event); }
    if (changes) {
      Object.keys(changes).forEach(function (key) {
        if (changes[key] === null) { out.delete(key); } else { out.set(key, changes[key]); }
      });
    }
    return root + "?" + out.toString();
  }

  var urlTimer = null;
  function writeUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(function () { urlTimer = null; history.replaceState(null, "", viewUrl()); }, 100);
  }

  function loader(from, to, margin) {
    var out = filterParams();
    out.set("from", isoOf(from)); out.set("to", isoOf(to));
    if (margin) { out.set("margin", String(margin)); }
    return T.track(fetch(apiUrl + "?" + out.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); }));
  }

  function loadOverview() {
    // Every matching event, for the overview strip (counts per bucket when there are many).
    return T.track(fetch(apiUrl + "?" + filterParams().toString(), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); }))
      .then(function (whole) { if (whole.ok !== false) { chart.setOverview(whole); } });
  }

  var chart = T.create(canvas, {
    data: initial.timeline, load: loader, event: initial.selected ? initial.selected.id : "",
    name: "Timeline", mark: "timeline-drawn", hideCaption: true, fileName: "timeline",
    onChange: function () { writeUrl(); },
    onDraw: describeView,
    onData: function () { renderFacets(); describeView(); },
    onSettle: function () { chart.reload(); },
    onOpen: function (id, element, how) { open(id, element, how.keyboard); }
  });
  var shown = { from: dayOf(initial.timeline.earliest), to: dayOf(initial.timeline.latest) + 1 };
  chart.setData(initial.timeline, shown);
  chart.state.from = shown.from;
  chart.state.to = shown.to;
  if (asked) {
    loadOverview();
  } else {
    chart.setOverview(initial.timeline);
    chart.focusDense();
  }

  // --- what is visible: status, window, date fields, table -------------------------------------------

  var tableTimer = null, tableKey = "";
  var serverTable = initial.timeline.mode === "aggregate" ?
    [dayOf(initial.timeline.earliest), dayOf(initial.timeline.latest), filterParams().toString()].join("|") : null;
  function describeView() {
    var data = chart.data();
    var from = Math.floor(chart.state.from), to = Math.ceil(chart.state.to) - 1;
    var visible = chart.visibleEvents();
    var current = dayOf(data.earliest) === from && dayOf(data.latest) === to;
    var message;
    if (visible) {
      message = visible.length + (visible.length === 1 ? " event" : " events") + " in view";
    } else if (current) {
      message = data.total + " events in view; counted per " + data.unit +
        ", too many to draw one by one (zoom in to see each event)";
    } else {
      message = "Counting the events in view…";
    }
    message += " · lanes by " + (data.lanes_by === "actor" ? "actor" : "event type") + ".";
    if (statusLine.textContent !== message) { statusLine.textContent = message; }
    windowLabel.textContent = words(from) + " – " + words(to);
    if (document.activeElement !== form.elements.from) { form.elements.from.value = isoOf(from); }
    if (document.activeElement !== form.elements.to) { form.elements.to.value = isoOf(to); }
    clearTimeout(tableTimer);
    tableTimer = setTimeout(function () { tableTimer = null; renderTable(); }, 250);
  }

  function renderTable() {
    var data = chart.data();
    var from = Math.floor(chart.state.from), to = Math.ceil(chart.state.to) - 1;
    var visible = chart.visibleEvents();
    var key = [from, to, data === initial.timeline, visible ? visible.length : data.total, chart.state.event].join("|");
    if (key === tableKey) { return; }
    if (!visible && serverTable === [from, to, filterParams().toString()].join("|")) {
      return;  // the server's table of this very view, page by page, is already there
    }
    tableKey = key;
    var rows = document.createDocumentFragment();
    if (visible) {
      visible.forEach(function (event) { rows.appendChild(tableRow(event)); });
      tableSummary.textContent = visible.length ?
        "All " + visible.length + " events in view, ordered by the earliest day each could be." :
        "No event matches these filters in this window.";
    } else {
      var row = document.createElement("tr");
      var td = document.createElement("td");
      td.colSpan = 4;
      td.appendChild(document.createTextNode("Too many events in view to list here: zoom in or filter, or "));
      var link = document.createElement("a");
      link.href = viewUrl({ page: "1" });
      link.textContent = "list them page by page";
      td.appendChild(link);
      td.appendChild(document.createTextNode("."));
      row.appendChild(td);
      rows.appendChild(row);
      tableSummary.textContent = "";
    }
    pager.replaceChildren();
    tableBody.replaceChildren(rows);
  }

  function renderFacets() {
    var data = chart.data();
    ["type", "actor", "source", "status"].forEach(function (facet) {
      var fieldset = form.querySelector('fieldset[data-facet="' + facet + '"] .facet-options');
      if (!fieldset) { return; }
      var values = data.facets[facet] || [];
      var fresh = document.createDocumentFragment();
      values.forEach(function (value) {
        var label = document.createElement("label");
        label.className = "facet-option" + (value.count === 0 ? " empty" : "");
        var input = document.createElement("input");
        input.type = "checkbox"; input.name = facet; input.value = value.id; input.checked = value.selected;
        label.appendChild(input);
        if (facet === "type") {
          var swatch = document.createElement("span");
          swatch.className = "swatch"; typeMark(swatch, value.id);
          swatch.setAttribute("aria-hidden", "true");
          label.appendChild(swatch);
        }
        var name = document.createElement("span");
        name.className = "facet-label"; name.textContent = value.label;
        var count = document.createElement("span");
        count.className = "count"; count.textContent = String(value.count);
        label.appendChild(document.createTextNode(" "));
        label.appendChild(name);
        label.appendChild(count);
        fresh.appendChild(label);
      });
      if (!values.length) {
        var none = document.createElement("p");
        none.className = "muted"; none.textContent = "None in this window.";
        fresh.appendChild(none);
      }
      var more = fieldset.parentNode.querySelector(".facet-more");
      var left = (data.facets_more || {})[facet] || 0;
      if (more) {
        more.hidden = !left;
        more.textContent = "and " + left + " more with fewer events: use the text filter to find them";
      }
      var focused = document.activeElement && fieldset.contains(document.activeElement) ?
        document.activeElement.value : null;
      fieldset.replaceChildren(fresh);
      if (focused) {
        var back = fieldset.querySelector('input[value="' + cssEscape(focused) + '"]');
        if (back) { back.focus(); }
      }
    });
  }

  function tableRow(event) {
    var row = document.createElement("tr");
    row.setAttribute("data-event", event.id);
    row.className = (event.earliest === event.latest ? "exact" : "uncertain") +
      (event.id === chart.state.event ? " selected" : "");
    var when = cell(row, "when");
    append(when, "span", "date-words", event.in_words);
    when.appendChild(document.createTextNode(" "));
    append(when, "code", "edtf", event.edtf);
    var what = cell(row, "what");
    var link = append(what, "a", "event-link", event.label);
    link.href = viewUrl({ event: event.id });
    link.setAttribute("data-event", event.id);
    if (event.status !== "happened") {
      what.appendChild(document.createTextNode(" "));
      append(what, "span", "status-badge status-" + event.status, event.status);
    }
    var type = cell(row, "type");
    var chip = append(type, "span", "type-chip", "");
    chip.setAttribute("data-type", event.type);
    var swatch = append(chip, "span", "swatch", "");
    swatch.setAttribute("aria-hidden", "true");
    typeMark(swatch, event.type);
    chip.appendChild(document.createTextNode(event.type_label));
    var who = cell(row, "who");
    event.actors.forEach(function (actor, index) {
      var a = append(who, "a", "", actor.name);
      a.href = root + "actor/" + encodeURIComponent(actor.id);
      who.appendChild(document.createTextNode(" "));
      append(who, "span", "role", actor.role);
      if (index < event.actors.length - 1) { who.appendChild(document.createTextNode("; ")); }
    });
    return row;
  }

  function cell(row, className) {
    var td = document.createElement("td");
    td.className = className;
    row.appendChild(td);
    return td;
  }

  function append(parent, tag, className, content) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (content) { element.textContent = content; }
    parent.appendChild(element);
    return element;
  }

  function hint() {
    var box = document.createElement("div");
    box.className = "details-hint";
    append(box, "h3", "", "Select an event");
    append(box, "p", "", "Choose an event on the timeline or in the table to read its summary, its date and " +
      "how sure it is, who took part in which role, the sentence of the source it rests on, and the " +
      "events it answers or repeats.");
    return box;
  }

  function errorNote(message) {
    var p = document.createElement("p");
    p.className = "error";
    p.textContent = message;
    return p;
  }

  function precisionWords(date) {
    var days = dayOf(date.latest) - dayOf(date.earliest) + 1;
    if (days === 1) { return "exact day"; }
    if (date.precision === "month") { return "uncertain: some day of that month"; }
    if (date.precision === "year") { return "uncertain: some day of that year"; }
    return "uncertain: some day in a span of " + days + " days";
  }

  function entityHref(ref) {
    if (ref.kind === "external") { return /^https?:\/\//i.test(ref.iri) ? ref.iri : "#"; }
    return root + ref.kind + "/" + ref.id.split("/").map(encodeURIComponent).join("/");
  }

  function renderDetails(page) {
    var article = document.createElement("article");
    article.className = "event-details";
    article.setAttribute("data-event-id", page.id);
    var kicker = append(article, "p", "kicker", "");
    var chip = append(kicker, "span", "type-chip", "");
    chip.setAttribute("data-type", page.type);
    var pageSwatch = append(chip, "span", "swatch", "");
    pageSwatch.setAttribute("aria-hidden", "true");
    typeMark(pageSwatch, page.type);
    chip.appendChild(document.createTextNode(page.type_label));
    if (page.status !== "happened") {
      kicker.appendChild(document.createTextNode(" "));
      append(kicker, "span", "status-badge status-" + page.status, page.status);
    }
    var title = append(article, "h2", "event-title", "");
    var titleLink = append(title, "a", "", page.label);
    titleLink.href = root + "event/" + encodeURIComponent(page.id);

    var facts = append(article, "dl", "facts", "");
    append(facts, "dt", "", "When");
    var when = append(facts, "dd", "", "");
    append(when, "strong", "date-words", page.date.in_words);
    when.appendChild(document.createTextNode(" "));
    append(when, "span", "precision " + (page.date.exact ? "exact" : "uncertain"), precisionWords(page.date));
    var said = append(when, "span", "date-source", "The source says “");
    append(said, "span", "date-text", page.date.text || "");
    said.appendChild(document.createTextNode("” · EDTF "));
    append(said, "code", "", page.date.edtf);
    if (page.date.anchor) {
      said.appendChild(document.createTextNode(" · reference date " + page.date.anchor.replace(/^on /, "")));
    }
    if (page.date.note) { append(when, "span", "note", page.date.note); }

    append(facts, "dt", "", "Who");
    var who = append(append(facts, "dd", "", ""), "ul", "roles", "");
    page.actors.forEach(function (role) {
      var li = append(who, "li", "", "");
      append(li, "a", "", role.actor.label).href = entityHref(role.actor);
      li.appendChild(document.createTextNode(" "));
      append(li, "span", "role", role.role_label);
    });
    if (page.place) {
      append(facts, "dt", "", "Where");
      append(append(facts, "dd", "", ""), "a", "", page.place.label).href = entityHref(page.place);
    }
    [["Offers", page.offers], ["In exchange for", (page.in_exchange_for || []).join("; ")],
      ["Means", page.means]].forEach(function (pair) {
      if (pair[1]) { append(facts, "dt", "", pair[0]); append(facts, "dd", "", pair[1]); }
    });
    if (page.quote) {
      append(facts, "dt", "", "Words");
      append(append(facts, "dd", "", ""), "q", "quote", page.quote);
    }
    append(facts, "dt", "", "According to");
    append(facts, "dd", "claim", page.claim.in_words);

    var evidence = append(article, "section", "evidence", "");
    evidence.setAttribute("aria-label", "Source sentences");
    append(evidence, "h3", "", page.evidence.length === 1 ? "Source sentence" : "Source sentences");
    page.evidence.forEach(function (item) {
      var figure = append(evidence, "figure", "evidence-item", "");
      append(figure, "blockquote", "sentence", item.sentence);
      var caption = append(figure, "figcaption", "", "— ");
      append(caption, "span", "claimant", item.claim.in_words);
      caption.appendChild(document.createTextNode(", in "));
      var source = append(caption, "a", "", "");
      source.href = entityHref(item.source) + (item.anchor_id ? "#" + item.anchor_id : "");
      append(source, "cite", "", item.source.label);
    });

    if (page.relations.length) {
      var relations = append(article, "section", "relations", "");
      relations.setAttribute("aria-label", "Related events");
      append(relations, "h3", "", "Related events");
      var list = append(relations, "ul", "", "");
      page.relations.forEach(function (relation) {
        var li = append(list, "li", "", "");
        li.setAttribute("data-relation", relation.property);
        li.setAttribute("data-direction", relation.direction);
        append(li, "span", "relation-label", relation.label);
        li.appendChild(document.createTextNode(" "));
        var link = append(li, "a", "event-link", relation.event.label);
        link.href = viewUrl({ event: relation.event.id });
        link.setAttribute("data-event", relation.event.id);
        li.appendChild(document.createTextNode(" "));
        append(li, "span", "muted", "· " + relation.event.type_label + ", " + relation.event.in_words);
        if (relation.event.status !== "happened") {
          append(li, "span", "status-badge status-" + relation.event.status, relation.event.status);
        }
      });
    }
    if (page.note) {
      var note = append(article, "section", "curator-note", "");
      append(note, "h3", "", "Curator’s note");
      append(note, "p", "", page.note);
    }
    if (page.codes && page.codes.length) {
      var codes = append(article, "p", "codes", "");
      page.codes.forEach(function (code) {
        append(codes, "span", "code", code.scheme + " " + code.notation).title = code.label;
      });
      if (page.codes[0].by_type) { append(codes, "span", "muted", "(the codes of its type)"); }
    }
    var formats = append(article, "p", "formats", "");
    var base = root + "event/" + encodeURIComponent(page.id);
    [["Event page", ""], ["JSON", ".json"], ["Turtle", ".ttl"], ["JSON-LD", ".jsonld"]].forEach(function (pair, index) {
      if (index) { formats.appendChild(document.createTextNode(" · ")); }
      append(formats, "a", "", pair[0]).href = base + pair[1];
    });
    var iri = append(formats, "span", "iri", "IRI ");
    append(iri, "code", "", page.iri);
    return article;
  }


  function typeMark(element, type) {
    var family = T.familyOf(type);
    element.setAttribute("data-type", type);
    element.setAttribute("data-family", family.family);
    element.setAttribute("data-shade", family.shade);
    element.setAttribute("data-shape", family.shape);
  }
  function cssEscape(value) { return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/"/g, '\\"'); }

  // --- the selected event, in a sheet over the chart ---------------------------------------------------

  function open(id, element, byKeyboard) {
    opener = element || document.activeElement;
    select(id, { focusDetails: byKeyboard });
  }

  function select(id, options) {
    options = options || {};
    chart.markSelected(id);
    writeUrl();
    tableBody.querySelectorAll("tr[data-event]").forEach(function (row) {
      row.classList.toggle("selected", row.getAttribute("data-event") === id);
    });
    if (!id) { closeSheet(); return; }
    var show = function (page) {
      if (chart.state.event !== id) { return; }
      detailsBody.replaceChildren(renderDetails(page));
      openSheet();
      details.scrollTop = 0;
      if (options.reveal) { chart.showDay(dayOf(page.date.earliest), dayOf(page.date.latest)); }
      keepInSight(id);
      if (options.focusDetails) {
        (details.querySelector(".event-title a") || document.getElementById("details-close")).focus({ preventScroll: true });
      }
    };
    if (detailCache[id]) { show(detailCache[id]); return; }
    T.track(fetch(root + "event/" + encodeURIComponent(id) + ".json", { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); }))
      .then(function (page) {
        if (!page.ok) { detailsBody.replaceChildren(errorNote(page.error)); openSheet(); return; }
        detailCache[id] = page;
        show(page);
      })
      .catch(function (error) { detailsBody.replaceChildren(errorNote(error.message)); openSheet(); });
  }

  function keepInSight(id) {
    // The sheet must not hide the selected event: beside it (wide screens) the chart pans so the event
    // lies in the part left in sight; over the bottom (phones) the page scrolls it above the sheet.
    var sheet = details.getBoundingClientRect(), lanes = canvas.querySelector(".tlc-lanes");
    if (!lanes || !sheet.width) { return; }
    var box = lanes.getBoundingClientRect();
    if (sheet.left > box.left + 120) {
      chart.keepClear(id, box.right - sheet.left + 12);
      return;
    }
    var item = canvas.querySelector('.tlc-lanes .tl-item[data-event="' + cssEscape(id) + '"]');
    if (!item) { return; }
    var mark = item.getBoundingClientRect(), axis = canvas.querySelector(".tlc-axis");
    var top = (axis ? axis.getBoundingClientRect().height : 0) + 8;
    if (mark.bottom > sheet.top - 8 || mark.top < top) { window.scrollBy(0, mark.top - top); }
  }

  function openSheet() {
    details.hidden = false;
    details.classList.add("open");
    document.body.classList.add("sheet-open");
  }

  function closeSheet(returnFocus) {
    var wasOpen = details.classList.contains("open");
    details.classList.remove("open");
    details.hidden = true;
    document.body.classList.remove("sheet-open");
    chart.keepClear(null, 0);  // the labels have the whole plot again
    detailsBody.replaceChildren(hint());
    if (chart.state.event) { chart.markSelected(""); writeUrl(); }
    tableBody.querySelectorAll("tr.selected").forEach(function (row) { row.classList.remove("selected"); });
    if (returnFocus && wasOpen) {
      var back = opener && document.contains(opener) ? opener :
        canvas.querySelector('.tl-item[tabindex="0"]');
      if (back && back.getAttribute && back.getAttribute("data-event") && !document.contains(opener)) {
        chart.focusItem(back.getAttribute("data-event"));
      } else if (back) {
        back.focus();
      }
    }
  }

  document.getElementById("details-close").addEventListener("click", function () { closeSheet(true); });

  // --- the filters, in a drawer ------------------------------------------------------------------------

  function setDrawer(open, returnFocus) {
    form.classList.toggle("open", open);
    filterToggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var first = form.querySelector("input, button, select");
      if (first) { first.focus(); }
    } else if (returnFocus) {
      filterToggle.focus();
    }
  }
  filterToggle.hidden = false;
  filterToggle.addEventListener("click", function () { setDrawer(!form.classList.contains("open")); });
  document.getElementById("filters-close").addEventListener("click", function () { setDrawer(false, true); });

  function countFilters() {
    var count = filters.actor.length + filters.type.length + filters.source.length + filters.status.length +
      (filters.q ? 1 : 0);
    filterToggle.querySelector(".count").textContent = count ? String(count) : "";
  }
  countFilters();

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) { return; }
    if (document.querySelector("dialog[open]")) { return; }
    if (form.classList.contains("open") && (form.contains(event.target) || event.target === filterToggle)) {
      event.preventDefault(); setDrawer(false, true); return;
    }
    if (details.classList.contains("open")) {
      event.preventDefault(); closeSheet(true);
    }
  });

  // Links that select an event (table rows, related events) select it in place.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    var link = event.target.closest && event.target.closest("a.event-link[data-event]");
    if (!link || !app.contains(link)) { return; }
    event.preventDefault();
    opener = details.contains(link) ? opener : link;
    select(link.getAttribute("data-event"), { reveal: true, focusDetails: details.contains(link) });
  });

  function readForm() {
    var values = new FormData(form);
    filters.lanes = values.get("lanes") || "type";
    ["actor", "type", "source", "status"].forEach(function (name) { filters[name] = values.getAll(name); });
    filters.q = (values.get("q") || "").trim();
    countFilters();
  }

  function filtersChanged() {
    readForm();
    writeUrl();
    chart.reload();
    loadOverview();
  }

  form.addEventListener("change", function (event) {
    var name = event.target.name;
    if (name === "from" || name === "to") {
      var from = form.elements.from.value, to = form.elements.to.value;
      if (from && to && from <= to) { chart.setWindow(dayOf(from), dayOf(to) + 1, true); }
      return;
    }
    if (name === "q") { return; }
    filtersChanged();
  });
  var typing = null;
  form.elements.q.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { typing = null; filtersChanged(); }, 300);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    filtersChanged();
  });

  // --- start ----------------------------------------------------------------------------------------------

  document.querySelectorAll("[data-type]").forEach(function (element) {
    if (element.classList.contains("swatch")) { typeMark(element, element.getAttribute("data-type")); }
  });
  if (initial.selected) {
    chart.markSelected(initial.selected.id);
    openSheet();
  } else {
    details.hidden = true;
  }
  chart.draw();
  describeView();
  renderTable();
  T.idleChecks.push(function () { return !urlTimer && !tableTimer && !typing; });
  window.negotiationTimeline = chart;
  window.negotiationTimeline.select = function (id) { opener = document.activeElement; select(id); };
  window.negotiationTimeline.closeDetails = function () { closeSheet(true); };
}());
