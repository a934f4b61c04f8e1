/** The world's land, drawn once at build time: every trial page's locator map shows part of it (<use href>), so browsers fetch it once. */
import type { APIRoute } from 'astro';
import { worldOutline } from '../../lib/world-map.ts';

export const GET: APIRoute = () => {
  const { width, height, d } = worldOutline();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><path id="land" d="${d}"/></svg>\n`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
