import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the BUILT site (`npm run test:e2e` builds first) served by
 * `astro preview`. The browser is Debian's Chromium where present (CHROME_PATH overrides), else
 * Playwright's own download, so the same config works here, in CI and on a laptop.
 */
const port = Number(process.env.E2E_PORT ?? 4329);
const chromium = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node scripts/preview-server.ts ${port}`,
    url: `http://127.0.0.1:${port}/`,
    // never reuse: a server already on this port may be another project's
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
