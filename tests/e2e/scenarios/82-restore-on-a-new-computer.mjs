// A backup brings back a lost laptop: make a vault with two admins, add records, back up, then
// wipe the data folder as if the laptop were gone. On the first-run screen, "Restore from a
// backup" with only the backup file and the paper recovery key gives a working vault with every
// record; the other admin then sets a new passphrase through the recovery key and unlocks.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const NEW_PASSPHRASE = 'violet harbour copper meadow';
const DEPUTY = 'Jordan Lee';
const DEPUTY_OLD = 'tangerine cobalt meadow ferry';
const DEPUTY_NEW = 'orchard pebble lantern quartz';

/** Ticks the radio in `testid`'s group whose label holds `text`. */
async function pickByLabel(s, testid, text) {
  const picked = await s.exec(
    `const input = [...document.querySelectorAll('[data-testid="' + arguments[0] + '-option"]')]
       .find((i) => document.querySelector('label[for="' + i.id + '"]').textContent.includes(arguments[1]));
     if (!input) return false;
     input.click();
     return true;`,
    [testid, text],
  );
  assert.ok(picked, `${testid} offers ${text}`);
}

export default async function ({ withApp, shots, checkAccessibility, setUpVault, addStaff, openPerson, lockFromAdmin }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-newpc-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-newpc-usb-'));
  const openFrom = join(mkdtempSync(join(tmpdir(), 'safekeeper-e2e-newpc-open-')), 'open.txt');
  const env = { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir, SAFEKEEPER_OPEN_FROM: openFrom };
  const staff = ['Hannah Okoro', 'Tomasz Wilk', 'Priya Raman'];
  let recoveryKey = '';

  await withApp('new computer: a vault with records is backed up', env, async (s) => {
    recoveryKey = await setUpVault(s, saveDir, 'Northfield Youth Trust');
    for (const name of staff) await addStaff(s, name);
    await s.click('[data-testid="nav-settings"]');
    await s.click('[data-testid="admin-add-start"]');
    await s.type('[data-testid="admin-add-name"]', DEPUTY);
    await s.type('[data-testid="admin-add-passphrase"]', DEPUTY_OLD);
    await s.type('[data-testid="admin-add-passphrase-confirm"]', DEPUTY_OLD);
    await s.click('[data-testid="admin-add-submit"]');
    await s.waitForText('[data-testid="admin-list"]', new RegExp(DEPUTY));
    await s.click('[data-testid="backup-now"]');
    await s.waitForText('[data-testid="backup-verified"]', /Backup verified/, { timeout: 60000 });
  });

  const backups = readdirSync(saveDir).filter((f) => f.endsWith('.age'));
  assert.equal(backups.length, 1, 'one backup was written');
  writeFileSync(openFrom, join(saveDir, backups[0]));
  // The laptop is gone: nothing of the old data folder is left.
  rmSync(dataDir, { recursive: true, force: true });

  await withApp('new computer: the first-run screen restores the backup with the recovery key', env, async (s) => {
    await s.click('[data-testid="restore-new-start"]');
    await s.waitFor('[data-testid="restore-new"]');
    await checkAccessibility(s, 'restore from a backup: the key');
    await s.type('[data-testid="restore-new-key"]', recoveryKey);
    await s.screenshot(join(shots, '95-restore-new-key.png'));
    await s.click('[data-testid="restore-new-choose"]');
    const summary = await s.waitForText('[data-testid="restore-new-summary"]', /3 people/, { timeout: 60000 });
    assert.match(summary, /backup was made on/);
    const admins = await s.findAll('[data-testid="restore-new-admin-option"]');
    assert.equal(admins.length, 2, 'both admins of the old vault are offered');
    await pickByLabel(s, 'restore-new-admin', 'Morgan Ellis');
    await s.type('[data-testid="restore-new-passphrase"]', NEW_PASSPHRASE);
    await s.type('[data-testid="restore-new-passphrase-confirm"]', NEW_PASSPHRASE);
    await s.waitForText('[data-testid="restore-new-passphrase-strength"]', /strong/i);
    await checkAccessibility(s, 'restore from a backup: who are you');
    await s.screenshot(join(shots, '96-restore-new-admin.png'));
    await s.click('[data-testid="restore-new-finish"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
    await s.waitFor('[data-testid="dashboard"]', { timeout: 60000 });
    for (const name of staff) await openPerson(s, name);
    await s.screenshot(join(shots, '97-restore-new-records.png'));
    await lockFromAdmin(s);

    // The deputy's old passphrase belonged to the lost laptop: it opens nothing here.
    await s.click('[data-testid="tile-unlock"]');
    await s.type('[data-testid="unlock-passphrase"]', DEPUTY_OLD);
    await s.click('[data-testid="unlock-submit"]');
    await s.waitForText('[data-testid="error-summary"]', /did not unlock/i);
    // They set a new one through the recovery key, as the restore screen told them to.
    await s.click('[data-testid="recovery-link"]');
    await s.type('[data-testid="recovery-key-input"]', recoveryKey);
    await s.click('[data-testid="recovery-submit"]');
    await s.switchToWindowWith('[data-testid="new-passphrase"]');
    await pickByLabel(s, 'recovery-admin', DEPUTY);
    await s.type('[data-testid="new-passphrase"]', DEPUTY_NEW);
    await s.type('[data-testid="new-passphrase-confirm"]', DEPUTY_NEW);
    await s.screenshot(join(shots, '98-restore-new-second-admin.png'));
    await s.click('[data-testid="new-passphrase-submit"]');
    await s.waitFor('[data-testid="dashboard"]');
    await lockFromAdmin(s);
    await s.click('[data-testid="tile-unlock"]');
    await s.type('[data-testid="unlock-passphrase"]', DEPUTY_NEW);
    await s.click('[data-testid="unlock-submit"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
    assert.equal(await s.text('[data-testid="signed-in-name"]'), DEPUTY);
    for (const name of staff) await openPerson(s, name);
  });
}
