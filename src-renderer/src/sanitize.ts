/**
 * Prompt HTML from a pack, sanitised again before it is shown with v-html (the service sanitises
 * it first). Where DOMPurify cannot work (no usable DOM), the text is escaped instead: nothing
 * unsanitised ever reaches the page.
 */
import DOMPurify from 'dompurify';

/** Safe HTML for v-html. */
export function sanitizePrompt(html: string): string {
  if (!DOMPurify.isSupported) return escapeHtml(html);
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Moves the headings of sanitised prompt HTML `by` levels down (h1 → h3 for by = 2, at most h6),
 * so a prompt's own "# Title" sits under the page's headings instead of breaking their order.
 */
export function demoteHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`);
}
