import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type TestApp, startTestApp, testConfig } from './app.js';

/**
 * Debian's Chromium driven by playwright-core; we never download a browser. Without
 * Chromium the browser suites skip with a message, except in CI, where that is an error.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

if (!HAS_CHROMIUM) {
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: the browser suites must run in CI`);
  console.warn(`Chromium not found at ${CHROMIUM}: skipping browser tests (apt-get install -y chromium)`);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface LiveSite extends TestApp {
  baseUrl: string;
}

/** The app listening on a free local port, with our demo content. */
export async function startLiveSite(): Promise<LiveSite> {
  const site = await startTestApp({ demo: true });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = site.app.server.address() as AddressInfo;
  return { ...site, baseUrl: `http://127.0.0.1:${port}` };
}

/** The map's tile server in the test app (OpenStreetMap, the default): see `answerMapTiles`. */
export const TILE_ORIGIN = testConfig().map!.tileOrigin;

export interface LocalContext extends BrowserContext {
  /** Requests that left this machine and no page should make. */
  unexpected(): string[];
  /**
   * Says the visitor has now asked for the map: from here on, requests to the tile server are
   * expected. Before this call, every request that leaves the machine is unexpected, tiles too.
   */
  choseMap(): void;
}

/**
 * A browser context that records every request leaving this machine; `unexpected()` lists
 * the ones no page should make. (Request interception would be simpler, but with it enabled
 * Chromium does not report redirect responses, which the contact-link tests need.)
 */
export async function localContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<LocalContext> {
  const context = await browser.newContext({ locale: 'da-DK', javaScriptEnabled: options.javaScriptEnabled ?? true });
  const outside: Array<{ url: string; mapChosen: boolean }> = [];
  let mapChosen = false;
  context.on('request', (request) => {
    const url = request.url();
    if (/^https?:\/\//.test(url) && !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) outside.push({ url, mapChosen });
  });
  return Object.assign(context, {
    unexpected: () => outside.filter((r) => !(r.mapChosen && r.url.startsWith(`${TILE_ORIGIN}/`))).map((r) => r.url),
    choseMap: () => {
      mapChosen = true;
    },
  });
}

/** A 1×1 transparent PNG: what the tile server answers in tests. */
const TILE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * Answers the tile server's requests inside the browser, so a test that shows the map never
 * reaches the network; returns the tile URLs asked for, in order.
 */
export async function answerMapTiles(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route(`${TILE_ORIGIN}/**`, (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG });
  });
  return asked;
}

/** Chromium and the live site for one describe block, started together and always stopped. */
export function useBrowserAndSite(): { browser: Browser; site: LiveSite } {
  const state = {} as { browser: Browser; site: LiveSite };
  beforeAll(async () => {
    [state.browser, state.site] = await Promise.all([launchChromium(), startLiveSite()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.destroy();
  });
  return state;
}

/** axe's violations on the page, one line each, so a failing test says what and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * axe for a page in a context without JavaScript, where axe (a script) hangs: the exact markup
 * the page holds is served again to a twin page with JavaScript on, at the same URL (so styles
 * load as they did) and with the site's scripts kept out (so nothing changes the markup).
 * Works for the answer to a form post too, which loading the URL again would not show.
 */
export async function axeViolationsWithoutJavaScript(browser: Browser, page: Page): Promise<string[]> {
  const [url, html] = [page.url(), await page.content()];
  const twin = await browser.newContext({ locale: 'da-DK' });
  try {
    await twin.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await twin.route(/\.js(\?|$)/, (route) => route.abort());
    const twinPage = await twin.newPage();
    await twinPage.goto(url);
    return await axeViolations(twinPage);
  } finally {
    await twin.close();
  }
}

/**
 * Opens `path` on the live site (then runs `navigate`, if given, to reach the page under
 * test) and returns axe's violations plus any request that left this machine: both should
 * be empty on every page we ship.
 */
export async function auditPage(
  live: { browser: Browser; site: LiveSite },
  path: string,
  navigate?: (page: Page) => Promise<void>,
): Promise<{ violations: string[]; unexpected: string[] }> {
  const context = await localContext(live.browser);
  try {
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}${path}`);
    if (navigate) await navigate(page);
    return { violations: await axeViolations(page), unexpected: context.unexpected() };
  } finally {
    await context.close();
  }
}

/**
 * The page at 320, 390 and 1366 px: a full-page screenshot of each in `folder` as
 * `{name}-{width}.png`, and nothing may scroll sideways. Leaves the page at 390 px.
 */
export async function screenshotWidths(page: Page, folder: string, name: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const width of [320, 390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 900 });
}
