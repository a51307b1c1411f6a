// The report view: the whole text with every extracted figure highlighted (evidence.figureStart/figureEnd are
// offsets into this text), the fact named by ?fact= brought into view, the reading and review of any figure on a
// click, and a figure the machine missed added from a selection of the text. All data goes in as text.
'use strict';

(() => {
  const { t, el, api } = Review;
  const params = new URLSearchParams(window.location.search);
  const state = { id: params.get('id'), target: params.get('fact'), report: null, selection: null, shown: null };

  const $ = id => document.getElementById(id);
  const say = (text, kind) => Review.setStatus($('status'), text, kind);

  // ---------- loading ----------

  async function load() {
    if (!state.id) { say(t('report.missing'), 'error'); $('title').textContent = t('report.untitled'); return; }
    say(t('report.loading'));
    try {
      state.report = await api.report(state.id);
      render();
      say('');
      if (state.target) bringIntoView(state.target);
    } catch (error) {
      say(`${t('error.load')}: ${error.message}`, 'error');
      $('title').textContent = t('report.untitled');
    }
  }

  // ---------- rendering ----------

  function reviewStatus(fact) {
    return fact.review && fact.review.status ? fact.review.status : 'unreviewed';
  }

  /** Figures as runs of text [start, end) with the facts read there; facts sharing or overlapping a figure share a run. */
  function runs(text, facts) {
    const located = facts.filter(f => f.evidence && Number.isInteger(f.evidence.figureStart)
      && Number.isInteger(f.evidence.figureEnd) && f.evidence.figureStart >= 0
      && f.evidence.figureEnd <= text.length && f.evidence.figureEnd > f.evidence.figureStart)
      .sort((a, b) => a.evidence.figureStart - b.evidence.figureStart || a.evidence.figureEnd - b.evidence.figureEnd);
    const out = [];
    for (const fact of located) {
      const last = out[out.length - 1];
      if (last && fact.evidence.figureStart < last.end) {
        last.end = Math.max(last.end, fact.evidence.figureEnd);
        last.facts.push(fact);
      } else {
        out.push({ start: fact.evidence.figureStart, end: fact.evidence.figureEnd, facts: [fact] });
      }
    }
    return { runs: out, unlocated: facts.filter(f => !located.includes(f)) };
  }

  function render() {
    const report = state.report;
    const text = typeof report.text === 'string' ? report.text : '';
    const facts = Array.isArray(report.facts) ? report.facts : [];
    const title = report.title || t('report.untitled');
    $('title').textContent = title;
    document.title = `${title} · Counterpart`;
    $('meta').replaceChildren(...meta(report));
    const source = $('source');
    const href = Review.safeHref(report.sourceUrl);
    source.hidden = !href;
    if (href) source.href = href; else source.removeAttribute('href');
    const body = $('text');
    body.lang = report.language === 'zh' ? 'zh-CN' : (report.language || '');

    const { runs: figures, unlocated } = runs(text, facts);
    const nodes = [];
    let at = 0;
    for (const run of figures) {
      if (run.start > at) nodes.push(document.createTextNode(text.slice(at, run.start)));
      nodes.push(mark(text.slice(run.start, run.end), run));
      at = run.end;
    }
    if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
    body.replaceChildren(...nodes);

    const rejected = figures.filter(r => r.facts.every(f => reviewStatus(f) === 'rejected')).length;
    $('summary').textContent = t('report.figures', figures.length, rejected);

    const section = $('unlocated');
    section.hidden = unlocated.length === 0;
    section.querySelector('[data-role="list"]').replaceChildren(...unlocated.map(f => {
      const item = el('li', {}, el('button', { className: 'linkish',
        text: `${Review.metricName(f.metric)} ${Review.value(f.value, f.unit)} · ${f.evidence ? f.evidence.sentence ?? '' : ''}` }));
      item.dataset.factId = f.id;
      item.querySelector('button').addEventListener('click', () => showFacts([f]));
      return item;
    }));
    if (state.shown) {
      const again = state.shown.map(id => facts.find(f => f.id === id)).filter(Boolean);
      if (again.length) showFacts(again); else hideDetail();
    }
  }

  /** Language, publication date and outlet, as text, separated by middle dots; what the report does not say is left out. */
  function meta(report) {
    const parts = [];
    if (report.language) parts.push(el('span', { text: Review.coded('language', report.language) }));
    if (report.publishedAt) {
      const time = el('time', { text: `${t('report.publishedAt')} ${Review.day(report.publishedAt)}` });
      time.dateTime = report.publishedAt;
      parts.push(time);
    }
    const outlet = Review.outlet(report.sourceUrl);
    if (outlet) parts.push(el('span', { className: 'outlet', text: outlet, title: t('report.outlet') }));
    return parts.flatMap((part, i) => (i ? [document.createTextNode(' · '), part] : [part]));
  }

  function mark(figure, run) {
    const statuses = run.facts.map(reviewStatus);
    const node = el('mark', { className: 'figure', text: figure });
    node.dataset.factIds = run.facts.map(f => f.id).join(' ');
    node.dataset.status = statuses.every(s => s === 'rejected') ? 'rejected'
      : (statuses.find(s => s !== 'rejected' && s !== 'unreviewed') || 'unreviewed');
    node.classList.add(`status-${node.dataset.status}`);
    if (run.facts.some(f => f.origin === 'analyst')) node.classList.add('analyst');
    if (run.facts.some(f => f.confidence === 'low')) node.classList.add('low');
    if (state.target && run.facts.some(f => f.id === state.target)) node.classList.add('target');
    node.tabIndex = 0;
    node.setAttribute('role', 'button');
    node.title = run.facts.map(f => `${Review.metricName(f.metric)}: ${Review.value(f.value, f.unit)} · `
      + Review.coded('status', reviewStatus(f))).join('\n');
    const open = () => showFacts(run.facts, node);
    node.addEventListener('click', open);
    node.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(); }
    });
    return node;
  }

  function bringIntoView(factId) {
    const node = [...$('text').querySelectorAll('mark.figure')].find(m => m.dataset.factIds.split(' ').includes(factId));
    const facts = state.report && Array.isArray(state.report.facts) ? state.report.facts : [];
    const fact = facts.find(f => f.id === factId);
    if (node) {
      node.classList.add('target');
      node.scrollIntoView({ block: 'center' });
      showFacts(facts.filter(f => node.dataset.factIds.split(' ').includes(f.id)), node);
    } else if (fact) {
      showFacts([fact]);
    }
  }

  // ---------- a figure's reading and review ----------

  function hideDetail() {
    $('detail').hidden = true;
    state.shown = null;
    document.body.classList.remove('sheet-open');
    for (const m of $('text').querySelectorAll('mark.figure.shown')) m.classList.remove('shown');
  }

  function showFacts(facts, node) {
    const detail = $('detail');
    for (const m of $('text').querySelectorAll('mark.figure.shown')) m.classList.remove('shown');
    if (node) node.classList.add('shown');
    state.shown = facts.map(f => f.id);
    detail.querySelector('[data-role="heading"]').textContent = facts.length === 1
      ? `${Review.metricName(facts[0].metric)} · ${Review.value(facts[0].value, facts[0].unit)}`
      : facts.map(f => Review.metricName(f.metric)).join(' · ');
    detail.querySelector('[data-role="body"]').replaceChildren(...facts.map(factDetail));
    detail.hidden = false;
    document.body.classList.add('sheet-open');
  }

  function factDetail(fact) {
    const status = reviewStatus(fact);
    const review = fact.review || {};
    const box = el('div', { className: `fact status-${status}`, data: { factId: fact.id } });
    box.append(el('p', { className: 'fact-status' },
      el('span', { className: `badge status-${status}`, text: Review.coded('status', status) }),
      review.changed ? el('span', { className: 'badge changed', text: t('status.changed') }) : null,
      el('span', { className: `badge origin-${fact.origin || 'machine'}`, text: Review.coded('origin', fact.origin || 'machine') })));
    const reasons = (fact.reasons || []).map(Review.reason).join('; ');
    box.append(Review.facts([
      [t('field.metric'), `${Review.metricName(fact.metric)} (${fact.metric})`, 'metric'],
      [t('field.value'), Review.value(fact.value, fact.unit), 'value'],
      [t('field.asWritten'), fact.asWritten, 'asWritten'],
      [t('field.pair'), `${Review.party(fact.donor)} → ${Review.party(fact.recipient)}`, 'pair'],
      [t('field.period'), Review.period(fact), 'period'],
      [`${t('field.qualifier')} / ${t('field.basis')}`,
        `${Review.coded('qualifier', fact.qualifier)} · ${Review.coded('basis', fact.basis)}`, 'qualifier'],
      [t('field.confidence'), `${Review.coded('confidence', fact.confidence)}${reasons ? ` (${reasons})` : ''}`, 'confidence'],
      [t('field.extractor'), fact.extractorVersion, 'extractor']
    ]));
    if (status !== 'unreviewed' || review.note) {
      box.append(Review.facts([
        [t('field.review'), `${Review.coded('status', status)} ${review.by ? t('by', review.by, Review.when(review.at)) : ''}`.trim(), 'review'],
        [t('field.note'), review.note, 'note']
      ], 'reading review'));
    }
    if (fact.extracted) {
      const x = fact.extracted;
      box.append(Review.facts([
        [t('field.machine'), `${Review.metricName(x.metric)} ${Review.value(x.value, x.unit)} · `
          + `${Review.party(x.donor)} → ${Review.party(x.recipient)} · ${Review.period(x)}`, 'extracted']
      ], 'reading machine'));
    }
    if (fact.evidence && fact.evidence.sentence) {
      box.append(el('blockquote', { className: 'context', text: fact.evidence.sentence }));
    }
    box.append(reviewActions(fact));
    const history = el('button', { className: 'linkish', text: t('report.history') });
    history.type = 'button';
    const historyBox = el('div', { className: 'history' });
    history.addEventListener('click', async () => {
      try {
        const h = await api.history(fact.id);
        const items = [];
        for (const r of (h && h.readings) || []) {
          const reading = r.reading || {};
          items.push(el('li', { text: `${Review.when(r.recordedAt)} · ${t('history.reading', r.extractorVersion, r.revision)}`
            + (reading.metric ? ` · ${Review.metricName(reading.metric)} ${Review.value(reading.value, reading.unit)}` : '') }));
        }
        for (const r of (h && h.reviews) || []) {
          items.push(el('li', { text: `${Review.when(r.at)} · ${Review.coded('done', r.action)} ${r.by ? t('by', r.by, '') : ''}`
            + (r.correction && typeof r.correction === 'object' ? ` · ${Object.entries(r.correction)
            .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')}` : '') + (r.note ? ` · ${r.note}` : '') }));
        }
        historyBox.replaceChildren(el('ul', {}, ...items));
      } catch (error) {
        historyBox.replaceChildren(el('p', { className: 'form-error', text: `${t('error.load')}: ${error.message}` }));
      }
    });
    box.append(history, historyBox);
    return box;
  }

  /** Confirm, correct or reject from the report view too: a figure read wrongly is often seen here first. */
  function reviewActions(fact) {
    const actions = el('div', { className: 'actions' });
    const error = el('p', { className: 'form-error', data: { role: 'error' } });
    const holder = el('div', {}, actions, error);
    const send = async (action, body = {}) => {
      Review.setStatus(error, '');
      for (const b of actions.querySelectorAll('button')) b.disabled = true;
      try {
        await api.review(fact.id, { action, ...body });
        say(`${t(`done.${action}`)}: ${Review.metricName(fact.metric)}`, 'ok');
        state.report = await api.report(state.id);
        render();
        return null;
      } catch (e) {
        const message = `${t('error.save')}: ${e.message}`;
        Review.setStatus(error, message, 'error');
        say(message, 'error');
        for (const b of actions.querySelectorAll('button')) b.disabled = false;
        return message;
      }
    };
    for (const [action, className] of [['confirm', 'good'], ['correct', 'neutral'], ['reject', 'bad']]) {
      const b = el('button', { className: `act ${className}`, text: t(`action.${action}`), data: { action } });
      b.type = 'button';
      b.addEventListener('click', () => {
        if (action !== 'correct') { send(action); return; }
        if (holder.querySelector('form')) return;
        const form = Review.correctionForm(fact, { submit: body => send('correct', body), cancel: () => form.remove() });
        holder.append(form);
        form.querySelector('[name="value"]').focus();
      });
      actions.append(b);
    }
    return holder;
  }

  // ---------- adding a missed figure ----------

  /** The selection as offsets into the report text, when it lies inside the text; edges' white space left out. */
  function selectionOffsets() {
    const selection = window.getSelection();
    const body = $('text');
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    let end = start + range.toString().length;
    const text = state.report ? state.report.text : '';
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end > start ? { start, end, text: text.slice(start, end) } : null;
  }

  function onSelection() {
    if (!state.report || $('selection').querySelector('form')) return;
    const picked = selectionOffsets();
    if (!picked) return;
    state.selection = picked;
    showSelection();
  }

  function showSelection() {
    const box = $('selection');
    const selected = box.querySelector('[data-role="selected"]');
    selected.hidden = !state.selection;
    selected.textContent = state.selection ? t('report.selected', state.selection.text) : '';
    box.querySelector('[data-role="hint"]').hidden = Boolean(state.selection);
    $('add').disabled = !state.selection;
  }

  const SCALES = [[/billion|bn\b/i, 1e9], [/million|mn\b/i, 1e6], [/thousand/i, 1e3], [/亿/, 1e8], [/万/, 1e4]];

  /** A first guess of the value the selection states: "120 million yuan" → 120000000, "1.2亿元" → 120000000. */
  function guessValue(text) {
    const match = /(\d[\d,]*(?:\.\d+)?)/.exec(text);
    if (!match) return '';
    let n = Number(match[1].replaceAll(',', ''));
    const rest = text.slice(match.index + match[1].length);
    const scale = SCALES.find(([pattern]) => pattern.test(rest));
    if (scale) n *= scale[1];
    return Number.isFinite(n) ? String(Math.round(n * 1e4) / 1e4) : '';
  }

  /** The parties and period of the closest fact before the selection (or after it), as a starting point. */
  function nearby(start) {
    const facts = (state.report.facts || []).filter(f => f.evidence && Number.isInteger(f.evidence.start)
      && (f.review || {}).status !== 'rejected');
    const before = facts.filter(f => f.evidence.start <= start).sort((a, b) => b.evidence.start - a.evidence.start)[0];
    const after = facts.filter(f => f.evidence.start > start).sort((a, b) => a.evidence.start - b.evidence.start)[0];
    const near = before || after;
    const name = p => (p && (p.name || p.code)) || '';
    return near ? { donor: name(near.donor), recipient: name(near.recipient), basis: near.basis,
      periodStart: near.periodStart, periodEnd: near.periodEnd, asOf: near.asOf } : { donor: '', recipient: '' };
  }

  function openAdd() {
    if (!state.selection) return;
    const picked = state.selection;
    const holder = $('selection').querySelector('[data-role="form"]');
    const parties = nearby(picked.start);
    const metric = Review.metricSelect('projects');
    const fields = {
      metric,
      value: Review.input('text', guessValue(picked.text)),
      unit: Review.input('text', Review.metricUnit('projects')),
      donor: Review.input('text', parties.donor, t('placeholder.party')),
      recipient: Review.input('text', parties.recipient, t('placeholder.party')),
      qualifier: Review.select(['exact', 'approximate', 'at_least'].map(q => [q, Review.coded('qualifier', q)]), 'exact'),
      basis: Review.select(['period', 'cumulative', 'plan'].map(b => [b, Review.coded('basis', b)]), parties.basis || 'period'),
      periodStart: Review.input('date', parties.periodStart),
      periodEnd: Review.input('date', parties.periodEnd),
      asOf: Review.input('date', parties.asOf),
      note: Review.input('text', '', t('placeholder.note'))
    };
    fields.value.inputMode = 'decimal';
    const money = /元|yuan|CNY|RMB/i.test(picked.text);
    if (money) {
      metric.value = 'funds_cny';
      fields.unit.value = 'CNY';
    }
    Review.followUnit(metric, fields.unit, metric.value);
    const message = el('p', { className: 'form-error', data: { role: 'form-error' } });
    const save = el('button', { className: 'act good', text: t('action.add') });
    save.type = 'submit';
    const cancel = el('button', { className: 'act', text: t('action.cancel') }, ' ', el('kbd', { text: 'Esc' }));
    cancel.type = 'button';
    const form = el('form', { className: 'add-form' },
      el('h2', { text: t('report.addTitle') }),
      Review.facts([[t('field.figure'), picked.text, 'figure']]),
      el('div', { className: 'grid' }, ...Object.entries(fields).map(([name, node]) => Review.field(name, `field.${name}`, node))),
      message, el('div', { className: 'actions' }, save, cancel));
    form.noValidate = true;
    const close = () => { form.remove(); $('add').hidden = false; showSelection(); };
    cancel.addEventListener('click', close);
    Review.formKeys(form, close);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const raw = fields.value.value.trim().replaceAll(',', '');
      if (raw === '' || !Number.isFinite(Number(raw))) {
        Review.setStatus(message, `${t('field.value')}: ${fields.value.value}`, 'error');
        return;
      }
      const body = { figureStart: picked.start, figureEnd: picked.end, metric: metric.value, value: Number(raw),
        unit: fields.unit.value.trim(), donor: fields.donor.value.trim(), recipient: fields.recipient.value.trim(),
        qualifier: fields.qualifier.value, basis: fields.basis.value };
      for (const name of ['periodStart', 'periodEnd', 'asOf']) if (fields[name].value) body[name] = fields[name].value;
      if (fields.note.value.trim()) body.note = fields.note.value.trim();
      save.disabled = true;
      try {
        const added = await api.add(state.id, body);
        form.remove();
        $('add').hidden = false;
        state.selection = null;
        window.getSelection().removeAllRanges();
        showSelection();
        say(`${t('done.add')}: ${Review.metricName(added.metric)} ${Review.value(added.value, added.unit)}`, 'ok');
        state.target = added.id;
        state.report = await api.report(state.id);
        render();
        bringIntoView(added.id);
      } catch (error) {
        save.disabled = false;
        Review.setStatus(message, `${t('error.save')}: ${error.message}`, 'error');
      }
    });
    $('add').hidden = true;
    holder.replaceChildren(form);
    fields.metric.focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    Review.setUpHeader();
    Review.onLanguage(() => { if (state.report) render(); showSelection(); });
    document.addEventListener('selectionchange', onSelection);
    $('add').addEventListener('click', openAdd);
    $('detail').querySelector('[data-role="close"]').addEventListener('click', hideDetail);
    document.addEventListener('keydown', event => {
      if (event.key === 'Escape' && !Review.typing(event)) hideDetail();
    });
    load();
  });
})();
