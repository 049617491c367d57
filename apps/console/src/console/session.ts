import type { Scope } from '@members/client';

/**
 * The signed-in key, for this browser tab only: sessionStorage, sent as a header by the tRPC client. Never in a URL
 * or localStorage, so it leaves with the tab.
 */
const storageKey = 'members-console-key';
export const storedKey = () => sessionStorage.getItem(storageKey);
export const storeKey = (key: string) => sessionStorage.setItem(storageKey, key);
export const forgetKey = () => sessionStorage.removeItem(storageKey);

/** What the signed-in key may do, for every page: a control it cannot use is disabled, not failed. */
export type Can = (scope: Scope) => boolean;
