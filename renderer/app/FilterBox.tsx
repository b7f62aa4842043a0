// Filters the post list by part of a title or tag.
interface Props {
  value: string;
  onChange(value: string): void;
  shown: number;
  total: number;
}

export function FilterBox({ value, onChange, shown, total }: Props) {
  return (
    <div className="filter">
      <label htmlFor="post-filter" className="visually-hidden">
        Filter posts
      </label>
      <input
        id="post-filter"
        type="search"
        placeholder="Filter by title or tag"
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
      />
      <p className="filter-count" aria-live="polite">
        {shown === total ? `${total} posts` : `${shown} of ${total} posts`}
      </p>
    </div>
  );
}
