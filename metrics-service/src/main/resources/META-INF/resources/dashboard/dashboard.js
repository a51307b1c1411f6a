// Counterpart dashboard: headline totals, charts by pair and by year, a sortable table of pairs, and the claims
// behind any total. Report data (names, evidence sentences, ids) only ever reaches the page through textContent
// or element properties, never as markup, so text containing tags is shown as text and never run. The page's
// Content-Security-Policy forbids inline scripts as a second line of defence.
'use strict';

const METRICS = {
  funds_cny: 'Aid funds', projects: 'Projects', workers_transferred: 'Workers placed in jobs',
  investment_cny: 'Investment', consumption_cny: 'Consumption-driven aid', people_trained: 'People trained',
  personnel_exchanged: 'Personnel exchanged', enterprises_introduced: 'Enterprises introduced',
  agreements: 'Agreements', people_lifted: 'People lifted out of poverty', people_benefited: 'People benefited',
  villages_benefited: 'Villages benefited',
  exchange_visits: 'Exchange visits'
};
const HEADLINES = ['funds_cny', 'projects', 'workers_transferred'];
const PROVINCES = [['11', 'Beijing'], ['12', 'Tianjin'], ['13', 'Hebei'], ['14', 'Shanxi'], ['15', 'Inner Mongolia'],
  ['21', 'Liaoning'], ['22', 'Jilin'], ['23', 'Heilongjiang'], ['31', 'Shanghai'], ['32', 'Jiangsu'],
  ['33', 'Zhejiang'], ['34', 'Anhui'], ['35', 'Fujian'], ['36', 'Jiangxi'], ['37', 'Shandong'], ['41', 'Henan'],
  ['42', 'Hubei'], ['43', 'Hunan'], ['44', 'Guangdong'], ['45', 'Guangxi'], ['46', 'Hainan'], ['50', 'Chongqing'],
  ['51', 'Sichuan'], ['52', 'Guizhou'], ['53', 'Yunnan'], ['54', 'Tibet'], ['61', 'Shaanxi'], ['62', 'Gansu'],
  ['63', 'Qinghai'], ['64', 'Ningxia'], ['65', 'Xinjiang']];
const REASONS = {
  overlapped: 'overlaps claims that add up to more', duplicate: 'same claim as another (listed among its sources)',
  conflict: 'disagrees with a preferred claim for the same period', plan: 'a plan, not work done',
  child_pairs_larger: 'the pairs below add up to more',
  part: 'a part of a total the same report states: that total counts, the part is not added to it'
};
const COLOURS = { funds_cny: '#c2410c', projects: '#0f766e', workers_transferred: '#1d4ed8' };

const state = { metric: 'funds_cny', province: '', year: '', low: false, sort: { key: 'funds_cny', dir: -1 }, pairs: [], drill: null };
const charts = {};

// ---------- numbers ----------

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const twoDigits = new Intl.NumberFormat('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const oneDigit = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** 2140000000 CNY -> "2.14 bn CNY"; 460000000 -> "460 mn CNY"; 5300 people -> "5,300 people". */
function readable(value, unit) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '–';
  const suffix = unit ? ` ${unit}` : '';
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${twoDigits.format(n / 1e9)} bn${suffix}`;
  if (abs >= 1e6) return `${oneDigit.format(n / 1e6)} mn${suffix}`;
  return `${integer.format(n)}${suffix}`;
}

function shortNumber(value) {
  const n = Number(value);
  if (Math.abs(n) >= 1e9) return `${oneDigit.format(n / 1e9)} bn`;
  if (Math.abs(n) >= 1e6) return `${oneDigit.format(n / 1e6)} mn`;
  if (Math.abs(n) >= 1e4) return `${oneDigit.format(n / 1e3)} k`;
  return integer.format(n);
}

function plural(count, word) {
  return `${integer.format(count)} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * 0.864 -> "reviewed 86%": the share of a figure an analyst confirmed or corrected. Rounded down, as the API rounds
 * it, so that "100%" means every unit was checked; a sliver above nothing is "under 1%", not "0%".
 */
function reviewedText(share) {
  const n = Number(share);
  if (share === undefined || share === null || !Number.isFinite(n)) return '';
  if (n > 0 && n < 0.01) return 'reviewed <1%';
  return `reviewed ${Math.floor(n * 100 + 1e-9)}%`;
}

// ---------- fetching ----------

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') search.set(name, String(value).trim());
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function confidenceParam() {
  return state.low ? 'low' : '';
}

function filterParams() {
  return { province: state.province, fromYear: state.year, toYear: state.year, minConfidence: confidenceParam() };
}

async function getJson(url) {
  return (await getPage(url)).body;
}

async function getPage(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const reasons = (body && body.invalidParams || []).map(p => `${p.name}: ${p.reason}`).join('; ');
    throw new Error((body && body.detail ? body.detail : `HTTP ${response.status}`) + (reasons ? ` (${reasons})` : ''));
  }
  return { body, next: nextLink(response.headers.get('Link')) };
}

// A paged list (/totals, /pairs): every page, following Link rel="next" until there is none.
async function getAll(url) {
  const rows = [];
  for (let next = url; next; ) {
    const page = await getPage(next);
    rows.push(...page.body);
    next = page.next;
  }
  return rows;
}

function nextLink(header) {
  const match = /<([^>]*)>\s*;\s*rel="next"/.exec(header || '');
  if (!match) {
    return null;
  }
  const link = new URL(match[1], window.location.href);
  // Only ever follow a link to this service: the path and query, on this origin.
  return link.pathname + link.search;
}

// ---------- small DOM helpers (text only) ----------

function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title) node.title = options.title;
  for (const child of children) if (child) node.append(child);
  return node;
}

function safeHref(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function setStatus(text, isError) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', Boolean(isError));
}

// ---------- parties ----------

/** A group with known members is written as its members: "Shanghai + Guangdong"; anything else by its name. */
function partyLabel(name, members) {
  return members && members.length ? members.map(m => m.name).join(' + ') : name;
}

/** "Shanghai + Guangdong → Yunnan", for any row that has donor, recipient and their members. */
function pairLabel(row) {
  return `${partyLabel(row.donor, row.donorMembers)} → ${partyLabel(row.recipient, row.recipientMembers)}`;
}

/** 'group "Shanghai and Guangdong": Shanghai, Guangdong' per group side, or '' when neither side is a group. */
function membersText(row) {
  const sides = [[row.donor, row.donorMembers, row.donorMembersInferred],
    [row.recipient, row.recipientMembers, row.recipientMembersInferred]];
  return sides.filter(([, members]) => Array.isArray(members))
    .map(([name, members, inferred]) => `group “${name}”: `
      + (members.length ? members.map(m => m.code ? `${m.name} (${m.code})` : m.name).join(', ') : 'members not named')
      + (inferred ? ' (members from pairing data)' : ''))
    .join(' · ');
}

// ---------- headlines ----------

function renderHeadlines(grand) {
  for (const metric of HEADLINES) {
    const card = document.querySelector(`.headline[data-metric="${metric}"]`);
    card.setAttribute('aria-pressed', String(metric === state.metric));
    const rows = grand.filter(row => row.metric === metric);
    const row = rows[0];
    card.querySelector('[data-role="value"]').textContent = row ? readable(row.total, row.unit) : '–';
    card.querySelector('[data-role="detail"]').textContent = row
      ? `${plural(row.claimCount, 'claim')} · ${plural(row.reportCount, 'report')} · ${plural(row.pairCount, 'top-level pair')}`
        + (rows.length > 1 ? ` (also in ${rows.slice(1).map(r => r.unit).join(', ')})` : '')
      : 'no claims yet';
    card.querySelector('[data-role="reviewed"]').textContent = row ? reviewedText(row.reviewedShare) : '';
  }
}

// ---------- charts ----------

function chartOptions(horizontal, unit) {
  return {
    indexAxis: horizontal ? 'y' : 'x',
    responsive: true, maintainAspectRatio: false, animation: { duration: 250 },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: context => readable(context.raw, unit) } }
    },
    scales: {
      [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { callback: value => shortNumber(value) }, grid: { color: '#eef1f5' } },
      [horizontal ? 'y' : 'x']: { grid: { display: false }, ticks: { autoSkip: false } }
    }
  };
}

function drawChart(id, labels, values, horizontal, unit, onClick) {
  if (typeof Chart === 'undefined') return;
  const colour = COLOURS[state.metric] || '#475569';
  if (charts[id]) charts[id].destroy();
  const options = chartOptions(horizontal, unit);
  if (onClick) {
    options.onClick = (event, elements) => { if (elements.length) onClick(elements[0].index); };
    options.onHover = (event, elements) => { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; };
  }
  charts[id] = new Chart(document.getElementById(id), {
    type: 'bar',
    data: { labels, datasets: [{ data: values, backgroundColor: `${colour}cc`, hoverBackgroundColor: colour, borderRadius: 4, maxBarThickness: 34 }] },
    options
  });
}

function renderPairChart(rows) {
  const top = rows.slice(0, 10);
  drawChart('by-pair', top.map(pairLabel), top.map(r => Number(r.total)), true,
    top.length ? top[0].unit : '', index => openDrill(top[index].donor, top[index].recipient, state.metric));
}

function renderYearChart(figures) {
  const unit = figures.length ? figures[0].unit : '';
  const ofUnit = figures.filter(f => f.unit === unit);
  drawChart('by-year', ofUnit.map(f => String(f.year)), ofUnit.map(f => Number(f.total)), false, unit);
}

// ---------- pairs table ----------

function sortValue(pair, key) {
  if (key === 'pair') return pairLabel(pair).toLowerCase();
  if (key === 'level') return pair.level;
  if (key === 'claimCount') return pair.claimCount;
  if (key === 'lastUpdated') return pair.lastUpdated || '';
  const value = pair.totals[key];
  return value === undefined ? -Infinity : Number(value);
}

function sortedPairs() {
  const { key, dir } = state.sort;
  return [...state.pairs].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    return (x < y ? -1 : x > y ? 1 : 0) * dir || `${a.donor}${a.recipient}`.localeCompare(`${b.donor}${b.recipient}`);
  });
}

function totalCell(pair, metric) {
  const td = el('td', { className: 'num' });
  const value = pair.totals[metric];
  if (value === undefined) {
    td.append(el('span', { className: 'muted', text: '–' }));
    return td;
  }
  const reviewed = reviewedText((pair.reviewedShares || {})[metric]);
  const button = el('button', { className: 'total', text: readable(value),
    title: `Claims behind ${METRICS[metric]}${reviewed ? ` · ${reviewed}` : ''}` });
  button.type = 'button';
  button.dataset.metric = metric;
  button.addEventListener('click', () => openDrill(pair.donor, pair.recipient, metric));
  td.append(button);
  return td;
}

function renderPairs() {
  const body = document.querySelector('#pairs tbody');
  const rows = sortedPairs().map(pair => {
    const tr = el('tr', { className: pair.derived ? 'derived' : '' });
    tr.dataset.donor = pair.donor;
    tr.dataset.recipient = pair.recipient;
    const name = el('td', {}, el('span', { className: 'pair-name', text: pairLabel(pair) }));
    const members = membersText(pair);
    if (members) name.append(el('span', { className: 'members', text: members }));
    if (pair.conflictCount > 0) name.append(el('span', { className: 'flag', text: '⚠', title: `${plural(pair.conflictCount, 'conflict')} among its claims` }));
    if (pair.parent) name.append(el('span', { className: 'code', text: `in ${pair.parent}` }));
    tr.append(
      name,
      el('td', {}, el('span', { className: 'level', text: pair.level })),
      totalCell(pair, 'funds_cny'),
      totalCell(pair, 'projects'),
      totalCell(pair, 'workers_transferred'),
      el('td', { className: 'num', text: integer.format(pair.claimCount) }),
      el('td', { className: 'muted', text: pair.lastUpdated ? new Date(pair.lastUpdated).toLocaleDateString('en-CA') : '–' }));
    return tr;
  });
  body.replaceChildren(...rows);
  if (rows.length === 0) {
    const td = el('td', { className: 'muted', text: 'No pairs match these filters yet.' });
    td.colSpan = 7;
    body.append(el('tr', {}, td));
  }
  for (const th of document.querySelectorAll('#pairs th[data-sort]')) {
    th.setAttribute('aria-sort', th.dataset.sort === state.sort.key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
  }
}

// ---------- drill-down ----------

function spanText(claim) {
  if (claim.basis === 'cumulative') {
    return `running total ${claim.spanStart ? `from ${claim.spanStart}` : 'from the beginning'}${claim.spanEnd ? ` to ${claim.spanEnd}` : ''}`;
  }
  if (!claim.spanStart && !claim.spanEnd) return 'no date stated (overlaps every period)';
  if (claim.periodStart && claim.periodEnd && claim.periodStart.slice(0, 4) === claim.periodEnd.slice(0, 4)
    && claim.periodStart.endsWith('-01-01') && claim.periodEnd.endsWith('-12-31')) {
    return `${claim.basis} ${claim.periodStart.slice(0, 4)}`;
  }
  return `${claim.basis} ${claim.spanStart || '…'} to ${claim.spanEnd || '…'}`;
}

/** "confirmed by lin", "corrected by lin", "changed since confirmed" or "unreviewed". */
function reviewLabel(review) {
  if (!review) return 'unreviewed';
  if (review.changed) return 'changed since confirmed';
  if (review.status === 'confirmed' || review.status === 'corrected') {
    return review.by ? `${review.status} by ${review.by}` : review.status;
  }
  return review.status;
}

function reviewBadge(review) {
  const kind = review && review.changed ? 'changed' : (review ? review.status : 'unreviewed');
  const when = review && review.at ? ` on ${review.at.slice(0, 10)}` : '';
  const titles = {
    confirmed: `An analyst checked this figure against the report${when}`,
    corrected: `An analyst corrected what the machine read${when}; the corrected figure is the one shown and counted`,
    changed: `An analyst confirmed an earlier reading${when}; the machine now reads it differently, so it is back in the queue`,
    unreviewed: 'Nobody has checked this figure yet'
  };
  return el('span', { className: `badge review-${kind}`, text: reviewLabel(review), title: titles[kind] || '' });
}

/** A link opening the fact in facts-service's report view, in a new tab; null when the address is not http(s). */
function reportViewLink(url, className, ...children) {
  const href = safeHref(url);
  if (!href) return null;
  const link = el('a', { className, title: 'Open this fact in the report view, where an analyst can check it' }, ...children);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

function claimItem(claim, unit) {
  const figure = el('span', { className: 'claim-value', text: readable(claim.value, unit) });
  // The claim's figure opens its fact in the report view; plain text where there is no usable link.
  const head = el('div', { className: 'claim-head' },
    reportViewLink(claim.reviewUrl, 'claim-link', figure, el('span', { className: 'out', text: ' ↗' })) || figure,
    claim.reason ? el('span', { className: `badge ${claim.reason}`, text: claim.reason.replaceAll('_', ' '), title: REASONS[claim.reason] || '' })
      : (claim.conflicted ? el('span', { className: 'badge conflict', text: 'conflict: kept', title: 'Other claims for the same period disagree; this one is preferred' }) : null));
  head.append(reviewBadge(claim.review));
  const confidence = claim.confidence || 'high';
  if (confidence !== 'high') {
    head.append(el('span', { className: `badge confidence-${confidence}`, text: `${confidence} confidence`,
      title: (claim.confidenceReasons || []).join(', ') || 'no reason given' }));
  }
  const meta = el('div', { className: 'claim-meta',
    text: `${claim.donor} → ${claim.recipient} · ${spanText(claim)} · ${claim.qualifier.replaceAll('_', ' ')} · ${plural(claim.sources.length, 'source')}` });
  const reasons = (claim.confidenceReasons || []).map(r => r.replaceAll('_', ' ')).join(', ');
  const trust = el('div', { className: 'claim-meta', text: `confidence: ${confidence}${reasons ? ` (${reasons})` : ''}`
    + (claim.partOf ? ` · part of a stated total (fact ${claim.partOf.slice(0, 8)}…)` : '')
    + (claim.origin === 'analyst' ? ' · added by an analyst' : '') });
  const item = el('li', { className: 'claim' }, head, meta, trust);
  for (const source of claim.sources) {
    const evidence = el('blockquote', { className: 'evidence', text: source.evidence || '(no evidence sentence)' });
    const wrapper = el('div', { className: 'source' }, evidence);
    const link = reportViewLink(source.reviewUrl, 'report-link', document.createTextNode(`report ${source.reportId} ↗`));
    if (link) wrapper.append(link);
    // Each report's statement is a fact with its own review; with one source the claim's badge already says it.
    if (claim.sources.length > 1) {
      wrapper.append(el('span', { className: 'source-review', text: ` · ${reviewLabel(source.review)}` }));
    }
    item.append(wrapper);
  }
  return item;
}

async function openDrill(donor, recipient, metric) {
  const panel = document.getElementById('drill');
  state.drill = { donor, recipient, metric };
  const url = `/totals/${encodeURIComponent(donor)}/${encodeURIComponent(recipient)}/${encodeURIComponent(metric)}`
    + query({ fromYear: state.year, toYear: state.year, minConfidence: confidenceParam() });
  try {
    const detail = await getJson(url);
    panel.querySelector('[data-role="metric"]').textContent = METRICS[metric] || metric;
    panel.querySelector('[data-role="pair"]').textContent = pairLabel(detail);
    panel.querySelector('[data-role="members"]').textContent = membersText(detail);
    panel.querySelector('[data-role="total"]').textContent = readable(detail.total, detail.unit);
    panel.querySelector('[data-role="reviewed"]').textContent = `${reviewedText(detail.reviewedShare)} of the total`;
    const why = detail.fromChildPairs
      ? `The sum of ${plural(detail.childPairs.length, 'pair')} below it (${detail.childPairs.map(pairLabel).join(', ')}), `
        + `larger than its own claims (${readable(detail.ownTotal, detail.unit)}).`
      : `The largest sum of its claims whose periods do not overlap`
        + (detail.childPairs.length ? `; the pairs below it add up to only ${readable(detail.childPairsTotal, detail.unit)}.` : '.');
    panel.querySelector('[data-role="why"]').textContent = why
      + (detail.conflictCount ? ` ⚠ ${plural(detail.conflictCount, 'conflict')}: reports disagree about a period.` : '');
    panel.querySelector('[data-role="used-count"]').textContent = String(detail.used.length);
    panel.querySelector('[data-role="unused-count"]').textContent = String(detail.unused.length);
    panel.querySelector('[data-role="used"]').replaceChildren(...detail.used.map(c => claimItem(c, detail.unit)));
    panel.querySelector('[data-role="unused"]').replaceChildren(...detail.unused.map(c => claimItem(c, detail.unit)));
    panel.hidden = false;
  } catch (error) {
    setStatus(`Could not load the claims: ${error.message}`, true);
  }
}

function closeDrill() {
  document.getElementById('drill').hidden = true;
  state.drill = null;
}

// ---------- loading ----------

async function refresh() {
  setStatus('Loading…');
  try {
    const filters = filterParams();
    const [grand, rows, years, pairs] = await Promise.all([
      getJson(`/totals/grand${query(filters)}`),
      getAll(`/totals${query({ ...filters, metric: state.metric })}`),
      getJson(`/timeseries${query({ province: state.province, metric: state.metric, minConfidence: confidenceParam() })}`),
      getAll(`/pairs${query(filters)}`)]);
    renderHeadlines(grand);
    renderPairChart(rows);
    renderYearChart(years.filter(f => !state.year || String(f.year) === state.year));
    state.pairs = pairs;
    renderPairs();
    fillYears(years);
    for (const span of document.querySelectorAll('[data-role="metric-name"]')) span.textContent = `· ${METRICS[state.metric]}`;
    document.getElementById('csv-totals').href = `/totals${query({ ...filters, metric: state.metric })}`;
    document.getElementById('csv-claims').href = `/totals${query({ ...filters, metric: state.metric, expand: 'claims' })}`;
    setStatus(`${plural(pairs.length, 'pair')} · updated ${new Date().toLocaleTimeString('en-GB')}`);
    if (state.drill) openDrill(state.drill.donor, state.drill.recipient, state.drill.metric);
  } catch (error) {
    setStatus(`Could not load totals: ${error.message}`, true);
  }
}

function fillYears(figures) {
  const select = document.getElementById('year');
  const known = new Set([...select.options].map(o => o.value));
  const years = [...new Set(figures.map(f => String(f.year)))].filter(y => !known.has(y));
  if (years.length === 0) return;
  const all = [...known].filter(v => v !== '').concat(years).sort();
  select.replaceChildren(el('option', { text: 'all years' }), ...all.map(y => el('option', { text: y })));
  select.options[0].value = '';
  select.value = state.year;
}

let pending = null;
function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(refresh, 300);
}

// The live stream (GET /totals/stream) names its events and gives them ids. EventSource sends the last id it saw
// (Last-Event-ID) when it reconnects by itself, and the server replays what was missed, or sends `reset` when it
// cannot tell (too long away, a restart): then everything is reloaded. Should the browser give up (readyState
// CLOSED), a new EventSource resumes from the last id through ?lastEventId=.
const HEARTBEAT_GRACE_MS = 45000;

function listen(lastEventId) {
  const live = document.getElementById('live');
  const label = live.querySelector('[data-role="label"]');
  const source = new EventSource(lastEventId ? `/totals/stream${query({ lastEventId })}` : '/totals/stream');
  let lastId = lastEventId;
  let quiet;
  const heard = event => {
    if (event && event.lastEventId) lastId = event.lastEventId;
    live.dataset.state = 'live';
    label.textContent = 'live';
    clearTimeout(quiet);
    // No heartbeat for three beats: the connection is dead even if the browser has not noticed.
    quiet = setTimeout(() => { source.close(); offline(); listen(lastId); }, HEARTBEAT_GRACE_MS);
  };
  const offline = () => { live.dataset.state = 'offline'; label.textContent = 'reconnecting…'; };
  source.onopen = () => heard();
  source.onerror = () => {
    offline();
    if (source.readyState === EventSource.CLOSED) {
      clearTimeout(quiet);
      setTimeout(() => listen(lastId), 5000);
    }
  };
  source.addEventListener('ready', heard);
  source.addEventListener('heartbeat', heard);
  source.addEventListener('totals-changed', event => { heard(event); refreshSoon(); });
  source.addEventListener('rebuild', event => { heard(event); refresh(); });
  source.addEventListener('reset', event => { heard(event); refresh(); });
}

function setUp() {
  const metric = document.getElementById('metric');
  metric.replaceChildren(...Object.entries(METRICS).map(([code, name]) => {
    const option = el('option', { text: name });
    option.value = code;
    return option;
  }));
  metric.value = state.metric;
  const province = document.getElementById('province');
  for (const [code, name] of PROVINCES) {
    const option = el('option', { text: name });
    option.value = code;
    province.append(option);
  }
  metric.addEventListener('change', () => { state.metric = metric.value; refresh(); });
  province.addEventListener('change', () => { state.province = province.value; refresh(); });
  document.getElementById('year').addEventListener('change', event => { state.year = event.target.value; refresh(); });
  document.getElementById('low-confidence').addEventListener('change', event => { state.low = event.target.checked; refresh(); });
  for (const card of document.querySelectorAll('.headline')) {
    card.addEventListener('click', () => { state.metric = card.dataset.metric; metric.value = state.metric; refresh(); });
  }
  for (const th of document.querySelectorAll('#pairs th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === 'pair' || key === 'level' ? 1 : -1) };
      renderPairs();
    });
  }
  document.querySelector('#drill [data-role="close"]').addEventListener('click', closeDrill);
  document.addEventListener('keydown', event => { if (event.key === 'Escape') closeDrill(); });
}

document.addEventListener('DOMContentLoaded', () => {
  setUp();
  refresh();
  listen();
});
