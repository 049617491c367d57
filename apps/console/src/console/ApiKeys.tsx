import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { scopes, type Scope } from '@members/contracts';
import { DataTable } from '../components/DataTable.js';
import { Form } from '../components/Form.js';
import { Time } from '../components/Time.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed } from '../ui.js';
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
  // The clipboard can refuse (no permission, a page not served over https): then the key is to be copied by hand.
  const [copied, setCopied] = useState<'copied' | 'refused' | null>(null);
  if (!admin) return <p role="status">{notAllowed('admin')}</p>;
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <Form
        label="Create an API key"
        submit="Create key"
        sending={create}
        denied={chosen.length === 0 && 'Choose at least one scope'}
        onSubmit={(values) => {
          setCopied(null);
          return create.mutateAsync({ scopes: chosen, name: values.optional('name') });
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
      </Form>
      {create.data && (
        <div role="status">
          <p>The new key, shown only now:</p>
          <p className="secret" aria-label="New API key">
            {create.data.key}
          </p>
          <button
            className="secondary"
            onClick={() =>
              void navigator.clipboard.writeText(create.data.key).then(
                () => setCopied('copied'),
                () => setCopied('refused'),
              )
            }
          >
            Copy key
          </button>
          {copied === 'copied' && <span> Copied.</span>}
          {copied === 'refused' && <span> The browser refused to copy: select the key and copy it.</span>}
        </div>
      )}
      <DataTable
        label="API keys"
        pending={keys.isPending}
        error={keys.error}
        rows={keys.data}
        rowKey={(key) => key.id}
        empty="No keys."
        columns={[
          { header: 'Name', cell: (key) => key.name ?? '(no name)' },
          { header: 'Scopes', cell: (key) => key.scopes.join(', ') },
          { header: 'Created', cell: (key) => <Time iso={key.createdAt} /> },
          { header: 'Last used', cell: (key) => (key.lastUsedAt ? <Time iso={key.lastUsedAt} /> : 'never') },
          { header: 'Revoked', cell: (key) => <Time iso={key.revokedAt} /> },
          {
            header: 'Revoke',
            hideHeader: true,
            cell: (key) => (
              <button
                className="danger"
                disabled={key.revokedAt !== null}
                aria-label={`Revoke ${key.name ?? key.id}`}
                onClick={() => revoke.mutate({ id: key.id })}
              >
                Revoke
              </button>
            ),
          },
        ]}
      />
      {revoke.error && <ErrorNote error={revoke.error} />}
    </section>
  );
}
