// Loads a module on first use and shares that one load with every later caller. The hosts
// import the services behind heavy packages (isomorphic-git, sharp, minisearch, remark) this
// way, so a start pays only for what the first screen needs and the web host prints its
// address sooner. A failed load is forgotten, so the next call tries again.
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  };
}
