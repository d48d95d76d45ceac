import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WEB_DIR } from '../app.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** `npm start` builds the web app when dist/web is missing or older than its sources. */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(WEB_DIR, 'index.html');
  const sources = [join(ROOT, 'web'), join(ROOT, 'vite.config.ts'), join(ROOT, 'package-lock.json')].filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  process.stdout.write('Building the web app…\n');
  const res = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('Building the web app failed (see above).');
}
