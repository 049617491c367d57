import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { listEvents } from './event-log.js';

/** The event log, a page at a time (`events.stream`, a subscription, is mounted by the tRPC router). */
export const eventProcedures = {
  list: procedure(procedures.events.list, listEvents),
};
