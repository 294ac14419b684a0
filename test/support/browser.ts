import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/common/project-root.js';

/** Debian's Chromium, which test/support/global-setup.ts installs on a fresh machine. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(projectRoot(), 'test-artifacts', 'screenshots');

/** Headless Chromium; --no-sandbox because the tests run as root, which Chromium's sandbox refuses. */
export function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Saves the whole page as test-artifacts/screenshots/<name>.png, the artefact a person looks at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the login form, as a person would, and waits for the page of their work. */
export async function logInThroughForm(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Log in/ }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Takes an action of the case page (a button per action the open task offers), with its comment, and waits for the dialog to close. */
export async function takeAction(page: Page, action: string, comment?: string): Promise<void> {
  await page.locator(`button[data-action=${action}]`).click();
  const dialog = page.getByRole('dialog');
  if (comment) await dialog.getByLabel(/意见|Comment/).fill(comment);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
}

/** A file listed as uploaded under its item of the filing form. */
export const uploadedFile = (page: Page, fileName: string) => page.locator('div').filter({ hasText: new RegExp(`^已上传\\s*${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();

/**
 * The form fields on the page that a screen reader could not name: no <label for>, no aria-label, no
 * aria-labelledby pointing at text. Fields not shown are skipped (a screen reader skips them too): an upload's
 * file input is hidden behind its drop zone, a button named by its text.
 */
export function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const fields = [...document.querySelectorAll('input:not([type=hidden]), textarea, select, [role=combobox]')];
    const named = (field) =>
      (field.labels && [...field.labels].some((label) => label.textContent.trim())) ||
      (field.getAttribute('aria-label') || '').trim() ||
      (field.getAttribute('aria-labelledby') || '').split(' ').some((id) => document.getElementById(id)?.textContent.trim());
    // A field hidden from assistive technology (antd's aria-hidden measuring copy of an auto-sized text box) needs no name.
    const heard = (field) => !field.closest('[aria-hidden=true]');
    return fields.filter((field) => field.checkVisibility() && heard(field) && !named(field)).map((field) => field.outerHTML.slice(0, 160));
  })()`);
}

/** Logs a user in through the form in a browser context of their own (as on their own machine), lets them work, and closes it. */
export async function asUser(browser: Browser, baseUrl: string, credentials: { username: string; password: string }, work: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await logInThroughForm(page, baseUrl, credentials.username, credentials.password);
    await work(page);
  } finally {
    await context.close();
  }
}
