package org.privacymailbox.cases;

/** The steps whose completion is recorded, so that a mail seen again never repeats one. */
public enum Stage {
    INDEXED,
    ROUTED,
    /** The acknowledgement was decided and put in the outbox (once per case, whatever happens next). */
    ACKNOWLEDGEMENT_CLAIMED,
    /** Recorded before the outbox hands it to SMTP: a crash may lose one acknowledgement, never send one twice. */
    ACKNOWLEDGEMENT_SENDING,
    ACKNOWLEDGED,
    COMPLETED
}
