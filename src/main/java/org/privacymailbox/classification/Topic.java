package org.privacymailbox.classification;

import java.util.Locale;

public enum Topic {
    PRIVACY,
    BILLING,
    /** A person wrote about something else. */
    OTHER,
    /** No person wrote: out-of-office, bounce, list mail. Indexed, never routed or answered. */
    AUTOMATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
