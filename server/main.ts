import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { runCommand, USAGE } from './cli/commands.ts';

/** Entry point of `ansvar` and `npm start`: parse the command line, load configuration, run. */
async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, to: { type: 'string' }, role: { type: 'string' } },
    strict: true,
  });
  const config = loadConfig();
  return runCommand(command, values, config);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`ansvar: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof ConfigError ? 78 : 1;
  },
);
