import { ProductCard } from './ProductCard.js';
import { PRODUCTS } from './products.js';
import { useTitle } from './useTitle.js';

/** `/`: the whole catalogue. */
export function CataloguePage() {
  useTitle('Small-batch coffee');
  return (
    <>
      <section class="hero">
        <div class="hero__text">
          <p class="eyebrow">The single-page shop</p>
          <h1>Coffee worth coming back for.</h1>
          <p class="hero__lead">
            The same shop as the classic storefront, as one page with a router, and cartback from npm keeping its cart.
          </p>
        </div>
      </section>
      <section class="section" aria-labelledby="shop-heading">
        <div class="section__head">
          <h2 id="shop-heading">The shop</h2>
          <p class="muted">Free shipping in the EU on orders over €40.</p>
        </div>
        <ul class="product-grid">
          {PRODUCTS.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </ul>
      </section>
    </>
  );
}
