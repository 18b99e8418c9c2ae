import { applicantsHandlers } from '../applicants/handlers';
import { auditHandlers } from '../audit/handlers';
import { catalogHandlers } from '../catalog/handlers';
import { demoHandlers } from '../demo/handlers';
import { invoicesHandlers } from '../invoices/handlers';
import { jobsHandlers } from '../jobs/handlers';
import { screeningHandlers } from '../screening/handlers';
import { systemHandlers } from '../settings/handlers';
import { authHandlers, usersHandlers } from '../users/handlers';
import { wavesHandlers } from '../waves/handlers';
import type { Handlers } from './router';

/** Every method's handler, one map per area; the type makes a missing handler a compile error. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...jobsHandlers,
  ...applicantsHandlers,
  ...screeningHandlers,
  ...demoHandlers,
  ...wavesHandlers,
  ...catalogHandlers,
  ...invoicesHandlers,
};
