// What every field widget gets: its visible label, the value, and a way to set it.
export interface WidgetProps<T> {
  /** The field's visible label ("Canonical URL"), for the names of controls inside the widget
   *  (its chips list, their remove buttons, Apply). The main control has no aria-label: it is
   *  named by the form's <label htmlFor={id}>, so its name starts with what the writer sees. */
  name: string;
  id: string;
  value: T;
  onValue(value: unknown): void;
  /** Id of the element holding help or a problem, for aria-describedby. */
  describedBy?: string;
  invalid?: boolean;
  readOnly?: boolean;
}
