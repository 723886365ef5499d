// Renders an RFC 9457 problem (title, detail, and errors[] of {field, message}) as elements, with textContent only.
// onField, when given, is called for each field error, so a form can mark the field too.

export function problemElements(problem, onField) {
  const title = document.createElement('strong');
  title.textContent = problem.title || 'Error';
  const detail = document.createElement('p');
  detail.textContent = problem.detail || '';
  const parts = [title, detail];
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length > 0) {
    const list = document.createElement('ul');
    list.className = 'error-list';
    for (const error of errors) {
      const item = document.createElement('li');
      const field = document.createElement('code');
      field.textContent = error.field;
      item.append(field, `: ${error.message}`);
      list.append(item);
      if (onField) {
        onField(error.field, error.message);
      }
    }
    parts.push(list);
  }
  return parts;
}
