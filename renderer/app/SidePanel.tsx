// The right-hand panel beside the editor: one tab per tool (outline, checklist, preview, and
// later the gallery and history). The tab list is data: an area adds a tab by adding an entry
// to the list App passes in, nothing else. Arrow keys move between tabs (WAI-ARIA tabs).
import { useId, type ReactNode } from 'react';
import { moveFocus } from './roving-focus';

export interface SidePanelTab {
  id: string;
  label: string;
  /** Rendered only while the tab is open, so closed tools do no work. */
  render(): ReactNode;
}

interface Props {
  tabs: readonly SidePanelTab[];
  active: string;
  onSelect(id: string): void;
}

// Hidden and shown again with the "Side panel" button beside Save (one control, one place).
export function SidePanel({ tabs, active, onSelect }: Props) {
  const uid = useId();
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  if (!current) return null;
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="side-panel-head">
        <div role="tablist" aria-label="Tools" className="side-tabs" onKeyDown={(e) => moveFocus(e, '[role="tab"]', { prev: 'ArrowLeft', next: 'ArrowRight' })}>
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${uid}-${t.id}-tab`}
              aria-selected={t.id === current.id}
              aria-controls={`${uid}-panel`}
              tabIndex={t.id === current.id ? 0 : -1}
              className="side-tab"
              onClick={() => onSelect(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={`${uid}-panel`} aria-labelledby={`${uid}-${current.id}-tab`} className="side-panel-body">
        {current.render()}
      </div>
    </aside>
  );
}
