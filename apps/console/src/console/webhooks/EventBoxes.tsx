/** A choice of several events from the catalogue, one checkbox each. */
export function EventBoxes({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly string[];
  chosen: string[];
  onChange: (events: string[]) => void;
}) {
  return (
    <fieldset className="events">
      <legend>{legend}</legend>
      {options.map((event) => (
        <label key={event} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(event)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, event] : chosen.filter((c) => c !== event))}
          />
          {event}
        </label>
      ))}
    </fieldset>
  );
}
