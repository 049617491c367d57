// The same app as sample.ts in a CommonJS project (`module: node16`, no "type": "module"): it requires the packages'
// CommonJS build, and has no top-level await.
import { createMembersClient, createMembersRestClient } from '@members/client';
import { memberSyncInput, type MemberSyncResult } from '@members/contracts';

async function main(url: string, apiKey: string) {
  const trpc = createMembersClient({ url, apiKey });
  const synced: MemberSyncResult = await trpc.members.sync.mutate(
    memberSyncInput.parse({ email: 'CommonJS@Example.com', name: 'CommonJS' }),
  );
  const rest = createMembersRestClient({ url, apiKey });
  const lookup = await rest.GET('/members/{lookup}', { params: { path: { lookup: synced.member.id } } });
  if (!lookup.data) throw new Error(`lookup failed: ${lookup.response.status}`);
  return { created: synced.created, email: lookup.data.data.member.email, restStatus: lookup.response.status };
}

const [url, apiKey] = process.argv.slice(2);
if (!url || !apiKey) throw new Error('usage: node sample-commonjs.js URL API_KEY');
main(url, apiKey).then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
