// weir review: the page. Plain JavaScript, no build step. Every text from the store goes in
// through textContent or an attribute, never as HTML.
"use strict";

const csrf = document.querySelector('meta[name="csrf"]').content;
const reviewer = localStorage.getItem("weir-reviewer") ||
  (() => { const id = "reviewer-" + Math.random().toString(16).slice(2, 10); localStorage.setItem("weir-reviewer", id); return id; })();
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";

const state = {
  inputs: [],      // the claimed inputs, each with its annotations
  pos: null,       // {input, item}: indexes into inputs and the input's annotations
  concepts: [],
  edit: null,      // the box being corrected for the current item
  history: [],     // keys decided in this tab, newest last, for undo
  progress: null,
  busy: false,
};
window.weirReview = state; // for tests and the curious

function api(path, options = {}) {
  const headers = Object.assign({ "X-Weir-Reviewer": reviewer }, options.headers || {});
  if (options.method === "POST") { headers["X-CSRF-Token"] = csrf; headers["Content-Type"] = "application/json"; }
  return fetch(path, Object.assign({}, options, { headers, credentials: "same-origin" })).then(async (r) => {
    let body = null;
    try { body = await r.json(); } catch (e) { body = { error: "unreadable answer (" + r.status + ")" }; }
    return { status: r.status, body };
  });
}

function banner(text, kind) {
  const b = $("banner");
  if (!text) { b.hidden = true; return; }
  b.hidden = false; b.textContent = text; b.className = kind || "";
}

function filterQuery() {
  const q = new URLSearchParams();
  q.set("order", $("order").value);
  for (const [name, id] of [["concept", "f-concept"], ["run", "f-run"], ["task", "f-task"], ["min", "f-min"], ["max", "f-max"]]) {
    const v = $(id).value.trim();
    if (v) q.set(name, v);
  }
  return q.toString();
}

async function loadQueue() {
  // Busy while the queue loads: keys wait for the new batch instead of acting on the old one.
  state.busy = true;
  const { status, body } = await api("/api/queue?" + filterQuery());
  state.busy = false;
  if (status === 503) { banner(body.error || "the store is busy; retrying", "locked"); setTimeout(loadQueue, 2000); return; }
  if (status !== 200) { banner(body.error || ("error " + status), "error"); return; }
  banner(null);
  state.inputs = body.inputs;
  state.concepts = body.concepts;
  state.progress = body.progress;
  state.pos = null;
  state.edit = null;
  moveTo(firstOpen(0, 0, 1));
  showProgress();
  loadStats();
}

function isOpen(a) { return a.review && !a.decision; }

// The next open item from (input, item) in direction dir (1 or -1), inclusive; null if none.
function firstOpen(input, item, dir) {
  for (let i = input; i >= 0 && i < state.inputs.length; i += dir) {
    const list = state.inputs[i].annotations;
    let j = i === input ? item : (dir > 0 ? 0 : list.length - 1);
    for (; j >= 0 && j < list.length; j += dir) if (isOpen(list[j])) return { input: i, item: j };
  }
  return null;
}

function moveTo(pos) {
  state.pos = pos;
  state.edit = null;
  closeRelabel();
  render();
}

function current() {
  if (!state.pos) return null;
  return state.inputs[state.pos.input].annotations[state.pos.item];
}

function showProgress() {
  const p = state.progress;
  if (!p) return;
  $("progress").textContent = p.done + " done · " + p.left + " left · " + p.perMinute.toFixed(1) + "/min";
  $("reviewer").textContent = "you: " + reviewer;
}

function render() {
  const cur = current();
  const box = $("current");
  if (!cur) {
    box.dataset.state = "empty";
    $("current-concept").textContent = state.inputs.length ? "nothing open here" : "the queue is empty";
    $("current-confidence").textContent = "";
    $("current-band").textContent = "";
    $("photo").removeAttribute("src");
    $("input-name").textContent = "";
    $("items").replaceChildren();
    $("boxes").replaceChildren();
    return;
  }
  const input = state.inputs[state.pos.input];
  box.dataset.state = "open";
  box.dataset.input = input.id;
  box.dataset.region = cur.key.region;
  box.dataset.concept = cur.key.concept;
  $("current-concept").textContent = cur.conceptName;
  $("current-confidence").textContent = "confidence " + cur.confidence.toFixed(3);
  $("current-band").textContent = cur.band || "";
  const photo = $("photo");
  if (input.image) {
    if (photo.getAttribute("src") !== input.image) photo.setAttribute("src", input.image);
  } else {
    photo.removeAttribute("src");
  }
  photo.alt = input.fileName;
  $("input-name").textContent = input.fileName + (input.url ? " (" + input.url + ")" : "");
  renderItems(input);
  renderBoxes(input);
}

function renderItems(input) {
  const list = $("items");
  list.replaceChildren();
  input.annotations.forEach((a, j) => {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = a.conceptName + (a.decision ? " — " + a.decision.action : "");
    const conf = document.createElement("span");
    conf.textContent = a.confidence.toFixed(2);
    li.append(name, conf);
    if (j === state.pos.item) li.className = "current";
    else if (a.decision) li.className = "done";
    else if (!a.review) li.className = "context";
    list.append(li);
  });
}

function renderBoxes(input) {
  const svg = $("boxes");
  svg.replaceChildren();
  input.annotations.forEach((a, j) => {
    const b = j === state.pos.item && state.edit ? state.edit : a.box;
    if (!b) return;
    const r = document.createElementNS(SVG, "rect");
    r.setAttribute("x", b.left); r.setAttribute("y", b.top);
    r.setAttribute("width", Math.max(0, b.right - b.left)); r.setAttribute("height", Math.max(0, b.bottom - b.top));
    r.setAttribute("class", j === state.pos.item ? "current" : a.decision ? "decided" : a.review ? "review" : "context");
    const title = document.createElementNS(SVG, "title");
    title.textContent = a.conceptName + " " + a.confidence.toFixed(2);
    r.append(title);
    svg.append(r);
  });
  const cur = current();
  const b = state.edit || (cur && cur.box);
  if (!b) return;
  for (const [corner, x, y] of [["tl", b.left, b.top], ["tr", b.right, b.top], ["bl", b.left, b.bottom], ["br", b.right, b.bottom]]) {
    const h = document.createElementNS(SVG, "ellipse");
    const rect = svg.getBoundingClientRect();
    h.setAttribute("cx", x); h.setAttribute("cy", y);
    h.setAttribute("rx", rect.width ? 7 / rect.width : 0.01); h.setAttribute("ry", rect.height ? 7 / rect.height : 0.01);
    h.setAttribute("class", "handle");
    h.dataset.corner = corner;
    h.addEventListener("pointerdown", startDrag);
    svg.append(h);
  }
}

function startDrag(event) {
  event.preventDefault();
  const corner = event.target.dataset.corner;
  const cur = current();
  if (!cur || !cur.box) return;
  state.edit = state.edit || Object.assign({}, cur.box);
  const svg = $("boxes");
  const move = (e) => {
    const r = svg.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
    const y = Math.min(1, Math.max(0, (e.clientY - r.top) / r.height));
    if (corner[0] === "t") state.edit.top = y; else state.edit.bottom = y;
    if (corner[1] === "l") state.edit.left = x; else state.edit.right = x;
    renderBoxes(state.inputs[state.pos.input]);
  };
  const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", up);
}

function normalizedEdit() {
  const e = state.edit;
  if (!e) return null;
  return { top: Math.min(e.top, e.bottom), bottom: Math.max(e.top, e.bottom), left: Math.min(e.left, e.right), right: Math.max(e.left, e.right) };
}

async function decide(action, extra) {
  const cur = current();
  if (!cur || state.busy) return;
  const body = Object.assign({ key: cur.key, action }, extra || {});
  const edited = normalizedEdit();
  if (edited && (action === "accept" || action === "relabel")) {
    body.box = edited;
    if (action === "accept") body.action = "correct";
  }
  state.busy = true;
  const { status, body: answer } = await api("/api/decisions", { method: "POST", body: JSON.stringify(body) });
  state.busy = false;
  if (status === 503) { banner(answer.error || "the store is busy; retrying", "locked"); setTimeout(() => decide(action, extra), 2000); return; }
  if (status === 409) {
    banner(answer.error, "error");
    if (answer.current) { state.inputs[state.pos.input].annotations[state.pos.item] = answer.current; }
    moveTo(firstOpen(state.pos.input, state.pos.item, 1));
    return;
  }
  if (status !== 200) { banner(answer.error || ("error " + status), "error"); return; }
  banner(null);
  state.inputs[state.pos.input].annotations[state.pos.item] = answer.annotation;
  state.history.push(answer.annotation.key);
  state.progress = answer.progress;
  showProgress();
  const next = firstOpen(state.pos.input, state.pos.item, 1);
  if (next) moveTo(next); else loadQueue();
}

async function undo() {
  const key = state.history.pop();
  if (!key || state.busy) return;
  state.busy = true;
  const { status, body } = await api("/api/decisions", { method: "POST", body: JSON.stringify({ key, action: "undo" }) });
  state.busy = false;
  if (status !== 200) { banner(body.error || ("error " + status), "error"); return; }
  banner("undone: " + body.annotation.conceptName + " on " + key.input);
  // Show the undone item again: in this batch if it is here, else from a fresh queue.
  for (let i = 0; i < state.inputs.length; i++) {
    const list = state.inputs[i].annotations;
    for (let j = 0; j < list.length; j++) {
      const k = list[j].key;
      if (k.workflow === key.workflow && k.input === key.input && k.node === key.node && k.region === key.region && k.concept === key.concept) {
        list[j] = body.annotation;
        state.progress = body.progress;
        showProgress();
        moveTo({ input: i, item: j });
        return;
      }
    }
  }
  loadQueue();
}

function openRelabel() {
  if (!current()) return;
  $("relabel").hidden = false;
  const f = $("relabel-filter");
  f.value = "";
  fillRelabel();
  f.focus();
}

function closeRelabel() {
  $("relabel").hidden = true;
  const f = $("relabel-filter");
  if (document.activeElement === f) f.blur();
}

function fillRelabel() {
  const text = $("relabel-filter").value.trim().toLowerCase();
  const cur = current();
  const list = $("relabel-list");
  list.replaceChildren();
  const names = state.concepts.filter((c) => (!cur || c !== cur.conceptName) && c.toLowerCase().includes(text));
  if (text && !state.concepts.some((c) => c.toLowerCase() === text)) names.push($("relabel-filter").value.trim());
  names.forEach((name, i) => {
    const li = document.createElement("li");
    li.textContent = name;
    if (i === 0) li.className = "selected";
    li.addEventListener("click", () => { closeRelabel(); decide("relabel", { concept: name }); });
    list.append(li);
  });
}

function moveRelabel(dir) {
  const items = Array.from($("relabel-list").children);
  const at = items.findIndex((li) => li.className === "selected");
  if (at < 0) return;
  items[at].className = "";
  const next = Math.min(items.length - 1, Math.max(0, at + dir));
  items[next].className = "selected";
  items[next].scrollIntoView({ block: "nearest" });
}

$("relabel-filter").addEventListener("input", fillRelabel);
$("relabel-filter").addEventListener("keydown", (e) => {
  if (e.key === "Escape") { e.preventDefault(); closeRelabel(); }
  else if (e.key === "ArrowDown") { e.preventDefault(); moveRelabel(1); }
  else if (e.key === "ArrowUp") { e.preventDefault(); moveRelabel(-1); }
  else if (e.key === "Enter") {
    e.preventDefault();
    const chosen = $("relabel-list").querySelector("li.selected");
    closeRelabel();
    if (chosen) decide("relabel", { concept: chosen.textContent });
  }
  e.stopPropagation();
});

document.addEventListener("keydown", (e) => {
  if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
  const help = $("help");
  if (e.key === "Escape") { help.hidden = true; return; }
  if (e.key === "?") { help.hidden = !help.hidden; return; }
  const pos = state.pos;
  switch (e.key) {
    case "a": decide("accept"); break;
    case "x": decide("reject"); break;
    case "r": e.preventDefault(); openRelabel(); break;
    case "u": undo(); break;
    case "j": if (pos) { const n = firstOpen(pos.input, pos.item + 1, 1); if (n) moveTo(n); } break;
    case "k": if (pos) { const n = firstOpen(pos.input, pos.item - 1, -1); if (n) moveTo(n); } break;
    default: return;
  }
});

async function loadStats() {
  const { status, body } = await api("/api/stats");
  if (status !== 200) return;
  const tbody = $("stats").querySelector("tbody");
  tbody.replaceChildren();
  for (const r of body.rows) {
    const tr = document.createElement("tr");
    const decided = r.accepted + r.corrected + r.relabelled + r.rejected;
    const rate = decided ? Math.round(100 * (r.accepted + r.corrected) / decided) + "%" : "";
    for (const v of [r.concept, r.band, r.accepted, r.corrected, r.relabelled, r.rejected, rate]) {
      const td = document.createElement("td");
      td.textContent = String(v);
      tr.append(td);
    }
    tbody.append(tr);
  }
}

$("filters").addEventListener("submit", (e) => { e.preventDefault(); loadQueue(); });
$("help-button").addEventListener("click", () => { $("help").hidden = !$("help").hidden; });
$("photo").addEventListener("load", () => { if (state.pos) renderBoxes(state.inputs[state.pos.input]); });
window.addEventListener("resize", () => { if (state.pos) renderBoxes(state.inputs[state.pos.input]); });
// Renew the claim while the tab is open; a closed tab's claim ends with its lease.
setInterval(() => { if (!state.busy && document.visibilityState === "visible") refreshClaim(); }, 60000);
async function refreshClaim() { await api("/api/queue?" + filterQuery()); }
loadQueue();
