package org.privacymailbox.bulkimport;

/** One message read from an import source; {@code source} is its file, or {@code file#N} for the N-th in an mbox. */
record SourcedMail(String source, byte[] raw) {

    @Override
    public String toString() {
        return "SourcedMail[" + source + ", " + raw.length + " bytes]";
    }
}
