import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { api } from '../support/http.js';
import { residentId } from '../support/identities.js';
import {
  basicInformation, type Client, deploy, type Deployment, download, fileSubmittedCase, handOverDetails, loginAs, MATTER_OF_PROCESS, matterByCode,
  MODES, newApplicant, uploadSmallMaterial, waitForStage,
} from '../support/tongban.js';

type Staff = 'window1' | 'reviewer1' | 'decider1' | 'supervisor1' | 'admin1';
const STAFF: Staff[] = ['window1', 'reviewer1', 'decider1', 'supervisor1', 'admin1'];

const INSTANT = MATTER_OF_PROCESS.instant; // SCJG, promised in 1 working day
const GRASSLAND = MATTER_OF_PROCESS['standard-licensing']; // LCJ, promised in 10 working days
// A name with a quote and a comma: the CSV must quote it by RFC 4180.
const SCJG_NAME = '市场监督管理局 "Market", Regulation';

const figures = (values: Record<string, number | null>) => ({
  received: 0, accepted: 0, refused: 0, completed: 0, onTime: 0, late: 0, averageWorkingDays: null, p90WorkingDays: null,
  onlineShare: null, supplementationRate: null, ratings: 0, averageRating: null, poorRatings: 0, ...values,
});

/*
 * Eight cases driven through the real API at fixed Beijing dates of December 2026 and January 2027 (the test
 * clock; no holiday in December 2026, 2027 loaded with New Year's Day). Working days between Dec 1 and Dec 22: 15.
 *   A instant, online: granted Dec 1 (0 working days, on time), rated 1
 *   B instant, online: refused at acceptance Dec 1, rated 5 (poor)
 *   C instant, walk-in: granted Dec 1 (0, on time)
 *   D grassland: accepted Dec 1, granted and delivered Dec 3 (2, promised Dec 15: on time)
 *   E grassland: supplementation notice Dec 1, accepted Dec 3, delivered Dec 22 (15, promised Dec 17: late), rated 4 (poor)
 *   G grassland: accepted Dec 1, special procedure Dec 3–8 (3 paused days), denied and delivered Dec 22 (15 − 3 = 12, promised Dec 18: late)
 *   H instant, online: filed and granted Jan 5, 2027 (0, on time), rated 2
 *   I grassland: filed and accepted Jan 5, 2027, still open
 */
const LCJ = figures({
  received: 4, accepted: 4, completed: 3, onTime: 1, late: 2, averageWorkingDays: 9.67, p90WorkingDays: 14.4,
  onlineShare: 1, supplementationRate: 0.25, ratings: 1, averageRating: 4, poorRatings: 1,
});
const SCJG = figures({
  received: 4, accepted: 3, refused: 1, completed: 3, onTime: 3, averageWorkingDays: 0, p90WorkingDays: 0,
  onlineShare: 0.75, supplementationRate: 0, ratings: 3, averageRating: 2.67, poorRatings: 1,
});
const TOTALS = figures({
  received: 8, accepted: 7, refused: 1, completed: 6, onTime: 4, late: 2, averageWorkingDays: 4.83, p90WorkingDays: 13.5,
  onlineShare: 0.875, supplementationRate: 0.125, ratings: 4, averageRating: 3, poorRatings: 2,
});
const BY_MONTH = {
  'LCJ 2026-12': figures({
    received: 3, accepted: 3, completed: 3, onTime: 1, late: 2, averageWorkingDays: 9.67, p90WorkingDays: 14.4,
    onlineShare: 1, supplementationRate: 0.3333, ratings: 1, averageRating: 4, poorRatings: 1,
  }),
  'LCJ 2027-01': figures({ received: 1, accepted: 1, onlineShare: 1, supplementationRate: 0 }),
  'SCJG 2026-12': figures({
    received: 3, accepted: 2, refused: 1, completed: 2, onTime: 2, averageWorkingDays: 0, p90WorkingDays: 0,
    onlineShare: 0.6667, supplementationRate: 0, ratings: 2, averageRating: 3, poorRatings: 1,
  }),
  'SCJG 2027-01': figures({
    received: 1, accepted: 1, completed: 1, onTime: 1, averageWorkingDays: 0, p90WorkingDays: 0,
    onlineShare: 1, supplementationRate: 0, ratings: 1, averageRating: 2,
  }),
};
const PERIOD = 'from=2026-12-01&to=2027-01-31';

describe.each(MODES)('statistics over a set of cases whose figures are known (%s mode)', (mode) => {
  let deployment: Deployment;
  const staff = {} as Record<Staff, Client>;
  let applicant: { username: string; client: Client };
  const matterIds = {} as Record<'instant' | 'grassland', string>;

  /** Sessions last 12 hours of the product's time: everyone logs in again after the clock moves. */
  async function moveTo(now: string): Promise<void> {
    const moved = await api(deployment.baseUrl).post('/api/test/clock', { now });
    if (moved.status !== 200) throw new Error(`moving the clock to ${now}: ${moved.status} ${JSON.stringify(moved.body)}`);
    for (const name of STAFF) staff[name] = await loginAs(deployment, name);
    applicant.client = await loginAs(deployment, applicant.username, 'Grassland-2026');
  }
  async function act(who: Staff | 'applicant', caseId: string, action: string, body: object = {}): Promise<void> {
    const client = who === 'applicant' ? applicant.client : staff[who];
    const response = await client.post(`/api/cases/${caseId}/actions/${action}`, { comment: `${action} 统计测试`, ...body });
    if (response.status !== 200) throw new Error(`${who} ${action}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  async function rate(caseId: string, level: number): Promise<void> {
    const rated = await applicant.client.post(`/api/cases/${caseId}/rating`, { level, reason: level >= 4 ? '办理时间过长' : undefined });
    if (rated.status !== 201) throw new Error(`rating: ${rated.status} ${JSON.stringify(rated.body)}`);
  }
  const fileOnline = (matterCode: string) => fileSubmittedCase(deployment, applicant.client, matterCode);
  async function fileAtTheWindow(matterCode: string): Promise<string> {
    const matter = await matterByCode(deployment, matterCode);
    const draft = await staff.window1.post('/api/walk-in-cases', { ...basicInformation(matter.id), applicantKind: 'person', idType: 'resident_id', idNumber: residentId() });
    if (draft.status !== 201) throw new Error(`walk-in refused: ${JSON.stringify(draft.body)}`);
    for (const item of matter.requiredMaterials.filter((m: { isRequired: boolean }) => m.isRequired)) {
      expect((await uploadSmallMaterial(deployment, staff.window1, draft.body.id, item.id)).status).toBe(201);
      expect((await staff.window1.put(`/api/cases/${draft.body.id}/paper-materials/${item.id}`, { originals: 1, photocopies: 0 })).status).toBe(200);
    }
    await act('window1', draft.body.id, 'submit');
    return draft.body.id;
  }
  async function grantAndDeliver(caseId: string, decision: 'grant' | 'deny'): Promise<void> {
    await act('reviewer1', caseId, decision === 'grant' ? 'approve' : 'reject');
    await act('decider1', caseId, decision);
    await waitForStage(staff.window1, caseId, 'delivery');
    await act('window1', caseId, 'deliver', handOverDetails('deliver'));
  }
  const statistics = (client: Client, query: string) => client.get(`/api/statistics?${query}`);

  beforeAll(async () => {
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TEST_CLOCK: '1' } });
    applicant = await newApplicant(deployment);
    matterIds.instant = (await matterByCode(deployment, INSTANT)).id;
    matterIds.grassland = (await matterByCode(deployment, GRASSLAND)).id;

    await moveTo('2026-12-01T09:00:00+08:00');
    await staff.admin1.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦 New Year’s Day' });
    await staff.admin1.put('/api/calendar/years/2027', {});
    expect((await staff.admin1.put('/api/admin/departments/SCJG', { name: SCJG_NAME })).status).toBe(200);
    const [a, b] = [await fileOnline(INSTANT), await fileOnline(INSTANT)];
    const c = await fileAtTheWindow(INSTANT);
    const [d, e, g] = [await fileOnline(GRASSLAND), await fileOnline(GRASSLAND), await fileOnline(GRASSLAND)];
    await act('window1', a, 'grant');
    await act('window1', b, 'refuse');
    await act('window1', c, 'grant');
    for (const accepted of [d, g]) {
      await act('window1', accepted, 'preAccept');
      await act('window1', accepted, 'accept');
    }
    await act('window1', e, 'requestSupplement');
    await waitForStage(staff.window1, a, 'completedGranted');
    await waitForStage(staff.window1, b, 'notAccepted');
    await waitForStage(staff.window1, c, 'completedGranted');
    await rate(a, 1);
    await rate(b, 5);

    await moveTo('2026-12-03T10:00:00+08:00');
    await waitForStage(staff.window1, e, 'supplementation');
    await act('applicant', e, 'supplement');
    await act('window1', e, 'accept');
    await grantAndDeliver(d, 'grant');
    await act('reviewer1', g, 'startSpecialProcedure', { specialProcedure: { kind: 'expertReview', expectedWorkingDays: 3 } });

    await moveTo('2026-12-08T10:00:00+08:00');
    await act('reviewer1', g, 'endSpecialProcedure');

    await moveTo('2026-12-22T10:00:00+08:00');
    await grantAndDeliver(e, 'grant');
    await grantAndDeliver(g, 'deny');
    await waitForStage(staff.window1, e, 'completedGranted');
    await waitForStage(staff.window1, g, 'completedRefused');
    await rate(e, 4);

    await moveTo('2027-01-05T10:00:00+08:00');
    const [h, i] = [await fileOnline(INSTANT), await fileOnline(GRASSLAND)];
    await act('window1', h, 'grant');
    await act('window1', i, 'preAccept');
    await act('window1', i, 'accept');
    await waitForStage(staff.window1, h, 'completedGranted');
    await rate(h, 2);
  }, 240_000);
  afterAll(() => deployment?.stop());

  it('counts each figure per department over the period, with the totals', async () => {
    const response = await statistics(staff.supervisor1, `${PERIOD}&groupBy=department`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      from: '2026-12-01', to: '2027-01-31', groupBy: 'department',
      rows: [
        { key: 'LCJ', name: '市林业和草原局 Forestry and Grassland Bureau', month: null, ...LCJ },
        { key: 'SCJG', name: SCJG_NAME, month: null, ...SCJG },
      ],
      totals: TOTALS,
    });
  });

  it('counts the same per matter, keyed by the matter’s id', async () => {
    const response = await statistics(staff.admin1, `${PERIOD}&groupBy=matter`);
    expect(response.status).toBe(200);
    const byKey = Object.fromEntries(response.body.rows.map((row: { key: string }) => [row.key, row]));
    expect(Object.keys(byKey).sort()).toEqual([matterIds.grassland, matterIds.instant].sort());
    expect(byKey[matterIds.grassland]).toEqual({ key: matterIds.grassland, name: '临时占用草原审核', month: null, ...LCJ });
    expect(byKey[matterIds.instant]).toEqual({ key: matterIds.instant, name: '食品经营许可注销', month: null, ...SCJG });
    expect(response.body.totals).toEqual(TOTALS);
  });

  it('splits each group by month, the totals still over the whole period', async () => {
    const response = await statistics(staff.supervisor1, `${PERIOD}&groupBy=department&byMonth=true`);
    expect(response.status).toBe(200);
    const byMonth = Object.fromEntries(response.body.rows.map(({ key, name: _name, month, ...rest }: any) => [`${key} ${month}`, rest]));
    expect(byMonth).toEqual(BY_MONTH);
    expect(response.body.rows.map((row: { key: string; month: string }) => `${row.key} ${row.month}`)).toEqual(Object.keys(BY_MONTH));
    expect(response.body.totals).toEqual(TOTALS);
  });

  it('counts only what happened in the period, and gives no share of nothing', async () => {
    const response = await statistics(staff.supervisor1, 'from=2026-12-02&to=2026-12-31');
    expect(response.status).toBe(200);
    const lcj = figures({
      accepted: 1, completed: 3, onTime: 1, late: 2, averageWorkingDays: 9.67, p90WorkingDays: 14.4,
      supplementationRate: 1, ratings: 1, averageRating: 4, poorRatings: 1,
    });
    expect(response.body.rows).toEqual([{ key: 'LCJ', name: expect.any(String), month: null, ...lcj }]);
    expect(response.body.totals).toEqual(lcj);
    const nothing = await statistics(staff.supervisor1, 'from=2026-11-01&to=2026-11-30');
    expect(nothing.body).toEqual({ from: '2026-11-01', to: '2026-11-30', groupBy: 'department', rows: [], totals: figures({}) });
  });

  it('filters by department and by matter', async () => {
    const scjg = await statistics(staff.supervisor1, `${PERIOD}&department=SCJG`);
    expect(scjg.body.rows.map((row: { key: string }) => row.key)).toEqual(['SCJG']);
    expect(scjg.body.totals).toEqual(SCJG);
    const grassland = await statistics(staff.supervisor1, `${PERIOD}&groupBy=matter&matterId=${matterIds.grassland}`);
    expect(grassland.body.rows.map((row: { key: string }) => row.key)).toEqual([matterIds.grassland]);
    expect(grassland.body.totals).toEqual(LCJ);
  });

  it('shows a decider or reviewer only the departments they serve', async () => {
    // decider1 serves LCJ and ZRZY; reviewer1 LCJ and SCJG.
    const decider = await statistics(staff.decider1, PERIOD);
    expect(decider.status).toBe(200);
    expect(decider.body.rows.map((row: { key: string }) => row.key)).toEqual(['LCJ']);
    expect(decider.body.totals).toEqual(LCJ);
    const elsewhere = await statistics(staff.decider1, `${PERIOD}&department=SCJG`);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('DEPARTMENT_NOT_SERVED');
    expect((await staff.decider1.get(`/api/statistics/export.csv?${PERIOD}&department=SCJG`)).status).toBe(403);
    const reviewer = await statistics(staff.reviewer1, PERIOD);
    expect(reviewer.body.rows.map((row: { key: string }) => row.key)).toEqual(['LCJ', 'SCJG']);
  });

  it('refuses window staff and applicants', async () => {
    for (const client of [staff.window1, applicant.client]) {
      const refused = await statistics(client, PERIOD);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ROLE_NOT_ALLOWED');
    }
    expect((await api(deployment.baseUrl).get(`/api/statistics?${PERIOD}`)).status).toBe(401);
  });

  it('refuses a bad query field by field', async () => {
    const fieldsOf = async (query: string) => {
      const response = await statistics(staff.supervisor1, query);
      expect(response.status).toBe(400);
      return response.body.details.fields.map((f: { field: string }) => f.field).sort();
    };
    expect(await fieldsOf('from=2026-12-31&to=2026-12-01')).toEqual(['to']);
    expect(await fieldsOf('from=2026-01-01&to=2027-01-02')).toEqual(['to']);
    expect(await fieldsOf('to=2026-02-30&groupBy=case&byMonth=yes&matterId=1')).toEqual(['byMonth', 'from', 'groupBy', 'matterId', 'to']);
    expect(await fieldsOf(`${PERIOD}&colour=red`)).toEqual(['colour']);
    // A leap year is one period: 366 days, both ends counted.
    expect((await statistics(staff.supervisor1, 'from=2028-01-01&to=2028-12-31')).status).toBe(200);
  });

  it('exports a workbook with a sheet per grouping: bilingual headers, numbers as numbers, shares as percentages', async () => {
    const file = await download(deployment, staff.supervisor1, `/api/statistics/export.xlsx?${PERIOD}&groupBy=matter`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('统计分析-2026-12-01-2027-01-31.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['按事项 By matter', '按部门 By department']);
    const sheet = workbook.getWorksheet('按部门 By department')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      '部门代码 Department code', '部门 Department', '月份 Month', '收件 Received', '受理 Accepted', '不予受理 Refused at acceptance', '办结 Completed',
      '按期办结 On time', '超期办结 Late', '平均办理工作日 Average working days', '90%分位办理工作日 P90 working days', '网办占比 Filed online',
      '补正率 Supplementation rate', '评价数 Ratings', '平均评价等级（1最好）Average rating (1 is best)', '差评数 Poor ratings',
    ]);
    expect(values(2)).toEqual(['LCJ', '市林业和草原局 Forestry and Grassland Bureau', undefined, 4, 4, 0, 3, 1, 2, 9.67, 14.4, 1, 0.25, 1, 4, 1]);
    expect(values(3)).toEqual(['SCJG', SCJG_NAME, undefined, 4, 3, 1, 3, 3, 0, 0, 0, 0.75, 0, 3, 2.67, 1]);
    expect(values(4)).toEqual(['合计 Total', undefined, undefined, 8, 7, 1, 6, 4, 2, 4.83, 13.5, 0.875, 0.125, 4, 3, 2]);
    expect(sheet.getCell('L3').numFmt).toBe('0.0%');
    expect(sheet.getCell('J2').numFmt).toBe('0.00');
    expect(sheet.rowCount).toBe(4);
    const matters = workbook.getWorksheet('按事项 By matter')!;
    expect(matters.getCell('A1').value).toBe('事项标识 Matter id');
    expect(matters.rowCount).toBe(4);
  });

  it('exports a CSV that Excel reads as UTF-8, quoted by RFC 4180', async () => {
    const file = await download(deployment, staff.supervisor1, `/api/statistics/export.csv?${PERIOD}&byMonth=true`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '部门代码 Department code,部门 Department,月份 Month,收件 Received,受理 Accepted,不予受理 Refused at acceptance,办结 Completed,按期办结 On time,'
      + '超期办结 Late,平均办理工作日 Average working days,90%分位办理工作日 P90 working days,网办占比 Filed online,补正率 Supplementation rate,'
      + '评价数 Ratings,平均评价等级（1最好）Average rating (1 is best),差评数 Poor ratings',
    );
    expect(lines.slice(1)).toEqual([
      'LCJ,市林业和草原局 Forestry and Grassland Bureau,2026-12,3,3,0,3,1,2,9.67,14.4,1,0.3333,1,4,1',
      'LCJ,市林业和草原局 Forestry and Grassland Bureau,2027-01,1,1,0,0,0,0,,,1,0,0,,0',
      'SCJG,"市场监督管理局 ""Market"", Regulation",2026-12,3,2,1,2,2,0,0,0,0.6667,0,2,3,1',
      'SCJG,"市场监督管理局 ""Market"", Regulation",2027-01,1,1,0,1,1,0,0,0,1,0,1,2,0',
      '合计 Total,,,8,7,1,6,4,2,4.83,13.5,0.875,0.125,4,3,2',
      '',
    ]);
  });
});
