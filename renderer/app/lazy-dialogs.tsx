// Dialogs that are rarely shown (recovery after a crash, comparing with the file on disk) and
// bring a diff library: loaded when they first open, not with the app.
import { lazy, Suspense, type ComponentProps } from 'react';

const RecoveryDialogLazy = lazy(() => import('../recovery/RecoveryDialog').then((m) => ({ default: m.RecoveryDialog })));
const CompareDialogLazy = lazy(() => import('./CompareDialog').then((m) => ({ default: m.CompareDialog })));

export function RecoveryDialog(props: ComponentProps<typeof RecoveryDialogLazy>) {
  return (
    <Suspense fallback={null}>
      <RecoveryDialogLazy {...props} />
    </Suspense>
  );
}

export function CompareDialog(props: ComponentProps<typeof CompareDialogLazy>) {
  return (
    <Suspense fallback={null}>
      <CompareDialogLazy {...props} />
    </Suspense>
  );
}
