package org.mhconnect.content.support;

import java.time.LocalDate;
import java.util.List;

/**
 * A resource as the directory shows it: everything but the version. {@code kind} and the contact types keep their
 * upper-case names ({@code CRISIS_LINE}, {@code PHONE}), which journal-service's built-in fallback uses as well.
 */
record SupportResourceView(String id, String name, SupportResourceDocument.Kind kind, List<String> countries,
        List<SupportResourceDocument.Contact> contacts, String hours, List<String> languages, String description,
        LocalDate lastVerified) {

    static SupportResourceView of(SupportResourceDocument resource) {
        return new SupportResourceView(resource.id(), resource.name(), resource.kind(), resource.countries(),
                resource.contacts(), resource.hours(), resource.languages(), resource.description(),
                resource.lastVerified());
    }
}
