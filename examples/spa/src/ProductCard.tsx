import { formatPrice } from './formatPrice.js';
import { productPath, toCartItem, type Product } from './products.js';
import { useCartback } from './useCartback.js';

/** A product in a grid, with its own add-to-cart button. */
export function ProductCard({ product }: { product: Product }) {
  const { cartback, cart } = useCartback();
  return (
    <li class="product-card">
      <a class="product-card__image" href={productPath(product)} tabIndex={-1} aria-hidden="true">
        <img src={product.image} alt="" width={400} height={400} loading="lazy" />
      </a>
      <div class="product-card__body">
        <p class="eyebrow">{product.category}</p>
        <h3 class="product-card__name">
          <a href={productPath(product)}>{product.name}</a>
        </h3>
        <p class="muted product-card__notes">{product.notes}</p>
        <div class="product-card__buy">
          <span class="price">{formatPrice(product.price, cart.currency)}</span>
          <button
            class="button button--small"
            type="button"
            data-add-to-cart={product.id}
            aria-label={`Add ${product.name} to cart`}
            onClick={() => cartback.cart.add(toCartItem(product))}
          >
            Add to cart
          </button>
        </div>
      </div>
    </li>
  );
}
