// Backups in the demo vault: the dashboard reminds that no backup exists; "Back up now" in
// Settings writes the encrypted file, reads it back and only then says "Backup verified"; the
// reminder goes. The file is kept as an artifact; it holds no readable names.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export default async function ({ withApp, shots, artifacts, checkAccessibility, unlockDemo }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-backup-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-backup-usb-'));
  await withApp(
    'back up now: written, read back, verified; the dashboard reminder goes',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      await unlockDemo(s);
      await s.waitForText('[data-testid="backup-reminder"]', /No backup of these records has been made yet/);
      await s.click('[data-testid="backup-reminder-link"]');
      await s.waitForText('[data-testid="backup-last"]', /No backup has been made yet/);
      await s.click('[data-testid="backup-now"]');
      const verified = await s.waitForText('[data-testid="backup-verified"]', /Backup verified/, { timeout: 60000 });
      assert.match(verified, /\d+ people/);
      const path = await s.text('[data-testid="backup-path"]');
      assert.match(path, /Safekeeper backup \d{4}-\d{2}-\d{2} \d{4}\.age$/);
      await s.waitForText('[data-testid="backup-last"]', /Last verified backup:/);
      await s.screenshot(join(shots, '90-backup-verified.png'));
      await checkAccessibility(s, 'settings after a backup');

      const files = readdirSync(saveDir);
      assert.equal(files.length, 1, `one file and nothing else in the folder: ${files}`);
      const bytes = readFileSync(join(saveDir, files[0]));
      assert.ok(bytes.subarray(0, 22).toString() === 'age-encryption.org/v1\n', 'an age file');
      assert.ok(!bytes.includes(Buffer.from('Jayden Clarke')), 'no readable names');
      copyFileSync(join(saveDir, files[0]), join(artifacts, 'backup.age'));

      await s.click('[data-testid="nav-dashboard"]');
      await s.waitFor('[data-testid="dashboard"]');
      await s.waitFor('[data-testid="dashboard-due"]');
      assert.equal((await s.findAll('[data-testid="backup-reminder"]')).length, 0, 'the reminder has gone');
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
