<?php
/**
 * Plugin Name:       cartback for WooCommerce
 * Description:       Loads cartback.js on the store's pages, captures the WooCommerce cart, and reports orders from the thank-you page.
 * Version:           0.1.0
 * Requires at least: 6.3
 * Requires PHP:      7.4
 * Requires Plugins:  woocommerce
 * WC requires at least: 8.0
 * License:           MIT
 * Text Domain:       cartback
 *
 * Copy cartback.js and the cartback-*.js files of packages/cartback/dist beside this file
 * (cartback.js loads its lazy files from its own folder), then set the endpoint (README.md).
 */

defined( 'ABSPATH' ) || exit;

const CARTBACK_VERSION = '0.1.0';

/** Where events go: the CARTBACK_ENDPOINT constant (wp-config.php), else the `cartback_endpoint` option. */
function cartback_endpoint() {
	return defined( 'CARTBACK_ENDPOINT' ) ? CARTBACK_ENDPOINT : (string) get_option( 'cartback_endpoint', '' );
}

/** WordPress's locale (de_DE, pt_PT_ao90) as a BCP 47 language tag (de-DE, pt-PT). */
function cartback_locale() {
	return implode( '-', array_slice( explode( '_', get_locale() ), 0, 2 ) );
}

// cartback.js in the head, async (WordPress 6.3+ prints the attribute for the `strategy` argument).
add_action(
	'wp_enqueue_scripts',
	function () {
		wp_enqueue_script( 'cartback', plugins_url( 'cartback.js', __FILE__ ), array(), CARTBACK_VERSION, array( 'strategy' => 'async' ) );
	}
);

// Its config as data-* attributes: values are escaped by wp_get_script_tag().
add_filter(
	'wp_script_attributes',
	function ( $attributes ) {
		if ( ! isset( $attributes['id'] ) || 'cartback-js' !== $attributes['id'] || ! function_exists( 'get_woocommerce_currency' ) ) {
			return $attributes;
		}
		// An empty data-* attribute reads as `true`: no endpoint, no attribute (nothing is sent).
		if ( cartback_endpoint() ) {
			$attributes['data-endpoint'] = cartback_endpoint();
		}
		$attributes['data-platform']     = 'woocommerce';
		$attributes['data-currency']     = get_woocommerce_currency();
		$attributes['data-locale']       = cartback_locale();
		$attributes['data-checkout-url'] = wc_get_checkout_url();
		if ( defined( 'CARTBACK_DEBUG' ) && CARTBACK_DEBUG ) {
			$attributes['data-debug'] = 'true'; // read as JSON: true
		}
		return $attributes;
	}
);

// The order, once: cartback-purchase.js reads it from data-order and calls cartback's purchase().
add_action(
	'woocommerce_thankyou',
	function ( $order_id ) {
		$order = wc_get_order( $order_id );
		// The thank-you page also shows failed payments; and a reload must not count the order twice.
		if ( ! $order || $order->has_status( 'failed' ) || $order->get_meta( '_cartback_purchase_sent' ) ) {
			return;
		}
		$order->update_meta_data( '_cartback_purchase_sent', 'yes' );
		$order->save();

		$data = wp_json_encode(
			array(
				'orderId'  => (string) $order->get_order_number(),
				'value'    => (float) $order->get_total(),
				'currency' => $order->get_currency(),
			)
		);
		add_filter(
			'wp_script_attributes',
			function ( $attributes ) use ( $data ) {
				if ( isset( $attributes['id'] ) && 'cartback-purchase-js' === $attributes['id'] ) {
					$attributes['data-order'] = $data;
				}
				return $attributes;
			}
		);
		// The page has started: the script goes in the footer.
		wp_enqueue_script( 'cartback-purchase', plugins_url( 'cartback-purchase.js', __FILE__ ), array(), CARTBACK_VERSION, true );
	}
);

// Orders are read and written through WC_Order only, so High-Performance Order Storage is fine.
add_action(
	'before_woocommerce_init',
	function () {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', __FILE__, true );
		}
	}
);
