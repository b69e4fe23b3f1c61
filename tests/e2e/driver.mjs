// Starting and stopping tauri-driver around one app, shared by the end-to-end harness and the
// measurement scripts. The order of the ending matters: WebKitWebDriver ends the app a moment
// after it answers the session's end, so the driver is stopped only once the app has gone (or
// after ten seconds); an app still running then is ended here, because Safekeeper is
// single-instance and the next start would hand over to it and exit.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether any process is running `binary`. */
export function appRunning(binary) {
  try {
    execFileSync('pgrep', ['-f', binary], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A TCP port nothing is listening on now, from the system. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `body(base)` with tauri-driver listening on `port` (its WebDriver address as `base`),
 * with `env` for the driver and so for the app it starts. Afterwards waits for `binary` to end,
 * stops the driver and ends any straggler.
 */
export async function withDriver({ binary, port, env = process.env, quiet = false }, body) {
  // WebKitWebDriver's port is asked of the system too: a fixed offset could land on the port of
  // another run's driver, and a session would then be opened in the wrong app.
  const nativePort = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    env,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        await fetch(`${base}/status`);
        break;
      } catch {
        if (i > 200) throw new Error('tauri-driver did not start');
        await sleep(50);
      }
    }
    return await body(base);
  } finally {
    for (let i = 0; i < 50 && appRunning(binary); i++) await sleep(200);
    driver.kill();
    await endStraggler(binary);
  }
}

/** Ends an app the driver left behind, politely first. */
async function endStraggler(binary) {
  for (const signal of ['TERM', 'KILL']) {
    if (!appRunning(binary)) return;
    console.log(`# an app was still running after its session ended; sending SIG${signal}`);
    try {
      execFileSync('pkill', [`-${signal}`, '-f', binary], { stdio: 'ignore' });
    } catch {
      // It went on its own.
    }
    for (let i = 0; i < 25 && appRunning(binary); i++) await sleep(200);
  }
  if (appRunning(binary)) throw new Error('an earlier app is still running and cannot be stopped');
}

/** Removes a throwaway HOME; a WebKit helper may still be writing its cache there. */
export function removeHome(home) {
  try {
    rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch {
    // Left in the system's temporary folder, which holds nothing of the vault's.
  }
}
