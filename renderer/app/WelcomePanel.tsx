// Shown when no site is open yet.
interface Props {
  onOpenSite(): void;
}

export function WelcomePanel({ onOpenSite }: Props) {
  return (
    <main className="welcome" aria-label="Welcome">
      <h1>Welcome to Postwright</h1>
      <p>Open the folder of your Hugo site to see its posts.</p>
      <button type="button" className="primary" onClick={onOpenSite}>
        Open a site…
      </button>
    </main>
  );
}
