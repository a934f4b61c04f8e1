/** Shared helpers for the end-to-end tests: console-error capture and axe checks. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SEED_IDS = ['NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891'] as const;

/** Collects console errors and page errors; call `expectNone()` at the end of a test. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { errors, expectNone: () => expect(errors, errors.join('\n')).toEqual([]) };
}

/** WCAG 2.2 A/AA violations on the current page (axe-core). */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
