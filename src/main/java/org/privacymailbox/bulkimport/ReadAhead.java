package org.privacymailbox.bulkimport;

/**
 * How far the import reads ahead of its workers, in mails and in bytes. Counted in mails alone, a Maildir of large
 * mails filled the heap: 24 mails of 14 MB, 32 of them allowed at once, ran a 384 MB heap out of memory. A mail larger
 * than the whole budget is still taken, alone.
 */
final class ReadAhead {

    private final int maxMails;
    private final long maxBytes;
    private int mails;
    private long bytes;

    ReadAhead(int maxMails, long maxBytes) {
        this.maxMails = maxMails;
        this.maxBytes = maxBytes;
    }

    /** For an import in this JVM: an eighth of the heap, since parsing a mail takes a few times its size besides. */
    static ReadAhead forHeap(int maxMails) {
        return new ReadAhead(maxMails, Runtime.getRuntime().maxMemory() / 8);
    }

    /** Waits until a mail of {@code size} bytes fits, or until nothing else is in flight. */
    synchronized void take(long size) throws InterruptedException {
        while (mails > 0 && (mails >= maxMails || bytes + size > maxBytes)) {
            wait();
        }
        mails++;
        bytes += size;
    }

    synchronized void done(long size) {
        mails--;
        bytes -= size;
        notifyAll();
    }
}
