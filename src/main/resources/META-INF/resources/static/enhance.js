// The enhance form: posts to the API as JSON and shows the enhancement, or the problem with its field errors.

import { copyButton } from './copy.js';
import { problemElements } from './problem.js';

const API = '/api/v1/enhance';
const MAX_PROMPT = 2000;

const $ = (id) => document.getElementById(id);
const form = $('enhance-form');
const submit = $('enhance-submit');
const copy = $('copy-enhanced');

const resetCopy = copyButton(copy, () => $('result-enhanced').textContent);

function trimmed(id) {
  return $(id).value.trim();
}

function integer(id) {
  const text = trimmed(id);
  return text === '' ? undefined : Number(text);
}

function requestBody() {
  const mode = $('mode').value;
  const body = { prompt: $('prompt').value, mode, options: { engine: $('engine').value } };
  if (mode === 'i2v') {
    const url = trimmed('image-url');
    const caption = trimmed('image-caption');
    if (url) {
      body.image_url = url;
    }
    if (caption) {
      body.image_caption = caption;
    }
  }
  const seed = integer('seed');
  if (seed !== undefined) {
    body.seed = seed;
  }
  const maxWords = integer('max-words');
  if (maxWords !== undefined) {
    body.max_words = maxWords;
  }
  if ($('force').checked) {
    body.force = true;
  }
  return body;
}

function showMode() {
  $('image-fields').hidden = $('mode').value !== 'i2v';
}

function countPrompt() {
  $('prompt-count').textContent = `${$('prompt').value.length} / ${MAX_PROMPT}`;
}

function clearErrors() {
  $('enhance-error').hidden = true;
  $('enhance-error').replaceChildren();
  for (const el of form.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
}

// A field error goes under its input when the form has one; every error is listed in the alert too.
function markField(field, message) {
  const slot = form.querySelector(`.field-error[data-field="${CSS.escape(field)}"]`);
  if (!slot) {
    return;
  }
  slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
  slot.hidden = false;
  const input = $(slot.id.replace(/-error$/, ''));
  if (input) {
    input.setAttribute('aria-invalid', 'true');
  }
}

function showError(problem) {
  $('enhance-error').replaceChildren(...problemElements(problem, markField));
  $('enhance-error').hidden = false;
  $('result').hidden = true;
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });

function cost(value) {
  return USD.format(Number(value) || 0);
}

function badge(name, text, state) {
  $(`result-${name}`).textContent = text;
  $(`badge-${name}`).dataset.state = state ?? text;
}

function render(result) {
  $('result-original').textContent = result.original;
  $('result-enhanced').textContent = result.enhanced;
  badge('engine', result.engine);
  badge('model', result.model ?? 'none');
  $('badge-model').hidden = !result.model;
  badge('cached', String(Boolean(result.cached)));
  badge('skipped', String(Boolean(result.skipped)));
  $('badge-skipped').hidden = !result.skipped;
  badge('seed', result.seed ?? 'random', result.seed == null ? 'none' : 'set');
  const usage = result.usage || {};
  badge('usage', `${usage.tokens_in ?? 0} in · ${usage.tokens_out ?? 0} out · ${cost(usage.cost_usd)}`, 'usage');
  $('result-fallback').textContent = result.fallback_reason || '';
  $('badge-fallback').hidden = !result.fallback_reason;

  const note = $('result-note');
  if (result.skipped) {
    note.textContent = 'The prompt is already detailed, so it was kept as it is. Tick "Enhance even a long prompt" to rewrite it anyway.';
  } else if (result.fallback_reason) {
    note.textContent = `The model could not answer (${result.fallback_reason.replaceAll('_', ' ')}), so the offline engine did.`;
  } else {
    note.textContent = '';
  }
  note.hidden = !note.textContent;

  resetCopy();
  $('result').hidden = false;
}

function busy(waiting) {
  submit.disabled = waiting;
  submit.textContent = waiting ? 'Enhancing…' : 'Enhance';
  form.setAttribute('aria-busy', String(waiting));
  $('result').dataset.state = waiting ? 'stale' : 'fresh';
}

async function enhance(event) {
  event.preventDefault();
  if (submit.disabled) {
    return;
  }
  busy(true);
  try {
    const response = await fetch(API, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(requestBody()),
    });
    const body = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
    clearErrors();
    if (response.ok) {
      render(body);
    } else {
      showError(body);
    }
  } catch (error) {
    clearErrors();
    showError({ title: 'The prompt could not be enhanced', detail: error.message });
  } finally {
    busy(false);
  }
}


form.addEventListener('submit', enhance);
// Editing a field clears the error shown under it.
form.addEventListener('input', (event) => {
  const slot = $(`${event.target.id}-error`);
  if (slot) {
    slot.hidden = true;
    slot.textContent = '';
    event.target.removeAttribute('aria-invalid');
  }
});
$('mode').addEventListener('change', showMode);
$('prompt').addEventListener('input', countPrompt);
$('prompt').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});

// The browser may restore field values on back/forward navigation: show what they say.
showMode();
countPrompt();
