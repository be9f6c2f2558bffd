package org.privacymailbox.cases;

/** The steps whose completion is recorded, so that a mail seen again never repeats one. */
public enum Stage {
    /** Need not be on disk at once: indexing again replaces the document by its mail key. */
    INDEXED(false),
    /** Need not be on disk at once: a queue message sent again carries the same duplicate id, and the broker drops it. */
    ROUTED(false),
    /**
     * The acknowledgement was decided and put in the outbox (once per case, whatever happens next). Need not be on
     * disk at once: the outbox message carries a duplicate id too.
     */
    ACKNOWLEDGEMENT_CLAIMED(false),
    /** Recorded before the outbox hands it to SMTP: a crash may lose one acknowledgement, never send one twice. */
    ACKNOWLEDGEMENT_SENDING(true),
    ACKNOWLEDGED(true),
    COMPLETED(true);

    private final boolean syncedAtOnce;

    Stage(boolean syncedAtOnce) {
        this.syncedAtOnce = syncedAtOnce;
    }

    /**
     * Whether recording this stage waits for the disk. The others are written at once and made durable by the next
     * stage that waits (the journal is one file, synced as a whole), at the latest before the mail is filed.
     */
    boolean syncedAtOnce() {
        return syncedAtOnce;
    }
}
