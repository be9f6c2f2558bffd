package org.privacymailbox.archive;

/** How an import's checkpoint makes the archive files stored since the last one durable. */
public enum CheckpointSync {
    /** One sync of the file system that holds the archive, where {@code sync -f} works; otherwise {@link #EACH_FILE}. */
    FILE_SYSTEM,
    /** A sync of each stored file and of each directory they are in. */
    EACH_FILE
}
