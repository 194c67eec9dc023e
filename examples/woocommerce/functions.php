<?php
/*
 * cartback in a (child) theme's functions.php, instead of the plugin (use one, not both).
 * Copy cartback.js, the cartback-*.js files of packages/cartback/dist and cartback-purchase.js
 * into the theme's cartback/ folder, and set your endpoint below. WordPress 6.3+.
 */

add_action(
	'wp_enqueue_scripts',
	function () {
		wp_enqueue_script( 'cartback', get_stylesheet_directory_uri() . '/cartback/cartback.js', array(), '0.1.0', array( 'strategy' => 'async' ) );
	}
);

add_filter(
	'wp_script_attributes',
	function ( $attributes ) {
		if ( isset( $attributes['id'] ) && 'cartback-js' === $attributes['id'] ) {
			$attributes['data-endpoint'] = 'https://api.shop.example/cartback/events';
			$attributes['data-platform'] = 'woocommerce';
			$attributes['data-currency'] = get_woocommerce_currency();
			$attributes['data-locale']   = implode( '-', array_slice( explode( '_', get_locale() ), 0, 2 ) );
		}
		if ( isset( $attributes['id'], $GLOBALS['cartback_order'] ) && 'cartback-purchase-js' === $attributes['id'] ) {
			$attributes['data-order'] = $GLOBALS['cartback_order'];
		}
		return $attributes;
	}
);

add_action(
	'woocommerce_thankyou',
	function ( $order_id ) {
		$order = wc_get_order( $order_id );
		if ( ! $order || $order->has_status( 'failed' ) || $order->get_meta( '_cartback_purchase_sent' ) ) {
			return;
		}
		$order->update_meta_data( '_cartback_purchase_sent', 'yes' );
		$order->save();
		$GLOBALS['cartback_order'] = wp_json_encode(
			array(
				'orderId'  => (string) $order->get_order_number(),
				'value'    => (float) $order->get_total(),
				'currency' => $order->get_currency(),
			)
		);
		wp_enqueue_script( 'cartback-purchase', get_stylesheet_directory_uri() . '/cartback/cartback-purchase.js', array(), '0.1.0', true );
	}
);
