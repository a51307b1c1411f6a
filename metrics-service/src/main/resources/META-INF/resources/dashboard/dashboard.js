// Counterpart dashboard: fetches /totals and renders it.
// Report data (names, units, later evidence) only ever reaches the page through textContent, never as
// HTML markup, so text containing tags is shown as text and never run. The page's CSP forbids inline scripts too.
'use strict';

const HEADLINES = ['funds_cny', 'projects', 'workers_transferred'];
const numberFormat = new Intl.NumberFormat('en');

function totalsUrl(filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value && value.trim() !== '') params.set(name, value.trim());
  }
  const query = params.toString();
  return query ? `/totals?${query}` : '/totals';
}

async function fetchTotals(filters) {
  const response = await fetch(totalsUrl(filters), { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const reasons = (body && body.invalidParams || []).map(p => `${p.name}: ${p.reason}`).join('; ');
    throw new Error((body && body.detail ? body.detail : `HTTP ${response.status}`) + (reasons ? ` (${reasons})` : ''));
  }
  return body;
}

function formatValue(value, unit) {
  return unit === 'CNY' ? `¥${numberFormat.format(value)}` : numberFormat.format(value);
}

function renderHeadlines(rows) {
  for (const metric of HEADLINES) {
    const card = document.querySelector(`.headline[data-metric="${metric}"]`);
    const ofMetric = rows.filter(row => row.metric === metric);
    const units = [...new Set(ofMetric.map(row => row.unit))];
    const sum = ofMetric.reduce((acc, row) => acc + Number(row.total), 0);
    card.querySelector('[data-role="value"]').textContent =
      ofMetric.length === 0 ? '–' : formatValue(sum, units.length === 1 ? units[0] : '');
    const claims = ofMetric.reduce((acc, row) => acc + row.claimCount, 0);
    card.querySelector('[data-role="detail"]').textContent = ofMetric.length === 0
      ? 'no claims yet'
      : `${ofMetric.length} pair${ofMetric.length === 1 ? '' : 's'}, ${claims} claim${claims === 1 ? '' : 's'}`
        + (units.length > 1 ? ` (mixed units: ${units.join(', ')})` : '');
  }
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function renderPairs(rows) {
  const body = document.querySelector('#pairs tbody');
  body.replaceChildren(...rows.map(row => {
    const tr = document.createElement('tr');
    tr.append(
      cell(row.metric),
      cell(row.donor),
      cell(row.recipient),
      cell(formatValue(row.total, row.unit), 'num'),
      cell(row.unit),
      cell(String(row.claimCount), 'num'));
    return tr;
  }));
}

function setStatus(text, isError) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', Boolean(isError));
}

async function showPairs(form) {
  const filters = Object.fromEntries(new FormData(form).entries());
  setStatus('Loading…');
  try {
    const rows = await fetchTotals(filters);
    renderPairs(rows);
    setStatus(rows.length === 0 ? 'No totals match.' : `${rows.length} total${rows.length === 1 ? '' : 's'}.`);
  } catch (error) {
    renderPairs([]);
    setStatus(`Could not load totals: ${error.message}`, true);
  }
}

async function start() {
  const form = document.getElementById('filters');
  form.addEventListener('submit', event => {
    event.preventDefault();
    showPairs(form);
  });
  try {
    renderHeadlines(await fetchTotals({}));
  } catch (error) {
    setStatus(`Could not load headline totals: ${error.message}`, true);
  }
  await showPairs(form);
}

document.addEventListener('DOMContentLoaded', start);
