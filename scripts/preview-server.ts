/**
 * Serves the built site with Astro's own preview server (the programmatic API of `astro preview`),
 * for the end-to-end tests. Unlike the CLI it does not refuse to start when a developer already
 * has `astro preview` running for this project on another port.
 * Usage: node scripts/preview-server.ts <port>
 */
import { preview } from 'astro';

const port = Number(process.argv[2] ?? 4329);
const server = await preview({ server: { host: '127.0.0.1', port }, logLevel: 'warn' });
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
