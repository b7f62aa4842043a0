// Editor engine metrics, all in Node on jsdom with the editor's own Milkdown setup:
// - roundtrip_corpus_p50_ms: open + source-preserving save per corpus file (budget 5 ms); in a
//   clone without ../shared/corpus, on the sample site (content/) and the test fixtures instead;
// - peer_milkdown_default_p50_ms: plain Milkdown (commonmark + gfm) parse + serialize per file;
// - save_1mb_ms: save after one edit in a generated 1 MB event-recap post (budget 30 ms).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Editor, editorViewOptionsCtx, parserCtx, rootCtx, serializerCtx } from '@milkdown/kit/core';
import { commonmark } from '@milkdown/kit/preset/commonmark';
import { gfm } from '@milkdown/kit/preset/gfm';
import { Transform } from '@milkdown/kit/prose/transform';
import type { BenchContext, BenchMetric } from './types';
import { summarize } from './types';
import { headlessEngine, installDom } from '../../electron/cli/install-dom';
import { roundtripText } from '../../engine/roundtrip-text';

function corpusTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.(md|markdown)$/i.test(e.name)) out.push(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
    }
  };
  walk(dir);
  return out;
}

function p50(samples: number[]): number {
  return summarize(samples).value;
}

/** An invented event recap of about `bytes` bytes: headings, lists, links, shortcodes. */
export function eventRecap(bytes: number): string {
  const parts: string[] = ['# Driftwood Summit: the full recap\n'];
  for (let i = 0; parts.join('').length < bytes; i++) {
    parts.push(
      `\n## Session ${i}: nets, tides and lanterns\n\n` +
        `Speaker ${i} from [Lanternfish Labs](https://example.org/talks/${i}?lang=en&track=b) talked about *tides* and **nets**, ` +
        `with notes in {{< ref "session-${i}.md" >}}. The room was full and the questions ran long.\n\n` +
        `- slides: [download](/files/session-${i}.pdf)\n- recording: pending\n- room: ${String.fromCharCode(65 + (i % 6))}\n\n` +
        `{{< figure src="session-${i}.jpg" title="Session ${i}" >}}\n\n` +
        `> "We mapped ${i} coves in a week." — a participant\n`,
    );
  }
  return parts.join('');
}

async function plainMilkdown() {
  const root = installDom().createElement('div');
  const editor = Editor.make()
    .config((ctx) => {
      ctx.set(rootCtx, root);
      ctx.update(editorViewOptionsCtx, (p) => ({ ...p, editable: () => false }));
    })
    .use(commonmark)
    .use(gfm);
  await editor.create();
  return { parse: editor.ctx.get(parserCtx), serialize: editor.ctx.get(serializerCtx), editor };
}

export async function run(ctx: BenchContext): Promise<BenchMetric[]> {
  const engine = await headlessEngine();
  const runs = ctx.quick ? 2 : 5;
  const metrics: BenchMetric[] = [];

  {
    // A writer's clone has no ../shared/corpus: the sample site and the fixtures stand in.
    const sources = ctx.corpusDir ? [ctx.corpusDir] : [join(ctx.repoRoot, 'content'), join(ctx.repoRoot, 'tests', 'fixtures')];
    const source = ctx.corpusDir ? 'the corpus' : 'the sample site and the test fixtures (no corpus)';
    const texts = sources.flatMap(corpusTexts);
    const peer = await plainMilkdown();
    const ours: number[] = [];
    const theirs: number[] = [];
    // CPU time per file too: on a loaded machine wall time mostly measures waiting for a core.
    const oursCpu: number[] = [];
    const theirsCpu: number[] = [];
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(since);
      return (d.user + d.system) / 1000;
    };
    let identical = 0;
    for (let r = 0; r < runs; r++) {
      const a: number[] = [];
      const b: number[] = [];
      const ac: number[] = [];
      const bc: number[] = [];
      identical = 0;
      for (const t of texts) {
        let c0 = process.cpuUsage();
        const t0 = performance.now();
        const out = roundtripText(engine, t).output;
        a.push(performance.now() - t0);
        ac.push(cpuMs(c0));
        if (out === t) identical++;
        // Plain Milkdown reports nodes it drops on console.error; silence it so printing does not
        // count against the peer.
        const consoleError = console.error;
        console.error = () => {};
        c0 = process.cpuUsage();
        const t1 = performance.now();
        peer.serialize(peer.parse(t));
        b.push(performance.now() - t1);
        bc.push(cpuMs(c0));
        console.error = consoleError;
      }
      ours.push(p50(a));
      theirs.push(p50(b));
      oursCpu.push(p50(ac));
      theirsCpu.push(p50(bc));
    }
    await peer.editor.destroy();
    metrics.push(
      { name: 'roundtrip_corpus_p50_ms', ...summarize(ours), budget: 5, peer: 'peer_milkdown_default_p50_ms', unit: 'ms', note: `${identical}/${texts.length} files of ${source} identical; CPU p50 ${p50(oursCpu).toFixed(2)} ms` },
      { name: 'peer_milkdown_default_p50_ms', ...summarize(theirs), unit: 'ms', note: `CPU p50 ${p50(theirsCpu).toFixed(2)} ms` },
    );
  }

  const big = eventRecap(1_000_000);
  const opened = engine.open(big);
  const saves: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    // One edit in the middle: replace a word inside a middle paragraph.
    const doc = opened.parsed.doc;
    let block = Math.floor(doc.childCount / 2) + r * 6;
    while (doc.child(block).type.name !== 'paragraph') block++;
    let pos = 0;
    for (let i = 0; i < block; i++) pos += doc.child(i).nodeSize;
    const edited = new Transform(doc).insert(pos + 1, doc.type.schema.text(`edit ${r} `)).doc;
    const t0 = performance.now();
    const out = opened.save(edited);
    saves.push(performance.now() - t0);
    if (out.length <= big.length) throw new Error('the edit did not reach the saved text');
  }
  metrics.push({ name: 'save_1mb_ms', ...summarize(saves.slice(2)), budget: 30, unit: 'ms', note: `${(big.length / 1e6).toFixed(2)} MB, ${opened.parsed.doc.childCount} blocks` });
  return metrics;
}
