// An error boundary around one region of the window (post list, editor, form, side panel, a
// dialog): a bug that breaks one region leaves the rest of the app working, where it once
// blanked the whole window. Before it shows anything, `onError` keeps the writer's unsaved
// text in the recovery journal and writes the error to the app's log (use-region-errors.ts);
// then a plain message says what happened and offers one way on (reload the post, the list…).
import { Component, createContext, type ReactNode } from 'react';
import { CrashProbe, recoverRegion, type Region } from './crash-probe';

export type RegionErrorHandler = (region: Region, error: Error, componentStack: string | undefined) => Promise<boolean>;

/** The app's handler, for boundaries placed deep in the tree (a dialog opened from the top bar). */
export const RegionErrorContext = createContext<RegionErrorHandler | null>(null);

interface Props {
  region: Region;
  /** How the message names the region: "the editor", "this dialog". */
  label: string;
  /** Keeps the text and logs the error; resolves with whether the text is kept. */
  onError?: RegionErrorHandler;
  /** The button's label and what it does; the region is drawn again after it. */
  action: { label: string; run(): void | Promise<void> };
  /** The region's element and class while it shows the message (so the layout holds). */
  as?: 'div' | 'section';
  className?: string;
  /** Whether the test hook may fail this region (not for a host that is mostly not on screen). */
  probe?: boolean;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Null until the text is kept (nothing is shown before that); then whether it was. */
  kept: boolean | null;
}

export class RegionBoundary extends Component<Props, State> {
  static override contextType = RegionErrorContext;
  declare context: RegionErrorHandler | null;
  override state: State = { error: null, kept: null };
  private alive = true;

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)), kept: null };
  }

  override componentDidCatch(error: unknown, info: { componentStack?: string | null }): void {
    const e = error instanceof Error ? error : new Error(String(error));
    const onError = this.props.onError ?? this.context ?? (async () => false);
    onError(this.props.region, e, info.componentStack ?? undefined).then(
      (kept) => this.alive && this.setState({ kept }),
      () => this.alive && this.setState({ kept: false }),
    );
  }

  override componentWillUnmount(): void {
    this.alive = false;
    recoverRegion(this.props.region);
  }

  private readonly act = async () => {
    // The writer asked to draw the region again: from now on it may. The action itself may draw
    // it afresh (reopening the post mounts a new editor and a new boundary around it) before it
    // returns, and that fresh copy must not fail as the old one did.
    recoverRegion(this.props.region);
    await this.props.action.run();
    if (this.alive) this.setState({ error: null, kept: null });
  };

  override render(): ReactNode {
    const { error, kept } = this.state;
    const { region, label, action, className } = this.props;
    if (!error) {
      return (
        <>
          {this.props.probe !== false && <CrashProbe region={region} />}
          {this.props.children}
        </>
      );
    }
    const Tag = this.props.as ?? 'div';
    if (kept === null) return <Tag className={className} aria-busy="true" />;
    return (
      <Tag className={className}>
        <div role="alert" className="region-error">
          <p>
            Something went wrong in {label}. {kept ? 'Your text is safe.' : 'Your text could not be written to the recovery folder: use the button below to get it back before you close the app.'}
          </p>
          <button type="button" onClick={() => void this.act()}>
            {action.label}
          </button>
        </div>
      </Tag>
    );
  }
}
