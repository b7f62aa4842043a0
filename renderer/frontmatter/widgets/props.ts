// What every field widget gets: its key (its accessible name), the value, and a way to set it.
export interface WidgetProps<T> {
  name: string;
  id: string;
  value: T;
  onValue(value: unknown): void;
  /** Id of the element holding help or a problem, for aria-describedby. */
  describedBy?: string;
  invalid?: boolean;
  readOnly?: boolean;
}
