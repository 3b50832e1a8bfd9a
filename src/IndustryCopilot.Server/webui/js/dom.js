// The page's only way to make elements: text always goes in as textContent, never as HTML.

/** A new element with an optional class and text. */
export function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Appends a table cell holding text to a row; returns the cell. */
export function cell(row, text) {
  const td = element('td', '', text ?? '');
  row.append(td);
  return td;
}
