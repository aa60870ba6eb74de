package dev.scenarist.packs.appworld.phone.apps.shopping;

import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Product;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.util.Map;

import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingApp.CART;
import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingApp.CATALOG;
import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingApp.NAME;
import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingApp.ORDERS;
import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingApp.PRODUCT;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/** The user's navigation in the shop: catalog → product detail; the cart and the orders list from the catalog. */
final class ShoppingScreens {
    private final ShoppingApp app;

    ShoppingScreens(ShoppingApp app) {
        this.app = app;
    }

    void declare(ToolSet t) {
        t.user("open_product", "Open a product's page.", CATALOG)
                .required("product_id", STRING, "id of the product")
                .handle(a -> {
                    Product p = app.products.require(a, "product_id");
                    app.ctx.navigation().push(Screen.of(NAME, PRODUCT, "product_id", p.productId()));
                    return app.details(p);
                });
        t.user("view_cart", "Open the cart.", CATALOG, PRODUCT)
                .handle(a -> {
                    app.ctx.navigation().push(Screen.of(NAME, CART));
                    return Map.of("items", app.cart.snapshot(), "total", app.total());
                });
        t.user("view_orders", "Open the list of orders.", CATALOG)
                .handle(a -> {
                    app.ctx.navigation().push(Screen.of(NAME, ORDERS));
                    return app.orders.snapshot();
                });
    }
}
