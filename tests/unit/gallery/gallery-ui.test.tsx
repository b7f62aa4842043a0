// @vitest-environment jsdom
// The gallery panel against the real app (handlers, dispatch, typed client, sharp, files in a
// temp site), rendered by React in jsdom. Elements are found by role and accessible name.
import { existsSync, readFileSync } from 'node:fs';
import { File as NodeFile } from 'node:buffer';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Gallery } from '../../../renderer/gallery';
import { galleryTestApp, type GalleryTestApp } from './test-app';
import { NOT_A_PNG, phoneJpeg, pngImage } from './make-images';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const POST = 'blog/driftwood/index.md';
const TEXT = '---\ntitle: Driftwood\n---\n\n![The booth](booth.jpg)\n![](stage.png)\n![Gone](gone.png)\n';
let t: GalleryTestApp;
let root: Root;
let host: HTMLElement;
let jpg: Buffer;
let png: Buffer;

beforeAll(async () => {
  jpg = await phoneJpeg(600, 400, 1);
  png = await pngImage();
});
afterEach(async () => {
  act(() => root.unmount());
  host.remove();
  await t.close();
});

async function until<T>(find: () => T | null | undefined, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = find();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}

const region = () => host.querySelector<HTMLElement>('section[aria-label="Gallery"]');
const card = (name: string) => host.querySelector<HTMLElement>(`article[aria-label="${name}"]`);
const button = (within: ParentNode, name: string) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name) ?? null;
const dialog = () => host.querySelector<HTMLDialogElement>('dialog');

async function mount(onInsert: (s: string) => void, onSetPostImage?: (s: string) => void) {
  t = await galleryTestApp({ [`content/${POST}`]: TEXT, 'content/blog/driftwood/booth.jpg': jpg, 'content/blog/driftwood/stage.png': png, 'content/blog/driftwood/spare.png': await pngImage(40, 40, '#000000') });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(<Gallery api={t.api} postPath={POST} onInsert={onInsert} onSetPostImage={onSetPostImage} />));
  await until(() => card('booth.jpg'), 'the booth card');
}

async function submitAlt(alt: string) {
  const d = await until(dialog, 'the alt text dialog');
  const input = d.querySelector('input')!;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, alt);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => button(d, 'Insert image')!.click());
}

describe('the gallery panel', () => {
  it('shows a card per image named by its file, flags missing images and missing alt text', async () => {
    await mount(() => {});
    expect(region()).not.toBeNull();
    expect(button(region()!, 'Import images')).not.toBeNull();
    expect(card('gone.png')!.textContent).toContain('missing');
    expect(card('stage.png')!.textContent).toContain('No alt text');
    expect(card('booth.jpg')!.textContent).not.toContain('No alt text');
    expect(card('booth.jpg')!.textContent).toContain('600 × 400');
    const img = await until(() => card('booth.jpg')!.querySelector('img'), 'the booth preview');
    expect(img.getAttribute('src')).toMatch(/^data:image\/webp;base64,/);

    const unused = region()!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(unused.parentElement!.textContent).toContain('Show only unused images');
    await act(async () => unused.click());
    expect([...host.querySelectorAll('article')].map((a) => a.getAttribute('aria-label'))).toEqual(['spare.png']);
  });

  it('inserts an image with the alt text asked for, and sets the post image', async () => {
    const inserted: string[] = [];
    const postImages: string[] = [];
    await mount((s) => inserted.push(s), (s) => postImages.push(s));
    await act(async () => button(card('spare.png')!, 'Insert')!.click());
    await submitAlt('A black square from Lanternfish Labs');
    expect(inserted).toEqual(['![A black square from Lanternfish Labs](spare.png)']);
    await act(async () => button(card('spare.png')!, 'Set as post image')!.click());
    expect(postImages).toEqual(['spare.png']);
  });

  it('imports dropped files, refuses a fake .png in plain words, then asks for alt text', async () => {
    const inserted: string[] = [];
    await mount((s) => inserted.push(s));
    const files = [new NodeFile([await phoneJpeg(500, 300, 6)], 'IMG 7001.JPG'), new NodeFile([NOT_A_PNG], 'logo.png')];
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files, types: ['Files'] } });
    await act(async () => region()!.dispatchEvent(drop));
    await submitAlt('Mara Quill at the Driftwood Summit');
    expect(inserted).toEqual(['![Mara Quill at the Driftwood Summit](img-7001.jpg)']);
    expect(existsSync(join(t.site.root, 'content/blog/driftwood/img-7001.jpg'))).toBe(true);
    expect(existsSync(join(t.site.root, 'content/blog/driftwood/logo.png'))).toBe(false);
    const alert = await until(() => [...host.querySelectorAll('[role="alert"]')].find((a) => a.textContent?.includes('logo.png')), 'the refusal');
    expect(alert.textContent).toContain('"logo.png" is not a picture');
    await until(() => card('img-7001.jpg'), 'the new card');
    expect(t.events.some((e) => e.event === 'progress')).toBe(true);
    // The post itself is the editor's to change: the gallery did not touch it.
    expect(readFileSync(join(t.site.root, 'content', POST), 'utf8')).toBe(TEXT);
  });

  it('asks before deleting and shows where the image is used', async () => {
    await mount(() => {});
    await act(async () => button(card('booth.jpg')!, 'Delete')!.click());
    const d = await until(() => (dialog()?.textContent?.includes('line 5') ? dialog() : null), 'the usages');
    expect(d.textContent).toContain(`${POST}, line 5`);
    await act(async () => button(d, 'Delete image')!.click());
    await until(() => !card('booth.jpg') || card('booth.jpg')!.textContent!.includes('missing'), 'the card to show missing');
    expect(existsSync(join(t.site.root, 'content/blog/driftwood/booth.jpg'))).toBe(false);
  });
});
