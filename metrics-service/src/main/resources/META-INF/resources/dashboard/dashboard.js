// Counterpart dashboard: headline totals, the pairs by total (top-level first, opened one level at a time), the totals
// by year, the flows from donors to recipients, a sortable table of pairs, and the claims behind any figure; in
// English or Chinese. Report data (names, evidence sentences, ids) only ever reaches the page through textContent,
// element properties or the charts' canvas (tooltips drawn as rich text, never HTML), so text containing tags is
// shown as text and never run. The page's Content-Security-Policy forbids inline scripts as a second line of defence.
'use strict';

const HEADLINES = ['funds_cny', 'projects', 'workers_transferred'];
const METRICS = ['funds_cny', 'projects', 'workers_transferred', 'investment_cny', 'consumption_cny', 'people_trained',
  'personnel_exchanged', 'enterprises_introduced', 'agreements', 'people_lifted', 'people_benefited',
  'villages_benefited', 'exchange_visits'];
// Province codes (GB/T 2260, first two digits) with the names the API uses; the Chinese names come from the gazetteer.
const PROVINCES = [['11', 'Beijing'], ['12', 'Tianjin'], ['13', 'Hebei'], ['14', 'Shanxi'], ['15', 'Inner Mongolia'],
  ['21', 'Liaoning'], ['22', 'Jilin'], ['23', 'Heilongjiang'], ['31', 'Shanghai'], ['32', 'Jiangsu'],
  ['33', 'Zhejiang'], ['34', 'Anhui'], ['35', 'Fujian'], ['36', 'Jiangxi'], ['37', 'Shandong'], ['41', 'Henan'],
  ['42', 'Hubei'], ['43', 'Hunan'], ['44', 'Guangdong'], ['45', 'Guangxi'], ['46', 'Hainan'], ['50', 'Chongqing'],
  ['51', 'Sichuan'], ['52', 'Guizhou'], ['53', 'Yunnan'], ['54', 'Tibet'], ['61', 'Shaanxi'], ['62', 'Gansu'],
  ['63', 'Qinghai'], ['64', 'Ningxia'], ['65', 'Xinjiang']];
const COLOURS = { funds_cny: '#c2410c', projects: '#0f766e', workers_transferred: '#1d4ed8' };
const LANGUAGES = ['en', 'zh'];
const LANGUAGE_KEY = 'counterpart.dashboard.lang';

const state = {
  lang: 'en', messages: {}, metric: 'funds_cny', province: '', fromYear: '', toYear: '', search: '', low: false,
  sort: { key: 'funds_cny', dir: -1 }, pairs: [], grand: [], years: [], knownYears: new Set(),
  expanded: null, drill: null, regions: {}, codesByName: new Map()
};
const charts = {};
// Readers who ask their system for less motion get charts that appear without animating.
const ANIMATION = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  ? { animation: false } : { animation: true, animationDuration: 250 };

// ---------- language ----------

/** The reader's choice if made, else the first of the browser's languages that the dashboard speaks. */
function preferredLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(asked)) return asked;
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    if (LANGUAGES.includes(stored)) return stored;
  } catch (e) { /* storage may be blocked: fall through to the browser's languages */ }
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

async function loadLanguage(lang) {
  const response = await fetch(`/dashboard/i18n/${lang}.json`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  state.messages = await response.json();
  state.lang = lang;
  document.documentElement.lang = state.messages.locale || lang;
}

/** A message with {name} placeholders filled; "one|many" messages choose by vars.n. */
function t(key, vars = {}) {
  let message = state.messages[key];
  if (typeof message !== 'string') return key;
  if (message.includes('|')) {
    const [one, many] = message.split('|');
    message = vars.n === 1 ? one : many;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    if (vars[name] === undefined) return whole;
    return name === 'n' ? integer(vars.n) : String(vars[name]);
  });
}

function count(key, n) {
  return t(key, { n: Number(n) });
}

function applyStaticText() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  for (const node of document.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  document.title = t('page.title');
}

// ---------- numbers and dates, in the reader's conventions ----------

function numberFormat(min, max) {
  return new Intl.NumberFormat(state.messages.locale || 'en', { minimumFractionDigits: min, maximumFractionDigits: max,
    useGrouping: state.messages['number.grouping'] !== false });
}

function integer(value) {
  return numberFormat(0, 0).format(Number(value));
}

function unitName(unit) {
  const name = state.messages[`unit.${unit}`];
  return typeof name === 'string' ? name : unit;
}

/**
 * 4117000000 CNY -> "4.12 bn CNY" or "41.17亿元"; 30400 people -> "30,400 people" or "3.04万人": the scales (bn and
 * million, 亿 and 万) and spacing are the language's data.
 */
function readable(value, unit) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '–';
  const space = state.messages['number.space'] ?? ' ';
  const unitText = unit ? `${space}${unitName(unit)}` : '';
  for (const scale of state.messages['number.scales'] || []) {
    if (Math.abs(n) >= scale.from) {
      return `${numberFormat(scale.minDigits, scale.maxDigits).format(n / scale.divisor)}${space}${scale.word}${unitText}`;
    }
  }
  return `${integer(n)}${unitText}`;
}

/** For chart axes: "4.1 bn", "41亿". */
function shortNumber(value) {
  const n = Number(value);
  const space = state.messages['number.space'] ?? ' ';
  for (const scale of state.messages['number.shortScales'] || []) {
    if (Math.abs(n) >= scale.from) return `${numberFormat(0, 1).format(n / scale.divisor)}${space}${scale.word}`;
  }
  return integer(n);
}

/** A calendar date ("2020-09-15") in the reader's form, never shifted by the browser's time zone. */
function dateText(isoDate) {
  if (!isoDate) return '';
  const date = new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(isoDate);
  return new Intl.DateTimeFormat(state.messages.locale || 'en', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

function timeText(isoInstant) {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(state.messages.locale || 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * 0.864 -> "reviewed 86%": the share of a figure an analyst confirmed or corrected. Rounded down, as the API rounds
 * it, so that "100%" means every unit was checked; a sliver above nothing is "under 1%", not "0%".
 */
function reviewedText(share) {
  const n = Number(share);
  if (share === undefined || share === null || !Number.isFinite(n)) return '';
  if (n > 0 && n < 0.01) return t('reviewed.under');
  return t('reviewed.share', { p: Math.floor(n * 100 + 1e-9) });
}

function metricName(metric) {
  return t(`metric.${metric}`);
}

function metricShortName(metric) {
  return state.messages[`metricShort.${metric}`] || metricName(metric);
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
  return { province: state.province, fromYear: state.fromYear, toYear: state.toYear, minConfidence: confidenceParam() };
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

// A paged list (/pairs): every page, following Link rel="next" until there is none.
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
  if (!match) return null;
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

function button(text, className, onClick) {
  const node = el('button', { className, text });
  node.type = 'button';
  node.addEventListener('click', onClick);
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

// ---------- regions and parties ----------

/** Codes by the names the API uses, learnt from the pairs (which carry both) and the gazetteer's unambiguous names. */
function learnCodes(pairs) {
  const byName = new Map();
  const seen = new Map();
  for (const [code, names] of Object.entries(state.regions)) {
    if (!names.en) continue;
    seen.set(names.en, seen.has(names.en) ? null : code);
  }
  for (const [name, code] of seen) if (code) byName.set(name, code);
  const learn = (name, code, members) => {
    if (name && code) byName.set(name, code);
    for (const member of members || []) if (member.name && member.code) byName.set(member.name, member.code);
  };
  for (const pair of pairs) {
    learn(pair.donor, pair.donorCode, pair.donorMembers);
    learn(pair.recipient, pair.recipientCode, pair.recipientMembers);
  }
  state.codesByName = byName;
}

/** A region's name in the reader's language: in Chinese the gazetteer's, by code; otherwise the API's own. */
function regionName(name, code, short) {
  if (state.lang !== 'zh') return name;
  const names = state.regions[code || state.codesByName.get(name)];
  if (!names) return name;
  return (short && names.short) || names.zh || name;
}

/** A group with known members is written as its members: "Shanghai + Guangdong"; anything else by its name. */
function partyLabel(name, code, members, short) {
  return members && members.length ? members.map(m => regionName(m.name, m.code, short)).join(' + ') : regionName(name, code, short);
}

/** "Shanghai + Guangdong → Yunnan", for any row that has donor, recipient, their codes and members. */
function pairLabel(row, short) {
  return `${partyLabel(row.donor, row.donorCode, row.donorMembers, short)} → `
    + `${partyLabel(row.recipient, row.recipientCode, row.recipientMembers, short)}`;
}

/** The API's own key of a pair, as a child pair's `parent` names it. */
function pairKey(row) {
  return `${row.donor} → ${row.recipient}`;
}

/** 'group "Shanghai and Guangdong": Shanghai, Guangdong' per group side, or '' when neither side is a group. */
function membersText(row) {
  const sides = [[row.donor, row.donorMembers, row.donorMembersInferred],
    [row.recipient, row.recipientMembers, row.recipientMembersInferred]];
  return sides.filter(([, members]) => Array.isArray(members))
    .map(([name, members, inferred]) => t('group.members', { name,
      members: members.length ? members.map(m => m.code ? `${regionName(m.name, m.code)} (${m.code})` : regionName(m.name, m.code)).join(', ')
        : t('group.unnamed') }) + (inferred ? ` ${t('group.inferred')}` : ''))
    .join(' · ');
}

// ---------- search ----------

function normalised(text) {
  return String(text || '').trim().toLowerCase();
}

/** Every name a party goes by, in both languages: its own, its members', and their gazetteer names. */
function partyNames(name, code, members) {
  const names = [name];
  const add = (n, c) => {
    const known = state.regions[c || state.codesByName.get(n)];
    names.push(n);
    if (known) names.push(known.zh, known.short, known.en);
  };
  add(name, code);
  for (const member of members || []) add(member.name, member.code);
  return names.filter(Boolean).map(normalised);
}

/** The codes of the regions whose name is exactly the search text: their pairs, and pairs inside them, match. */
function searchedCodes(text) {
  const codes = [];
  for (const [code, names] of Object.entries(state.regions)) {
    if ([names.zh, names.short, names.en].some(n => normalised(n) === text)) codes.push(code);
  }
  return codes;
}

function withinCode(code, searched) {
  if (!code) return false;
  return searched.some(s => s === code || (s.endsWith('0000') && code.startsWith(s.slice(0, 2)))
    || (s.endsWith('00') && !s.endsWith('0000') && code.startsWith(s.slice(0, 4))));
}

function matchesSearch(pair) {
  const text = normalised(state.search);
  if (!text) return true;
  const names = [...partyNames(pair.donor, pair.donorCode, pair.donorMembers),
    ...partyNames(pair.recipient, pair.recipientCode, pair.recipientMembers)];
  if (names.some(n => n.includes(text))) return true;
  const searched = searchedCodes(text);
  const codes = [pair.donorCode, pair.recipientCode, ...(pair.donorMembers || []).map(m => m.code),
    ...(pair.recipientMembers || []).map(m => m.code)];
  return searched.length > 0 && codes.some(code => withinCode(code, searched));
}

function visiblePairs() {
  return state.pairs.filter(matchesSearch);
}

/** The pairs among these that lie in no other of them: what a sum over them adds, never a pair twice. */
function topLevel(pairs) {
  const keys = new Set(pairs.map(pairKey));
  return pairs.filter(p => !p.parent || !keys.has(p.parent));
}

function fillRegionSuggestions() {
  const list = document.getElementById('region-names');
  const names = new Set();
  for (const pair of state.pairs) {
    for (const [name, code, members] of [[pair.donor, pair.donorCode, pair.donorMembers],
      [pair.recipient, pair.recipientCode, pair.recipientMembers]]) {
      for (const member of members && members.length ? members : [{ name, code }]) {
        names.add(regionName(member.name, member.code));
        names.add(member.name);
      }
    }
  }
  list.replaceChildren(...[...names].sort().map(name => {
    const option = el('option');
    option.value = name;
    return option;
  }));
}

// ---------- headlines ----------

function renderHeadlines() {
  for (const metric of HEADLINES) {
    const card = document.querySelector(`.headline[data-metric="${metric}"]`);
    card.setAttribute('aria-pressed', String(metric === state.metric));
    const rows = state.grand.filter(row => row.metric === metric);
    const row = rows[0];
    card.querySelector('[data-role="label"]').textContent = metricName(metric);
    card.querySelector('[data-role="value"]').textContent = row ? readable(row.total, row.unit) : '–';
    card.querySelector('[data-role="detail"]').textContent = row
      ? t('headline.detail', { claims: count('count.claims', row.claimCount), reports: count('count.reports', row.reportCount),
        pairs: count('count.topPairs', row.pairCount) })
        + (rows.length > 1 ? ` ${t('headline.alsoIn', { units: rows.slice(1).map(r => unitName(r.unit)).join(', ') })}` : '')
      : t('headline.none');
    card.querySelector('[data-role="reviewed"]').textContent = row ? reviewedText(row.reviewedShare) : '';
    card.title = t('headline.open');
  }
}

// ---------- charts (ECharts, canvas) ----------

function chart(id) {
  if (typeof echarts === 'undefined') return null;
  if (charts[id] && charts[id].lang !== state.lang) {
    charts[id].instance.dispose();
    delete charts[id];
  }
  if (!charts[id]) {
    const instance = echarts.init(document.getElementById(id), null, { renderer: 'canvas', locale: state.lang === 'zh' ? 'ZH' : 'EN' });
    charts[id] = { instance, lang: state.lang };
  }
  return charts[id].instance;
}

/** Tooltips are drawn on the canvas as rich text: report names never become markup. Braces would be read as style names. */
function plain(text) {
  return String(text).replace(/[{}]/g, '');
}

function tooltip() {
  return { renderMode: 'richText', confine: true, backgroundColor: '#16202c', borderWidth: 0, textStyle: { color: '#fff' } };
}

function metricUnit(metric) {
  const row = state.grand.find(r => r.metric === metric);
  return row ? row.unit : '';
}

/** The pair chart: top-level pairs, or the pairs inside the one the reader opened; ▸ marks a pair with pairs inside. */
function renderPairChart() {
  const instance = chart('by-pair');
  const visible = visiblePairs().filter(p => p.totals[state.metric] !== undefined);
  const keys = new Set(visible.map(pairKey));
  if (state.expanded && !keys.has(state.expanded)) state.expanded = null;
  const shown = (state.expanded ? visible.filter(p => p.parent === state.expanded) : topLevel(visible))
    .sort((a, b) => Number(b.totals[state.metric]) - Number(a.totals[state.metric])).slice(0, 12);
  const parents = new Set(visible.map(p => p.parent).filter(Boolean));
  const up = document.getElementById('pair-chart-up');
  up.hidden = !state.expanded;
  if (state.expanded) {
    const parent = visible.find(p => pairKey(p) === state.expanded);
    up.textContent = `${t('chart.collapse')} · ${parent ? pairLabel(parent, true) : state.expanded}`;
  }
  if (!instance) return;
  const unit = metricUnit(state.metric);
  const labels = shown.map(p => `${parents.has(pairKey(p)) ? '▸ ' : ''}${pairLabel(p, true)}`);
  instance.setOption({
    aria: { enabled: true }, ...ANIMATION,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { ...tooltip(), trigger: 'item', formatter: p => plain(`${labels[p.dataIndex]}\n${readable(p.value, unit)}`) },
    xAxis: { type: 'value', axisLabel: { formatter: shortNumber }, splitLine: { lineStyle: { color: '#eef1f5' } } },
    yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false },
      axisLabel: { width: 150, overflow: 'truncate', color: '#16202c' } },
    series: [{ type: 'bar', data: shown.map(p => Number(p.totals[state.metric])), barMaxWidth: 28,
      itemStyle: { color: COLOURS[state.metric] || '#475569', borderRadius: [0, 4, 4, 0] },
      label: { show: shown.length === 0 } }],
    graphic: shown.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: t('chart.empty'), fill: '#5e6b7a' } }]
  }, true);
  instance.off('click');
  instance.on('click', params => {
    const pair = shown[params.dataIndex];
    if (!pair) return;
    if (parents.has(pairKey(pair))) {
      state.expanded = pairKey(pair);
      renderPairChart();
    } else {
      openDrill(pair.donor, pair.recipient, state.metric);
    }
  });
}

/** By year, on a continuous axis: a year without claims is a gap, not a missing tick. */
function renderYearChart() {
  const instance = chart('by-year');
  const unit = state.years.length ? state.years[0].unit : '';
  const ofUnit = state.years.filter(f => f.unit === unit);
  const known = ofUnit.map(f => f.year);
  const first = state.fromYear ? Number(state.fromYear) : Math.min(...known);
  const last = state.toYear ? Number(state.toYear) : Math.max(...known);
  const years = [];
  if (known.length) for (let year = first; year <= last; year++) years.push(year);
  const byYear = new Map(ofUnit.map(f => [f.year, Number(f.total)]));
  if (!instance) return;
  instance.setOption({
    aria: { enabled: true }, ...ANIMATION,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { ...tooltip(), trigger: 'item', formatter: p => plain(`${years[p.dataIndex]}\n${readable(p.value, unit)}`) },
    xAxis: { type: 'category', data: years.map(String), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', axisLabel: { formatter: shortNumber }, splitLine: { lineStyle: { color: '#eef1f5' } } },
    series: [{ type: 'bar', data: years.map(year => byYear.has(year) ? byYear.get(year) : '-'), barMaxWidth: 34,
      itemStyle: { color: COLOURS[state.metric] || '#475569', borderRadius: [4, 4, 0, 0] } }],
    graphic: years.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: t('chart.empty'), fill: '#5e6b7a' } }]
  }, true);
}

/** The flows for the selected metric and years: one band per top-level pair, donors left, recipients right. */
function flows() {
  return topLevel(visiblePairs().filter(p => p.totals[state.metric] !== undefined))
    .filter(p => Number(p.totals[state.metric]) > 0)
    .sort((a, b) => Number(b.totals[state.metric]) - Number(a.totals[state.metric]));
}

function renderFlows() {
  const shown = flows();
  const unit = metricUnit(state.metric);
  const donors = new Map();
  const recipients = new Map();
  for (const pair of shown) {
    donors.set(`d:${pair.donor}`, partyLabel(pair.donor, pair.donorCode, pair.donorMembers, true));
    recipients.set(`r:${pair.recipient}`, partyLabel(pair.recipient, pair.recipientCode, pair.recipientMembers, true));
  }
  const box = document.getElementById('flows');
  box.style.height = `${Math.max(240, Math.max(donors.size, recipients.size) * 34 + 40)}px`;
  const list = document.querySelector('#flows-card [data-role="flows"]');
  list.replaceChildren(...shown.map(pair => el('li', {}, button(`${pairLabel(pair)} · ${readable(pair.totals[state.metric], unit)}`,
    'linkish flow', () => openDrill(pair.donor, pair.recipient, state.metric)))));
  if (shown.length === 0) list.append(el('li', { className: 'muted', text: t('flows.none') }));
  const instance = chart('flows');
  if (!instance) return;
  instance.resize();
  const names = new Map([...donors, ...recipients]);
  instance.setOption({
    aria: { enabled: true }, ...ANIMATION,
    tooltip: { ...tooltip(), trigger: 'item', formatter: p => plain(p.dataType === 'edge'
      ? `${names.get(p.data.source)} → ${names.get(p.data.target)}\n${readable(p.data.value, unit)}`
      : `${names.get(p.name)}\n${readable(p.value, unit)}`) },
    series: [{
      type: 'sankey', left: 8, right: 8, top: 12, bottom: 12, nodeWidth: 14, nodeGap: 12, draggable: false,
      layoutIterations: 32, emphasis: { focus: 'adjacency' },
      data: [...names.keys()].map(name => ({ name, depth: name.startsWith('d:') ? 0 : 1,
        itemStyle: { color: name.startsWith('d:') ? (COLOURS[state.metric] || '#475569') : '#64748b' },
        label: { position: name.startsWith('d:') ? 'right' : 'left' } })),
      links: shown.map(pair => ({ source: `d:${pair.donor}`, target: `r:${pair.recipient}`,
        value: Number(pair.totals[state.metric]), pair: { donor: pair.donor, recipient: pair.recipient } })),
      label: { formatter: p => plain(names.get(p.name) || ''), color: '#16202c' },
      lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 }
    }],
    graphic: shown.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: t('flows.none'), fill: '#5e6b7a' } }]
  }, true);
  instance.off('click');
  instance.on('click', params => {
    if (params.dataType === 'edge' && params.data.pair) {
      openDrill(params.data.pair.donor, params.data.pair.recipient, state.metric);
    }
  });
}

function renderCharts() {
  for (const span of document.querySelectorAll('[data-role="metric-name"]')) span.textContent = `· ${metricName(state.metric)}`;
  renderPairChart();
  renderYearChart();
  renderFlows();
}

// ---------- pairs table ----------

/** The table's columns: the pair, its level, the headline metrics, the chosen metric when it is not one, claims, date. */
function columns() {
  const metrics = HEADLINES.includes(state.metric) ? HEADLINES : [...HEADLINES, state.metric];
  return [{ key: 'pair', label: t('th.pair') }, { key: 'level', label: t('th.level') },
    ...metrics.map(metric => ({ key: metric, label: metricShortName(metric), metric, num: true })),
    { key: 'claimCount', label: t('th.claims'), num: true }, { key: 'lastUpdated', label: t('th.updated') }];
}

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
  return visiblePairs().sort((a, b) => {
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
  const total = button(readable(value), 'total', () => openDrill(pair.donor, pair.recipient, metric));
  total.title = `${t('table.claimsBehind', { metric: metricName(metric) })}${reviewed ? ` · ${reviewed}` : ''}`;
  total.dataset.metric = metric;
  td.append(total);
  return td;
}

function renderTableHead() {
  const row = document.querySelector('#pairs thead tr');
  if (!columns().some(c => c.key === state.sort.key)) state.sort = { key: state.metric, dir: -1 };
  row.replaceChildren(...columns().map(column => {
    const th = el('th', { className: column.num ? 'num' : '' });
    th.dataset.sort = column.key;
    th.scope = 'col';
    th.setAttribute('aria-sort', column.key === state.sort.key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    th.append(button(column.label, '', () => {
      const key = column.key;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === 'pair' || key === 'level' ? 1 : -1) };
      renderPairs();
    }));
    return th;
  }));
}

function renderPairs() {
  renderTableHead();
  const body = document.querySelector('#pairs tbody');
  const cols = columns();
  const byKey = new Map(state.pairs.map(p => [pairKey(p), p]));
  const rows = sortedPairs().map(pair => {
    const tr = el('tr', { className: pair.derived ? 'derived' : '' });
    tr.dataset.donor = pair.donor;
    tr.dataset.recipient = pair.recipient;
    const name = el('th', { className: 'pair-cell' }, el('span', { className: 'pair-name', text: pairLabel(pair) }));
    name.scope = 'row';
    const members = membersText(pair);
    if (members) name.append(el('span', { className: 'members', text: members }));
    if (pair.conflictCount > 0) {
      name.append(el('span', { className: 'flag', text: '⚠', title: t('table.conflicts', { conflicts: count('count.conflicts', pair.conflictCount) }) }));
    }
    if (pair.parent) {
      const parent = byKey.get(pair.parent);
      name.append(el('span', { className: 'code', text: t('table.in', { pair: parent ? pairLabel(parent) : pair.parent }) }));
    }
    tr.append(name, el('td', {}, el('span', { className: 'level', text: t(`level.${pair.level}`) })));
    for (const column of cols.filter(c => c.metric)) tr.append(totalCell(pair, column.metric));
    tr.append(el('td', { className: 'num', text: integer(pair.claimCount) }),
      el('td', { className: 'muted nowrap', text: pair.lastUpdated ? dateText(pair.lastUpdated.slice(0, 10)) : '–' }));
    return tr;
  });
  body.replaceChildren(...rows);
  if (rows.length === 0) {
    const td = el('td', { className: 'muted', text: t('table.none') });
    td.colSpan = cols.length;
    body.append(el('tr', {}, td));
  }
}

// ---------- the drill-down sheet ----------

const drill = { opener: null, pushed: false };

function panelPart(role) {
  return document.querySelector(`#drill [data-role="${role}"]`);
}

function showPanel() {
  const panel = document.getElementById('drill');
  if (panel.hidden) {
    drill.opener = document.activeElement;
    panel.hidden = false;
    document.body.classList.add('sheet-open');
    // The back button closes the sheet, as a phone's reader expects of a full-screen view.
    if (!drill.pushed) {
      history.pushState({ drill: true }, '');
      drill.pushed = true;
    }
  }
  panel.scrollTop = 0;
  panelPart('close').focus();
}

function closeDrill(fromHistory) {
  const panel = document.getElementById('drill');
  if (panel.hidden) return;
  panel.hidden = true;
  document.body.classList.remove('sheet-open');
  state.drill = null;
  if (drill.pushed) {
    drill.pushed = false;
    if (!fromHistory) history.back();
  }
  if (drill.opener && document.contains(drill.opener)) drill.opener.focus();
}

/** Keeps Tab inside the open sheet, as a modal dialog does. */
function trapFocus(event) {
  const panel = document.getElementById('drill');
  if (event.key !== 'Tab' || panel.hidden) return;
  const focusable = [...panel.querySelectorAll('a[href], button:not([disabled])')].filter(n => n.offsetParent !== null);
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
  else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
}

function spanText(claim) {
  const basis = t(`basis.${claim.basis}`);
  if (claim.basis === 'cumulative') {
    return (claim.spanStart ? t('span.cumulativeFrom', { start: claim.spanStart }) : t('span.cumulativeStart'))
      + (claim.spanEnd ? t('span.to', { end: claim.spanEnd }) : '');
  }
  if (!claim.spanStart && !claim.spanEnd) return t('span.none');
  if (claim.periodStart && claim.periodEnd && claim.periodStart.slice(0, 4) === claim.periodEnd.slice(0, 4)
    && claim.periodStart.endsWith('-01-01') && claim.periodEnd.endsWith('-12-31')) {
    return t('span.year', { basis, year: claim.periodStart.slice(0, 4) });
  }
  return t('span.range', { basis, start: claim.spanStart || '…', end: claim.spanEnd || '…' });
}

/** "confirmed by lin", "corrected by lin", "changed since confirmed" or "unreviewed". */
function reviewLabel(review) {
  if (!review) return t('review.unreviewed');
  if (review.changed) return t('review.changed');
  const status = t(`review.${review.status}`);
  if ((review.status === 'confirmed' || review.status === 'corrected') && review.by) return t('review.by', { status, by: review.by });
  return status;
}

function reviewBadge(review) {
  const kind = review && review.changed ? 'changed' : (review ? review.status : 'unreviewed');
  const when = review && review.at ? ` (${dateText(review.at.slice(0, 10))})` : '';
  const title = state.messages[`reviewTitle.${kind}`];
  return el('span', { className: `badge review-${kind}`, text: reviewLabel(review), title: title ? `${title}${when}` : '' });
}

/** A link opening the fact in facts-service's report view, at its figure, in a new tab; null for a non-http(s) address. */
function reportViewLink(url, className, ...children) {
  const href = safeHref(url);
  if (!href) return null;
  const link = el('a', { className, title: t('claim.open') }, ...children);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

function claimItem(claim, unit) {
  const figure = el('span', { className: 'claim-value', text: readable(claim.value, unit) });
  const head = el('div', { className: 'claim-head' },
    reportViewLink(claim.reviewUrl, 'claim-link', figure, el('span', { className: 'out', text: ' ↗' })) || figure,
    claim.reason ? el('span', { className: `badge ${claim.reason}`, text: t(`reasonShort.${claim.reason}`), title: t(`reason.${claim.reason}`) })
      : (claim.conflicted ? el('span', { className: 'badge conflict', text: t('claim.conflictKept'), title: t('claim.conflictKeptTitle') }) : null));
  head.append(reviewBadge(claim.review));
  const confidence = claim.confidence || 'high';
  if (confidence !== 'high') {
    head.append(el('span', { className: `badge confidence-${confidence}`, text: t('claim.confidenceBadge', { level: t(`confidence.${confidence}`) }),
      title: (claim.confidenceReasons || []).join(', ') }));
  }
  const meta = el('div', { className: 'claim-meta',
    text: `${regionName(claim.donor)} → ${regionName(claim.recipient)} · ${spanText(claim)} · ${t(`qualifier.${claim.qualifier}`)} · `
      + count('count.sources', claim.sources.length) });
  const reasons = (claim.confidenceReasons || []).map(r => r.replaceAll('_', ' ')).join(', ');
  const trust = el('div', { className: 'claim-meta', text: t('claim.confidence', { level: t(`confidence.${confidence}`) })
    + (reasons ? ` (${reasons})` : '')
    + (claim.partOf ? ` · ${t('claim.partOf', { id: claim.partOf.slice(0, 8) })}` : '')
    + (claim.origin === 'analyst' ? ` · ${t('claim.byAnalyst')}` : '') });
  const item = el('li', { className: 'claim' }, head, meta, trust);
  for (const source of claim.sources) {
    const evidence = el('blockquote', { className: 'evidence', text: source.evidence || t('claim.noEvidence') });
    const wrapper = el('div', { className: 'source' }, evidence);
    const link = reportViewLink(source.reviewUrl, 'report-link', document.createTextNode(t('claim.report', { id: source.reportId })));
    if (link) wrapper.append(link);
    // Each report's statement is a fact with its own review; with one source the claim's badge already says it.
    if (claim.sources.length > 1) wrapper.append(el('span', { className: 'source-review', text: ` · ${reviewLabel(source.review)}` }));
    item.append(wrapper);
  }
  return item;
}

function claimSection(title, claims, unit, className) {
  return [el('h3', {}, document.createTextNode(`${title} `), el('span', { className: 'count', text: String(claims.length) })),
    el('ol', { className: `claims ${className}` }, ...claims.map(c => claimItem(c, unit)))];
}

async function openDrill(donor, recipient, metric) {
  state.drill = { kind: 'pair', donor, recipient, metric };
  const url = `/totals/${encodeURIComponent(donor)}/${encodeURIComponent(recipient)}/${encodeURIComponent(metric)}`
    + query({ fromYear: state.fromYear, toYear: state.toYear, minConfidence: confidenceParam() });
  try {
    const detail = await getJson(url);
    panelPart('metric').textContent = metricName(metric);
    panelPart('pair').textContent = pairLabel(detail);
    panelPart('members').textContent = membersText(detail);
    panelPart('total').textContent = readable(detail.total, detail.unit);
    panelPart('reviewed').textContent = t('drill.reviewedOfTotal', { reviewed: reviewedText(detail.reviewedShare) });
    const why = detail.fromChildPairs
      ? t('drill.fromChildren', { pairs: count('count.pairs', detail.childPairs.length),
        list: detail.childPairs.map(p => pairLabel(p)).join(', '), own: readable(detail.ownTotal, detail.unit) })
      : (detail.childPairs.length ? t('drill.ownOverChildren', { children: readable(detail.childPairsTotal, detail.unit) }) : t('drill.own'));
    panelPart('why').textContent = why
      + (detail.conflictCount ? t('drill.conflicts', { conflicts: count('count.conflicts', detail.conflictCount) }) : '');
    panelPart('sections').replaceChildren(...claimSection(t('drill.used'), detail.used, detail.unit, 'used'),
      ...claimSection(t('drill.unused'), detail.unused, detail.unit, 'unused'));
    showPanel();
  } catch (error) {
    setStatus(`${t('error.claims')}: ${error.message}`, true);
  }
}

/** A headline card's drill-down: the pairs its figure adds up, each opening its own claims. */
function openGrand(metric) {
  state.drill = { kind: 'grand', metric };
  const row = state.grand.find(r => r.metric === metric);
  const unit = row ? row.unit : '';
  const pairs = topLevel(state.pairs.filter(p => p.totals[metric] !== undefined))
    .sort((a, b) => Number(b.totals[metric]) - Number(a.totals[metric]));
  panelPart('metric').textContent = t('drill.grandEyebrow', { metric: metricName(metric) });
  panelPart('pair').textContent = t('drill.grandTitle');
  panelPart('members').textContent = row ? t('headline.detail', { claims: count('count.claims', row.claimCount),
    reports: count('count.reports', row.reportCount), pairs: count('count.topPairs', row.pairCount) }) : '';
  panelPart('total').textContent = row ? readable(row.total, row.unit) : '–';
  panelPart('reviewed').textContent = row ? t('drill.reviewedOfTotal', { reviewed: reviewedText(row.reviewedShare) }) : '';
  panelPart('why').textContent = t('drill.grandWhy');
  const list = el('ol', { className: 'grand-pairs' }, ...pairs.map(pair => el('li', {},
    button(pairLabel(pair), 'linkish', () => openDrill(pair.donor, pair.recipient, metric)),
    el('span', { className: 'num', text: readable(pair.totals[metric], unit) }))));
  panelPart('sections').replaceChildren(el('h3', {}, document.createTextNode(`${t('drill.grandPairs')} `),
    el('span', { className: 'count', text: String(pairs.length) })), list);
  showPanel();
}

function redrawDrill() {
  if (!state.drill) return;
  if (state.drill.kind === 'grand') openGrand(state.drill.metric);
  else openDrill(state.drill.donor, state.drill.recipient, state.drill.metric);
}

// ---------- loading ----------

function freshnessText() {
  const newest = state.grand.map(r => r.newestReport).filter(Boolean).sort().pop();
  const changed = [...state.grand.map(r => r.lastChanged), ...state.pairs.map(p => p.lastUpdated)].filter(Boolean).sort().pop();
  return [newest ? t('status.newest', { date: dateText(newest) }) : t('status.noDates'),
    changed ? t('status.changed', { time: timeText(changed) }) : ''].filter(Boolean).join(' · ');
}

function renderAll() {
  applyStaticText();
  fillSelects();
  renderHeadlines();
  renderCharts();
  renderPairs();
  fillRegionSuggestions();
  const filters = filterParams();
  document.getElementById('csv-totals').href = `/totals${query({ ...filters, metric: state.metric, format: 'csv' })}`;
  document.getElementById('csv-claims').href = `/totals${query({ ...filters, metric: state.metric, expand: 'claims', format: 'csv' })}`;
  setStatus(`${count('count.pairs', visiblePairs().length)} · ${freshnessText()}`);
}

// #status's data-state says, whatever the language, where loading stands: loading, shown (everything drawn from one
// set of answers) or error. Tools that time the page (benchmarks/DashboardLoad) wait for "shown".
async function refresh() {
  setStatus(t('status.loading'));
  document.getElementById('status').dataset.state = 'loading';
  try {
    const filters = filterParams();
    const [grand, years, pairs] = await Promise.all([
      getJson(`/totals/grand${query(filters)}`),
      getJson(`/timeseries${query({ province: state.province, metric: state.metric, minConfidence: confidenceParam() })}`),
      getAll(`/pairs${query(filters)}`)]);
    state.grand = grand;
    for (const figure of years) state.knownYears.add(figure.year);
    state.years = years.filter(f => (!state.fromYear || f.year >= Number(state.fromYear)) && (!state.toYear || f.year <= Number(state.toYear)));
    state.pairs = pairs;
    learnCodes(pairs);
    renderAll();
    document.getElementById('status').dataset.state = 'shown';
    redrawDrill();
  } catch (error) {
    setStatus(`${t('error.load')}: ${error.message}`, true);
    document.getElementById('status').dataset.state = 'error';
  }
}

function options(select, entries, value) {
  select.replaceChildren(...entries.map(([code, name]) => {
    const option = el('option', { text: name });
    option.value = code;
    return option;
  }));
  select.value = value;
}

function fillSelects() {
  options(document.getElementById('metric'), METRICS.map(m => [m, metricName(m)]), state.metric);
  options(document.getElementById('province'), [['', t('filter.allProvinces')],
    ...PROVINCES.map(([code, name]) => [code, regionName(name, `${code}0000`)])], state.province);
  const years = [...state.knownYears].concat([state.fromYear, state.toYear].filter(Boolean).map(Number));
  const sorted = [...new Set(years)].sort((a, b) => a - b).map(y => [String(y), String(y)]);
  options(document.getElementById('from-year'), [['', t('filter.anyYear')], ...sorted], state.fromYear);
  options(document.getElementById('to-year'), [['', t('filter.anyYear')], ...sorted], state.toYear);
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

// The open stream, so that a page the browser keeps for its back button (back/forward cache) can close it: an
// open stream holds one of the few connections a browser allows per server, and the next page would wait for it.
const stream = { source: null, lastId: null, quiet: null };

function listen(lastEventId) {
  const live = document.getElementById('live');
  const label = live.querySelector('[data-role="label"]');
  const source = new EventSource(lastEventId ? `/totals/stream${query({ lastEventId })}` : '/totals/stream');
  stream.source = source;
  let lastId = lastEventId;
  let quiet;
  const heard = event => {
    if (event && event.lastEventId) lastId = event.lastEventId;
    stream.lastId = lastId;
    live.dataset.state = 'live';
    label.dataset.i18n = 'live.live';
    label.textContent = t('live.live');
    clearTimeout(quiet);
    // No heartbeat for three beats: the connection is dead even if the browser has not noticed.
    quiet = setTimeout(() => { source.close(); offline(); listen(lastId); }, HEARTBEAT_GRACE_MS);
    stream.quiet = quiet;
  };
  const offline = () => { live.dataset.state = 'offline'; label.dataset.i18n = 'live.reconnecting'; label.textContent = t('live.reconnecting'); };
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

async function switchLanguage() {
  const next = state.lang === 'zh' ? 'en' : 'zh';
  try {
    await loadLanguage(next);
    try { window.localStorage.setItem(LANGUAGE_KEY, next); } catch (e) { /* the choice lasts for this page only */ }
    renderAll();
    redrawDrill();
  } catch (error) {
    setStatus(`${t('error.load')}: ${error.message}`, true);
  }
}

function setUp() {
  const on = (id, type, handler) => document.getElementById(id).addEventListener(type, handler);
  on('metric', 'change', event => { state.metric = event.target.value; state.expanded = null; refresh(); });
  on('province', 'change', event => { state.province = event.target.value; refresh(); });
  on('from-year', 'change', event => { state.fromYear = event.target.value; refresh(); });
  on('to-year', 'change', event => { state.toYear = event.target.value; refresh(); });
  on('low-confidence', 'change', event => { state.low = event.target.checked; refresh(); });
  on('search', 'input', event => { state.search = event.target.value; state.expanded = null; renderAll(); });
  on('filters', 'submit', event => event.preventDefault());
  on('lang', 'click', switchLanguage);
  on('pair-chart-up', 'click', () => {
    const parent = state.pairs.find(p => pairKey(p) === state.expanded);
    state.expanded = parent && parent.parent ? parent.parent : null;
    renderPairChart();
  });
  for (const card of document.querySelectorAll('.headline')) {
    card.addEventListener('click', () => {
      const changed = state.metric !== card.dataset.metric;
      state.metric = card.dataset.metric;
      state.expanded = null;
      openGrand(state.metric);
      if (changed) refresh();
    });
  }
  panelPart('close').addEventListener('click', () => closeDrill(false));
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape') closeDrill(false);
    trapFocus(event);
  });
  window.addEventListener('popstate', () => closeDrill(true));
  window.addEventListener('pagehide', () => {
    clearTimeout(stream.quiet);
    if (stream.source) stream.source.close();
  });
  window.addEventListener('pageshow', event => {
    if (event.persisted) { listen(stream.lastId); refresh(); }
  });
  window.addEventListener('resize', () => { for (const c of Object.values(charts)) c.instance.resize(); });
}

async function loadRegionNames() {
  try {
    const response = await fetch('/dashboard/region-names', { headers: { Accept: 'application/json' } });
    if (response.ok) state.regions = await response.json();
  } catch (e) {
    state.regions = {};  // names stay as the API spells them
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  setUp();
  try {
    await loadLanguage(preferredLanguage());
  } catch (error) {
    await loadLanguage('en');
  }
  applyStaticText();
  fillSelects();
  await loadRegionNames();
  await refresh();
  listen();
});
