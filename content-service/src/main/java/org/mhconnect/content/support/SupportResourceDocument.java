package org.mhconnect.content.support;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A place to turn to, as stored. The slug is the id, so the unique {@code _id} index makes seeding idempotent,
 * as for library items. {@code countries} holds ISO 3166-1 alpha-2 codes in upper case, or {@value #EVERYWHERE}
 * for a resource that serves every country; {@code languages} holds BCP 47 tags such as {@code en} or {@code de}.
 */
@Document("support_resources")
record SupportResourceDocument(
        @Id String id,
        String name,
        Kind kind,
        List<String> countries,
        List<Contact> contacts,
        String hours,
        List<String> languages,
        String description,
        LocalDate lastVerified,
        @Version Long version) {

    /** The country code of a resource that serves every country. */
    static final String EVERYWHERE = "*";

    /** What a resource is, in the order a directory lists them. */
    enum Kind {
        CRISIS_LINE,
        PROFESSIONAL_HELP_DIRECTORY,
        PEER_SUPPORT
    }

    /** How a resource can be reached. */
    enum ContactType {
        PHONE,
        SMS,
        CHAT,
        WEB
    }

    /** One way to reach a resource: a number to call or text, or an address to open, with a human label. */
    record Contact(ContactType type, String value, String label) {
    }
}
