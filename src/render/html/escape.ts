/** HTML escaping: the one place the HTML output escapes text. */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

export function escapeHtml(text: string): string {
  // Control characters are not allowed in HTML text; drop them.
  return text.replace(/[&<>"'`=]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => ENTITIES[c] ?? '');
}
