// Counterpart review pages: what the queue (index.html) and the report view (report.html) share: labels in
// English and Chinese, calls to the facts API with the analyst's key, problem+json errors, and small DOM helpers.
// Report data (text, evidence, names, notes) only ever reaches the page through textContent, createTextNode or
// element properties, never as markup, so text containing tags is shown as text and never run.
'use strict';

const Review = (() => {
  const METRICS = [
    ['funds_cny', 'CNY', 'Aid funds', '援助资金'],
    ['projects', 'projects', 'Projects', '项目'],
    ['workers_transferred', 'people', 'Workers placed in jobs', '转移就业'],
    ['investment_cny', 'CNY', 'Investment', '投资'],
    ['consumption_cny', 'CNY', 'Consumption-driven aid', '消费帮扶'],
    ['people_trained', 'people', 'People trained', '培训人数'],
    ['personnel_exchanged', 'people', 'Personnel exchanged', '人才交流'],
    ['enterprises_introduced', 'enterprises', 'Enterprises introduced', '引进企业'],
    ['agreements', 'agreements', 'Agreements', '协议'],
    ['people_lifted', 'people', 'People lifted out of poverty', '脱贫人数'],
    ['people_benefited', 'people', 'People benefited', '受益人数'],
    ['villages_benefited', 'villages', 'Villages benefited', '受益村庄'],
    ['exchange_visits', 'visits', 'Exchange visits', '互访']
  ];

  const TEXT = {
    en: {
      'lang.switch': '中文',
      'key.label': 'API key', 'key.placeholder': 'only for a deployment', 'key.save': 'Use', 'key.clear': 'Forget',
      'key.set': 'key set for this tab', 'key.none': 'no key: writes open only on the local stack',
      'queue.title': 'Review queue', 'queue.thin': '· facts worth checking first',
      'queue.note': 'Confirm, correct or reject what the machine read. A reviewed fact leaves the queue; its review outlives re-extraction.',
      'queue.keys': 'Keys: c confirm · e correct · r reject · j / k next / previous · Enter submits a form, Esc cancels',
      'queue.empty': 'Nothing left to review.', 'queue.more': 'Load more', 'queue.loading': 'Loading the queue…',
      'queue.count': (n, more) => `${n} fact${n === 1 ? '' : 's'} to review${more ? ', more to load' : ''}`,
      'queue.worth': 'Why check it', 'queue.score': 'score',
      'action.confirm': 'Confirm', 'action.correct': 'Correct', 'action.reject': 'Reject', 'action.open': 'Open in report',
      'action.cancel': 'Cancel', 'action.save': 'Save correction', 'action.add': 'Add fact',
      'done.confirm': 'Confirmed', 'done.correct': 'Corrected', 'done.reject': 'Rejected', 'done.add': 'Added',
      'field.metric': 'Metric', 'field.value': 'Value', 'field.unit': 'Unit', 'field.donor': 'Donor',
      'field.recipient': 'Recipient', 'field.periodStart': 'Period start', 'field.periodEnd': 'Period end',
      'field.asOf': 'As of', 'field.note': 'Note', 'field.qualifier': 'Qualifier', 'field.basis': 'Basis',
      'field.figure': 'Figure', 'field.confidence': 'Confidence', 'field.reasons': 'Reasons',
      'field.period': 'Period', 'field.pair': 'Donor → recipient', 'field.asWritten': 'As written',
      'field.review': 'Review', 'field.machine': 'Machine read', 'field.origin': 'Origin', 'field.extractor': 'Extractor',
      'placeholder.party': 'name or GB/T 2260 code', 'placeholder.note': 'optional',
      'correct.nothing': 'Nothing changed: change a field, or confirm instead.',
      'status.unreviewed': 'unreviewed', 'status.confirmed': 'confirmed', 'status.corrected': 'corrected',
      'status.rejected': 'rejected', 'status.changed': 'machine reading changed since the last review',
      'confidence.high': 'high', 'confidence.medium': 'medium', 'confidence.low': 'low',
      'qualifier.exact': 'exact', 'qualifier.approximate': 'approximate', 'qualifier.at_least': 'at least',
      'basis.period': 'within a period', 'basis.cumulative': 'running total', 'basis.plan': 'plan',
      'origin.machine': 'machine', 'origin.analyst': 'analyst',
      'period.none': 'no date stated', 'period.asOf': d => `up to ${d}`, 'period.range': (a, b) => `${a} to ${b}`,
      'by': (who, when) => `by ${who}${when ? ` on ${when}` : ''}`,
      'report.back': '← Review queue', 'report.source': 'Original article ↗', 'report.loading': 'Loading the report…',
      'report.figures': (n, r) => `${n} figure${n === 1 ? '' : 's'} highlighted${r ? `, ${r} rejected` : ''}. Click one for its reading; select a figure the machine missed to add it.`,
      'report.select': 'Select a figure in the text to add a fact the machine missed.',
      'report.selected': s => `Selected: “${s}”`, 'report.addTitle': 'Add a missed figure',
      'report.noFigure': 'Facts without a located figure', 'report.history': 'History',
      'report.close': 'Close', 'report.missing': 'No report id in the address (report.html?id=…).',
      'report.publishedAt': 'published', 'report.untitled': '(untitled report)',
      'report.outlet': 'Outlet: where the report was published', 'language.en': 'English', 'language.zh': 'Chinese',
      'history.reading': (v, r) => `extractor ${v}, revision ${r}`,
      'error.load': 'Could not load', 'error.save': 'Could not save', 'error.http': s => `HTTP ${s}`,
      'error.network': 'the service did not answer',
      'error.key': 'writes here need a key with the reviewer role: set it under “API key” at the top'
    },
    zh: {
      'lang.switch': 'English',
      'key.label': 'API 密钥', 'key.placeholder': '仅部署环境需要', 'key.save': '使用', 'key.clear': '清除',
      'key.set': '本标签页已设置密钥', 'key.none': '未设置密钥：仅本地环境可直接写入',
      'queue.title': '审核队列', 'queue.thin': '· 优先核查的事实',
      'queue.note': '确认、更正或驳回机器读取的结果。审核过的事实离开队列；审核结果在重新抽取后仍然保留。',
      'queue.keys': '快捷键：c 确认 · e 更正 · r 驳回 · j / k 下一条 / 上一条 · Enter 提交表单，Esc 取消',
      'queue.empty': '没有待审核的事实。', 'queue.more': '加载更多', 'queue.loading': '正在加载队列…',
      'queue.count': (n, more) => `待审核 ${n} 条${more ? '，还有更多' : ''}`,
      'queue.worth': '核查理由', 'queue.score': '分值',
      'action.confirm': '确认', 'action.correct': '更正', 'action.reject': '驳回', 'action.open': '在报告中查看',
      'action.cancel': '取消', 'action.save': '保存更正', 'action.add': '添加事实',
      'done.confirm': '已确认', 'done.correct': '已更正', 'done.reject': '已驳回', 'done.add': '已添加',
      'field.metric': '指标', 'field.value': '数值', 'field.unit': '单位', 'field.donor': '帮扶方',
      'field.recipient': '受援方', 'field.periodStart': '起始日期', 'field.periodEnd': '截止日期',
      'field.asOf': '截至', 'field.note': '备注', 'field.qualifier': '限定', 'field.basis': '口径',
      'field.figure': '原文数字', 'field.confidence': '置信度', 'field.reasons': '原因',
      'field.period': '期间', 'field.pair': '帮扶方 → 受援方', 'field.asWritten': '原文写法',
      'field.review': '审核', 'field.machine': '机器读取', 'field.origin': '来源', 'field.extractor': '抽取器',
      'placeholder.party': '名称或 GB/T 2260 代码', 'placeholder.note': '可选',
      'correct.nothing': '没有改动：请修改字段，或直接确认。',
      'status.unreviewed': '未审核', 'status.confirmed': '已确认', 'status.corrected': '已更正',
      'status.rejected': '已驳回', 'status.changed': '上次审核后机器读取结果有变',
      'confidence.high': '高', 'confidence.medium': '中', 'confidence.low': '低',
      'qualifier.exact': '确切', 'qualifier.approximate': '约', 'qualifier.at_least': '至少',
      'basis.period': '期间内', 'basis.cumulative': '累计', 'basis.plan': '计划',
      'origin.machine': '机器', 'origin.analyst': '分析员',
      'period.none': '未注明日期', 'period.asOf': d => `截至 ${d}`, 'period.range': (a, b) => `${a} 至 ${b}`,
      'by': (who, when) => `${who}${when ? `，${when}` : ''}`,
      'report.back': '← 审核队列', 'report.source': '原文链接 ↗', 'report.loading': '正在加载报告…',
      'report.figures': (n, r) => `已标出 ${n} 个数字${r ? `，其中 ${r} 个已驳回` : ''}。点击数字查看读取结果；选中机器遗漏的数字即可添加。`,
      'report.select': '在正文中选中一个数字，添加机器遗漏的事实。',
      'report.selected': s => `已选中：“${s}”`, 'report.addTitle': '添加遗漏的数字',
      'report.noFigure': '未定位到数字的事实', 'report.history': '历史',
      'report.close': '关闭', 'report.missing': '地址中没有报告编号（report.html?id=…）。',
      'report.publishedAt': '发布于', 'report.untitled': '（无标题报告）',
      'report.outlet': '发布媒体', 'language.en': '英文', 'language.zh': '中文',
      'history.reading': (v, r) => `抽取器 ${v}，版本 ${r}`,
      'error.load': '加载失败', 'error.save': '保存失败', 'error.http': s => `HTTP ${s}`,
      'error.network': '服务没有响应',
      'error.key': '此处写入需要具有审核员角色的密钥：请在页面顶部的“API 密钥”中设置'
    }
  };

  const REASONS = {
    en: {
      party_from_context: 'a party taken from the surrounding text', party_from_pairing_data: 'a party taken from the pairing lists',
      group_members_inferred: 'group members taken from the pairing lists', group_members_unknown: 'group members unknown',
      metric_from_list: 'metric taken from a list', metric_from_total: 'metric taken from a total',
      metric_from_weak_cue: 'metric from a weak cue', part_of_total: 'part of a stated total',
      distributed_over_group: 'spread over a group', changed: 'the machine reads it differently since it was confirmed',
      low_confidence: 'low confidence', medium_confidence: 'medium confidence'
    },
    zh: {
      party_from_context: '一方取自上下文', party_from_pairing_data: '一方取自结对名单',
      group_members_inferred: '组成员取自结对名单', group_members_unknown: '组成员不明',
      metric_from_list: '指标取自列举', metric_from_total: '指标取自总数', metric_from_weak_cue: '指标线索较弱',
      part_of_total: '属于某一总数的一部分', distributed_over_group: '分摊到一组地区',
      changed: '确认后机器读取结果有变', low_confidence: '置信度低', medium_confidence: '置信度中'
    }
  };

  const LANG_KEY = 'counterpart.review.lang';
  const API_KEY = 'counterpart.review.apiKey';
  let lang = 'en';
  try {
    lang = localStorage.getItem(LANG_KEY) === 'zh' ? 'zh' : 'en';
  } catch (e) { /* storage off: English */ }
  const listeners = [];

  function t(key, ...args) {
    const entry = TEXT[lang][key] ?? TEXT.en[key];
    if (entry === undefined) return key;
    return typeof entry === 'function' ? entry(...args) : entry;
  }

  function reason(code) {
    const known = REASONS[lang][code] ?? REASONS.en[code];
    return known ?? String(code).replaceAll('_', ' ');
  }

  function metricName(code) {
    const row = METRICS.find(m => m[0] === code);
    return row ? (lang === 'zh' ? row[3] : row[2]) : String(code ?? '–');
  }

  function metricUnit(code) {
    const row = METRICS.find(m => m[0] === code);
    return row ? row[1] : '';
  }

  /** Fills elements marked data-i18n (text), data-i18n-placeholder and data-i18n-title in the static pages. */
  function translateStatic(root = document) {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
    for (const node of root.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
    for (const node of root.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  }

  function setLanguage(next) {
    lang = next === 'zh' ? 'zh' : 'en';
    try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* not kept */ }
    translateStatic();
    for (const listener of listeners) listener(lang);
  }

  function onLanguage(listener) {
    listeners.push(listener);
  }

  // ---------- numbers and readings ----------

  function numberFormat() {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 4 });
  }

  /** 120000000 CNY -> "120,000,000 CNY"; exact, so that an analyst sees the digits the machine read. */
  function value(v, unit) {
    if (v === null || v === undefined || v === '') return '–';
    const n = Number(v);
    const digits = Number.isFinite(n) ? numberFormat().format(n) : String(v);
    return unit ? `${digits} ${unit}` : digits;
  }

  function party(p) {
    if (!p) return '–';
    if (typeof p === 'string') return p;
    const members = Array.isArray(p.members) && p.members.length ? ` (${p.members.map(m => m.name).join(' + ')})` : '';
    return `${p.name ?? '–'}${p.code ? ` ${p.code}` : ''}${members}`;
  }

  function period(f) {
    if (f.basis === 'cumulative' && f.asOf) {
      return f.periodStart ? `${t('period.range', f.periodStart, f.asOf)}` : t('period.asOf', f.asOf);
    }
    if (!f.periodStart && !f.periodEnd) return f.asOf ? t('period.asOf', f.asOf) : t('period.none');
    if (f.periodStart && f.periodEnd && f.periodStart.slice(0, 4) === f.periodEnd.slice(0, 4)
      && f.periodStart.endsWith('-01-01') && f.periodEnd.endsWith('-12-31')) return f.periodStart.slice(0, 4);
    return t('period.range', f.periodStart ?? '…', f.periodEnd ?? '…');
  }

  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB',
      { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** A calendar date ("2020-01-15") as the reader writes it: 15 January 2020, 2020年1月15日. */
  function day(iso) {
    if (!iso) return '';
    const d = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB',
      { dateStyle: 'long', timeZone: 'UTC' });
  }

  function coded(prefix, code) {
    if (code === null || code === undefined || code === '') return '–';
    const text = t(`${prefix}.${code}`);
    return text === `${prefix}.${code}` ? String(code).replaceAll('_', ' ') : text;
  }

  // ---------- DOM (text only) ----------

  function el(tag, options = {}, ...children) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
    if (options.title) node.title = options.title;
    if (options.data) for (const [k, v] of Object.entries(options.data)) node.dataset[k] = v;
    for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
    return node;
  }

  /** Only http(s) links leave the page: a report's "javascript:" URL is shown as text, never linked. */
  function safeHref(url) {
    if (!url) return null;
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Where a report was published, as readers name it: the host of its http(s) URL without "www.". */
  function outlet(url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
      return parsed.hostname.replace(/^www\./i, '') || null;
    } catch (e) {
      return null;
    }
  }

  /** Definition list rows [[label, value-or-node], …]; empty values left out. */
  function facts(rows, className = 'reading') {
    const dl = el('dl', { className });
    for (const [label, v, key] of rows) {
      if (v === null || v === undefined || v === '') continue;
      const dd = el('dd');
      if (v instanceof Node) dd.append(v); else dd.textContent = String(v);
      const row = el('div', {}, el('dt', { text: label }), dd);
      if (key) row.dataset.field = key;
      dl.append(row);
    }
    return dl;
  }

  function setStatus(node, text, kind) {
    node.textContent = text ?? '';
    node.dataset.kind = kind ?? '';
  }

  // ---------- sentences around a figure ----------

  const CJK_END = '。！？；';
  const LATIN_END = '.!?;';
  const MAX_NEIGHBOUR = 400;

  function isBoundary(text, i) {
    const c = text[i];
    if (c === '\n') return true;
    if (CJK_END.includes(c)) return true;
    return LATIN_END.includes(c) && (i + 1 >= text.length || /\s/.test(text[i + 1]));
  }

  /** The sentences before [start, end) and after it in the report text, as the text has them. */
  function neighbours(text, start, end) {
    let p = start;
    while (p > 0 && /\s/.test(text[p - 1])) p--;
    let prev = '';
    if (p > 0) {
      let i = p - 2;
      while (i >= 0 && p - i <= MAX_NEIGHBOUR && !isBoundary(text, i)) i--;
      let from = i + 1;
      while (from < p && /\s/.test(text[from])) from++;
      prev = (i >= 0 && p - i > MAX_NEIGHBOUR ? '… ' : '') + text.slice(from, p);
    }
    let n = end;
    while (n < text.length && /\s/.test(text[n])) n++;
    let next = '';
    if (n < text.length) {
      let j = n;
      while (j < text.length && j - n < MAX_NEIGHBOUR && !isBoundary(text, j)) j++;
      next = text.slice(n, Math.min(j + 1, text.length)).replace(/\s+$/, '') + (j - n >= MAX_NEIGHBOUR ? ' …' : '');
    }
    return { prev, next };
  }

  /** A fragment of text nodes with the figure [figureStart, figureEnd) (offsets into the same text) in a mark. */
  function highlighted(text, from, to, figureStart, figureEnd) {
    const fragment = document.createDocumentFragment();
    if (!Number.isInteger(figureStart) || !Number.isInteger(figureEnd) || figureStart < from || figureEnd > to
      || figureEnd <= figureStart) {
      fragment.append(document.createTextNode(text.slice(from, to)));
      return fragment;
    }
    fragment.append(document.createTextNode(text.slice(from, figureStart)),
      el('mark', { className: 'figure', text: text.slice(figureStart, figureEnd) }),
      document.createTextNode(text.slice(figureEnd, to)));
    return fragment;
  }

  // ---------- the API ----------

  function apiKey() {
    try { return sessionStorage.getItem(API_KEY) ?? ''; } catch (e) { return ''; }
  }

  function setApiKey(key) {
    try {
      if (key) sessionStorage.setItem(API_KEY, key); else sessionStorage.removeItem(API_KEY);
    } catch (e) { /* not kept */ }
  }

  class ProblemError extends Error {
    constructor(problem, status) {
      const parts = [problem.title, problem.detail].filter(Boolean);
      const invalid = Array.isArray(problem.invalidParams)
        ? problem.invalidParams.map(p => `${p.name}: ${p.reason}`).join('; ') : '';
      super((parts.length ? parts.join(': ') : t('error.http', status)) + (invalid ? ` (${invalid})` : '')
        + (status === 401 || status === 403 ? ` — ${t('error.key')}` : ''));
      this.problem = problem;
      this.status = status;
    }
  }

  async function call(method, url, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const key = apiKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new Error(t('error.network'));
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      throw new ProblemError(json && typeof json === 'object' ? json : { title: t('error.http', response.status), status: response.status }, response.status);
    }
    return json;
  }

  const api = {
    report: id => call('GET', `/reports/${encodeURIComponent(id)}`),
    facts: reportId => call('GET', `/facts?reportId=${encodeURIComponent(reportId)}`),
    queue: (limit, cursor) => call('GET', `/review/queue?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    review: (factId, body) => call('POST', `/facts/${encodeURIComponent(factId)}/review`, body),
    add: (reportId, body) => call('POST', `/reports/${encodeURIComponent(reportId)}/facts`, body),
    history: factId => call('GET', `/facts/${encodeURIComponent(factId)}/history`)
  };

  // ---------- page furniture: language switch and key field ----------

  function setUpHeader() {
    translateStatic();
    const switcher = document.getElementById('lang');
    if (switcher) switcher.addEventListener('click', () => setLanguage(lang === 'zh' ? 'en' : 'zh'));
    const form = document.getElementById('key-form');
    if (!form) return;
    const input = form.querySelector('input');
    const state = form.querySelector('[data-role="key-state"]');
    const box = form.closest('details');
    const show = () => {
      state.textContent = apiKey() ? t('key.set') : t('key.none');
      if (box) box.dataset.set = String(Boolean(apiKey()));
    };
    form.addEventListener('submit', event => {
      event.preventDefault();
      setApiKey(input.value.trim());
      input.value = '';
      input.blur();
      if (box) box.open = false;
      show();
    });
    form.querySelector('[data-role="key-clear"]').addEventListener('click', () => { setApiKey(''); input.value = ''; show(); });
    onLanguage(show);
    show();
  }

  /** Is the keyboard event typed into a field (so it is text, not a shortcut)? */
  function typing(event) {
    const target = event.target;
    return target instanceof HTMLElement && (target.isContentEditable
      || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
  }

  // ---------- forms ----------

  function field(name, labelKey, input) {
    input.name = name;
    input.id = input.id || `f-${name}-${Math.random().toString(36).slice(2, 8)}`;
    const label = el('label', { className: `field field-${name}` }, el('span', { text: t(labelKey) }), input);
    label.htmlFor = input.id;
    return label;
  }

  function input(type, v, placeholder) {
    const node = el('input');
    node.type = type;
    if (v !== undefined && v !== null) node.value = String(v);
    if (placeholder) node.placeholder = placeholder;
    node.autocomplete = 'off';
    return node;
  }

  function select(options, chosen) {
    const node = el('select');
    for (const [v, label] of options) {
      const option = el('option', { text: label });
      option.value = v;
      node.append(option);
    }
    node.value = chosen ?? (options[0] ? options[0][0] : '');
    return node;
  }

  function metricSelect(chosen) {
    const options = METRICS.map(m => [m[0], `${metricName(m[0])} (${m[0]})`]);
    if (chosen && !METRICS.some(m => m[0] === chosen)) options.unshift([chosen, chosen]);
    return select(options, chosen);
  }

  /** Enter submits from any field (a select too); Esc cancels. */
  function formKeys(form, cancel) {
    form.addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        cancel();
      } else if (event.key === 'Enter' && !event.isComposing && event.target.tagName !== 'TEXTAREA'
        && event.target.tagName !== 'BUTTON') {
        event.preventDefault();
        event.stopPropagation();
        form.requestSubmit();
      }
    });
  }

  // ---------- correcting a fact ----------

  function partyInput(p) {
    if (!p) return '';
    return p.code && p.level !== 'group' ? p.name || p.code : p.name || '';
  }

  /** Only what the analyst changed goes to the service (an emptied field is no change: the service keeps it). */
  function changes(fact, fields) {
    const body = {};
    if (fields.metric.value !== fact.metric) body.metric = fields.metric.value;
    const raw = fields.value.value.trim().replaceAll(',', '');
    if (raw === '' || !Number.isFinite(Number(raw))) return { error: `${t('field.value')}: ${fields.value.value}` };
    if (Number(raw) !== Number(fact.value)) body.value = Number(raw);
    if (fields.unit.value.trim() !== (fact.unit ?? '')) body.unit = fields.unit.value.trim();
    for (const side of ['donor', 'recipient']) {
      const v = fields[side].value.trim();
      if (v !== partyInput(fact[side]) && v !== '') body[side] = v;
    }
    for (const name of ['periodStart', 'periodEnd']) {
      const v = fields[name].value;
      if (v !== '' && v !== (fact[name] ?? '')) body[name] = v;
    }
    return body;
  }

  /** The small correction form: metric, value, unit, donor, recipient, period, note. Enter submits, Esc cancels.
   *  handlers.submit(body) answers null when saved, else the message to show; handlers.cancel() closes it. */
  function correctionForm(fact, handlers) {
    const metric = metricSelect(fact.metric);
    const fields = {
      metric,
      value: input('text', fact.value),
      unit: input('text', fact.unit),
      donor: input('text', partyInput(fact.donor), t('placeholder.party')),
      recipient: input('text', partyInput(fact.recipient), t('placeholder.party')),
      periodStart: input('date', fact.periodStart),
      periodEnd: input('date', fact.periodEnd),
      note: input('text', '', t('placeholder.note'))
    };
    fields.value.inputMode = 'decimal';
    followUnit(metric, fields.unit, fact.metric);
    const message = el('p', { className: 'form-error', data: { role: 'form-error' } });
    const save = el('button', { className: 'act good', text: t('action.save') });
    save.type = 'submit';
    const cancel = el('button', { className: 'act', text: t('action.cancel') }, ' ', el('kbd', { text: 'Esc' }));
    cancel.type = 'button';
    const form = el('form', { className: 'correct' },
      el('div', { className: 'grid' }, ...Object.entries(fields).map(([name, node]) => field(name, `field.${name}`, node))),
      message, el('div', { className: 'actions' }, save, cancel));
    form.noValidate = true;
    cancel.addEventListener('click', () => handlers.cancel());
    formKeys(form, () => handlers.cancel());
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = changes(fact, fields);
      if (body.error) { setStatus(message, body.error, 'error'); return; }
      if (Object.keys(body).length === 0) { setStatus(message, t('correct.nothing'), 'error'); return; }
      const note = fields.note.value.trim();
      if (note) body.note = note;
      save.disabled = true;
      const failed = await handlers.submit(body);
      save.disabled = false;
      if (failed) setStatus(message, failed, 'error');
    });
    return form;
  }

  /** When the metric changes, so does the unit, unless the analyst typed one of their own. */
  function followUnit(metric, unit, initial) {
    let last = metricUnit(initial);
    metric.addEventListener('change', () => {
      const next = metricUnit(metric.value);
      if (unit.value === last || unit.value === '') unit.value = next;
      last = next;
    });
  }

  return {
    METRICS, t, reason, metricName, metricUnit, setLanguage, onLanguage, translateStatic, value, party, period,
    when, day, coded, el, safeHref, outlet, facts, neighbours, highlighted, setStatus, api, setUpHeader, typing, field, input, select, metricSelect,
    formKeys, correctionForm, followUnit, lang: () => lang
  };
})();
