package org.mhconnect.journal.safety;

import org.mhconnect.problems.text.SingleLine;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a safety plan says, in the writer's own words. Sealed as one document under their data key; never logged.
 * Items are stripped, and an absent section is an empty one.
 *
 * @param warningSigns      thoughts, moods or situations that tell me a crisis may be coming
 * @param copingStrategies  things I can do on my own to take my mind off things
 * @param distractions      people and places that help me feel better
 * @param contacts          people I can ask for help
 * @param professionals     professionals and helplines
 * @param saferSurroundings how I can make my surroundings safer
 * @param reasonForLiving   an optional line: what matters most to me and is worth living for
 */
public record SafetyPlan(List<String> warningSigns, List<String> copingStrategies, List<String> distractions,
        List<Contact> contacts, List<Professional> professionals, List<String> saferSurroundings,
        String reasonForLiving) {

    /** At most this many items in a section. */
    static final int ITEMS = 10;
    /** At most this many characters in one item of a text section. */
    static final int TEXT = 300;

    public SafetyPlan {
        warningSigns = stripped(warningSigns);
        copingStrategies = stripped(copingStrategies);
        distractions = stripped(distractions);
        contacts = contacts == null ? List.of() : contacts.stream().toList();
        professionals = professionals == null ? List.of() : professionals.stream().toList();
        saferSurroundings = stripped(saferSurroundings);
        reasonForLiving = blankToNull(reasonForLiving);
    }

    /**
     * Someone I can ask for help.
     *
     * @param name    who they are
     * @param contact a phone number, or how to reach them
     */
    public record Contact(@NotBlank @Size(max = 100) @SingleLine String name, @Size(max = 200) @SingleLine String contact) {

        public Contact {
            name = name == null ? null : name.strip();
            contact = blankToNull(contact);
        }

        @Override
        public String toString() {
            return "Contact[sealed]";
        }
    }

    /**
     * A professional, a service or a helpline.
     *
     * @param name  who or what it is, such as a doctor or a crisis line
     * @param phone a number to call or text
     * @param url   a web address, http or https
     */
    public record Professional(@NotBlank @Size(max = 200) @SingleLine String name, @Size(max = 40) @SingleLine String phone,
            @Size(max = 500) @SingleLine @Pattern(regexp = "https?://\\S+", message = "must be a web address starting with http:// or https://") String url) {

        public Professional {
            name = name == null ? null : name.strip();
            phone = blankToNull(phone);
            url = blankToNull(url);
        }

        @Override
        public String toString() {
            return "Professional[sealed]";
        }
    }

    @Override
    public String toString() {
        return "SafetyPlan[sealed]";
    }

    private static List<String> stripped(List<String> items) {
        return items == null ? List.of() : items.stream().map(item -> item == null ? null : item.strip()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
