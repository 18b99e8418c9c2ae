// Development and test entry of the worker threads: lets Node run their TypeScript sources through tsx.
// The job worker by default; another worker's source path as the first argument (runner.ts workerScript).
// Built apps use out/main/<name>.js instead.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';

register();
const source = process.argv[2];
await import(source ? pathToFileURL(source).href : './worker.ts');
