import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { logInThroughForm, openBrowser, screenshot } from '../support/browser.js';
import { type Client, deploy, type Deployment, fileSubmittedCase, loginAs, newApplicant, waitForStage } from '../support/tongban.js';

async function waitForIncident(client: Client, caseId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await client.get(`/api/cases/${caseId}`)).body.serviceTasks?.some((run: { status: string }) => run.status === 'failed')) {
    if (Date.now() > deadline) throw new Error(`no incident on ${caseId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// One mode is enough for the browser: the pages talk to the same API in both (embedded is the README's first command).
describe('web application: a supervisor (embedded mode, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let page: Page;
  let applicant: Client;
  let window: Client;
  let caseId: string;

  beforeAll(async () => {
    // Two quick attempts, so that a failing automatic step becomes an incident within the test.
    const extraEnv = { TONGBAN_SERVICE_TASK_ATTEMPTS: '2', TONGBAN_SERVICE_TASK_BACKOFF_MS: '100' };
    [deployment, browser] = await Promise.all([deploy('embedded', { extraEnv }), openBrowser()]);
    ({ client: applicant } = await newApplicant(deployment));
    window = await loginAs(deployment, 'window1');
    caseId = await fileSubmittedCase(deployment, applicant);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await logInThroughForm(page, deployment.baseUrl, 'supervisor1', deployment.passwords.supervisor1);
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.stop();
  });

  it('lists an automatic step that kept failing, and retries it once the cause is repaired', async () => {
    // A file where the documents folder belongs: generating the refusal notice fails for real.
    const documents = path.join(deployment.env.TONGBAN_DATA_DIR, 'materials', 'documents');
    await writeFile(documents, 'a file where the documents folder belongs');
    await window.post(`/api/cases/${caseId}/actions/refuse`, { comment: '不属于本机关职权范围' });
    await waitForIncident(window, caseId);

    await page.getByRole('link', { name: '异常处理' }).click();
    const row = page.locator('.ant-table-row', { hasText: 'generateNotice' });
    await row.waitFor();
    await screenshot(page, 'supervisor-1-incidents');
    await rm(documents);
    await row.getByRole('button', { name: /重\s*试/ }).click();
    await page.getByText('没有失败的自动环节').waitFor();
    expect((await waitForStage(applicant, caseId, 'notAccepted')).status).toBe('closed');
  });

  it('shows the alert board with its counts, and urges a case from it with the note on its history', async () => {
    const second = await fileSubmittedCase(deployment, applicant);
    // Accepted, so that its legal clock runs and the board shows it (green: it has just begun).
    for (const action of ['preAccept', 'accept']) expect((await window.post(`/api/cases/${second}/actions/${action}`, {})).status).toBe(200);
    const caseNumber = (await applicant.get(`/api/cases/${second}`)).body.caseNumber as string;
    await page.getByRole('link', { name: '预警监察' }).click();
    await page.locator('.ant-statistic').first().waitFor();
    // The board shows red and yellow first; green is ticked too.
    // A click, not check(): the box follows the address, which changes a moment after the click.
    await page.getByRole('checkbox', { name: '绿灯' }).click();
    await page.waitForURL(/alert=red%2Cyellow%2Cgreen/);
    const row = page.locator('.ant-table-row', { hasText: caseNumber });
    await row.waitFor();
    expect(new URL(page.url()).searchParams.get('alert')).toBe('red,yellow,green');
    await screenshot(page, 'supervisor-2-board');
    await row.getByRole('button', { name: /督\s*办/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('督办意见').fill('请于两个工作日内办结');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    const urges = await (await loginAs(deployment, 'supervisor1')).get(`/api/cases/${second}/urges`);
    expect(urges.body).toEqual([expect.objectContaining({ caseId: second, note: '请于两个工作日内办结' })]);
    await row.getByRole('button', { name: /督\s*办/ }).click();
    await page.getByRole('dialog').getByText('请于两个工作日内办结').waitFor();
    await screenshot(page, 'supervisor-3-urge-history');
    await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
  });

  it('draws the statistics and downloads them as Excel and CSV', async () => {
    await page.getByRole('link', { name: '统计分析' }).click();
    await page.locator('.recharts-surface').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('switch', { name: '按月' }).click();
    // One month has one point per line: the line is drawn but has no length, so it is attached rather than visible.
    await page.locator('.recharts-line').first().waitFor({ state: 'attached' });
    await screenshot(page, 'supervisor-4-statistics');
    for (const [button, extension] of [['导出 Excel', '.xlsx'], ['导出 CSV', '.csv']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
      const saved = await readFile(await download.path());
      // An .xlsx is a zip (PK…); the CSV's header names the received cases.
      if (extension === '.xlsx') expect(saved.subarray(0, 2).toString()).toBe('PK');
      else expect(saved.toString('utf8')).toMatch(/收件|received/i);
    }
  });
});
