import { LAYOUT_SLOT, LAYOUT_VARIABLES, type LayoutVariables } from '@switchboard/contracts';
import Handlebars from 'handlebars';
import sanitizeHtml from 'sanitize-html';

/** What a template may produce: markup and classes, no scripts, handlers, styles or foreign schemes. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['div', 'span', 'p', 'strong', 'em', 'b', 'i', 'small', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'header', 'footer', 'section', 'aside', 'ul', 'ol', 'li', 'a', 'img'],
  allowedAttributes: { '*': ['class', 'id', 'role', 'title', 'lang', 'aria-*', 'data-*'], a: ['href', 'target', 'rel'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

/** Markup a template must not hold, whatever it renders to. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/<\s*script\b/i, 'Scripts are not allowed in a layout'],
  [/\son[a-z]+\s*=/i, 'Event handler attributes (onclick, onerror, …) are not allowed in a layout'],
  [/javascript\s*:/i, 'javascript: addresses are not allowed in a layout'],
];

export class LayoutProblem extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
  }
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Handlebars' parse error in one line: "Parse error on line 3:", the excerpt with its caret, and
 * "Expecting 'ID', got 'CLOSE'" become "Parse error: expecting 'ID', got 'CLOSE'" (the line is said once, by LayoutProblem).
 */
function compileError(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const head = (lines[0] ?? message).replace(/ on line \d+:?$/i, '').replace(/:$/, '');
  const detail = lines.length > 1 ? lines[lines.length - 1] : '';
  return detail && detail !== lines[0] ? `${head}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}` : head;
}

/** Refuses a template that does not compile, outputs unescaped values, uses partials, holds script, or lacks the one conversation slot. */
export function checkTemplate(template: string): void {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    throw new LayoutProblem(compileError(message), line ? Number(line) : null);
  }
  new (class extends Handlebars.Visitor {
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      if (!node.escaped) throw new LayoutProblem('Unescaped output ({{{ }}} or {{& }}) is not allowed: values are always escaped', node.loc.start.line);
      super.MustacheStatement(node);
    }
    override PartialStatement(node: hbs.AST.PartialStatement): void {
      throw new LayoutProblem('Partials are not available in layouts', node.loc.start.line);
    }
    override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
      throw new LayoutProblem('Partials are not available in layouts', node.loc.start.line);
    }
  })().accept(program);
  for (const [pattern, message] of FORBIDDEN) {
    const found = pattern.exec(template);
    if (found) throw new LayoutProblem(message, lineAt(template, found.index));
  }
  const slots = renderLayout(template, LAYOUT_VARIABLES).split(LAYOUT_SLOT).length - 1;
  if (slots !== 1) throw new LayoutProblem(`A layout needs exactly one element with ${LAYOUT_SLOT} (found ${slots})`, null);
}

/** The template rendered with these values, escaped and sanitised (a second guard behind checkTemplate). */
export function renderLayout(template: string, values: LayoutVariables): string {
  let html: string;
  try {
    html = Handlebars.compile(template, { knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } })(values);
  } catch (error) {
    throw new LayoutProblem(error instanceof Error ? error.message : String(error), null);
  }
  return sanitizeHtml(html, SANITIZE);
}
