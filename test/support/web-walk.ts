import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asUser, openBrowser } from './browser.js';
import { deploy, type Deployment } from './tongban.js';

/**
 * A walk in the browser against one embedded deployment, started before the describe's tests and stopped after
 * them. One mode is enough for the browser: the pages talk to the same API in both, and embedded is the README's
 * first command. `as` works as a demo account, or as anyone whose password is given. Kept apart from
 * browser.ts because it needs jest's hooks, and the benches import browser.ts outside jest.
 */
export function embeddedWalk() {
  const walk = {} as { deployment: Deployment; browser: Browser };
  beforeAll(async () => {
    [walk.deployment, walk.browser] = await Promise.all([deploy('embedded'), openBrowser()]);
  });
  afterAll(async () => {
    await walk.browser?.close();
    await walk.deployment?.stop();
  });
  const as = (username: string, work: (page: Page) => Promise<void>, password = walk.deployment.passwords[username]) =>
    asUser(walk.browser, walk.deployment.baseUrl, { username, password }, work);
  return { walk, as };
}
