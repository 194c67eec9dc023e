import { useTitle } from './useTitle.js';

/** Any other path, and a product id the shop does not sell. */
export function NotFoundPage() {
  useTitle('Not found');
  return (
    <div class="panel empty-state">
      <h1>Nothing here</h1>
      <a class="button" href="/">
        Back to the shop
      </a>
    </div>
  );
}
