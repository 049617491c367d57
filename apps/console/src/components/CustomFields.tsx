import { useState } from 'react';
import type { JsonObject } from '@members/contracts';

type JsonValue = JsonObject[string];
interface Row {
  key: string;
  value: string;
}

/** A value as typed: JSON when it reads as JSON (`3`, `true`, `{"a":1}`), else the text itself. */
function valueOf(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
const textOf = (value: JsonValue) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * A member's custom fields as a key/value table that can be edited. Saving sends what changed as sync sends it: a
 * key with its new value, and a removed key as null.
 */
export function CustomFields({
  stored,
  disabled,
  onSave,
}: {
  stored: JsonObject;
  disabled: boolean;
  onSave: (changes: JsonObject) => void;
}) {
  const initial = Object.entries(stored).map(([key, value]) => ({ key, value: textOf(value) }));
  const [rows, setRows] = useState<Row[]>(initial);
  const set = (index: number, row: Partial<Row>) =>
    setRows(rows.map((current, at) => (at === index ? { ...current, ...row } : current)));
  const save = () => {
    const kept = rows.filter((row) => row.key.trim() !== '');
    const changes: JsonObject = Object.fromEntries(kept.map((row) => [row.key.trim(), valueOf(row.value)]));
    for (const key of Object.keys(stored)) if (!(key in changes)) changes[key] = null;
    onSave(changes);
  };
  return (
    <form
      aria-label="Custom fields"
      className="fields"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="table-box">
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>
                  <input
                    aria-label={`Name of field ${index + 1}`}
                    value={row.key}
                    onChange={(e) => set(index, { key: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Value of ${row.key || `field ${index + 1}`}`}
                    value={row.value}
                    onChange={(e) => set(index, { value: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setRows(rows.filter((_, at) => at !== index))}
                  >
                    Remove {row.key || `field ${index + 1}`}
                  </button>
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={3}>No custom fields.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={() => setRows([...rows, { key: '', value: '' }])}>
        Add a field
      </button>
      <button type="submit" disabled={disabled}>
        Save custom fields
      </button>
    </form>
  );
}
