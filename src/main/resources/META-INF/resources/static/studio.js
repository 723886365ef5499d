// The studio: one tuning session at a time — its prompt, parameters, conversation, changes, history and
// suggestions — read from and written through the tuning API. The session's id is kept in the URL (?session=…),
// so a reload shows it again.

import { copyButton } from './copy.js';
import { problemElements } from './problem.js';
import { createRender } from './render.js';

const API = '/api/v1/sessions';
const MAX_PROMPT = 4000;
// EventSource only delivers named events to listeners registered by name.
const JOB_EVENTS = ['stage_update', 'token', 'result', 'completed', 'failed'];
const STAGES = {
  idle: 'Ready',
  queued: 'Sending…',
  interpreting: 'Interpreting the request…',
  regenerating: 'Writing the new prompt…',
  done: 'Done',
  unchanged: 'Nothing changed',
  failed: 'Failed',
};
const TOKEN_INTERVAL_MS = 35;

const $ = (id) => document.getElementById(id);
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const resetCopy = copyButton($('copy-prompt'), () => (session ? session.prompt : ''));

let session = null; // the session as the API last showed it
let revisions = []; // its history, oldest first
let shownRevision = null; // the revision whose changes and diff are shown; null follows the latest
let generation = 0; // bumped whenever another session is shown, so late answers for the previous one are dropped
let queue = Promise.resolve(); // calls that change the session run one after another
let running = 0;
let source = null;
const pending = { set: new Map(), remove: new Set() };

class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'Error');
    this.problem = problem;
  }
}

function problemOf(error, title) {
  return error instanceof ApiError ? error.problem : { title, detail: error.message };
}

async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const data = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
  if (!response.ok) {
    throw new ApiError(data);
  }
  return data;
}

function sessionUrl(suffix = '') {
  return `${API}/${encodeURIComponent(session.id)}${suffix}`;
}

function engineOptions() {
  return { engine: $('studio-engine').value };
}

// ---- errors and notes ---------------------------------------------------------------------------------------

function showError(problem) {
  $('studio-error').replaceChildren(...problemElements(problem));
  $('studio-error').hidden = false;
}

function clearError() {
  $('studio-error').hidden = true;
  $('studio-error').replaceChildren();
}

function note(text) {
  $('session-note').textContent = text || '';
  $('session-note').hidden = !text;
}

// ---- one call at a time -------------------------------------------------------------------------------------

// Runs a change to the session after the ones before it; its failure is shown, and the session reloaded so the
// page shows what the server holds.
function enqueue(task) {
  const mine = generation;
  running += 1;
  $('session').setAttribute('aria-busy', 'true');
  const run = queue.then(async () => {
    if (mine !== generation) {
      return;
    }
    try {
      await task(mine);
    } catch (error) {
      if (mine === generation) {
        showError(problemOf(error, 'The session could not be changed'));
        await reload(mine);
      }
    }
  }).finally(() => {
    running -= 1;
    if (running === 0) {
      $('session').setAttribute('aria-busy', 'false');
    }
  });
  queue = run;
  return run;
}

async function reload(mine) {
  try {
    const view = await call('GET', sessionUrl());
    if (mine === generation) {
      renderSession(view);
      await refreshSide(mine);
    }
  } catch {
    // The page keeps what it shows.
  }
}

// ---- the session --------------------------------------------------------------------------------------------

function badge(name, text) {
  $(`session-${name}`).textContent = text || '';
  $(`badge-${name}`).hidden = !text;
}

function renderSession(view) {
  session = view;
  $('session').dataset.sessionId = view.id;
  $('tailor-link').href = `/targets?session=${encodeURIComponent(view.id)}`;
  $('session').hidden = false;
  $('session-revision').textContent = String(view.revision);
  $('session-prompt').textContent = view.prompt;
  badge('engine', view.engine);
  $('badge-engine').dataset.state = view.engine;
  badge('model', view.model);
  $('badge-cached').hidden = !view.cached;
  badge('fallback', view.fallback_reason);
  note(view.message);
  renderParameters(view.parameters || {});
  resetCopy();
}

// The current prompt, rendered on the backend chosen beside the button; the result shows under the prompt.
const render = createRender({
  choose: true,
  request: (backend) => ({
    prompt: session.prompt,
    backend,
    source: { kind: 'session', session_id: session.id, revision: session.revision },
  }),
});
$('studio-render-controls').append(render.controls);
$('studio-render').append(render.panel);

// Another session, or none: whatever was under way for the previous one no longer shows.
function switchSession() {
  render.reset();
  generation += 1;
  stopStream();
  pending.set.clear();
  pending.remove.clear();
  session = null;
  revisions = [];
  shownRevision = null;
  $('conversation').replaceChildren();
  $('conversation-hint').hidden = false;
  stage('idle');
  showStreaming(false);
  note('');
}

async function refreshSide(mine) {
  const [stored, suggestions] = await Promise.all([
    call('GET', sessionUrl('/history')),
    call('GET', sessionUrl('/suggestions')).catch(() => null),
  ]);
  if (mine !== generation) {
    return;
  }
  revisions = stored;
  if (shownRevision !== null && !revisions.some((r) => r.number === shownRevision)) {
    shownRevision = null;
  }
  renderHistory();
  renderChanges();
  if (suggestions) {
    renderSuggestions(suggestions);
  }
}

// ---- start and load -----------------------------------------------------------------------------------------

function countPrompt() {
  $('studio-prompt-count').textContent = `${$('studio-prompt').value.length} / ${MAX_PROMPT}`;
}

function starting(waiting) {
  const button = $('studio-start');
  button.disabled = waiting;
  button.textContent = waiting ? 'Starting…' : 'Start session';
  $('studio-form').setAttribute('aria-busy', String(waiting));
}

async function start(event) {
  event.preventDefault();
  if ($('studio-start').disabled) {
    return;
  }
  const body = { prompt: $('studio-prompt').value, options: engineOptions() };
  if ($('studio-enhance').checked) {
    body.enhance = true;
  }
  starting(true);
  try {
    const view = await call('POST', API, body);
    clearError();
    switchSession();
    history.pushState({ session: view.id }, '', `?session=${encodeURIComponent(view.id)}`);
    renderSession(view);
    await refreshSide(generation);
    $('edit-request').focus();
  } catch (error) {
    showError(problemOf(error, 'The session could not be started'));
  } finally {
    starting(false);
  }
}

// Shows the session the URL names, or the empty studio.
async function loadFromUrl() {
  const id = new URLSearchParams(location.search).get('session');
  switchSession();
  clearError();
  if (!id) {
    $('session').hidden = true;
    return;
  }
  const mine = generation;
  $('studio-loading').hidden = false;
  try {
    const view = await call('GET', `${API}/${encodeURIComponent(id)}`);
    if (mine === generation) {
      renderSession(view);
      note('');
      await refreshSide(mine);
    }
  } catch (error) {
    if (mine === generation) {
      $('session').hidden = true;
      showError(problemOf(error, 'The session could not be loaded'));
    }
  } finally {
    $('studio-loading').hidden = true;
  }
}

function newSession() {
  switchSession();
  clearError();
  $('session').hidden = true;
  history.pushState({}, '', location.pathname);
  $('studio-prompt').focus();
}

// ---- parameters ---------------------------------------------------------------------------------------------

function parameterRow(name, value) {
  const row = document.createElement('tr');
  row.dataset.name = name;
  const head = document.createElement('th');
  head.scope = 'row';
  const code = document.createElement('code');
  code.textContent = name;
  head.append(code);
  const cell = document.createElement('td');
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'param-value';
  input.maxLength = 200;
  input.autocomplete = 'off';
  input.value = value;
  input.dataset.value = value;
  input.setAttribute('aria-label', `Value of ${name}`);
  cell.append(input);
  const actions = document.createElement('td');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove icon-button';
  remove.textContent = '×';
  remove.title = `Remove ${name}`;
  remove.setAttribute('aria-label', `Remove ${name}`);
  actions.append(remove);
  row.append(head, cell, actions);
  return row;
}

// Rebuilds the rows; a value being typed, and the focus, survive the rebuild.
function renderParameters(parameters) {
  const body = $('parameter-rows');
  const typing = new Map();
  for (const input of body.querySelectorAll('.param-value')) {
    if (input.value !== input.dataset.value) {
      typing.set(input.closest('tr').dataset.name, input.value);
    }
  }
  const focused = document.activeElement?.classList.contains('param-value')
    ? document.activeElement.closest('tr').dataset.name : null;
  const rows = Object.entries(parameters).map(([name, value]) => parameterRow(name, value));
  body.replaceChildren(...rows);
  for (const row of rows) {
    const input = row.querySelector('.param-value');
    if (typing.has(row.dataset.name)) {
      input.value = typing.get(row.dataset.name);
    }
    if (row.dataset.name === focused) {
      input.focus();
    }
  }
  $('parameters').dataset.count = String(rows.length);
}

function commitValue(input) {
  const name = input.closest('tr').dataset.name;
  const value = input.value.trim();
  if (value === input.dataset.value) {
    input.value = input.dataset.value;
    return;
  }
  if (!value) {
    input.value = input.dataset.value;
    note(`A parameter needs a value: remove ${name} with its × button instead.`);
    return;
  }
  input.dataset.value = value;
  input.closest('tr').dataset.state = 'saving';
  pending.remove.delete(name);
  pending.set.set(name, value);
  flush();
}

function removeParameter(row) {
  const name = row.dataset.name;
  row.dataset.state = 'removing';
  row.querySelector('.remove').disabled = true;
  pending.set.delete(name);
  pending.remove.add(name);
  flush();
}

// Sends every set and removal waiting so far as one batch: one revision, one regeneration.
function flush() {
  return enqueue(async (mine) => {
    if (pending.set.size === 0 && pending.remove.size === 0) {
      return;
    }
    const body = { set: Object.fromEntries(pending.set), remove: [...pending.remove] };
    pending.set.clear();
    pending.remove.clear();
    const view = await call('PATCH', sessionUrl('/parameters'), body);
    if (mine !== generation) {
      return;
    }
    clearError();
    renderSession(view);
    await refreshSide(mine);
  });
}

function addParameter(event) {
  event.preventDefault();
  const name = $('param-new-name').value.trim();
  const value = $('param-new-value').value.trim();
  if (!name || !value) {
    return;
  }
  pending.remove.delete(name);
  pending.set.set(name, value);
  $('param-add').disabled = true;
  flush().then(() => {
    $('param-add').disabled = false;
    if (session && name in session.parameters) {
      $('param-new-name').value = '';
      $('param-new-value').value = '';
      $('param-new-name').focus();
    }
  });
}

// ---- the conversation ---------------------------------------------------------------------------------------

function stage(name, label) {
  const el = $('edit-stage');
  el.dataset.stage = name;
  el.textContent = label || STAGES[name] || name;
}

function say(text) {
  $('conversation-hint').hidden = true;
  const ask = document.createElement('li');
  ask.className = 'say';
  ask.textContent = text;
  const reply = document.createElement('li');
  reply.className = 'reply';
  reply.dataset.state = 'pending';
  reply.textContent = '…';
  $('conversation').append(ask, reply);
  scrollConversation();
  return reply;
}

function scrollConversation() {
  const list = $('conversation');
  list.scrollTop = list.scrollHeight;
}

function answer(reply, state, text, changes = []) {
  reply.dataset.state = state;
  const parts = [];
  if (text) {
    const line = document.createElement('p');
    line.textContent = text;
    parts.push(line);
  }
  if (changes.length > 0) {
    parts.push(changeList(changes));
  }
  reply.replaceChildren(...parts);
  scrollConversation();
}

function sending(waiting) {
  $('edit-send').disabled = waiting;
  $('edit-send').textContent = waiting ? 'Sending…' : 'Send';
}

function sendEdit(event) {
  event.preventDefault();
  const text = $('edit-request').value.trim();
  if (!text || !session || $('edit-send').disabled) {
    return;
  }
  $('edit-request').value = '';
  const reply = say(text);
  sending(true);
  stage('queued');
  enqueue(async (mine) => {
    try {
      await runEdit(text, reply, mine);
    } catch (error) {
      if (mine === generation) {
        const problem = problemOf(error, 'The edit failed');
        answer(reply, 'error', problem.detail || problem.title);
        stage('failed');
      }
      throw error;
    }
  }).finally(() => sending(false));
}

async function runEdit(request, reply, mine) {
  const job = await call('POST', sessionUrl('/edit-jobs'), { request, options: engineOptions() });
  const view = await follow(job, mine);
  if (mine !== generation) {
    return;
  }
  clearError();
  renderSession(view);
  if (view.message) {
    answer(reply, 'unchanged', view.message);
    stage('unchanged');
  } else {
    answer(reply, 'done', `Revision ${view.revision}:`, view.changes || []);
    stage('done', `Done · revision ${view.revision}`);
  }
  await refreshSide(mine);
}

// Follows the job's events until its terminal one: the stage, the new prompt as it streams in, then the session.
function follow(job, mine) {
  return new Promise((resolve, reject) => {
    const stream = new EventSource(job.events_url);
    const typing = typewriter($('streaming-prompt'));
    let result = null;
    source = stream;
    const end = () => {
      stream.close();
      if (source === stream) {
        source = null;
      }
    };
    const on = {
      stage_update: (data) => stage(data.stage),
      token: (data) => {
        if (!typing.started) {
          showStreaming(true);
        }
        typing.push(data.text || '');
      },
      result: (data) => {
        result = data;
      },
      completed: async (data) => {
        end();
        await typing.drained();
        showStreaming(false);
        resolve(result || data.result);
      },
      failed: (data) => {
        end();
        typing.stop();
        showStreaming(false);
        reject(new ApiError(data));
      },
    };
    for (const name of JOB_EVENTS) {
      stream.addEventListener(name, (event) => {
        if (mine !== generation) {
          end();
          return;
        }
        let data = {};
        try {
          data = JSON.parse(event.data);
        } catch {
          // An event without JSON carries nothing the studio shows.
        }
        on[name](data);
      });
    }
    stream.onerror = () => {
      if (stream.readyState === EventSource.CLOSED) {
        end();
        typing.stop();
        showStreaming(false);
        reject(new ApiError({
          title: 'The edit could not be followed',
          detail: 'The connection to its events was lost; the session below is reloaded as the server has it.',
        }));
      }
    };
  });
}

function stopStream() {
  if (source) {
    source.close();
    source = null;
  }
}

// Shows streamed text a chunk at a time, even when the chunks arrive all at once.
function typewriter(el) {
  const chunks = [];
  let timer = null;
  let waiters = [];
  const settle = () => {
    clearInterval(timer);
    timer = null;
    waiters.forEach((resolve) => resolve());
    waiters = [];
  };
  const tick = () => {
    if (chunks.length === 0) {
      settle();
      return;
    }
    el.textContent += chunks.shift();
  };
  return {
    started: false,
    push(text) {
      if (!this.started) {
        this.started = true;
        el.textContent = '';
      }
      if (reducedMotion.matches) {
        el.textContent += text;
        return;
      }
      chunks.push(text);
      if (!timer) {
        tick();
        timer = setInterval(tick, TOKEN_INTERVAL_MS);
      }
    },
    drained() {
      return timer ? new Promise((resolve) => waiters.push(resolve)) : Promise.resolve();
    },
    stop() {
      chunks.length = 0;
      settle();
    },
  };
}

function showStreaming(on) {
  $('streaming-prompt').hidden = !on;
  $('session-prompt').hidden = on;
  $('prompt-panel').dataset.state = on ? 'streaming' : 'idle';
}

// ---- changes and the diff -----------------------------------------------------------------------------------

function changeList(changes) {
  const list = document.createElement('ul');
  list.className = 'change-list';
  for (const change of changes) {
    const item = document.createElement('li');
    item.textContent = change;
    list.append(item);
  }
  return list;
}

// Words (letters, digits, apostrophes, hyphens) and single punctuation marks, each with the whitespace before it.
function tokenize(text) {
  return Array.from(text.matchAll(/(\s*)([\p{L}\p{N}_'’-]+|\S)/gu), (m) => ({ space: m[1], word: m[2] }));
}

// A word-level diff by longest common subsequence: a list of {op: same|removed|added, token}, removals of a
// change before its additions.
function diffWords(before, after) {
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head].word === b[head].word) {
    head += 1;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > head && endB > head && a[endA - 1].word === b[endB - 1].word) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - head;
  const m = endB - head;
  const width = m + 1;
  // lcs[i * width + j]: the length of the longest common subsequence of a[head + i…] and b[head + j…].
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] = a[head + i].word === b[head + j].word
        ? lcs[(i + 1) * width + j + 1] + 1
        : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops = b.slice(0, head).map((token) => ({ op: 'same', token }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i].word === b[head + j].word) {
      ops.push({ op: 'same', token: b[head + j] });
      i += 1;
      j += 1;
    } else if (i < n && (j === m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      ops.push({ op: 'removed', token: a[head + i] });
      i += 1;
    } else {
      ops.push({ op: 'added', token: b[head + j] });
      j += 1;
    }
  }
  for (const token of b.slice(endB)) {
    ops.push({ op: 'same', token });
  }
  return ops;
}

// A run of removed or added words as one <del> or <ins>, the whitespace before it left outside.
function mark(tag, tokens) {
  const el = document.createElement(tag);
  el.textContent = tokens.map((t, k) => (k === 0 ? t.word : t.space + t.word)).join('');
  return [tokens[0].space, el];
}

function renderDiff(target, before, after) {
  const nodes = [];
  let removed = [];
  let added = [];
  const close = () => {
    if (removed.length > 0) {
      nodes.push(...mark('del', removed));
    }
    if (added.length > 0) {
      nodes.push(...mark('ins', added));
    }
    removed = [];
    added = [];
  };
  for (const { op, token } of diffWords(before, after)) {
    if (op === 'removed') {
      removed.push(token);
    } else if (op === 'added') {
      added.push(token);
    } else {
      close();
      nodes.push(token.space + token.word);
    }
  }
  close();
  target.replaceChildren(...nodes);
}

function renderChanges() {
  const latest = revisions.at(-1);
  const shown = revisions.find((r) => r.number === shownRevision) || latest;
  if (!shown) {
    return;
  }
  const previous = revisions.find((r) => r.number === shown.number - 1);
  $('changes-revision').textContent = previous
    ? `revision ${shown.number} against ${previous.number}` : `revision ${shown.number}`;
  const changes = shown.changes && shown.changes.length > 0
    ? shown.changes
    : [previous ? 'No parameter changed' : 'The prompt as it was given; later revisions are compared with the one before'];
  $('session-changes').replaceChildren(...changeList(changes).children);
  const diff = $('prompt-diff');
  if (previous) {
    renderDiff(diff, previous.prompt, shown.prompt);
  } else {
    diff.textContent = shown.prompt;
  }
  diff.dataset.revision = String(shown.number);
  for (const item of $('history').children) {
    item.dataset.shown = String(Number(item.dataset.revision) === shown.number);
  }
}

// ---- history ------------------------------------------------------------------------------------------------

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso) {
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? CLOCK.format(date) : DATE.format(date);
}

function smallButton(className, text, label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `${className} button button-small secondary`;
  button.textContent = text;
  button.setAttribute('aria-label', label);
  return button;
}

function historyItem(revision, latest) {
  const item = document.createElement('li');
  item.dataset.revision = String(revision.number);
  if (revision.number === latest) {
    item.setAttribute('aria-current', 'step');
  }
  const head = document.createElement('div');
  head.className = 'timeline-head';
  const number = document.createElement('span');
  number.className = 'timeline-number';
  number.textContent = `#${revision.number}`;
  const request = document.createElement('span');
  request.className = 'timeline-request';
  if (revision.request) {
    request.textContent = `“${revision.request}”`;
  } else {
    request.textContent = revision.number === 1 ? 'Session started' : 'Parameters edited';
    request.dataset.kind = 'system';
  }
  const time = document.createElement('time');
  time.dateTime = revision.created_at;
  time.textContent = when(revision.created_at);
  time.title = new Date(revision.created_at).toLocaleString();
  head.append(number, request, time);

  const actions = document.createElement('div');
  actions.className = 'timeline-actions';
  const engine = document.createElement('span');
  engine.className = 'timeline-engine';
  engine.textContent = revision.model ? `${revision.engine} · ${revision.model}` : revision.engine;
  actions.append(engine, smallButton('show', 'Compare', `Show what revision ${revision.number} changed`));
  if (revision.number === latest) {
    const current = document.createElement('span');
    current.className = 'tag';
    current.textContent = 'current';
    actions.append(current);
  } else {
    actions.append(smallButton('revert', 'Revert', `Revert to revision ${revision.number}`));
  }
  item.append(head);
  if (revision.changes && revision.changes.length > 0) {
    item.append(changeList(revision.changes));
  }
  item.append(actions);
  return item;
}

function renderHistory() {
  const latest = revisions.at(-1)?.number;
  $('history').replaceChildren(...revisions.slice().reverse().map((r) => historyItem(r, latest)));
}

function revert(number) {
  enqueue(async (mine) => {
    const view = await call('POST', sessionUrl('/revert'), { revision: number });
    if (mine !== generation) {
      return;
    }
    clearError();
    shownRevision = null;
    renderSession(view);
    await refreshSide(mine);
  });
}

// ---- suggestions --------------------------------------------------------------------------------------------

function renderSuggestions(suggestions) {
  const items = suggestions.map((suggestion) => {
    const item = document.createElement('li');
    item.dataset.name = suggestion.name;
    const text = document.createElement('div');
    text.className = 'suggestion-text';
    const head = document.createElement('p');
    head.className = 'suggestion-head';
    const name = document.createElement('code');
    name.textContent = suggestion.name;
    const value = document.createElement('span');
    value.className = 'suggestion-value';
    value.textContent = suggestion.value;
    head.append(name, ' ', value);
    const reason = document.createElement('p');
    reason.className = 'suggestion-reason';
    reason.textContent = suggestion.reason;
    text.append(head, reason);
    const apply = smallButton('apply', 'Apply', `Apply ${suggestion.name}: ${suggestion.value}`);
    apply.dataset.value = suggestion.value;
    item.append(text, apply);
    return item;
  });
  $('suggestions').replaceChildren(...items);
  $('suggestions-empty').hidden = items.length > 0;
}

function applySuggestion(item) {
  const button = item.querySelector('.apply');
  button.disabled = true;
  button.textContent = 'Applying…';
  pending.remove.delete(item.dataset.name);
  pending.set.set(item.dataset.name, button.dataset.value);
  flush();
}

// ---- wiring -------------------------------------------------------------------------------------------------

$('studio-form').addEventListener('submit', start);
$('studio-prompt').addEventListener('input', countPrompt);
$('studio-prompt').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    $('studio-form').requestSubmit();
  }
});
$('edit-form').addEventListener('submit', sendEdit);
$('param-add-form').addEventListener('submit', addParameter);
$('session-new').addEventListener('click', newSession);

const rows = $('parameter-rows');
rows.addEventListener('keydown', (event) => {
  if (!event.target.classList.contains('param-value')) {
    return;
  }
  if (event.key === 'Enter') {
    event.preventDefault();
    commitValue(event.target);
  } else if (event.key === 'Escape') {
    event.target.value = event.target.dataset.value;
    event.target.blur();
  }
});
rows.addEventListener('change', (event) => {
  if (event.target.classList.contains('param-value')) {
    commitValue(event.target);
  }
});
rows.addEventListener('click', (event) => {
  const remove = event.target.closest('.remove');
  if (remove) {
    removeParameter(remove.closest('tr'));
  }
});

$('history').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) {
    return;
  }
  const number = Number(button.closest('li[data-revision]').dataset.revision);
  if (button.classList.contains('revert')) {
    button.disabled = true;
    revert(number);
  } else if (button.classList.contains('show')) {
    shownRevision = number;
    renderChanges();
    $('changes-panel').scrollIntoView({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
  }
});

$('suggestions').addEventListener('click', (event) => {
  const apply = event.target.closest('.apply');
  if (apply) {
    applySuggestion(apply.closest('li'));
  }
});

window.addEventListener('popstate', loadFromUrl);

countPrompt();
loadFromUrl();
