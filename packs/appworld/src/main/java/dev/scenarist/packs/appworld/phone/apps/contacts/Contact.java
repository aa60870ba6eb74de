package dev.scenarist.packs.appworld.phone.apps.contacts;

import java.util.Optional;

/**
 * ARE's Contact.
 *
 * @param gender one of Male, Female, Other, Unknown
 * @param status one of Student, Employed, Unemployed, Retired, Unknown
 */
public record Contact(String contactId, String firstName, String lastName, boolean isUser, String gender, Optional<Long> age,
                      Optional<String> nationality, Optional<String> cityLiving, Optional<String> country, String status,
                      Optional<String> job, Optional<String> description, Optional<String> phone, Optional<String> email,
                      Optional<String> address) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
