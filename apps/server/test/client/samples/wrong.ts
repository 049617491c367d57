// Must not compile: the contract says email is a string.
import { createMembersClient } from '@members/client';

const trpc = createMembersClient({ url: 'http://localhost:3000', apiKey: 'mk_x' });
await trpc.members.sync.mutate({ email: 42 });
