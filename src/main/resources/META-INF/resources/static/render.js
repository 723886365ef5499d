// Render buttons: a prompt sent to an image or video backend (POST /api/v1/renders), its result shown in place as it
// progresses — the backend's status and percentage, the elapsed time, a cancel button — then the image itself.
// Studio, Targets and Clips each make one per prompt with createRender().

import { el } from './dom.js';
import { followEvents } from './events.js';
import { problemElements } from './problem.js';

const API = '/api/v1/renders';
const ACTIVE = new Set(['submitting', 'queued', 'running']);
let backends = null; // the backends as the API lists them, fetched once per page

/** The backends of this service (name, enabled, default_model, target_groups), offline first. */
export function renderBackends() {
  if (!backends) {
    backends = fetch(`${API}/backends`, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : []))
      .catch(() => []);
  }
  return backends;
}

/** The enabled backend that renders a target group's models, else offline. */
export async function backendForGroup(group) {
  const match = (await renderBackends()).find((b) => b.enabled && (b.target_groups || []).includes(group));
  return match ? match.name : 'offline';
}

/**
 * A render button and its result panel, for the page to place. `request` gives the body when the button is pressed
 * (it may be async: the current prompt, the backend…); `choose` adds a select of the enabled backends, whose value
 * the request receives.
 */
export function createRender({ request, choose = false, label = 'Render' }) {
  const button = el('button', { class: 'button button-small secondary render-button', type: 'button' }, label);
  const select = choose ? el('select', { class: 'render-backend', 'aria-label': 'Render backend' }) : null;
  const status = el('span', { class: 'render-status', role: 'status' }, '');
  const elapsed = el('span', { class: 'render-elapsed', 'aria-label': 'Elapsed time' }, '');
  const cancel = el('button', { class: 'button button-small secondary render-cancel', type: 'button', hidden: '' }, 'Cancel');
  const bar = el('progress', { class: 'render-progress', max: '100' });
  const error = el('div', { class: 'alert render-error', role: 'alert', hidden: '' });
  const image = el('img', { class: 'render-image', alt: 'Render result' });
  const caption = el('figcaption', { class: 'render-caption muted' });
  const figure = el('figure', { class: 'render-output', hidden: '' }, el('a', { class: 'render-link', target: '_blank', rel: 'noopener' }, image), caption);
  const panel = el('div', { class: 'render-panel', 'data-state': 'idle', hidden: '' },
    el('div', { class: 'render-head' }, status, elapsed, cancel), bar, error, figure);

  let current = null; // { id, stream, timer, started }

  if (select) {
    renderBackends().then((list) => {
      select.replaceChildren(...list.filter((b) => b.enabled).map((b) => el('option', { value: b.name }, b.name)));
    });
  }

  function setState(state, text) {
    panel.dataset.state = state;
    status.textContent = text ?? state;
    cancel.hidden = !ACTIVE.has(state) || !current?.id;
    button.disabled = ACTIVE.has(state);
  }

  function tick() {
    if (current) {
      elapsed.textContent = `${((performance.now() - current.started) / 1000).toFixed(1)} s`;
    }
  }

  function stop() {
    if (current) {
      clearInterval(current.timer);
      current.stream?.close();
      tick();
    }
  }

  function fail(problem, state = 'failed') {
    stop();
    error.replaceChildren(...problemElements(problem));
    error.hidden = false;
    setState(state);
  }

  function show(result) {
    const output = (result.outputs || [])[0];
    if (!output) {
      return;
    }
    image.src = output.url;
    figure.querySelector('a').href = output.url;
    caption.textContent = [result.preview ? 'preview' : null, result.engine || result.backend, result.model,
      output.width && output.height ? `${output.width}×${output.height}` : null, ...(result.warnings || [])]
      .filter(Boolean).join(' · ');
    figure.hidden = false;
  }

  const handlers = {
    // The job's runner stopped and another run started it over: what the first run showed no longer holds.
    restarted: (data) => {
      figure.hidden = true;
      bar.removeAttribute('value');
      setState('running', `started again (attempt ${data.attempt} of ${data.max_attempts})`);
    },
    stage_update: (data) => {
      if (data.status === 'started') {
        setState('running', `running on ${data.backend}`);
      }
    },
    render_progress: (data) => {
      setState('running', `${data.backend}: ${data.status}${data.percent != null ? ` ${data.percent}%` : ''}`);
      if (Number.isFinite(data.percent)) {
        bar.value = data.percent;
      } else {
        bar.removeAttribute('value');
      }
    },
    render_result: (data) => show(data),
    completed: () => {
      stop();
      bar.value = 100;
      setState('succeeded');
    },
    failed: (data) => fail(data, String(data.type || '').endsWith('/job-cancelled') ? 'cancelled' : 'failed'),
  };

  async function start() {
    stop();
    error.hidden = true;
    figure.hidden = true;
    image.removeAttribute('src');
    bar.removeAttribute('value');
    panel.hidden = false;
    current = { id: null, stream: null, started: performance.now(), timer: null };
    current.timer = setInterval(tick, 100);
    setState('submitting', 'sending…');
    const mine = current;
    try {
      const body = await request(select ? select.value || 'offline' : undefined);
      const response = await fetch(API, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
      });
      const job = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
      if (mine !== current) {
        return;
      }
      if (!response.ok) {
        fail(job);
        return;
      }
      current.id = job.id;
      panel.dataset.renderId = job.id;
      setState('queued');
      current.stream = followEvents(job, handlers, {
        log: () => {},
        lost: (problem) => fail(problem),
        isCurrent: (stream) => mine === current && (!current.stream || current.stream === stream),
      });
    } catch (e) {
      if (mine === current) {
        fail({ title: 'The render could not be started', detail: e.message });
      }
    }
  }

  cancel.addEventListener('click', async () => {
    if (!current?.id) {
      return;
    }
    cancel.disabled = true;
    try {
      const response = await fetch(`${API}/${encodeURIComponent(current.id)}`, { method: 'DELETE', headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        fail(body.error || { title: 'Render cancelled' }, 'cancelled');
      } else if (response.status !== 409) {
        fail(body);
      }
    } finally {
      cancel.disabled = false;
    }
  });
  button.addEventListener('click', start);

  return {
    controls: select ? el('span', { class: 'render-controls' }, select, button) : button,
    panel,
    /** Forgets the last render (another prompt is shown). */
    reset() {
      stop();
      current = null;
      panel.hidden = true;
      setState('idle', '');
    },
  };
}

/** Render parameters from a target model's parameters, those a render takes (size, aspect ratio, seed, length). */
export function parametersOf(target = {}) {
  const parameters = {};
  const size = /^(\d{2,4})x(\d{2,4})$/.exec(String(target.size || ''));
  const width = Number(target.width ?? (size && size[1]));
  const height = Number(target.height ?? (size && size[2]));
  if (width >= 64 && width <= 4096 && height >= 64 && height <= 4096) {
    parameters.width = width;
    parameters.height = height;
  } else {
    const ratio = String(target.aspect_ratio || target.ar || '');
    if (/^[1-9][0-9]?:[1-9][0-9]?$/.test(ratio)) {
      parameters.aspect_ratio = ratio;
    }
  }
  const seed = Number(target.seed);
  if (Number.isInteger(seed) && seed >= 0) {
    parameters.seed = seed;
  }
  const seconds = Number(target.seconds ?? target.duration ?? target.duration_seconds);
  if (Number.isFinite(seconds) && seconds >= 0.5 && seconds <= 60) {
    parameters.duration_seconds = seconds;
  }
  return parameters;
}
