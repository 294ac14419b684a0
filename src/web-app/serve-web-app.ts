import { existsSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { projectRoot } from '../common/project-root.js';

/** Where `npm run build` puts the web application (web/vite.config.ts). */
export const WEB_APP_DIR = path.join(projectRoot(), 'dist', 'web');

/** Paths the API answers itself: never the web application, so that an unknown API path stays a JSON 404. */
export const isApiPath = (urlPath: string) => /^\/(api|health)(\/|$)/.test(urlPath);

/**
 * Serves the web application (网上办事大厅) from the same origin as the API: its files, and index.html for any
 * other GET that asks for a page (the browser's router takes it from there). Registered before Nest's routes,
 * so every /api and /health path, /api/docs and tus's /api/uploads included, is passed on untouched.
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_APP_DIR): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`no web application at ${dir}: run npm run build to serve it`);
    return;
  }
  // Vite names the files under assets/ by their content: a browser may keep them for good.
  app.useStaticAssets(path.join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', fallthrough: false });
  app.useStaticAssets(dir, { index: false, maxAge: 0 });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
