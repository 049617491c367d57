import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { grants } from '@members/contracts';
import { clientFor, newQueryClient, statusOf, TRPCProvider, useTRPC } from '../trpc.js';
import { ErrorNote } from '../ui.js';
import { ApiKeys } from './ApiKeys.js';
import { Activity } from './AuditTrail.js';
import { Customers } from './Customers.js';
import { ImportFile } from './ImportFile.js';
import { MemberPage, Members } from './Members.js';
import { Overview } from './Overview.js';
import { Plans } from './Plans.js';
import { forgetKey, storedKey, storeKey, type Can } from './session.js';
import { SignIn } from './SignIn.js';
import { Webhooks } from './Webhooks.js';

const pages = [
  ['overview', 'Overview'],
  ['members', 'Members'],
  ['customers', 'Customers'],
  ['keys', 'API keys'],
  ['plans', 'Plans'],
  ['webhooks', 'Webhooks'],
  ['import', 'Import'],
  ['activity', 'Activity'],
] as const;

/** The hash is the route (`#members/<id>`): the server serves one page, and no key ever sits in the path. */
function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function App() {
  const [key, setKey] = useState(storedKey);
  const queryClient = useMemo(newQueryClient, [key]);
  const trpcClient = useMemo(() => clientFor(key ?? ''), [key]);
  if (!key) return <SignIn onSignIn={(entered) => (storeKey(entered), setKey(entered))} />;
  const signOut = () => (forgetKey(), setKey(null));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Signed signOut={signOut} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function Signed({ signOut }: { signOut: () => void }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.apiKeys.current.queryOptions({}));
  const [page = 'overview', id] = useRoute();
  if (me.isPending) return <p role="status">Signing in…</p>;
  if (me.error) {
    return (
      <main>
        <h1>Members console</h1>
        <ErrorNote error={me.error} />
        {statusOf(me.error) === 401 && <p>The key is unknown or revoked.</p>}
        <button onClick={signOut}>Sign in with another key</button>
      </main>
    );
  }
  const scopes = me.data.apiKey.scopes;
  // The server's own rule (a write scope grants its read, admin grants all), from the contracts.
  const can: Can = (scope) => grants(scopes, scope);
  const body: Record<string, ReactNode> = {
    overview: <Overview can={can} />,
    members: id ? <MemberPage lookup={decodeURIComponent(id)} can={can} /> : <Members can={can} />,
    customers: <Customers can={can} customerId={id} />,
    keys: <ApiKeys can={can} />,
    plans: <Plans can={can} />,
    webhooks: <Webhooks can={can} />,
    import: <ImportFile can={can} />,
    activity: <Activity can={can} />,
  };
  return (
    <>
      <header>
        <strong>{me.data.organization.name}</strong>
        <nav aria-label="Console">
          {pages.map(([name, title]) => (
            <a key={name} href={`#${name}`} aria-current={page === name ? 'page' : undefined}>
              {title}
            </a>
          ))}
        </nav>
        <button className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>{body[page] ?? <p>No page here.</p>}</main>
    </>
  );
}
