// A backup brings back a lost laptop: make a vault, add records, back up, then wipe the data
// folder as if the laptop were gone. On the first-run screen, "Restore from a backup" with only
// the backup file and the paper recovery key gives a working vault with every record.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const NEW_PASSPHRASE = 'violet harbour copper meadow';

export default async function ({ withApp, shots, checkAccessibility, setUpVault, addStaff, openPerson }) {
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
    assert.equal(admins.length, 1, 'the one admin of the old vault is offered');
    await s.clickElement(admins[0]);
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
  });
}
