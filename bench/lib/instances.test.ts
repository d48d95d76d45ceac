import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackends, roundRobin, startBalancer, type Balancer } from './balance.ts';
import { TWO_INSTANCES_SUFFIX, instanceCount, withTwoInstanceRuns } from './instances.ts';
import type { Scenario } from './types.ts';

describe('the two-instance setting', () => {
  it('is one instance unless BENCH_INSTANCES says 2, and two only on PostgreSQL', () => {
    expect(instanceCount('sqlite', {})).toBe(1);
    expect(instanceCount('postgres', { BENCH_INSTANCES: '' })).toBe(1);
    expect(instanceCount('postgres', { BENCH_INSTANCES: '2' })).toBe(2);
    expect(() => instanceCount('sqlite', { BENCH_INSTANCES: '2' })).toThrow(/BENCH_DB=postgres/);
    expect(() => instanceCount('postgres', { BENCH_INSTANCES: '3' })).toThrow(/1 or 2/);
  });

  it('repeats each read right after itself on the balancer, with the one-instance run as its baseline', () => {
    const scenarios: Scenario[] = [
      { name: 'bare', target: 'bare', path: '/items/3' },
      { name: 'list', target: 'ansvar', path: '/api/systems', baseline: 'bare', targetRatio: 0.5, targetP99Ms: 100 },
      { name: 'decide', target: 'ansvar', method: 'POST', path: '/api/x', body: () => '{}' },
      { name: 'during import', target: 'ansvar', path: '/api/systems', during: async () => ({}) },
    ];
    expect(withTwoInstanceRuns(scenarios, 1)).toBe(scenarios);
    const two = withTwoInstanceRuns(scenarios, 2);
    expect(two.map((s) => s.name)).toEqual(['bare', 'list', `list${TWO_INSTANCES_SUFFIX}`, 'decide', 'during import']);
    expect(two[2]).toMatchObject({ target: 'pair', path: '/api/systems', baseline: 'list', targetRatio: undefined, targetP99Ms: undefined });
  });
});

describe('the loopback balancer', () => {
  const open: Array<{ close: () => unknown }> = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });

  const backend = (name: string): Promise<Server> =>
    new Promise((done) => {
      const srv = createServer((_req, res) => res.end(name));
      srv.listen(0, '127.0.0.1', () => done(srv));
      open.push({ close: () => new Promise((r) => srv.close(r)) });
      srv.keepAliveTimeout = 100;
    });
  const portOf = (srv: Server) => (srv.address() as { port: number }).port;

  it('parses its backends and refuses anything else', () => {
    expect(parseBackends('127.0.0.1:4001, localhost:4002')).toEqual([
      { host: '127.0.0.1', port: 4001 },
      { host: 'localhost', port: 4002 },
    ]);
    expect(() => parseBackends('')).toThrow(/at least one/);
    expect(() => parseBackends('127.0.0.1')).toThrow(/not host:port/);
    expect(() => parseBackends('127.0.0.1:70000')).toThrow(/not host:port/);
  });

  it('hands out the backends in turn', () => {
    const next = roundRobin(['a', 'b']);
    expect([next(), next(), next()]).toEqual(['a', 'b', 'a']);
  });

  it('sends each new connection to the next backend and pipes the answer back', async () => {
    const [a, b] = await Promise.all([backend('a'), backend('b')]);
    const balancer: Balancer = await startBalancer(
      [
        { host: '127.0.0.1', port: portOf(a) },
        { host: '127.0.0.1', port: portOf(b) },
      ],
      0,
    );
    open.unshift(balancer);
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`http://127.0.0.1:${balancer.port}/`, { headers: { connection: 'close' } });
      answers.push(await res.text());
    }
    expect(answers).toEqual(['a', 'b', 'a', 'b']);
  });
});
