import type { ReactNode } from 'react';
import { ErrorNote } from '../ui.js';

/** A submitted form's fields, read as the contracts want them: trimmed text, absent when empty, enum values. */
export class FormValues {
  constructor(private readonly data: FormData) {}

  text(name: string): string {
    // A file input's entry is a File, which has no text to read.
    const value = this.data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  }

  /** The trimmed text, or undefined when the field was left empty (an optional input left out). */
  optional(name: string): string | undefined {
    return this.text(name) || undefined;
  }

  /** The chosen value of a select built from a contract enum's options (`Choice`), typed as that enum. */
  choice<V extends string>(name: string, options: readonly V[]): V {
    const value = this.data.get(name);
    const chosen = options.find((option) => option === value);
    // A select offers only the enum's options: anything else is a fault of the page, not of the person.
    if (chosen === undefined) throw new Error(`The form has no choice ${name} among ${options.join(', ')}`);
    return chosen;
  }
}

/** What a form shows of the mutation it sends: react-query's own fields. */
interface Sending {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}

interface FormProps {
  /** The form's accessible name ("Add a customer"). */
  label: string;
  /** The submit button's words ("Add customer"). */
  submit: string;
  /** Sends the values; resolves once the change is made (a mutation's `mutateAsync`). */
  onSubmit: (values: FormValues) => Promise<unknown>;
  sending: Sending;
  /** Why the caller may not send it (a scope the key lacks): the button is shown, disabled, with this as its title. */
  denied?: string | false;
  /** Said once the change is made ("Saved."); a form that adds something clears its fields as well (`clear`). */
  done?: string;
  clear?: boolean;
  /** Further buttons beside the submit one (delete). */
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}

/**
 * The one form pattern of the console and the portal: labelled fields, a submit button that says why it is
 * disabled, the server's refusal in words under it, and, once the change is made, a status line or cleared fields.
 */
export function Form({ label, submit, onSubmit, sending, denied, done, clear, extra, className, children }: FormProps) {
  return (
    <>
      <form
        aria-label={label}
        className={className}
        onSubmit={(event) => {
          event.preventDefault();
          // Kept now: React lets go of the event's element once this handler returns, before the answer.
          const element = event.currentTarget;
          onSubmit(new FormValues(new FormData(element))).then(
            () => clear && element.reset(),
            // The refusal is the mutation's error, shown below; nothing is left to handle here.
            () => undefined,
          );
        }}
      >
        {children}
        <button type="submit" disabled={Boolean(denied) || sending.isPending} title={denied || undefined}>
          {submit}
        </button>
        {extra}
      </form>
      {sending.error ? <ErrorNote error={sending.error} /> : null}
      {done && sending.isSuccess && <p role="status">{done}</p>}
    </>
  );
}
