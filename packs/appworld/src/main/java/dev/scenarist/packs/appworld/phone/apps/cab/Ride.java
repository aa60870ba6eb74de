package dev.scenarist.packs.appworld.phone.apps.cab;

import java.time.Instant;

/**
 * ARE's Ride, for quotations and booked rides alike.
 *
 * @param status   for a booked ride: BOOKED, DELAYED, ARRIVED_AT_PICKUP, IN_PROGRESS, COMPLETED or CANCELLED;
 *                 a quotation is QUOTED
 * @param duration minutes
 */
public record Ride(String rideId, String status, String serviceType, String startLocation, String endLocation, double price,
                   double duration, Instant timeStamp, double distanceKm, String message) {
    Ride withStatus(String newStatus, String newMessage) {
        return new Ride(rideId, newStatus, serviceType, startLocation, endLocation, price, duration, timeStamp, distanceKm, newMessage);
    }

    boolean active() {
        return !status.equals("COMPLETED") && !status.equals("CANCELLED") && !status.equals("QUOTED");
    }
}
