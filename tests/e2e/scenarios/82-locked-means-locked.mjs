// Locked means locked, for files too.
//
// 1. A Save dialog that outlives a lock writes nothing. WebDriver cannot drive the native dialog,
//    so the test build's SAFEKEEPER_SAVE_DELAY_SECONDS holds the "dialog" open for a while before
//    answering with SAFEKEEPER_SAVE_DIR, exactly where a person would sit with it open. With the
//    admin active meanwhile, the file is written (so the delay itself writes); left idle, the
//    auto-lock fires while the "dialog" is open, and no file appears.
// 2. Blank forms printed at the locked home go into Documents/Safekeeper blank forms (no file
//    browser) and are handed to the PDF viewer; the station says where the file went.
// 3. "Try the demo" is refused once a real vault exists.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';

const DELAY = 9;
const AUTO_LOCK = 4;

export default async function ({ withApp, shots, invokeFromPage, setUpVault, lockFromAdmin, waitForLockedHome, PASSPHRASE }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-locked-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-locked-save-'));
  const home = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-locked-home-'));
  const notifyLog = join(home, 'notifications.log');
  const homeEnv = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), SAFEKEEPER_NOTIFY_LOG: notifyLog };
  const pdfs = () => readdirSync(saveDir).filter((f) => f.endsWith('.pdf'));

  await withApp('blank forms at the locked home go to one folder and the PDF viewer; no demo over a real vault', { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir, ...homeEnv }, async (s) => {
    await setUpVault(s, saveDir);
    await lockFromAdmin(s);

    const demo = await invokeFromPage(s, 'start_demo');
    assert.equal(demo.err?.code, 'demo.vaultExists', 'the demo is refused over a real vault');
    assert.equal((await invokeFromPage(s, 'app_status')).ok.demo, false);

    await s.click('[data-testid="home-print-forms"]');
    await s.click('[data-testid="blank-incident"]');
    const folder = join(home, 'Documents', 'Safekeeper blank forms');
    const path = join(folder, 'Incident form blank.pdf');
    assert.equal(await s.waitForText('[data-testid="blank-incident-folder"]', /blank forms$/), folder, 'the station says where it went');
    assert.equal(await s.text('[data-testid="blank-incident-name"]'), 'Incident form blank.pdf');
    await s.waitForText('[data-testid="blank-incident-saved"]', /opening in your PDF viewer/);
    await s.screenshot(join(shots, '82-locked-home-blank-form-printed.png'));
    assert.ok(readFileSync(path).subarray(0, 5).toString() === '%PDF-', 'the PDF is in the fixed folder');
    assert.ok(readFileSync(notifyLog, 'utf8').includes(`open ${path}`), 'handed to the PDF viewer');
    assert.deepEqual(pdfs(), [], 'nothing went through a Save dialog');
  });

  const env = {
    SAFEKEEPER_DATA_DIR: dataDir,
    SAFEKEEPER_SAVE_DIR: saveDir,
    SAFEKEEPER_SAVE_DELAY_SECONDS: String(DELAY),
    SAFEKEEPER_AUTO_LOCK_SECONDS: String(AUTO_LOCK),
    ...homeEnv,
  };
  await withApp('a Save dialog that outlives the auto-lock writes nothing', env, async (s) => {
    await s.click('[data-testid="tile-unlock"]');
    await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="unlock-submit"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
    await s.click('[data-testid="nav-incidents"]');

    // Control: the admin stays active while the "dialog" is open, so the file is written.
    await s.click('[data-testid="incident-print-blank"]');
    const until = Date.now() + DELAY * 1000 + 3000;
    while (Date.now() < until && pdfs().length === 0) {
      await invokeFromPage(s, 'touch');
      await sleep(500);
    }
    assert.deepEqual(pdfs(), ['Incident form blank.pdf'], 'saved when the session is still unlocked');
    await s.waitFor('[data-testid="incident-print-blank-saved"]');
    rmSync(join(saveDir, 'Incident form blank.pdf'));

    // Now the admin leaves the "dialog" open and walks away: the auto-lock fires first.
    await s.click('[data-testid="incident-print-blank"]');
    const started = Date.now();
    await waitForLockedHome(s);
    assert.ok(Date.now() - started < DELAY * 1000, 'locked while the dialog was still open');
    await s.screenshot(join(shots, '82-locked-while-save-dialog-open.png'));
    // Well after the "dialog" answered: still nothing.
    await sleep(DELAY * 1000 + 2000 - (Date.now() - started));
    assert.deepEqual(readdirSync(saveDir), [], 'no file appeared, not even a temporary one');
    assert.equal((await invokeFromPage(s, 'app_status')).ok.phase, 'locked');
  });

  for (const dir of [dataDir, saveDir, home]) rmSync(dir, { recursive: true, force: true });
  assert.ok(!existsSync(home));
}
