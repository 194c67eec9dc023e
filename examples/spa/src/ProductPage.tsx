import { NotFoundPage } from './NotFoundPage.js';
import { ProductCard } from './ProductCard.js';
import { formatPrice } from './formatPrice.js';
import { findProduct, PRODUCTS, toCartItem } from './products.js';
import { useCartback } from './useCartback.js';
import { useTitle } from './useTitle.js';

/** `/product/:id`: one product, and three others. */
export function ProductPage({ id }: { id?: string }) {
  const product = findProduct(id);
  const { cartback, cart } = useCartback();
  useTitle(product?.name ?? 'Not found');
  if (!product) return <NotFoundPage />;
  const inCart = cart.items.find((item) => item.id == product.id)?.quantity ?? 0;
  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="/">Shop</a> <span aria-hidden="true">/</span> <span>{product.name}</span>
      </nav>
      <article class="product-detail">
        <img class="product-detail__image" src={product.image} alt={product.name} width={400} height={400} />
        <div class="product-detail__info">
          <p class="eyebrow">{product.category}</p>
          <h1>{product.name}</h1>
          <p class="product-detail__price price">{formatPrice(product.price, cart.currency)}</p>
          <p class="product-detail__facts">{product.facts}</p>
          <p class="muted">{product.notes}</p>
          <div class="product-detail__actions">
            <button class="button" type="button" data-add-to-cart={product.id} onClick={() => cartback.cart.add(toCartItem(product))}>
              Add to cart
            </button>
            {inCart > 0 && (
              <a href="/cart" data-in-cart>
                {inCart} in your cart
              </a>
            )}
          </div>
        </div>
      </article>
      <section class="section" aria-labelledby="more-heading">
        <h2 id="more-heading">You might also like</h2>
        <ul class="product-grid">
          {PRODUCTS.filter((other) => other != product)
            .slice(0, 3)
            .map((other) => (
              <ProductCard key={other.id} product={other} />
            ))}
        </ul>
      </section>
    </>
  );
}
