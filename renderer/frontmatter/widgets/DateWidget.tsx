// Date and date-time pickers that keep each file's own format and zone. The picker shows the
// wall-clock time exactly as written (a zoneless 10:00 stays 10:00, never converted to local
// time or UTC); the zone is shown beside it and written back unchanged.
import { formatDateLike, parseWrittenDate, toPickerValue } from '../../../shared/frontmatter/dates';
import type { WidgetProps } from './props';
import { TextWidget } from './SimpleWidgets';

export function DateWidget(props: WidgetProps<unknown> & { withTime: boolean }) {
  const { id, value, onValue, describedBy, invalid, readOnly, withTime } = props;
  const written = typeof value === 'string' ? value : null;
  const parsed = written ? parseWrittenDate(written) : null;
  if (written && !parsed) return <TextWidget {...props} />; // "02 Jan 2025": Hugo reads it; keep it as text
  const time = withTime || Boolean(parsed?.time);
  return (
    <span className="fm-date">
      <input
        id={id}
       
        type={time ? 'datetime-local' : 'date'}
        step={time ? 1 : undefined}
        value={parsed ? toPickerValue(parsed) : ''}
        onChange={(e) => {
          const v = e.target.value;
          if (!v) return;
          const [date, t] = v.split('T');
          onValue(formatDateLike(written, { date, time: time ? (t ?? '00:00:00') : null }));
        }}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        readOnly={readOnly}
      />
      {time && (
        <span className="fm-zone" title="The time zone is kept as written">
          {parsed?.zone ? `zone ${parsed.zone === 'Z' ? 'UTC' : parsed.zone}` : 'no zone (Hugo reads it as UTC)'}
        </span>
      )}
    </span>
  );
}
