/**
 * A small loopback load balancer for the benchmark's two-instance mode (`BENCH_INSTANCES=2`): it accepts
 * TCP connections on HOST:PORT and hands each to the next of BACKENDS in turn, piping bytes both ways.
 * Balancing whole connections is what a TCP balancer in front of Ansvar does (HAProxy in `mode tcp`, a
 * Kubernetes Service); autocannon keeps its connections open, so N connections split N/2 and N/2.
 *
 * Env: PORT, HOST (127.0.0.1), BACKENDS ("127.0.0.1:4001,127.0.0.1:4002").
 */
import { parseBackends, startBalancer } from './lib/balance.ts';

const backends = parseBackends(process.env.BACKENDS);
const port = Number(process.env.PORT);
const balancer = await startBalancer(backends, port, process.env.HOST ?? '127.0.0.1');
process.stdout.write(`balancer on ${port} → ${backends.map((b) => `${b.host}:${b.port}`).join(', ')}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void balancer.close().then(() => process.exit(0)));
