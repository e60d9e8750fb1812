package org.mhconnect.journal.support;

/**
 * A gentle offer of support, smaller than {@link SupportBlock}: shown with an entry whose words sound hopeless
 * without signalling danger, or written in a language the crisis detector does not read, where it cannot tell.
 *
 * @param message a few calm words, the same whatever the reason
 * @param country the country the support page should open for, when known
 * @param link    where the web app's support page is
 */
public record SupportSuggestion(String message, String country, String link) {

    static final String MESSAGE = "Would you like some support? Talking to someone can help, and it is always here "
            + "when you want it.";

    static final String LINK = "/#/support";
}
