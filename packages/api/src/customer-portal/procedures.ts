import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { createCustomerSession } from './customer-sessions.js';
import { addToTeam, listTeam, removeTeamMember, updateTeamMember } from './portal-members.js';
import { portalSession, readTeam } from './portal-session.js';

/** Customer sessions (made with an API key) and the customer portal's team (used with a session). */
export const customerSessionProcedures = {
  create: procedure(procedures.customerSessions.create, createCustomerSession),
};

const portal = procedures.customerPortal.members;
export const customerPortalProcedures = {
  session: procedure(procedures.customerPortal.session, portalSession),
  team: procedure(procedures.customerPortal.team, readTeam),
  members: {
    list: procedure(portal.list, listTeam),
    add: procedure(portal.add, addToTeam),
    update: procedure(portal.update, updateTeamMember),
    remove: procedure(portal.remove, removeTeamMember),
  },
};
