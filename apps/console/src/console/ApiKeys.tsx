import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { scopes, type Scope } from '@members/contracts';
import { Time } from '../components/Time.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed, QueryState } from '../ui.js';
import type { Can } from './session.js';

export function ApiKeys({ can }: { can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const admin = can('admin');
  const keys = useQuery({ ...trpc.apiKeys.list.queryOptions({}), enabled: admin });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [chosen, setChosen] = useState<Scope[]>([]);
  const [copied, setCopied] = useState(false);
  if (!admin) return <p role="status">{notAllowed('admin')}</p>;
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <form
        aria-label="Create an API key"
        onSubmit={(event) => {
          event.preventDefault();
          const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
          setCopied(false);
          create.mutate({ scopes: chosen, ...(name ? { name } : {}) });
        }}
      >
        <label>
          Key name
          <input name="name" />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {scopes.map((scope) => (
            <label key={scope} style={{ flexDirection: 'row', gap: '0.25rem' }}>
              <input
                type="checkbox"
                checked={chosen.includes(scope)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, scope] : chosen.filter((s) => s !== scope))}
              />
              {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={chosen.length === 0}>
          Create key
        </button>
      </form>
      {create.error && <ErrorNote error={create.error} />}
      {create.data && (
        <div role="status">
          <p>The new key, shown only now:</p>
          <p className="secret" aria-label="New API key">
            {create.data.key}
          </p>
          <button
            className="secondary"
            onClick={() => navigator.clipboard.writeText(create.data.key).then(() => setCopied(true))}
          >
            Copy key
          </button>
          {copied && <span> Copied.</span>}
        </div>
      )}
      <QueryState pending={keys.isPending} error={keys.error} empty={keys.data?.length === 0 && 'No keys.'}>
        <div className="table-box">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Scopes</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Revoked</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data?.map((key) => (
                <tr key={key.id}>
                  <td>{key.name ?? '(no name)'}</td>
                  <td>{key.scopes.join(', ')}</td>
                  <td>
                    <Time iso={key.createdAt} />
                  </td>
                  <td>{key.lastUsedAt ? <Time iso={key.lastUsedAt} /> : 'never'}</td>
                  <td>
                    <Time iso={key.revokedAt} />
                  </td>
                  <td>
                    <button
                      className="danger"
                      disabled={key.revokedAt !== null}
                      aria-label={`Revoke ${key.name ?? key.id}`}
                      onClick={() => revoke.mutate({ id: key.id })}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {revoke.error && <ErrorNote error={revoke.error} />}
    </section>
  );
}
