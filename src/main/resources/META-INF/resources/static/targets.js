// The targets page: a category's model groups ticked (or typed as the design's numbers, "1,3"), a prompt or a tuning
// session as the source, go to the target-prompts job; the page follows the job's events to one card per model.
// The last choice of groups is kept per category in this browser; with a session and nothing ticked, the server uses
// the session's own last selection.

import { copyButton } from './copy.js';
import { el } from './dom.js';
import { followEvents } from './events.js';
import { problemElements } from './problem.js';
import { backendForGroup, createRender, parametersOf } from './render.js';

const API = '/api/v1/jobs/targets';
const GROUPS = '/api/v1/targets/groups';
const SESSIONS = '/api/v1/sessions';
const MAX_PROMPT = 4000;
const STORE = 'shotcraft.targets.';
const SESSION_PREVIEW = 70;

const $ = (id) => document.getElementById(id);
const form = $('targets-form');
const submit = $('targets-submit');
const query = new URLSearchParams(window.location.search);

let groups = []; // the category's groups, as the API numbers them
let chosen = []; // names of the ticked groups, in the order they were chosen
let loads = 0; // which category load is the latest
let source = null; // the EventSource of the job being followed
let shownResult = false; // whether the run's target_prompts event already filled the cards
let jobId = null; // the job whose cards are shown, the source of their renders

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
  return { ok: response.ok, status: response.status, body };
}

// ---- errors: the alert lists the problem; a field error shows under its field too --------------------------

function clearErrors() {
  $('targets-error').hidden = true;
  $('targets-error').replaceChildren();
  for (const slot of form.querySelectorAll('.field-error')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
  }
}

function fieldOf(slot) {
  return slot.id === 'groups-error' ? $('groups-fieldset') : $(slot.id.replace(/-error$/, ''));
}

// A job's stored input names its fields input.groups…, the request's groups…
function markField(field, message) {
  const name = String(field).replace(/^input\./, '');
  const slot = form.querySelector(`.field-error[data-field="${CSS.escape(name)}"]`)
    || form.querySelector(`.field-error[data-field="${CSS.escape(name.split(/[.[]/)[0])}"]`);
  if (!slot) {
    return;
  }
  slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
  slot.hidden = false;
  fieldOf(slot)?.setAttribute('aria-invalid', 'true');
}

function clearField(slot) {
  slot.hidden = true;
  slot.textContent = '';
  fieldOf(slot)?.removeAttribute('aria-invalid');
}

function showProblem(problem) {
  $('targets-error').replaceChildren(...problemElements(problem, markField));
  $('targets-error').hidden = false;
}

// ---- the groups: a numbered checklist and the same choice as numbers ------------------------------------------

function remembered(category) {
  try {
    const names = JSON.parse(window.localStorage.getItem(STORE + category) || '[]');
    return Array.isArray(names) ? names : [];
  } catch {
    return [];
  }
}

function remember() {
  try {
    window.localStorage.setItem(STORE + $('category').value, JSON.stringify(chosen));
  } catch {
    // Storage may be off; the choice then lasts as long as the page.
  }
}

function byName(name) {
  return groups.find((group) => group.name === name);
}

function numbers(names) {
  return names.map((name) => byName(name)?.number).filter((number) => number != null).join(',');
}

// "1,3", "1 3" or "1, 3": the groups those numbers name, in the order typed, and the tokens that name none.
function parseSelection(text) {
  const names = [];
  const unknown = [];
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const group = groups.find((g) => String(g.number) === token);
    if (!group) {
      unknown.push(token);
    } else if (!names.includes(group.name)) {
      names.push(group.name);
    }
  }
  return { names, unknown };
}

function groupItem(group) {
  const id = `group-${group.name}`;
  const box = el('input', {
    id, type: 'checkbox', name: 'groups', value: group.name, 'data-number': group.number, 'aria-describedby': `${id}-models`,
  });
  const label = el('label', { for: id },
    el('span', { class: 'group-number' }, `${group.number}.`), ' ',
    el('span', { class: 'group-label' }, group.label || group.name),
    group.description ? el('span', { class: 'group-description' }, ` — ${group.description}`) : '');
  const models = el('p', { id: `${id}-models`, class: 'group-models' }, (group.models || []).join(' · '));
  return el('li', { 'data-group': group.name, 'data-number': group.number }, box, el('div', { class: 'group-text' }, label, models));
}

// Ticks the boxes, fills the numbers (unless they are being typed), keeps the choice and says what will be sent.
function showChoice({ typing = false } = {}) {
  for (const box of $('groups').querySelectorAll('input[type="checkbox"]')) {
    box.checked = chosen.includes(box.value);
  }
  if (!typing) {
    $('selection').value = numbers(chosen);
    clearField($('selection-error'));
  }
  remember();
  showSourceNote();
}

function choose(names, options) {
  chosen = names;
  clearField($('groups-error'));
  showChoice(options);
}

async function loadGroups() {
  const category = $('category').value;
  const mine = ++loads;
  $('duration-field').hidden = category !== 'video_generation';
  $('groups').setAttribute('aria-busy', 'true');
  $('groups-prompt').textContent = 'Loading the groups…';
  try {
    const { ok, body } = await getJson(`${GROUPS}?category=${encodeURIComponent(category)}`);
    if (mine !== loads) {
      return;
    }
    groups = ok ? body.groups || [] : [];
    $('groups').replaceChildren(...groups.map(groupItem));
    $('groups-prompt').textContent = ok ? body.prompt || '' : 'The groups could not be loaded.';
    if (!ok) {
      showProblem(body);
    }
    // With a session and nothing ticked the server uses the session's own selection, so a session starts unticked.
    const fallback = ok && body.groups?.[0]?.default_selection ? parseSelection(body.groups[0].default_selection).names : [];
    const stored = remembered(category).filter((name) => byName(name));
    chosen = $('session').value || query.get('session') ? [] : (stored.length > 0 ? stored : fallback);
    showChoice();
  } catch (error) {
    if (mine === loads) {
      $('groups-prompt').textContent = 'The groups could not be loaded.';
      showProblem({ title: 'The groups could not be loaded', detail: error.message });
    }
  } finally {
    if (mine === loads) {
      $('groups').setAttribute('aria-busy', 'false');
    }
  }
}

// ---- the source: a prompt, or a tuning session's current revision --------------------------------------------

function preview(text, length) {
  const line = String(text || '').replace(/\s+/g, ' ').trim();
  return line.length <= length ? line : `${line.slice(0, length - 1).trimEnd()}…`;
}

function sessionOption(session) {
  const label = `${preview(session.prompt, SESSION_PREVIEW) || 'untitled'} · revision ${session.revision}`;
  return el('option', { value: session.id, title: session.prompt }, label);
}

async function loadSessions() {
  const wanted = query.get('session');
  try {
    const { ok, body } = await getJson(`${SESSIONS}?limit=20`);
    const items = ok ? body.items || [] : [];
    $('session').append(...items.map(sessionOption));
    if (wanted && !items.some((session) => session.id === wanted)) {
      const one = await getJson(`${SESSIONS}/${encodeURIComponent(wanted)}`);
      if (!one.ok) {
        showProblem(one.body);
        markField('session_id', one.status === 404 ? 'no such session' : 'could not be loaded');
        return;
      }
      $('session').append(sessionOption(one.body));
    }
    if (wanted) {
      $('session').value = wanted;
    }
  } catch (error) {
    showProblem({ title: 'The sessions could not be loaded', detail: error.message });
  } finally {
    showSource();
  }
}

function showSource() {
  const session = Boolean($('session').value);
  $('prompt').disabled = session;
  showSourceNote();
}

function showSourceNote() {
  const session = Boolean($('session').value);
  const parts = [];
  if (session) {
    parts.push('The session\'s current revision is the source.');
    if (chosen.length === 0) {
      parts.push('Nothing ticked: the session\'s last selection in this category is used.');
    }
  }
  if (chosen.length > 0) {
    const models = chosen.reduce((count, name) => count + (byName(name)?.models?.length || 0), 0);
    parts.push(`${chosen.length} ${chosen.length === 1 ? 'group' : 'groups'}, ${models} ${models === 1 ? 'model' : 'models'}.`);
  }
  $('source-note').textContent = parts.join(' ');
}

function countPrompt() {
  $('prompt-count').textContent = `${$('prompt').value.length} / ${MAX_PROMPT}`;
}

// ---- the request ------------------------------------------------------------------------------------------------

function integer(id) {
  const text = $(id).value.trim();
  return text === '' ? undefined : Number(text);
}

function requestBody() {
  const category = $('category').value;
  const body = { category };
  if (chosen.length > 0) {
    body.groups = [...chosen];
  }
  const session = $('session').value;
  if (session) {
    body.session_id = session;
  } else {
    body.prompt = $('prompt').value;
  }
  const options = { engine: $('engine').value };
  const aspect = $('aspect-ratio').value.trim();
  if (aspect) {
    options.aspect_ratio = aspect;
  }
  const seed = integer('seed');
  if (seed !== undefined) {
    options.seed = seed;
  }
  const duration = integer('duration');
  if (category === 'video_generation' && duration !== undefined) {
    options.duration_seconds = duration;
  }
  body.options = options;
  return body;
}

// ---- the run: progress and one stage-log line per event ------------------------------------------------------

function setProgress(percent) {
  const bar = $('progress');
  bar.value = percent;
  bar.dataset.progress = String(percent);
  $('progress-label').textContent = `${percent}%`;
}

function logLine(name, text) {
  const list = $('stage-log');
  list.append(el('li', { 'data-event': name }, el('span', { class: 'event-name' }, name), ' ', text));
  list.scrollTop = list.scrollHeight;
}

function busy(waiting) {
  submit.disabled = waiting;
  submit.textContent = waiting ? 'Writing…' : 'Write prompts';
  form.setAttribute('aria-busy', String(waiting));
}

function stopStream() {
  if (source) {
    source.close();
    source = null;
  }
}

function finish() {
  stopStream();
  busy(false);
}

function resetRun() {
  stopStream();
  shownResult = false;
  setProgress(0);
  $('stage-log').replaceChildren();
  $('job-link').hidden = true;
  $('run').hidden = true;
  $('results').hidden = true;
  $('target-cards').replaceChildren();
}

// ---- the result: the selection's token saving, how it was made, a card per model ----------------------------

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });
const COUNT = new Intl.NumberFormat('en-US');

function badge(name, text, state) {
  $(`result-${name}`).textContent = text;
  $(`badge-${name}`).dataset.state = state ?? text;
}

function display(value) {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function promptBlock(id, heading, text, kind) {
  const copy = el('button', { class: `button button-small secondary copy-${kind}`, type: 'button', 'aria-describedby': `${id}-${kind}-heading` }, 'Copy');
  copyButton(copy, () => text);
  return el('div', { class: `target-block target-${kind}` },
    el('div', { class: 'panel-head' }, el('h4', { id: `${id}-${kind}-heading` }, heading), copy),
    el('p', { id: `${id}-${kind}`, class: 'prompt-text' }, text));
}

function modelCard(modelId, prompt) {
  const id = `target-${modelId}`;
  const engine = prompt.engine || 'offline';
  const parameters = Object.entries(prompt.parameters || {});
  const warnings = prompt.warnings || [];
  return el('article', { id, class: 'target-card', 'data-model': modelId, 'data-engine': engine, 'aria-labelledby': `${id}-name` },
    el('header', { class: 'target-card-head' },
      el('h3', { id: `${id}-name` }, el('code', {}, modelId)),
      el('span', { class: 'tag target-group' }, prompt.group || ''),
      el('span', { class: 'badge target-engine', 'data-engine': engine, title: 'Which engine wrote this prompt' }, engine)),
    warnings.length > 0
      ? el('ul', { class: 'target-warnings', 'aria-label': 'Warnings' }, ...warnings.map((warning) => el('li', {}, warning)))
      : '',
    promptBlock(id, 'Prompt', prompt.prompt || '', 'prompt'),
    prompt.negative_prompt ? promptBlock(id, 'Negative prompt', prompt.negative_prompt, 'negative') : '',
    parameters.length > 0
      ? el('dl', { class: 'facts target-params', 'aria-label': 'Parameters' },
        ...parameters.map(([name, value]) => el('div', {}, el('dt', {}, name), el('dd', {}, display(value)))))
      : '',
    renderBlock(modelId, prompt));
}

// The card's prompt rendered on the backend that renders its group (offline when none is configured).
function renderBlock(modelId, prompt) {
  const source = jobId;
  const render = createRender({
    request: async () => ({
      prompt: prompt.prompt,
      negative_prompt: prompt.negative_prompt || undefined,
      backend: await backendForGroup(prompt.group),
      parameters: parametersOf(prompt.parameters),
      source: { kind: 'target', model_id: modelId, job_id: source || undefined },
    }),
  });
  return el('div', { class: 'target-block target-render' }, el('div', { class: 'panel-head' }, el('h4', {}, 'Render'), render.controls), render.panel);
}

function showResults(result) {
  shownResult = true;
  const tokens = result.tokens;
  $('token-saving').textContent = tokens
    ? `${COUNT.format(tokens.sent)} of ${COUNT.format(tokens.all_groups)} instruction tokens sent · ${tokens.saved_pct}% saved`
    : '';
  $('token-saving').hidden = !tokens;
  badge('models', String(result.model_count ?? Object.keys(result.prompts || {}).length), 'count');
  badge('engine', result.engine || 'offline');
  badge('model', result.model ?? '');
  $('badge-model').hidden = !result.model;
  badge('cached', String(Boolean(result.cached)));
  const usage = result.usage || {};
  badge('usage', `${usage.tokens_in ?? 0} in · ${usage.tokens_out ?? 0} out · ${USD.format(Number(usage.cost_usd) || 0)}`, 'usage');
  badge('fallback', result.fallback_reason || '');
  $('badge-fallback').hidden = !result.fallback_reason;
  const note = $('results-note');
  note.textContent = result.fallback_reason
    ? `The model could not answer (${result.fallback_reason.replaceAll('_', ' ')}), so the offline engine wrote the prompts.`
    : '';
  note.hidden = !note.textContent;
  $('results-source').textContent = result.source
    ? `from session revision ${result.source.revision} · ${(result.selected_groups || []).join(', ')}`
    : (result.selected_groups || []).join(', ');
  $('target-cards').replaceChildren(...Object.entries(result.prompts || {}).map(([id, prompt]) => modelCard(id, prompt)));
  $('results').hidden = false;
}

// Each event updates the page, then leaves one line in the stage log.
const ON_EVENT = {
  stage_update: (data) => `${data.stage} ${data.status}`,
  progress: (data) => {
    if (Number.isFinite(data.progress)) {
      setProgress(data.progress);
    }
    return `${data.progress}% · ${data.step || data.stage}`;
  },
  target_prompts: (data) => {
    showResults(data);
    return `${data.model_count} ${data.model_count === 1 ? 'prompt' : 'prompts'} · ${data.engine}`;
  },
  completed: (data) => {
    finish();
    setProgress(100);
    if (!shownResult && data.result?.prompts) {
      showResults(data.result);
    }
    return data.status || 'succeeded';
  },
  failed: (data) => {
    finish();
    showProblem(data);
    return data.title || 'failed';
  },
};

function follow(job) {
  jobId = job.id;
  $('job-link').href = `/jobs/${encodeURIComponent(job.id)}`;
  $('job-link').hidden = false;
  $('run').hidden = false;
  source = followEvents(job, ON_EVENT, {
    log: logLine,
    lost: (problem) => {
      finish();
      showProblem(problem);
    },
    isCurrent: (stream) => source === stream,
  });
}

async function start(event) {
  event.preventDefault();
  if (submit.disabled) {
    return;
  }
  clearErrors();
  resetRun();
  busy(true);
  try {
    const response = await fetch(API, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(requestBody()),
    });
    const body = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
    if (response.ok) {
      follow(body);
    } else {
      busy(false);
      showProblem(body);
    }
  } catch (error) {
    busy(false);
    showProblem({ title: 'The prompts could not be started', detail: error.message });
  }
}

// ---- wiring ---------------------------------------------------------------------------------------------------

form.addEventListener('submit', start);
// Editing a field clears the error shown under it; the numbers check themselves as they are typed.
form.addEventListener('input', (event) => {
  const slot = $(`${event.target.id}-error`);
  if (slot && event.target.id !== 'selection') {
    clearField(slot);
  }
});
$('groups').addEventListener('change', (event) => {
  const box = event.target;
  if (box.type !== 'checkbox') {
    return;
  }
  choose(box.checked ? [...chosen.filter((name) => name !== box.value), box.value] : chosen.filter((name) => name !== box.value));
});
$('selection').addEventListener('input', () => {
  const { names, unknown } = parseSelection($('selection').value);
  clearField($('selection-error'));
  choose(names, { typing: true });
  if (unknown.length > 0) {
    markField('selection', `no group ${unknown.join(', ')} in this category`);
  }
});
// Leaving the numbers writes them back the usual way ("3 1" becomes "3,1"), unless one names no group.
$('selection').addEventListener('change', () => {
  const { names, unknown } = parseSelection($('selection').value);
  if (unknown.length === 0) {
    choose(names);
  }
});
$('groups-clear').addEventListener('click', () => choose([]));
$('category').addEventListener('change', loadGroups);
$('session').addEventListener('change', showSource);
$('prompt').addEventListener('input', countPrompt);
form.addEventListener('keydown', (event) => {
  if (event.target.tagName === 'TEXTAREA' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});

if (query.get('prompt') && !$('prompt').value) {
  $('prompt').value = query.get('prompt').slice(0, MAX_PROMPT);
}
countPrompt();
loadGroups();
loadSessions();
