/**
 * The site's one HTML escaper, for text that HTML strings put in element content or in quoted
 * attribute values alike (& < > " '). Renderers shared by the build and the browser use it.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/gu, (c) => ENTITIES[c]!);
