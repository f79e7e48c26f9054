/**
 * Prompts' Markdown: raw HTML is shown as text, never rendered; only http(s) and relative links
 * and images survive.
 */
import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderPrompt } from '../../src-main/packs/markdown.ts';

describe('renderPrompt', () => {
  it('renders Markdown', () => {
    const html = renderPrompt('# Title\n\nUse `fork()` **twice**.\n\n```c\nint x = a < b;\n```\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<code>fork()</code>');
    expect(html).toContain('<strong>twice</strong>');
    expect(html).toContain('a &lt; b');
  });

  it('escapes raw HTML blocks and inline tags', () => {
    const html = renderPrompt('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here.\n');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps http(s) and relative links, drops other schemes to their text', () => {
    const html = renderPrompt('[a](https://example.org/x) [b](javascript:alert(1)) [c](notes/fork.md) [d](data:text/html,hi) ![e](file:///etc/passwd)');
    expect(html).toContain('<a href="https://example.org/x"');
    expect(html).toContain('<a href="notes/fork.md"');
    expect(html).not.toMatch(/javascript:|data:|file:/);
    expect(html).toContain(' b ');
  });

  it('classifies URLs', () => {
    expect(isSafeUrl('http://a')).toBe(true);
    expect(isSafeUrl('../x.png')).toBe(true);
    expect(isSafeUrl('a/b:c')).toBe(true);
    expect(isSafeUrl('JavaScript:x')).toBe(false);
    expect(isSafeUrl('//evil.example/x')).toBe(false);
    expect(isSafeUrl('vbscript:x')).toBe(false);
  });
});
