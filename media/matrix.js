// The ATT&CK matrix page. Plain JS, no framework. Briefing titles come from files anyone can edit, so every piece
// of text goes into the DOM through textContent, never parsed as markup. The extension owns the data: this page
// renders the model it posts and sends back only small, checked messages (filter, open, export, rendered).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const saved = vscode.getState() || {};
  /** Expanded parents, per tactic: "execution/T1059". */
  const expanded = new Set(Array.isArray(saved.expanded) ? saved.expanded : []);
  let citedOnly = saved.citedOnly === true;
  let selected = typeof saved.selected === 'string' ? saved.selected : undefined;
  let model;
  // The number of the model shown, echoed with each render report so the extension knows which model it answers.
  let modelSeq = 0;

  const $ = (id) => document.getElementById(id);
  const matrixEl = $('matrix');
  const detailsEl = $('details');
  const statusEl = $('status');
  const legendEl = $('legend');

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  }

  function save() {
    vscode.setState({ expanded: [...expanded], citedOnly, selected, filter: currentFilter() });
  }

  function currentFilter() {
    const f = {};
    if ($('minSeverity').value) f.minSeverity = $('minSeverity').value;
    if ($('from').value) f.from = $('from').value;
    if ($('to').value) f.to = $('to').value;
    return f;
  }

  function sendFilter() {
    save();
    vscode.postMessage({ type: 'filter', filter: currentFilter() });
  }

  function cellTitle(c) {
    const lines = [`${c.id} ${c.name}`, plural(c.count, 'briefing')];
    if (c.subs.length && c.own !== c.count) lines.push(`${c.own} cite ${c.id} itself, the rest a sub-technique`);
    if (c.covered) lines.push('Covered by a detection');
    return lines.join('\n');
  }

  function techniqueCell(c, tactic, isSub) {
    const wrap = el('div', `technique${isSub ? ' sub' : ''}`);
    const row = el('div', 'row');
    const button = el('button', `cell heat-${c.level}${selected === c.id ? ' selected' : ''}`);
    button.type = 'button';
    button.dataset.id = c.id;
    button.dataset.count = String(c.count);
    button.title = cellTitle(c);
    button.append(el('span', 'id', c.id), el('span', 'name', c.name));
    if (c.count) button.append(el('span', 'count', c.count));
    if (c.covered) {
      const mark = el('span', 'covered', '✓');
      mark.setAttribute('aria-label', 'covered by a detection');
      button.append(mark);
    }
    button.addEventListener('click', () => select(c));
    row.append(button);
    const key = `${tactic}/${c.id}`;
    if (c.subs.length) {
      const open = expanded.has(key);
      const toggle = el('button', 'toggle', open ? '▾' : '▸');
      toggle.type = 'button';
      toggle.title = `${open ? 'Hide' : 'Show'} ${plural(c.subs.length, 'sub-technique')}`;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.addEventListener('click', () => {
        if (expanded.has(key)) expanded.delete(key);
        else expanded.add(key);
        save();
        render();
      });
      row.prepend(toggle);
    } else if (!isSub) {
      row.prepend(el('span', 'toggle-spacer'));
    }
    wrap.append(row);
    if (c.subs.length) {
      // Sub-techniques stay in the DOM when collapsed (hidden), so the render report lists every cited ID.
      const subs = el('div', `subs${expanded.has(key) ? '' : ' collapsed'}`);
      for (const s of c.subs) if (!citedOnly || s.count) subs.append(techniqueCell(s, tactic, true));
      wrap.append(subs);
    }
    return wrap;
  }

  function findCell(id) {
    for (const col of model.columns) {
      for (const t of col.techniques) {
        if (t.id === id) return t;
        const s = t.subs.find((x) => x.id === id);
        if (s) return s;
      }
    }
    const u = model.unknown.find((x) => x.id === id);
    return u && { id: u.id, name: 'not in the loaded ATT&CK data', count: u.count, own: u.count, refs: u.refs, subs: [] };
  }

  function select(c) {
    selected = c.id;
    save();
    for (const b of matrixEl.querySelectorAll('.cell.selected')) b.classList.remove('selected');
    for (const b of matrixEl.querySelectorAll('.cell')) if (b.dataset.id === c.id) b.classList.add('selected');
    showDetails(c);
  }

  function showDetails(c) {
    detailsEl.replaceChildren();
    if (!c) {
      detailsEl.append(el('p', 'hint', 'Select a technique to list the briefings that cite it.'));
      return;
    }
    const h = el('h2');
    h.append(el('span', 'id', c.id), document.createTextNode(' '), el('span', '', c.name));
    detailsEl.append(h, el('p', 'muted', c.count ? `Cited by ${plural(c.count, 'briefing')}` : 'No briefing in the current filter cites it.'));
    const list = el('ul', 'briefings');
    for (const i of c.refs) {
      const b = model.briefings[i];
      if (!b) continue;
      const item = el('li');
      const open = el('button', 'briefing');
      open.type = 'button';
      open.title = 'Open the briefing';
      open.append(el('span', `sev sev-${b.severity}`, b.severity), el('span', 'title', b.title), el('span', 'date', b.published || 'undated'));
      open.addEventListener('click', () => vscode.postMessage({ type: 'open', key: b.key }));
      item.append(open);
      list.append(item);
    }
    detailsEl.append(list);
  }

  function renderLegend() {
    legendEl.replaceChildren();
    if (!model.maxCount) return;
    legendEl.append(el('span', 'muted', 'fewer'));
    for (let level = 1; level <= 5; level++) legendEl.append(el('span', `swatch heat-${level}`));
    legendEl.append(el('span', 'muted', `${plural(model.maxCount, 'briefing')}`));
    if (model.coverage) legendEl.append(el('span', 'covered', '✓'), el('span', 'muted', 'covered by a detection'));
  }

  function renderStatus() {
    const parts = [`${plural(model.briefings.length, 'briefing')} of ${model.total}`];
    const cited = new Set();
    for (const col of model.columns) for (const t of col.techniques) {
      if (t.own) cited.add(t.id);
      for (const s of t.subs) if (s.own) cited.add(s.id);
    }
    parts.push(`${plural(cited.size, 'technique')} cited`);
    if (model.undated) parts.push(`${model.undated} undated${model.undatedExcluded ? ' (left out by the date range)' : ''}`);
    statusEl.textContent = parts.join(' · ');
  }

  function render() {
    if (!model) return;
    matrixEl.replaceChildren();
    if (!model.columns.length) {
      matrixEl.append(el('p', 'hint', 'No MITRE ATT&CK® data is loaded: use "Load ATT&CK Data…" and refresh.'));
    }
    for (const col of model.columns) {
      const column = el('section', 'column');
      const citedHere = col.techniques.filter((t) => t.count).length;
      const head = el('header', 'tactic');
      head.title = col.tactic.id;
      head.append(el('span', 'name', col.tactic.name), el('span', 'muted', `${citedHere}/${col.techniques.length}`));
      column.append(head);
      for (const t of col.techniques) if (!citedOnly || t.count) column.append(techniqueCell(t, col.tactic.shortname, false));
      matrixEl.append(column);
    }
    if (model.unknown.length) {
      const box = el('section', 'unknown');
      box.append(el('header', 'tactic', 'Not in the loaded ATT&CK data'));
      for (const u of model.unknown) {
        const b = el('button', 'cell heat-1', `${u.id} (${u.count})`);
        b.type = 'button';
        b.dataset.id = u.id;
        b.dataset.count = String(u.count);
        b.addEventListener('click', () => select(findCell(u.id)));
        box.append(b);
      }
      matrixEl.append(box);
    }
    renderStatus();
    renderLegend();
    showDetails(selected ? findCell(selected) : undefined);
    const ids = new Set();
    for (const b of matrixEl.querySelectorAll('.cell')) if (Number(b.dataset.count) > 0 && /^T\d{4}(\.\d{3})?$/.test(b.dataset.id)) ids.add(b.dataset.id);
    vscode.postMessage({ type: 'rendered', techniques: [...ids], seq: modelSeq });
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'model' && msg.model && Array.isArray(msg.model.columns)) {
      model = msg.model;
      modelSeq = Number.isSafeInteger(msg.seq) ? msg.seq : 0;
      render();
    } else if (msg.type === 'error' && typeof msg.message === 'string') {
      statusEl.textContent = msg.message;
      matrixEl.replaceChildren(el('p', 'hint', msg.message));
    }
  });

  for (const id of ['minSeverity', 'from', 'to']) $(id).addEventListener('change', sendFilter);
  $('clearFilter').addEventListener('click', () => {
    $('minSeverity').value = '';
    $('from').value = '';
    $('to').value = '';
    sendFilter();
  });
  $('citedOnly').checked = citedOnly;
  $('citedOnly').addEventListener('change', () => {
    citedOnly = $('citedOnly').checked;
    save();
    render();
  });
  $('expandAll').addEventListener('click', () => {
    if (!model) return;
    const all = [];
    for (const col of model.columns) for (const t of col.techniques) if (t.subs.length) all.push(`${col.tactic.shortname}/${t.id}`);
    const collapse = all.length > 0 && all.every((k) => expanded.has(k));
    for (const k of all) (collapse ? expanded.delete(k) : expanded.add(k));
    $('expandAll').textContent = collapse ? 'Expand all' : 'Collapse all';
    save();
    render();
  });
  $('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  $('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));

  // Restore the last filter, then ask for the model with it.
  const f = saved.filter || {};
  if (typeof f.minSeverity === 'string') $('minSeverity').value = f.minSeverity;
  if (typeof f.from === 'string') $('from').value = f.from;
  if (typeof f.to === 'string') $('to').value = f.to;
  vscode.postMessage({ type: 'filter', filter: currentFilter() });
})();
