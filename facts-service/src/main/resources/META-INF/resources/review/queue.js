// The review queue: facts most worth checking first, each with its sentence (the figure highlighted) between the
// sentences around it, the machine's reading, confidence and reasons, and confirm / correct / reject.
// Keys: c confirm, e correct, r reject, j / k next / previous. All data goes in as text (see review-common.js).
'use strict';

(() => {
  const { t, el, api } = Review;
  const PAGE = 20;
  const state = { items: [], current: 0, next: null, loading: false, reports: new Map() };

  const list = () => document.getElementById('queue');
  const status = () => document.getElementById('status');

  function say(text, kind) {
    Review.setStatus(status(), text, kind);
  }

  // ---------- one item ----------

  function reportText(reportId) {
    if (!state.reports.has(reportId)) {
      state.reports.set(reportId, api.report(reportId).then(r => r, () => null));
    }
    return state.reports.get(reportId);
  }

  /** The evidence sentence with its figure; the neighbouring sentences once the report's text is in. */
  function context(fact) {
    const e = fact.evidence || {};
    const sentence = e.sentence ?? '';
    const prev = el('span', { className: 'prev' });
    const main = el('span', { className: 'sentence' });
    const next = el('span', { className: 'next' });
    const base = Number.isInteger(e.start) ? e.start : 0;
    main.append(Review.highlighted(sentence, 0, sentence.length,
      Number.isInteger(e.figureStart) ? e.figureStart - base : null,
      Number.isInteger(e.figureEnd) ? e.figureEnd - base : null));
    const quote = el('blockquote', { className: 'context' }, prev, main, next);
    reportText(fact.reportId).then(report => {
      const text = report && typeof report.text === 'string' ? report.text : null;
      if (!text || !Number.isInteger(e.start) || !Number.isInteger(e.end)) return;
      if (text.slice(e.start, e.end) === sentence) {
        main.replaceChildren(Review.highlighted(text, e.start, e.end, e.figureStart, e.figureEnd));
      }
      const around = Review.neighbours(text, e.start, e.end);
      prev.textContent = around.prev ? `${around.prev} ` : '';
      next.textContent = around.next ? ` ${around.next}` : '';
      const title = quote.parentElement && quote.parentElement.querySelector('[data-role="report-title"]');
      if (title && report.title) title.textContent = report.title;
    });
    return quote;
  }

  function reading(fact) {
    const confidence = el('span', {},
      el('span', { className: `badge confidence-${fact.confidence}`, text: Review.coded('confidence', fact.confidence) }),
      (fact.reasons && fact.reasons.length) ? ` ${fact.reasons.map(Review.reason).join('; ')}` : '');
    return Review.facts([
      [t('field.metric'), `${Review.metricName(fact.metric)} (${fact.metric})`, 'metric'],
      [t('field.value'), Review.value(fact.value, fact.unit), 'value'],
      [t('field.asWritten'), fact.asWritten, 'asWritten'],
      [t('field.pair'), `${Review.party(fact.donor)} → ${Review.party(fact.recipient)}`, 'pair'],
      [t('field.period'), Review.period(fact), 'period'],
      [`${t('field.qualifier')} / ${t('field.basis')}`,
        `${Review.coded('qualifier', fact.qualifier)} · ${Review.coded('basis', fact.basis)}`, 'qualifier'],
      [t('field.confidence'), confidence, 'confidence']
    ]);
  }

  function button(action, key, className) {
    const node = el('button', { className: `act ${className}`, data: { action } },
      el('span', { text: t(`action.${action}`) }), ' ', el('kbd', { text: key }));
    node.type = 'button';
    node.setAttribute('aria-keyshortcuts', key);
    return node;
  }

  function card(item, index) {
    const fact = item.fact;
    const head = el('div', { className: 'item-head' },
      el('span', { className: 'item-metric', text: Review.metricName(fact.metric) }),
      el('strong', { className: 'item-value', text: Review.value(fact.value, fact.unit) }),
      el('span', { className: `badge confidence-${fact.confidence}`,
        text: `${t('field.confidence')}: ${Review.coded('confidence', fact.confidence)}` }),
      fact.review && fact.review.changed ? el('span', { className: 'badge changed', text: t('status.changed') }) : null,
      typeof item.score === 'number'
        ? el('span', { className: 'score muted', text: `${t('queue.score')} ${item.score.toFixed(2)}` }) : null);
    const worth = (item.reasons && item.reasons.length)
      ? el('p', { className: 'worth' }, el('span', { className: 'worth-label', text: `${t('queue.worth')}: ` }),
        item.reasons.map(Review.reason).join('; '))
      : null;
    const open = el('a', { className: 'open', text: t('action.open') });
    open.href = `report.html?id=${encodeURIComponent(fact.reportId)}&fact=${encodeURIComponent(fact.id)}`;
    const actions = el('div', { className: 'actions' },
      button('confirm', 'c', 'good'), button('correct', 'e', 'neutral'), button('reject', 'r', 'bad'), open);
    const li = el('li', { className: 'item', data: { factId: fact.id, reportId: fact.reportId, metric: fact.metric } },
      el('p', { className: 'report-title muted', data: { role: 'report-title' } }),
      head, context(fact), reading(fact), worth, actions,
      el('p', { className: 'item-error', data: { role: 'error' }, }));
    li.tabIndex = -1;
    li.setAttribute('aria-posinset', String(index + 1));
    li.addEventListener('click', event => {
      const target = event.target.closest('button[data-action]');
      select(state.items.findIndex(i => i.fact.id === fact.id), false);
      if (!target) return;
      if (target.dataset.action === 'correct') openCorrection(li, fact); else act(fact, target.dataset.action);
    });
    return li;
  }

  // ---------- the list ----------

  function render() {
    list().replaceChildren(...state.items.map(card));
    document.getElementById('empty').hidden = state.items.length > 0 || state.loading;
    document.getElementById('more').hidden = !state.next;
    select(Math.min(state.current, state.items.length - 1), false);
  }

  function items() {
    return [...list().querySelectorAll(':scope > li.item')];
  }

  function select(index, focus = true) {
    const nodes = items();
    if (nodes.length === 0) { state.current = 0; return; }
    state.current = Math.max(0, Math.min(index, nodes.length - 1));
    nodes.forEach((node, i) => {
      node.classList.toggle('current', i === state.current);
      if (i === state.current) node.setAttribute('aria-current', 'true'); else node.removeAttribute('aria-current');
    });
    const node = nodes[state.current];
    if (focus) {
      node.focus({ preventScroll: true });
      node.scrollIntoView({ block: 'nearest', behavior: 'auto' });
    }
  }

  async function load(more) {
    if (state.loading) return;
    state.loading = true;
    say(t('queue.loading'));
    try {
      const page = await api.queue(PAGE, more ? state.next : null);
      const known = new Set(state.items.map(i => i.fact.id));
      const fresh = (page && Array.isArray(page.items) ? page.items : []).filter(i => i && i.fact && !known.has(i.fact.id));
      state.items = more ? state.items.concat(fresh) : fresh;
      state.next = page ? page.next ?? null : null;
      state.loading = false;
      render();
      say(t('queue.count', state.items.length, Boolean(state.next)));
    } catch (error) {
      state.loading = false;
      render();
      say(`${t('error.load')}: ${error.message}`, 'error');
    }
  }

  function remove(factId) {
    const index = state.items.findIndex(i => i.fact.id === factId);
    if (index < 0) return;
    state.items.splice(index, 1);
    const node = items().find(n => n.dataset.factId === factId);
    if (node) node.remove();
    if (index < state.current) state.current--;
    document.getElementById('empty').hidden = state.items.length > 0;
    select(state.current);
    if (state.items.length === 0 && state.next) load(true);
  }

  // ---------- actions ----------

  function busy(factId, on) {
    const node = items().find(n => n.dataset.factId === factId);
    if (!node) return null;
    node.classList.toggle('busy', on);
    for (const b of node.querySelectorAll('button')) b.disabled = on;
    return node;
  }

  async function act(fact, action, body = {}) {
    const node = busy(fact.id, true);
    if (node) Review.setStatus(node.querySelector('[data-role="error"]'), '');
    try {
      const reviewed = await api.review(fact.id, { action, ...body });
      const shown = reviewed && reviewed.metric ? reviewed : fact;
      say(`${t(`done.${action}`)}: ${Review.metricName(shown.metric)} ${Review.value(shown.value, shown.unit)} `
        + `(${Review.party(shown.donor)} → ${Review.party(shown.recipient)})`, 'ok');
      remove(fact.id);
      return true;
    } catch (error) {
      busy(fact.id, false);
      const message = `${t('error.save')}: ${error.message}`;
      say(message, 'error');
      if (node) Review.setStatus(node.querySelector('[data-role="error"]'), message, 'error');
      return false;
    }
  }

  function openCorrection(li, fact) {
    const existing = li.querySelector('form.correct');
    if (existing) { existing.querySelector('[name="value"]').focus(); return; }
    const form = Review.correctionForm(fact, {
      submit: async body => (await act(fact, 'correct', body)) ? null : status().textContent,
      cancel: () => { form.remove(); select(state.current); }
    });
    li.querySelector('.actions').after(form);
    form.querySelector('[name="value"]').focus();
    form.querySelector('[name="value"]').select();
  }

  // ---------- keys ----------

  function current() {
    const node = items()[state.current];
    if (!node) return null;
    const item = state.items.find(i => i.fact.id === node.dataset.factId);
    return item ? { node, fact: item.fact } : null;
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || Review.typing(event)) return;
    const here = current();
    switch (event.key) {
      case 'j': select(state.current + 1); break;
      case 'k': select(state.current - 1); break;
      case 'c': if (here && !here.node.classList.contains('busy')) act(here.fact, 'confirm'); break;
      case 'r': if (here && !here.node.classList.contains('busy')) act(here.fact, 'reject'); break;
      case 'e': if (here) openCorrection(here.node, here.fact); break;
      default: return;
    }
    event.preventDefault();
  }

  document.addEventListener('DOMContentLoaded', () => {
    Review.setUpHeader();
    Review.onLanguage(() => { render(); if (!state.loading) say(t('queue.count', state.items.length, Boolean(state.next))); });
    document.getElementById('more').addEventListener('click', () => load(true));
    document.addEventListener('keydown', onKey);
    load(false);
  });
})();
