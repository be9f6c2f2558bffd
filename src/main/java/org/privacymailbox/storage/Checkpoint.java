package org.privacymailbox.storage;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Disk syncs that the stores put off until the next checkpoint, for a bulk import. A store given one writes without
 * waiting for the disk and registers how to make those writes durable; {@link #makeDurable} does that for every store.
 * Whoever uses it must record nothing that depends on those writes (a mail's completion) before the checkpoint
 * returns. Only the import command makes one: its sources stay on disk, so mail whose writes a crash loses is read
 * again by the next run, while the mailbox's intake must have each mail durable before it files it away.
 */
public final class Checkpoint {

    /** Makes a store's writes since the last checkpoint durable. */
    public interface Store {
        void makeDurable() throws IOException;
    }

    /**
     * What a checkpoint hands to other systems (the broker's queues), which see it at once and keep it: it must refer
     * only to writes that are durable here, or a crash could leave them holding a case this data directory forgot.
     */
    public interface Outbound {
        /** Takes what was written for sending so far; called before the stores sync, so that they cover all of it. */
        Sending take();
    }

    /** What one checkpoint sends. */
    public interface Sending {
        void send() throws IOException;
    }

    private final List<Store> stores = new CopyOnWriteArrayList<>();
    private final List<Outbound> outbound = new CopyOnWriteArrayList<>();

    public void register(Store store) {
        stores.add(store);
    }

    public void registerOutbound(Outbound sender) {
        outbound.add(sender);
    }

    /**
     * Returns when every write made before this call is on disk, and what was written for sending before it has been
     * sent, after the stores synced.
     */
    public void makeDurable() throws IOException {
        List<Sending> sendings = outbound.stream().map(Outbound::take).toList();
        for (Store store : stores) {
            store.makeDurable();
        }
        for (Sending sending : sendings) {
            sending.send();
        }
    }
}
