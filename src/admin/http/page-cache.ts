// Rendered page bodies kept while the database has not changed (docs/decisions/0044): the
// dashboard and the reports list are read far more often than a bloc's data changes, and under
// load re-running their figures for every view is what makes them slow.

import { type HtmlEscapedString, raw } from 'hono/utils/html';
import type { Db } from '../../db/connection.js';
import { databaseVersion } from '../../db/data-version.js';

/**
 * The HTML of a JSX element, rendered once. hono/jsx escapes every value while rendering; raw()
 * only marks that already-escaped result so it is not escaped twice when reused. The cache takes
 * JSX elements, never strings, so no unescaped text can pass through it.
 */
type JsxElement = HtmlEscapedString | Promise<HtmlEscapedString>;

async function rendered(element: JsxElement): Promise<HtmlEscapedString> {
  // A JSX node is not a promise: awaiting it gives the node, whose toString() renders it.
  return raw(await (await element).toString());
}

export class PageCache {
  private version = '';
  private readonly entries = new Map<string, HtmlEscapedString>();

  constructor(private readonly maxEntries = 300) {}

  /**
   * The body stored under `key` if nothing was written to the database since it was rendered;
   * otherwise the rendering of the element `render()` builds.
   */
  async get(db: Db, key: string, render: () => Promise<JsxElement>): Promise<HtmlEscapedString> {
    const version = await databaseVersion(db);
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last, so the oldest entry is the first one dropped.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = await rendered(await render());
    if (this.version === version) {
      this.entries.set(key, body);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return body;
  }
}
