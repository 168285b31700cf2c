// Minimal canvas line charts for the dashboard: no library, no network.
"use strict";

window.AxomCharts = (function () {
  function niceMax(value) {
    if (!(value > 0)) return 1;
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * magnitude >= value) return step * magnitude;
    }
    return 10 * magnitude;
  }

  function timeLabel(ms) {
    const d = new Date(ms);
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
  }

  // points: [{t: epoch ms, v: number|null}], format: value → label
  function line(canvas, points, format, color) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);

    const left = 52, right = 8, top = 8, bottom = 20;
    const plotW = width - left - right, plotH = height - top - bottom;
    const values = points.filter(p => p.v !== null && p.v !== undefined);
    const max = niceMax(Math.max(0, ...values.map(p => p.v)));
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = "#667085";
    ctx.strokeStyle = "#e3e6eb";
    ctx.lineWidth = 1;
    for (let i = 0; i <= 2; i++) {
      const y = top + plotH - (plotH * i) / 2;
      ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(left + plotW, y); ctx.stroke();
      ctx.textAlign = "right"; ctx.textBaseline = "middle";
      ctx.fillText(format((max * i) / 2), left - 4, y);
    }
    if (points.length === 0) return;

    const t0 = points[0].t, t1 = points[points.length - 1].t;
    const x = t => left + (t1 === t0 ? plotW / 2 : ((t - t0) / (t1 - t0)) * plotW);
    const y = v => top + plotH - (v / max) * plotH;
    ctx.textBaseline = "top";
    ctx.textAlign = "left"; ctx.fillText(timeLabel(t0), left, top + plotH + 4);
    ctx.textAlign = "right"; ctx.fillText(timeLabel(t1), left + plotW, top + plotH + 4);

    if (values.length === 0) {
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText("no data in range", left + plotW / 2, top + plotH / 2);
      return;
    }
    ctx.strokeStyle = color; ctx.fillStyle = color; ctx.lineWidth = 2;
    ctx.beginPath();
    let drawing = false;
    for (const p of points) {
      if (p.v === null || p.v === undefined) { drawing = false; continue; }
      if (drawing) ctx.lineTo(x(p.t), y(p.v)); else ctx.moveTo(x(p.t), y(p.v));
      drawing = true;
    }
    ctx.stroke();
    for (const p of values) {
      ctx.beginPath(); ctx.arc(x(p.t), y(p.v), 2.5, 0, Math.PI * 2); ctx.fill();
    }
  }

  // Task timeline as inline SVG: one bar per call from its start to start + latency, TTFT marked.
  function timeline(container, calls, label) {
    const ns = "http://www.w3.org/2000/svg";
    container.textContent = "";
    if (calls.length === 0) return;
    const starts = calls.map(c => Date.parse(c.timestamp));
    const t0 = Math.min(...starts);
    const t1 = Math.max(...calls.map((c, i) => starts[i] + (c.latency_ms || 0)));
    const span = Math.max(1, t1 - t0);
    const rowH = 22, labelW = 360, width = 1000, height = calls.length * rowH + 24;
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("role", "img");
    const scale = (width - labelW - 60) / span;
    calls.forEach((c, i) => {
      const yy = i * rowH + 4;
      const text = document.createElementNS(ns, "text");
      text.setAttribute("x", 0); text.setAttribute("y", yy + 14);
      text.textContent = label(c);
      svg.appendChild(text);
      const bar = document.createElementNS(ns, "rect");
      bar.setAttribute("x", labelW + (starts[i] - t0) * scale);
      bar.setAttribute("y", yy + 3);
      bar.setAttribute("width", Math.max(2, (c.latency_ms || 0) * scale));
      bar.setAttribute("height", rowH - 8);
      bar.setAttribute("rx", 3);
      bar.setAttribute("fill", c.status === 0 || c.status >= 400 || c.error ? "#c2352b" : "#2f6fed");
      const title = document.createElementNS(ns, "title");
      title.textContent = `${c.provider} ${c.model || ""} ${c.status} — ${Math.round(c.latency_ms)} ms`;
      bar.appendChild(title);
      svg.appendChild(bar);
      if (c.ttft_ms !== null && c.ttft_ms !== undefined) {
        const tick = document.createElementNS(ns, "rect");
        tick.setAttribute("x", labelW + (starts[i] - t0 + c.ttft_ms) * scale);
        tick.setAttribute("y", yy + 1); tick.setAttribute("width", 2); tick.setAttribute("height", rowH - 4);
        tick.setAttribute("fill", "#b26b00");
        svg.appendChild(tick);
      }
    });
    const axis = document.createElementNS(ns, "text");
    axis.setAttribute("x", width - 4); axis.setAttribute("y", height - 4); axis.setAttribute("text-anchor", "end");
    axis.textContent = `0 – ${Math.round(span)} ms (orange tick: first token)`;
    svg.appendChild(axis);
    container.appendChild(svg);
  }

  return { line, timeline };
})();
