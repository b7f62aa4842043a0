// A raw-text editor for one key: its value written as YAML (nested maps, lists of maps,
// anything without a dedicated widget). Applying it changes only that key's lines.
import { useState } from 'react';
import { parseDocument, stringify } from 'yaml';
import type { WidgetProps } from './props';

export function RawWidget({ name, id, value, onValue, describedBy, readOnly }: WidgetProps<unknown>) {
  const initial = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [base, setBase] = useState(initial);
  if (base !== initial) {
    // The value changed from outside (another edit, undo): show the new one.
    setBase(initial);
    setText(initial);
    setProblem(null);
  }
  const apply = () => {
    const doc = parseDocument(text, { schema: 'core' });
    if (doc.errors.length) {
      setProblem(`This is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
      return;
    }
    setProblem(null);
    onValue(doc.toJS() as unknown);
  };
  return (
    <div className="fm-raw">
      <textarea
        id={id}
       
        className="fm-mono"
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={problem ? true : undefined}
        readOnly={readOnly}
        spellCheck={false}
      />
      {!readOnly && (
        <button type="button" onClick={apply} disabled={text === initial}>
          Apply {name}
        </button>
      )}
      {problem && (
        <p role="alert" className="fm-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
