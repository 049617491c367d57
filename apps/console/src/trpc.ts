import { MutationCache, QueryClient } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createMembersClient, TRPCClientError, type MembersRouter } from '@members/client';
import type { TrpcErrorData } from '@members/contracts';

/** The typed tRPC hooks of both pages: `useTRPC().members.list.queryOptions(…)`, and nothing but tRPC. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<MembersRouter>();

/** A client for one credential (an API key, or a customer session's token), on this page's own origin. */
export const clientFor = (credential: string) =>
  createMembersClient({ url: window.location.origin, apiKey: credential, source: 'console' });

export const newQueryClient = () => {
  const client: QueryClient = new QueryClient({
    // Every change writes its entry in the audit trail: the history a page shows has it at once.
    mutationCache: new MutationCache({ onSuccess: () => client.invalidateQueries({ queryKey: [['audit']] }) }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A refusal will not change on a retry; only a dropped connection might.
        retry: (failures, error) => failures < 2 && !(error instanceof TRPCClientError && error.data),
      },
    },
  });
  return client;
};

/** What went wrong, in words: the server's message, or what the browser could not reach. */
export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    // The server's errorFormatter adds TrpcErrorData to tRPC's own data; a failure before the server has none.
    const data = error.data as (Partial<TrpcErrorData> & { httpStatus?: number }) | undefined;
    const issues = data?.issues?.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`) ?? [];
    return [error.message, ...issues].join(' — ');
  }
  return error instanceof Error ? `The server could not be reached (${error.message})` : String(error);
}

export const statusOf = (error: unknown): number | undefined =>
  error instanceof TRPCClientError ? (error.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
