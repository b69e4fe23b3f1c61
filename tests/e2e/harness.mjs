// The end-to-end harness: starts the real Safekeeper binary under tauri-driver (WebKitWebDriver)
// and offers the helpers every scenario uses. `run.mjs` runs the scenarios; each file in
// `scenarios/` exports a default async function that takes this module.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';
import { Session } from './webdriver.mjs';
import { freePort, withDriver } from './driver.mjs';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const app = process.env.SAFEKEEPER_APP || join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'debug', 'safekeeper');
export const shots = join(root, 'target', 'screenshots');
export const artifacts = join(root, 'target', 'e2e-artifacts');
mkdirSync(shots, { recursive: true });
mkdirSync(artifacts, { recursive: true });

export const PASSPHRASE = 'marble otter lantern harvest';
export const ORG = 'Northfield Youth Trust';
const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Scenario results, read by run.mjs for its closing line. */
export const results = { passed: 0, failed: 0 };

/**
 * Starts tauri-driver with `env`, opens a session on the app (`binary`, the test build unless
 * given), runs `body`, tidies up.
 */
export async function withApp(name, env, body, args = [], binary = app) {
  const port = await freePort();
  await withDriver({ binary, port, env: { ...process.env, ...env } }, async (base) => {
    let session;
    try {
      session = await Session.start(base, { 'tauri:options': { application: binary, args } });
      await body(session);
      results.passed++;
      console.log(`ok - ${name}`);
    } catch (e) {
      results.failed++;
      console.log(`not ok - ${name}\n  ${e.stack || e}`);
      if (session) await session.screenshot(join(shots, `FAILED-${name.replace(/\W+/g, '-')}.png`)).catch(() => {});
    } finally {
      if (session) await session.end();
    }
  }).catch((e) => {
    // The driver would not start, or the app would not end: the next scenario could not run.
    results.failed++;
    console.log(`not ok - ${name}\n  ${e.stack || e}`);
  });
}

/**
 * Presses Lock in the admin window and waits for the locked home. The admin window may be gone
 * before the click's reply arrives; that is the lock working, not a failure.
 */
export async function lockFromAdmin(s) {
  await s.click('[data-testid="lock-button"]').catch((e) => {
    if (!/no such window/.test(e.message)) throw e;
  });
  await waitForLockedHome(s);
}

/**
 * After a lock: a fresh locked home opens, then the admin window is destroyed, so only the locked
 * home remains. (While an admin works, the admin window is the only one: one handle alone does
 * not mean locked.)
 */
export async function waitForLockedHome(s, { timeout = 20000 } = {}) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const handles = await s.handles().catch(() => []);
    if (handles.length === 1) {
      await s.switchTo(handles[0]).catch(() => {});
      const home = await s.findAll('[data-testid="tile-unlock"]').catch(() => []);
      if (home.length === 1) return;
    }
    await sleep(100);
  }
  throw new Error('the locked home did not come back alone: the admin window is still open, or no locked home opened');
}

/**
 * After an unlock: the admin window is the only window, because the locked home's webview is
 * destroyed while an admin works. Returns the admin window's handle.
 */
export async function waitForAdminAlone(s, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let handles = [];
  while (Date.now() < until) {
    handles = await s.handles().catch(() => []);
    if (handles.length === 1) {
      await s.switchTo(handles[0]);
      await s.waitFor('[data-testid="lock-button"]');
      return handles[0];
    }
    await sleep(100);
  }
  throw new Error(`the locked home's webview was not destroyed after the unlock (${handles.length} windows)`);
}

/** Runs axe-core on the current screen; serious and critical WCAG A/AA problems fail the test. */
export async function checkAccessibility(s, screen) {
  await s.exec(axeSource + '\nreturn true;');
  const violations = await s.execAsync(
    `const done = arguments[arguments.length - 1];
     axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
       .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
         .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
       .catch(e => done(['axe failed: ' + e]));`,
  );
  assert.deepEqual(violations, [], `accessibility problems on ${screen}`);
}

export async function invokeFromPage(s, command, args = {}) {
  return s.execAsync(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then(v => done({ ok: v }), e => done({ err: e }));`,
    [command, args],
  );
}


/** Draws a short squiggle across the signature box with the mouse. */
export async function drawSignature(s, css) {
  const pad = await s.find(css);
  const origin = { 'element-6066-11e4-a52e-4f735466cecf': pad };
  const path = [[-160, 10], [-110, -25], [-60, 20], [-10, -30], [40, 25], [90, -15], [150, 5]];
  const actions = [{ type: 'pointerMove', duration: 0, origin, x: path[0][0], y: path[0][1] }, { type: 'pointerDown', button: 0 }];
  for (const [x, y] of path.slice(1)) actions.push({ type: 'pointerMove', duration: 60, origin, x, y });
  actions.push({ type: 'pointerUp', button: 0 });
  await s.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'pen', parameters: { pointerType: 'mouse' }, actions }] });
  await s.cmd('DELETE', '/actions');
  await s.waitFor(`${css}[data-empty="false"]`, { timeout: 5000 });
}

/**
 * Runs the setup wizard for a new vault named `org`, with `PASSPHRASE`, confirming the recovery
 * key, and ends on the dashboard. The Emergency Kit PDF lands in `saveDir`; the wizard's "it is
 * printed: delete the saved copy" removes it. Returns the recovery key's text (a throwaway test
 * vault's).
 */
export async function setUpVault(s, saveDir, org = ORG) {
  await s.click('[data-testid="setup-start"]');
  await s.type('[data-testid="org-name"]', org);
  await s.click('[data-testid="continue"]');
  await s.type('[data-testid="admin-name"]', 'Morgan Ellis');
  await s.type('[data-testid="passphrase"]', PASSPHRASE);
  await s.type('[data-testid="passphrase-confirm"]', PASSPHRASE);
  await s.waitForText('[data-testid="passphrase-strength"]', /strong/i);
  await s.click('[data-testid="continue"]');
  const recoveryKey = (await s.waitForText('[data-testid="recovery-key"]', /AGE-SECRET-KEY-1/)).replace(/\s+/g, '');
  await s.click('[data-testid="save-kit"]');
  await s.waitFor('[data-testid="kit-saved"]');
  assert.equal(readdirSync(saveDir).filter((f) => f.endsWith('.pdf')).length, 1, 'the kit was saved');
  await s.type('[data-testid="confirm-last6"]', recoveryKey.slice(-6));
  await s.click('[data-testid="create-vault"]');
  await s.click('[data-testid="kit-delete-and-create"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');
  assert.deepEqual(readdirSync(saveDir).filter((f) => f.endsWith('.pdf')), [], 'the saved kit was deleted');
  await s.waitFor('[data-testid="dashboard"]');
  return recoveryKey;
}

/** Adds a member of staff by hand and ends on their page. */
export async function addStaff(s, fullName) {
  await s.click('[data-testid="nav-people"]');
  await s.click('[data-testid="person-add-start"]');
  await s.type('[data-testid="person-full-name"]', fullName);
  const groups = await s.findAll('[data-testid="person-group-option"]');
  await s.clickElement(groups[0]);
  await s.click('[data-testid="person-continue"]');
  await s.waitFor('[data-testid="person-check"]');
  await s.click('[data-testid="person-save"]');
  await s.waitForText('[data-testid="person-page"]', new RegExp(fullName));
}

/** Opens one person's page by searching for their name. */
export async function openPerson(s, name) {
  await s.click('[data-testid="nav-people"]');
  await s.type('[data-testid="people-search"]', name);
  await s.click('[data-testid="people-search-submit"]');
  await s.waitForText('[data-testid="people-count"]', /^1 person/);
  await s.click('[data-testid="person-link"]');
  await s.waitForText('[data-testid="person-page"]', new RegExp(name));
}

/** Unlocks the demo vault with the passphrase its unlock screen shows, and ends on the dashboard. */
export async function unlockDemo(s) {
  await s.click('[data-testid="tile-unlock"]');
  const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
  await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');
}
