// Axom Observer dashboard: live feed over SSE, tables and charts from the query API.
"use strict";

(function () {
  const FEED_MAX = 100;
  const MIN_REFRESH_MS = 2000;   // never refresh aggregates more often than this
  const IDLE_REFRESH_MS = 15000; // slow background refresh so relative ranges move on

  const $ = id => document.getElementById(id);
  const state = { view: "overview", taskId: null, refreshTimer: null, lastRefresh: 0, feedIds: new Set() };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "class") node.className = v;
      else if (k === "onclick") node.addEventListener("click", v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? "" : String(c)));
    return node;
  }

  const fmt = {
    ms: v => (v === null || v === undefined ? "—" : v >= 10000 ? (v / 1000).toFixed(1) + " s" : Math.round(v) + " ms"),
    int: v => (v === null || v === undefined ? "—" : Number(v).toLocaleString("en-US")),
    usd: v => (v === null || v === undefined ? "—" : "$" + (v >= 1 ? v.toFixed(2) : v.toFixed(5))),
    time: s => new Date(s).toLocaleTimeString([], { hour12: false }),
    date: s => new Date(s).toLocaleString([], { hour12: false }),
  };

  const isError = c => c.status === 0 || c.status >= 400 || !!c.error;
  const tokens = u => {
    if (!u) return null;
    if (u.total_tokens !== null && u.total_tokens !== undefined) return u.total_tokens;
    if (u.input_tokens == null && u.output_tokens == null) return null;
    return (u.input_tokens ?? 0) + (u.output_tokens ?? 0);
  };

  function statusBadge(c) {
    return el("span", { class: "badge " + (isError(c) ? "err" : "ok") }, c.status === 0 ? "no response" : c.status);
  }

  function num(v) { return el("td", { class: "num" }, v); }

  function callRow(c, withTask) {
    const row = el("tr", {},
      el("td", {}, fmt.time(c.timestamp)), el("td", {}, c.provider), el("td", {}, c.model || c.response_model || "—"),
      el("td", {}, c.operation), el("td", {}, statusBadge(c)), num(fmt.ms(c.latency_ms)), num(fmt.ms(c.ttft_ms)),
      num(fmt.int(tokens(c.usage))), num(fmt.usd(c.cost_usd)));
    if (withTask) {
      row.append(el("td", {}, c.task_id ? el("a", { href: "#/tasks/" + encodeURIComponent(c.task_id) }, shortId(c.task_id)) : "—"));
    } else {
      row.append(el("td", {}, c.finish_reason || "—"));
    }
    row.dataset.id = c.id;
    return row;
  }

  function shortId(id) { return id.length > 14 ? id.slice(0, 8) + "…" + id.slice(-4) : id; }

  function rangeQuery() {
    const span = Number($("range").value);
    if (!span) return "";
    const now = Date.now();
    return `from=${new Date(now - span).toISOString()}&to=${new Date(now + 1000).toISOString()}`;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }

  // ---- overview -------------------------------------------------------------------------------------------

  function renderCards(stats) {
    const t = stats.totals;
    const cards = [
      ["Calls", fmt.int(t.calls)], ["Errors", fmt.int(t.errors)], ["Latency p50", fmt.ms(t.latency_p50_ms)],
      ["Latency p95", fmt.ms(t.latency_p95_ms)], ["Tokens", fmt.int(t.total_tokens)], ["Cost", fmt.usd(t.cost_usd)],
    ];
    $("cards").replaceChildren(...cards.map(([label, value]) =>
      el("div", { class: "card" }, el("div", { class: "label" }, label), el("div", { class: "value" }, value))));
  }

  function statsCells(r) {
    return [num(fmt.int(r.calls)), num(fmt.int(r.errors)), num(fmt.ms(r.latency_p50_ms)), num(fmt.ms(r.latency_p95_ms)),
      num(fmt.ms(r.ttft_p50_ms)), num(fmt.int(r.total_tokens)), num(fmt.usd(r.cost_usd))];
  }

  function renderStatsTables(stats) {
    const empty = cols => [el("tr", {}, el("td", { class: "empty", colspan: cols }, "no calls in range"))];
    const providers = stats.providers.map(r => el("tr", {}, el("td", {}, r.provider), ...statsCells(r)));
    const models = stats.models.map(r => el("tr", {}, el("td", {}, r.provider), el("td", {}, r.model || "—"), ...statsCells(r)));
    $("providers").tBodies[0].replaceChildren(...(providers.length ? providers : empty(8)));
    $("models").tBodies[0].replaceChildren(...(models.length ? models : empty(9)));
  }

  function renderCharts(series) {
    const pts = key => series.points.map(p => ({ t: Date.parse(p.start), v: p.calls ? p[key] : null }));
    AxomCharts.line($("chart-latency"), pts("latency_p50_ms"), v => Math.round(v) + "", "#2f6fed");
    AxomCharts.line($("chart-ttft"), pts("ttft_p50_ms"), v => Math.round(v) + "", "#b26b00");
    AxomCharts.line($("chart-tokens"), pts("tokens"), v => fmt.int(Math.round(v)), "#1a7f4b");
    AxomCharts.line($("chart-cost"), pts("cost_usd"), v => "$" + v.toFixed(v >= 1 ? 2 : 4), "#7a3fd1");
  }

  async function loadOverview() {
    const q = rangeQuery();
    const [stats, series] = await Promise.all([getJson("/api/v1/stats?" + q), getJson("/api/v1/series?buckets=30&" + q)]);
    renderCards(stats);
    renderStatsTables(stats);
    renderCharts(series);
  }

  async function loadFeed() {
    const page = await getJson("/api/v1/calls?limit=" + FEED_MAX);
    const pageIds = new Set(page.items.map(c => c.id));
    // Rows pushed live while this page was loading stay on top.
    const live = [...$("feed").tBodies[0].rows].filter(r => !pageIds.has(r.dataset.id));
    state.feedIds = new Set([...pageIds, ...live.map(r => r.dataset.id)]);
    $("feed").tBodies[0].replaceChildren(...live, ...page.items.map(c => callRow(c, true)));
    updateFeedCount();
  }

  function addToFeed(call) {
    if (state.feedIds.has(call.id)) return;
    state.feedIds.add(call.id);
    const body = $("feed").tBodies[0];
    const row = callRow(call, true);
    row.classList.add("fresh");
    body.prepend(row);
    while (body.rows.length > FEED_MAX) {
      state.feedIds.delete(body.rows[body.rows.length - 1].dataset.id);
      body.deleteRow(body.rows.length - 1);
    }
    updateFeedCount();
  }

  function updateFeedCount() { $("feed-count").textContent = `(${$("feed").tBodies[0].rows.length} most recent)`; }

  // ---- tasks ----------------------------------------------------------------------------------------------

  function outcomeBadge(o) {
    return el("span", { class: "badge " + ({ success: "ok", failure: "err", partial: "warn" }[o] || "") }, o);
  }

  async function loadTasks() {
    const page = await getJson("/api/v1/tasks?limit=200&" + rangeQuery());
    $("tasks-count").textContent = `(${page.total})`;
    const rows = page.items.map(t => {
      const row = el("tr", { class: "clickable", onclick: () => { location.hash = "#/tasks/" + encodeURIComponent(t.id); } },
        el("td", {}, fmt.date(t.started_at)), el("td", {}, el("a", { href: "#/tasks/" + encodeURIComponent(t.id) }, shortId(t.id))),
        el("td", {}, t.task_type), el("td", {}, t.correlation), el("td", {}, outcomeBadge(t.outcome)),
        num(fmt.int(t.call_count)), num(fmt.int(t.error_count)), num(fmt.ms(t.duration_ms)),
        el("td", {}, t.providers.join(", ")), num(fmt.usd(t.cost_usd)));
      row.dataset.id = t.id;
      return row;
    });
    $("tasks").tBodies[0].replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { class: "empty", colspan: 10 }, "no tasks in range"))]));
  }

  async function loadTask(id) {
    const detail = await getJson("/api/v1/tasks/" + encodeURIComponent(id));
    const t = detail.task;
    $("task-title").textContent = t ? `Task ${t.id} — ${t.task_type}` : `Task ${id} (still open)`;
    const facts = t ? [
      ["correlation", t.correlation], ["status", t.status], ["outcome", t.outcome], ["confidence", (t.task_type_confidence * 100).toFixed(0) + "%"],
      ["started", fmt.date(t.started_at)], ["duration", fmt.ms(t.duration_ms)], ["calls", t.call_count], ["errors", t.error_count],
      ["providers", t.providers.join(", ")], ["models", t.models.join(", ")], ["tokens", fmt.int(tokens(t.usage))], ["cost", fmt.usd(t.cost_usd)],
    ] : [["calls so far", detail.calls.length]];
    $("task-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
    AxomCharts.timeline($("task-timeline"), detail.calls,
      c => `${fmt.time(c.timestamp)} ${c.provider} ${c.operation} ${c.model || ""}`.trim());
    $("task-calls").tBodies[0].replaceChildren(...detail.calls.map(c => callRow(c, false)));
  }

  // ---- errors ---------------------------------------------------------------------------------------------

  async function loadErrors() {
    const page = await getJson("/api/v1/calls?status=error&limit=200&" + rangeQuery());
    $("errors-count").textContent = `(${page.total})`;
    const rows = page.items.map(c => el("tr", {},
      el("td", {}, fmt.date(c.timestamp)), el("td", {}, c.provider), el("td", {}, c.model || "—"), el("td", {}, c.path),
      el("td", {}, statusBadge(c)), el("td", {}, c.error ? c.error.type : "—"), el("td", { class: "msg" }, c.error ? c.error.message || "" : ""),
      num(fmt.ms(c.latency_ms)),
      el("td", {}, c.task_id ? el("a", { href: "#/tasks/" + encodeURIComponent(c.task_id) }, shortId(c.task_id)) : "—")));
    $("errors").tBodies[0].replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { class: "empty", colspan: 9 }, "no errors in range"))]));
  }

  // ---- routing and refresh --------------------------------------------------------------------------------

  function route() {
    const hash = location.hash || "#/";
    const match = hash.match(/^#\/tasks\/(.+)$/);
    state.view = match ? "task" : hash === "#/tasks" ? "tasks" : hash === "#/errors" ? "errors" : "overview";
    state.taskId = match ? decodeURIComponent(match[1]) : null;
    for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== "view-" + state.view;
    for (const link of document.querySelectorAll("nav a")) {
      link.classList.toggle("active", link.dataset.view === (state.view === "task" ? "tasks" : state.view));
    }
    refresh(true);
  }

  async function refreshNow() {
    state.lastRefresh = Date.now();
    try {
      if (state.view === "overview") await loadOverview();
      else if (state.view === "tasks") await loadTasks();
      else if (state.view === "task") await loadTask(state.taskId);
      else if (state.view === "errors") await loadErrors();
    } catch (e) {
      // A failed refresh (backend restarting) is retried by the next one; show it without throwing.
      console.warn("refresh failed:", e.message);
    }
  }

  // Coalesces refresh requests: at most one per MIN_REFRESH_MS, however many signals arrive.
  function refresh(immediate) {
    if (state.refreshTimer) return;
    const wait = immediate ? 0 : Math.max(0, state.lastRefresh + MIN_REFRESH_MS - Date.now());
    state.refreshTimer = setTimeout(() => { state.refreshTimer = null; refreshNow(); }, wait);
  }

  function connectLive() {
    const source = new EventSource("/api/v1/live");
    const status = $("live-status");
    source.onopen = () => { status.textContent = "live"; status.className = "status on"; };
    source.onerror = () => { status.textContent = "reconnecting"; status.className = "status off"; };
    source.addEventListener("ai_call", e => { addToFeed(JSON.parse(e.data)); refresh(false); });
    source.addEventListener("task", () => refresh(false));
  }

  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => refresh(false));
  $("range").addEventListener("change", () => refresh(true));
  setInterval(() => refresh(false), IDLE_REFRESH_MS);
  loadFeed().catch(e => console.warn("feed load failed:", e.message));
  connectLive();
  route();
})();
