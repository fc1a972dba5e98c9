// DOM subtree → line-structured plain text. Paragraphs and headings become their own blocks (blank line
// between), list items one per line with "- ", table rows one per line with cells joined by " | " (cells are
// never glued together: IOC tables depend on it), <pre> kept verbatim line by line, <br> a line break.
import type { AnyNode, Element } from 'domhandler';
import { collapseWhitespace, decodeResidualEntities } from './normalize';

// Never text: these are dropped wherever they occur.
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'title', 'meta', 'link', 'img', 'picture',
  'source', 'video', 'audio', 'canvas', 'object', 'embed', 'button', 'input', 'select', 'option', 'textarea', 'map',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Elements that start a new block. Everything else is inline and joins the surrounding text.
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'blockquote', 'figure',
  'figcaption', 'address', 'details', 'summary', 'center', 'form', 'fieldset', 'legend', 'dl', 'dt', 'dd',
  'caption', 'hgroup', 'body', 'html', 'dialog', 'menu',
]);

/** Marks a blank line between blocks in the line list. */
const PARA = '\u0000';

class Lines {
  readonly out: string[] = [];
  private inline = '';

  text(s: string): void {
    this.inline += s;
  }

  /** Ends the current line (if it has text). */
  newline(): void {
    const t = collapseWhitespace(this.inline);
    this.inline = '';
    if (t) this.out.push(t);
  }

  /** Ends the current block: a blank line follows. */
  paragraph(): void {
    this.newline();
    if (this.out.length && this.out[this.out.length - 1] !== PARA) this.out.push(PARA);
  }

  /** A line taken as is (inside <pre>), even when empty. */
  raw(line: string): void {
    this.newline();
    this.out.push(line);
  }

  get hasPendingText(): boolean {
    return collapseWhitespace(this.inline) !== '';
  }

  lines(): string[] {
    this.newline();
    return this.out;
  }
}

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Concatenated text of a subtree, skipping non-text elements. */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node) && node.type !== 'root') return '';
  if (isElement(node) && SKIP.has(node.name)) return '';
  let s = '';
  for (const c of (node as Element).children) s += textOf(c);
  return s;
}

/** Text of <pre>: verbatim, with <br> and block children (one <div>/<span class=line> per line in some highlighters) as newlines. */
function preText(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node)) return '';
  if (SKIP.has(node.name)) return '';
  if (node.name === 'br') return '\n';
  let s = '';
  for (const c of node.children) s += preText(c);
  if ((BLOCKS.has(node.name) || node.name === 'li' || node.name === 'tr') && !s.endsWith('\n')) s += '\n';
  return s;
}

function childElements(el: Element, names: Set<string>): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (names.has(c.name)) out.push(c);
    // Rows and cells live in thead/tbody/tfoot; lists are sometimes wrapped by mistake in <div>s.
    else if (['thead', 'tbody', 'tfoot'].includes(c.name) && names.has('tr')) out.push(...childElements(c, names));
  }
  return out;
}

const CELL = new Set(['td', 'th']);
const ROW = new Set(['tr']);

/** Layout tables (whole pages in <table>s, as old CMSs do) are read as blocks, not as data rows. */
function isLayoutTable(table: Element): boolean {
  const role = table.attribs.role;
  if (role === 'presentation' || role === 'none') return true;
  const stack: AnyNode[] = [...table.children];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (!isElement(n)) continue;
    if (n.name === 'table') return true;
    if (CELL.has(n.name)) {
      const hasBlocks = n.children.some((c) => isElement(c) && (HEADINGS.has(c.name) || ['p', 'div', 'ul', 'ol', 'pre'].includes(c.name)));
      if (hasBlocks && collapseWhitespace(textOf(n)).length > 400) return true;
      continue; // cell contents do not matter further
    }
    stack.push(...n.children);
  }
  return false;
}

/** One cell's text on one line: inner line breaks (several values in a cell) become spaces. */
function cellText(cell: Element): string {
  const sub = new Lines();
  walkChildren(cell, sub);
  return sub.lines().filter((l) => l !== PARA).join(' ').trim();
}

function renderTable(table: Element, b: Lines): void {
  b.paragraph();
  for (const c of table.children) {
    if (isElement(c) && c.name === 'caption') {
      walkChildren(c, b);
      b.newline();
    }
  }
  for (const row of childElements(table, ROW)) {
    const cells = childElements(row, CELL).map(cellText);
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((c) => c !== '')) b.raw(cells.join(' | '));
  }
  b.paragraph();
}

function renderList(list: Element, b: Lines): void {
  b.paragraph();
  for (const c of list.children) {
    if (isElement(c) && c.name === 'li') renderItem(c, b);
    else walk(c, b);
  }
  b.paragraph();
}

/** A list item: "- " before its first line, its further lines (nested lists, paragraphs) indented. */
function renderItem(li: Element, b: Lines): void {
  const sub = new Lines();
  walkChildren(li, sub);
  const lines = sub.lines().filter((l) => l !== PARA);
  if (!lines.length) return;
  b.newline();
  lines.forEach((l, i) => b.raw(i === 0 ? `- ${l}` : `  ${l}`));
}

function renderPre(pre: Element, b: Lines): void {
  const lines = preText(pre).replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  if (!lines.length) return;
  b.paragraph();
  for (const l of lines) b.raw(l.replace(/\u00a0/g, ' '));
  b.paragraph();
}

function walkChildren(el: Element, b: Lines): void {
  for (const c of el.children) walk(c, b);
}

function walk(node: AnyNode, b: Lines): void {
  if (node.type === 'text') {
    b.text((node as unknown as { data: string }).data);
    return;
  }
  if (node.type === 'root') {
    for (const c of (node as unknown as { children: AnyNode[] }).children) walk(c, b);
    return;
  }
  if (!isElement(node) || SKIP.has(node.name)) return;
  const name = node.name;
  if (name === 'br') {
    // One <br> ends a line; a second one in a row (empty line) ends the paragraph.
    if (b.hasPendingText) b.newline();
    else b.paragraph();
    return;
  }
  if (name === 'hr') return b.paragraph();
  if (name === 'pre' || name === 'xmp' || name === 'listing' || name === 'plaintext') return renderPre(node, b);
  if (name === 'ul' || name === 'ol') return renderList(node, b);
  if (name === 'li') return renderItem(node, b);
  if (name === 'table') {
    if (isLayoutTable(node)) {
      for (const row of childElements(node, ROW)) {
        for (const cell of childElements(row, CELL)) {
          b.paragraph();
          walkChildren(cell, b);
          b.paragraph();
        }
      }
      return;
    }
    return renderTable(node, b);
  }
  if (name === 'tr' || CELL.has(name)) {
    // Stray row/cell outside a table (broken markup): keep cells apart all the same.
    b.newline();
    walkChildren(node, b);
    b.newline();
    return;
  }
  if (HEADINGS.has(name) || BLOCKS.has(name)) {
    b.paragraph();
    walkChildren(node, b);
    b.paragraph();
    return;
  }
  walkChildren(node, b);
}

/** Renders the given nodes (in order) as text blocks separated by blank lines. */
export function renderText(nodes: AnyNode[]): string {
  const b = new Lines();
  for (const n of nodes) {
    walk(n, b);
    b.paragraph();
  }
  const out: string[] = [];
  for (const l of b.lines()) {
    if (l === PARA) {
      if (out.length && out[out.length - 1] !== '') out.push('');
    } else {
      out.push(l);
    }
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.map((l) => decodeResidualEntities(l)).join('\n');
}
