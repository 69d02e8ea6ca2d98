/* The interactive timeline. Plain JavaScript and SVG, nothing fetched from elsewhere.
 *
 * The page already holds everything without JavaScript (a filter form, the chronological table,
 * the selected event's details); this script draws the timeline over the same data
 * (/timeline.json), keeps the whole view in the URL, and replaces the table and the details in
 * place. Text from the data only ever goes into the page through textContent or setAttribute.
 */
(function () {
  "use strict";

  var app = document.getElementById("timeline-app");
  if (!app || !window.fetch || !document.createElementNS) { return; }
  document.documentElement.classList.add("js");

  var SVG = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var LABEL_WIDTH = 158;      // the lane-label column
  var AXIS_HEIGHT = 40;
  var ROW = 22;               // one row of items in a lane
  var LANE_PAD = 6;
  var MAX_ROWS = 6;           // past this many rows, overlapping items are gathered in a cluster
  var BAR_LANE = 38;          // a lane's height when counts are drawn
  var MIN_SPAN = 3, MAX_SPAN = 366 * 60;
  var CHAR = 6.4;             // average label character width (12px system font)
  var LABEL_MAX = 48;         // characters of a label drawn on the timeline

  var root = app.dataset.home || "/";
  var api = app.dataset.api;
  var canvas = document.getElementById("timeline-canvas");
  var details = document.getElementById("details");
  var form = document.getElementById("filters");
  var statusLine = document.getElementById("timeline-status");
  var windowLabel = document.getElementById("window-label");
  var tableBody = document.querySelector("#event-table tbody");
  var tableSummary = document.getElementById("table-summary");
  var pager = document.getElementById("pager");
  var initial = JSON.parse(document.getElementById("timeline-data").textContent);

  // --- days ------------------------------------------------------------------------------------

  function dayOf(iso) {
    var parts = iso.split("-");
    return Math.round(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / DAY_MS);
  }
  function isoOf(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function words(day) {
    var date = new Date(day * DAY_MS);
    return date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }
  function clamp(value, low, high) { return Math.max(low, Math.min(high, value)); }

  // --- state: the whole view, mirrored in the URL ------------------------------------------------

  var data = initial.timeline;
  var state = readUrl();
  var selectedPage = initial.selected;
  var detailCache = {};
  if (selectedPage) { detailCache[selectedPage.id] = selectedPage; }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    return {
      from: dayOf(data.earliest),
      to: dayOf(data.latest) + 1,            // exclusive
      lanes: data.lanes_by,
      actor: params.getAll("actor"),
      type: params.getAll("type"),
      source: params.getAll("source"),
      status: params.getAll("status"),
      q: params.get("q") || "",
      event: params.get("event") || ""
    };
  }

  function viewParams(extra) {
    var params = new URLSearchParams();
    params.set("from", isoOf(Math.floor(state.from)));
    params.set("to", isoOf(Math.ceil(state.to) - 1));
    if (state.lanes !== "type") { params.set("lanes", state.lanes); }
    ["actor", "type", "source", "status"].forEach(function (name) {
      state[name].forEach(function (value) { params.append(name, value); });
    });
    if (state.q) { params.set("q", state.q); }
    if (extra) { Object.keys(extra).forEach(function (key) { params.set(key, extra[key]); }); }
    return params;
  }

  function viewUrl(changes) {
    var params = viewParams();
    if (state.event) { params.set("event", state.event); }
    if (changes) {
      Object.keys(changes).forEach(function (key) {
        if (changes[key] === null) { params.delete(key); } else { params.set(key, changes[key]); }
      });
    }
    return root + "?" + params.toString();
  }

  var urlTimer = null;
  function writeUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(function () { history.replaceState(null, "", viewUrl()); }, 120);
  }

  // --- fetching ---------------------------------------------------------------------------------

  var fetchTimer = null, requestNumber = 0, loading = null;
  var fetched = { from: state.from, to: state.to, key: filterKey() };

  function filterKey() {
    return JSON.stringify([state.lanes, state.actor, state.type, state.source, state.status, state.q]);
  }

  function covered() {
    // Events drawn one by one stay valid while the view stays inside what was fetched.
    return data.mode === "events" && fetched.key === filterKey() &&
      state.from >= fetched.from && state.to <= fetched.to;
  }

  function scheduleFetch(delay) {
    clearTimeout(fetchTimer);
    fetchTimer = setTimeout(load, delay === undefined ? 160 : delay);
  }

  function load() {
    var number = ++requestNumber;
    // A margin on each side lets events be panned without waiting; counts are refetched anyway.
    var margin = data.mode === "events" ? Math.round((state.to - state.from) / 2) : 0;
    var params = viewParams(margin ? { margin: String(margin) } : null);
    showLoading(true);
    fetch(api + "?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (payload) {
        if (number !== requestNumber) { return; }
        showLoading(false);
        if (!payload.ok) { statusLine.textContent = payload.error; return; }
        data = payload;
        fetched = { from: dayOf(payload.earliest) - margin, to: dayOf(payload.latest) + 1 + margin,
          key: filterKey() };
        renderAll();
      })
      .catch(function (error) {
        if (number !== requestNumber) { return; }
        showLoading(false);
        statusLine.textContent = "Could not load the timeline data (" + error.message + ").";
      });
  }

  function showLoading(on) {
    if (on && !loading) {
      loading = document.createElement("span");
      loading.className = "tl-loading";
      loading.textContent = "loading…";
      canvas.appendChild(loading);
    } else if (!on && loading) {
      loading.remove();
      loading = null;
    }
  }

  // --- the view: zoom and pan ---------------------------------------------------------------------

  function setWindow(from, to, immediate) {
    var span = clamp(to - from, MIN_SPAN, MAX_SPAN);
    var middle = (from + to) / 2;
    state.from = middle - span / 2;
    state.to = middle + span / 2;
    requestRender();
    writeUrl();
    if (!covered()) { scheduleFetch(immediate ? 0 : 160); }
  }

  function zoom(factor, anchorDay) {
    var span = state.to - state.from;
    var anchor = anchorDay === undefined ? (state.from + state.to) / 2 : anchorDay;
    var newSpan = clamp(span * factor, MIN_SPAN, MAX_SPAN);
    var ratio = (anchor - state.from) / span;
    setWindow(anchor - ratio * newSpan, anchor - ratio * newSpan + newSpan);
  }

  function pan(fraction) {
    var shift = (state.to - state.from) * fraction;
    setWindow(state.from + shift, state.to + shift);
  }

  function fit() {
    if (!data.extent_earliest) { return; }
    var first = dayOf(data.extent_earliest), last = dayOf(data.extent_latest) + 1;
    var room = Math.max(1, Math.floor((last - first) / 40));  // as the server's default window
    setWindow(first - room, last + room, true);
  }

  function showDay(day, lastDay) {
    // Bring an event into view, keeping the zoom when it fits.
    var span = state.to - state.from;
    var end = lastDay === undefined ? day + 1 : lastDay + 1;
    if (day >= state.from && end <= state.to) { return false; }
    if (end - day > span * 0.9) { setWindow(day - (end - day) * 0.05, end + (end - day) * 0.05, true); }
    else { var middle = (day + end) / 2; setWindow(middle - span / 2, middle + span / 2, true); }
    return true;
  }

  // --- drawing ----------------------------------------------------------------------------------

  var frame = null, drawTimes = [];
  function requestRender() {
    if (frame) { return; }
    frame = window.requestAnimationFrame(function () { frame = null; timedDraw(); });
  }

  function timedDraw() {
    // Draw, and keep how long it took (the benchmark reads window.negotiationTimeline.drawTimes).
    var started = window.performance.now();
    draw();
    drawTimes.push(window.performance.now() - started);
    if (drawTimes.length > 500) { drawTimes.shift(); }
    if (drawTimes.length === 1 && window.performance.mark) { window.performance.mark("timeline-drawn"); }
  }

  function node(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    if (attributes) {
      Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    }
    if (parent) { parent.appendChild(element); }
    return element;
  }

  function text(name, attributes, content, parent) {
    var element = node(name, attributes, parent);
    element.textContent = content;
    return element;
  }

  var measureContext = document.createElement("canvas").getContext("2d");
  var fontFamily = window.getComputedStyle(document.body).fontFamily || "sans-serif";
  var widths = {};
  function textWidth(label, bold) {
    var key = (bold ? "b" : "n") + label;
    if (widths[key] === undefined) {
      if (!measureContext) { return label.length * CHAR * (bold ? 1.1 : 1); }
      measureContext.font = (bold ? "700 " : "400 ") + "12px " + fontFamily;
      widths[key] = Math.ceil(measureContext.measureText(label).width) + 2;
    }
    return widths[key];
  }

  function shorten(label, characters) {
    return label.length > characters ? label.slice(0, Math.max(1, characters - 1)) + "…" : label;
  }

  function ticks(from, to, pxPerDay) {
    // Minor ticks with labels, and major ticks (months or years) above them.
    var units = [
      { kind: "day", step: 1 }, { kind: "day", step: 2 }, { kind: "week", step: 1 },
      { kind: "week", step: 2 }, { kind: "month", step: 1 }, { kind: "month", step: 3 },
      { kind: "month", step: 6 }, { kind: "year", step: 1 }, { kind: "year", step: 2 },
      { kind: "year", step: 5 }, { kind: "year", step: 10 }, { kind: "year", step: 25 },
      { kind: "year", step: 50 }
    ];
    var days = { day: 1, week: 7, month: 30.4, year: 365.25 };
    var unit = units[units.length - 1];
    for (var i = 0; i < units.length; i++) {
      if (days[units[i].kind] * units[i].step * pxPerDay >= 46) { unit = units[i]; break; }
    }
    var minor = [], major = [];
    var start = new Date(Math.floor(from) * DAY_MS), day, date, guard = 0;
    if (unit.kind === "day" || unit.kind === "week") {
      day = Math.floor(from);
      if (unit.kind === "week") { day -= (new Date(day * DAY_MS).getUTCDay() + 6) % 7; }
      for (; day <= to && guard < 2000; day += (unit.kind === "week" ? 7 : 1) * unit.step, guard++) {
        date = new Date(day * DAY_MS);
        minor.push({ day: day, label: String(date.getUTCDate()) });
      }
      date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
      for (guard = 0; date.getTime() / DAY_MS <= to && guard < 2000; guard++) {
        major.push({ day: date.getTime() / DAY_MS, label: MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear() });
        date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
      }
    } else if (unit.kind === "month") {
      date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - (start.getUTCMonth() % unit.step), 1));
      for (; date.getTime() / DAY_MS <= to && guard < 2000; guard++) {
        minor.push({ day: date.getTime() / DAY_MS, label: MONTHS[date.getUTCMonth()].slice(0, 3) });
        date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + unit.step, 1));
      }
      date = new Date(Date.UTC(start.getUTCFullYear(), 0, 1));
      for (guard = 0; date.getTime() / DAY_MS <= to && guard < 500; guard++) {
        major.push({ day: date.getTime() / DAY_MS, label: String(date.getUTCFullYear()) });
        date = new Date(Date.UTC(date.getUTCFullYear() + 1, 0, 1));
      }
    } else {
      var year = start.getUTCFullYear() - (start.getUTCFullYear() % unit.step);
      for (; Date.UTC(year, 0, 1) / DAY_MS <= to && guard < 500; year += unit.step, guard++) {
        minor.push({ day: Date.UTC(year, 0, 1) / DAY_MS, label: String(year) });
      }
    }
    return { minor: minor, major: major };
  }

  function laneOf(key) {
    for (var i = 0; i < data.lanes.length; i++) { if (data.lanes[i].key === key) { return i; } }
    return -1;
  }

  function eventOrder() {
    return (data.events || []).slice().sort(function (a, b) {
      return a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 :
        a.latest < b.latest ? -1 : a.latest > b.latest ? 1 : a.id < b.id ? -1 : 1;
    });
  }

  function placeLabel(item, plotLeft, plotRight) {
    // Where an item's label goes: inside a wide band, right of the mark, or left of it near the
    // right edge; shortened when neither side has room. Sets the item's extent with its label.
    var glyph0 = Math.max(item.x0, plotLeft), glyph1 = Math.min(item.x1, plotRight);
    var bold = item.event.id === state.event;
    var width = textWidth(item.label, bold);
    var arrow = item.event.status === "ongoing" && !item.exact ? 8 : 0;
    item.labelText = item.label;
    item.anchor = "start";
    if (!item.exact && glyph1 - glyph0 >= width + 10) {
      item.labelX = glyph0 + 5; item.ext0 = glyph0; item.ext1 = glyph1 + arrow; return;
    }
    if (glyph1 + arrow + 6 + width <= plotRight) {
      item.labelX = glyph1 + arrow + 6; item.ext0 = glyph0; item.ext1 = item.labelX + width; return;
    }
    if (glyph0 - 6 - width >= plotLeft) {
      item.labelX = glyph0 - 6; item.anchor = "end"; item.ext0 = item.labelX - width; item.ext1 = glyph1 + arrow;
      return;
    }
    var room = Math.max(plotRight - glyph1 - arrow - 6, glyph0 - 6 - plotLeft);
    var characters = Math.floor(room / CHAR);
    if (characters < 8) { item.labelText = ""; item.ext0 = glyph0; item.ext1 = glyph1 + arrow; return; }
    item.labelText = shorten(item.label, characters);
    width = textWidth(item.labelText, bold);
    while (width > room && item.labelText.length > 8) {
      item.labelText = shorten(item.label, item.labelText.length - 2);
      width = textWidth(item.labelText, bold);
    }
    if (plotRight - glyph1 - arrow - 6 >= glyph0 - 6 - plotLeft) {
      item.labelX = glyph1 + arrow + 6; item.ext0 = glyph0; item.ext1 = item.labelX + width;
    } else {
      item.labelX = glyph0 - 6; item.anchor = "end"; item.ext0 = item.labelX - width; item.ext1 = glyph1 + arrow;
    }
  }

  function layoutLane(items, plotLeft, plotRight) {
    // Greedy rows: an item takes the first row where it fits with its label, then without it;
    // what fits in no row is gathered into clusters drawn in a row of their own.
    var rowsEnd = [], placed = [], overflow = [];
    items.forEach(function (item) { placeLabel(item, plotLeft, plotRight); });
    items.sort(function (a, b) { return a.ext0 - b.ext0 || a.x0 - b.x0; });
    items.forEach(function (item) {
      var row = -1, r;
      for (r = 0; r < rowsEnd.length; r++) { if (rowsEnd[r] <= item.ext0) { row = r; break; } }
      if (row === -1 && rowsEnd.length < MAX_ROWS) { row = rowsEnd.length; rowsEnd.push(-Infinity); }
      if (row !== -1) {
        rowsEnd[row] = item.ext1 + 8;
        item.row = row; item.showLabel = !!item.labelText; placed.push(item); return;
      }
      var glyph0 = Math.max(item.x0, plotLeft);
      for (r = 0; r < rowsEnd.length; r++) { if (rowsEnd[r] <= glyph0) { row = r; break; } }
      if (row !== -1) {
        rowsEnd[row] = item.x1 + 4;
        item.row = row; item.showLabel = false; placed.push(item); return;
      }
      overflow.push(item);
    });
    var clusters = [];
    overflow.sort(function (a, b) { return a.x0 - b.x0; }).forEach(function (item) {
      var last = clusters[clusters.length - 1];
      if (last && item.x0 <= last.x1 + 24) {
        last.items.push(item); last.x1 = Math.max(last.x1, item.x1);
      } else {
        clusters.push({ x0: item.x0, x1: item.x1, items: [item] });
      }
    });
    return { rows: Math.max(1, rowsEnd.length) + (clusters.length ? 1 : 0), placed: placed,
      clusters: clusters, clusterRow: rowsEnd.length };
  }

  function draw() {
    var width = Math.max(320, canvas.clientWidth);
    var plotLeft = LABEL_WIDTH, plotWidth = width - plotLeft - 8;
    var span = state.to - state.from;
    var pxPerDay = plotWidth / span;
    var x = function (day) { return plotLeft + (day - state.from) * pxPerDay; };
    var lanes = data.lanes;
    var svg = node("svg", { width: width, role: "presentation", "class": "tl" });
    var defs = node("defs", null, svg);
    var clip = node("clipPath", { id: "tl-plot" }, defs);
    var clipRect = node("rect", { x: plotLeft, y: 0, width: plotWidth + 8, height: 10 }, clip);

    // lanes and their items
    var layouts = [], y = AXIS_HEIGHT, laneTops = [];
    var byLane = lanes.map(function () { return []; });
    var firstCopy = {};
    if (data.mode === "events") {
      eventOrder().forEach(function (event) {
        var start = dayOf(event.earliest), end = dayOf(event.latest) + 1;
        if (end < state.from - span * 0.02 || start > state.to + span * 0.02) { return; }
        var exact = event.earliest === event.latest;
        var x0 = exact ? x(start + 0.5) - 6 : x(start), x1 = exact ? x(start + 0.5) + 6 : Math.max(x(end), x(start) + 4);
        var label = shorten(event.label, LABEL_MAX);
        event.lanes.forEach(function (key) {
          var index = laneOf(key);
          if (index === -1) { return; }
          var item = { event: event, exact: exact, x0: Math.max(x0, plotLeft - 2), x1: x1,
            rawX0: x0, label: label, first: !firstCopy[event.id] };
          firstCopy[event.id] = true;
          byLane[index].push(item);
        });
      });
      lanes.forEach(function (lane, index) {
        var layout = layoutLane(byLane[index], plotLeft, plotLeft + plotWidth);
        layouts.push(layout);
        laneTops.push(y);
        y += layout.rows * ROW + LANE_PAD * 2;
      });
    } else {
      lanes.forEach(function () { laneTops.push(y); y += BAR_LANE + LANE_PAD; });
    }
    var height = Math.max(y + 6, AXIS_HEIGHT + 60);
    svg.setAttribute("height", height);
    clipRect.setAttribute("height", height);

    // lane backgrounds
    lanes.forEach(function (lane, index) {
      var top = laneTops[index];
      var bottom = index + 1 < laneTops.length ? laneTops[index + 1] : y;
      node("rect", { x: 0, y: top, width: width, height: bottom - top,
        "class": "tl-lane-bg" + (index % 2 ? " odd" : "") }, svg);
      node("line", { x1: 0, x2: width, y1: bottom, y2: bottom, "class": "tl-lane-rule" }, svg);
    });

    // axis
    node("rect", { x: 0, y: 0, width: width, height: AXIS_HEIGHT, "class": "tl-axis-band" }, svg);
    var grid = ticks(state.from, state.to, pxPerDay);
    var axis = node("g", { "clip-path": "url(#tl-plot)" }, svg);
    grid.minor.forEach(function (tick) {
      var tx = x(tick.day);
      node("line", { x1: tx, x2: tx, y1: AXIS_HEIGHT - 8, y2: height, "class": "tl-tick" }, axis);
      text("text", { x: tx + 3, y: AXIS_HEIGHT - 6, "class": "tl-tick-label" }, tick.label, axis);
    });
    grid.major.forEach(function (tick, index) {
      var tx = x(tick.day);
      node("line", { x1: tx, x2: tx, y1: 2, y2: height, "class": "tl-tick major" }, axis);
      var next = grid.major[index + 1];
      var labelX = Math.max(tx, plotLeft) + 4;
      var room = (next ? x(next.day) : width) - labelX;
      if (room > tick.label.length * 7.4 + 8) {
        text("text", { x: labelX, y: 15, "class": "tl-tick-label major" }, tick.label, axis);
      }
    });

    var plot = node("g", { "clip-path": "url(#tl-plot)" }, svg);
    if (!lanes.length) {
      text("text", { x: plotLeft + 12, y: AXIS_HEIGHT + 34, "class": "tl-empty" },
        "No event matches these filters in this window.", svg);
    }
    if (data.mode === "events") {
      lanes.forEach(function (lane, index) {
        var layout = layouts[index], top = laneTops[index] + LANE_PAD;
        layout.placed.forEach(function (item) { drawItem(plot, item, top + item.row * ROW, plotLeft); });
        layout.clusters.forEach(function (cluster) {
          drawCluster(plot, cluster, top + layout.clusterRow * ROW, lane, function (px) {
            return state.from + (px - plotLeft) / pxPerDay;
          });
        });
      });
    } else {
      drawBuckets(plot, x, laneTops);
    }

    // lane labels, over everything at the left
    node("rect", { x: 0, y: 0, width: plotLeft - 2, height: height, "class": "tl-label-bg" }, svg);
    node("line", { x1: plotLeft - 2, x2: plotLeft - 2, y1: 0, y2: height, "class": "tl-tick major" }, svg);
    text("text", { x: 8, y: 24, "class": "tl-lanes-heading" },
      data.lanes_by === "actor" ? "Actor" : "Event type", svg);
    lanes.forEach(function (lane, index) {
      var labelNode = text("text", { x: 8, y: laneTops[index] + LANE_PAD + 14, "class": "tl-lane-label" },
        shorten(capital(lane.label), 21), svg);
      if (data.lanes_by === "type") { labelNode.setAttribute("data-type", lane.key); }
      text("title", null, capital(lane.label) + ": " + lane.count + " event" + (lane.count === 1 ? "" : "s"), labelNode);
      text("text", { x: 8, y: laneTops[index] + LANE_PAD + 27, "class": "tl-lane-count" },
        lane.count + (lane.count === 1 ? " event" : " events"), svg);
    });

    var focusedId = document.activeElement && document.activeElement.getAttribute &&
      document.activeElement.getAttribute("data-event");
    var old = canvas.querySelector("svg.tl");
    if (old) { canvas.replaceChild(svg, old); } else { canvas.insertBefore(svg, canvas.firstChild); }
    if (focusedId) {
      var again = svg.querySelector('.tl-item[data-event="' + cssEscape(focusedId) + '"][tabindex="0"]');
      if (again) { again.focus({ preventScroll: true }); }
    }
    windowLabel.textContent = words(Math.floor(state.from)) + " – " + words(Math.ceil(state.to) - 1);
  }

  function capital(label) { return label.charAt(0).toUpperCase() + label.slice(1); }
  function cssEscape(value) { return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/"/g, '\\"'); }

  function drawItem(parent, item, top, plotLeft) {
    var event = item.event;
    var group = node("g", {
      "class": "tl-item" + (event.status === "planned" ? " planned" : "") +
        (event.status === "ongoing" ? " ongoing" : "") + (event.id === state.event ? " selected" : ""),
      "data-event": event.id, "data-type": event.type, role: "button",
      tabindex: item.first ? "0" : "-1",
      "aria-label": event.type_label + ": " + event.label + ", " + event.in_words +
        (event.status !== "happened" ? " (" + event.status + ")" : "")
    }, parent);
    text("title", null, event.label + "\n" + capital(event.in_words) + " · " + event.type_label +
      (event.status !== "happened" ? " · " + event.status : ""), group);
    var middle = top + ROW / 2;
    var hitFrom = item.showLabel ? item.ext0 : Math.max(item.x0, plotLeft);
    var hitTo = item.showLabel ? item.ext1 : item.x1;
    node("rect", { x: hitFrom - 2, y: top + 1, width: Math.max(8, hitTo - hitFrom + 4), height: ROW - 2,
      "class": "hit" }, group);
    if (item.exact) {
      var cx = (item.x0 + item.x1) / 2;
      node("circle", { cx: cx, cy: middle, r: 9, "class": "focus-ring" }, group);
      node("circle", { cx: cx, cy: middle, r: 5.5, "class": "mark point" }, group);
    } else {
      var bandWidth = Math.max(4, item.x1 - item.rawX0);
      node("rect", { x: item.rawX0 - 3, y: middle - 9, width: bandWidth + 6, height: 18, rx: 4, "class": "focus-ring" }, group);
      node("rect", { x: item.rawX0, y: middle - 6, width: bandWidth, height: 12, rx: 2, "class": "mark band" }, group);
      if (event.status === "ongoing") {
        var end = item.rawX0 + bandWidth;
        node("path", { d: "M" + end + " " + (middle - 7) + " L" + (end + 7) + " " + middle + " L" + end + " " + (middle + 7) + " Z",
          "class": "ongoing-arrow" }, group);
      }
    }
    if (item.showLabel) {
      text("text", { x: item.labelX, y: middle + 4, "class": "label", "text-anchor": item.anchor }, item.labelText, group);
    }
  }

  function drawCluster(parent, cluster, top, lane, dayAtX) {
    // The cluster zooms to where its events crowd the view (not to the whole of long bands).
    var count = cluster.items.length;
    var label = "+" + count;
    var w = Math.max(26, label.length * 7 + 12);
    var cx = Math.max((cluster.x0 + cluster.x1) / 2, LABEL_WIDTH + w / 2 + 2);
    var first = Math.floor(Math.max(state.from, dayAtX(Math.max(cluster.x0, LABEL_WIDTH))));
    var last = Math.ceil(Math.min(state.to - 1, dayAtX(cluster.x1)));
    var group = node("g", { "class": "tl-cluster", role: "button", tabindex: "0",
      "data-from": first, "data-to": last,
      "aria-label": count + (count === 1 ? " more event in " : " more events in ") + capital(lane.label) +
        " between " + words(first) + " and " + words(last) + ": zoom in" }, parent);
    text("title", null, count + (count === 1 ? " more event, " : " more events, ") + words(first) + " – " +
      words(last) + " (select to zoom in)", group);
    node("rect", { x: cx - w / 2, y: top + 3, width: w, height: ROW - 6, rx: (ROW - 6) / 2 }, group);
    text("text", { x: cx, y: top + ROW / 2 + 4 }, label, group);
  }

  function drawBuckets(parent, x, laneTops) {
    var max = 1;
    data.buckets.forEach(function (bucket) { max = Math.max(max, bucket.count); });
    data.buckets.forEach(function (bucket) {
      var index = laneOf(bucket.lane);
      if (index === -1) { return; }
      var start = dayOf(bucket.start), end = dayOf(bucket.end) + 1;
      if (end < state.from || start > state.to) { return; }
      var x0 = x(start), x1 = x(end);
      var barHeight = Math.max(2, Math.sqrt(bucket.count / max) * (BAR_LANE - 6));
      var bottom = laneTops[index] + LANE_PAD + BAR_LANE - 4;
      var lane = data.lanes[index];
      var group = node("g", { "class": "tl-bar-group", "data-from": start, "data-to": end - 1,
        "data-type": data.lanes_by === "type" ? lane.key : "", tabindex: "-1" }, parent);
      text("title", null, capital(lane.label) + ": " + bucket.count + " event" + (bucket.count === 1 ? "" : "s") +
        ", " + words(start) + " – " + words(end - 1) + " (select to zoom in)", group);
      node("rect", { x: x0 + 0.5, y: bottom - barHeight, width: Math.max(1, x1 - x0 - 1), height: barHeight,
        "class": "tl-bar" }, group);
    });
  }

  // --- the rest of the page: status, facets, table ------------------------------------------------

  function renderAll() {
    requestRender();
    renderStatus();
    renderFacets();
    renderTable();
  }

  function renderStatus() {
    var total = data.total;
    var message = total + " event" + (total === 1 ? "" : "s") + " in this window";
    if (data.mode === "aggregate") {
      message += "; counted per " + data.unit + ", too many to draw one by one (zoom in to see each event)";
    }
    message += " · lanes by " + (data.lanes_by === "actor" ? "actor" : "event type") + ".";
    statusLine.textContent = message;
  }

  function renderFacets() {
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
          swatch.className = "swatch"; swatch.setAttribute("data-type", value.id);
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
    form.elements.from.value = isoOf(Math.floor(state.from));
    form.elements.to.value = isoOf(Math.ceil(state.to) - 1);
  }

  var pageViewKey = viewKey();
  function viewKey() {
    return [Math.floor(state.from), Math.ceil(state.to), filterKey()].join("|");
  }

  function renderTable() {
    if (data.mode === "aggregate" && viewKey() === pageViewKey) {
      return;  // the server's table of this very view, page by page, is already there
    }
    pageViewKey = null;
    var rows = document.createDocumentFragment();
    var from = dayOf(data.earliest), to = dayOf(data.latest);
    var inWindow = (data.events || []).filter(function (event) {
      return dayOf(event.latest) >= from && dayOf(event.earliest) <= to;
    });
    if (data.mode === "events") {
      inWindow.forEach(function (event) { rows.appendChild(tableRow(event)); });
      tableSummary.textContent = inWindow.length ?
        "Showing all " + inWindow.length + ", ordered by the earliest day each could be." :
        "No event matches these filters in this window.";
      pager.replaceChildren();
    } else {
      var row = document.createElement("tr");
      var cell = document.createElement("td");
      cell.colSpan = 4;
      cell.appendChild(document.createTextNode(data.total + " events in this window: zoom in or filter to list them here, or "));
      var link = document.createElement("a");
      link.href = viewUrl({ page: "1" });
      link.textContent = "list them page by page";
      cell.appendChild(link);
      cell.appendChild(document.createTextNode("."));
      row.appendChild(cell);
      rows.appendChild(row);
      tableSummary.textContent = "";
      pager.replaceChildren();
    }
    tableBody.replaceChildren(rows);
  }

  function tableRow(event) {
    var row = document.createElement("tr");
    row.setAttribute("data-event", event.id);
    row.className = (event.earliest === event.latest ? "exact" : "uncertain") +
      (event.id === state.event ? " selected" : "");
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

  // --- the selected event ---------------------------------------------------------------------

  function select(id, options) {
    options = options || {};
    state.event = id || "";
    writeUrl();
    markSelected();
    requestRender();
    if (!id) {
      details.replaceChildren(hint());
      return;
    }
    var show = function (page) {
      if (state.event !== id) { return; }
      details.replaceChildren(renderDetails(page));
      details.scrollTop = 0;
      if (options.reveal) { showDay(dayOf(page.date.earliest), dayOf(page.date.latest)); }
      if (options.focusDetails) { details.focus({ preventScroll: true }); }
    };
    if (detailCache[id]) { show(detailCache[id]); return; }
    fetch(root + "event/" + encodeURIComponent(id) + ".json", { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (page) {
        if (!page.ok) { details.replaceChildren(errorNote(page.error)); return; }
        detailCache[id] = page;
        show(page);
      })
      .catch(function (error) { details.replaceChildren(errorNote(error.message)); });
  }

  function markSelected() {
    canvas.querySelectorAll(".tl-item").forEach(function (item) {
      item.classList.toggle("selected", item.getAttribute("data-event") === state.event);
    });
    tableBody.querySelectorAll("tr[data-event]").forEach(function (row) {
      row.classList.toggle("selected", row.getAttribute("data-event") === state.event);
    });
  }

  function hint() {
    var box = document.createElement("div");
    box.className = "details-hint";
    append(box, "h2", "", "Select an event");
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
    return ref.kind === "external" ? ref.iri : root + ref.kind + "/" + ref.id.split("/").map(encodeURIComponent).join("/");
  }

  function renderDetails(page) {
    var article = document.createElement("article");
    article.className = "event-details";
    article.setAttribute("data-event-id", page.id);
    var kicker = append(article, "p", "kicker", "");
    var chip = append(kicker, "span", "type-chip", "");
    chip.setAttribute("data-type", page.type);
    append(chip, "span", "swatch", "").setAttribute("aria-hidden", "true");
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

  // --- input: mouse, wheel, touch, keyboard, form -------------------------------------------------

  function dayAt(clientX) {
    var box = canvas.getBoundingClientRect();
    var plotWidth = box.width - LABEL_WIDTH - 8;
    return state.from + (clientX - box.left - LABEL_WIDTH) / plotWidth * (state.to - state.from);
  }

  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
    var delta = event.deltaMode === 1 ? (horizontal ? event.deltaX : event.deltaY) * 16 :
      (horizontal ? event.deltaX : event.deltaY);
    if (horizontal || event.shiftKey) {
      pan(delta / Math.max(200, canvas.clientWidth - LABEL_WIDTH));
    } else {
      zoom(Math.exp(clamp(delta, -300, 300) * 0.0022), dayAt(event.clientX));
    }
  }, { passive: false });

  var drag = null;
  canvas.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) { return; }
    drag = { x: event.clientX, from: state.from, to: state.to, moved: false, id: event.pointerId };
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drag || drag.id !== event.pointerId) { return; }
    var dx = event.clientX - drag.x;
    if (!drag.moved && Math.abs(dx) < 4) { return; }
    if (!drag.moved) {
      drag.moved = true;
      canvas.classList.add("dragging");
      canvas.setPointerCapture(event.pointerId);
    }
    var plotWidth = canvas.clientWidth - LABEL_WIDTH - 8;
    var shift = -dx / plotWidth * (drag.to - drag.from);
    state.from = drag.from + shift;
    state.to = drag.to + shift;
    requestRender();
  });
  function endDrag(event) {
    if (!drag || drag.id !== event.pointerId) { return; }
    var moved = drag.moved;
    drag = null;
    canvas.classList.remove("dragging");
    if (moved) {
      writeUrl();
      if (!covered()) { scheduleFetch(0); }
      canvas.addEventListener("click", swallow, { capture: true, once: true });
    }
  }
  function swallow(event) { event.stopPropagation(); event.preventDefault(); }
  canvas.addEventListener("pointerup", endDrag);
  canvas.addEventListener("pointercancel", endDrag);

  canvas.addEventListener("click", function (event) {
    var item = event.target.closest(".tl-item");
    if (item) { select(item.getAttribute("data-event")); item.focus({ preventScroll: true }); return; }
    var zoomable = event.target.closest(".tl-cluster, .tl-bar-group");
    if (zoomable) { zoomTo(zoomable); }
  });

  function zoomTo(element) {
    // Zoom to a cluster's or a bar's days; at least halve the span, so a selection always zooms in.
    var first = +element.getAttribute("data-from"), last = +element.getAttribute("data-to") + 1;
    var room = Math.max(1, (last - first) * 0.15);
    if (last - first + 2 * room > (state.to - state.from) * 0.5) {
      zoom(0.5, (first + last) / 2);
    } else {
      setWindow(first - room, last + room, true);
    }
  }

  function focusEvent(id) {
    var target = canvas.querySelector('.tl-item[data-event="' + cssEscape(id) + '"][tabindex="0"]');
    if (target) { target.focus({ preventScroll: true }); }
    return target;
  }

  function step(currentId, direction) {
    var order = eventOrder();
    var index = -1;
    for (var i = 0; i < order.length; i++) { if (order[i].id === currentId) { index = i; break; } }
    var next = order[index + direction];
    if (!next) { return; }
    if (!focusEvent(next.id) || showDay(dayOf(next.earliest), dayOf(next.latest))) {
      showDay(dayOf(next.earliest), dayOf(next.latest));
      window.requestAnimationFrame(function () {
        window.requestAnimationFrame(function () { focusEvent(next.id); });
      });
    }
  }

  canvas.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var item = event.target.closest && event.target.closest(".tl-item");
    var zoomable = event.target.closest && event.target.closest(".tl-cluster");
    var key = event.key;
    if (item && (key === "Enter" || key === " ")) {
      event.preventDefault();
      select(item.getAttribute("data-event"), { focusDetails: key === "Enter" && event.shiftKey });
    } else if (zoomable && (key === "Enter" || key === " ")) {
      event.preventDefault(); zoomTo(zoomable);
    } else if (item && !event.shiftKey && (key === "ArrowRight" || key === "ArrowDown")) {
      event.preventDefault(); step(item.getAttribute("data-event"), 1);
    } else if (item && !event.shiftKey && (key === "ArrowLeft" || key === "ArrowUp")) {
      event.preventDefault(); step(item.getAttribute("data-event"), -1);
    } else if (key === "ArrowLeft") {
      event.preventDefault(); pan(-0.2);
    } else if (key === "ArrowRight") {
      event.preventDefault(); pan(0.2);
    } else if (key === "+" || key === "=") {
      event.preventDefault(); zoom(1 / 1.5);
    } else if (key === "-" || key === "_") {
      event.preventDefault(); zoom(1.5);
    } else if (key === "0" || key === "Home") {
      event.preventDefault(); fit();
    } else if (key === "Escape") {
      select("");
    }
  });

  document.getElementById("toolbar").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) { return; }
    var action = button.getAttribute("data-action");
    if (action === "zoom-in") { zoom(1 / 1.5); }
    else if (action === "zoom-out") { zoom(1.5); }
    else if (action === "pan-left") { pan(-0.25); }
    else if (action === "pan-right") { pan(0.25); }
    else if (action === "fit") { fit(); }
  });
  document.getElementById("toolbar").hidden = false;

  // Links that select an event (table rows, related events) select it in place.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    var link = event.target.closest && event.target.closest("a.event-link[data-event]");
    if (!link || !app.contains(link)) { return; }
    event.preventDefault();
    var inDetails = details.contains(link);
    select(link.getAttribute("data-event"), { reveal: true, focusDetails: inDetails });
  });

  function readForm() {
    var values = new FormData(form);
    state.lanes = values.get("lanes") || "type";
    ["actor", "type", "source", "status"].forEach(function (name) { state[name] = values.getAll(name); });
    state.q = (values.get("q") || "").trim();
  }

  form.addEventListener("change", function (event) {
    var name = event.target.name;
    if (name === "from" || name === "to") {
      var from = form.elements.from.value, to = form.elements.to.value;
      if (from && to && from <= to) { setWindow(dayOf(from), dayOf(to) + 1, true); }
      return;
    }
    if (name === "q") { return; }
    readForm();
    writeUrl();
    scheduleFetch(0);
  });
  var typing = null;
  form.elements.q.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { readForm(); writeUrl(); scheduleFetch(0); }, 300);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    readForm(); writeUrl(); scheduleFetch(0);
  });

  window.addEventListener("resize", requestRender);

  // --- start: draw what the page came with ---------------------------------------------------------

  renderStatus();
  timedDraw();
  if (data.mode === "events") {
    // The page's events cover exactly the window; fetch a margin around it, to pan without waiting.
    scheduleFetch(400);
  }
  function configure(options) {
    // Change the layout's limits (tests use it to make a small window dense); redraws.
    if (options.maxRows) { MAX_ROWS = options.maxRows; }
    requestRender();
  }

  window.negotiationTimeline = { state: state, zoom: zoom, pan: pan, fit: fit, select: select,
    configure: configure, data: function () { return data; }, drawTimes: drawTimes };
}());
