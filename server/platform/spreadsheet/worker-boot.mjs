// Entry of the spreadsheet-reading worker thread: the server's sources are TypeScript, so the worker
// registers the same loader (tsx) before it imports its code. It inherits nothing from the parent's flags.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
