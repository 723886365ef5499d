// Follows one job: its state from the API, then its events over SSE until the terminal one.

import { problemElements } from './problem.js';

// EventSource only delivers named events to listeners registered by name, so every name a job kind
// may publish is listed here.
const EVENT_NAMES = [
  'progress', 'completed', 'failed',
  'tick', 'stage_update', 'token', 'result', 'prompt_generator_results', 'message',
  'render_progress', 'render_result',
];
const ACTIVE = new Set(['queued', 'running']);

const $ = (id) => document.getElementById(id);
const jobId = $('job').dataset.jobId;
const jobUrl = `/api/v1/jobs/${encodeURIComponent(jobId)}`;

let jobStatus = 'loading';
let source = null;

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function pretty(value) {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function brief(value) {
  const line = typeof value === 'string' ? value : JSON.stringify(value);
  return line.length <= 80 ? line : pretty(value);
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function setStatus(next) {
  jobStatus = next;
  const badge = $('job-status');
  badge.textContent = next;
  badge.dataset.status = next;
  $('job-cancel').hidden = !ACTIVE.has(next);
}

function setProgress(percent, stage) {
  const bar = $('job-progress');
  bar.value = percent;
  bar.dataset.progress = String(percent);
  $('job-progress-label').textContent = `${percent}%`;
  if (stage) {
    $('job-stage').textContent = stage;
  }
}

function showError(problem) {
  $('job-error').replaceChildren(...problemElements(problem));
  $('job-error').hidden = false;
}

function showResult(result) {
  $('job-result').textContent = pretty(result);
  $('result-panel').hidden = false;
}

function render(job) {
  $('job-kind').textContent = job.kind;
  setStatus(job.status);
  setProgress(job.progress, job.stage);
  $('job-created').textContent = time(job.created_at);
  $('job-started').textContent = time(job.started_at);
  $('job-finished').textContent = time(job.finished_at);
  if (job.result !== undefined) {
    showResult(job.result);
  }
  if (job.error) {
    showError(job.error);
  }
}

function setStream(state, label) {
  const el = $('stream-state');
  el.dataset.state = state;
  el.textContent = label;
}

function log(name, id, data) {
  const item = document.createElement('li');
  item.dataset.event = name;
  item.dataset.id = id;
  const label = document.createElement('span');
  label.className = 'event-name';
  label.textContent = name;
  const eventId = document.createElement('span');
  eventId.className = 'event-id';
  eventId.textContent = id;
  const body = document.createElement('pre');
  body.className = 'json';
  body.textContent = brief(data);
  item.append(label, eventId, body);

  const list = $('event-log');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
  list.append(item);
  if (atBottom) {
    list.scrollTop = list.scrollHeight;
  }
  $('event-empty').hidden = true;
}

function onEvent(name, event) {
  const data = parse(event.data);
  log(name, event.lastEventId, data);
  if (name === 'completed') {
    finish('succeeded');
    setProgress(100);
    showResult(data.result);
  } else if (name === 'failed') {
    finish(String(data.type || '').endsWith('/job-cancelled') ? 'cancelled' : 'failed');
    showError(data);
  } else {
    if (jobStatus === 'queued') {
      setStatus('running');
    }
    if (name === 'progress' && Number.isFinite(data.progress)) {
      setProgress(data.progress, data.stage);
    }
  }
}

function finish(outcome) {
  stop('ended');
  setStatus(outcome);
  refresh();
}

function stop(label) {
  if (source) {
    source.close();
    source = null;
  }
  setStream('closed', label);
}

function follow() {
  source = new EventSource(`${jobUrl}/events`);
  setStream('connecting', 'connecting…');
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (event) => onEvent(name, event));
  }
  source.onopen = () => setStream('live', 'live');
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      stop('disconnected');
      refresh();
    } else {
      setStream('reconnecting', 'reconnecting…');
    }
  };
}

async function request(method) {
  const response = await fetch(jobUrl, { method, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
  return { ok: response.ok, status: response.status, body };
}

async function refresh() {
  try {
    const { ok, body } = await request('GET');
    if (ok) {
      render(body);
    }
  } catch {
    // The page keeps what the events showed.
  }
}

async function load() {
  try {
    const { ok, status, body } = await request('GET');
    if (!ok) {
      unavailable(status === 404 ? 'Job not found' : 'Job unavailable', body);
      return;
    }
    render(body);
    follow();
  } catch (error) {
    unavailable('Job unavailable', { title: 'The job could not be loaded', detail: error.message });
  }
}

function unavailable(heading, problem) {
  $('job-kind').textContent = heading;
  setStatus('unknown');
  showError(problem);
  $('job-body').hidden = true;
  $('events-panel').hidden = true;
}

$('job-cancel').addEventListener('click', async () => {
  const button = $('job-cancel');
  button.disabled = true;
  try {
    const { ok, body } = await request('DELETE');
    if (ok) {
      render(body);
    } else {
      showError(body);
    }
  } catch (error) {
    showError({ title: 'The job could not be cancelled', detail: error.message });
  } finally {
    button.disabled = false;
  }
});

load();
