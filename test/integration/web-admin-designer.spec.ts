import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../src/common/project-root.js';
import { screenshot, unlabelledFields } from '../support/browser.js';
import { embeddedWalk } from '../support/web-walk.js';
import { fileSubmittedCase, newApplicant } from '../support/tongban.js';

describe('web application: an administrator and a process designer (embedded mode, Chromium)', () => {
  const { walk, as } = embeddedWalk();

  it('lets the administrator add a department (a bad code refused by field), a member of staff, and a holiday', async () => {
    await as('admin1', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/admin/departments');
      await page.locator('.ant-table-row', { hasText: 'LCJ' }).first().waitFor();
      await page.getByRole('button', { name: '新建部门' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('编码').fill('坏 代码');
      await dialog.getByLabel('名称').fill('锡林浩特市林业和草原局');
      await dialog.getByLabel('上级部门').click();
      await page.locator('.ant-select-item-option', { hasText: 'LCJ' }).first().click();
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.locator('.ant-form-item:has(#code) .ant-form-item-explain-error').first().waitFor();
      await screenshot(page, 'admin-1-department-refused');
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await dialog.getByLabel('编码').fill('XL-LCJ');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.ant-table-row', { hasText: 'XL-LCJ' }).waitFor();
      await screenshot(page, 'admin-2-departments');

      await page.getByRole('link', { name: '人员管理' }).click();
      await page.locator('.ant-table-row', { hasText: 'window1' }).waitFor();
      await page.getByRole('button', { name: '新建工作人员' }).click();
      const staffDialog = page.getByRole('dialog');
      await staffDialog.getByLabel('用户名').fill('li.na');
      await staffDialog.getByLabel('姓名').fill('综合窗口受理员 李娜');
      await staffDialog.getByLabel('角色').click();
      await page.locator('.ant-select-item-option', { hasText: '窗口受理' }).click();
      // A multiple select stays open after a choice: a click on the dialog's title closes it.
      await staffDialog.locator('.ant-modal-title').click();
      await staffDialog.getByLabel('所属部门').click();
      await page.locator('.ant-select-item-option', { hasText: 'SCJG' }).click();
      await staffDialog.locator('.ant-modal-title').click();
      await staffDialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByText('一次性令牌').waitFor();
      await screenshot(page, 'admin-3-staff-created');
      await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
      await page.locator('.ant-table-row', { hasText: 'li.na' }).waitFor();

      await page.getByRole('link', { name: '工作日历' }).click();
      await page.getByLabel('日期').first().fill('2026-12-30');
      await page.keyboard.press('Enter');
      await page.getByLabel('名称').fill('年终盘点');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-table-row', { hasText: '年终盘点' }).waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await screenshot(page, 'admin-4-calendar');
    });
    const added = await fetch(`${walk.deployment.baseUrl}/api/calendar/add-working-days?from=2026-12-29&days=1`).then((response) => response.json());
    expect(added).toEqual({ date: '2026-12-31' });
  });

  it('shows the designer the processes drawn, and a refused upload with its problems on the diagram', async () => {
    await as('designer1', async (page) => {
      expect(new URL(page.url()).pathname).toBe('/design/processes');
      await page.getByRole('button', { name: 'standard-licensing' }).click();
      await page.getByRole('button', { name: /查\s*看/ }).first().click();
      await page.locator('.djs-container svg .djs-element').first().waitFor();
      await screenshot(page, 'designer-1-process');

      // A user task without its role: the validator's user-task-role problem, drawn on that task.
      const instant = await readFile(path.join(projectRoot(), 'workflows', 'instant.bpmn'), 'utf8');
      const broken = instant.replace('tongban:role="window_staff" ', '');
      await page.locator('input[type=file]').setInputFiles({ name: 'broken.bpmn', mimeType: 'application/xml', buffer: Buffer.from(broken) });
      await page.locator('.tb-problem-note').first().waitFor();
      expect(await page.locator('[data-element-id=windowDecision].tb-problem').count()).toBe(1);
      await page.getByText('windowDecision', { exact: true }).first().waitFor();
      await screenshot(page, 'designer-2-upload-refused');
    });
  });

  it('shows the designer the matters of a process, the cases running on a version, and one case where it stands', async () => {
    const { client: applicant } = await newApplicant(walk.deployment);
    const caseId = await fileSubmittedCase(walk.deployment, applicant);
    const { caseNumber } = (await applicant.get(`/api/cases/${caseId}`)).body;
    await as('designer1', async (page) => {
      await page.getByRole('button', { name: 'standard-licensing' }).click();
      const matters = page.locator('.ant-card', { hasText: '使用该流程的事项' });
      await matters.locator('.ant-table-row', { hasText: 'LCJ-XK-001' }).locator('[data-status=published]').waitFor();
      await expect(matters.locator('.ant-table-row', { hasText: 'LCJ-XK-001' }).innerText()).resolves.toContain('v1');

      await page.getByRole('button', { name: /查\s*看/ }).first().click();
      const running = page.locator('.ant-table-row', { hasText: caseNumber });
      await expect(running.innerText()).resolves.toContain('preAcceptance');
      await running.click();
      await page.locator('[data-element-id=preAcceptance].tb-waiting').waitFor();
      await page.locator('[data-element-id=application].tb-visited').waitFor();
      await page.getByText(`${caseNumber} · 流程图（当前位置）`).waitFor();
      await screenshot(page, 'designer-3-running-case');
    });
  });
});
