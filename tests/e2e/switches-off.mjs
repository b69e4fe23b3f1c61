// Checks that a build WITHOUT the `test-switches` feature (the app as it ships) ignores every
// environment switch the end-to-end tests use: none of their names is in the binary, and the app
// started with them set keeps its records in the platform's folder under HOME, never in
// SAFEKEEPER_DATA_DIR, and does not lock after SAFEKEEPER_AUTO_LOCK_SECONDS.
// Run under Xvfb: `SAFEKEEPER_PLAIN_APP=path/to/safekeeper xvfb-run -a node tests/e2e/switches-off.mjs`.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';
import * as harness from './harness.mjs';

const { withApp, results, shots, PASSPHRASE, ORG, lockFromAdmin } = harness;

const plain = process.env.SAFEKEEPER_PLAIN_APP;
if (!plain) throw new Error('set SAFEKEEPER_PLAIN_APP to a safekeeper binary built without --features test-switches');

// Every switch in src-tauri/src/app/test_switches.rs.
const SWITCHES = [
  'SAFEKEEPER_DATA_DIR',
  'SAFEKEEPER_SAVE_DIR',
  'SAFEKEEPER_SAVE_DELAY_SECONDS',
  'SAFEKEEPER_OPEN_FROM',
  'SAFEKEEPER_NOTIFY_LOG',
  'SAFEKEEPER_AUTO_LOCK_SECONDS',
];

const binary = readFileSync(plain);
for (const name of SWITCHES) {
  assert.equal(binary.indexOf(Buffer.from(name)), -1, `${name} is compiled into the shipped binary`);
}
// The same check on the test build proves the search would have found them.
const testBuild = readFileSync(harness.app);
for (const name of SWITCHES) {
  assert.notEqual(testBuild.indexOf(Buffer.from(name)), -1, `${name} is missing from the test build`);
}
console.log('ok - the shipped binary holds none of the test switches');

const home = mkdtempSync(join(tmpdir(), 'safekeeper-plain-home-'));
const redirected = mkdtempSync(join(tmpdir(), 'safekeeper-plain-data-'));
const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-plain-save-'));
const notifyLog = join(saveDir, 'notifications.log');
const env = {
  HOME: home,
  XDG_DATA_HOME: join(home, '.local', 'share'),
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_CACHE_HOME: join(home, '.cache'),
  SAFEKEEPER_DATA_DIR: redirected,
  SAFEKEEPER_SAVE_DIR: saveDir,
  SAFEKEEPER_AUTO_LOCK_SECONDS: '2',
  SAFEKEEPER_NOTIFY_LOG: notifyLog,
};

await withApp(
  'a build without test switches ignores them',
  env,
  async (s) => {
    await s.click('[data-testid="setup-start"]');
    await s.type('[data-testid="org-name"]', ORG);
    await s.click('[data-testid="continue"]');
    await s.type('[data-testid="admin-name"]', 'Morgan Ellis');
    await s.type('[data-testid="passphrase"]', PASSPHRASE);
    await s.type('[data-testid="passphrase-confirm"]', PASSPHRASE);
    await s.waitForText('[data-testid="passphrase-strength"]', /strong/i);
    await s.click('[data-testid="continue"]');
    const key = (await s.waitForText('[data-testid="recovery-key"]', /AGE-SECRET-KEY-1/)).replace(/\s+/g, '');
    // No Save dialog here: a build without switches would show the real one.
    await s.type('[data-testid="confirm-last6"]', key.slice(-6));
    await s.click('[data-testid="create-vault"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');

    const platformVault = join(home, '.local', 'share', 'uk.org.safekeeper.desktop', 'vault', 'safekeeper.db');
    assert.ok(existsSync(platformVault), 'the records are in the platform folder under HOME');
    assert.deepEqual(readdirSync(redirected), [], 'nothing was written to SAFEKEEPER_DATA_DIR');

    // Well past the 2 seconds the switch asks for: still unlocked.
    await sleep(6000);
    assert.equal((await s.handles()).length >= 1, true);
    await s.waitFor('[data-testid="dashboard"]');
    await s.screenshot(join(shots, 'switches-off-still-unlocked.png'));
    assert.ok(!existsSync(notifyLog), 'no notification went to SAFEKEEPER_NOTIFY_LOG');
    await lockFromAdmin(s);
  },
  [],
  plain,
);

console.log(`\nswitches-off: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
