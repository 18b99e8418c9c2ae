import type { ApiEvent } from '../../../shared/api/jobs';
import type { Core } from '../app';

/**
 * Forwards job events to one session: the transports (IPC, HTTP) call this per subscriber.
 * A user sees events of their own jobs only.
 */
export async function subscribeSession(core: Core, token: string, send: (event: ApiEvent) => void): Promise<(() => void) | null> {
  const user = await core.router.sessionUser(token);
  if (!user) return null;
  return core.jobs.subscribe(({ ownerId, ...job }) => {
    if (ownerId === user.id) send({ type: 'job', job });
  });
}
