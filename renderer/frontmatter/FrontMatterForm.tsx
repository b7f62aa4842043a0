// The front-matter form. It shows the right control for each field (from the section's schema)
// and reports every change as the front-matter text patched by setField, so the only line that
// changes in the file is the field's own. Broken front matter shows a read-only notice and a raw
// editor instead. Presentational: data comes in as props, text goes out through onChange.
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import type { FrontMatterFormat } from '../../shared/ipc/channels/posts';
import type { SectionSchema } from '../../shared/frontmatter/schema';
import type { Suggestions } from '../../shared/ipc/channels/frontmatter';
import { parseFrontMatter } from '../../shared/frontmatter/parse';
import { setField, unsetField } from '../../shared/frontmatter/edit';
import { validateFields, type FieldProblem } from '../../shared/frontmatter/validate';
import { layoutFields, NAME_KEYS, type FormField } from './layout';
import { useSlugTaken } from './use-slug-check';
import { BrokenFrontMatter } from './BrokenFrontMatter';
import { AddField, type FieldSuggestion } from './AddField';
import { HUGO_STANDARD_FIELDS } from '../../shared/frontmatter/hugo-fields';
import { labelOf } from '../../shared/frontmatter/schema';
import { TextWidget, LongTextWidget, UrlWidget, IntegerWidget, ToggleWidget, OptionsWidget } from './widgets/SimpleWidgets';
import { DateWidget } from './widgets/DateWidget';
import { ChipsWidget } from './widgets/ChipsWidget';
import { ImageWidget } from './widgets/ImageWidget';
import { RawWidget } from './widgets/RawWidget';
import type { WidgetProps } from './widgets/props';
import './frontmatter.css';

export interface FrontMatterFormProps {
  format: FrontMatterFormat;
  /** The front-matter text between its delimiters, as in the file. */
  frontMatter: string;
  schema: SectionSchema | null;
  suggestions?: Suggestions | null;
  /** Image paths the picker offers (the post's bundle and the gallery). */
  images?: readonly string[];
  /** Slugs other posts use (lower-case), for the "slug unique" check. */
  takenSlugs?: ReadonlySet<string>;
  /** Whether a slug is free for this post (asked when the writer pauses on the slug field). */
  checkSlug?(slug: string): Promise<boolean>;
  /** Image paths that exist, to point out references to missing ones. */
  existingImages?: ReadonlySet<string>;
  /** A splitter-level problem (e.g. no closing delimiter) the text alone does not show. */
  structureError?: { message: string; line: number; column: number } | null;
  readOnly?: boolean;
  onChange(frontMatter: string): void;
}

// Memoized: the editor pane re-renders in every pause in typing (counts, save state); the form
// only when its own props change.
export const FrontMatterForm = memo(function FrontMatterForm(props: FrontMatterFormProps) {
  const { format, frontMatter, schema, suggestions, images = [], existingImages, structureError, readOnly, onChange } = props;
  const parsed = useMemo(() => (format === 'none' ? { fields: {}, error: null } : parseFrontMatter(format, frontMatter)), [format, frontMatter]);
  const slugTaken = useSlugTaken(parsed.fields.slug, props.checkSlug);
  const takenSlugs = props.takenSlugs ?? slugTaken;
  const [editError, setEditError] = useState<string | null>(null);
  const [showMore, setShowMore] = useState(false);
  const uid = useId();
  const problem = structureError ?? parsed.error;
  if (problem) return <BrokenFrontMatter text={frontMatter} problem={problem} format={format === 'none' ? 'yaml' : format} onChange={onChange} />;

  const fields = parsed.fields;
  const editable = format === 'none' ? 'yaml' : format;
  const { main, more } = layoutFields(fields, schema?.fields ?? null);
  const problems = validateFields(fields, schema?.fields ?? [], { takenSlugs, existingImages });
  // The file's own key is shown only where it tells two fields apart that read the same
  // ("lastmod" and "lastMod" both read "Last modified"); elsewhere it is a tooltip, not jargon.
  const sharedLabels = labelsUsedTwice([...main, ...more]);
  // An error is never hidden under "More fields" (a slug another post uses, a bad date).
  const moreOpen = showMore || more.some((f) => problems.some((p) => p.key === f.key && p.level === 'error'));

  const update = (key: string, value: unknown) => {
    try {
      onChange(value === undefined ? unsetField(editable, frontMatter, [key]) : setField(editable, frontMatter, [key], value));
      setEditError(null);
    } catch (e) {
      setEditError((e as Error).message);
    }
  };

  const row = (f: FormField, widget: ReactNode) => {
    const mine = problems.filter((p) => p.key === f.key);
    const describedBy = f.help || mine.length ? `${uid}-${f.key}-note` : undefined;
    return (
      <div className={`fm-row fm-type-${f.type}`} key={f.key}>
        <label htmlFor={`${uid}-${f.key}`} title={f.label.toLowerCase() !== f.key.toLowerCase() ? f.key : undefined}>
          {f.label}
          {sharedLabels.has(f.label.toLowerCase()) && <span className="fm-key"> ({f.key})</span>}
          {f.required && <span className="fm-required" aria-hidden="true"> *</span>}
        </label>
        <div className="fm-control">
          {widget}
          {f.present && !f.required && !readOnly && (
            <button type="button" className="fm-remove" aria-label={`Remove field ${f.label}`} onClick={() => update(f.key, undefined)}>
              Remove
            </button>
          )}
        </div>
        {describedBy && <Notes id={describedBy} help={f.help} problems={mine} />}
      </div>
    );
  };

  const widgetFor = (f: FormField): ReactNode => {
    const p: WidgetProps<unknown> = {
      name: f.label,
      id: `${uid}-${f.key}`,
      value: fields[f.key],
      onValue: (v) => update(f.key, v),
      invalid: problems.some((x) => x.key === f.key && x.level === 'error'),
      describedBy: f.help || problems.some((x) => x.key === f.key) ? `${uid}-${f.key}-note` : undefined,
      readOnly,
    };
    if (f.options?.length && (f.type === 'text' || f.type === 'url')) return <OptionsWidget {...p} options={f.options} />;
    switch (f.type) {
      case 'long-text':
        return <LongTextWidget {...p} />;
      case 'date':
        return <DateWidget {...p} withTime={false} />;
      case 'date-time':
        return <DateWidget {...p} withTime />;
      case 'boolean':
        return <ToggleWidget {...p} />;
      case 'integer':
        return <IntegerWidget {...p} />;
      case 'url':
        return <UrlWidget {...p} />;
      case 'image':
        return <ImageWidget {...p} images={images} multiple={false} />;
      case 'image-list':
        return <ImageWidget {...p} images={images} multiple />;
      case 'text-list': {
        const names = NAME_KEYS.includes(f.key);
        const sugg = names ? suggestions?.contributors : suggestions?.taxonomies[f.key];
        return <ChipsWidget {...p} suggestions={sugg ?? []} variant={names ? 'names' : 'chips'} />;
      }
      case 'map':
      case 'raw':
        return <RawWidget {...p} />;
      default:
        return <TextWidget {...p} />;
    }
  };

  return (
    <form aria-label="Front matter" className="fm-form" onSubmit={(e) => e.preventDefault()}>
      {schema?.configError && <p className="fm-note">{schema.configError}</p>}
      {editError && (
        <p role="alert" className="fm-problem">
          {editError}
        </p>
      )}
      <div className="fm-grid">{main.map((f) => row(f, widgetFor(f)))}</div>
      {more.length > 0 && (
        <div className="fm-more">
          <button type="button" aria-expanded={moreOpen} aria-controls={`${uid}-more`} onClick={() => setShowMore(!moreOpen)}>
            More fields ({more.length})
          </button>
          {moreOpen && (
            <div id={`${uid}-more`} className="fm-grid">
              {more.map((f) => row(f, f.type === 'map' || f.type === 'raw' ? <RawWidget key={f.key} name={f.label} id={`${uid}-${f.key}`} value={fields[f.key]} onValue={(v) => update(f.key, v)} readOnly={readOnly} /> : widgetFor(f)))}
            </div>
          )}
        </div>
      )}
      {!readOnly && <AddField existing={Object.keys(fields)} suggestions={suggestFields(schema)} onAdd={update} />}
    </form>
  );
});

/** What "Add field" offers: the section's own fields (from its other posts), then Hugo's. */
function suggestFields(schema: SectionSchema | null): FieldSuggestion[] {
  const out: FieldSuggestion[] = [];
  const seen = new Set<string>();
  for (const f of schema?.fields ?? []) {
    if (f.hidden || f.type === 'map' || f.type === 'raw' || seen.has(f.key.toLowerCase())) continue;
    seen.add(f.key.toLowerCase());
    out.push({ key: f.key, label: f.label, type: f.type });
  }
  for (const f of HUGO_STANDARD_FIELDS) {
    if (seen.has(f.key.toLowerCase())) continue;
    seen.add(f.key.toLowerCase());
    out.push({ key: f.key, label: labelOf(f.key), type: f.type });
  }
  return out;
}

function Notes({ id, help, problems }: { id: string; help?: string; problems: FieldProblem[] }) {
  return (
    <div id={id} className="fm-notes">
      {help && <p className="fm-help">{help}</p>}
      {problems.map((p, i) => (
        <p key={i} className={p.level === 'error' ? 'fm-problem' : 'fm-hint'}>
          {p.message}
        </p>
      ))}
    </div>
  );
}

function labelsUsedTwice(fields: readonly FormField[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const f of fields) {
    const l = f.label.toLowerCase();
    if (seen.has(l)) twice.add(l);
    seen.add(l);
  }
  return twice;
}
