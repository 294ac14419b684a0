import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { projectRoot } from '../../src/common/project-root.js';
import { screenshot, unlabelledFields } from '../support/browser.js';
import { embeddedWalk } from '../support/web-walk.js';
import { loginAs } from '../support/tongban.js';

const CODE = 'LCJ-XK-099';

/**
 * Picks an option of the select labelled so. A multiple select stays open after a choice: Escape closes it on a
 * page, a click on the title in a dialog (where Escape would close the dialog).
 */
async function choose(page: Page, scope: Page | Locator, label: string, option: string, multiple = false): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
  if (!multiple) return;
  if (scope === page) await page.keyboard.press('Escape');
  else await (scope as Locator).locator('.ant-modal-title').click();
}

const fieldError = (page: Page, id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`).first();

describe('web application: the matter catalogue, departments\' heads, staff and bindings (embedded mode, Chromium)', () => {
  const { walk, as } = embeddedWalk();

  it('lets the administrator create a matter (a refusal under its field), give it materials and a blank form, publish, edit, withdraw, and read its history', async () => {
    await as('admin1', async (page) => {
      await page.getByRole('link', { name: '事项管理' }).click();
      await page.locator('.ant-table-row', { hasText: 'LCJ-XK-001' }).waitFor();
      await screenshot(page, 'catalogue-1-matters');

      await page.getByRole('button', { name: '新建事项' }).click();
      await page.getByLabel('实施编码').fill(CODE);
      await page.getByLabel('事项名称').fill('草原征占用审核');
      await choose(page, page, '实施主体（部门）', 'LCJ');
      await choose(page, page, '流程', 'standard-licensing');
      await choose(page, page, '事项类型', '行政许可');
      await choose(page, page, '行使层级', '市级');
      await choose(page, page, '服务对象', '企业法人', true);
      await page.getByLabel('设定依据').fill('《中华人民共和国草原法》第三十八条');
      await page.getByLabel('受理条件').fill('矿藏开采和工程建设确需征收、征用或者使用草原的');
      await page.getByLabel('法定办结时限').fill('20');
      await page.getByLabel('承诺办结时限').fill('25');
      await choose(page, page, '办理形式', '窗口办理', true);
      await choose(page, page, '审批结果类型', '出文办结');
      await page.getByLabel('审批结果名称').fill('草原征占用审核同意书');
      await choose(page, page, '领取方式', '网上下载', true);
      await page.getByLabel('领取地点').fill('电子文书推送至申请人账户');
      await page.getByLabel('办理地点').fill('市政务服务中心二楼林业和草原局窗口');
      await page.getByLabel('办理时间').fill('周一至周五 9:00—17:30');
      await page.getByLabel('咨询电话').fill('0471-4602319');
      await page.getByLabel('监督投诉电话').fill('0471-12345');
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      // The promised limit may not exceed the legal one: said under that field.
      await expect(fieldError(page, 'guide_promisedLimitDays').textContent()).resolves.toContain('promisedLimitDays');
      await screenshot(page, 'catalogue-2-refused');
      await page.getByLabel('承诺办结时限').fill('10');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL((url) => /\/admin\/matters\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.locator('[data-status=draft]').waitFor();

      await page.getByRole('tab', { name: /申请材料/ }).click();
      for (const name of ['征占用草原申请书', '营业执照']) {
        await page.getByRole('button', { name: '添加材料' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('材料名称').fill(name);
        await dialog.getByLabel('材料说明').fill(`${name}：载明地点、面积、用途`);
        await expect(unlabelledFields(page)).resolves.toEqual([]);
        await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
        await dialog.waitFor({ state: 'detached' });
        await page.locator('.ant-table-row', { hasText: name }).waitFor();
      }
      await page.getByRole('button', { name: '上移 营业执照' }).click();
      await page.locator('.ant-table-row').first().filter({ hasText: '营业执照' }).waitFor();
      const form = await readFile(path.join(projectRoot(), 'forms', 'demo', '临时占用草原申请书.docx'));
      await page.locator('.ant-table-row', { hasText: '征占用草原申请书' }).locator('input[type=file]')
        .setInputFiles({ name: '征占用草原申请书.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: form });
      await page.getByRole('button', { name: '征占用草原申请书.docx' }).waitFor();
      await screenshot(page, 'catalogue-3-materials');

      await page.getByRole('button', { name: /发\s*布/ }).click();
      await page.locator('[data-status=published]').waitFor();

      await page.getByRole('tab', { name: '办事指南' }).click();
      await page.getByLabel('承诺办结时限').fill('8');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByRole('tab', { name: '变更记录' }).click();
      await page.getByText('promisedLimitDays: 10 → 8').waitFor();
      for (const action of ['创建', '添加材料', '调整材料顺序', '上传空白表格', '发布', '修改']) await page.getByRole('tabpanel').locator('.ant-table-row td', { hasText: new RegExp(`^${action}$`) }).first().waitFor();
      await screenshot(page, 'catalogue-4-history');

      await page.getByRole('button', { name: '撤回（停止受理）' }).click();
      await page.getByLabel('撤回原因').fill('该事项已划转至市行政审批局办理');
      await page.getByRole('dialog').getByRole('button', { name: '撤回（停止受理）' }).click();
      await page.locator('[data-status=withdrawn]').waitFor();
    });
    const admin = await loginAs(walk.deployment, 'admin1');
    const listed = await admin.get(`/api/admin/matters?q=${CODE}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ code: CODE, status: 'withdrawn', promisedLimitDays: 8 })]);
    const guide = await admin.get(`/api/admin/matters/${listed.body.items[0].id}`);
    expect(guide.body.requiredMaterials.map((item: { name: string; template: { fileName: string } | null }) => [item.name, item.template?.fileName ?? null])).toEqual([
      ['营业执照', null],
      ['征占用草原申请书', '征占用草原申请书.docx'],
    ]);
  });

  it('lets the administrator name a department\'s head, edit a member of staff\'s roles, and give a pending account a new setup token', async () => {
    const admin = await loginAs(walk.deployment, 'admin1');
    const pending = await admin.post('/api/admin/staff', { username: 'zhou.lin', displayName: '综合窗口受理员 周琳', roles: ['window_staff'], departmentCodes: ['LCJ'] });
    expect(pending.status).toBe(201);
    await as('admin1', async (page) => {
      await page.getByRole('button', { name: '编辑 LCJ' }).click();
      const dialog = page.getByRole('dialog');
      await choose(page, dialog, '部门负责人', '审批负责人 高峰');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.ant-table-row', { hasText: 'LCJ' }).filter({ hasText: '审批负责人 高峰' }).first().waitFor();
      await page.getByRole('button', { name: '变更记录 LCJ' }).click();
      await page.getByRole('dialog').getByText(/^headId: — → /).waitFor();
      await screenshot(page, 'catalogue-5-department-head');
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: '人员管理' }).click();
      await choose(page, page, '状态', '待设置密码');
      await page.locator('.ant-table-row', { hasText: 'zhou.lin' }).getByRole('button', { name: '重新生成设置密码令牌' }).click();
      await page.getByText('一次性令牌').waitFor();
      await screenshot(page, 'catalogue-6-setup-token');
      await page.getByRole('dialog').locator('.ant-btn-primary').click();

      await page.locator('.ant-table-row', { hasText: 'zhou.lin' }).getByRole('button', { name: /编\s*辑/ }).click();
      const staffDialog = page.getByRole('dialog');
      await choose(page, staffDialog, '角色', '审查', true);
      await staffDialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await staffDialog.waitFor({ state: 'detached' });
      await page.locator('.ant-table-row', { hasText: 'zhou.lin' }).getByText('审查', { exact: true }).waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
    });
    const head = await admin.get('/api/admin/departments/LCJ');
    expect(head.body.head).toEqual(expect.objectContaining({ name: '审批负责人 高峰' }));
    const member = await admin.get(`/api/admin/staff/${pending.body.id}`);
    expect([...member.body.roles].sort()).toEqual(['reviewer', 'window_staff']);
  });

  it('lets the designer bind a published matter of the process\'s kind to it', async () => {
    await as('designer1', async (page) => {
      await page.getByRole('button', { name: 'notification-commitment' }).click();
      await choose(page, page, '事项（已发布，同一办理类型）', 'SCJG-XK-012');
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await page.getByRole('button', { name: /绑\s*定/ }).click();
      await page.getByText(/已绑定：新办件使用 notification-commitment v\d+/).waitFor();
      await screenshot(page, 'catalogue-7-designer-binding');
    });
  });
});
