// Measures the resident memory of Safekeeper idle on the dashboard: the app process plus every
// WebKit process it started. Reported, not asserted. Run under Xvfb:
//   SAFEKEEPER_APP=path/to/release/safekeeper xvfb-run -a node tests/e2e/measure-memory.mjs
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session } from './webdriver.mjs';

const app = process.env.SAFEKEEPER_APP;
if (!app) throw new Error('set SAFEKEEPER_APP to the binary to measure');

function processes() {
  const out = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      // PSS shares each shared page out between the processes using it, so the sum is honest.
      const pss = Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
      out.set(Number(pid), { ppid, rss, pss, cmd });
    } catch {
      // Gone while we looked.
    }
  }
  return out;
}

const port = 4700;
const env = { ...process.env, SAFEKEEPER_DATA_DIR: mkdtempSync(join(tmpdir(), 'safekeeper-mem-')) };
const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], { env, stdio: 'ignore' });
await sleep(1500);
const s = await Session.start(`http://127.0.0.1:${port}`, { 'tauri:options': { application: app, args: ['--demo'] } });
try {
  await s.click('[data-testid="tile-unlock"]');
  const hint = await s.text('[data-testid="demo-passphrase"]');
  await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');
  await sleep(5000);
  const all = processes();
  const appPid = [...all].find(([, p]) => p.cmd === app)?.[0];
  const family = new Set([appPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of all) {
      if (!family.has(pid) && family.has(p.ppid)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  let rss = 0;
  let pss = 0;
  const mib = (kb) => (kb / 1024).toFixed(1).padStart(7);
  console.log('    RSS      PSS   (MiB)');
  for (const pid of family) {
    const p = all.get(pid);
    rss += p.rss;
    pss += p.pss;
    console.log(`${mib(p.rss)}  ${mib(p.pss)}  ${p.cmd.split('/').pop()}`);
  }
  console.log(`${mib(rss)}  ${mib(pss)}  total, idle on the dashboard`);
} finally {
  await s.end();
  driver.kill();
}
