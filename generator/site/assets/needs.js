/* Berdaya needs self-assessment (README "The self-assessment page"). Loaded by
 * site.js only on penilaian-kebutuhan/. Keeps the ratings in localStorage under
 * the page's key ({version:1, scale, id, ratings:{competency:[I,A]}}); shows the
 * largest gaps; exports a CSV with the survey's own column names and a short
 * text that 'berdaya needs analyze' reads. Trainer text is set as text only. */
(() => {
  "use strict";
  // {n} and {n:one|other} (a word by its number, as messages.fill in Python).
  const fill = (s, v) => String(s).replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g,
    (m, k, one, other) => (!(k in v) ? m : other === undefined ? v[k] : Number(v[k]) === 1 ? one : other));
  const el = (tag, text) => { const e = document.createElement(tag); if (text != null) e.textContent = text; return e; };
  const token = () => {
    const bytes = new Uint8Array(6);
    (window.crypto || {}).getRandomValues ? crypto.getRandomValues(bytes) : bytes.forEach((_, i) => { bytes[i] = Math.random() * 256; });
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    let cfg;
    try { cfg = JSON.parse(form.getAttribute("data-berdaya-needs")); } catch (e) { return; }
    const t = cfg.strings;
    const load = () => {
      try {
        const s = JSON.parse(localStorage.getItem(cfg.key));
        return s && s.version === 1 && s.scale === cfg.scale && /^[0-9a-f]{12}$/.test(s.id) && s.ratings && typeof s.ratings === "object" ? s : null;
      } catch (e) { return null; }
    };
    let state = load() || { version: 1, scale: cfg.scale, id: token(), ratings: {} };
    const save = () => { try { localStorage.setItem(cfg.key, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ } };
    const input = (name, value) => form.querySelector(`input[name="${name}"][value="${value}"]`);
    const pair = (item) => (Array.isArray(state.ratings[item.id]) ? state.ratings[item.id] : [null, null]);

    cfg.items.forEach((item) => pair(item).forEach((value, i) => {
      const box = value == null ? null : input(item.names[i], value);
      if (box) box.checked = true;
    }));

    const text = () => [`Berdaya kebutuhan v1 skala ${cfg.scale} #${state.id}`]
      .concat(cfg.items.map((item) => `${item.id} ${pair(item).map((v) => (v == null ? "-" : v)).join(" ")}`)).join("\n") + "\n";
    const csv = () => ["_uuid"].concat(...cfg.items.map((item) => item.names)).join(",") + "\r\n"
      + [state.id].concat(...cfg.items.map((item) => pair(item).map((v) => (v == null ? "" : v)))).join(",") + "\r\n";

    const progress = form.querySelector(".bn-progress"), list = form.querySelector(".bn-gaps");
    const area = form.querySelector(".bn-text"), status = form.querySelector(".bn-status");
    function show() {
      const rated = cfg.items.filter((item) => pair(item).every((v) => v != null));
      progress.textContent = fill(t.progress, { done: rated.length, total: cfg.items.length });
      const gaps = rated.map((item) => ({ item, i: pair(item)[0], a: pair(item)[1] }))
        .filter((g) => g.i - g.a > 0).sort((x, y) => (y.i - y.a) - (x.i - x.a) || y.i - x.i).slice(0, 3);
      list.replaceChildren();
      if (!gaps.length) list.appendChild(el("li", t.none));
      gaps.forEach((g) => {
        const li = el("li", fill(t.gap, { title: g.item.title, gap: g.i - g.a, importance: g.i, ability: g.a }));
        if (g.item.modules.length) {
          li.appendChild(document.createTextNode(` ${t.modules}: `));
          g.item.modules.forEach((m, n) => {
            const a = el("a", m.title);
            a.href = m.url;
            if (n) li.appendChild(document.createTextNode(", "));
            li.appendChild(a);
          });
        }
        list.appendChild(li);
      });
      area.value = text();
    }

    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("change", (e) => {
      const item = cfg.items.find((x) => x.names.includes(e.target.name));
      if (!item) return;
      const next = pair(item).slice();
      next[item.names.indexOf(e.target.name)] = Number(e.target.value);
      state.ratings[item.id] = next;
      save();
      show();
    });
    form.querySelector(".bn-download").addEventListener("click", () => {
      const link = el("a");
      link.href = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
      link.download = `penilaian-kebutuhan-${state.id}.csv`;
      document.body.appendChild(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });
    form.querySelector(".bn-copy").addEventListener("click", () => {
      const manual = () => { area.focus(); area.select(); status.textContent = t.copy_failed; };
      if (!navigator.clipboard) return manual();
      navigator.clipboard.writeText(text()).then(() => { status.textContent = t.copied; }, manual);
    });
    form.querySelector(".bn-clear").addEventListener("click", () => {
      if (!window.confirm(t.clear_confirm)) return;
      try { localStorage.removeItem(cfg.key); } catch (e) { /* nothing stored */ }
      state = { version: 1, scale: cfg.scale, id: token(), ratings: {} };
      form.querySelectorAll("input[type=radio]").forEach((box) => { box.checked = false; });
      status.textContent = t.cleared;
      show();
    });
    show();
  }

  const init = () => document.querySelectorAll("form[data-berdaya-needs]").forEach(setup);
  // Loaded late by site.js: run now, and again after each instant navigation.
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
