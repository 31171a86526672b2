import { LAYOUT_VARIABLES } from '@switchboard/contracts';
import { DEFAULT_LAYOUT } from './default-layout';
import { checkTemplate, LayoutProblem, renderLayout } from './layout-template';

const problem = (template: string) => {
  try {
    checkTemplate(template);
  } catch (error) {
    if (error instanceof LayoutProblem) return { line: error.line, message: error.message };
    throw error;
  }
  return null;
};
const slot = '<div data-sb-slot="conversation"></div>';

describe('layout templates', () => {
  it('accepts the default layout and renders its values escaped', () => {
    expect(problem(DEFAULT_LAYOUT)).toBeNull();
    const html = renderLayout(DEFAULT_LAYOUT, { ...LAYOUT_VARIABLES, title: '<img src=x onerror=alert(1)>' });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('refuses a template that does not compile, naming the line', () => {
    expect(problem(`<p>\n{{#if title}}\n${slot}`)).toMatchObject({ line: expect.any(Number), message: expect.stringMatching(/^Line \d+: /) });
    expect(problem(`<p>ok</p>\n<p>{{title}</p>\n${slot}`)?.line).toBe(2);
    // What was expected is said, the line once.
    expect(problem(`<p>ok</p>\n<p>{{title}</p>\n${slot}`)?.message).toMatch(/^Line 2: Parse error: expecting .+, got /);
  });

  it('refuses unescaped output, partials and script, with the line', () => {
    expect(problem(`${slot}\n<p>{{{title}}}</p>`)).toMatchObject({ line: 2, message: expect.stringMatching(/Unescaped/) });
    expect(problem(`${slot}\n\n<p>{{& title}}</p>`)).toMatchObject({ line: 3 });
    expect(problem(`${slot}\n{{> header}}`)).toMatchObject({ line: 2, message: expect.stringMatching(/Partials/) });
    expect(problem(`${slot}\n<script>alert(1)</script>`)).toMatchObject({ line: 2, message: expect.stringMatching(/Scripts/) });
    expect(problem(`<img src=x onerror=alert(1)>\n${slot}`)).toMatchObject({ line: 1, message: expect.stringMatching(/Event handler/) });
    expect(problem(`${slot}<a href="JavaScript:alert(1)">x</a>`)?.message).toMatch(/javascript:/);
  });

  it('needs exactly one conversation slot', () => {
    expect(problem('<p>{{title}}</p>')?.message).toMatch(/exactly one .* \(found 0\)/);
    expect(problem(`${slot}${slot}`)?.message).toMatch(/found 2/);
  });

  it('sanitises what renders even past the checks', () => {
    expect(renderLayout(`${slot}<a href="{{siteUrl}}">site</a>`, { ...LAYOUT_VARIABLES, siteUrl: 'javascript:alert(1)' })).not.toContain('javascript');
  });
});
