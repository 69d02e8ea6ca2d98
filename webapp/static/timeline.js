/* The timeline: one component for the home page, the actor pages and the query page.
 *
 * Plain JavaScript and SVG, nothing fetched from elsewhere, nothing inline (the pages are served
 * under a Content-Security-Policy without 'unsafe-inline'): text from the data only ever goes into
 * the page through textContent or setAttribute.
 *
 * createTimeline(host, options) draws a chart into ``host``: a sticky axis, lanes of events (or of
 * counts per bucket when a window holds too many), an overview strip with the visible window, a
 * toolbar and a legend. The home page (bottom of this file) adds the filters, the table, the details
 * sheet and the URL; the other pages embed the chart from JSON in the page or from /timeline.json.
 */
(function () {
  "use strict";

  if (!window.fetch || !document.createElementNS) { return; }
  document.documentElement.classList.add("js");

  var SVG = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var AXIS_HEIGHT = 42;
  var ROW = 22;               // one row of items in a lane
  var LANE_PAD = 5;
  var LANE_HEAD = 17;         // narrow screens: the lane's name on a line of its own
  var BAR_LANE = 38;          // a lane's height when counts are drawn
  var OVERVIEW_HEIGHT = 34;
  var MIN_SPAN = 3, MAX_SPAN = 366 * 60;
  var FONT_SIZE = 12;
  var WRAP_LINES = 4;         // narrow screens: a label may take this many lines
  var REACH = 1;              // items drawn past each edge (a share of the span): a pan of up to a view's
                              // width either way slides what is drawn, with no layout until it rests
  var families = readFamilies();
  var pending = 0;            // fetches under way, and checks of pending work (tests and benchmarks wait on them)
  var idleChecks = [];
  function track(promise) {
    pending += 1;
    var done = function () { pending -= 1; };
    promise.then(done, done);
    return promise;
  }
  function idle() {
    return pending === 0 && idleChecks.every(function (check) { return check(); });
  }

  // --- days --------------------------------------------------------------------------------------

  function dayOf(iso) {
    var parts = String(iso).split("-");
    return Math.round(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / DAY_MS);
  }
  function isoOf(day) { return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10); }
  function words(day) {
    var date = new Date(Math.floor(day) * DAY_MS);
    return date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }
  function today() { return Math.floor(Date.now() / DAY_MS); }
  function clamp(value, low, high) { return Math.max(low, Math.min(high, value)); }
  function capital(label) { return label.charAt(0).toUpperCase() + label.slice(1); }
  function cssEscape(value) { return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/"/g, '\\"'); }

  // --- families of event types: colour (CSS, [data-family]) and shape (drawn here) -----------------

  function readFamilies() {
    var node = document.getElementById("tl-families");
    try { return node ? JSON.parse(node.textContent) : { families: [], types: {} }; }
    catch (error) { return { families: [], types: {} }; }
  }
  function familyOf(type) { return families.types[type] || { family: "other", shape: "ring", shade: "0" }; }
  function markAttributes(element, type) {
    var family = familyOf(type);
    element.setAttribute("data-type", type);
    element.setAttribute("data-family", family.family);
    element.setAttribute("data-shade", family.shade);
  }

  function shapePath(shape, cx, cy, r) {
    // A closed path for each family's shape, about 2r across, centred on (cx, cy).
    var d;
    if (shape === "diamond") {
      r *= 1.2;
      d = ["M", cx, cy - r, "L", cx + r, cy, "L", cx, cy + r, "L", cx - r, cy, "Z"];
    } else if (shape === "square") {
      r *= 0.9;
      d = ["M", cx - r, cy - r, "H", cx + r, "V", cy + r, "H", cx - r, "Z"];
    } else if (shape === "triangle") {
      r *= 1.2;
      d = ["M", cx, cy - r, "L", cx + r, cy + r * 0.8, "L", cx - r, cy + r * 0.8, "Z"];
    } else if (shape === "cross") {
      var a = r * 0.38;
      d = ["M", cx - a, cy - r, "H", cx + a, "V", cy - a, "H", cx + r, "V", cy + a, "H", cx + a, "V", cy + r,
        "H", cx - a, "V", cy + a, "H", cx - r, "V", cy - a, "H", cx - a, "Z"];
    } else if (shape === "star") {
      d = [];
      for (var i = 0; i < 10; i++) {
        var radius = i % 2 ? r * 0.5 : r * 1.2, angle = Math.PI / 5 * i - Math.PI / 2;
        d.push(i ? "L" : "M", (cx + radius * Math.cos(angle)).toFixed(2), (cy + radius * Math.sin(angle)).toFixed(2));
      }
      d.push("Z");
    } else {  // circle, and the ring of types without a family
      d = ["M", cx - r, cy, "A", r, r, 0, 1, 0, cx + r, cy, "A", r, r, 0, 1, 0, cx - r, cy, "Z"];
    }
    return d.join(" ");
  }

  // --- SVG helpers ---------------------------------------------------------------------------------

  function node(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    if (attributes) {
      for (var key in attributes) {
        if (Object.prototype.hasOwnProperty.call(attributes, key)) { element.setAttribute(key, attributes[key]); }
      }
    }
    if (parent) { parent.appendChild(element); }
    return element;
  }
  function text(attributes, content, parent) {
    var element = node("text", attributes, parent);
    element.textContent = content;
    return element;
  }
  function html(tag, className, content, parent) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (content) { element.textContent = content; }
    if (parent) { parent.appendChild(element); }
    return element;
  }

  // --- drawn elements kept between redraws: an attribute or a text is written only when it changes ------

  function rounded(value) { return typeof value === "number" ? String(Math.round(value * 10) / 10) : String(value); }
  function attr(element, key, value) {
    var written = element.written || (element.written = {});
    var textValue = rounded(value);
    if (written[key] !== textValue) { element.setAttribute(key, textValue); written[key] = textValue; }
  }
  function attrs(element, attributes) {
    for (var key in attributes) {
      if (Object.prototype.hasOwnProperty.call(attributes, key)) { attr(element, key, attributes[key]); }
    }
  }
  function content(element, words) {
    if (element.shown !== words) { element.textContent = words; element.shown = words; }
  }

  function Keyed(parent, tag) {
    // Elements of ``parent`` keyed by what they draw (an event in a lane, a bucket): a redraw takes
    // the elements it needs (made when new), then done() removes the others and puts the kept ones in
    // the order they were taken, moving only those out of place (so the focus stays where it is).
    this.parent = parent; this.tag = tag; this.nodes = new Map(); this.taken = [];
  }
  Keyed.prototype.take = function (key) {
    var element = this.nodes.get(key);
    if (!element) { element = document.createElementNS(SVG, this.tag); this.nodes.set(key, element); }
    element.kept = true;
    this.taken.push(element);
    return element;
  };
  Keyed.prototype.done = function () {
    var parent = this.parent, nodes = this.nodes;
    nodes.forEach(function (element, key) {
      if (!element.kept) { element.remove(); nodes.delete(key); }
      element.kept = false;
    });
    var cursor = parent.firstChild;
    this.taken.forEach(function (element) {
      if (element === cursor) { cursor = cursor.nextSibling; } else { parent.insertBefore(element, cursor); }
    });
    this.taken = [];
  };

  function Pool(parent) {
    // Elements without an identity of their own (ticks, axis labels): the n-th drawn reuses the n-th kept.
    this.parent = parent; this.used = 0;
  }
  Pool.prototype.add = function (tag, attributes, words) {
    var element = this.parent.childNodes[this.used];
    if (!element || element.localName !== tag) {
      var fresh = document.createElementNS(SVG, tag);
      if (element) { this.parent.replaceChild(fresh, element); } else { this.parent.appendChild(fresh); }
      element = fresh;
    }
    this.used += 1;
    attrs(element, attributes);
    if (words !== undefined) { content(element, words); }
    return element;
  };
  Pool.prototype.done = function () {
    while (this.parent.childNodes.length > this.used) { this.parent.lastChild.remove(); }
    this.used = 0;
  };

  // The parts of one drawn item, in painting order; an item's part is made when first needed.
  var PARTS = ["hit", "band", "point", "glyph", "arrow", "ring", "strike", "label"];
  function part(group, name, tag, className) {
    var parts = group.parts || (group.parts = {});
    if (!parts[name]) {
      var element = document.createElementNS(SVG, tag);
      if (className) { attr(element, "class", className); }
      var before = null;
      for (var i = PARTS.indexOf(name) + 1; i > 0 && i < PARTS.length && !before; i++) { before = parts[PARTS[i]] || null; }
      group.insertBefore(element, before);
      parts[name] = element;
    }
    return parts[name];
  }
  function dropPart(group, name) {
    var parts = group.parts;
    if (parts && parts[name]) { parts[name].remove(); delete parts[name]; }
  }

  var measureContext = document.createElement("canvas").getContext("2d");
  var fontFamily = window.getComputedStyle(document.body).fontFamily || "sans-serif";
  var widths = {};
  function textWidth(label, bold) {
    var key = (bold ? "b" : "n") + label;
    if (widths[key] === undefined) {
      if (!measureContext) { return label.length * 6.6; }
      measureContext.font = (bold ? "700 " : "400 ") + FONT_SIZE + "px " + fontFamily;
      widths[key] = Math.ceil(measureContext.measureText(label).width) + 2;
    }
    return widths[key];
  }

  // --- the axis: minor ticks with labels, major ticks (months or years) above them ------------------

  function ticks(from, to, pxPerDay) {
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
      if (days[units[i].kind] * units[i].step * pxPerDay >= 48) { unit = units[i]; break; }
    }
    var minor = [], major = [];
    var start = new Date(Math.floor(from) * DAY_MS), day, date, guard = 0;
    if (unit.kind === "day" || unit.kind === "week") {
      day = Math.floor(from);
      if (unit.kind === "week") { day -= (new Date(day * DAY_MS).getUTCDay() + 6) % 7; }
      for (; day <= to && guard < 2000; day += (unit.kind === "week" ? 7 : 1) * unit.step, guard++) {
        minor.push({ day: day, label: String(new Date(day * DAY_MS).getUTCDate()) });
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

  // --- the default window: where the data are dense, or all of it ---------------------------------

  function denseWindow(spans) {
    // spans: [{start, end, weight}] in days (end exclusive). The shortest window holding 70% of the
    // weight of the short spans, when it is under a third of the whole; otherwise the whole extent.
    if (!spans.length) { return null; }
    var first = Infinity, last = -Infinity;
    spans.forEach(function (span) { first = Math.min(first, span.start); last = Math.max(last, span.end); });
    var extent = Math.max(1, last - first);
    var room = Math.max(1, extent / 40);
    var whole = { from: first - room, to: last + room };
    var points = spans.filter(function (span) { return span.end - span.start <= extent / 4; })
      .map(function (span) { return { at: (span.start + span.end) / 2, weight: span.weight }; })
      .sort(function (a, b) { return a.at - b.at; });
    var total = 0;
    points.forEach(function (point) { total += point.weight; });
    if (total < 8) { return whole; }
    var best = null, sum = 0, low = 0;
    for (var high = 0; high < points.length; high++) {
      sum += points[high].weight;
      while (sum - points[low].weight >= total * 0.7) { sum -= points[low].weight; low++; }
      if (sum >= total * 0.7 && (!best || points[high].at - points[low].at < best.to - best.from)) {
        best = { from: points[low].at, to: points[high].at };
      }
    }
    if (!best) { return whole; }
    var span = Math.max(best.to - best.from, 21, extent / 60);
    if (span > extent / 3) { return whole; }
    var middle = (best.from + best.to) / 2, pad = span * 0.2;
    return { from: middle - span / 2 - pad, to: middle + span / 2 + pad };
  }

  function prepare(data) {
    // Days as numbers, and the words each mark needs, computed once per payload (not per frame).
    if (!data || data.prepared) { return data; }
    (data.events || []).forEach(function (event) {
      event.start = dayOf(event.earliest);
      event.end = dayOf(event.latest) + 1;
      event.exactDay = event.earliest === event.latest;
      event.accessibleName = event.label + ", " + event.type_label + ", " + event.in_words +
        (event.status !== "happened" ? " (" + event.status + ")" : "");
      event.tooltip = event.label + "\n" + capital(event.in_words) + " · " + event.type_label +
        (event.status !== "happened" ? " · " + event.status : "");
    });
    (data.buckets || []).forEach(function (bucket) {
      bucket.startDay = dayOf(bucket.start);
      bucket.endDay = dayOf(bucket.end) + 1;
    });
    data.prepared = true;
    return data;
  }

  function spansOf(data) {
    prepare(data);
    if (!data.spans) {
      data.spans = data.mode === "events" ?
        (data.events || []).map(function (event) { return { start: event.start, end: event.end, weight: 1 }; }) :
        (data.buckets || []).map(function (bucket) {
          return { start: bucket.startDay, end: bucket.endDay, weight: bucket.count };
        });
    }
    return data.spans;
  }

  // --- the component ---------------------------------------------------------------------------------

  function createTimeline(host, options) {
    var data = prepare(options.data);
    var load = options.load || null;          // (from, to, margin) -> Promise of /timeline.json's shape
    var state = { from: 0, to: 1, event: options.event || "", focus: "" };
    var maxRows = options.maxRows || 12;
    var drawTimes = [];
    var last = null;                           // what the last draw laid out
    var overview = options.overview || null;   // {spans, first, last}
    var fetched = { from: -Infinity, to: Infinity };
    var name = options.name || "Timeline";

    host.classList.add("tlc");
    host.replaceChildren();
    var axisBox = html("div", "tlc-axis", "", host);
    axisBox.setAttribute("aria-hidden", "true");
    var lanesBox = html("div", "tlc-lanes", "", host);
    lanesBox.setAttribute("role", "group");
    lanesBox.setAttribute("aria-label", name + ": arrow keys move between events in date order, " +
      "Enter opens one, plus and minus zoom, Shift with the arrows pans, question mark lists the keys");
    var overviewBox = html("div", "tlc-overview", "", host);
    overviewBox.setAttribute("aria-hidden", "true");  // a pointer's shortcut: the toolbar does the same
    var bar = html("div", "tlc-bar", "", host);
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", name + ": zoom, pan and export");
    var legend = html("div", "tlc-legend", "", host);
    var caption = html("p", "tlc-caption", "", host);
    caption.setAttribute("aria-live", "polite");
    if (options.hideCaption) { caption.hidden = true; }
    buildBar();
    buildLegend();

    // -- window

    function setWindow(from, to, immediate) {
      var span = clamp(to - from, MIN_SPAN, MAX_SPAN);
      var middle = (from + to) / 2;
      state.from = middle - span / 2;
      state.to = middle + span / 2;
      changed(immediate);
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
      var window = overview ? denseWindow(overview.spans.map(function (span) {
        return { start: span.start, end: span.end, weight: 0 };
      })) : null;
      var spans = overview ? overview.spans : spansOf(data);
      if (!spans.length) { return; }
      var first = Infinity, lastDay = -Infinity;
      spans.forEach(function (span) { first = Math.min(first, span.start); lastDay = Math.max(lastDay, span.end); });
      var room = Math.max(1, (lastDay - first) / 40);
      window = { from: first - room, to: lastDay + room };
      setWindow(window.from, window.to, true);
    }
    function focusDense() {
      var spans = overview ? overview.spans : spansOf(data);
      var window = denseWindow(spans);
      if (window) { setWindow(window.from, window.to, true); }
    }
    function showDay(day, lastDay) {
      var span = state.to - state.from;
      var end = lastDay === undefined ? day + 1 : lastDay + 1;
      if (end > state.from && day < state.to) { return false; }  // already in view, if only in part
      if (end - day > span * 0.9) { setWindow(day - (end - day) * 0.05, end + (end - day) * 0.05, true); }
      else { var middle = (day + end) / 2; setWindow(middle - span / 2, middle + span / 2, true); }
      return true;
    }

    var sheetCover = 0;  // px of the plot's right that a sheet covers: labels are placed left of it
    function keepClear(id, coveredPx) {
      // Pans, when needed, so that event ``id`` (its mark and its label) lies in the part of the chart
      // that a sheet covering ``coveredPx`` at the right leaves in sight, and places labels within
      // that part. keepClear(null, 0) when the sheet closes. True when it moved.
      if (Math.max(0, coveredPx || 0) !== sheetCover) {
        sheetCover = Math.max(0, coveredPx || 0);
        forceLayout = true;
        requestRender();
      }
      var event = null;
      (data.events || []).forEach(function (candidate) { if (candidate.id === id) { event = candidate; } });
      if (!event) { return false; }
      var g = geometry();
      var right = g.plotRight - sheetCover;
      if (right - g.plotLeft < 120) { return false; }  // no room beside the sheet (a bottom sheet's case)
      var x0 = event.exactDay ? g.x(event.start + 0.5) - 7 : g.x(event.start);
      var x1 = event.exactDay ? x0 + 14 : Math.max(g.x(event.end), x0 + 4);
      var labelWidth = textWidth(event.label, true);
      // beside the mark, or for a band starting inside it and running on past its end
      var whole = event.exactDay ? x1 - x0 + 6 + labelWidth : Math.min(x1 - x0 + 6 + labelWidth, Math.max(x1 - x0, 14 + labelWidth));
      if (x0 >= g.plotLeft && x1 <= right && (x0 + whole <= right || x0 - 6 - textWidth(event.label, true) >= g.plotLeft)) {
        return false;
      }
      var target = whole <= right - g.plotLeft ? g.plotLeft + (right - g.plotLeft - whole) / 2 : g.plotLeft + 8;
      var days = (x0 - target) / g.pxPerDay;
      setWindow(state.from + days, state.to + days, true);
      return true;
    }

    // -- loading

    var fetchTimer = null, settleTimer = null, requestNumber = 0;
    function covered() {
      return data.mode === "events" && state.from >= fetched.from && state.to <= fetched.to;
    }
    function changed(immediate) {
      requestRender();
      if (options.onChange) { options.onChange(api); }
      if (load && !covered()) {
        clearTimeout(fetchTimer);
        fetchTimer = setTimeout(function () { fetchTimer = null; reload(); }, immediate ? 0 : 160);
      }
      clearTimeout(settleTimer);
      settleTimer = setTimeout(function () {
        settleTimer = null;
        if (options.onSettle) { options.onSettle(api); }
      }, 350);
    }
    function reload() {
      if (!load) { return Promise.resolve(); }
      clearTimeout(fetchTimer);
      fetchTimer = null;
      var number = ++requestNumber;
      var margin = Math.round((state.to - state.from) / 2);
      var from = Math.floor(state.from), to = Math.ceil(state.to) - 1;
      host.classList.add("loading");
      return track(load(from, to, margin)).then(function (payload) {
        if (number !== requestNumber) { return; }
        host.classList.remove("loading");
        if (!payload || payload.ok === false) {
          caption.textContent = payload ? payload.error : "Could not load the timeline.";
          return;
        }
        data = prepare(payload);
        fetched = payload.mode === "events" ?
          { from: dayOf(payload.earliest) - margin, to: dayOf(payload.latest) + 1 + margin } :
          { from: Infinity, to: -Infinity };
        requestRender();
        if (options.onData) { options.onData(api); }
      }).catch(function (error) {
        if (number !== requestNumber) { return; }
        host.classList.remove("loading");
        caption.textContent = "Could not load the timeline data (" + error.message + ").";
      });
    }
    function setData(payload, window) {
      // New data for this window (events cover it exactly; no margin).
      data = prepare(payload);
      fetched = payload.mode === "events" && window ? { from: window.from, to: window.to } :
        { from: Infinity, to: -Infinity };
      requestRender();
    }
    function setOverview(payload) {
      overview = payload ? { spans: spansOf(payload) } : null;
      requestRender();
    }

    // -- what is visible

    function visibleEvents() {
      var from = Math.floor(state.from), to = Math.ceil(state.to) - 1;
      if (data.mode !== "events") { return null; }
      return order().filter(function (event) {
        return event.end - 1 >= from && event.start <= to;
      });
    }
    var sorted = null, sortedFor = null;
    function order() {
      if (sortedFor !== data) {
        sortedFor = data;
        sorted = (data.events || []).slice().sort(function (a, b) {
          return a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 :
            a.latest < b.latest ? -1 : a.latest > b.latest ? 1 : a.id < b.id ? -1 : 1;
        });
      }
      return sorted;
    }
    function laneIndex() {
      var index = {};
      (data.lanes || []).forEach(function (lane, position) { index[lane.key] = position; });
      return index;
    }

    // -- drawing
    //
    // The SVG is made once; each redraw lays the items out and then updates the elements it already
    // has (keyed by event and lane), adding and removing only what changed. Positions are written in
    // the coordinates of a layer whose origin stays put while only the window moves (a pan), so that
    // a pan is a translation of the layers and the re-layout when it rests rewrites little.

    var frame = null, relayout = null, forceLayout = false, reach = REACH, origin = null;
    var view = buildView();
    function buildView() {
      // Two drawings in the lanes box: the lanes' backgrounds and names, and over them, in a box that
      // clips it to the plot, the plot itself (grid, items, counts). A pan scrolls that box: the
      // browser moves what is drawn without a layout, paint or walk of the SVG while it slides.
      var svg = node("svg", { "class": "tl tl-lanes", role: "presentation" });
      var backs = node("g", null, svg);
      var names = node("g", null, svg);
      var empty = text({ x: 0, y: 34, "class": "tl-empty", display: "none" },
        "No event matches these filters in this window.", svg);
      var window_ = html("div", "tl-plot-window", "", null);
      // The plot sits in a box as wide as what is drawn (the view and the reach on each side); the
      // window scrolls over it (a scroll offset is the one change Chromium applies with no pre-paint
      // walk of the SVG; a CSS transform of the box cost a walk of every item each frame).
      var slider = html("div", "tl-plot-slide", "", window_);
      var plot = node("svg", { "class": "tl tl-plot", role: "presentation" }, slider);
      var gridLayer = node("g", null, plot);
      var bars = node("g", null, plot), items = node("g", null, plot), clusters = node("g", null, plot);
      lanesBox.replaceChildren(svg, window_);
      var axis = node("svg", { "class": "tl tl-axis" });
      axisBox.replaceChildren(axis);
      return { svg: svg, plot: plot, slider: slider, plotWindow: window_, empty: empty,
        backs: new Pool(backs), grid: new Pool(gridLayer), names: new Keyed(names, "g"),
        items: new Keyed(items, "g"), clusters: new Keyed(clusters, "g"), bars: new Keyed(bars, "g"),
        axis: new Pool(axis), axisSvg: axis };
    }
    // The host's width, read when it changes (never after the frame's writes: that would force a layout).
    var measuredWidth = null;
    function hostWidth() {
      if (measuredWidth === null) { measuredWidth = host.clientWidth || 320; }
      return measuredWidth;
    }
    if (window.ResizeObserver) {
      new ResizeObserver(function () {  // called after a layout, so reading the width costs nothing
        var width = host.clientWidth || 320;
        if (width !== measuredWidth) { measuredWidth = width; requestRender(); }
      }).observe(host);
    }
    function requestRender() {
      if (frame) { return; }
      frame = window.requestAnimationFrame(function () { frame = null; timedDraw(); });
    }
    function canSlide() {
      // A pan only (same span, same data and width) within the items drawn past the edges.
      if (!last || last.data !== data || last.width !== hostWidth()) { return false; }
      var span = state.to - state.from;
      return Math.abs(span - (last.to - last.from)) < 1e-6 * span &&
        Math.abs(state.from - last.from) <= span * last.reach;
    }
    function placeLayers(g) {
      // x in the lanes box = x in the plot + shift
      g.shift = (origin.day - state.from) * g.pxPerDay;
    }
    var scrolledTo = 0;  // the plot window's scroll offset, as this code set it
    function scrollPlot(g) {
      // The window shows the plot's x from g.plotLeft on: the plot (at ``view.plotAt`` in the wide box)
      // shows at plotAt - scrollLeft from the window's left, which is to be g.shift - g.plotLeft.
      // Compared with what was set, not read: reading it after this frame's writes would lay out.
      var offset = Math.round(view.plotAt + g.plotLeft - g.shift);
      if (offset !== scrolledTo || view.slider.resized) {
        scrolledTo = offset;
        view.slider.resized = false;
        view.plotWindow.scrollLeft = offset;
      }
    }
    view.plotWindow.addEventListener("scroll", function () {
      // Only a pan moves the plot: undo the browser's own scrolling (say, to show a focused item).
      if (view.plotWindow.scrollLeft !== scrolledTo) { view.plotWindow.scrollLeft = scrolledTo; }
    });
    function slide() {
      var g = geometry();
      placeLayers(g);
      scrollPlot(g);
      last.g = g;
      drawAxis(g, ticks(state.from, state.to, g.pxPerDay));
      moveOverviewWindow(g);
      describe();
      clearTimeout(relayout);
      // Nothing is laid out while the pan goes on (the rows and labels stay as drawn); once it rests,
      // the items are laid out again for the window in view.
      relayout = setTimeout(function () { relayout = null; forceLayout = true; requestRender(); }, 140);
    }
    function timedDraw() {
      var started = window.performance.now();
      if (!forceLayout && canSlide()) {
        slide();
      } else {
        // While the span changes (a zoom), draw only what is in view; at rest, a margin for pans.
        var zooming = !forceLayout && last && Math.abs((state.to - state.from) - (last.to - last.from)) > 1e-6;
        forceLayout = false;
        clearTimeout(relayout);
        relayout = null;
        reach = zooming ? 0.02 : REACH;
        draw();
        if (zooming) { relayout = setTimeout(function () { relayout = null; forceLayout = true; requestRender(); }, 140); }
      }
      drawTimes.push(window.performance.now() - started);
      if (drawTimes.length > 500) { drawTimes.shift(); }
      if (drawTimes.length === 1 && window.performance.mark && options.mark) {
        window.performance.mark(options.mark);
      }
    }

    function geometry() {
      var width = Math.max(280, hostWidth());
      var narrow = width < 640;
      var labelWidth = narrow ? 0 : Math.min(180, Math.round(width * 0.14));
      var plotLeft = labelWidth + 6, plotRight = width - 10;
      var pxPerDay = (plotRight - plotLeft) / (state.to - state.from);
      // Labels are placed within the part of the plot in sight: a sheet may cover its right.
      var labelRight = Math.max(plotLeft + 120, plotRight - sheetCover);
      return { width: width, narrow: narrow, labelWidth: labelWidth, plotLeft: plotLeft, plotRight: plotRight,
        labelRight: labelRight, pxPerDay: pxPerDay, x: function (day) { return plotLeft + (day - state.from) * pxPerDay; } };
    }

    function placeLabel(item, g) {
      // Beside the mark (right, else left), inside a wide band, else shortened (the whole label
      // stays in the tooltip and the accessible name).
      var glyph0 = Math.max(item.x0, item.lo), glyph1 = Math.min(item.x1, item.hi);
      var bold = item.event.id === state.event;
      var width = textWidth(item.label, bold);
      var arrow = item.event.status === "ongoing" && !item.exact ? 8 : 0;
      item.labelText = item.label;
      item.anchor = "start";
      item.whole = true;
      item.lines = null;
      item.rows = 1;
      if (!item.exact && glyph1 - glyph0 >= width + 12) {
        item.labelX = glyph0 + 6; item.ext0 = glyph0; item.ext1 = glyph1 + arrow; item.inside = true; return;
      }
      if (glyph1 + arrow + 6 + width <= item.labelHi) {
        item.labelX = glyph1 + arrow + 6; item.ext0 = glyph0; item.ext1 = item.labelX + width; return;
      }
      if (glyph0 - 6 - width >= item.lo) {
        item.labelX = glyph0 - 6; item.anchor = "end"; item.ext0 = item.labelX - width; item.ext1 = glyph1 + arrow;
        return;
      }
      if (!item.exact && glyph0 + 14 + width <= item.labelHi) {
        // Starting inside the band (its fill is light) and running on past its end.
        item.labelX = glyph0 + 14; item.ext0 = glyph0; item.ext1 = Math.max(glyph1 + arrow, item.labelX + width);
        item.inside = true; return;
      }
      if (g.narrow && wrapLabel(item, g, glyph0, glyph1, arrow, bold)) { return; }
      item.whole = false;
      var right = item.labelHi - glyph1 - arrow - 6, left = glyph0 - 6 - item.lo;
      var room = Math.max(right, left);
      var characters = Math.floor(item.label.length * room / width);
      if (characters < 6) { item.labelText = ""; item.ext0 = glyph0; item.ext1 = glyph1 + arrow; return; }
      // Cut at a word's end, so that the words shown are words of the accessible name.
      var cut = characters;
      do {
        cut = item.label.lastIndexOf(" ", cut - 1);
        item.labelText = cut > 0 ? item.label.slice(0, cut).replace(/[\s,;:.–-]+$/, "") + "…" : "";
        width = textWidth(item.labelText, bold);
      } while (cut > 0 && width > room);
      if (!item.labelText) { item.ext0 = glyph0; item.ext1 = glyph1 + arrow; return; }
      if (right >= left) {
        item.labelX = glyph1 + arrow + 6; item.ext0 = glyph0; item.ext1 = item.labelX + width;
      } else {
        item.labelX = glyph0 - 6; item.anchor = "end"; item.ext0 = item.labelX - width; item.ext1 = glyph1 + arrow;
      }
    }

    function wrapLabel(item, g, glyph0, glyph1, arrow, bold) {
      // Narrow screens: the whole label on two lines, on the side with the most room.
      var sides = [{ x: glyph1 + arrow + 6, room: item.labelHi - glyph1 - arrow - 6, anchor: "start" },
        { x: glyph0 - 6, room: glyph0 - 6 - item.lo, anchor: "end" }];
      if (!item.exact) { sides.push({ x: glyph0 + 14, room: item.labelHi - glyph0 - 14, anchor: "start", inside: true }); }
      sides.sort(function (a, b) { return b.room - a.room; });
      var side = null, lines = null, width = 0;
      // Each line but the last ends in a space (the words stay apart in the text read out): it is
      // measured too, since it takes room (at the left, with the text anchored at its end).
      var space = textWidth(" ", bold);
      for (var s = 0; s < sides.length && !lines; s++) { side = sides[s]; lines = wrapped(item.label, side.room - space, bold); }
      if (!lines) { return false; }
      lines.forEach(function (text, number) {
        width = Math.max(width, textWidth(text, bold) + (number < lines.length - 1 ? space : 0));
      });
      item.lines = lines;
      item.rows = lines.length;
      item.labelX = side.x;
      item.anchor = side.anchor;
      item.inside = !!side.inside;
      if (side.anchor === "start") { item.ext0 = glyph0; item.ext1 = Math.max(glyph1 + arrow, side.x + width); }
      else { item.ext0 = side.x - width; item.ext1 = glyph1 + arrow; }
      return true;
    }

    function wrapped(label, room, bold) {
      // The label's words in at most WRAP_LINES lines of ``room`` px, or null.
      var words = label.split(" "), lines = [], line = "";
      for (var w = 0; w < words.length; w++) {
        var longer = line ? line + " " + words[w] : words[w];
        if (textWidth(longer, bold) <= room) { line = longer; continue; }
        if (!line || lines.length === WRAP_LINES - 1) { return null; }
        lines.push(line);
        line = words[w];
        if (textWidth(line, bold) > room) { return null; }
      }
      lines.push(line);
      return lines;
    }

    function freeRow(rowsEnd, from, rows) {
      // The first row from which ``rows`` rows are free at ``from`` (new rows up to the limit).
      for (var r = 0; r + rows <= maxRows; r++) {
        var free = true;
        for (var k = r; k < r + rows; k++) { if (k < rowsEnd.length && rowsEnd[k] > from) { free = false; break; } }
        if (free) { return r; }
      }
      return -1;
    }

    function layoutLane(items, g) {
      // Rows stacked as vis-timeline does: an item takes the first row where it fits with its
      // label, then without it; what fits in no row is gathered into clusters of their own row.
      var rowsEnd = [], placed = [], overflow = [];
      items.forEach(function (item) { placeLabel(item, g); });
      items.sort(function (a, b) { return a.ext0 - b.ext0 || a.x0 - b.x0; });
      items.forEach(function (item) {
        var row = freeRow(rowsEnd, item.ext0, item.rows), r;
        if (row !== -1) {
          for (r = row; r < row + item.rows; r++) {
            while (rowsEnd.length <= r) { rowsEnd.push(-Infinity); }
            rowsEnd[r] = item.ext1 + 10;
          }
          item.row = row; item.showLabel = !!item.labelText; placed.push(item); return;
        }
        item.rows = 1;
        item.lines = null;
        var glyph0 = Math.max(item.x0, item.lo);
        for (r = 0; r < rowsEnd.length; r++) { if (rowsEnd[r] <= glyph0) { row = r; break; } }
        if (row !== -1) {
          rowsEnd[row] = item.x1 + 4;
          item.row = row; item.showLabel = false; placed.push(item); return;
        }
        overflow.push(item);
      });
      var clusters = [];
      overflow.sort(function (a, b) { return a.x0 - b.x0; }).forEach(function (item) {
        var previous = clusters[clusters.length - 1];
        if (previous && item.x0 <= previous.x1 + 24) {
          previous.items.push(item); previous.x1 = Math.max(previous.x1, item.x1);
        } else {
          clusters.push({ x0: item.x0, x1: item.x1, items: [item] });
        }
      });
      return { rows: Math.max(1, rowsEnd.length) + (clusters.length ? 1 : 0), placed: placed,
        clusters: clusters, clusterRow: rowsEnd.length };
    }

    function draw() {
      var g = geometry();
      var span = state.to - state.from;
      // What is drawn reaches past each edge of the plot (a pan slides it into view). An item in view is
      // laid out within the plot (its label whole in sight); one beyond an edge, within the reach on its
      // side, so that its label stays out of sight until a pan brings it in.
      var reachPx = span * reach * g.pxPerDay;
      g.drawLeft = g.plotLeft - reachPx;
      g.drawRight = g.plotRight + reachPx;
      var lanes = data.lanes || [];
      var layouts = [], laneTops = [], y = 0;
      var head = g.narrow ? LANE_HEAD : 0;
      var stats = { items: 0, whole: 0 };
      if (data.mode === "events") {
        var index = laneIndex();
        var byLane = lanes.map(function () { return []; });
        var firstCopy = {};
        order().forEach(function (event) {
          var start = event.start, end = event.end;
          if (end < state.from - span * reach || start > state.to + span * reach) { return; }
          var exact = event.exactDay;
          var x0 = exact ? g.x(start + 0.5) - 7 : g.x(start);
          var x1 = exact ? g.x(start + 0.5) + 7 : Math.max(g.x(end), g.x(start) + 4);
          var visible = end > state.from && start < state.to;
          var after = !visible && start >= state.to;  // beyond the right edge (else, when not visible, the left)
          var lo = visible ? g.plotLeft : after ? g.plotRight : g.drawLeft;
          var hi = visible ? g.plotRight : after ? g.drawRight : g.plotLeft;
          (event.lanes || []).forEach(function (key) {
            var position = index[key];
            if (position === undefined) { return; }
            byLane[position].push({ event: event, exact: exact, x0: Math.max(x0, lo - 2), x1: x1,
              rawX0: x0, label: event.label, first: !firstCopy[event.id], lane: key, visible: visible,
              lo: lo, hi: hi, labelHi: visible ? g.labelRight : hi });
            firstCopy[event.id] = true;
          });
        });
        lanes.forEach(function (lane, position) {
          var inDateOrder = byLane[position].slice();
          var layout = layoutLane(byLane[position], g);
          layout.inDateOrder = inDateOrder;
          layouts.push(layout);
          laneTops.push(y);
          y += head + layout.rows * ROW + LANE_PAD * 2;
        });
      } else {
        lanes.forEach(function () { laneTops.push(y); y += head + BAR_LANE + LANE_PAD; });
      }
      var height = Math.max(y + 4, 64);
      if (!origin || Math.abs(origin.pxPerDay - g.pxPerDay) > 1e-9 * g.pxPerDay || origin.plotLeft !== g.plotLeft) {
        origin = { day: state.from, pxPerDay: g.pxPerDay, plotLeft: g.plotLeft };
      }
      placeLayers(g);
      attrs(view.svg, { width: g.width, height: height });
      attrs(view.plot, { width: g.width, height: height });
      var frameBox = [g.plotLeft, g.plotRight - g.plotLeft + 10, height].join(",");
      if (view.plotWindow.frameBox !== frameBox) {  // the plot's window (CSSOM: allowed under the CSP)
        view.plotWindow.frameBox = frameBox;
        view.plotWindow.style.left = g.plotLeft + "px";
        view.plotWindow.style.width = (g.plotRight - g.plotLeft + 10) + "px";
        view.plotWindow.style.height = height + "px";
      }
      // The box the window scrolls over: the reach, the window, the reach. The plot is placed in it
      // so that the window, scrolled to the left reach's width, shows the view.
      var reachWidth = Math.ceil(reachPx);
      view.plotAt = reachWidth - g.plotLeft + g.shift;
      var boxWidth = 2 * reachWidth + g.plotRight - g.plotLeft + 10;
      if (view.slider.boxWidth !== boxWidth) {
        view.slider.boxWidth = boxWidth;
        view.slider.style.width = boxWidth + "px";
        view.slider.resized = true;  // the browser may have clamped the scroll offset to the old box
      }
      if (view.slider.boxHeight !== height) { view.slider.boxHeight = height; view.slider.style.height = height + "px"; }
      if (view.slider.plotAt !== rounded(view.plotAt)) {
        view.slider.plotAt = rounded(view.plotAt);
        view.plot.style.left = view.slider.plotAt + "px";
      }

      lanes.forEach(function (lane, position) {
        var top = laneTops[position];
        var bottom = position + 1 < laneTops.length ? laneTops[position + 1] : y;
        view.backs.add("rect", { x: 0, y: top, width: g.width, height: bottom - top,
          "class": "tl-lane-bg" + (position % 2 ? " odd" : "") });
        view.backs.add("line", { x1: 0, x2: g.width, y1: bottom, y2: bottom, "class": "tl-lane-rule" });
      });
      view.backs.done();
      var grid = ticks(state.from, state.to, g.pxPerDay);
      var drawnGrid = ticks(state.from - span * reach, state.to + span * reach, g.pxPerDay);
      [[drawnGrid.minor, "tl-tick"], [drawnGrid.major, "tl-tick major"]].forEach(function (pair) {
        pair[0].forEach(function (tick) {
          var tx = g.x(tick.day) - g.shift;
          view.grid.add("line", { x1: tx, x2: tx, y1: 0, y2: height, "class": pair[1] });
        });
      });
      var now = today();
      if (now >= state.from - span * reach && now <= state.to + span * reach) {
        var nowX = g.x(now + 0.5) - g.shift;
        view.grid.add("line", { x1: nowX, x2: nowX, y1: 0, y2: height, "class": "tl-today" });
      }
      view.grid.done();
      attrs(view.empty, { x: g.plotLeft + 12, display: lanes.length ? "none" : "inline" });

      var items = [];
      if (data.mode === "events") {
        var roving = rovingId(layouts);
        lanes.forEach(function (lane, position) {
          var layout = layouts[position], top = laneTops[position] + head + LANE_PAD;
          layout.inDateOrder.forEach(function (item) {
            if (item.row === undefined) { return; }  // gathered into a cluster
            drawItem(view.items.take(item.event.id + "\u0000" + item.lane), item, top + item.row * ROW, g, roving);
            items.push(item);
            if (item.first && item.visible) {
              stats.items += 1;
              if (item.showLabel && item.whole) { stats.whole += 1; }
            }
          });
          layout.clusters.forEach(function (cluster) {
            cluster.items.forEach(function (item) { if (item.first && item.visible) { stats.items += 1; } });
            drawCluster(view.clusters.take(lane.key + "\u0000" + cluster.items[0].event.id), cluster,
              top + layout.clusterRow * ROW, lane, g);
          });
        });
      } else {
        drawBuckets(g, laneTops, head);
      }
      view.items.done();
      view.clusters.done();
      view.bars.done();
      drawLaneNames(g, lanes, laneTops, height);
      drawAxis(g, grid);
      drawOverview(g);
      last = { g: g, items: items, stats: stats, height: height, data: data, reach: reach,
        width: hostWidth(), from: state.from, to: state.to };
      scrollPlot(g);
      describe();
    }

    function drawLaneNames(g, lanes, laneTops, height) {
      // A column at the left, or a line above each lane on narrow screens.
      var column = view.names.take("\u0000column");
      if (!column.parts) {
        part(column, "hit", "rect", "tl-label-bg");
        part(column, "label", "line", "tl-tick major");
      }
      attr(column, "display", g.narrow ? "none" : "inline");
      attrs(column.parts.hit, { x: 0, y: 0, width: g.labelWidth, height: height });
      attrs(column.parts.label, { x1: g.labelWidth, x2: g.labelWidth, y1: 0, y2: height });
      lanes.forEach(function (lane, position) {
        var count = lane.count + (lane.count === 1 ? " event" : " events");
        var laneName = capital(lane.label);
        var group = view.names.take(lane.key);
        // Placed by its group's translation: a zoom that changes the lanes' heights moves the names
        // without writing them again (their text changes only with the lane, its count or the width).
        attr(group, "transform", "translate(0," + rounded(laneTops[position]) + ")");
        var signature = [laneName, count, g.narrow, g.labelWidth, data.lanes_by].join("\u0000");
        if (group.signature === signature) { return; }
        group.signature = signature;
        group.replaceChildren();
        attr(group, "class", "tl-lane-name");
        if (data.lanes_by === "type") { markAttributes(group, lane.key); }
        if (g.narrow) {
          var labelNode = text({ x: 6, y: 13, "class": "tl-lane-label" }, laneName, group);
          text({ x: 10 + textWidth(laneName, true), y: 13, "class": "tl-lane-count" }, count, group);
          labelNode.setAttribute("data-full", laneName);
        } else {
          var fitted = laneName;
          while (textWidth(fitted, true) > g.labelWidth - 12 && fitted.length > 4) { fitted = fitted.slice(0, -2); }
          if (fitted !== laneName) { fitted = fitted.slice(0, -1) + "…"; }
          text({ x: 8, y: LANE_PAD + 14, "class": "tl-lane-label" }, fitted, group);
          text({ x: 8, y: LANE_PAD + 28, "class": "tl-lane-count" }, count, group);
        }
        node("title", null, group).textContent = laneName + ": " + count;
      });
      view.names.done();
    }

    function describe() {
      var shown = visibleEvents();
      var count = shown ? shown.length : data.total;
      caption.textContent = count + (count === 1 ? " event" : " events") + " from " + words(state.from) + " to " +
        words(Math.ceil(state.to) - 1) +
        (data.mode === "aggregate" ? ", counted per " + data.unit + " (zoom in to see each event)" : "") + ".";
      if (options.onDraw) { options.onDraw(api); }
    }

    function rovingId(layouts) {
      // One event takes Tab: the focused or selected one when drawn, else the first in date order.
      var drawn = {};
      layouts.forEach(function (layout) { layout.placed.forEach(function (item) { drawn[item.event.id] = item.visible; }); });
      if (state.focus && drawn[state.focus]) { return state.focus; }
      if (state.event && drawn[state.event]) { return state.event; }
      var shown = visibleEvents() || [];
      for (var i = 0; i < shown.length; i++) { if (drawn[shown[i].id]) { return shown[i].id; } }
      return "";
    }

    function drawAxis(g, grid) {
      var axis = view.axis;
      attrs(view.axisSvg, { width: g.width, height: AXIS_HEIGHT });
      axis.add("rect", { x: 0, y: 0, width: g.width, height: AXIS_HEIGHT, "class": "tl-axis-band" });
      // Minor labels only where they fit whole inside the plot (no clipped ticks).
      grid.minor.forEach(function (tick) {
        var tx = g.x(tick.day);
        if (tx < g.plotLeft || tx > g.plotRight) { return; }
        axis.add("line", { x1: tx, x2: tx, y1: AXIS_HEIGHT - 10, y2: AXIS_HEIGHT, "class": "tl-tick" });
        if (tx + 3 + textWidth(tick.label) <= g.plotRight) {
          axis.add("text", { x: tx + 3, y: AXIS_HEIGHT - 6, "class": "tl-tick-label" }, tick.label);
        }
      });
      // Major headings, the one in force at the left edge pinned there until the next pushes it.
      var majors = grid.major.length ? grid.major : [];
      majors.forEach(function (tick, position) {
        var tx = g.x(tick.day);
        var next = majors[position + 1];
        var nextX = next ? g.x(next.day) : Infinity;
        if (nextX <= g.plotLeft || tx > g.plotRight) { return; }
        if (tx >= g.plotLeft) {
          axis.add("line", { x1: tx, x2: tx, y1: 4, y2: AXIS_HEIGHT, "class": "tl-tick major" });
        }
        var width = textWidth(tick.label, true) + 4;
        var labelX = Math.max(tx, g.plotLeft) + 4;
        if (labelX + width > nextX - 4) { labelX = nextX - 4 - width; }
        if (labelX < g.plotLeft + 2) { return; }
        if (labelX + width > g.plotRight) { labelX = g.plotRight - width; if (labelX < g.plotLeft) { return; } }
        axis.add("text", { x: labelX, y: 16, "class": "tl-tick-label major" }, tick.label);
      });
      if (!majors.length && grid.minor.length) {
        // Years: the first year label is pinned when its tick has scrolled off.
        var year = String(new Date(Math.floor(state.from) * DAY_MS).getUTCFullYear());
        var firstTick = grid.minor.filter(function (tick) { return g.x(tick.day) >= g.plotLeft; })[0];
        if (!firstTick || g.x(firstTick.day) - g.plotLeft > textWidth(year, true) + 8) {
          axis.add("text", { x: g.plotLeft + 3, y: 16, "class": "tl-tick-label major" }, year);
        }
      }
      if (!g.narrow) {
        axis.add("rect", { x: 0, y: 0, width: g.labelWidth, height: AXIS_HEIGHT, "class": "tl-label-bg" });
        axis.add("text", { x: 8, y: 26, "class": "tl-lanes-heading" }, data.lanes_by === "actor" ? "Actor" : "Event type");
      }
      var now = today();
      if (now >= state.from && now <= state.to) {
        var nx = g.x(now + 0.5);
        axis.add("line", { x1: nx, x2: nx, y1: 20, y2: AXIS_HEIGHT, "class": "tl-today" });
        axis.add("text", { x: Math.min(nx + 3, g.plotRight - 34), y: 30, "class": "tl-today-label" }, "today");
      }
      axis.done();
    }

    var overviewKey = null, overviewWindow = null, overviewSpans = null;
    function overviewExtent(spans) {
      var first = Infinity, lastDay = -Infinity;
      spans.forEach(function (span) { first = Math.min(first, span.start); lastDay = Math.max(lastDay, span.end); });
      first = Math.min(first, Math.floor(state.from));
      lastDay = Math.max(lastDay, Math.ceil(state.to));
      var room = Math.max(1, (lastDay - first) / 60);
      return { first: first - room, last: lastDay + room };
    }
    function moveOverviewWindow(g) {
      if (!overviewWindow) { return; }
      var extent = overviewExtent(overviewSpans);
      if (extent.first < +overviewBox.dataset.first - 1e-9 || extent.last > +overviewBox.dataset.last + 1e-9) {
        drawOverview(g); return;
      }
      var first = +overviewBox.dataset.first, scale = +overviewBox.dataset.scale;
      var wx0 = clamp(g.plotLeft + (state.from - first) * scale, g.plotLeft, g.plotRight);
      var wx1 = clamp(g.plotLeft + (state.to - first) * scale, g.plotLeft, g.plotRight);
      overviewWindow.setAttribute("x", wx0);
      overviewWindow.setAttribute("width", Math.max(3, wx1 - wx0));
    }
    function drawOverview(g) {
      var spans = overview ? overview.spans : spansOf(data);
      if (!spans.length) { overviewBox.replaceChildren(); overviewWindow = null; return; }
      var extent = overviewExtent(spans);
      var key = [g.width, g.plotLeft, extent.first, extent.last].join(",");
      if (overviewKey === key && overviewSpans === spans) { moveOverviewWindow(g); return; }
      overviewKey = key;
      overviewSpans = spans;
      var first = extent.first, lastDay = extent.last;
      var left = g.plotLeft, right = g.plotRight;
      var scale = (right - left) / (lastDay - first);
      var bins = Math.max(20, Math.floor((right - left) / 4));
      var counts = new Array(bins).fill(0);
      spans.forEach(function (span) {
        var middle = span.end - span.start > (lastDay - first) / 4 ? null : (span.start + span.end) / 2;
        if (middle === null) { return; }
        var bin = clamp(Math.floor((middle - first) / (lastDay - first) * bins), 0, bins - 1);
        counts[bin] += span.weight || 1;
      });
      var max = Math.max.apply(null, counts) || 1;
      var svg = node("svg", { width: g.width, height: OVERVIEW_HEIGHT, "class": "tl tl-overview" });
      node("rect", { x: left, y: 0, width: right - left, height: OVERVIEW_HEIGHT, "class": "tl-overview-bg" }, svg);
      var binWidth = (right - left) / bins;
      counts.forEach(function (count, bin) {
        if (!count) { return; }
        var h = Math.max(2, Math.sqrt(count / max) * (OVERVIEW_HEIGHT - 8));
        node("rect", { x: left + bin * binWidth, y: OVERVIEW_HEIGHT - 2 - h, width: Math.max(1, binWidth - 0.5),
          height: h, "class": "tl-overview-bar" }, svg);
      });
      var wx0 = clamp(left + (state.from - first) * scale, left, right);
      var wx1 = clamp(left + (state.to - first) * scale, left, right);
      overviewWindow = node("rect", { x: wx0, y: 1, width: Math.max(3, wx1 - wx0), height: OVERVIEW_HEIGHT - 2,
        "class": "tl-overview-window" }, svg);
      if (!g.narrow) {
        text({ x: 8, y: 21, "class": "tl-lane-count" }, "Overview", svg);
      }
      text({ x: left + 3, y: 11, "class": "tl-overview-year" }, String(new Date(first * DAY_MS).getUTCFullYear()), svg);
      var endYear = String(new Date(lastDay * DAY_MS).getUTCFullYear());
      text({ x: right - 3 - textWidth(endYear), y: 11, "class": "tl-overview-year" }, endYear, svg);
      overviewBox.replaceChildren(svg);
      overviewBox.dataset.first = first;
      overviewBox.dataset.scale = scale;
      overviewBox.dataset.left = left;
      overviewBox.dataset.last = lastDay;
    }

    function itemClass(event, exact) {
      return "tl-item" + (event.status === "planned" ? " planned" : "") +
        (event.status === "ongoing" ? " ongoing" : "") + (event.id === state.event ? " selected" : "") +
        (exact ? " exact" : " uncertain");
    }

    function drawItem(group, item, top, g, roving) {
      // The one place an item is drawn: its group, then each of its parts (see PARTS). A mark of its
      // own (say, disputed) is one more part written here. The group is placed at the item's left end
      // in the layer (a zoom or a new row rewrites little more than that); its parts are drawn from there.
      var event = item.event;
      var family = familyOf(event.type);
      // A band is drawn only over the plot and the margin a pan can slide into view (the drawn
      // reach): a long uncertain band zoomed in would otherwise be millions of px wide.
      var margin = (g.plotRight - g.plotLeft) * reach + 24;
      var anchor = item.exact ? item.rawX0 : Math.max(item.rawX0, g.plotLeft - margin);
      var bandEnd = item.exact ? item.x1 : Math.min(item.x1, g.plotRight + margin);
      var claims = claimsOf(event);
      attrs(group, { "class": itemClass(event, item.exact) + claims.classes, "data-event": event.id, role: "button",
        "data-certainty": claims.certainty,
        tabindex: item.first && event.id === roving ? "0" : "-1", "aria-label": event.accessibleName + claims.said,
        "data-type": event.type, "data-family": family.family, "data-shade": family.shade,
        transform: "translate(" + rounded(anchor - g.shift) + "," + rounded(top) + ")" });
      if (group.tooltip !== event.tooltip) {
        group.tooltip = event.tooltip;  // the <title> is written when a pointer first reaches the item
        var title = group.querySelector("title");
        if (title) { title.textContent = event.tooltip; }
      }
      var middle = ROW / 2;
      var hitFrom = item.showLabel ? item.ext0 : Math.max(item.x0, item.lo);
      var hitTo = Math.min(item.showLabel ? item.ext1 : item.x1, g.plotRight + margin);
      attrs(part(group, "hit", "rect", "hit"), { x: hitFrom - 2 - anchor, y: 1,
        width: Math.max(10, hitTo - hitFrom + 4), height: ROW * (item.showLabel ? item.rows : 1) - 2 });
      if (item.exact) {
        dropPart(group, "band"); dropPart(group, "glyph"); dropPart(group, "arrow");
        attr(part(group, "point", "path", "mark point"), "d", shapePath(family.shape, 7, middle, 5.5));
      } else {
        dropPart(group, "point");
        var bandWidth = Math.round(Math.max(4, bandEnd - anchor) * 10) / 10;
        attrs(part(group, "band", "rect", "mark band"), { x: 0, y: middle - 6, width: bandWidth, height: 12, rx: 2 });
        var glyphX = Math.round((Math.max(item.rawX0, item.lo) + 5 - anchor) * 10) / 10;
        if (bandWidth > 12) { attr(part(group, "glyph", "path", "band-glyph"), "d", shapePath(family.shape, glyphX, middle, 3.6)); }
        else { dropPart(group, "glyph"); }
        if (event.status === "ongoing") {
          attr(part(group, "arrow", "path", "ongoing-arrow"), "d", "M" + bandWidth + " " + (middle - 7) + " L" +
            (bandWidth + 7) + " " + middle + " L" + bandWidth + " " + (middle + 7) + " Z");
        } else { dropPart(group, "arrow"); }
      }
      markClaims(group, item, middle, claims, anchor);
      if (!item.showLabel) { dropPart(group, "label"); return; }
      var labelX = (item.inside ? Math.max(item.labelX, Math.max(item.rawX0, item.lo) + 12) : item.labelX) - anchor;
      var label = part(group, "label", "text");
      attrs(label, { x: labelX, y: middle + 4, "class": "label" + (item.inside ? " inside" : ""), "text-anchor": item.anchor });
      if (item.lines) {
        var written = "\u0000" + rounded(labelX) + "\u0000" + item.lines.join("\n");
        if (label.shown !== written) {
          label.replaceChildren();
          item.lines.forEach(function (line, number) {
            node("tspan", { x: rounded(labelX), dy: number ? ROW - 6 : 0 }, label).textContent =
              line + (number < item.lines.length - 1 ? " " : "");
          });
          label.shown = written;
        }
      } else {
        content(label, item.labelText);
      }
    }

    function claimsOf(event) {
      // Several sources (issue 15). A band wholly inside the window is certainly in it, one that
      // runs past an edge only possibly (drawn pale); the sources' disagreement is a ring with
      // a stroke through it (a "not equal" sign) and is said in the item's accessible name.
      var certain = event.start >= state.from && event.end <= state.to;
      return { certainty: certain ? "certain" : "possible",
        classes: (certain ? " certain" : " possible") + (event.disputed ? " disputed" : ""),
        said: (certain ? "" : ", possibly in this window") + (event.disputed ? ", disputed" : "") };
    }

    function markClaims(group, item, middle, claims, anchor) {
      // The disputed mark, as two parts of the item (kept between redraws like the others).
      if (!item.event.disputed) { dropPart(group, "ring"); dropPart(group, "strike"); return; }
      var cx = rounded((item.exact ? (item.x0 + item.x1) / 2 : Math.max(item.rawX0, item.x0) + 5) - anchor);
      attrs(part(group, "ring", "circle", "disputed-ring"), { cx: cx, cy: middle, r: 8.5 });
      attr(part(group, "strike", "path", "disputed-ring"), "d",
        "M" + (cx - 5) + " " + (middle + 5) + " L" + (cx + 5) + " " + (middle - 5));
    }

    function drawCluster(group, cluster, top, lane, g) {
      var count = cluster.items.length;
      var label = "+" + count;
      var w = Math.max(28, label.length * 7 + 12);
      // One in view keeps within the plot (its days too); one in the reach beyond an edge stays there.
      var inView = cluster.x1 > g.plotLeft && cluster.x0 < g.plotRight;
      var left = inView ? g.plotLeft : -Infinity;
      var cx = Math.max((cluster.x0 + cluster.x1) / 2, left + w / 2 + 2) - g.shift;
      var first = Math.floor(state.from + (Math.max(cluster.x0, left) - g.plotLeft) / g.pxPerDay);
      var lastDay = Math.ceil(state.from + (cluster.x1 - g.plotLeft) / g.pxPerDay);
      if (inView) { first = Math.max(first, Math.floor(state.from)); lastDay = Math.min(lastDay, Math.ceil(state.to - 1)); }
      attrs(group, { "class": "tl-cluster", role: "button", tabindex: "-1", "data-from": first, "data-to": lastDay,
        "aria-label": label + ": " + count + (count === 1 ? " more event in " : " more events in ") + capital(lane.label) +
          " between " + words(first) + " and " + words(lastDay) + ", zoom in" });
      if (!group.parts) {
        group.parts = { title: node("title", null, group), pill: node("rect", null, group), count: node("text", null, group) };
      }
      content(group.parts.title, count + (count === 1 ? " more event, " : " more events, ") +
        words(first) + " – " + words(lastDay) + " (select to zoom in)");
      attrs(group.parts.pill, { x: cx - w / 2, y: top + 3, width: w, height: ROW - 6, rx: (ROW - 6) / 2 });
      attrs(group.parts.count, { x: cx, y: top + ROW / 2 + 4 });
      content(group.parts.count, label);
    }

    function drawBuckets(g, laneTops, head) {
      var max = 1, index = laneIndex(), span = state.to - state.from;  // and reach, as draw()'s
      (data.buckets || []).forEach(function (bucket) { max = Math.max(max, bucket.count); });
      (data.buckets || []).forEach(function (bucket) {
        var position = index[bucket.lane];
        if (position === undefined) { return; }
        var start = bucket.startDay, end = bucket.endDay;
        if (end < state.from - span * reach || start > state.to + span * reach) { return; }
        var x0 = g.x(start) - g.shift, x1 = g.x(end) - g.shift;
        var barHeight = Math.max(2, Math.sqrt(bucket.count / max) * (BAR_LANE - 6));
        var bottom = laneTops[position] + head + LANE_PAD + BAR_LANE - 4;
        var lane = data.lanes[position];
        var group = view.bars.take(bucket.lane + "\u0000" + start + "\u0000" + end);
        attrs(group, { "class": "tl-bar-group", "data-from": start, "data-to": end - 1 });
        if (data.lanes_by === "type") {
          var family = familyOf(lane.key);
          attrs(group, { "data-type": lane.key, "data-family": family.family, "data-shade": family.shade });
        }
        if (group.bucket !== bucket) {
          var title = group.querySelector("title");
          if (title) { title.remove(); }  // written again, with the new count, when a pointer reaches it
        }
        group.bucket = bucket;
        group.laneLabel = lane.label;
        var bar = group.firstChild && group.firstChild.localName === "rect" ? group.firstChild : null;
        if (!bar) { bar = document.createElementNS(SVG, "rect"); group.insertBefore(bar, group.firstChild); }
        attrs(bar, { x: x0 + 0.5, y: bottom - barHeight, width: Math.max(1, x1 - x0 - 1), height: barHeight, "class": "tl-bar" });
      });
    }

    // -- toolbar, legend, shortcuts

    function button(label, action, title, parent) {
      var element = html("button", "", label, parent || bar);
      element.type = "button";
      element.setAttribute("data-action", action);
      if (title) { element.title = title; }
      return element;
    }
    function buildBar() {
      var move = html("div", "tlc-group", "", bar);
      button("◀ Earlier", "pan-left", "Earlier (Shift+←)", move);
      button("Zoom out", "zoom-out", "Zoom out (−)", move);
      button("Zoom in", "zoom-in", "Zoom in (+)", move);
      button("Later ▶", "pan-right", "Later (Shift+→)", move);
      button("Fit all", "fit", "Show every event (0)", move);
      button("Dense period", "dense", "Where most events are (D)", move);
      var out = html("div", "tlc-group", "", bar);
      button("PNG", "export-png", "Save this view as a PNG image", out);
      button("SVG", "export-svg", "Save this view as an SVG drawing", out);
      button("CSV", "export-csv", "Save the events of this view as CSV", out);
      button("Keys ?", "shortcuts", "Keyboard shortcuts (?)", out);
      bar.addEventListener("click", function (event) {
        var target = event.target.closest("button[data-action]");
        if (!target) { return; }
        var action = target.getAttribute("data-action");
        if (action === "zoom-in") { zoom(1 / 1.5); }
        else if (action === "zoom-out") { zoom(1.5); }
        else if (action === "pan-left") { pan(-0.25); }
        else if (action === "pan-right") { pan(0.25); }
        else if (action === "fit") { fit(); }
        else if (action === "dense") { focusDense(); }
        else if (action === "export-png") { exportPng(); }
        else if (action === "export-svg") { exportSvg(); }
        else if (action === "export-csv") { exportCsv(); }
        else if (action === "shortcuts") { showShortcuts(target); }
      });
    }

    function buildLegend() {
      var list = html("ul", "tl-legend", "", legend);
      list.setAttribute("aria-label", "Legend");
      families.families.forEach(function (family) {
        var item = html("li", "", "", list);
        var svg = node("svg", { width: 16, height: 16, "aria-hidden": "true", "class": "lg-mark" }, item);
        var g = node("g", { "data-family": family.id, "data-shade": "0" }, svg);
        node("path", { d: shapePath(family.shape, 8, 8, 5), "class": "mark point" }, g);
        html("span", "lg-family", family.label + (family.types.length ? ":" : ""), item);
        if (family.types.length) { html("span", "lg-types", family.types.map(typeWords).join(", "), item); }
      });
      var forms = html("ul", "tl-legend forms", "", legend);
      forms.setAttribute("aria-label", "How dates are drawn");
      [["point", "exact day"], ["band", "uncertain date: some day within the band"],
        ["planned", "planned or expected"], ["cluster", "several events (select to zoom in)"]].forEach(function (pair) {
        var item = html("li", "", "", forms);
        var svg = node("svg", { width: 34, height: 16, "aria-hidden": "true", "class": "lg-form lg-" + pair[0] }, item);
        if (pair[0] === "point") { node("path", { d: shapePath("circle", 17, 8, 5) }, svg); }
        else if (pair[0] === "cluster") {
          node("rect", { x: 3, y: 1, width: 28, height: 14, rx: 7 }, svg);
          text({ x: 17, y: 12 }, "+4", svg);
        } else { node("rect", { x: 2, y: 3, width: 30, height: 10, rx: 2 }, svg); }
        html("span", "", pair[1], item);
      });
      legendClaims(forms);
    }
    function legendClaims(forms) {
      // The marks markClaims() draws: a band only possibly in the window, and a disputed event.
      var possible = html("li", "", "", forms);
      var svg = node("svg", { width: 34, height: 16, "aria-hidden": "true", "class": "lg-form lg-possible" }, possible);
      node("rect", { x: 2, y: 3, width: 30, height: 10, rx: 2 }, svg);
      html("span", "", "pale: only possibly in this window (its dates run past an edge)", possible);
      var disputed = html("li", "", "", forms);
      svg = node("svg", { width: 34, height: 16, "aria-hidden": "true", "class": "lg-form lg-disputed" }, disputed);
      node("circle", { cx: 17, cy: 8, r: 6.5 }, svg);
      node("path", { d: "M13 12 L21 4" }, svg);
      html("span", "", "disputed: the sources disagree on it", disputed);
    }
    function typeWords(type) {
      var label = type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
      return label;
    }

    function showShortcuts(opener) {
      var dialog = document.getElementById("tl-shortcuts");
      if (!dialog || dialog.open) { return; }
      dialog.returnTo = opener || document.activeElement;
      dialog.showModal();
    }

    // -- export

    function download(name, blob) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 4000);
    }
    function fileStem() {
      return (options.fileName || "timeline") + "-" + isoOf(state.from) + "-to-" + isoOf(Math.ceil(state.to) - 1);
    }
    var STYLE_PROPERTIES = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
      "opacity", "font-family", "font-size", "font-weight", "font-style", "text-anchor", "display"];

    function drawingParts() {
      // What the view is drawn from, in painting order: each SVG, where it goes and the box it is
      // clipped to (in the lanes' coordinates): the axis, the lanes, and the plot moved by its pan.
      var g = last ? last.g : geometry();
      var height = +view.svg.getAttribute("height") || 0;
      return [{ svg: view.axisSvg, x: 0, y: 0, clip: null }, { svg: view.svg, x: 0, y: AXIS_HEIGHT, clip: null },
        { svg: view.plot, x: g.shift || 0, y: AXIS_HEIGHT, clip: [g.plotLeft, 0, g.plotRight - g.plotLeft + 10, height] }];
    }
    function standalone() {
      // The axis and the lanes as one SVG document, each element's computed style written out.
      var parts = drawingParts();
      var width = +view.axisSvg.getAttribute("width") || 0;
      var height = AXIS_HEIGHT + (+view.svg.getAttribute("height") || 0);
      var out = node("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height });
      node("rect", { x: 0, y: 0, width: width, height: "100%", fill: "#ffffff" }, out);
      var defs = node("defs", null, out);
      parts.forEach(function (part, number) {
        var copy = part.svg.cloneNode(true);
        inlineStyles(part.svg, copy);
        var g = node("g", { transform: "translate(0," + part.y + ")" }, out);
        if (part.clip) {
          node("rect", { x: part.clip[0], y: part.clip[1], width: part.clip[2], height: part.clip[3] },
            node("clipPath", { id: "view-clip-" + number }, defs));
          g = node("g", { "clip-path": "url(#view-clip-" + number + ")" }, g);
        }
        g = node("g", { transform: "translate(" + rounded(part.x) + ",0)" }, g);
        while (copy.firstChild) { g.appendChild(copy.firstChild); }
      });
      return { svg: out, width: width, height: height };
    }
    function inlineStyles(source, copy) {
      var from = source.querySelectorAll("*"), to = copy.querySelectorAll("*");
      for (var i = 0; i < from.length; i++) {
        var computed = window.getComputedStyle(from[i]);
        STYLE_PROPERTIES.forEach(function (property) {
          var value = computed.getPropertyValue(property);
          if (value && value !== "none" || property === "fill" || property === "stroke") {
            to[i].setAttribute(property, value);
          }
        });
        to[i].removeAttribute("class");
        to[i].removeAttribute("tabindex");
      }
    }
    function exportSvg() {
      var drawing = standalone();
      var source = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(drawing.svg);
      download(fileStem() + ".svg", new Blob([source], { type: "image/svg+xml" }));
    }
    function exportPng() {
      // Painted on a canvas element by element (no image made from the SVG: the CSP allows none).
      var parts = drawingParts();
      var scale = 2, width = +view.axisSvg.getAttribute("width") || 0;
      var height = AXIS_HEIGHT + (+view.svg.getAttribute("height") || 0);
      var canvas = document.createElement("canvas");
      canvas.width = width * scale; canvas.height = height * scale;
      var context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, width, height);
      parts.forEach(function (part) { paint(context, part); });
      canvas.toBlob(function (blob) { download(fileStem() + ".png", blob); }, "image/png");
    }
    function paint(context, part) {
      var svg = part.svg;
      var elements = svg.querySelectorAll("rect, circle, line, path, text");
      for (var i = 0; i < elements.length; i++) {
        var element = elements[i];
        if (element.closest("defs, title")) { continue; }
        var style = window.getComputedStyle(element);
        if (style.display === "none" || style.visibility === "hidden") { continue; }
        context.save();
        var shift = 0, lift = 0;  // the translations of the groups above (an item's place)
        for (var up = element.parentNode; up && up !== svg; up = up.parentNode) {
          var moved = /translate\(\s*([-0-9.e]+)[\s,]*([-0-9.e]*)/.exec(up.getAttribute("transform") || "");
          if (moved) { shift += +moved[1]; lift += +moved[2] || 0; }
        }
        context.translate(0, part.y);
        if (part.clip) {
          context.beginPath();
          context.rect(part.clip[0], part.clip[1], part.clip[2], part.clip[3]);
          context.clip();
        }
        context.translate(part.x + shift, lift);
        var opacity = parseFloat(style.opacity);
        var ancestor = element.parentNode;
        while (ancestor && ancestor !== svg) {
          opacity *= parseFloat(window.getComputedStyle(ancestor).opacity || "1");
          ancestor = ancestor.parentNode;
        }
        context.globalAlpha = isNaN(opacity) ? 1 : opacity;
        var tag = element.tagName.toLowerCase();
        var fill = style.fill, stroke = style.stroke, strokeWidth = parseFloat(style.strokeWidth) || 1;
        var dash = style.strokeDasharray && style.strokeDasharray !== "none" ?
          style.strokeDasharray.split(/[ ,]+/).map(parseFloat) : [];
        var fillAlpha = parseFloat(style.fillOpacity), strokeAlpha = parseFloat(style.strokeOpacity);
        var shape = null;
        if (tag === "text") {
          context.font = style.fontStyle + " " + style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
          var anchor = element.getAttribute("text-anchor") || style.textAnchor;
          context.textAlign = anchor === "end" ? "right" : anchor === "middle" ? "center" : "left";
          if (fill && fill !== "none") {
            context.fillStyle = fill;
            context.globalAlpha *= isNaN(fillAlpha) ? 1 : fillAlpha;
            context.fillText(element.textContent, +element.getAttribute("x"), +element.getAttribute("y"));
          }
          context.restore();
          continue;
        }
        if (tag === "rect") {
          shape = new Path2D();
          var rx = +element.getAttribute("rx") || 0;
          var x = +element.getAttribute("x"), y = +element.getAttribute("y");
          var w = +element.getAttribute("width"), h = +element.getAttribute("height");
          if (isNaN(w)) { w = +svg.getAttribute("width"); }
          if (rx && shape.roundRect) { shape.roundRect(x, y, w, h, rx); } else { shape.rect(x, y, w, h); }
        } else if (tag === "circle") {
          shape = new Path2D();
          shape.arc(+element.getAttribute("cx"), +element.getAttribute("cy"), +element.getAttribute("r"), 0, Math.PI * 2);
        } else if (tag === "line") {
          shape = new Path2D();
          shape.moveTo(+element.getAttribute("x1"), +element.getAttribute("y1"));
          shape.lineTo(+element.getAttribute("x2"), +element.getAttribute("y2"));
          fill = "none";
        } else {
          shape = new Path2D(element.getAttribute("d"));
        }
        if (fill && fill !== "none" && fill !== "transparent" && fill !== "rgba(0, 0, 0, 0)") {
          var base = context.globalAlpha;
          context.globalAlpha = base * (isNaN(fillAlpha) ? 1 : fillAlpha);
          context.fillStyle = fill;
          context.fill(shape);
          context.globalAlpha = base;
        }
        if (stroke && stroke !== "none") {
          context.globalAlpha *= isNaN(strokeAlpha) ? 1 : strokeAlpha;
          context.strokeStyle = stroke;
          context.lineWidth = strokeWidth;
          context.setLineDash(dash.filter(function (n) { return !isNaN(n); }));
          context.stroke(shape);
        }
        context.restore();
      }
    }
    function csvField(value) {
      var textValue = value === undefined || value === null ? "" : String(value);
      if (/^[=+\-@\t\r]/.test(textValue)) { textValue = "'" + textValue; }  // not a spreadsheet formula
      return /[",\n\r]/.test(textValue) ? '"' + textValue.replace(/"/g, '""') + '"' : textValue;
    }
    function exportCsv() {
      var rows = [["id", "label", "type", "earliest", "latest", "edtf", "status", "actors", "iri"]];
      (visibleEvents() || []).forEach(function (event) {
        rows.push([event.id, event.label, event.type, event.earliest, event.latest, event.edtf || "",
          event.status || "", (event.actors || []).map(function (actor) {
            return actor.name + (actor.role ? " (" + actor.role + ")" : "");
          }).join("; "), event.iri || ""]);
      });
      var body = rows.map(function (row) { return row.map(csvField).join(","); }).join("\r\n") + "\r\n";
      download(fileStem() + ".csv", new Blob([body], { type: "text/csv" }));
    }

    // -- input: pointer (drag, pinch), wheel, keyboard

    function dayAt(clientX) {
      var box = lanesBox.getBoundingClientRect();
      var g = last ? last.g : geometry();
      return state.from + (clientX - box.left - g.plotLeft) / g.pxPerDay;
    }

    lanesBox.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.altKey && Math.abs(event.deltaY) > Math.abs(event.deltaX) && !event.shiftKey &&
          options.wheelZoomNeedsFocus && !host.contains(document.activeElement)) { return; }
      event.preventDefault();
      var horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
      var delta = event.deltaMode === 1 ? (horizontal ? event.deltaX : event.deltaY) * 16 :
        (horizontal ? event.deltaX : event.deltaY);
      if (horizontal || event.shiftKey) {
        pan(delta / Math.max(200, lanesBox.clientWidth));
      } else {
        zoom(Math.exp(clamp(delta, -300, 300) * 0.0022), dayAt(event.clientX));
      }
    }, { passive: false });

    var pointers = {}, gesture = null;
    function pointerCount() { return Object.keys(pointers).length; }
    function startGesture() {
      var ids = Object.keys(pointers);
      if (ids.length === 1) {
        var p = pointers[ids[0]];
        gesture = { kind: "drag", x: p.x, from: state.from, to: state.to, moved: false };
      } else if (ids.length >= 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        gesture = { kind: "pinch", distance: Math.max(10, Math.abs(a.x - b.x)), middle: (a.x + b.x) / 2,
          from: state.from, to: state.to, anchor: dayAt((a.x + b.x) / 2), moved: true };
      }
    }
    lanesBox.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      startGesture();
    });
    lanesBox.addEventListener("pointermove", function (event) {
      if (!pointers[event.pointerId] || !gesture) { return; }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      var g = last ? last.g : geometry();
      var plotWidth = g.plotRight - g.plotLeft;
      if (gesture.kind === "drag") {
        var dx = event.clientX - gesture.x;
        if (!gesture.moved && Math.abs(dx) < 5) { return; }
        if (!gesture.moved) {
          gesture.moved = true;
          host.classList.add("dragging");
          try { lanesBox.setPointerCapture(event.pointerId); } catch (error) { /* the pointer is gone */ }
        }
        var shift = -dx / plotWidth * (gesture.to - gesture.from);
        state.from = gesture.from + shift;
        state.to = gesture.to + shift;
        changed(false);
      } else {
        var ids = Object.keys(pointers), a = pointers[ids[0]], b = pointers[ids[1]];
        var distance = Math.max(10, Math.abs(a.x - b.x));
        var span = clamp((gesture.to - gesture.from) * gesture.distance / distance, MIN_SPAN, MAX_SPAN);
        var middle = (a.x + b.x) / 2;
        var box = lanesBox.getBoundingClientRect();
        var ratio = (middle - box.left - g.plotLeft) / plotWidth;
        state.from = gesture.anchor - ratio * span;
        state.to = state.from + span;
        changed(false);
      }
    });
    function endPointer(event) {
      if (!pointers[event.pointerId]) { return; }
      delete pointers[event.pointerId];
      var moved = gesture && gesture.moved;
      if (pointerCount()) { startGesture(); if (gesture) { gesture.moved = true; } return; }
      gesture = null;
      host.classList.remove("dragging");
      if (moved) {
        changed(true);
        lanesBox.addEventListener("click", swallow, { capture: true, once: true });
      }
    }
    function swallow(event) { event.stopPropagation(); event.preventDefault(); }
    lanesBox.addEventListener("pointerup", endPointer);
    lanesBox.addEventListener("pointercancel", endPointer);

    lanesBox.addEventListener("click", function (event) {
      var item = event.target.closest(".tl-item");
      if (item) {
        var id = item.getAttribute("data-event");
        state.focus = id;
        item.focus({ preventScroll: true });
        if (options.onOpen) { options.onOpen(id, item, { keyboard: false }); }
        return;
      }
      var zoomable = event.target.closest(".tl-cluster, .tl-bar-group");
      if (zoomable) { zoomTo(zoomable); }
    });
    lanesBox.addEventListener("pointerover", function (event) {
      // A bar's tooltip, written when the pointer first reaches it.
      var item = event.target.closest && event.target.closest(".tl-item");
      if (item && item.tooltip && !item.querySelector("title")) {
        node("title", null, item).textContent = item.tooltip;
        return;
      }
      var bar = event.target.closest && event.target.closest(".tl-bar-group");
      if (!bar || !bar.bucket || bar.querySelector("title")) { return; }
      var bucket = bar.bucket;
      node("title", null, bar).textContent = capital(bar.laneLabel) + ": " + bucket.count + " event" +
        (bucket.count === 1 ? "" : "s") + ", " + words(bucket.startDay) + " – " + words(bucket.endDay - 1) +
        " (select to zoom in)";
    });

    overviewBox.addEventListener("pointerdown", function (event) {
      var first = +overviewBox.dataset.first, scale = +overviewBox.dataset.scale, left = +overviewBox.dataset.left;
      if (!scale) { return; }
      var box = overviewBox.getBoundingClientRect();
      var move = function (clientX) {
        var day = first + (clientX - box.left - left) / scale, span = state.to - state.from;
        state.from = day - span / 2; state.to = day + span / 2;
        changed(false);
      };
      move(event.clientX);
      var onMove = function (moveEvent) { move(moveEvent.clientX); };
      var onUp = function () {
        window.removeEventListener("pointermove", onMove);
        window.removeEventListener("pointerup", onUp);
        changed(true);
      };
      window.addEventListener("pointermove", onMove);
      window.addEventListener("pointerup", onUp);
    });

    function zoomTo(element) {
      var first = +element.getAttribute("data-from"), lastDay = +element.getAttribute("data-to") + 1;
      var room = Math.max(1, (lastDay - first) * 0.15);
      if (lastDay - first + 2 * room > (state.to - state.from) * 0.5) { zoom(0.5, (first + lastDay) / 2); }
      else { setWindow(first - room, lastDay + room, true); }
    }

    function focusItem(id) {
      var target = lanesBox.querySelector('.tl-item[data-event="' + cssEscape(id) + '"]');
      if (target) {
        lanesBox.querySelectorAll('.tl-item[tabindex="0"]').forEach(function (other) { attr(other, "tabindex", "-1"); });
        attr(target, "tabindex", "0");
        target.focus({ preventScroll: false });
        state.focus = id;
      }
      return target;
    }

    function step(currentId, direction) {
      var events = order();
      var position = -1;
      for (var i = 0; i < events.length; i++) { if (events[i].id === currentId) { position = i; break; } }
      var next = events[position + direction];
      if (!next) { return; }
      state.focus = next.id;
      var moved = showDay(dayOf(next.earliest), dayOf(next.latest));
      if (!moved && focusItem(next.id)) { return; }
      window.requestAnimationFrame(function () {
        window.requestAnimationFrame(function () { focusItem(next.id); });
      });
    }

    host.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (event.target.closest && event.target.closest("input, textarea, select")) { return; }
      var item = event.target.closest && event.target.closest(".tl-item");
      var cluster = event.target.closest && event.target.closest(".tl-cluster");
      var key = event.key;
      if (item && (key === "Enter" || key === " ")) {
        event.preventDefault();
        if (options.onOpen) { options.onOpen(item.getAttribute("data-event"), item, { keyboard: true }); }
      } else if (cluster && (key === "Enter" || key === " ")) {
        event.preventDefault(); zoomTo(cluster);
      } else if (item && !event.shiftKey && (key === "ArrowRight" || key === "ArrowDown")) {
        event.preventDefault(); step(item.getAttribute("data-event"), 1);
      } else if (item && !event.shiftKey && (key === "ArrowLeft" || key === "ArrowUp")) {
        event.preventDefault(); step(item.getAttribute("data-event"), -1);
      } else if (item && key === "Home") {
        event.preventDefault(); var firstEvent = (visibleEvents() || [])[0]; if (firstEvent) { focusItem(firstEvent.id); }
      } else if (key === "ArrowLeft" && (event.shiftKey || !item) && lanesBox.contains(event.target)) {
        event.preventDefault(); pan(-0.2);
      } else if (key === "ArrowRight" && (event.shiftKey || !item) && lanesBox.contains(event.target)) {
        event.preventDefault(); pan(0.2);
      } else if (key === "+" || key === "=") {
        event.preventDefault(); zoom(1 / 1.5);
      } else if (key === "-" || key === "_") {
        event.preventDefault(); zoom(1.5);
      } else if (key === "0") {
        event.preventDefault(); fit();
      } else if (key === "d" || key === "D") {
        event.preventDefault(); focusDense();
      }
    });

    window.addEventListener("resize", function () { measuredWidth = null; requestRender(); });
    idleChecks.push(function () { return !fetchTimer && !settleTimer && !frame && !relayout; });

    var api = {
      state: state, zoom: zoom, pan: pan, fit: fit, focusDense: focusDense, setWindow: setWindow,
      reload: reload, setData: setData, setOverview: setOverview, visibleEvents: visibleEvents,
      data: function () { return data; }, drawTimes: drawTimes, draw: timedDraw, requestRender: requestRender,
      focusItem: focusItem, showDay: showDay, keepClear: keepClear, host: host,
      labelStats: function () { return last ? last.stats : { items: 0, whole: 0 }; },
      configure: function (settings) { if (settings.maxRows) { maxRows = settings.maxRows; } requestRender(); },
      exportPng: exportPng, exportSvg: exportSvg, exportCsv: exportCsv, markSelected: function (id) {
        state.event = id || "";
        lanesBox.querySelectorAll(".tl-item").forEach(function (element) {
          element.classList.toggle("selected", element.getAttribute("data-event") === state.event);
          attr(element, "class", element.getAttribute("class"));
        });
        forceLayout = true;  // the selected label is bold, so wider: lay the lanes out again
        requestRender();
      }
    };
    return api;
  }

  // --- the shortcuts dialog, shared by every timeline of the page ------------------------------------

  function setUpShortcuts() {
    var dialog = document.getElementById("tl-shortcuts");
    if (!dialog) { return; }
    dialog.addEventListener("close", function () {
      if (dialog.returnTo && dialog.returnTo.focus) { dialog.returnTo.focus(); }
    });
    dialog.querySelector("button.close").addEventListener("click", function () { dialog.close(); });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) { return; }
      if (dialog.open) { return; }
      event.preventDefault();
      dialog.returnTo = document.activeElement;
      dialog.showModal();
    });
  }

  // --- embeds: actor pages (from /timeline.json) and query results (JSON in the page) ----------------

  function embed(host, number) {
    if (!host.id) { host.id = "timeline-embed-" + number; }
    var inline = host.getAttribute("data-source");
    var api = host.getAttribute("data-api");
    var filter = host.getAttribute("data-filter") || "";
    var eventBase = host.getAttribute("data-event-base") || "/event/";
    var open = function (id) { window.location.href = eventBase + encodeURIComponent(id); };
    if (inline) {
      var payload = JSON.parse(document.getElementById(inline).textContent);
      var chart = createTimeline(host, { data: payload, name: host.getAttribute("aria-label") || "Timeline",
        onOpen: function (id) {
          var href = (payload.links || {})[id];
          if (href && /^(https?:\/\/|\/(?!\/))/i.test(href)) { window.location.href = href; }
        },
        fileName: host.getAttribute("data-file-name"), wheelZoomNeedsFocus: true });
      chart.setOverview(payload);
      chart.focusDense();
      chart.draw();
      return chart;
    }
    var loader = function (from, to, margin) {
      var params = new URLSearchParams(filter);
      params.set("from", isoOf(from)); params.set("to", isoOf(to));
      if (margin) { params.set("margin", String(margin)); }
      return fetch(api + "?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); });
    };
    var embedded = createTimeline(host, { data: { mode: "events", events: [], lanes: [], lanes_by: "type", total: 0 },
      load: loader, name: host.getAttribute("aria-label") || "Timeline", onOpen: open,
      fileName: host.getAttribute("data-file-name"), wheelZoomNeedsFocus: true });
    track(fetch(api + "?" + filter, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); }))
      .then(function (whole) {
        embedded.setData(whole, { from: dayOf(whole.earliest), to: dayOf(whole.latest) + 1 });
        embedded.setOverview(whole);
        embedded.focusDense();
      });
    return embedded;
  }

  window.NegotiationTimeline = { create: createTimeline, track: track, idle: idle, idleChecks: idleChecks, dayOf: dayOf, isoOf: isoOf, words: words,
    denseWindow: denseWindow, spansOf: spansOf, familyOf: familyOf, embeds: [] };
  setUpShortcuts();
  document.querySelectorAll("[data-timeline-embed]").forEach(function (host, number) {
    window.NegotiationTimeline.embeds.push(embed(host, number));
  });
}());
