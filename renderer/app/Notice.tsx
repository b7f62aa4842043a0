// A quiet notice under the top bar for things that went well and can be undone ("Post deleted.
// Undo"). Announced politely; not a `status` role, which belongs to the save state.
export interface NoticeState {
  message: string;
  action?: { label: string; run(): void };
}

interface Props {
  notice: NoticeState | null;
  onDismiss(): void;
}

export function Notice({ notice, onDismiss }: Props) {
  return (
    <div className="notice-slot" aria-live="polite">
      {notice && (
        <div className="notice" role="region" aria-label="Notice">
          <span className="notice-text">{notice.message}</span>
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                notice.action?.run();
                onDismiss();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="quiet" aria-label="Dismiss notice" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
