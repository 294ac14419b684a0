import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { type Client, deploy, type Deployment, loginAs, MODES } from '../support/tongban.js';

// The working-day calendar over HTTP: public period arithmetic, administrators' overrides and their audit trail.
describe.each(MODES)('working-day calendar (%s mode)', (mode) => {
  let deployment: Deployment;
  let admin: Client;
  let window: Client;
  const anonymous = () => api(deployment.baseUrl);
  const addWorkingDays = (from: string, days: number | string) => anonymous().get(`/api/calendar/add-working-days?from=${from}&days=${days}`);
  const fieldsOf = (body: { details: { fields: { field: string }[] } }) => body.details.fields.map((f) => f.field);

  beforeAll(async () => {
    deployment = await deploy(mode);
    [admin, window] = await Promise.all([loginAs(deployment, 'admin1'), loginAs(deployment, 'window1')]);
  });
  afterAll(() => deployment?.stop());

  it('answers the n-th working day after a date, without login, from the seeded 2026 schedule', async () => {
    const response = await addWorkingDays('2026-09-30', 1);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ date: '2026-10-08' });
    expect((await addWorkingDays('2026-02-13', 2)).body).toEqual({ date: '2026-02-24' });
  });

  it('counts the working days in (from, to]', async () => {
    const year = await anonymous().get('/api/calendar/working-days-between?from=2025-12-31&to=2026-12-31');
    expect(year.status).toBe(200);
    expect(year.body).toEqual({ days: 248 });
    expect((await anonymous().get('/api/calendar/working-days-between?from=2026-03-02&to=2026-03-02')).body).toEqual({ days: 0 });
  });

  it.each([
    ['/api/calendar/add-working-days?from=2026-03-02', 'days'],
    ['/api/calendar/add-working-days?days=3', 'from'],
    ['/api/calendar/add-working-days?from=2026-02-30&days=3', 'from'],
    ['/api/calendar/add-working-days?from=2026-3-2&days=3', 'from'],
    ['/api/calendar/add-working-days?from=2026-03-02&days=0', 'days'],
    ['/api/calendar/add-working-days?from=2026-03-02&days=3651', 'days'],
    ['/api/calendar/add-working-days?from=2026-03-02&days=1.5', 'days'],
    ['/api/calendar/add-working-days?from=2026-03-02&days=three', 'days'],
    ['/api/calendar/add-working-days?from=2026-03-02&days=3&tz=UTC', 'tz'],
    ['/api/calendar/working-days-between?from=2026-03-10&to=2026-03-02', 'to'],
    ['/api/calendar/working-days-between?from=2026-03-10', 'to'],
  ])('refuses %s, naming %s', async (path, field) => {
    const response = await anonymous().get(path);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(response.body)).toEqual([field]);
  });

  it('refuses a year whose schedule is not loaded with 422, naming the year', async () => {
    const response = await addWorkingDays('2030-01-01', 1);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', details: { year: 2030 } });
    expect(response.body.message.zh).toContain('2030年');
    expect(response.body.message.en).toContain('2030');
  });

  it('lets only administrators change the calendar', async () => {
    const body = { kind: 'holiday', name: '地方节日 Local holiday' };
    expect((await window.put('/api/calendar/days/2026-12-01', body)).status).toBe(403);
    expect((await window.delete('/api/calendar/days/2026-10-01')).status).toBe(403);
    expect((await window.put('/api/calendar/years/2027')).status).toBe(403);
    expect((await window.get('/api/calendar/changes')).status).toBe(403);
    expect((await anonymous().put('/api/calendar/days/2026-12-01', body)).status).toBe(401);
    expect((await addWorkingDays('2026-11-30', 1)).body).toEqual({ date: '2026-12-01' });
  });

  it('validates the override: the date in the path, the kind and name in the body', async () => {
    const badDate = await admin.put('/api/calendar/days/2026-11-31', { kind: 'holiday', name: 'x' });
    expect(badDate.status).toBe(400);
    expect(fieldsOf(badDate.body)).toEqual(['date']);
    const badBody = await admin.put('/api/calendar/days/2026-12-01', { kind: 'day_off', name: '', extra: 1 });
    expect(badBody.status).toBe(400);
    expect(fieldsOf(badBody.body).sort()).toEqual(['extra', 'kind', 'name']);
    expect((await admin.put('/api/calendar/years/20x7')).status).toBe(400);
    expect((await admin.delete('/api/calendar/days/2026-12-02')).status).toBe(404);
  });

  it('applies an administrator\'s local holiday at once, and its removal, each on the audit trail', async () => {
    const set = await admin.put('/api/calendar/days/2026-12-01', { kind: 'holiday', name: '地方节日 Local holiday' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ date: '2026-12-01', kind: 'holiday', source: 'administrator' });
    expect((await addWorkingDays('2026-11-30', 1)).body).toEqual({ date: '2026-12-02' });

    expect((await admin.delete('/api/calendar/days/2026-12-01')).status).toBe(204);
    expect((await addWorkingDays('2026-11-30', 1)).body).toEqual({ date: '2026-12-01' });

    const changes = await admin.get('/api/calendar/changes');
    expect(changes.status).toBe(200);
    expect(changes.body.slice(0, 2)).toEqual([
      expect.objectContaining({
        action: 'calendar.removeDay',
        actor: expect.objectContaining({ name: expect.any(String) }),
        details: { date: '2026-12-01', before: expect.objectContaining({ kind: 'holiday', source: 'administrator' }), after: null },
      }),
      expect.objectContaining({
        action: 'calendar.setDay',
        details: { date: '2026-12-01', before: null, after: expect.objectContaining({ kind: 'holiday', name: '地方节日 Local holiday' }) },
      }),
    ]);
  });

  it('takes next year\'s schedule from an administrator before the package has it', async () => {
    expect((await addWorkingDays('2026-12-31', 1)).status).toBe(422);
    expect((await admin.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦 New Year\'s Day' })).status).toBe(200);
    const loaded = await admin.put('/api/calendar/years/2027');
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2027, source: 'administrator' });
    expect((await addWorkingDays('2026-12-31', 1)).body).toEqual({ date: '2027-01-04' });
    expect((await admin.get('/api/calendar/changes')).body[0]).toMatchObject({ action: 'calendar.loadYear', details: { year: 2027 } });
  });

  it('keeps overrides across a restart: the package does not bring back a date an administrator removed', async () => {
    expect((await admin.delete('/api/calendar/days/2026-06-19')).status).toBe(204); // 端午, a Friday
    await deployment.restart();
    expect((await addWorkingDays('2026-06-18', 1)).body).toEqual({ date: '2026-06-19' });
    expect((await addWorkingDays('2026-12-31', 1)).body).toEqual({ date: '2027-01-04' });
  });
});
