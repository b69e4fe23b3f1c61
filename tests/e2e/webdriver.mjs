// A small W3C WebDriver client over fetch: just the commands these tests use.
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFile } from 'node:fs/promises';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, capabilities) {
    const res = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, res.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async end() {
    try {
      await this.cmd('DELETE', '');
    } catch {
      // The app may already have gone.
    }
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches a displayed element. */
  async waitFor(css, { timeout = 15000 } = {}) {
    const until = Date.now() + timeout;
    let last;
    while (Date.now() < until) {
      try {
        const el = await this.find(css);
        if (await this.cmd('GET', `/element/${el}/displayed`)) return el;
      } catch (e) {
        last = e;
      }
      await sleep(150);
    }
    throw new WebDriverError(`timed out waiting for ${css}${last ? `: ${last.message}` : ''}`);
  }

  async waitGone(css, { timeout = 15000 } = {}) {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      const found = await this.findAll(css).catch(() => []);
      if (found.length === 0) return;
      await sleep(150);
    }
    throw new WebDriverError(`timed out waiting for ${css} to go`);
  }

  /**
   * Clicks `css` once it has stopped moving. WebDriver clicks at the point where the element was
   * when the click began; if something above it or beside it is still being filled in, the page
   * shifts and the click lands on whatever is there instead, with no error.
   */
  async click(css) {
    const el = await this.waitFor(css);
    await this.clickElement(el);
  }

  /** Clicks an element already found, once it has stopped moving. */
  async clickElement(el) {
    await this.settled(el);
    await this.cmd('POST', `/element/${el}/click`, {});
  }

  /** Waits (at most two seconds) until the element is in the same place twice, 50 ms apart. */
  async settled(el) {
    const where = async () => JSON.stringify(await this.cmd('GET', `/element/${el}/rect`));
    const until = Date.now() + 2000;
    let before = await where();
    while (Date.now() < until) {
      await sleep(50);
      const now = await where();
      if (now === before) return;
      before = now;
    }
  }

  async type(css, text) {
    const el = await this.waitFor(css);
    await this.cmd('POST', `/element/${el}/clear`, {});
    await this.cmd('POST', `/element/${el}/value`, { text });
  }

  async text(css) {
    const el = await this.waitFor(css);
    return this.cmd('GET', `/element/${el}/text`);
  }

  async waitForText(css, pattern, { timeout = 15000 } = {}) {
    const until = Date.now() + timeout;
    let seen = '';
    while (Date.now() < until) {
      seen = await this.text(css).catch(() => '');
      if (pattern.test(seen)) return seen;
      await sleep(150);
    }
    throw new WebDriverError(`timed out waiting for ${css} to match ${pattern}; it said: ${seen}`);
  }

  exec(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  execAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  handles() {
    return this.cmd('GET', '/window/handles');
  }

  handle() {
    return this.cmd('GET', '/window');
  }

  switchTo(handle) {
    return this.cmd('POST', '/window', { handle });
  }

  /** Switches to the window whose document has `css`, waiting for it to appear. */
  async switchToWindowWith(css, { timeout = 20000 } = {}) {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      for (const h of await this.handles().catch(() => [])) {
        try {
          await this.switchTo(h);
          const found = await this.findAll(css);
          if (found.length > 0) return h;
        } catch {
          // A window closing under us: try the next.
        }
      }
      await sleep(250);
    }
    throw new WebDriverError(`no window shows ${css}`);
  }

  async screenshot(path) {
    // Let WebKit paint the last change before capturing.
    await sleep(400);
    const b64 = await this.cmd('GET', '/screenshot');
    await writeFile(path, Buffer.from(b64, 'base64'));
  }

  keys(actions) {
    return this.cmd('POST', '/actions', { actions });
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error || res.status} ${v.message || ''}`.trim());
  }
  return json.value;
}
