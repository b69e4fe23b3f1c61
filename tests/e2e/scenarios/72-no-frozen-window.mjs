// No frozen window: a backup of a large vault (three policies carrying a 9.5 MB document each, so
// the backup is about 30 MB to copy, seal, write and read back: three times the synthetic large
// organisation's records) runs while the window keeps answering
// a trivial command within 200 ms, and the auto-lock still fires on time in the middle of one. The
// stopped backup leaves no file behind and records nothing.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const AUTO_LOCK = 5;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Attaches a 9.5 MB PDF-looking document of random bytes to three policies, built in the page. */
async function makeVaultLarge(s) {
  const result = await s.execAsync(
    `const done = arguments[arguments.length - 1];
     (async () => {
       const invoke = window.__TAURI_INTERNALS__.invoke;
       const policies = await invoke('policies_list', { includeRetired: true });
       const size = 9.5 * 1024 * 1024;
       for (const p of policies.slice(0, 3)) {
         const bytes = new Uint8Array(size);
         for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
         bytes.set(new TextEncoder().encode('%PDF-1.7\\n'));
         let text = '';
         for (let i = 0; i < size; i += 32768) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
         await invoke('policy_document_attach', { id: p.id, fileName: 'Policy.pdf', base64: btoa(text) });
       }
       return Math.min(3, policies.length);
     })().then(n => done({ ok: n }), e => done({ err: String(e && e.message || JSON.stringify(e)) }));`,
  );
  assert.ok(result.ok, `the documents were attached: ${JSON.stringify(result.err)}`);
  return result.ok;
}

/**
 * Times `command` from the page, one call after another, while the backup shows its progress.
 * Returns each answer's time in milliseconds and whether the backup was still running when it came.
 */
async function timeWhileBackingUp(s, command) {
  return s.execAsync(
    `const done = arguments[arguments.length - 1];
     (async () => {
       const invoke = window.__TAURI_INTERNALS__.invoke;
       const samples = [];
       const until = performance.now() + 20000;
       const running = () => !document.querySelector('[data-testid="backup-verified"]') && !document.querySelector('[data-testid="backup-error"]');
       while (running() && performance.now() < until) {
         const start = performance.now();
         await invoke(arguments[0], {});
         samples.push({ ms: performance.now() - start, during: running(), at: Math.round(start), step: document.querySelector('[data-testid="backup-progress"] progress')?.value });
         await new Promise(r => setTimeout(r, 50));
       }
       return samples;
     })().then(v => done(v), e => done({ err: String(e) }));`,
    [command],
  );
}

async function openSettings(s) {
  await s.click('[data-testid="nav-settings"]');
  await s.waitFor('[data-testid="backup-section"]');
}

export default async function ({ withApp, shots, unlockDemo, lockFromAdmin, waitForLockedHome }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-frozen-'));
  const usb = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-frozen-usb-'));
  await withApp(
    'no frozen window: a large backup leaves the window answering, and the auto-lock stops it cleanly',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: usb, SAFEKEEPER_AUTO_LOCK_SECONDS: String(AUTO_LOCK) },
    async (s) => {
      await unlockDemo(s);
      const policies = await makeVaultLarge(s);
      assert.equal(policies, 3, `enough policies to make the vault large (${policies})`);
      // A fresh admin window, so the page's own memory of the documents it sent is not being
      // collected while it times answers.
      await lockFromAdmin(s);
      await unlockDemo(s);
      await openSettings(s);

      // (a) While a backup runs, a trivial command answers within 200 ms, time after time. The
      // calls count as activity, so the auto-lock waits.
      await s.click('[data-testid="backup-now"]');
      await s.waitFor('[data-testid="backup-progress"]');
      await s.exec(`document.querySelector('[data-testid="backup-progress"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '72-backup-in-progress.png'));
      const samples = await timeWhileBackingUp(s, 'session_info');
      assert.ok(Array.isArray(samples), `timed: ${JSON.stringify(samples)}`);
      const during = samples.filter((x) => x.during).map((x) => x.ms);
      assert.ok(during.length >= 5, `the backup ran long enough to be timed (${during.length} answers)`);
      const sorted = [...during].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      const max = sorted[sorted.length - 1];
      console.log(`  session_info during the backup: ${during.length} answers, median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
      const slowest = samples.filter((x) => x.during).sort((a, b) => b.ms - a.ms).slice(0, 5);
      console.log(`  slowest: ${slowest.map((x) => `${x.ms.toFixed(0)} ms at ${x.at - samples[0].at} ms (step ${x.step})`).join(', ')}`);
      assert.ok(max < 200, `every answer within 200 ms (slowest ${max.toFixed(1)} ms)`);
      await s.waitForText('[data-testid="backup-verified"]', /Backup verified/, { timeout: 240000 });
      const made = readdirSync(usb);
      assert.equal(made.length, 1, `the verified backup, and nothing else: ${made}`);
      const backupMs = samples.length ? samples.reduce((t, x) => t + x.ms + 50, 0) : 0;
      console.log(`  the backup took about ${(backupMs / 1000).toFixed(1)} s`);
      // Out of the way, so the folder shows exactly what the next backup leaves.
      rmSync(join(usb, made[0]));
      const lastBefore = await s.text('[data-testid="backup-last"]');

      // (b) Nothing counts as activity from this click on: the auto-lock is due AUTO_LOCK seconds
      // later, in the middle of the backup, and must not wait for it.
      const started = Date.now();
      await s.click('[data-testid="backup-now"]');
      await s.waitFor('[data-testid="backup-progress"]');
      await waitForLockedHome(s, { timeout: 30000 });
      const lockedAfter = (Date.now() - started) / 1000;
      console.log(`  auto-lock (${AUTO_LOCK} s) came ${lockedAfter.toFixed(1)} s after the backup started`);
      assert.ok(lockedAfter < AUTO_LOCK + 2.5, `the auto-lock fired on time (${lockedAfter.toFixed(1)} s)`);
      await s.screenshot(join(shots, '72-locked-during-backup.png'));
      // The backup stopped: no file and no temp file, now or a moment later.
      await sleep(3000);
      assert.deepEqual(readdirSync(usb), [], 'nothing half-written is left in the save folder');

      // The vault opens and the stopped backup was not recorded.
      await unlockDemo(s);
      await openSettings(s);
      assert.equal(await s.text('[data-testid="backup-last"]'), lastBefore, 'the stopped backup was not recorded');
      assert.deepEqual(readdirSync(usb), []);
    },
    ['--demo'],
  );
  for (const dir of [dataDir, usb]) rmSync(dir, { recursive: true, force: true });
}
