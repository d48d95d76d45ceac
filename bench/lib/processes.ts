/**
 * Child processes for the benchmark: a free loopback port, start a server, wait until it answers,
 * stop it. Every started process and temporary directory is registered with `cleanup`, which runs
 * at the end, on failure and on SIGINT/SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';
const TAIL_LINES = 60;

/** A port the kernel just handed out on 127.0.0.1 and released again. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

export interface Server {
  name: string;
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Output lines written by the process so far (all of stdout and stderr). */
  lineCount: () => number;
  /** The last lines of its output, for error messages. */
  tail: () => string;
}

export interface StartOptions {
  name: string;
  /** Arguments to node (the script comes after --import tsx). */
  args: string[];
  env: Record<string, string>;
  port: number;
  healthPath: string;
  timeoutMs?: number;
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export const registerTempDir = (dir: string): void => void tempDirs.add(dir);

/** Something else to undo at the end (a database): `run` in cleanup(), `runNow` (synchronous) on a hard exit. */
export interface Undo {
  run: () => Promise<void>;
  runNow: () => void;
}
const undos = new Set<Undo>();
export const registerUndo = (undo: Undo): void => void undos.add(undo);

/** Starts `node --import tsx <args>` and resolves once GET healthPath answers 200. */
export async function startServer(o: StartOptions): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...o.args], {
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));

  const lines: string[] = [];
  let count = 0;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      count++;
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const baseUrl = `http://${HOST}:${o.port}`;
  const server: Server = { name: o.name, baseUrl, port: o.port, child, lineCount: () => count, tail: () => lines.join('\n') };
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${o.name} exited (${child.exitCode ?? child.signalCode}) before answering:\n${server.tail()}`);
    }
    try {
      const res = await fetch(baseUrl + o.healthPath, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${o.name} did not answer GET ${o.healthPath} with 200 within ${(o.timeoutMs ?? 30_000) / 1000} s:\n${server.tail()}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux, 10 ms ticks); null
 * elsewhere. On a shared machine the CPU a step costs the server moves less than its wall time.
 */
export function cpuTimeMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after "(comm) ": state is the first, utime the 12th, stime the 13th (proc(5)).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Asks a child to stop (SIGTERM), and kills it if it has not exited after graceMs. */
async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Stops every child this process started and removes the temporary directories. Safe to call twice. */
export async function cleanup(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  for (const undo of [...undos]) {
    undos.delete(undo);
    await undo.run().catch((err: unknown) => process.stderr.write(`bench: cleanup failed: ${String(err)}\n`));
  }
}

/** Last resort when the process exits without cleanup() having finished: synchronous, no waiting. */
export function cleanupNow(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  for (const undo of undos) undo.runNow();
  undos.clear();
}
