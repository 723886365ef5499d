// DOM helpers shared by the pages' modules.

// An element with its attributes (null ones left out) and its children, text as text nodes (never parsed as HTML).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) {
      node.setAttribute(name, value);
    }
  }
  node.append(...children);
  return node;
}
