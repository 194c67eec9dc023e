import type { PlatformName } from './config.js';

/**
 * The store's platform, when its own scripts say so unmistakably and early: Shopify defines
 * `Shopify.shop` in the head of every Online Store page. WooCommerce's parameters come in the
 * page's footer, after an async script may have run, so WooCommerce is named in the config
 * (the plugin in examples/woocommerce does it); so is a GTM dataLayer, which runs on every
 * kind of site beside hand-written `cart.add` calls.
 */
export const detectPlatform = (win: any): PlatformName | undefined => win?.Shopify?.shop && 'shopify';
