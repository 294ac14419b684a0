import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { logInThroughForm, screenshot, unlabelledFields } from '../support/browser.js';
import { embeddedWalk } from '../support/web-walk.js';
import { eventually } from '../support/eventually.js';
import { unique } from '../support/identities.js';
import { fileSubmittedCase, loginAs, newApplicant, waitForStage } from '../support/tongban.js';

const APPLICANT_PASSWORD = 'Grassland-2026';

describe('web application: passwords, inbox, 我要问, public look-ups, withdrawal and refiling (embedded mode, Chromium)', () => {
  const { walk, as: asAccount } = embeddedWalk();
  let applicant: Awaited<ReturnType<typeof newApplicant>>;

  beforeAll(async () => {
    applicant = await newApplicant(walk.deployment);
  });

  // Here each walk names its password: accounts change theirs.
  const as = (username: string, password: string, work: (page: Page) => Promise<void>) => asAccount(username, work, password);

  /** A browser of someone who has not logged in, at a phone's width when asked. */
  async function anonymous(work: (page: Page) => Promise<void>, width = 1280): Promise<void> {
    const context = await walk.browser.newContext({ viewport: { width, height: 900 } });
    try {
      await work(await context.newPage());
    } finally {
      await context.close();
    }
  }

  const fitsWidth = async (page: Page, width: number) => expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

  it('lets a new member of staff set their first password with the setup token, a weak one refused under its field', async () => {
    const admin = await loginAs(walk.deployment, 'admin1');
    const username = `clerk-${unique()}`;
    const created = await admin.post('/api/admin/staff', { username, displayName: '综合窗口受理员 李娜', roles: ['window_staff'], departmentCodes: ['LCJ'] });
    expect(created.status).toBe(201);
    await anonymous(async (page) => {
      await page.goto(`${walk.deployment.baseUrl}/password/setup?token=${encodeURIComponent(created.body.passwordSetup.token)}`);
      await expect(page.getByLabel('一次性令牌').inputValue()).resolves.toBe(created.body.passwordSetup.token);
      await page.getByLabel('新密码', { exact: true }).fill('password123');
      await page.getByLabel('再次输入新密码').fill('password123');
      await page.getByRole('button', { name: /提\s*交/ }).click();
      await page.locator('.ant-form-item:has(#newPassword) .ant-form-item-explain-error').first().waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await screenshot(page, 'accounts-1-password-setup-refused');
      await page.getByLabel('新密码', { exact: true }).fill('Counter-Desk-2026');
      await page.getByLabel('再次输入新密码').fill('Counter-Desk-2026');
      await page.getByRole('button', { name: /提\s*交/ }).click();
      await page.waitForURL(/\/login$/);
      await logInThroughForm(page, walk.deployment.baseUrl, username, 'Counter-Desk-2026');
      expect(new URL(page.url()).pathname).toBe('/work/tasks');
    });
  });

  it('resets a forgotten password with the token from the inbox, then shows the unread message in the header and marks it read', async () => {
    await anonymous(async (page) => {
      await page.goto(`${walk.deployment.baseUrl}/login`);
      await page.getByRole('link', { name: '忘记密码？' }).click();
      // The login form's own 用户名 field is there until the reset page has loaded.
      await page.getByRole('heading', { name: '找回密码' }).waitFor();
      await page.getByLabel('用户名').fill(applicant.username);
      const [requested] = await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/identity/password-reset')), page.getByRole('button', { name: '获取重置令牌' }).click()]);
      expect(requested.status()).toBe(202);
      await page.getByText(/重置令牌已通过/).waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await screenshot(page, 'accounts-2-password-reset-requested');
    });
    // The token travels only by the channels: here, the account's inbox.
    const inbox = await eventually(() => applicant.client.get('/api/notifications'), (answer) => answer.body.some((n: { title: string }) => n.title.startsWith('密码重置')));
    const token = /Reset token: ([^\s(]+)/.exec(inbox.body.find((n: { title: string }) => n.title.startsWith('密码重置')).body)![1];
    const newPassword = 'Meadow-Lark-2027';
    await anonymous(async (page) => {
      await page.goto(`${walk.deployment.baseUrl}/password/reset`);
      await page.getByLabel('一次性令牌').fill(token);
      await page.getByLabel('新密码', { exact: true }).fill(newPassword);
      await page.getByLabel('再次输入新密码').fill(`${newPassword}x`);
      await page.getByRole('button', { name: /提\s*交/ }).click();
      await page.getByText('两次输入的新密码不一致').waitFor();
      await page.getByLabel('再次输入新密码').fill(newPassword);
      await page.getByRole('button', { name: /提\s*交/ }).click();
      await page.waitForURL(/\/login$/);
    });
    applicant = { username: applicant.username, client: await loginAs(walk.deployment, applicant.username, newPassword) };

    await as(applicant.username, newPassword, async (page) => {
      const bell = page.getByRole('button', { name: /站内消息/ });
      await page.waitForFunction("Number(document.querySelector('button[data-unread]')?.getAttribute('data-unread')) > 0");
      await screenshot(page, 'accounts-3-unread-in-header');
      await bell.click();
      await page.waitForURL(/\/notifications$/);
      const message = page.locator('.ant-list-item', { hasText: '密码重置' }).first();
      await message.waitFor();
      await page.waitForFunction("!document.querySelector('.ant-spin-spinning')");
      await screenshot(page, 'accounts-4-inbox');
      await message.getByRole('button', { name: '标为已读' }).click();
      await message.getByText('已读', { exact: true }).waitFor();
      await page.waitForFunction("document.querySelector('button[data-unread]')?.getAttribute('data-unread') === '0'");
      // Changing one's own password: a wrong current one is named under its field.
      await page.getByRole('button', { name: '修改密码' }).click();
      await page.getByLabel('当前密码').fill('not-my-password');
      await page.getByLabel('新密码', { exact: true }).fill(APPLICANT_PASSWORD);
      await page.getByLabel('再次输入新密码').fill(APPLICANT_PASSWORD);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-form-item:has(#currentPassword) .ant-form-item-explain-error').first().waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await page.getByLabel('当前密码').fill(newPassword);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('密码已修改').waitFor();
      await screenshot(page, 'accounts-5-password-changed');
    });
    applicant = { username: applicant.username, client: await loginAs(walk.deployment, applicant.username, APPLICANT_PASSWORD) };
  });

  it('lets the applicant ask about their case, window staff of the department answer once, and the applicant read it at a phone’s width', async () => {
    const caseId = await fileSubmittedCase(walk.deployment, applicant.client);
    const subject = `临时占用草原的期限 ${unique()}`;
    await as(applicant.username, APPLICANT_PASSWORD, async (page) => {
      await page.goto(`${walk.deployment.baseUrl}/cases/${caseId}`);
      await page.getByRole('link', { name: '就本办件咨询或投诉' }).click();
      await page.waitForURL(/\/my\/consultations\?caseId=/);
      await page.getByLabel('受理部门').click();
      await page.locator('.ant-select-item-option', { hasText: '（LCJ）' }).first().click();
      await page.getByLabel('标题').fill(subject);
      await page.getByLabel('内容').fill('请问临时占用草原最长可以多久？\n到期后能否延续？');
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await page.getByRole('button', { name: /提\s*交/ }).click();
      const card = page.locator('[data-consultation]', { hasText: subject });
      await card.getByText('待答复').waitFor();
      await screenshot(page, 'accounts-6-consultation-written');
    });
    const written = await applicant.client.get('/api/consultations/mine');
    expect(written.body.items[0]).toMatchObject({ subject, case: { id: caseId }, department: { code: 'LCJ' } });

    await as('window1', walk.deployment.passwords.window1, async (page) => {
      await page.getByRole('link', { name: '咨询投诉' }).click();
      const card = page.locator('[data-consultation]', { hasText: subject });
      await card.waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await card.getByLabel('答复', { exact: true }).fill('临时占用草原的期限一般不超过二年。\n期满前可申请延续一次。');
      await screenshot(page, 'accounts-7-consultation-to-answer');
      await card.getByRole('button', { name: '提交答复' }).click();
      // Answered: it leaves the open ones and is among the answered, with who answered.
      await card.waitFor({ state: 'detached' });
      await page.getByText('已答复', { exact: true }).first().click();
      await page.locator('[data-consultation]', { hasText: subject }).getByText(/窗口受理员 刘敏 于/).waitFor();
    });
    const second = await (await loginAs(walk.deployment, 'window1')).post(`/api/consultations/${written.body.items[0].id}/answer`, { answer: '再答一次' });
    expect(second.status).toBe(409);

    await as(applicant.username, APPLICANT_PASSWORD, async (page) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${walk.deployment.baseUrl}/my/consultations`);
      const card = page.locator('[data-consultation]', { hasText: subject });
      await card.getByText('期满前可申请延续一次').waitFor();
      await card.getByText('已答复').waitFor();
      await fitsWidth(page, 375);
      await screenshot(page, 'accounts-8-consultation-answered-phone');
    });
  });

  it('lets the applicant withdraw a submitted case with a reason', async () => {
    const caseId = await fileSubmittedCase(walk.deployment, applicant.client);
    await as(applicant.username, APPLICANT_PASSWORD, async (page) => {
      await page.goto(`${walk.deployment.baseUrl}/cases/${caseId}`);
      await page.locator('button[data-follow-up=withdraw]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '撤回申请' }).click();
      await dialog.locator('.ant-form-item-explain-error').first().waitFor();
      await dialog.getByLabel('撤回理由').fill('项目选址调整，撤回本次申请');
      await screenshot(page, 'accounts-9-withdraw');
      await dialog.getByRole('button', { name: '撤回申请' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('h3 .ant-tag', { hasText: '已撤回' }).waitFor();
      await page.locator('button[data-follow-up=refile]').waitFor();
      expect(await page.locator('button[data-follow-up=withdraw]').count()).toBe(0);
    });
    const withdrawn = await applicant.client.get(`/api/cases/${caseId}`);
    expect(withdrawn.body).toMatchObject({ stage: 'withdrawn', status: 'closed' });
  });

  it('finds a refused case by number and query code, verifies its decision without login, and files again from it', async () => {
    const caseId = await fileSubmittedCase(walk.deployment, applicant.client);
    const window = await loginAs(walk.deployment, 'window1');
    expect((await window.post(`/api/cases/${caseId}/actions/refuse`, { comment: '不属于本机关职权范围' })).status).toBe(200);
    const refused = await waitForStage(applicant.client, caseId, 'notAccepted');
    const documents = (await applicant.client.get(`/api/cases/${caseId}/documents`)).body as { title: string; verificationCode: string }[];
    const decision = documents.find((document) => document.title.includes('不予受理'))!;
    expect(decision).toBeDefined();

    await anonymous(async (page) => {
      await page.goto(`${walk.deployment.baseUrl}/`);
      await page.getByRole('link', { name: '办件查询' }).click();
      await page.waitForURL(/\/progress$/);
      // By keyboard alone, the code typed in lower case as people do: a wrong code first, then the right one.
      await page.getByLabel('办件编号').focus();
      await page.keyboard.type(refused.caseNumber.toLowerCase());
      await page.keyboard.press('Tab');
      await page.keyboard.type('ZZZZZZZZ');
      await page.keyboard.press('Enter');
      await page.locator('.ant-message').getByText(/没有与该办件编号和查询码相符的办件/).waitFor();
      await page.getByLabel('查询码').fill(refused.queryCode.toLowerCase());
      await page.keyboard.press('Enter');
      const card = page.locator('.ant-card', { hasText: refused.caseNumber });
      await card.getByText('不予受理', { exact: false }).first().waitFor();
      expect(new URL(page.url()).search).toBe(`?caseNumber=${refused.caseNumber}&queryCode=${refused.queryCode}`);
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await fitsWidth(page, 375);
      await screenshot(page, 'accounts-10-progress-phone');

      await page.goto(`${walk.deployment.baseUrl}/`);
      await page.getByRole('link', { name: '文书核验' }).click();
      await page.getByLabel('校验码').fill(decision.verificationCode.toLowerCase());
      await page.getByRole('button', { name: '文书核验' }).click();
      await page.getByText('核验通过').waitFor();
      await page.locator('.ant-descriptions').getByText(refused.caseNumber).waitFor();
      await page.locator('.ant-descriptions').getByText(decision.title).waitFor();
      await expect(unlabelledFields(page)).resolves.toEqual([]);
      await fitsWidth(page, 375);
      await screenshot(page, 'accounts-11-document-verified-phone');
    }, 375);

    await as(applicant.username, APPLICANT_PASSWORD, async (page) => {
      await page.goto(`${walk.deployment.baseUrl}/cases/${caseId}`);
      await page.locator('button[data-follow-up=refile]').click();
      await page.waitForURL(/\/my\/cases\/[0-9a-f-]+\/edit$/);
      const draftId = new URL(page.url()).pathname.split('/')[3];
      expect(draftId).not.toBe(caseId);
      const draft = await applicant.client.get(`/api/cases/${draftId}`);
      expect(draft.body).toMatchObject({ stage: expect.any(String), submittedAt: null, basicInformation: { projectName: refused.basicInformation.projectName } });
      await screenshot(page, 'accounts-12-refiled-draft');
    });
  });
});
