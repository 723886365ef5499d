// The train page: a study picked (or created), a trial drawn as a job whose events bring its two options, the options
// rated 1 to 5 (clicks or keys) and sent together; then the study's status, its history as a chart and its version
// lineage read back. The study in view is kept in the address (?study=) so a reload stays on it.

import { el } from './dom.js';
import { followEvents } from './events.js';
import { problemElements } from './problem.js';

const API = '/api/v1/learning/studies';
const SIDES = ['A', 'B'];
const STARS = 5;
const PARAMETER_LABELS = {
  api: 'API', init_strength: 'Init strength', guidance_scale: 'Guidance', controlnet_weight: 'ControlNet',
};
const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);

let studyId = null;
let trial = null; // the trial shown: { experiment_id, status, options }
let ratings = {}; // option → 1..5
let source = null; // the EventSource of the trial being drawn
let loads = 0; // which study load is the latest

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

async function call(url, { method = 'GET', json, form } = {}) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form;
  }
  const response = await fetch(url, init);
  const body = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
  return { ok: response.ok, status: response.status, body };
}

const studyUrl = (path = '') => `${API}/${encodeURIComponent(studyId)}${path}`;

function number(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function percent(value) {
  return Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—';
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function shown(value) {
  return value == null ? '—' : String(value);
}

// ---- errors -----------------------------------------------------------------------------------------------------

function clearErrors() {
  $('train-error').hidden = true;
  $('train-error').replaceChildren();
  for (const slot of document.querySelectorAll('.field-error')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const field of document.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
  }
}

function markField(field, message) {
  const name = String(field).replace(/^input\./, '').split(/[.[]/)[0];
  const slot = document.querySelector(`.field-error[data-field="${CSS.escape(name)}"]`);
  if (!slot) {
    return;
  }
  slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
  slot.hidden = false;
  $(slot.id.replace(/-error$/, ''))?.setAttribute('aria-invalid', 'true');
}

function showProblem(problem) {
  $('train-error').replaceChildren(...problemElements(problem, markField));
  $('train-error').hidden = false;
}

// ---- studies ----------------------------------------------------------------------------------------------------

function studyOption(study) {
  return el('option', { value: study.id }, study.name);
}

function openCreate(open) {
  $('study-create').hidden = !open;
  $('study-new').setAttribute('aria-expanded', String(open));
  if (open) {
    $('study-name').focus();
  }
}

async function loadStudies() {
  const { ok, body } = await call(API).catch((e) => ({ ok: false, body: { title: 'Studies could not be loaded', detail: e.message } }));
  $('study-loading').hidden = true;
  if (!ok) {
    showProblem(body);
    return;
  }
  const items = body.items || [];
  $('study').replaceChildren(...items.map(studyOption));
  $('study-pick').hidden = items.length === 0;
  $('study-empty').hidden = items.length > 0;
  if (items.length === 0) {
    openCreate(true);
    return;
  }
  const wanted = new URLSearchParams(window.location.search).get('study');
  const pick = items.find((s) => s.id === wanted) || items[0];
  $('study').value = pick.id;
  selectStudy(pick.id);
}

function selectStudy(id) {
  studyId = id;
  const url = new URL(window.location.href);
  url.searchParams.set('study', id);
  window.history.replaceState(null, '', url);
  stopStream();
  clearTrial();
  $('train-body').hidden = false;
  refresh();
}

async function createStudy(event) {
  event.preventDefault();
  clearErrors();
  const name = $('study-name').value.trim();
  if (!name) {
    markField('name', 'Give the study a name');
    $('study-name').focus();
    return;
  }
  $('study-create-submit').disabled = true;
  try {
    const { ok, body } = await call(API, { method: 'POST', json: { name } });
    if (!ok) {
      showProblem(body);
      return;
    }
    $('study').prepend(studyOption(body));
    $('study').value = body.id;
    $('study-pick').hidden = false;
    $('study-empty').hidden = true;
    $('study-name').value = '';
    openCreate(false);
    selectStudy(body.id);
  } catch (e) {
    showProblem({ title: 'The study could not be created', detail: e.message });
  } finally {
    $('study-create-submit').disabled = false;
  }
}

// ---- status, history, lineage -----------------------------------------------------------------------------------

async function refresh() {
  const id = studyId;
  const load = ++loads;
  const [status, history, versions] = await Promise.all(
    ['/status', '/history?limit=50', '/versions'].map((path) => call(studyUrl(path))
      .catch((e) => ({ ok: false, body: { title: 'The study could not be read', detail: e.message } }))));
  if (load !== loads || id !== studyId) {
    return;
  }
  const failed = [status, history, versions].find((answer) => !answer.ok);
  if (failed) {
    showProblem(failed.body);
  }
  if (status.ok) {
    showStatus(status.body);
  }
  if (history.ok) {
    showHistory(history.body);
  }
  if (versions.ok) {
    showLineage(versions.body.lineage || []);
  }
}

function phase1Text(one) {
  if (one.active) {
    return `active (${percent(one.convergence)} converged)`;
  }
  const reason = one.stop_reason === 'target_reached' ? 'target reached' : String(one.stop_reason || 'stopped').replaceAll('_', ' ');
  return `complete (${reason})`;
}

function phase2Text(two) {
  if (!two) {
    return '—';
  }
  if (two.ready_for_inference) {
    return `ready (model accuracy ${percent(two.model_accuracy)}, baseline ${percent(two.baseline_accuracy)})`;
  }
  return `training (not ready, ${two.training_samples ?? 0} samples)`;
}

function versionText(evolution) {
  const parts = [evolution.current_version || '—'];
  if (evolution.candidate_version) {
    parts.push(`candidate ${evolution.candidate_version}`);
  }
  if (evolution.ab_test) {
    parts.push('A/B test running');
  } else if (evolution.next_evolution_at_sample != null) {
    parts.push(`evolves at sample ${evolution.next_evolution_at_sample}`);
  }
  return parts.join(' · ');
}

function showStatus(status) {
  const one = status.phase_1 || {};
  $('status-samples').textContent = `${one.samples_collected ?? 0}/${one.max_samples ?? '—'}`;
  $('status-best').textContent = Number.isFinite(one.best_rating) ? `${number(one.best_rating)}/5` : '—';
  $('status-phase1').textContent = phase1Text(one);
  $('status-phase1').dataset.state = one.active ? 'active' : 'complete';
  $('status-phase2').textContent = phase2Text(status.phase_2);
  $('status-phase2').dataset.state = status.phase_2?.ready_for_inference ? 'ready' : 'training';
  $('status-version').textContent = versionText(status.prompt_evolution || {});
  const best = status.current_best;
  $('status-current-best').textContent = best
    ? `${shown(best.api)}, ${number(best.avg_rating)} avg · ${Object.entries(best.parameters || {})
      .filter(([name]) => name !== 'api').map(([name, value]) => `${labelOf(name)} ${shown(value)}`).join(', ')}`
    : '—';
  $('evolve').disabled = Boolean(status.prompt_evolution?.ab_test);
}

function showHistory(history) {
  const analytics = history.analytics || {};
  const total = analytics.total_samples || 0;
  $('history-empty').hidden = total > 0;
  $('history-summary').textContent = total > 0 ? `${total} samples · average ${number(analytics.avg_rating)}` : '';
  $('history-chart').replaceChildren(...(total > 0 ? [chart(analytics)] : []));
  const experiments = history.experiments || [];
  $('history-rows').replaceChildren(...experiments.map(historyRow));
  $('history-table').hidden = experiments.length === 0;
}

function historyRow(experiment) {
  const cell = (side) => {
    const option = (experiment.options || []).find((o) => o.option === side) || {};
    return el('td', {}, el('strong', {}, option.rating != null ? `${option.rating}★` : '—'), ' ',
      el('span', { class: 'muted' }, [option.api, option.prompt_version].filter(Boolean).join(' · ')));
  };
  return el('tr', {}, el('td', { class: 'num' }, String(experiment.seq ?? '')),
    el('td', { class: 'num' }, time(experiment.created_at)), cell('A'), cell('B'));
}

// The rating trend (a point per block of samples, at the block's middle) and the best so far (a point per sample),
// on one axis of samples and ratings 1 to 5.
function chart(analytics) {
  // About the drawn size on a desktop page, so the labels read at their font size.
  const width = 960;
  const height = 240;
  const pad = { left: 36, right: 12, top: 12, bottom: 28 };
  const best = analytics.best_so_far || [];
  const trend = analytics.rating_trend || [];
  const block = analytics.trend_block || 5;
  const samples = Math.max(best.length, 1);
  const x = (sample) => pad.left + (samples === 1 ? 0.5 : (sample - 1) / (samples - 1)) * (width - pad.left - pad.right);
  const y = (rating) => pad.top + (5 - rating) / 4 * (height - pad.top - pad.bottom);

  const grid = [1, 2, 3, 4, 5].flatMap((rating) => [
    svg('line', { class: 'chart-grid', x1: pad.left, x2: width - pad.right, y1: y(rating), y2: y(rating) }),
    svg('text', { class: 'chart-label', x: pad.left - 8, y: y(rating) + 4, 'text-anchor': 'end' }, String(rating)),
  ]);
  const axis = [
    svg('text', { class: 'chart-label', x: x(1), y: height - 8, 'text-anchor': 'start' }, '1'),
    svg('text', { class: 'chart-label', x: x(samples), y: height - 8, 'text-anchor': 'end' }, `${samples} samples`),
  ];
  const series = (name, points) => {
    const group = svg('g', { class: `chart-series chart-${name}` });
    if (points.length > 1) {
      group.append(svg('polyline', { points: points.map((p) => `${x(p.sample)},${y(p.rating)}`).join(' ') }));
    }
    for (const p of points) {
      group.append(svg('circle', { class: `chart-point ${name}-point`, cx: x(p.sample), cy: y(p.rating), r: 3.5 },
        svg('title', {}, p.title)));
    }
    return group;
  };
  const trendPoints = trend.map((rating, i) => {
    const from = i * block + 1;
    const to = Math.min(best.length, (i + 1) * block);
    return { sample: (from + to) / 2, rating, title: `Samples ${from}–${to}: mean ${rating}` };
  });
  const bestPoints = best.map((rating, i) => ({ sample: i + 1, rating, title: `Sample ${i + 1}: best so far ${rating}` }));
  return svg('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart',
    'aria-label': `Ratings over ${best.length} samples: best so far ${best.at(-1) ?? '—'}, latest trend ${trend.at(-1) ?? '—'}`,
  }, ...grid, ...axis, series('best', bestPoints), series('trend', trendPoints));
}

function versionItem(version) {
  const figures = version.performance || {};
  const head = el('div', { class: 'version-head' }, el('code', { class: 'version-name' }, version.version),
    ...(version.labels || []).map((label) => el('span', { class: 'tag', 'data-label': label }, label)),
    el('span', { class: 'muted version-by' }, `${version.created_by || '—'} · ${time(version.created_at)}`));
  const stats = el('p', { class: 'version-figures' }, [
    `avg ${number(figures.avg_rating)}`, `${figures.sample_count ?? 0} samples`, `win rate ${percent(figures.win_rate)}`,
    figures.last_used ? `last used ${time(figures.last_used)}` : null,
  ].filter(Boolean).join(' · '));
  const item = el('li', { 'data-version': version.version }, head, stats);
  const description = version.metadata?.description;
  if (description) {
    item.append(el('p', { class: 'field-hint version-description' }, String(description)));
  }
  if ((version.children || []).length > 0) {
    item.append(el('ul', { class: 'lineage' }, ...version.children.map(versionItem)));
  }
  return item;
}

function showLineage(lineage) {
  $('lineage').replaceChildren(...lineage.map(versionItem));
}

async function evolve() {
  clearErrors();
  $('evolve').disabled = true;
  try {
    const { ok, body } = await call(studyUrl('/evolutions'), { method: 'POST' });
    if (!ok) {
      showProblem(body);
      return;
    }
    const note = $('evolve-note');
    note.replaceChildren('Evolving the prompt… ', el('a', { href: `/jobs/${encodeURIComponent(body.id)}` }, 'Job page'));
    note.hidden = false;
    const stream = followEvents(body, {
      completed: () => {
        stream.close();
        note.replaceChildren('Evolution done: the new version is in the lineage.');
        refresh();
      },
      failed: (data) => {
        stream.close();
        note.hidden = true;
        showProblem(data);
      },
    }, { log: () => {}, lost: showProblem, isCurrent: () => true });
  } catch (e) {
    showProblem({ title: 'The evolution could not be started', detail: e.message });
  } finally {
    $('evolve').disabled = false;
  }
}

// ---- trials -----------------------------------------------------------------------------------------------------

function stopStream() {
  if (source) {
    source.close();
    source = null;
  }
}

function busy(waiting) {
  $('trial-start').disabled = waiting;
  $('trial-start').textContent = waiting ? 'Generating…' : 'Generate';
  $('trial-form').setAttribute('aria-busy', String(waiting));
}

function clearTrial() {
  trial = null;
  ratings = {};
  $('trial').hidden = true;
  $('trial-stage').textContent = '';
  busy(false);
}

async function startTrial(event) {
  event.preventDefault();
  clearErrors();
  stopStream();
  clearTrial();
  const prompt = $('trial-prompt').value.trim();
  const file = $('trial-image').files[0];
  let request;
  if (file) {
    const form = new FormData();
    form.append('image', file);
    if (prompt) {
      form.append('prompt', prompt);
    }
    request = { method: 'POST', form };
  } else {
    request = { method: 'POST', json: prompt ? { prompt } : {} };
  }
  busy(true);
  $('trial-stage').textContent = 'sending…';
  try {
    const { ok, body } = await call(studyUrl('/trials'), request);
    if (!ok) {
      busy(false);
      $('trial-stage').textContent = '';
      showProblem(body);
      return;
    }
    follow(body);
  } catch (e) {
    busy(false);
    showProblem({ title: 'The trial could not be started', detail: e.message });
  }
}

function follow(job) {
  const id = studyId;
  const handlers = {
    trial_started: (data) => {
      showTrial(data);
      return 'rendering both options';
    },
    stage_update: (data) => `${data.backend || data.stage || 'render'} ${data.status || ''}`.trim(),
    render_progress: (data) => `${data.backend}: ${data.status}${data.percent != null ? ` ${data.percent}%` : ''}`,
    render_result: (data) => {
      const option = trial?.options.find((o) => o.image_id === data.id);
      const output = (data.outputs || [])[0];
      if (option && output) {
        setImage(option.option, output.url, [data.engine || data.backend, data.model].filter(Boolean).join(' · '));
      }
      return option ? `option ${option.option} rendered` : 'rendered';
    },
    trial_ready: (data) => {
      showTrial(data);
      return 'ready to rate';
    },
    completed: () => {
      stopStream();
      busy(false);
      loadTrial(job.id, id);
      return 'ready to rate';
    },
    failed: (data) => {
      stopStream();
      busy(false);
      showProblem(data);
      return data.title || 'failed';
    },
  };
  source = followEvents(job, handlers, {
    log: (name, text) => {
      $('trial-stage').textContent = text || name;
    },
    lost: (problem) => {
      stopStream();
      busy(false);
      showProblem(problem);
    },
    isCurrent: (stream) => source === stream,
  });
}

async function loadTrial(trialId, id) {
  const { ok, body } = await call(`${API}/${encodeURIComponent(id)}/trials/${encodeURIComponent(trialId)}`)
    .catch((e) => ({ ok: false, body: { title: 'The trial could not be loaded', detail: e.message } }));
  if (id !== studyId) {
    return;
  }
  if (!ok) {
    showProblem(body);
    return;
  }
  showTrial(body);
}

function labelOf(name) {
  return PARAMETER_LABELS[name] || name.replaceAll('_', ' ');
}

function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// A trial shown again (its ready event, then its fetch) keeps the ratings and comments already given.
function showTrial(data) {
  const same = trial && trial.experiment_id === data.experiment_id;
  trial = data;
  if (!same) {
    ratings = {};
    for (const side of SIDES) {
      $(`option-${side}-comments`).value = '';
      $(`option-${side}-image`).removeAttribute('src');
      $(`option-${side}-caption`).textContent = 'rendering…';
    }
  }
  const options = data.options || [];
  const [a, b] = SIDES.map((side) => options.find((o) => o.option === side) || {});
  const names = [...new Set([...Object.keys(a.parameters || {}), ...Object.keys(b.parameters || {})])];
  for (const option of [a, b]) {
    if (!option.option) {
      continue;
    }
    const other = option === a ? b : a;
    $(`option-${option.option}-params`).replaceChildren(...names.flatMap((name) => {
      const differs = !sameValue(a.parameters?.[name], b.parameters?.[name]);
      const attributes = { class: differs ? 'param-differs' : null, 'data-param': name, 'data-differs': String(differs) };
      const value = el('dd', attributes, shown(option.parameters?.[name]));
      if (differs) {
        value.title = `Option ${other.option}: ${shown(other.parameters?.[name])}`;
      }
      return [el('dt', attributes, labelOf(name)), value];
    }), el('dt', {}, 'Version'), el('dd', {}, shown(option.prompt_version)));
    if (data.status !== 'rendering' && option.url) {
      setImage(option.option, option.url, [option.backend].filter(Boolean).join(' · '));
    }
    if (option.rating != null) {
      ratings[option.option] = option.rating;
      $(`option-${option.option}-comments`).value = option.comments || '';
    }
  }
  const original = data.original_url;
  $('trial-original').hidden = !original;
  if (original) {
    $('trial-original-image').src = original;
  }
  const warnings = data.warnings || [];
  $('trial-warnings').replaceChildren(...warnings.map((w) => el('li', {}, w)));
  $('trial-warnings').hidden = warnings.length === 0;
  $('trial-state').textContent = trialState(data);
  $('trial').dataset.status = data.status;
  $('trial').dataset.experimentId = data.experiment_id;
  $('trial').hidden = false;
  updateRatings();
}

function trialState(data) {
  return [data.seq ? `trial ${data.seq}` : 'trial', data.status].join(' · ');
}

function setImage(side, url, caption) {
  const image = $(`option-${side}-image`);
  if (image.getAttribute('src') !== url) {
    image.src = url;
  }
  $(`option-${side}-caption`).textContent = caption || '';
}

// ---- ratings ----------------------------------------------------------------------------------------------------

function buildStars(side) {
  const group = $(`option-${side}-stars`);
  group.replaceChildren(...Array.from({ length: STARS }, (_, i) => {
    const value = i + 1;
    const star = el('button', {
      type: 'button', class: 'star', role: 'radio', id: `option-${side}-star-${value}`, 'data-value': value,
      'aria-checked': 'false', 'aria-label': `${value} ${value === 1 ? 'star' : 'stars'}`, tabindex: value === 1 ? '0' : '-1',
    }, '★');
    star.addEventListener('click', () => rate(side, value));
    return star;
  }));
}

function editable() {
  return trial && trial.status === 'ready';
}

function rate(side, value, focus = false) {
  if (!editable()) {
    return;
  }
  ratings[side] = Math.min(STARS, Math.max(1, value));
  updateRatings();
  if (focus) {
    $(`option-${side}-star-${ratings[side]}`).focus();
  }
}

function updateRatings() {
  for (const side of SIDES) {
    const rating = ratings[side] || 0;
    for (const star of $(`option-${side}-stars`).children) {
      const value = Number(star.dataset.value);
      star.setAttribute('aria-checked', String(value === rating));
      star.tabIndex = value === (rating || 1) ? 0 : -1;
      star.dataset.on = String(value <= rating);
      star.disabled = !editable();
    }
    $(`option-${side}-stars`).dataset.rating = String(rating);
    $(`option-${side}-comments`).disabled = !editable();
  }
  const both = SIDES.every((side) => ratings[side]);
  $('rate-submit').disabled = !editable() || !both;
  if (trial?.status === 'rated') {
    $('rate-note').textContent = 'This trial is rated. Draw the next one.';
  } else if (!editable()) {
    $('rate-note').textContent = 'The options are still rendering.';
  } else {
    $('rate-note').textContent = both ? `A ${ratings.A}/5, B ${ratings.B}/5: ready to submit.` : 'Rate both options to submit.';
  }
}

// Keys 1 to 5 rate the option that has the focus (outside its comments); arrows move its rating like a radio group.
function onKey(side, event) {
  if (event.target.matches('textarea, input') || event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  const current = ratings[side] || 0;
  let next = null;
  if (/^[1-5]$/.test(event.key)) {
    next = Number(event.key);
  } else if (event.key === 'ArrowRight' || event.key === 'ArrowUp') {
    next = current + 1;
  } else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') {
    next = current - 1;
  } else if (event.key === 'Home') {
    next = 1;
  } else if (event.key === 'End') {
    next = STARS;
  }
  if (next == null || !editable()) {
    return;
  }
  event.preventDefault();
  rate(side, next, event.target.classList.contains('star'));
}

async function submitRatings() {
  if (!editable() || !SIDES.every((side) => ratings[side])) {
    return;
  }
  clearErrors();
  const body = {
    experiment_id: trial.experiment_id,
    ratings: SIDES.map((side) => {
      const option = trial.options.find((o) => o.option === side) || {};
      const comments = $(`option-${side}-comments`).value.trim();
      return { option: side, image_id: option.image_id, rating: ratings[side], comments: comments || null };
    }),
  };
  $('rate-submit').disabled = true;
  try {
    const { ok, body: answer } = await call(studyUrl('/ratings'), { method: 'POST', json: body });
    if (!ok) {
      showProblem(answer);
      updateRatings();
      return;
    }
    trial = { ...trial, status: 'rated' };
    $('trial-stage').textContent = '';
    $('trial').dataset.status = 'rated';
    $('trial-state').textContent = trialState(trial);
    updateRatings();
    const parts = [answer.message, `${answer.samples_collected} samples`];
    if (answer.phase_1_complete) {
      parts.push('Phase 1 complete');
    }
    $('rate-note').textContent = parts.filter(Boolean).join(' · ');
    if (answer.evolution_job_id) {
      $('rate-note').append(' · ', el('a', { href: `/jobs/${encodeURIComponent(answer.evolution_job_id)}` }, 'prompt evolving'));
    }
    refresh();
  } catch (e) {
    showProblem({ title: 'The ratings could not be sent', detail: e.message });
    updateRatings();
  }
}

// ---- wiring -----------------------------------------------------------------------------------------------------

for (const side of SIDES) {
  buildStars(side);
  $(`option-${side}`).addEventListener('keydown', (event) => onKey(side, event));
}
$('study').addEventListener('change', () => {
  clearErrors();
  selectStudy($('study').value);
});
$('study-new').addEventListener('click', () => openCreate($('study-create').hidden));
$('study-create').addEventListener('submit', createStudy);
$('trial-form').addEventListener('submit', startTrial);
$('rate-submit').addEventListener('click', submitRatings);
$('evolve').addEventListener('click', evolve);

loadStudies();
