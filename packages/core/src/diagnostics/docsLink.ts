/** Where the documentation is published: the `docs/` folder of the repository. */
const DOCS = 'https://github.com/cartback/cartback/blob/main/docs/';

/** A link for a console message to end with: a page of the docs, and a heading on it (an error's code). */
export function docsLink(page: string, anchor?: string): string {
  return `${DOCS}${page}.md${anchor ? '#' + anchor : ''}`;
}
