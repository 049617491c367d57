import type { ChangeEvent } from 'react';

interface ChoiceProps<V extends string> {
  label: string;
  /** The contracts' enum values (`memberRole.options`), never a copy of them. */
  options: readonly V[];
  /** The words for each value. */
  labels: Record<V, string>;
  /** A first option that chooses nothing ("any"). */
  none?: string;
  name?: string;
  value?: V | '';
  defaultValue?: V;
  onChange?: (value: V | '') => void;
  disabled?: boolean;
  /** In a table row the column names the choice: its label is for screen readers only. */
  hideLabel?: boolean;
}

/** A labelled choice among an enum's values, each shown in words and sent as its wire value. */
export function Choice<V extends string>({
  label,
  options,
  labels,
  none,
  onChange,
  hideLabel,
  ...select
}: ChoiceProps<V>) {
  const changed = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = options.find((option) => option === event.target.value);
    onChange?.(chosen ?? '');
  };
  return (
    <label>
      {hideLabel ? <span className="visually-hidden">{label}</span> : label}
      <select {...select} onChange={onChange ? changed : undefined}>
        {none !== undefined && <option value="">{none}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
