import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface StaticFile {
  contentType: string;
  body: Buffer;
}

// Script and styles are files of their own so the page runs under a CSP with no
// 'unsafe-inline'; the header below is that CSP, so a regression shows up at once.
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const dashboardHeaders = { 'Content-Security-Policy': contentSecurityPolicy, 'Cache-Control': 'no-cache' };

/** The dashboard's files by URL path, read once when the collector is created. */
export function loadDashboard(): Map<string, StaticFile> {
  const read = (name: string) => readFileSync(new URL(`../public/${name}`, import.meta.url));
  return new Map([
    ['/', { contentType: 'text/html; charset=utf-8', body: read('index.html') }],
    ['/dashboard.js', { contentType: 'text/javascript; charset=utf-8', body: read('dashboard.js') }],
    ['/dashboard.css', { contentType: 'text/css; charset=utf-8', body: read('dashboard.css') }],
    // chart.js, pinned in package.json, served from node_modules: no CDN, same-origin under the CSP.
    ['/vendor/chart.umd.min.js', { contentType: 'text/javascript; charset=utf-8', body: readChartJs() }],
  ]);
}

function readChartJs(): Buffer {
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(new URL('chart.umd.min.js', pathToFileURL(entry)));
}
