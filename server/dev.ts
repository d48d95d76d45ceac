/** `npm run dev`: the API with reload on change, and Vite's dev server (proxying /api) for the web app. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules', '.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts', 'serve'], { cwd: root, stdio: 'inherit' }),
  spawn(bin('vite'), ['--port', '5173', '--strictPort'], { cwd: root, stdio: 'inherit' }),
];
process.stdout.write('API on http://127.0.0.1:3000, web app with reload on http://127.0.0.1:5173\n');
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && code !== 0 && stop());
