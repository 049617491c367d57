import { TRPCClientError, type MembersClientError } from '@members/client';

/** The error a tRPC call rejected with, for asserting on its code and data. */
export async function rejection(call: Promise<unknown>): Promise<MembersClientError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as MembersClientError;
    throw error;
  }
  throw new Error('expected the call to fail');
}
