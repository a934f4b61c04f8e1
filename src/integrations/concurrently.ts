/**
 * Runs the `astro:build:done` work of several integrations at the same time rather than one after
 * the other (Astro awaits each integration's hook in turn). The social images spend their time in
 * satori on the main thread and resvg on libuv's threads; Pagefind indexes in its own process —
 * run together, the two cores share the work and the build ends when the longer one ends.
 * Each keeps its own log label; a failure in either fails the build.
 */
import type { AstroIntegration } from 'astro';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

export function concurrently(name: string, integrations: AstroIntegration[]): AstroIntegration {
  const steps = integrations.flatMap((i) => {
    const done = i.hooks['astro:build:done'];
    return done ? [{ name: i.name, done }] : [];
  });
  return {
    name,
    hooks: {
      'astro:build:done': async (options) => {
        const started = performance.now();
        await Promise.all(steps.map((s) => (s.done as BuildDone)({ ...options, logger: options.logger.fork(s.name) })));
        options.logger.info(`${steps.map((s) => s.name).join(' and ')} together in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
