/**
 * A prompt's Markdown to HTML. Raw HTML in the Markdown is shown as text (escaped), never
 * rendered; links and images keep only http(s) and relative targets (others become plain text).
 * The renderer sanitises the result again with DOMPurify before display.
 */
import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** True for http:, https: and relative URLs (no scheme, not protocol-relative). */
export function isSafeUrl(href: string): boolean {
  const trimmed = href.trim();
  if (/^https?:\/\//i.test(trimmed)) return true;
  if (trimmed.startsWith('//')) return false;
  // a scheme is letters, digits, + - . before the first ':' that comes before any / ? #
  const colon = trimmed.indexOf(':');
  if (colon < 0) return true;
  const firstSep = trimmed.search(/[/?#]/);
  return firstSep >= 0 && firstSep < colon;
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link): string {
      const inner = this.parser.parseInline(token.tokens);
      if (!isSafeUrl(token.href)) return inner;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href)}"${title} rel="noopener noreferrer">${inner}</a>`;
    },
    image(token: Tokens.Image): string {
      if (!isSafeUrl(token.href)) return escapeHtml(token.text);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
    },
  },
});

/** Renders a prompt's Markdown to HTML with raw HTML escaped and unsafe links dropped. */
export function renderPrompt(markdown: string): string {
  return marked.parse(markdown, { async: false }) as string;
}
