// The clips page: a ScenePlan and its reference images (pasted, uploaded or the sample) go to the clip-prompts job;
// the page follows the job's events — a progress bar and a stage log — to a table of the prompts and their JSON.

import { copyButton } from './copy.js';
import { el } from './dom.js';
import { followEvents } from './events.js';
import { problemElements } from './problem.js';
import { createRender } from './render.js';

const API = '/api/v1/jobs/clip-prompts';
const SAMPLES = ['/static/samples/scene-plan.json', '/static/samples/reference-images.json'];
const PREVIEW = 80;
const INPUTS = ['plan', 'references'];

const $ = (id) => document.getElementById(id);
const form = $('clips-form');
const generate = $('generate');
const download = $('download');

let source = null; // the EventSource of the job being followed
let downloadUrl = null; // the object URL of the last ClipPrompts
let jobId = null; // the job whose clips are shown, the source of their renders

// Errors: the alert lists the problem; a field error on the plan or the references shows under its textarea too.

function fieldNote(name, message) {
  const slot = $(`${name}-error`);
  slot.textContent = message;
  slot.hidden = !message;
  if (message) {
    $(name).setAttribute('aria-invalid', 'true');
  } else {
    $(name).removeAttribute('aria-invalid');
  }
}

function clearErrors() {
  $('clips-error').hidden = true;
  $('clips-error').replaceChildren();
  INPUTS.forEach((name) => fieldNote(name, ''));
}

function showProblem(problem) {
  const notes = { plan: [], references: [] };
  $('clips-error').replaceChildren(...problemElements(problem, (field, message) => {
    // A job's stored input names its fields input.plan…, the request's plan…
    const [, name, path] = /^(?:input\.)?(plan|references)\b\.?(.*)$/.exec(field) || [];
    notes[name]?.push(path ? `${path}: ${message}` : message);
  }));
  $('clips-error').hidden = false;
  INPUTS.forEach((name) => fieldNote(name, notes[name].join('; ')));
}

// The textareas as JSON objects, read here so that a typo is shown without a request; an empty references is null.
function readInputs() {
  const errors = [];
  const read = (name, required) => {
    const text = $(name).value.trim();
    if (!text) {
      if (required) {
        errors.push({ field: name, message: 'is empty: paste a ScenePlan, upload one or load the sample' });
      }
      return null;
    }
    try {
      const value = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return value;
      }
      errors.push({ field: name, message: 'must be a JSON object' });
    } catch (error) {
      errors.push({ field: name, message: `is not valid JSON: ${error.message}` });
    }
    return null;
  };
  return { plan: read('plan', true), references: read('references', false), errors };
}

// The run: progress and one stage-log line per event.

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
  generate.disabled = waiting;
  generate.textContent = waiting ? 'Generating…' : 'Generate';
  form.setAttribute('aria-busy', String(waiting));
}

function setDownload(result) {
  if (downloadUrl) {
    URL.revokeObjectURL(downloadUrl);
    downloadUrl = null;
  }
  download.removeAttribute('href');
  if (result) {
    downloadUrl = URL.createObjectURL(new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }));
    download.href = downloadUrl;
  }
}

function resetRun() {
  stopStream();
  setProgress(0);
  $('stage-log').replaceChildren();
  $('job-link').hidden = true;
  $('run').hidden = true;
  $('results').hidden = true;
  $('clip-rows').replaceChildren();
  $('results-note').hidden = true;
  $('tailor-link').hidden = true;
  setDownload(null);
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

// The results: a row per clip, and under it a row with the full prompt that the clip's row opens and closes.

function preview(prompt) {
  return prompt.length <= PREVIEW ? prompt : `${prompt.slice(0, PREVIEW - 1).trimEnd()}…`;
}

function seconds(value, digits) {
  return `${Number(value || 0).toFixed(digits)} s`;
}

// Only http(s) addresses become links; a link shows the image's file name.
function referenceLink(url, kind) {
  let address;
  let name;
  try {
    address = new URL(url);
    name = decodeURIComponent(address.pathname.split('/').pop()) || address.host;
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(address.protocol)) {
    return null;
  }
  return el('li', { 'data-kind': kind },
    el('a', { href: address.href, target: '_blank', rel: 'noopener noreferrer', title: `${kind} reference: ${address.href}` }, name));
}

function referenceCell(clip) {
  const links = [
    clip.scene_reference_url && referenceLink(clip.scene_reference_url, 'scene'),
    ...(clip.character_reference_urls || []).map((url) => referenceLink(url, 'character')),
  ].filter(Boolean);
  return links.length > 0 ? el('ul', { class: 'ref-links' }, ...links) : el('span', { class: 'muted' }, 'text only');
}

function fact(term, value) {
  return value ? el('div', {}, el('dt', {}, term), el('dd', {}, value)) : '';
}

function clipRows(clip) {
  const meta = clip.metadata || {};
  const id = `clip-${clip.clip_index}`;
  const toggle = el('button', {
    class: 'prompt-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-detail`,
  }, preview(clip.prompt || ''));
  const validated = meta.validated
    ? el('span', { class: 'badge', 'data-state': 'validated' }, 'validated')
    : el('span', { class: 'badge badge-warn', 'data-state': 'unchecked' }, 'not validated');
  const row = el('tr', { id, class: 'clip-row', 'data-clip-index': clip.clip_index },
    el('td', { class: 'num' }, clip.clip_index),
    el('td', { class: 'num' }, seconds(clip.duration, 1)),
    el('td', { class: 'clip-prompt-cell' }, toggle),
    el('td', { class: 'num' }, meta.word_count ?? '—'),
    el('td', {}, validated),
    el('td', {}, referenceCell(clip)));

  const copy = el('button', { class: 'button button-small secondary', type: 'button' }, 'Copy');
  copyButton(copy, () => clip.prompt);
  const source = jobId;
  const render = createRender({
    request: () => ({
      prompt: clip.prompt,
      negative_prompt: clip.negative_prompt || undefined,
      backend: 'offline',
      parameters: clip.duration >= 0.5 && clip.duration <= 60 ? { aspect_ratio: '16:9', duration_seconds: clip.duration } : { aspect_ratio: '16:9' },
      source: source ? { kind: 'clip', job_id: source, clip_index: clip.clip_index } : undefined,
    }),
  });
  const reference = [meta.reference_mode, meta.reference_coverage && `${meta.reference_coverage} coverage`]
    .filter(Boolean).join(' · ');
  const detail = el('tr', { id: `${id}-detail`, class: 'clip-detail', hidden: '' },
    el('td', { colspan: '6' },
      el('div', { class: 'panel-head' }, el('h3', {}, `Clip ${clip.clip_index} prompt`), el('span', { class: 'panel-actions' }, render.controls, copy)),
      el('p', { id: `${id}-prompt`, class: 'prompt-text' }, clip.prompt),
      el('dl', { class: 'facts' },
        fact('Negative prompt', clip.negative_prompt),
        fact('Style keywords', (meta.style_keywords || []).join(', ')),
        fact('Scene', meta.scene_id),
        fact('Characters', (meta.character_ids || []).join(', ')),
        fact('References', reference),
        fact('Fallback', meta.fallback_reason),
        fact('Warnings', (meta.warnings || []).join('; '))),
      render.panel));
  return [row, detail];
}

function toggleClip(row) {
  const toggle = row.querySelector('.prompt-toggle');
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  $(toggle.getAttribute('aria-controls')).hidden = !open;
  row.dataset.expanded = String(open);
}

function showResults(results) {
  const clips = results.clip_prompts || [];
  const engine = results.llm_used ? `llm${results.llm_model ? ` (${results.llm_model})` : ''}` : 'offline';
  $('results-summary').textContent = [
    `${clips.length} clip ${clips.length === 1 ? 'prompt' : 'prompts'}`, engine, seconds(results.generation_time, 2),
  ].join(' · ');
  $('clip-rows').replaceChildren(...clips.flatMap(clipRows));
  const first = clips.find((clip) => clip.prompt);
  $('tailor-link').href = first ? `/targets?prompt=${encodeURIComponent(first.prompt)}` : '/targets';
  $('tailor-link').hidden = !first;
  $('results').hidden = false;
}

function showOutcome(result) {
  const note = $('results-note');
  if (result.fallback_reason) {
    note.textContent = `The model could not answer (${result.fallback_reason.replaceAll('_', ' ')}), so the templates wrote the prompts.`;
  } else {
    note.textContent = result.cached ? 'These prompts were served from the cache.' : '';
  }
  note.hidden = !note.textContent;
  setDownload(result);
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
  prompt_generator_results: (data) => {
    showResults(data);
    return `${data.total_clips} clips · ${data.llm_used ? 'llm' : 'offline'}`;
  },
  completed: (data) => {
    finish();
    setProgress(100);
    showOutcome(data.result || {});
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
  if (generate.disabled) {
    return;
  }
  clearErrors();
  const { plan, references, errors } = readInputs();
  if (errors.length > 0) {
    showProblem({ title: 'The JSON could not be read', detail: 'Nothing was sent: correct it and generate again.', errors });
    return;
  }
  resetRun();
  busy(true);
  try {
    const response = await fetch(API, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ plan, references, options: { use_llm: $('use-llm').checked } }),
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
    showProblem({ title: 'The clip prompts could not be started', detail: error.message });
  }
}

// Filling the textareas: the sample, or a file read in the browser.

async function loadSample() {
  clearErrors();
  try {
    const texts = await Promise.all(SAMPLES.map(async (url) => {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(`${url} answered HTTP ${response.status}`);
      }
      return response.text();
    }));
    INPUTS.forEach((name, i) => {
      $(name).value = texts[i].trim();
    });
  } catch (error) {
    showProblem({ title: 'The sample could not be loaded', detail: error.message });
  }
}

function readFile(input) {
  const [file] = input.files;
  if (!file) {
    return;
  }
  const target = input.dataset.target;
  const reader = new FileReader();
  reader.addEventListener('load', () => {
    $(target).value = reader.result;
    fieldNote(target, '');
    input.value = ''; // so the same file can be chosen again
  });
  reader.addEventListener('error', () => {
    showProblem({ title: 'The file could not be read', detail: `${file.name}: ${reader.error?.message || 'unreadable'}` });
  });
  reader.readAsText(file);
}

form.addEventListener('submit', start);
// Editing a textarea clears the error shown under it.
form.addEventListener('input', (event) => {
  if (INPUTS.includes(event.target.id)) {
    fieldNote(event.target.id, '');
  }
});
form.addEventListener('keydown', (event) => {
  if (event.target.tagName === 'TEXTAREA' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
$('load-sample').addEventListener('click', loadSample);
for (const button of form.querySelectorAll('[data-upload]')) {
  button.addEventListener('click', () => $(button.dataset.upload).click());
}
for (const input of form.querySelectorAll('input[type="file"]')) {
  input.addEventListener('change', () => readFile(input));
}
// A click anywhere on a clip's row but its links opens or closes its full prompt; its button does it by keyboard.
$('clip-rows').addEventListener('click', (event) => {
  const row = event.target.closest('tr.clip-row');
  if (row && !event.target.closest('a')) {
    toggleClip(row);
  }
});
