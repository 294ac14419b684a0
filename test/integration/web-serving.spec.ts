import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deploy, type Deployment, MODES } from '../support/tongban.js';

// The API serves the web application in both run modes; its own paths must stay its own.
describe.each(MODES)('the web application served by the API (%s mode)', (mode) => {
  let deployment: Deployment;
  const get = (path: string, init?: RequestInit) => fetch(`${deployment.baseUrl}${path}`, init);

  beforeAll(async () => {
    deployment = await deploy(mode);
  });
  afterAll(() => deployment?.stop());

  it('answers / and any page address with the application, and its hashed files cached for good', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const html = await home.text();
    expect(html).toContain('<div id="root"></div>');
    for (const page of ['/my/cases', '/supervision/board?alert=red', '/cases/00000000-0000-4000-8000-000000000000']) {
      const answer = await get(page);
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe(html);
    }
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await get('/assets/no-such-file.js')).status).toBe(404);
  });

  it('leaves /api, /health, the API docs and tus uploads to the API', async () => {
    const unknown = await get('/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404, code: expect.any(String) });
    expect((await get('/api/matters')).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await get('/health')).headers.get('content-type')).toMatch(/^application\/json/);
    expect(await (await get('/api/docs')).text()).toMatch(/swagger/i);
    const tus = await get('/api/uploads', { method: 'OPTIONS' });
    expect(tus.status).toBe(204);
    expect(tus.headers.get('tus-resumable')).toBe('1.0.0');
    // Only GET and HEAD ask for pages: a POST to an unknown path is the API's 404, not the application.
    expect((await get('/my/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});
