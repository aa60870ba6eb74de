package dev.scenarist.packs.appworld.phone.apps.apartment;

import java.util.List;

/** ARE's Apartment; {@code saved} is the user's favourite mark. */
public record Apartment(String apartmentId, String name, String location, String zipCode, double price, long bedrooms, long bathrooms,
                        String propertyType, long squareFootage, String furnishedStatus, String floorLevel, String petPolicy,
                        String leaseTerm, List<String> amenities, boolean saved) {
    public Apartment {
        amenities = List.copyOf(amenities);
    }

    Apartment withSaved(boolean s) {
        return new Apartment(apartmentId, name, location, zipCode, price, bedrooms, bathrooms, propertyType, squareFootage,
                furnishedStatus, floorLevel, petPolicy, leaseTerm, amenities, s);
    }

    Apartment withPrice(double p) {
        return new Apartment(apartmentId, name, location, zipCode, p, bedrooms, bathrooms, propertyType, squareFootage,
                furnishedStatus, floorLevel, petPolicy, leaseTerm, amenities, saved);
    }
}
