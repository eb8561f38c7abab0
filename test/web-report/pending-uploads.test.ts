// Files of unsent forms are kept per link within a bound: whoever holds a link can open fresh
// forms at will, and each refused send keeps its files, so without one a link could fill the disk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activePersonalLinkOf } from '../../src/db/personal-links.js';
import { listPendingUploads, savePendingUploads, type UploadedFile } from '../../src/db/web-uploads.js';
import { createWebTest, type WebTest } from './helpers.js';

let w: WebTest;
let linkId: number;
let otherLinkId: number;
beforeEach(async () => {
  w = await createWebTest();
  linkId = (await activePersonalLinkOf(w.t.db, w.bloc.focalPointIds[0]!))!.id;
  otherLinkId = (await activePersonalLinkOf(w.t.db, w.bloc.focalPointIds[1]!))!.id;
});
afterEach(() => w.close());

const fileOf = (name: string, bytes: number): UploadedFile => ({
  kind: 'document',
  fileName: name,
  mimeType: 'application/pdf',
  sizeBytes: bytes,
  sha256: name,
  content: Buffer.alloc(bytes, 1),
});
const names = async (link: number, nonce: string) =>
  (await listPendingUploads(w.t.db, link, nonce)).map((p) => p.fileName);

describe('files kept for unsent forms', () => {
  it("drop the link's other forms' files, oldest first, past the bound; never this form's nor another link's", async () => {
    const now = w.clock.now();
    const save = (link: number, nonce: string, files: UploadedFile[]) =>
      savePendingUploads(w.t.db, link, nonce, files, now, 1000);
    await save(otherLinkId, 'form-z', [fileOf('z.pdf', 900)]);
    await save(linkId, 'form-a', [fileOf('a1.pdf', 300), fileOf('a2.pdf', 300)]);
    await save(linkId, 'form-b', [fileOf('b.pdf', 300)]);
    expect([await names(linkId, 'form-a'), await names(linkId, 'form-b')]).toEqual([['a1.pdf', 'a2.pdf'], ['b.pdf']]);

    await save(linkId, 'form-c', [fileOf('c.pdf', 350)]);
    // 350 (c) + 300 (b) + 300 (a2) fit in 1000; a1, the oldest, goes.
    expect([await names(linkId, 'form-a'), await names(linkId, 'form-b'), await names(linkId, 'form-c')]).toEqual([
      ['a2.pdf'],
      ['b.pdf'],
      ['c.pdf'],
    ]);

    await save(linkId, 'form-c', [fileOf('c2.pdf', 600)]);
    expect([await names(linkId, 'form-a'), await names(linkId, 'form-b'), await names(linkId, 'form-c')]).toEqual([
      [],
      [],
      ['c.pdf', 'c2.pdf'],
    ]);
    expect(await names(otherLinkId, 'form-z')).toEqual(['z.pdf']);
  });
});
