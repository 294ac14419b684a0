import { describe, expect, it } from '@jest/globals';
import type { AppError } from '../../src/common/app-error.js';
import {
  OrganisationProfileDto, OrganisationRegistrationDto, PersonProfileDto, PersonRegistrationDto, RegisterApplicantDto,
} from '../../src/identity/identity.dto.js';
import { validateBody } from '../../src/identity/validate-body.js';

const person = {
  kind: 'person', username: 'zhang.san', password: 'Grassland-2026', name: '张三', idType: 'resident_id', idNumber: '11010519491231002X',
  mobile: '13800000000', email: 'zhang.san@example.cn',
};
const organisation = {
  kind: 'organisation', username: 'tencent.admin', password: 'Grassland-2026', name: '深圳市腾讯计算机系统有限公司', creditCode: '91440300708461136T',
  legalRepresentativeName: '马化腾', legalRepresentativeIdType: 'resident_id', legalRepresentativeIdNumber: '440524188001010014',
  address: '深圳市南山区科技中一路腾讯大厦', contactName: '赵六', contactPhone: '0755-86013388',
};

/** The fields a body is refused for, each with its problems; {} when it passes. */
async function refusals(dto: new () => object, body: unknown): Promise<Record<string, string[]>> {
  try {
    await validateBody(dto, body);
    return {};
  } catch (error) {
    const body = (error as AppError).body as { code: string; details: { fields: { field: string; problems: string[] }[] } };
    expect(body.code).toBe('VALIDATION_FAILED');
    return Object.fromEntries(body.details.fields.map((f) => [f.field, f.problems]));
  }
}

describe('the registration and profile forms, field by field', () => {
  it('takes a person, normalising the ID number (spaces, lower-case x)', async () => {
    const dto = (await validateBody(PersonRegistrationDto, { ...person, idNumber: '110105 19491231 002x' })) as PersonRegistrationDto;
    expect(dto.idNumber).toBe('11010519491231002X');
  });

  it('takes an organisation, with or without mobile and e-mail', async () => {
    expect(await refusals(OrganisationRegistrationDto, organisation)).toEqual({});
    expect(await refusals(OrganisationRegistrationDto, { ...organisation, mobile: '13800000000', email: 'office@example.cn' })).toEqual({});
    const dto = (await validateBody(OrganisationRegistrationDto, { ...organisation, creditCode: '9144 0300 7084 6113 6t' })) as OrganisationRegistrationDto;
    expect(dto.creditCode).toBe('91440300708461136T');
  });

  it('names each wrong field of a person and says what is wrong', async () => {
    const refused = await refusals(PersonRegistrationDto, {
      ...person, idNumber: '110105194912310021', mobile: '23800000000', email: 'zhang.san', password: 'grassland', name: '张三3',
    });
    expect(Object.keys(refused).sort()).toEqual(['email', 'idNumber', 'mobile', 'name', 'password']);
    expect(refused.idNumber).toEqual(['idNumber has a wrong check character (the last one): a digit was probably mistyped']);
    expect(refused.password).toHaveLength(2);
  });

  it('checks the number by the chosen document type', async () => {
    expect(await refusals(PersonRegistrationDto, { ...person, idType: 'passport', idNumber: 'E12345678' })).toEqual({});
    expect(await refusals(PersonRegistrationDto, { ...person, idType: 'hk_macao_permit', idNumber: 'E12345678' })).toEqual({
      idNumber: ['idNumber must be H or M followed by 8 digits (10 on older permits), such as H12345678'],
    });
    expect(Object.keys(await refusals(PersonRegistrationDto, { ...person, idType: 'driving_licence' }))).toEqual(['idType']);
  });

  it('names the wrong fields of an organisation, the legal representative’s document among them', async () => {
    const refused = await refusals(OrganisationRegistrationDto, {
      ...organisation, creditCode: '91440300708461136U', legalRepresentativeIdNumber: '440524188001010015', contactPhone: '12345', mobile: '110',
    });
    expect(Object.keys(refused).sort()).toEqual(['contactPhone', 'creditCode', 'legalRepresentativeIdNumber', 'mobile']);
    expect(refused.creditCode[0]).toMatch(/^creditCode has a wrong check character/);
  });

  it('names every missing field, and refuses fields of the other kind', async () => {
    expect(Object.keys(await refusals(PersonRegistrationDto, { kind: 'person' })).sort()).toEqual(
      ['email', 'idNumber', 'idType', 'mobile', 'name', 'password', 'username'],
    );
    expect(Object.keys(await refusals(PersonRegistrationDto, { ...person, creditCode: '91440300708461136T' }))).toEqual(['creditCode']);
  });

  it('keeps the basic registration of the first release: username, displayName and a password meeting the rules', async () => {
    expect(await refusals(RegisterApplicantDto, { username: 'zhang.san', displayName: '张三', password: 'Grassland-2026' })).toEqual({});
    expect(Object.keys(await refusals(RegisterApplicantDto, { username: 'zhang.san', displayName: '张三', password: 'Zhang.san-2026' }))).toEqual(['password']);
  });

  it('checks profile edits as registration does; absent fields stay as they are', async () => {
    expect(await refusals(PersonProfileDto, {})).toEqual({});
    expect(await refusals(PersonProfileDto, { mobile: '13900000000' })).toEqual({});
    expect(Object.keys(await refusals(PersonProfileDto, { mobile: '139', email: null, idType: 'resident_id', idNumber: '110105194912310021' })).sort()).toEqual(
      ['email', 'idNumber', 'mobile'],
    );
    expect(await refusals(OrganisationProfileDto, { mobile: null, email: null, address: '深圳市南山区' })).toEqual({});
    expect(await refusals(OrganisationProfileDto, { creditCode: '91330100716105852F' })).toEqual({
      creditCode: ['creditCode cannot be changed: it identifies the organisation; a different code is a different organisation, which registers anew'],
    });
  });
});
