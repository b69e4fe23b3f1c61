// The app as people get it: the release binary installed from the .deb. Checks that it holds
// none of the switches the end-to-end tests use and ignores them when they are set (the records
// stay in the platform's folder under HOME, auto-lock keeps the organisation's minutes, nothing
// goes to the notification log), then walks the shortest real path: first run, publish the staff
// AUP and show it at the signing station, lock, sign at the signing station, unlock to see the
// signature arrive, lock.
// Run under Xvfb:
//   SAFEKEEPER_INSTALLED_APP=/usr/bin/safekeeper SAFEKEEPER_APP=<test build> xvfb-run -a node tests/e2e/installed.mjs
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';
import * as harness from './harness.mjs';

const { withApp, results, shots, PASSPHRASE, ORG, lockFromAdmin } = harness;

const installed = process.env.SAFEKEEPER_INSTALLED_APP;
if (!installed) throw new Error('set SAFEKEEPER_INSTALLED_APP to the installed release binary (for example /usr/bin/safekeeper)');

// Every switch in src-tauri/src/app/test_switches.rs.
const SWITCHES = [
  'SAFEKEEPER_DATA_DIR',
  'SAFEKEEPER_SAVE_DIR',
  'SAFEKEEPER_SAVE_DELAY_SECONDS',
  'SAFEKEEPER_OPEN_FROM',
  'SAFEKEEPER_NOTIFY_LOG',
  'SAFEKEEPER_AUTO_LOCK_SECONDS',
];

const binary = readFileSync(installed);
for (const name of SWITCHES) {
  assert.equal(binary.indexOf(Buffer.from(name)), -1, `${name} is compiled into the installed binary`);
}
// The same search on the test build proves it would have found them.
const testBuild = readFileSync(harness.app);
for (const name of SWITCHES) {
  assert.notEqual(testBuild.indexOf(Buffer.from(name)), -1, `${name} is missing from the test build`);
}
console.log('ok - the installed binary holds none of the test switches');

const home = mkdtempSync(join(tmpdir(), 'safekeeper-installed-home-'));
const redirected = mkdtempSync(join(tmpdir(), 'safekeeper-installed-data-'));
const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-installed-save-'));
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
  'the installed app: first run, publish, sign at the signing station, unlock, lock; test switches ignored',
  env,
  async (s) => {
    // First run. No Save dialog: the installed app would show the real one, so the kit is not saved.
    await s.click('[data-testid="setup-start"]');
    await s.type('[data-testid="org-name"]', ORG);
    await s.click('[data-testid="continue"]');
    await s.type('[data-testid="admin-name"]', 'Morgan Ellis');
    await s.type('[data-testid="passphrase"]', PASSPHRASE);
    await s.type('[data-testid="passphrase-confirm"]', PASSPHRASE);
    await s.waitForText('[data-testid="passphrase-strength"]', /strong/i);
    await s.click('[data-testid="continue"]');
    const key = (await s.waitForText('[data-testid="recovery-key"]', /AGE-SECRET-KEY-1/)).replace(/\s+/g, '');
    await s.type('[data-testid="confirm-last6"]', key.slice(-6));
    await s.click('[data-testid="create-vault"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
    await s.screenshot(join(shots, 'installed-01-dashboard.png'));

    const platformVault = join(home, '.local', 'share', 'uk.org.safekeeper.desktop', 'vault', 'safekeeper.db');
    assert.ok(existsSync(platformVault), 'the records are in the platform folder under HOME');
    assert.deepEqual(readdirSync(redirected), [], 'nothing was written to SAFEKEEPER_DATA_DIR');

    // About Safekeeper names this version and that folder.
    await s.click('[data-testid="nav-settings"]');
    const version = JSON.parse(readFileSync(join(harness.root, 'src-tauri', 'tauri.conf.json'), 'utf8')).version;
    await s.waitForText('[data-testid="about-version"]', new RegExp(`^${version.replace(/\./g, '\\.')}$`));
    await s.waitForText('[data-testid="about-records-folder"]', /uk\.org\.safekeeper\.desktop/);
    await s.exec(`document.querySelector('[data-testid="settings-about"]').scrollIntoView()`);
    await s.screenshot(join(shots, 'installed-02-about.png'));

    // Publish the staff AUP and show it at the signing station.
    await s.click('[data-testid="nav-aups"]');
    await s.waitFor('[data-testid="aup-list"]');
    await s.waitFor('[data-testid="aup-link"]');
    const links = await s.findAll('[data-testid="aup-link"]');
    const labels = await Promise.all(links.map((l) => s.cmd('GET', `/element/${l}/text`)));
    await s.clickElement(links[labels.findIndex((t) => /staff/i.test(t))]);
    await s.click('[data-testid="aup-publish"]');
    await s.waitFor('[data-testid="contacts-form"]');
    await s.click('[data-testid="contacts-save"]');
    await s.waitFor('[data-testid="aup-publish-meaning"]');
    await s.click('[data-testid="aup-publish-confirm-button"]');
    await s.waitForText('[data-testid="aup-current-version"]', /Version 1/);
    await s.click('[data-testid="aup-kiosk-toggle"]');
    await s.waitForText('[data-testid="aup-kiosk-status"]', /^Shown/);

    // Well past the 2 seconds the switch asks for: still unlocked.
    await sleep(5000);
    await s.waitFor('[data-testid="aup-kiosk-status"]');
    assert.ok(!existsSync(notifyLog), 'no notification went to SAFEKEEPER_NOTIFY_LOG');
    await lockFromAdmin(s);

    // With nobody listed at the station, the signer is asked for their name straight away.
    await s.click('[data-testid="tile-aup"]');
    await s.waitFor('[data-testid="signer-name"]');
    await s.type('[data-testid="signer-name"]', 'Jamie Rowe');
    await s.click('[data-testid="signer-continue"]');
    await s.waitFor('[data-testid="sign-aup-text-rules"]');
    await s.click('[data-testid="sign-agree"]');
    await s.click('[data-testid="read-continue"]');
    await s.waitForText('[data-testid="signing-as"]', /Jamie Rowe/);
    await s.click('[data-testid="signer-type-instead"]');
    await s.type('[data-testid="signer-typed"]', 'Jamie Rowe');
    await s.click('[data-testid="sign-submit"]');
    const receipt = (await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/)).trim();
    await s.screenshot(join(shots, 'installed-03-receipt.png'));
    await s.waitFor('[data-testid="locked-home"]', { timeout: 20000 });

    // The admin unlocks: the signature has arrived.
    await s.click('[data-testid="tile-unlock"]');
    await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="unlock-submit"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
    const row = await s.waitForText('[data-testid="signature-row"]', /Jamie Rowe/);
    assert.match(row, new RegExp(receipt), 'the receipt the signer was given');
    await s.screenshot(join(shots, 'installed-04-signature-arrived.png'));
    await lockFromAdmin(s);
  },
  [],
  installed,
);

console.log(`\ninstalled: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
