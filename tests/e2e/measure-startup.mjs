// Cold start to the first screen: Safekeeper's release build against a bare Tauri 2 window built
// with the same profile, measured the same way in the same run, alternating between the two.
// For each start: from asking WebDriver for a session (which starts the app) to the moment the
// first screen's marker is in the page. Safekeeper starts with an empty HOME each time, so its
// first screen is the welcome screen of a new installation. Reported, not asserted. Run under Xvfb:
//   SAFEKEEPER_APP=… BARE_APP=… xvfb-run -a node tests/e2e/measure-startup.mjs [runs]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from './webdriver.mjs';
import { removeHome, withDriver } from './driver.mjs';

const apps = [
  { name: 'Safekeeper', binary: process.env.SAFEKEEPER_APP, marker: '[data-testid="setup-start"]' },
  { name: 'bare Tauri 2', binary: process.env.BARE_APP, marker: '[data-testid="ready"]' },
];
for (const a of apps) if (!a.binary) throw new Error(`set ${a.name === 'Safekeeper' ? 'SAFEKEEPER_APP' : 'BARE_APP'}`);
const runs = Number(process.argv[2] ?? 7);

async function startOnce(app, port) {
  const home = mkdtempSync(join(tmpdir(), 'safekeeper-start-'));
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
  try {
    return await withDriver({ binary: app.binary, port, env, quiet: true }, async (base) => {
      const began = performance.now();
      const s = await Session.start(base, { 'tauri:options': { application: app.binary } });
      await s.waitFor(app.marker, { timeout: 30000 });
      const took = performance.now() - began;
      await s.end();
      return took;
    });
  } finally {
    removeHome(home);
  }
}

const times = new Map(apps.map((a) => [a.name, []]));
// One start of each first, not counted: it loads the shared libraries into the page cache.
for (const [i, app] of apps.entries()) await startOnce(app, 4800 + i * 10);
for (let r = 0; r < runs; r++) {
  for (const [i, app] of apps.entries()) times.get(app.name).push(await startOnce(app, 4800 + i * 10));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [ours, bare] = apps.map((a) => median(times.get(a.name)));
console.log(`| app | median of ${runs} cold starts to the first screen | all (ms) |`);
console.log('| --- | --- | --- |');
for (const a of apps) {
  console.log(`| ${a.name} | ${median(times.get(a.name)).toFixed(0)} ms | ${times.get(a.name).map((t) => t.toFixed(0)).join(', ')} |`);
}
console.log(`\nSafekeeper / bare: ${(ours / bare).toFixed(2)}x`);
