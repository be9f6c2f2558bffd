package org.privacymailbox.cases;

/** The steps whose completion is recorded, so that a mail seen again never repeats one. */
public enum Stage {
    INDEXED,
    ROUTED,
    /** Recorded before the acknowledgement is handed to SMTP: a crash may lose one, never send one twice. */
    ACKNOWLEDGEMENT_CLAIMED,
    ACKNOWLEDGED,
    COMPLETED
}
