// Broken front matter: the post is read-only, the problem is named with its line and column in
// plain words, and a raw editor lets the writer fix the text. The parent saves nothing until
// the text parses again (then the form comes back by itself).
import { useId } from 'react';

export interface FrontMatterProblemView {
  message: string;
  line: number;
  column: number;
}

export function BrokenFrontMatter({ text, problem, format, onChange }: { text: string; problem: FrontMatterProblemView; format: string; onChange(text: string): void }) {
  const id = useId();
  const lines = text.split('\n');
  return (
    <section className="fm-broken" aria-label="Post settings that cannot be read">
      <div role="alert" className="fm-problem" id={`${id}-msg`}>
        <strong>The fields at the top of this post cannot be read, so the post is read-only.</strong>
        <p>
          Line {problem.line}, column {problem.column}: {problem.message}
        </p>
        <p>Fix the text below. Nothing is saved until it reads correctly again.</p>
      </div>
      <label htmlFor={`${id}-raw`}>Post settings as text ({format.toUpperCase()})</label>
      <textarea
        id={`${id}-raw`}
        className="fm-mono"
        rows={Math.min(24, lines.length + 1)}
        value={text}
        spellCheck={false}
        aria-describedby={`${id}-msg`}
        onChange={(e) => onChange(e.target.value)}
      />
    </section>
  );
}
