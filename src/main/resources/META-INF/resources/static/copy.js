// Copy buttons: the Clipboard API where the page is a secure context, elsewhere the text is selected and copied
// the old way. The button says "Copied" (or "Copy failed") for two seconds.

export function copyButton(button, textOf) {
  let reset = null;
  const restore = () => {
    clearTimeout(reset);
    button.textContent = 'Copy';
    delete button.dataset.state;
  };
  const feedback = (ok) => {
    button.textContent = ok ? 'Copied' : 'Copy failed';
    button.dataset.state = ok ? 'copied' : 'failed';
    clearTimeout(reset);
    reset = setTimeout(restore, 2000);
  };
  button.addEventListener('click', async () => {
    const text = textOf();
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        feedback(true);
      } else {
        feedback(copyBySelection(text));
      }
    } catch {
      feedback(copyBySelection(text));
    }
  });
  return restore;
}

function copyBySelection(text) {
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.className = 'offscreen';
  document.body.append(scratch);
  scratch.select();
  const ok = document.execCommand('copy');
  scratch.remove();
  return ok;
}
