import { randomBytes, randomInt } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, residentIdCheckCharacter } from '../../src/identity/id-documents.js';

/** Made-up but well-formed identities for registrations in tests. */
export const PASSWORD = 'Grassland-2026';
export const unique = () => randomBytes(4).toString('hex');

/** A random date of birth between 1960 and 2000, as YYYYMMDD. */
const someBirthDate = () => new Date(Date.UTC(1960, 0, 1) + randomInt(40 * 365) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');

/** A valid mainland resident ID number (Beijing Dongcheng), unused with high probability. */
export function residentId(birth = someBirthDate()): string {
  const first17 = `110101${birth}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A well-formed unified social credit code (GB 32100 check character) of a made-up company. */
export function creditCode(): string {
  const organisationCode = Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(31)]).join('');
  const first17 = `91150100${organisationCode}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export const personBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'person', username: `person-${unique()}`, password: PASSWORD, name: '张三', idType: 'resident_id', idNumber: residentId(),
  mobile: '13800000000', email: 'zhang.san@example.cn', ...overrides,
});

export const organisationBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'organisation', username: `org-${unique()}`, password: PASSWORD, name: '呼和浩特市某某牧业有限公司', creditCode: creditCode(),
  legalRepresentativeName: '王五', legalRepresentativeIdType: 'resident_id', legalRepresentativeIdNumber: residentId('19750412'),
  address: '内蒙古自治区呼和浩特市新城区某某路1号', contactName: '赵六', contactPhone: '0471-6945123', ...overrides,
});

export const memberBody = (invitationToken: string, overrides: Record<string, unknown> = {}) =>
  personBody({ kind: 'organisation_member', invitationToken, username: `member-${unique()}`, name: '李四', ...overrides });
