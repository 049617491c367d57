// A TypeScript app in another repository: the members service through both of its published clients.
import { createMembersClient, createMembersRestClient, TRPCClientError } from '@members/client';
import type { MemberSyncResult } from '@members/contracts';

const [url, apiKey] = process.argv.slice(2);
if (!url || !apiKey) throw new Error('usage: node sample.js URL API_KEY');

const trpc = createMembersClient({ url, apiKey });
const synced: MemberSyncResult = await trpc.members.sync.mutate({
  email: 'Packaged@Example.com',
  name: 'Packaged',
  customFields: { source: 'tarball' },
});

const rest = createMembersRestClient({ url, apiKey });
const lookup = await rest.GET('/members/{lookup}', { params: { path: { lookup: synced.member.id } } });
if (!lookup.data) throw new Error(`lookup failed: ${lookup.response.status}`);

const team = await rest.POST('/v1/customers/', { body: { type: 'team', email: 'packaged-team@example.com' } });
if (!team.data) throw new Error(`customer create failed: ${team.response.status}`);

let invalidStatus = 0;
try {
  await trpc.members.lookup.query({ lookup: 'nobody@example.com' });
} catch (error) {
  if (error instanceof TRPCClientError) invalidStatus = Number(error.data?.httpStatus);
}

// Live events over SSE: a change made once the stream has started, then, back with the last id, what was missed.
const streamed = await new Promise<{ id: string; email: string }>((resolve, reject) => {
  const subscription = trpc.events.stream.subscribe(
    { types: ['user.created'] },
    {
      onStarted: () => void trpc.members.sync.mutate({ email: 'streamed@example.com' }).catch(reject),
      onData: ({ id, data }) => {
        if (data.type !== 'user.created') return;
        subscription.unsubscribe();
        resolve({ id, email: data.data.member.email });
      },
      onError: reject,
    },
  );
});
await trpc.members.sync.mutate({ email: 'missed@example.com' });
const missed = await new Promise<string>((resolve, reject) => {
  const subscription = trpc.events.stream.subscribe(
    { types: ['user.created'], lastEventId: streamed.id },
    {
      onData: ({ data }) => {
        if (data.type !== 'user.created') return;
        subscription.unsubscribe();
        resolve(data.data.member.email);
      },
      onError: reject,
    },
  );
});

console.log(
  JSON.stringify({
    created: synced.created,
    email: lookup.data.data.member.email,
    restStatus: lookup.response.status,
    customerType: team.data.type,
    notFoundStatus: invalidStatus,
    streamed: streamed.email,
    missed,
  }),
);
