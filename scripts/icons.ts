/** Draws the PNG icons (favicon, apple-touch, manifest) from public/favicon.svg. Run after changing the logo. */
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const svg = readFileSync('public/favicon.svg', 'utf8');
for (const [name, size] of [['favicon-32.png', 32], ['apple-touch-icon.png', 180], ['icon-192.png', 192], ['icon-512.png', 512]] as const) {
  writeFileSync(`public/${name}`, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
  console.log(`public/${name}`);
}
