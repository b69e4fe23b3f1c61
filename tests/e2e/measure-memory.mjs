// Memory at rest: Safekeeper's release build idle at the locked home and idle on the dashboard
// (the demo vault), against a bare Tauri 2 window built with the same profile, measured the same
// way in the same run. For each: the app process and every process it started (WebKit's web
// content and network processes), RSS and PSS from /proc, after the screen has been still for a
// few seconds. Reported, not asserted. Run under Xvfb:
//   SAFEKEEPER_APP=… BARE_APP=… xvfb-run -a node tests/e2e/measure-memory.mjs [settle-seconds]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session } from './webdriver.mjs';
import { removeHome, withDriver } from './driver.mjs';

const ours = process.env.SAFEKEEPER_APP;
const bare = process.env.BARE_APP;
if (!ours || !bare) throw new Error('set SAFEKEEPER_APP and BARE_APP');
const settle = Number(process.argv[2] ?? 8) * 1000;

/** Every process as pid → { ppid, name }. */
function processes() {
  const all = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      all.set(Number(entry), { ppid, name });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return all;
}

/** The newest process running `binary`, and everything below it. */
function tree(binary) {
  const all = processes();
  const roots = [...all.keys()].filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === binary;
    } catch {
      return false;
    }
  });
  if (roots.length === 0) throw new Error(`no process runs ${binary}`);
  const root = Math.max(...roots);
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const [pid, p] of all) if (p.ppid === found[i]) found.push(pid);
  }
  return found.map((pid) => ({ pid, name: all.get(pid).name }));
}

/** RSS and PSS in KiB, from smaps_rollup. */
function memory(pid) {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))[1]);
  return { rss: field('Rss'), pss: field('Pss') };
}

function measure(binary) {
  const rows = tree(binary).map((p) => ({ ...p, ...memory(p.pid) }));
  const total = rows.reduce((t, r) => ({ rss: t.rss + r.rss, pss: t.pss + r.pss }), { rss: 0, pss: 0 });
  return { rows, total };
}

/** Runs `body(base)` against `binary` started under tauri-driver with an empty HOME. */
async function withEmptyHome(binary, port, body) {
  const home = mkdtempSync(join(tmpdir(), 'safekeeper-memory-'));
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
  try {
    return await withDriver({ binary, port, env, quiet: true }, body);
  } finally {
    removeHome(home);
  }
}

const results = [];

await withEmptyHome(bare, 4900, async (base) => {
  const s = await Session.start(base, { 'tauri:options': { application: bare } });
  await s.waitFor('[data-testid="ready"]', { timeout: 30000 });
  await sleep(settle);
  results.push({ what: 'bare Tauri 2 window, idle', ...measure(bare) });
  await s.end();
});

await withEmptyHome(ours, 4910, async (base) => {
  const s = await Session.start(base, { 'tauri:options': { application: ours, args: ['--demo'] } });
  await s.waitFor('[data-testid="tile-unlock"]', { timeout: 30000 });
  await sleep(settle);
  results.push({ what: 'Safekeeper, idle at the locked home', ...measure(ours) });
  await s.click('[data-testid="tile-unlock"]');
  const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
  await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="due-list"], [data-testid="dashboard"]', { timeout: 30000 });
  await sleep(settle);
  results.push({ what: 'Safekeeper, idle on the dashboard (demo vault)', ...measure(ours) });
  await s.end();
});

const baseline = results[0].total;
console.log('| what | processes | RSS | PSS | × bare (RSS) | × bare (PSS) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const names = r.rows.map((p) => p.name).join(', ');
  const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
  console.log(
    `| ${r.what} | ${names} | ${mib(r.total.rss)} | ${mib(r.total.pss)} | ${(r.total.rss / baseline.rss).toFixed(2)} | ${(r.total.pss / baseline.pss).toFixed(2)} |`,
  );
}
