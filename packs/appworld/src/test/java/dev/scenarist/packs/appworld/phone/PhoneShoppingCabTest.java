package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneShoppingCabTest {
    private final TestPhone t = new TestPhone();

    @Test
    void checkout_with_a_discount_code_makes_an_order_and_empties_the_cart() {
        t.agent("ShoppingApp__add_to_cart", "item_id", "i1");
        t.agent("ShoppingApp__add_to_cart", "item_id", "i3", "quantity", 2);
        assertThat(t.agent("ShoppingApp__list_cart").get("total").asDouble()).isEqualTo(105.0);
        String order = t.agent("ShoppingApp__checkout", "discount_code", "RUN10").asText();
        JsonNode o = t.state("ShoppingApp").get("orders").get(order);
        assertThat(o.get("order_total").asDouble()).isEqualTo(97.0); // 80 * 0.9 + 2 * 12.5
        assertThat(o.get("status").asText()).isEqualTo("processed");
        assertThat(t.state("ShoppingApp").get("cart").isEmpty()).isTrue();
    }

    @Test
    void checkout_refuses_an_unknown_code_and_keeps_the_cart() {
        t.agent("ShoppingApp__add_to_cart", "item_id", "i1");
        assertThat(t.agentError("ShoppingApp__checkout", "discount_code", "RUN01"))
                .isEqualTo("ShoppingApp__checkout: no discount_code with discount_code 'RUN01'; did you mean 'RUN10'? known: 'RUN10'");
        assertThat(t.state("ShoppingApp").get("cart").has("i1")).isTrue();
    }

    @Test
    void an_unavailable_item_cannot_be_added() {
        assertThat(t.agentError("ShoppingApp__add_to_cart", "item_id", "i2")).contains("item 'i2' is not available");
    }

    @Test
    void cancel_order_only_before_shipping() {
        t.env("ShoppingApp__update_order_status", "order_id", "o1", "status", "shipped");
        assertThat(t.phone.notifications().get(0).text()).isEqualTo("Order o1 status updated to shipped");
        assertThat(t.agentError("ShoppingApp__cancel_order", "order_id", "o1")).contains("order 'o1' is shipped; only processed orders can be cancelled");
    }

    @Test
    void cancel_order_cancels_a_processed_order() {
        t.agent("ShoppingApp__cancel_order", "order_id", "o1");
        assertThat(t.state("ShoppingApp").at("/orders/o1/status").asText()).isEqualTo("cancelled");
    }

    @Test
    void search_product_and_details() {
        JsonNode hits = t.agent("ShoppingApp__search_product", "product_name", "shoe");
        assertThat(hits.size()).isEqualTo(1);
        assertThat(hits.get(0).get("product_id").asText()).isEqualTo("p1");
        assertThat(t.agent("ShoppingApp__get_product_details", "product_id", "p1").get("variants").has("i2")).isTrue();
    }

    @Test
    void cab_prices_are_deterministic_from_the_seeded_route() {
        JsonNode q = t.agent("CabApp__get_quotation", "start_location", "Home", "end_location", "Airport", "service_type", "Premium");
        assertThat(q.get("distance_km").asDouble()).isEqualTo(20.0);
        assertThat(q.get("price").asDouble()).isEqualTo(40.0);
        JsonNode other = new TestPhone().agent("CabApp__get_quotation", "start_location", "Home", "end_location", "Museum", "service_type", "Default");
        JsonNode again = new TestPhone().agent("CabApp__get_quotation", "start_location", "Home", "end_location", "Museum", "service_type", "Default");
        assertThat(other).isEqualTo(again);
    }

    @Test
    void one_ride_at_a_time_and_the_user_can_cancel_it() {
        String ride = t.agent("CabApp__order_ride", "start_location", "Home", "end_location", "Airport", "service_type", "Default").get("ride_id").asText();
        assertThat(t.agentError("CabApp__order_ride", "start_location", "Home", "end_location", "Airport", "service_type", "Van"))
                .contains("ride '" + ride + "' is already under way (BOOKED); user_cancel_ride first");
        t.env("CabApp__update_ride_status", "status", "DELAYED", "message", "traffic");
        assertThat(t.phone.notifications().get(0).text()).isEqualTo("Ride status updated to DELAYED: traffic");
        t.agent("CabApp__user_cancel_ride");
        assertThat(t.state("CabApp").at("/rides/" + ride + "/status").asText()).isEqualTo("CANCELLED");
        assertThat(t.agentError("CabApp__user_cancel_ride")).isEqualTo("CabApp__user_cancel_ride: there is no ride under way to cancel");
    }

    @Test
    void an_unknown_service_type_lists_the_valid_ones() {
        assertThat(t.agentError("CabApp__get_quotation", "start_location", "Home", "end_location", "Airport", "service_type", "Luxury"))
                .isEqualTo("CabApp__get_quotation: argument 'service_type' is \"Luxury\"; valid values: Default, Premium, Van");
    }
}
