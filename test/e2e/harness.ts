/**
 * Browser end-to-end harness: a real VS Code workbench (code-server) in headless Chromium with
 * the extension installed from a .vsix or loaded from the repository, plus helpers to drive it
 * the way a user does (quick open, squiggles, Problems panel, activity bar, screenshots).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR, launchChromium, prepareWorkspace, REPO_ROOT, remoteUri, startCodeServer, workbenchUrl,
  type Browser, type CodeServer,
} from '../vscode/codeServer';

/** How the extension gets into the workbench. */
export type ExtensionSource =
  | { readonly vsix: string }
  | { readonly developmentPath: string }
  | 'none';

/** Options for {@link openWorkbench}. */
export interface WorkbenchOptions {
  /** Folder to open; defaults to a temp copy of examples/. */
  readonly workspace?: string;
  /** Defaults to `SPECCHAIN_VSIX` when set, else the repository as extension under development. */
  readonly extension?: ExtensionSource;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** User settings for code-server (`workbench.colorTheme`, …). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** One row of the Problems panel. */
export interface ProblemRow {
  /** The row's accessible label (contains severity, message, position). */
  readonly label: string;
  /** The visible text of the row. */
  readonly text: string;
}

/** An open workbench; call `close()` in `after`. */
export interface Workbench {
  readonly page: Page;
  readonly server: CodeServer;
  readonly workspace: string;
  /** Opens a workspace-relative file with Ctrl+P and waits for its editor tab. */
  openFile(relativePath: string): Promise<void>;
  /** Waits until the visible editor shows at least one squiggle of `kind`; resolves with their count. */
  waitForSquiggles(kind?: 'error' | 'warning' | 'any', timeoutMs?: number): Promise<number>;
  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns all its rows in order, files and markers
   * alike, scrolling through the virtualised list so rows outside the visible area are included.
   */
  problems(): Promise<ProblemRow[]>;
  /**
   * The webview document that holds `selector` (the SPECs view: `#tree`), found among all
   * frames: one extension may show several webviews. Waits up to `timeoutMs`.
   */
  webviewFrame(selector: string, timeoutMs?: number): Promise<Frame>;
  /** Drags the sash at the side bar's right edge until the side bar is `width` px wide. */
  setSideBarWidth(width: number): Promise<void>;
  /** Clicks the activity-bar entry whose label starts with `label` and waits for its view. */
  openActivityBarView(label: string): Promise<void>;
  /** Runs a command from the palette by its title. */
  runCommand(title: string): Promise<void>;
  /** Saves a PNG under .test-artifacts/ and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes Chromium and code-server and removes temp folders. */
  close(): Promise<void>;
}

function defaultExtension(): ExtensionSource {
  const vsix = process.env['SPECCHAIN_VSIX'];
  return vsix ? { vsix } : { developmentPath: REPO_ROOT };
}

/** Starts code-server and Chromium and opens the workbench on the workspace. */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const tempRoot = mkdtempSync(join(tmpdir(), 'specchain-e2e-'));
  const workspace = options.workspace ?? prepareWorkspace(tempRoot);
  const extension = options.extension ?? defaultExtension();
  if (typeof extension === 'object' && 'vsix' in extension && !existsSync(extension.vsix)) {
    throw new Error(`extension package not found: ${extension.vsix} (build it with \`npm run package\`)`);
  }
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.stop();
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    server = await startCodeServer({
      tempRoot,
      vsixFiles: typeof extension === 'object' && 'vsix' in extension ? [extension.vsix] : [],
      ...(options.settings ? { settings: options.settings } : {}),
    });
    browser = await launchChromium(tempRoot, options.viewport ?? { width: 1400, height: 900 });
    const payload = typeof extension === 'object' && 'developmentPath' in extension
      ? [['extensionDevelopmentPath', remoteUri(server, extension.developmentPath)] as const]
      : undefined;
    const page = browser.page;
    // A loaded machine can take more than the default 30 s to serve the workbench.
    await page.goto(workbenchUrl(server, workspace, payload), { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
    return makeWorkbench(page, server, workspace, close);
  } catch (error) {
    await close();
    throw error;
  }
}

function makeWorkbench(page: Page, server: CodeServer, workspace: string, close: () => Promise<void>): Workbench {
  const quickInput = page.locator('.quick-input-widget');

  const openFile = async (relativePath: string): Promise<void> => {
    const name = basename(relativePath);
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 }, force: true }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    await quickInput.waitFor({ state: 'visible', timeout: 60_000 });
    await page.keyboard.type(relativePath);
    await quickInput.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  };

  const waitForSquiggles = async (kind: 'error' | 'warning' | 'any' = 'any', timeoutMs = 60_000): Promise<number> => {
    const kinds = kind === 'any' ? ['error', 'warning'] : [kind];
    const squiggles = page.locator(kinds.map((k) => `.editor-instance .monaco-editor .squiggly-${k}`).join(', '));
    await squiggles.first().waitFor({ state: 'attached', timeout: timeoutMs });
    return squiggles.count();
  };

  const problems = async (): Promise<ProblemRow[]> => {
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 60_000 });
    // Rows of the list proper; sticky-scroll copies of file rows live in another container.
    const rows = panel.locator('.monaco-list-rows > .monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    if ((await rows.count()) === 0) return [];
    const readVisible = (): Promise<Array<ProblemRow & { readonly index: number }>> =>
      rows.evaluateAll((elements) =>
        elements.map((element) => ({
          index: Number(element.getAttribute('data-index')),
          label: element.getAttribute('aria-label') ?? '',
          text: (element as unknown as { readonly innerText: string }).innerText.trim(),
        })),
      );
    // The list is virtualised: scroll it with the mouse wheel (the keyboard would open each
    // focused marker in an editor), reading the rows each page shows.
    const list = panel.locator('.monaco-list').first();
    const step = Math.max(60, ((await list.boundingBox())?.height ?? 200) * 0.7);
    const indexes = async (): Promise<number[]> => (await readVisible()).map((row) => row.index);
    const wheel = async (deltaY: number, arrived: string): Promise<boolean> => {
      // Near the left edge, away from message texts, so no hover covers the list.
      await list.hover({ position: { x: 4, y: step / 2 } });
      await page.mouse.wheel(0, deltaY);
      return panel.locator(`.monaco-list-rows > .monaco-list-row[data-index="${arrived}"]`).waitFor({ state: 'attached', timeout: 2_000 }).then(() => true, () => false);
    };
    const scrollToTop = async (): Promise<void> => {
      while (!(await indexes()).includes(0)) {
        if (!(await wheel(-step, String(Math.min(...(await indexes())) - 1)))) break;
      }
    };
    await scrollToTop();
    const seen = new Map<number, ProblemRow>();
    for (;;) {
      const visible = await readVisible();
      for (const { index, label, text } of visible) if (!seen.has(index)) seen.set(index, { label, text });
      if (!(await wheel(step, String(Math.max(...visible.map((row) => row.index)) + 1)))) break;
    }
    await scrollToTop();
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  };

  const openActivityBarView = async (label: string): Promise<void> => {
    // The entry itself, not its icon: a badge drawn over the icon takes the click as the entry does.
    const item = page.locator('.activitybar .action-item', { has: page.locator(`.action-label[aria-label^="${label}"]`) }).first();
    await item.waitFor({ timeout: 30_000 });
    // Clicking the entry of the view already shown would hide the side bar.
    const title = page.locator('.sidebar .composite.title .title-label', { hasText: label });
    if (!(await title.isVisible())) await item.click();
    await title.waitFor({ state: 'visible', timeout: 60_000 });
  };

  const webviewFrame = async (selector: string, timeoutMs = 60_000): Promise<Frame> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of page.frames()) {
        if (await frame.$(selector).catch(() => null)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no webview shows ${selector} after ${timeoutMs} ms`);
      await page.waitForTimeout(250);
    }
  };

  const setSideBarWidth = async (width: number): Promise<void> => {
    const bar = await page.locator('.part.sidebar').boundingBox();
    if (!bar) throw new Error('the side bar is not shown');
    // The sash on the side bar's right edge: the vertical sash closest to it.
    const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, h: r.height })),
    );
    const edge = bar.x + bar.width;
    const sash = sashes.filter((s) => s.h > 100).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
    if (!sash || Math.abs(sash.x - edge) > 6) throw new Error('no sash at the side bar edge');
    await page.mouse.move(sash.x, sash.y);
    await page.mouse.down();
    await page.mouse.move(sash.x + (width - bar.width) / 2, sash.y, { steps: 4 });
    await page.mouse.move(bar.x + width, sash.y, { steps: 4 });
    await page.mouse.up();
    await page.waitForTimeout(300);
  };

  /**
   * Runs a command from the palette. The palette lists the commands known when it opens: one
   * opened before the extension host registered the extension's never shows them, so it is
   * closed and opened again until the command is listed.
   */
  const runCommand = async (title: string): Promise<void> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      await page.keyboard.press('Control+Shift+P');
      await quickInput.waitFor({ state: 'visible', timeout: 60_000 });
      await page.keyboard.type(title);
      const row = quickInput.locator('.monaco-list-row', { hasText: title }).first();
      const listed = await row.waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (listed) break;
      if (Date.now() > deadline) throw new Error(`the command palette never listed "${title}"`);
      await page.keyboard.press('Escape');
      await quickInput.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    }
    await page.keyboard.press('Enter');
  };

  const screenshot = async (name: string): Promise<string> => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
    await page.screenshot({ path });
    return path;
  };

  return { page, server, workspace, openFile, waitForSquiggles, problems, webviewFrame, setSideBarWidth, openActivityBarView, runCommand, screenshot, close };
}
