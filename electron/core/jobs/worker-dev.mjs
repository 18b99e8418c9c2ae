// Development and test entry of the job worker: lets Node run the TypeScript worker source through tsx.
// Built apps use out/main/jobWorker.js instead (see runner.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
