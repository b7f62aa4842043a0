// The side panel's tabs, as data. To add a tool (the gallery, the history), add an entry here:
// an id, a label and what to render from the open post's context. Tabs render only while open.
import { lazy, Suspense } from 'react';
import type { OutlineItem } from '../../shared/text-stats';
import { api } from '../api';
import { ChecklistPanel } from '../writing-aids/ChecklistPanel';
import { OutlineList } from '../writing-aids/OutlineList';
import type { SidePanelTab } from './SidePanel';
import type { LivePost } from './use-live-post';

// The preview draws Markdown with remark: loaded only when the writer opens it.
const PreviewPane = lazy(() => import('../writing-aids/PreviewPane').then((m) => ({ default: m.PreviewPane })));
// The gallery (its callbacks come from PostImages.tsx through context): loaded when opened.
const GalleryTab = lazy(() => import('./GalleryTab').then((m) => ({ default: m.GalleryTab })));
// Versions (save version, history, sync) with their diff code: loaded when opened.
const HistoryTab = lazy(() => import('../history/HistoryTab').then((m) => ({ default: m.HistoryTab })));

export interface SidePanelContext {
  live: LivePost;
  title: string | undefined;
  onJumpToHeading(item: OutlineItem): void;
  /** For the History tab: save the editor's text before a version, restore or sync; reload after. */
  versions?: { saveFirst(): Promise<boolean>; reload(): void };
}

export type SidePanelTabId = 'outline' | 'checklist' | 'preview' | 'gallery' | 'history';

export function sidePanelTabs(ctx: SidePanelContext): SidePanelTab[] {
  const { live, versions } = ctx;
  return [
    { id: 'outline', label: 'Outline', render: () => <OutlineList text={live.raw} onJump={ctx.onJumpToHeading} /> },
    { id: 'checklist', label: 'Checklist', render: () => <ChecklistPanel api={api} path={live.path} raw={live.raw} /> },
    {
      id: 'preview',
      label: 'Preview',
      render: () => (
        <Suspense fallback={<p className="hint">Loading the preview…</p>}>
          <PreviewPane api={api} postPath={live.path} raw={live.raw} title={ctx.title} />
        </Suspense>
      ),
    },
    {
      id: 'gallery',
      label: 'Gallery',
      render: () => (
        <Suspense fallback={<p className="hint">Loading the gallery…</p>}>
          <GalleryTab postPath={live.path} />
        </Suspense>
      ),
    },
    ...(versions
      ? [
          {
            id: 'history',
            label: 'History',
            render: () => (
              <Suspense fallback={<p className="hint">Loading the history…</p>}>
                <HistoryTab postPath={live.path} saveFirst={versions.saveFirst} reload={versions.reload} postText={live.raw} />
              </Suspense>
            ),
          },
        ]
      : []),
  ];
}
