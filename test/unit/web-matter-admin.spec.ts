import { describe, expect, it } from '@jest/globals';
import { historyLines } from '../../web/src/lib/history-lines.js';
import { type AdminMatter, changedFields, CODE_LISTS, formValuesOf, MATTER_FIELDS, materialBody, matterBody, moved, optionsOf } from '../../web/src/lib/matter-form.js';

// The guide as GET /api/admin/matters/{id} answers it: coded values with names, result and pickup nested.
const stored: AdminMatter = {
  id: 'm1', code: 'LCJ-XK-002', name: '草原征占用审核', status: 'draft', processKey: 'standard-licensing', warningWorkingDays: 3,
  department: { id: 'd1' }, kind: 'standard', matterType: 'administrative_licence', exerciseLevel: 'municipal', caseType: 'commitment',
  serviceObjects: [{ code: 'enterprise_legal_person' }], handlingForms: [{ code: 'window' }, { code: 'online_pc' }], onlineServiceDepth: [{ code: 1 }, { code: 2 }],
  result: { type: 'document', name: '同意书', electronicLicence: true }, pickup: { methods: [{ code: 'electronic' }], place: '推送至账户' },
  legalBasis: '《草原法》', conditions: '确需使用草原的', quantityLimit: '无', legalLimitDays: 20, promisedLimitDays: 10, limitUnit: 'working_days',
  fees: '不收费', chargesFee: false, feeBasis: null, onlinePayment: false, appointmentAvailable: true, siteVisits: 0, siteVisitReason: null,
  handlingPlace: '二楼', handlingHours: '9:00—17:30', consultationPhone: '0471-4602319', complaintPhone: '0471-12345', faqs: [],
  requiredMaterials: [{ id: 'i1' }], kindName: '承诺办理',
};

describe('the web application: the matter form', () => {
  it('flattens the guide into exactly the fields the API takes, codes without their names', () => {
    const values = formValuesOf(stored);
    expect(Object.keys(values).sort()).toEqual([...MATTER_FIELDS].sort());
    expect(values).toMatchObject({
      departmentId: 'd1', serviceObjects: ['enterprise_legal_person'], handlingForms: ['window', 'online_pc'], onlineServiceDepth: [1, 2],
      resultType: 'document', resultName: '同意书', issuesElectronicLicence: true, pickupMethods: ['electronic'], pickupPlace: '推送至账户', processKey: 'standard-licensing',
    });
  });

  it('sends an empty fee basis or visit reason as null, and the lists even when left empty', () => {
    const body = matterBody({ code: 'X', feeBasis: '  ', siteVisitReason: '需核验原件', onlineServiceDepth: undefined, faqs: undefined });
    expect(body).toEqual({ code: 'X', feeBasis: null, siteVisitReason: '需核验原件', onlineServiceDepth: [], faqs: [] });
  });

  it('edits only what changed, so the trail names nothing else', () => {
    const before = formValuesOf(stored);
    expect(changedFields(before, { ...before })).toEqual({});
    expect(changedFields(before, { ...before, promisedLimitDays: 8, feeBasis: '', handlingForms: ['window'] })).toEqual({ promisedLimitDays: 8, handlingForms: ['window'] });
    expect(changedFields(before, { ...before, chargesFee: true, feeBasis: '《收费法》' })).toEqual({ chargesFee: true, feeBasis: '《收费法》' });
  });

  it('moves a material up or down, and leaves the order alone at either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('sends a material with empty issuer and notes as null', () => {
    expect(materialBody({ name: '申请书', issuer: '', fillingNotes: '加盖公章' })).toEqual({ name: '申请书', issuer: null, fillingNotes: '加盖公章' });
  });

  it('offers each code list in the language shown, numbers as numbers', () => {
    expect(optionsOf(CODE_LISTS.caseType, 'zh')).toEqual([{ value: 'instant', label: '即办件' }, { value: 'commitment', label: '承诺件' }]);
    expect(optionsOf(CODE_LISTS.onlineServiceDepth, 'en')[0]).toEqual({ value: 1, label: 'Online consultation' });
  });
});

describe('the web application: history lines', () => {
  it('lists each changed field from → to, or the other details without ids', () => {
    expect(historyLines({ matterId: 'm1', changes: { promisedLimitDays: { from: 10, to: 8 }, feeBasis: { from: null, to: '《收费法》' } } })).toEqual([
      'promisedLimitDays: 10 → 8',
      'feeBasis: — → 《收费法》',
    ]);
    expect(historyLines({ matterId: 'm1', itemId: 'i1', fileName: '申请书.docx', replaced: null })).toEqual(['fileName: 申请书.docx', 'replaced: —']);
    expect(historyLines(null)).toEqual([]);
  });
});
