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
