import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { screenshot, takeAction, unlabelledFields, uploadedFile } from '../support/browser.js';
import { embeddedWalk } from '../support/web-walk.js';
import { residentId } from '../support/identities.js';
import { fileSubmittedCase, GRASSLAND_MATTER_CODE, loginAs, newApplicant, smallPdf, waitForStage } from '../support/tongban.js';

describe('web application: window staff, reviewer and decider take a case to its licence (embedded mode, Chromium)', () => {
  const { walk, as } = embeddedWalk();
  let caseId: string;
  let applicant: Awaited<ReturnType<typeof newApplicant>>;

  beforeAll(async () => {
    applicant = await newApplicant(walk.deployment);
    caseId = await fileSubmittedCase(walk.deployment, applicant.client);
  });

  const openCase = async (page: Page) => {
    await page.goto(`${walk.deployment.baseUrl}/cases/${caseId}`);
    await page.locator('.ant-timeline').getByText('提交申请').waitFor();
  };

  it('shows the window its to-do list with a count per stage, and takes the case through pre-acceptance and acceptance', async () => {
    await as('window1', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/work/tasks');
      const preAcceptance = page.getByRole('radio', { name: /预受理\s*1/ });
      await preAcceptance.waitFor({ state: 'attached' });
      const row = page.locator('.ant-table-row', { hasText: GRASSLAND_MATTER_CODE.split('-')[0] });
      await row.first().waitFor();
      // 签收: the task becomes the clerk's, named as its holder.
      await row.first().getByRole('button', { name: /签\s*收/ }).click();
      await row.first().getByText('窗口受理员 刘敏').waitFor();
      await screenshot(page, 'staff-1-todo-list');
      // 转办: the dialog asks for a colleague before anything is sent; then a colleague at the window, chosen by name, holds the task.
      const [window1, window2] = await Promise.all([loginAs(walk.deployment, 'window1'), loginAs(walk.deployment, 'window2')]);
      const idOf = async (client: typeof window1) => (await client.get('/api/identity/me')).body.id as string;
      await row.first().locator('button[data-action=reassign]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('转办理由').fill('本人休假，转同科室办理');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.locator('.ant-form-item:has(#assigneeId) .ant-form-item-explain-error').waitFor();
      await screenshot(page, 'staff-1b-reassign-refused');
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await dialog.getByLabel('接收人').click();
      await page.locator('.ant-select-item-option:visible', { hasText: '(window2)' }).click();
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'detached' });
      // A claimed task is listed to its holder only: it leaves 刘敏's list.
      await row.first().waitFor({ state: 'detached' });
      // 王芳 passes it back through the API, so that 刘敏 carries on with the walk.
      const taskId = (await window2.get(`/api/cases/${caseId}`)).body.openTasks[0].id as string;
      expect((await window2.post(`/api/tasks/${taskId}/reassign`, { assigneeId: await idOf(window1), reason: '转回原受理人' })).status).toBe(200);
      await page.reload();
      await row.first().getByText('窗口受理员 刘敏').waitFor();
      await row.first().getByRole('link').click();
      await page.waitForURL(`**/cases/${caseId}`);
      await openCase(page);
      await screenshot(page, 'staff-2-case-at-the-window');
      await takeAction(page, 'preAccept', '材料齐全，符合法定形式');
      await page.locator('button[data-action=accept]').waitFor();
      await takeAction(page, 'accept', '予以受理');
      await page.locator('.ant-timeline').getByText('受理', { exact: false }).first().waitFor();
    });
    await waitForStage(applicant.client, caseId, 'review');
  });

  it('previews a material in the page for the reviewer, who approves', async () => {
    await as('reviewer1', async (page) => {
      await openCase(page);
      // The case's position on its diagram: the review task it waits at, marked.
      await page.locator('[data-element-id=review].tb-waiting').waitFor();
      await page.getByRole('button', { name: /查\s*看|View/ }).first().click();
      const preview = page.getByRole('dialog').locator('iframe, img');
      await preview.first().waitFor();
      expect(await preview.first().getAttribute('src')).toMatch(/^blob:/);
      await screenshot(page, 'staff-3-material-preview');
      // Closed by its button: an Escape pressed before the dialog holds the focus was lost on a loaded machine.
      await page.getByRole('dialog').locator('.ant-modal-close').click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await takeAction(page, 'approve', '符合法定条件，建议准予许可');
    });
    await waitForStage(applicant.client, caseId, 'decision');
  });

  it('lets the decider grant, and the window record the pickup with the ID number checked', async () => {
    await as('decider1', async (page) => {
      await openCase(page);
      await takeAction(page, 'grant', '准予许可');
    });
    const delivery = await waitForStage(applicant.client, caseId, 'delivery');
    expect(delivery.stage).toBe('delivery');
    await as('window1', async (page) => {
      await openCase(page);
      await page.locator('button[data-action=pickUp]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('领取人姓名').fill('王五');
      await dialog.getByLabel('证件号码').fill('110105194912310021');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      // A wrong check digit: the API's message for pickup.idNumber appears under that field.
      await dialog.locator('.ant-form-item-explain-error').first().waitFor();
      await screenshot(page, 'staff-4-pickup-refused');
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await dialog.getByLabel('证件号码').fill(residentId());
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.ant-timeline').getByText('领取').first().waitFor();
      await screenshot(page, 'staff-5-case-completed');
      // 已办: the pre-acceptance and acceptance 刘敏 closed, with where the case stands now.
      const { caseNumber } = (await applicant.client.get(`/api/cases/${caseId}`)).body;
      await page.getByRole('link', { name: '待办事项' }).first().click();
      await page.getByRole('tab', { name: '已办' }).click();
      await page.locator('.ant-table-row', { hasText: caseNumber }).first().waitFor();
      expect(await page.locator('.ant-table-row', { hasText: caseNumber }).count()).toBeGreaterThanOrEqual(2);
      await screenshot(page, 'staff-5b-done-list');
    });
    expect((await applicant.client.get(`/api/cases/${caseId}`)).body.status).toBe('closed');
  });

  it('files a walk-in case at the counter, refusing a bad ID number next to its field', async () => {
    await as('window1', async (page) => {
      await page.getByRole('link', { name: '窗口收件' }).click();
      await page.waitForURL(/\/work\/walk-in$/);
      // Typed into the searchable list, which opens it on the matters once they are loaded.
      await page.getByLabel('事项', { exact: true }).fill(GRASSLAND_MATTER_CODE);
      await page.locator('.ant-select-item-option', { hasText: GRASSLAND_MATTER_CODE }).click();
      await page.getByLabel('证件号码').fill('110105194912310021');
      const basic: Record<string, string> = { 申请单位: '王五', 项目名称: '自家草场临时道路', 法定代表人: '王五', 单位电话: '13800000000', 经办人: '王五', 经办人手机: '13800000000' };
      for (const [label, value] of Object.entries(basic)) await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByRole('button', { name: /下一步/ }).click();
      await page.locator('.ant-form-item:has(#idNumber) .ant-form-item-explain-error').first().waitFor();
      await screenshot(page, 'staff-6-walk-in-refused');
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await page.getByLabel('证件号码').fill(residentId());
      await page.getByRole('button', { name: /下一步/ }).click();
      await page.waitForURL(/\/work\/walk-in\/[0-9a-f-]+$/);
      const inputs = page.locator('input[type=file]');
      await inputs.first().waitFor({ state: 'attached' });
      await inputs.nth(0).setInputFiles({ name: '申请书扫描件.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
      await uploadedFile(page, '申请书扫描件.pdf').waitFor();
      // 收取纸质材料: nothing received is refused under its field; one original is ticked, undone and ticked again.
      const paper = page.locator('[data-paper]').first();
      await paper.getByLabel('原件份数').fill('0');
      await paper.getByRole('button', { name: /收\s*取/ }).click();
      await paper.locator('.ant-form-item-explain-error').first().waitFor();
      await paper.getByLabel('原件份数').fill('1');
      await paper.getByRole('button', { name: /收\s*取/ }).click();
      await paper.getByText('已收取').waitFor();
      await paper.getByRole('button', { name: /撤销收取/ }).click();
      await paper.getByText('未收取').waitFor();
      await paper.getByRole('button', { name: /收\s*取/ }).click();
      await paper.getByText('已收取').waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await screenshot(page, 'staff-7-walk-in-materials');
      // The case page shows the filing window the paper it received.
      await page.goto(`${walk.deployment.baseUrl}/cases/${page.url().split('/').pop()}`);
      await page.locator('.ant-card', { hasText: '纸质材料' }).getByText('已收取').waitFor();
    });
  });
});
