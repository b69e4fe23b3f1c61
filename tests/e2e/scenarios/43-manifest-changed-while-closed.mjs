// The signing station's file changed while Safekeeper was closed, on a laptop with a key store.
// A private session bus with a throwaway, unlocked GNOME Keyring (installed by .dev/setup.sh)
// stands in for the user's Secret Service. Safekeeper keeps the manifest's hash there when it
// writes the file; someone then adds their own age recipient with the app closed. At the next
// start the station refuses the file, says so in plain words and takes nothing in; the next
// unlock tells the admin and writes the file again, which the station trusts at the next start.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

function startKeyStore(scratch) {
  const [address, pid] = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  const env = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: address,
    XDG_DATA_HOME: join(scratch, 'data'),
    XDG_RUNTIME_DIR: join(scratch, 'run'),
  };
  mkdirSync(env.XDG_DATA_HOME, { recursive: true });
  mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  // The daemon keeps running on the private bus; its output is not waited for.
  execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'throwaway',
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  return { address, pid: Number(pid) };
}

/**
 * Waits until no Safekeeper holds its single-instance name on the private bus: a new start while
 * the last one is still closing would hand over to it and exit.
 */
async function waitForAppGone(address) {
  const until = Date.now() + 30000;
  while (Date.now() < until) {
    const names = execFileSync(
      'dbus-send',
      [`--bus=${address}`, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.ListNames'],
      { encoding: 'utf8' },
    );
    if (!/SingleInstance/i.test(names)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the previous Safekeeper did not close');
}

export default async function ({ withApp, shots, setUpVault, lockFromAdmin, checkAccessibility, PASSPHRASE }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-closed-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-closed-save-'));
  const scratch = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-keyring-'));
  const intruderKey = join(scratch, 'intruder.txt');
  execFileSync('age-keygen', ['-o', intruderKey], { stdio: 'ignore' });
  const intruder = readFileSync(intruderKey, 'utf8').match(/public key: (age1\w+)/)[1];
  const manifestPath = join(dataDir, 'vault', 'kiosk.json');
  const bus = startKeyStore(scratch);
  const env = { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir, DBUS_SESSION_BUS_ADDRESS: bus.address };

  try {
    await withApp('the station keeps the manifest hash in the key store when it writes the file', env, async (s) => {
      await setUpVault(s, saveDir);
      await lockFromAdmin(s);
    });

    await waitForAppGone(bus.address);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.recipients.push(intruder);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

    await withApp('a signing-station file changed while Safekeeper was closed is refused at the next start', env, async (s) => {
      const warning = await s.waitForText('[data-testid="station-changed-outside"]', /changed outside Safekeeper/);
      assert.match(warning, /tell the safeguarding lead in person/);
      await s.screenshot(join(shots, '43-station-changed-outside.png'));
      await checkAccessibility(s, 'locked home after the signing station file was changed while closed');

      // Nothing can be handed in: the concern tile is paused and opens nothing.
      await s.click('[data-testid="tile-concern"]');
      await s.waitFor('[data-testid="locked-home"]');
      assert.equal(await s.exec(`return document.querySelector('[data-testid="report-concern"]') === null;`), true);

      await s.click('[data-testid="tile-unlock"]');
      await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
      await s.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');
      await s.waitForText('[data-testid="outbox-manifest-changed"]', /changed outside Safekeeper/);
      assert.ok(!readFileSync(manifestPath, 'utf8').includes(intruder), 'the unlock wrote the file without the extra key');
      await lockFromAdmin(s);
      assert.equal(await s.exec(`return document.querySelector('[data-testid="station-changed-outside"]') === null;`), true);
    });

    await waitForAppGone(bus.address);
    await withApp('after the unlock put it right, the station trusts the file at the next start', env, async (s) => {
      await s.waitForText('[data-testid="home-org-name"]', /.+/);
      assert.equal(await s.exec(`return document.querySelector('[data-testid="station-changed-outside"]') === null;`), true);
      assert.equal(await s.exec(`return document.querySelector('[data-testid="tile-concern"]').getAttribute('aria-disabled');`), null);
    });
  } finally {
    try {
      process.kill(bus.pid);
    } catch {
      // Already gone.
    }
    for (const dir of [dataDir, saveDir, scratch]) rmSync(dir, { recursive: true, force: true });
  }
}
