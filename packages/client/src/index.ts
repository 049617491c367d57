export {
  createMembersClient,
  type MembersClient,
  type MembersClientError,
  type MembersClientOptions,
  type MembersErrorShape,
  type MembersRouter,
} from './trpc.js';
export {
  createMembersRestClient,
  type MembersRestClient,
  type MembersRestClientOptions,
  type RestPaths,
  type RestSchemas,
} from './rest.js';
export { TRPCClientError } from '@trpc/client';
export type * from '@members/contracts';
