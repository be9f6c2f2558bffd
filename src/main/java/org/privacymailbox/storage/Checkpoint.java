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

    private final List<Store> stores = new CopyOnWriteArrayList<>();

    public void register(Store store) {
        stores.add(store);
    }

    /** Returns when every write made before this call is on disk. */
    public void makeDurable() throws IOException {
        for (Store store : stores) {
            store.makeDurable();
        }
    }
}
