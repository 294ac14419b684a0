import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { openBrowser, screenshot, takeAction, unlabelledFields, uploadedFile } from '../support/browser.js';
import { deploy, type Deployment, grasslandMatter, loginAs, smallPdf } from '../support/tongban.js';

// One mode is enough for the browser: the pages talk to the same API in both (embedded is the README's first command).
describe('web application: an applicant files online (embedded mode, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let page: Page;
  const username = `web-${randomBytes(3).toString('hex')}`;
  const password = 'Grassland-2026';

  beforeAll(async () => {
    [deployment, browser] = await Promise.all([deploy('embedded'), openBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.stop();
  });

  it('serves the catalogue at / in Chinese, switches to English and back, and keeps /api answering JSON', async () => {
    await page.goto(`${deployment.baseUrl}/`);
    await expect(page.getByRole('heading', { name: '办事指南' }).isVisible()).resolves.toBe(true);
    await page.getByText('LCJ-XK-001').waitFor();
    await screenshot(page, 'applicant-1-catalogue');
    await expect(unlabelledFields(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { name: 'Service guides' }).waitFor();
    await page.getByRole('button', { name: 'Switch language' }).click();
    await page.getByRole('heading', { name: '办事指南' }).waitFor();
    const notFound = await page.request.get(`${deployment.baseUrl}/api/no-such-thing`);
    expect(notFound.status()).toBe(404);
    expect(await notFound.json()).toMatchObject({ code: expect.any(String) });
  });

  it('registers, showing the API’s refusal of a weak password under the password field', async () => {
    await page.goto(`${deployment.baseUrl}/register`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('姓名').fill('张三');
    await page.getByLabel('密码').fill('abc');
    await page.getByRole('button', { name: /注\s*册/ }).click();
    const fieldError = page.locator('.ant-form-item:has(#password) .ant-form-item-explain-error');
    await fieldError.first().waitFor();
    expect(await fieldError.first().textContent()).toMatch(/password/i);
    await screenshot(page, 'applicant-2-register-refused');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /注\s*册/ }).click();
    await page.waitForURL(/\/login$/);
    // By keyboard alone: the login form takes focus, Tab moves on, Enter sends.
    await page.waitForFunction("document.activeElement && document.activeElement.id === 'username'");
    await expect(unlabelledFields(page)).resolves.toEqual([]);
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/my\/cases$/);
  });

  it('reads the service guide, then files in two steps with a refused file explained and the rest uploaded over tus', async () => {
    const matter = await grasslandMatter(deployment);
    await page.goto(`${deployment.baseUrl}/matters/${matter.id}`);
    await page.getByRole('heading', { name: matter.name }).waitFor();
    await screenshot(page, 'applicant-3-service-guide');
    await expect(unlabelledFields(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: '在线申办' }).click();

    const basic: Record<string, string> = {
      申请单位: '呼和浩特市某某牧业有限公司', 项目名称: `风电场临时道路-${randomBytes(3).toString('hex')}`, 法定代表人: '王五',
      单位电话: '0471-6945123', 经办人: '赵六', 经办人手机: '123',
    };
    for (const [label, value] of Object.entries(basic)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: /保存草稿/ }).click();
    const phoneError = page.locator('.ant-form-item:has(#handlerPhone) .ant-form-item-explain-error');
    await phoneError.first().waitFor();
    await screenshot(page, 'applicant-4-basic-information-refused');
    await page.getByLabel('经办人手机', { exact: true }).fill('13800000000');
    await page.getByRole('button', { name: /保存草稿/ }).click();

    const required = matter.requiredMaterials.filter((item: { isRequired: boolean }) => item.isRequired);
    const inputs = page.locator('input[type=file]');
    await inputs.first().waitFor({ state: 'attached' });
    await expect(unlabelledFields(page)).resolves.toEqual([]);
    // Not a PDF inside: the server's content check refuses it, and the page says so under the item.
    await inputs.nth(0).setInputFiles({ name: '假文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a pdf') });
    await page.locator('[role=status] .ant-typography-danger').first().waitFor();
    await screenshot(page, 'applicant-5-file-refused');
    for (let i = 0; i < required.length; i++) {
      const index = matter.requiredMaterials.indexOf(required[i]);
      await inputs.nth(index).setInputFiles({ name: `材料${i + 1}.pdf`, mimeType: 'application/pdf', buffer: smallPdf() });
      // Listed under its item once the upload is complete and the checklist read again.
      await uploadedFile(page, `材料${i + 1}.pdf`).waitFor();
    }
    await screenshot(page, 'applicant-6-materials');

    if (await page.locator('button[data-action=sign]').count()) {
      await takeAction(page, 'sign', '本人承诺所填信息真实');
      await page.locator('button[data-action=submit]').waitFor();
    }
    await takeAction(page, 'submit');
    await page.waitForURL(/\/cases\/[0-9a-f-]+$/);
    // The timeline names the step the applicant took.
    await page.locator('.ant-timeline').getByText('提交申请').waitFor();
    await screenshot(page, 'applicant-7-case');
  });

  it('answers a supplementation notice from the case page: the item named, a new file, then supplement', async () => {
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    const matter = await grasslandMatter(deployment);
    const item = matter.requiredMaterials[0];
    const window = await loginAs(deployment, 'window1');
    const notice = await window.post(`/api/cases/${caseId}/actions/requestSupplement`, { supplementItems: [{ requiredMaterialId: item.id, problem: '申请书缺少签章，请补交签章完整的扫描件' }] });
    expect(notice.status).toBe(200);
    await page.reload();
    await page.getByText('补正通知').waitFor();
    await page.locator('input[type=file]').first().setInputFiles({ name: '补正申请书.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
    await uploadedFile(page, '补正申请书.pdf').waitFor();
    await screenshot(page, 'applicant-8-supplementation');
    await takeAction(page, 'supplement', '已补交签章完整的申请书');
    await page.locator('.ant-timeline').getByText('补交材料').waitFor();
  });

  it('lists the case under my cases with its stage, at a phone’s width', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${deployment.baseUrl}/my/cases`);
    await page.locator('.ant-table-row').first().waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'applicant-9-my-cases-phone');
  });
});
