import { useId, useState, type ReactNode } from 'react';
import { receiptInWords, type ErasureReceipt } from '@members/contracts';
import { ErrorNote } from '../ui.js';

/**
 * Erasing a person, which nothing undoes: a button that opens a confirmation saying what will go, and then the
 * receipt, counts per kind of record, in words. The confirmation is in the page (an `alertdialog`), not the browser's
 * own `confirm`, so it can list what goes and be read by a screen reader.
 */
export function Erasure({
  what,
  subject,
  consequences,
  denied,
  erase,
  erased,
}: {
  /** What is erased, as the buttons name it: "member", "customer". */
  what: string;
  /** Whom, as the operator knows them: their email. */
  subject: string;
  consequences: ReactNode;
  denied: string | false;
  erase: () => Promise<{ erased: ErasureReceipt }>;
  /** Told once the erasure is done, with its receipt in words. */
  erased: (receipt: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const title = useId();
  const described = useId();
  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      erased(receiptInWords((await erase()).erased));
    } catch (failure) {
      setError(failure);
      setSending(false);
    }
  };
  if (!confirming) {
    return (
      <button type="button" className="danger" disabled={Boolean(denied)} onClick={() => setConfirming(true)}>
        Erase {what}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby={title} aria-describedby={described} className="confirmation">
      <h2 id={title}>Erase {subject}?</h2>
      <div id={described}>
        {consequences}
        <p>
          <strong>This cannot be undone.</strong>
        </p>
      </div>
      <button type="button" className="danger" disabled={sending} onClick={() => void confirm()}>
        {sending ? 'Erasing…' : `Erase ${what} now`}
      </button>{' '}
      {/* Focus lands on the safe choice, so a stray Enter cancels. */}
      <button type="button" className="secondary" disabled={sending} autoFocus onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}
