import { describe, expect, it } from '@jest/globals';
import { mayRefile, mayWithdraw } from '../../web/src/lib/case-follow-ups.js';
import { unreadCount } from '../../web/src/lib/inbox.js';
import { homeFor, menuFor } from '../../web/src/lib/menu.js';
import { fileSize, isQueryCode, isVerificationCode, progressKeysOf, progressSearch, verificationCodeOf } from '../../web/src/lib/public-queries.js';

describe('the web application: public look-ups typed off paper', () => {
  it('tidies a case number and query code, and reads them back from the address', () => {
    const search = progressSearch({ caseNumber: ' lcj-20261128-000042 ', queryCode: 'k7m2 q9xr' });
    expect(search).toBe('caseNumber=LCJ-20261128-000042&queryCode=K7M2Q9XR');
    expect(progressKeysOf(`?${search}`)).toEqual({ caseNumber: 'LCJ-20261128-000042', queryCode: 'K7M2Q9XR' });
  });

  it('looks nothing up while either half is missing or blank', () => {
    expect(progressKeysOf('')).toBeNull();
    expect(progressKeysOf('?caseNumber=LCJ-1')).toBeNull();
    expect(progressKeysOf('?caseNumber=LCJ-1&queryCode=%20%20')).toBeNull();
  });

  it('takes a query code of exactly 8 letters and digits, blanks and case aside', () => {
    expect(isQueryCode('k7m2q9xr')).toBe(true);
    expect(isQueryCode(' K7M2 Q9XR ')).toBe(true);
    expect(isQueryCode('K7M2Q9X')).toBe(false);
    expect(isQueryCode('K7M2-Q9XR')).toBe(false);
  });

  it('takes a verification code with or without hyphens, in any case', () => {
    expect(verificationCodeOf(' 7kq2-m9xd-3fht-w8pa ')).toBe('7KQ2M9XD3FHTW8PA');
    expect(isVerificationCode('7KQ2-M9XD-3FHT-W8PA')).toBe(true);
    expect(isVerificationCode('7KQ2M9XD3FHTW8PA')).toBe(true);
    expect(isVerificationCode('7KQ2-M9XD-3FHT')).toBe(false);
    expect(verificationCodeOf(null)).toBe('');
  });

  it('gives a file size for people', () => {
    expect(fileSize(null)).toBe('—');
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(12_595)).toBe('12.3 KB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('the web application: withdrawal and refiling on the case page', () => {
  const submitted = { stage: 'review', status: 'open', submittedAt: '2026-11-28T02:00:00.000Z' };

  it('offers withdrawal of a submitted open case only, never of a draft or a finished case', () => {
    expect(mayWithdraw(submitted)).toBe(true);
    expect(mayWithdraw({ stage: 'draft', status: 'open', submittedAt: null })).toBe(false);
    expect(mayWithdraw({ ...submitted, stage: 'withdrawn', status: 'closed' })).toBe(false);
  });

  it('offers refiling where the server says the case may be filed again, whatever its end stage is called', () => {
    expect(mayRefile({ ...submitted, stage: 'anyDesignersEnd', status: 'closed', mayFileAgain: true })).toBe(true);
    expect(mayRefile({ ...submitted, stage: 'notAccepted', status: 'closed', mayFileAgain: false })).toBe(false);
    expect(mayRefile({ ...submitted, stage: 'notAccepted', status: 'closed' })).toBe(false);
  });
});

describe('the web application: inbox and 我要问 in the menus', () => {
  it('counts the unread messages', () => {
    expect(unreadCount([{ readAt: null }, { readAt: '2026-11-29T01:00:00.000Z' }, { readAt: null }])).toBe(2);
    expect(unreadCount([])).toBe(0);
  });

  it('puts 我要问 after the applicant’s cases, and the received consultations after each staff role’s work, once', () => {
    expect(menuFor(['applicant']).map((entry) => entry.path)).toEqual(['/', '/my/cases', '/my/consultations']);
    expect(menuFor(['window_staff', 'reviewer']).map((entry) => entry.path)).toEqual(['/', '/work/tasks', '/work/walk-in', '/work/consultations']);
    expect(menuFor(['process_designer', 'administrator']).some((entry) => entry.path.endsWith('consultations'))).toBe(false);
    // Where people land is still their first page of work, not their messages.
    expect(homeFor(['applicant'])).toBe('/my/cases');
    expect(homeFor(['supervisor'])).toBe('/supervision/board');
  });
});
