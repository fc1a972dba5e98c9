// DOM subtree → line-structured plain text. Paragraphs and headings become their own blocks (blank line
// between), list items one per line with "- ", table rows one per line with cells joined by " | " (cells are
// never glued together: IOC tables depend on it), <pre> kept verbatim line by line, <br> a line break.
import type { AnyNode, Element } from 'domhandler';
import { isElement } from './dom';
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

/** Concatenated text of a subtree, skipping non-text elements. Iterative: pages can nest thousands deep. */
export function textOf(node: AnyNode): string {
  let s = '';
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'text') {
      s += (n as unknown as { data: string }).data;
      continue;
    }
    if (!isElement(n) && n.type !== 'root') continue;
    if (isElement(n) && SKIP.has(n.name)) continue;
    const kids = (n as Element).children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return s;
}

/** Text of <pre>: verbatim, with <br> and block children (one <div>/<span class=line> per line in some highlighters) as newlines. */
function preText(node: AnyNode): string {
  // Output is built as parts; an element's closing newline is decided once its children are done.
  const parts: string[] = [];
  // Whether the element's own text (the parts since it opened) ends with a newline.
  const ownEndsWithNewline = (from: number): boolean => {
    for (let i = parts.length - 1; i >= from; i--) if (parts[i]) return parts[i].endsWith('\n');
    return false;
  };
  const stack: Array<AnyNode | { close: number }> = [node];
  while (stack.length) {
    const t = stack.pop() as AnyNode | { close: number };
    if ('close' in t) {
      if (!ownEndsWithNewline(t.close)) parts.push('\n');
      continue;
    }
    const n = t;
    if (n.type === 'text') {
      parts.push((n as unknown as { data: string }).data);
      continue;
    }
    if (!isElement(n) || SKIP.has(n.name)) continue;
    if (n.name === 'br') {
      parts.push('\n');
      continue;
    }
    if (BLOCKS.has(n.name) || n.name === 'li' || n.name === 'tr') stack.push({ close: parts.length });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return parts.join('');
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

// The walk is an explicit stack of tasks (a node to render into some Lines, or a step to run once the nodes
// pushed before it are done), so nesting depth never reaches the call stack.
type Task = { node: AnyNode; b: Lines } | (() => void);

function kids(el: AnyNode, b: Lines): Task[] {
  return ((el as Element).children ?? []).map((node) => ({ node, b }));
}

/** One cell's or item's lines, without the paragraph marks. */
function plainLines(sub: Lines): string[] {
  return sub.lines().filter((l) => l !== PARA);
}

function tableTasks(table: Element, b: Lines): Task[] {
  const tasks: Task[] = [() => b.paragraph()];
  for (const c of table.children) {
    if (isElement(c) && c.name === 'caption') tasks.push(...kids(c, b), () => b.newline());
  }
  for (const row of childElements(table, ROW)) {
    const cells = childElements(row, CELL);
    // One cell's text on one line: inner line breaks (several values in a cell) become spaces.
    const subs = cells.map(() => new Lines());
    cells.forEach((cell, i) => tasks.push(...kids(cell, subs[i])));
    tasks.push(() => {
      const texts = subs.map((sub) => plainLines(sub).join(' ').trim());
      while (texts.length && texts[texts.length - 1] === '') texts.pop();
      if (texts.some((c) => c !== '')) b.raw(texts.join(' | '));
    });
  }
  tasks.push(() => b.paragraph());
  return tasks;
}

/** A list item: "- " before its first line, its further lines (nested lists, paragraphs) indented. */
function itemTasks(li: Element, b: Lines): Task[] {
  const sub = new Lines();
  return [...kids(li, sub), () => {
    const lines = plainLines(sub);
    if (!lines.length) return;
    b.newline();
    lines.forEach((l, i) => b.raw(i === 0 ? `- ${l}` : `  ${l}`));
  }];
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

/** Renders one node directly, or returns the tasks that render it (in order). */
function visit(node: AnyNode, b: Lines): Task[] | undefined {
  if (node.type === 'text') {
    b.text((node as unknown as { data: string }).data);
    return undefined;
  }
  if (node.type === 'root') return kids(node, b);
  if (!isElement(node) || SKIP.has(node.name)) return undefined;
  const name = node.name;
  if (name === 'br') {
    // One <br> ends a line; a second one in a row (empty line) ends the paragraph.
    if (b.hasPendingText) b.newline();
    else b.paragraph();
    return undefined;
  }
  if (name === 'hr') {
    b.paragraph();
    return undefined;
  }
  if (name === 'pre' || name === 'xmp' || name === 'listing' || name === 'plaintext') {
    renderPre(node, b);
    return undefined;
  }
  if (name === 'ul' || name === 'ol') return [() => b.paragraph(), ...kids(node, b), () => b.paragraph()];
  if (name === 'li') return itemTasks(node, b);
  if (name === 'table') {
    if (!isLayoutTable(node)) return tableTasks(node, b);
    const tasks: Task[] = [];
    for (const row of childElements(node, ROW)) {
      for (const cell of childElements(row, CELL)) tasks.push(() => b.paragraph(), ...kids(cell, b), () => b.paragraph());
    }
    return tasks;
  }
  if (name === 'tr' || CELL.has(name)) {
    // Stray row/cell outside a table (broken markup): keep cells apart all the same.
    return [() => b.newline(), ...kids(node, b), () => b.newline()];
  }
  if (HEADINGS.has(name) || BLOCKS.has(name)) return [() => b.paragraph(), ...kids(node, b), () => b.paragraph()];
  return kids(node, b);
}

function run(tasks: Task[]): void {
  const stack = [...tasks].reverse();
  while (stack.length) {
    const t = stack.pop() as Task;
    if (typeof t === 'function') {
      t();
      continue;
    }
    const more = visit(t.node, t.b);
    if (more) for (let i = more.length - 1; i >= 0; i--) stack.push(more[i]);
  }
}

/** Renders the given nodes (in order) as text blocks separated by blank lines. */
export function renderText(nodes: AnyNode[]): string {
  const b = new Lines();
  run(nodes.flatMap((node): Task[] => [{ node, b }, () => b.paragraph()]));
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
