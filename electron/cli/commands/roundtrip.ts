// `postwright roundtrip <path>... [--json] [--write]`: opens and saves every .md/.markdown file
// under the paths through the editor's own engine (Milkdown, headless on jsdom) and reports
// which files would change. Exit 0 only when every file is byte-identical.
// `--json` adds `mappable` (files whose blocks all map 1:1 to their source, i.e. editable
// losslessly, not merely returned untouched) and `editable` (files whose every block the
// serializer writes back to an equal block), with `notEditable` listing the mappable files where
// some block does not (an edit there falls back to the closest safe text, see source-save),
// and `richTextShare`, the share of Markdown prose the editor shows as editable rich text
// (checks/rich-text-share.ts; defined in the README).
import { readFile, writeFile } from 'node:fs/promises';
import { collectPosts } from '../collect-posts';
import { decodeUtf8Strict } from '../../services/posts/decode';
import { isPostwrightError } from '../../../shared/ipc/errors';

export const summary = 'open and save every post; report any byte that changes';

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const write = argv.includes('--write');
  const paths = argv.filter((a) => !a.startsWith('--'));
  if (!paths.length) {
    process.stderr.write('Usage: postwright roundtrip <path>... [--json] [--write]\n');
    return 2;
  }
  const { headlessEngine } = await import('../install-dom');
  const { roundtripText } = await import('../../../engine/roundtrip-text');
  const { richTextCount } = await import('../checks/rich-text-share');
  const { innerIsMarkdownFor, shortcodeMapFor, siteRootOf } = await import('../checks/shortcode-inner');
  // Per site, as the app does: the editor is told which paired shortcodes hold Markdown.
  const sites = new Map<string | null, { map: Awaited<ReturnType<typeof shortcodeMapFor>>; isMarkdown: ReturnType<typeof innerIsMarkdownFor> }>();
  let prose = 0;
  let richText = 0;
  const engine = await headlessEngine();
  const files: string[] = [];
  const errors: Array<{ path: string; message: string }> = [];
  for (const p of paths) {
    try {
      await collectPosts(p, files);
    } catch (e) {
      errors.push({ path: p, message: `Cannot read this path: ${(e as Error).message}` });
    }
  }
  const changed: string[] = [];
  let identical = 0;
  let mappable = 0;
  let editable = 0;
  const notEditable: string[] = [];
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      const { text, bom } = decodeUtf8Strict(bytes, file);
      const site = siteRootOf(file);
      if (!sites.has(site)) {
        const map = await shortcodeMapFor(site);
        sites.set(site, { map, isMarkdown: innerIsMarkdownFor(map) });
      }
      const { map, isMarkdown } = sites.get(site)!;
      engine.core.shortcodeInner = map;
      const result = roundtripText(engine, text, json);
      if (result.mappable) mappable++;
      if (result.editable) editable++;
      else if (json && result.mappable) notEditable.push(file);
      if (json) {
        const count = richTextCount(engine, result.body, isMarkdown, result.parsed);
        prose += count.prose;
        richText += count.editable;
      }
      if (result.output === text) identical++;
      else {
        changed.push(file);
        if (write) await writeFile(file, (bom ? '\uFEFF' : '') + result.output);
      }
      if (!json && result.output !== text) process.stdout.write(`changed\t${file}\n`);
      else if (!json && result.unsafeReason) process.stdout.write(`kept as is\t${file}\t${result.unsafeReason}\n`);
    } catch (e) {
      const message = isPostwrightError(e) ? e.message : (e as Error).message;
      errors.push({ path: file, message });
      if (!json) process.stdout.write(`error\t${file}\t${message}\n`);
    }
  }
  if (json) {
    process.stdout.write(JSON.stringify({ files: files.length, identical, changed, errors, mappable, editable, notEditable, richTextShare: prose ? richText / prose : 1 }) + '\n');
  } else {
    process.stdout.write(`${files.length} files: ${identical} identical, ${changed.length} changed, ${errors.length} errors; ${mappable} mappable\n`);
  }
  await engine.destroy();
  return identical === files.length && errors.length === 0 ? 0 : 1;
}
