import { describe, expect, it } from '@jest/globals';
import { materialItemProblems, type MaterialItemFields, matterProblems, type MatterFields } from '../../src/catalog/matter-rules.js';

// Only the fields the rules read; the rest of a matter does not matter to them.
const matter = (fields: Partial<MatterFields> = {}) =>
  ({
    kind: 'standard', caseType: 'commitment', legalLimitDays: 20, promisedLimitDays: 10, limitUnit: 'working_days', warningWorkingDays: 3,
    chargesFee: false, feeBasis: null, onlinePayment: false, siteVisits: 0, siteVisitReason: null, consultationPhone: '0471-4602318', complaintPhone: '12345',
    ...fields,
  }) as MatterFields;

const item = (fields: Partial<MaterialItemFields> = {}) =>
  ({ form: 'paper', originalCopies: 1, photocopies: 0, source: 'applicant', issuer: null, ...fields }) as MaterialItemFields;

const fieldsOf = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('the rules between a matter’s fields', () => {
  it.each([
    ['the demo’s standard matter', {}],
    ['a promised limit equal to the legal one', { promisedLimitDays: 20 }],
    ['a warning as long as the promised limit', { promisedLimitDays: 3 }],
    ['an instant matter decided the same day, whatever its warning', { kind: 'instant', caseType: 'instant', promisedLimitDays: 0 }],
    ['a parallel approval of exactly 45 working days', { kind: 'parallel', legalLimitDays: 45 }],
    ['a standard matter counted in calendar days', { limitUnit: 'calendar_days' }],
    ['a fee with its basis, paid online', { chargesFee: true, feeBasis: '《草原法》第三十九条', onlinePayment: true }],
    ['one visit with its reason', { siteVisits: 1, siteVisitReason: '核验原件' }],
  ] as [string, Partial<MatterFields>][])('accept %s', (_what, fields) => {
    expect(matterProblems(matter(fields))).toEqual([]);
  });

  it.each([
    [{ promisedLimitDays: 21 }, ['promisedLimitDays']],
    [{ kind: 'instant' }, ['caseType']],
    [{ caseType: 'instant' }, ['caseType']],
    [{ kind: 'parallel', legalLimitDays: 46, limitUnit: 'calendar_days' }, ['limitUnit', 'legalLimitDays']],
    [{ promisedLimitDays: 2 }, ['warningWorkingDays']],
    [{ chargesFee: true, feeBasis: '' }, ['feeBasis']],
    [{ onlinePayment: true }, ['onlinePayment']],
    [{ siteVisits: 2 }, ['siteVisitReason']],
    [{ complaintPhone: '0471-4602318' }, ['complaintPhone']],
  ] as [Partial<MatterFields>, string[]][])('refuse %j, naming %j', (fields, named) => {
    expect(fieldsOf(matterProblems(matter(fields)))).toEqual(named);
  });
});

describe('the rules between a material item’s fields', () => {
  it.each([
    [{}, []],
    [{ form: 'electronic', originalCopies: 0 }, []],
    [{ form: 'electronic' }, ['originalCopies']],
    [{ form: 'electronic', originalCopies: 0, photocopies: 1 }, ['photocopies']],
    [{ form: 'paper_and_electronic', originalCopies: 0 }, ['originalCopies']],
    [{ source: 'government' }, ['issuer']],
    [{ source: 'other', issuer: '测绘单位' }, []],
  ] as [Partial<MaterialItemFields>, string[]][])('%j: %j', (fields, named) => {
    expect(fieldsOf(materialItemProblems(item(fields)))).toEqual(named);
  });
});
