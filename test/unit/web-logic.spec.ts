import { describe, expect, it } from '@jest/globals';
import { actionBody } from '../../web/src/lib/action-forms.js';
import { ApiError, formFieldErrors } from '../../web/src/lib/api-errors.js';
import { boardQuery, DEFAULT_BOARD_FILTER, daysLeftText, parseBoardFilter } from '../../web/src/lib/board-query.js';
import { hasDiagram, positionMarks, problemsByElement } from '../../web/src/lib/diagram-marks.js';
import { homeFor, menuFor } from '../../web/src/lib/menu.js';
import { beijingDate, beijingTime } from '../../web/src/lib/time.js';
import { monthlySeries, onTimeRate, percent, type StatisticsRow, statisticsQuery, volumeSeries } from '../../web/src/lib/statistics-series.js';

const row = (key: string, name: string, month: string | null, received: number, onTime = 0, late = 0): StatisticsRow => ({
  key, name, month, received, accepted: received, refused: 0, completed: onTime + late, onTime, late,
  averageWorkingDays: null, p90WorkingDays: null, onlineShare: null, supplementationRate: null, ratings: 0, averageRating: null, poorRatings: 0,
});

describe('the web application: board filter', () => {
  it('writes only what is set, alerts in a fixed order, as the board endpoint takes them', () => {
    expect(boardQuery(DEFAULT_BOARD_FILTER)).toBe('alert=red%2Cyellow&page=1&pageSize=20');
    expect(boardQuery({ alert: ['yellow', 'red'], department: 'LCJ', legalStage: 'review', urged: false, page: 2, pageSize: 50 })).toBe(
      'alert=red%2Cyellow&department=LCJ&legalStage=review&urged=false&page=2&pageSize=50',
    );
    expect(boardQuery({ alert: [], matterId: 'm-1', urged: true, page: 1, pageSize: 20 })).toBe('matterId=m-1&urged=true&page=1&pageSize=20');
  });

  it('reads a URL back to the same filter, and ignores what it does not understand', () => {
    const filter = { alert: ['red' as const], department: 'HJ', urged: true, page: 3, pageSize: 10 };
    expect(parseBoardFilter(boardQuery(filter))).toEqual({ ...filter, matterId: undefined, legalStage: undefined });
    expect(parseBoardFilter('')).toEqual({ ...DEFAULT_BOARD_FILTER, department: undefined, matterId: undefined, legalStage: undefined, urged: undefined });
    expect(parseBoardFilter('alert=purple,green&page=-2&pageSize=100000&urged=maybe')).toMatchObject({ alert: ['green'], page: 1, pageSize: 100, urged: undefined });
  });

  it('says working days left, and overdue ones as overdue', () => {
    expect(daysLeftText(3, 'zh')).toBe('剩 3 个工作日');
    expect(daysLeftText(-2, 'zh')).toBe('超期 2 个工作日');
    expect(daysLeftText(-1, 'en')).toBe('1 working days overdue');
    expect(daysLeftText(null, 'en')).toBe('—');
  });
});

describe('the web application: statistics into charts', () => {
  const rows = [row('LCJ', '林草局', '2026-10', 4, 2, 1), row('LCJ', '林草局', '2026-11', 6, 3, 0), row('HJ', '生态环境局', '2026-11', 2)];

  it('adds the months of one department up into one bar', () => {
    expect(volumeSeries(rows)).toEqual([
      { name: '林草局', received: 10, completed: 6, onTime: 5, late: 1 },
      { name: '生态环境局', received: 2, completed: 0, onTime: 0, late: 0 },
    ]);
  });

  it('pivots months into points with one line per name, a month without cases as 0', () => {
    expect(monthlySeries(rows)).toEqual({
      names: ['林草局', '生态环境局'],
      months: [
        { month: '2026-10', 林草局: 4, 生态环境局: 0 },
        { month: '2026-11', 林草局: 6, 生态环境局: 2 },
      ],
    });
    expect(monthlySeries([row('LCJ', '林草局', null, 4)])).toEqual({ names: [], months: [] });
  });

  it('formats shares and the on-time rate, with no finished case as no rate', () => {
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(null)).toBe('—');
    expect(onTimeRate({ onTime: 3, late: 1 })).toBe(0.75);
    expect(onTimeRate({ onTime: 0, late: 0 })).toBeNull();
  });

  it('asks for the period and grouping, filters only when chosen', () => {
    expect(statisticsQuery({ from: '2026-01-01', to: '2026-11-29', groupBy: 'matter', byMonth: true })).toBe('from=2026-01-01&to=2026-11-29&groupBy=matter&byMonth=true');
    expect(statisticsQuery({ from: '2026-01-01', to: '2026-01-31', groupBy: 'department', byMonth: false, department: 'LCJ' })).toContain('department=LCJ');
  });
});

describe('the web application: errors next to fields', () => {
  const validation = {
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: { zh: '请求内容未通过校验', en: 'The request failed validation' },
    details: { fields: [{ field: 'handlerPhone', problems: ['handlerPhone must be a mobile number'] }, { field: 'walkIn.applicantDocument', problems: ['bad'] }, { field: 'matterId', problems: ['missing'] }] },
  };

  it('reads the API error shape in either language, and marks the fields the form shows', () => {
    const error = new ApiError(400, validation);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.text('zh')).toBe('请求内容未通过校验');
    expect(error.text('en')).toBe('The request failed validation');
    const { marked, unshown } = formFieldErrors(error.fields, ['handlerPhone', 'walkIn.applicantDocument']);
    expect(marked).toEqual([
      { name: ['handlerPhone'], errors: ['handlerPhone must be a mobile number'] },
      { name: ['walkIn', 'applicantDocument'], errors: ['bad'] },
    ]);
    expect(unshown).toEqual([{ field: 'matterId', problems: ['missing'] }]);
  });

  it('still has something to say for a proxy page or no connection', () => {
    expect(new ApiError(502, '<html>').text('zh')).toBe('请求失败（502）');
    expect(new ApiError(0, null).code).toBe('NETWORK');
  });
});

describe('the web application: menus per role', () => {
  it('shows each role its pages once, after the public catalogue', () => {
    expect(menuFor([]).map((entry) => entry.path)).toEqual(['/']);
    expect(menuFor(['reviewer', 'decider']).map((entry) => entry.path)).toEqual(['/', '/work/tasks', '/work/consultations']);
    expect(menuFor(['supervisor']).map((entry) => entry.path)).toEqual(['/', '/supervision/board', '/supervision/incidents', '/supervision/statistics', '/work/consultations']);
    // Statistics are the administrators' too (the API shows them every department), listed once for someone who is both.
    expect(menuFor(['supervisor', 'administrator']).filter((entry) => entry.path === '/supervision/statistics')).toHaveLength(1);
  });

  it('lands each user on their first page of work', () => {
    expect(homeFor(['applicant'])).toBe('/my/cases');
    expect(homeFor(['window_staff'])).toBe('/work/tasks');
    expect(homeFor(['supervisor'])).toBe('/supervision/board');
  });
});

describe('the web application: action forms', () => {
  it('sends only what the action takes, without empty values', () => {
    const values = { comment: '  材料齐全 ', competentAuthority: '', postal: { carrier: 'EMS', trackingNumber: '1', address: '呼和浩特' }, pickup: { name: '王五' } };
    expect(actionBody('accept', values)).toEqual({ comment: '材料齐全' });
    expect(actionBody('refuse', values)).toEqual({ comment: '材料齐全' });
    expect(actionBody('refuse', { competentAuthority: '市自然资源局' })).toEqual({ competentAuthority: '市自然资源局' });
    expect(actionBody('deliver', values)).toEqual({ comment: '材料齐全', postal: values.postal });
    expect(actionBody('approve', { comment: ' ' })).toEqual({});
  });

  it('keeps the defects of a supplementation notice that say something, the whole filing\'s without an item', () => {
    const body = actionBody('requestSupplement', { supplementItems: [{ requiredMaterialId: 'item-1', problem: ' 缺少签章 ' }, { problem: '' }, { requiredMaterialId: '', problem: '申请表填写不全' }] });
    expect(body).toEqual({ supplementItems: [{ requiredMaterialId: 'item-1', problem: '缺少签章' }, { problem: '申请表填写不全' }] });
  });
});

describe('the web application: marks on a diagram', () => {
  it('marks where a case has been, waits and failed, the most telling mark winning', () => {
    const marks = positionMarks({
      visited: [{ elementId: 'application', times: 1 }, { elementId: 'review', times: 2 }, { elementId: 'notifyRefusal', times: 1 }],
      flowsTaken: ['flow1'],
      waitingAt: ['review'],
      failedAt: ['notifyRefusal'],
      endedAt: null,
    });
    expect(marks).toEqual([
      { elementId: 'application', className: 'tb-visited' },
      { elementId: 'review', className: 'tb-waiting' },
      { elementId: 'notifyRefusal', className: 'tb-failed' },
      { elementId: 'flow1', className: 'tb-visited' },
    ]);
    expect(positionMarks({ visited: [{ elementId: 'end', times: 1 }], flowsTaken: [], waitingAt: [], failedAt: [], endedAt: 'end' })).toEqual([{ elementId: 'end', className: 'tb-ended' }]);
  });

  it('groups the validator\'s problems by element, the file\'s own under null, and ignores a body without them', () => {
    const problem = (elementId: string | null, rule: string) => ({ elementId, rule, message: { zh: rule, en: rule } });
    const byElement = problemsByElement({ problems: [problem('task', 'user-task-role'), problem('task', 'user-task-stage'), problem(null, 'no-kind')] });
    expect([...byElement.keys()]).toEqual(['task', null]);
    expect(byElement.get('task')!.map((found) => found.rule)).toEqual(['user-task-role', 'user-task-stage']);
    expect(problemsByElement(null).size).toBe(0);
    expect(problemsByElement({ fields: [] }).size).toBe(0);
  });

  it('tells a file with its own diagram from one to lay out', () => {
    expect(hasDiagram('<bpmn:definitions><bpmndi:BPMNDiagram id="d"/></bpmn:definitions>')).toBe(true);
    expect(hasDiagram('<definitions><BPMNDiagram/></definitions>')).toBe(true);
    expect(hasDiagram('<bpmn:definitions><bpmn:process id="p"/></bpmn:definitions>')).toBe(false);
  });
});

describe('the web application: times in Beijing', () => {
  it('shows a moment from the API as the centre reads it, and a deadline on its Beijing day', () => {
    expect(beijingTime('2026-11-29T09:28:00.000Z')).toBe('2026-11-29 17:28');
    expect(beijingDate('2026-12-09T16:30:00.000Z')).toBe('2026-12-10');
    expect(beijingDate('2026-12-11')).toBe('2026-12-11');
    expect(beijingTime(null)).toBe('—');
    expect(beijingTime('not a date')).toBe('—');
  });
});
