import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm, writeFile } from 'node:fs/promises';
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
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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
});
