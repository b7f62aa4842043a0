// The one place errors are said, in plain words, announced by screen readers.
interface Props {
  message: string | null;
  onDismiss(): void;
}

export function ErrorAlert({ message, onDismiss }: Props) {
  if (!message) return null;
  return (
    <div role="alert" className="error-alert">
      <span className="error-text">{message}</span>
      <button type="button" className="quiet" onClick={onDismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
