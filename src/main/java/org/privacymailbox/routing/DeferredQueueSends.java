package org.privacymailbox.routing;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.privacymailbox.storage.Checkpoint;

/**
 * An import's queue messages, sent at its checkpoints in one broker transaction each, after the case journal and the
 * other stores are on disk: a mail no longer waits for the broker's disk, and a queue never holds a case reference
 * that a crash took from the journal. A crash before the commit sends nothing; the next run imports those mails
 * again and sends their messages, also where the journal already says they were routed (see the routing route).
 * Without a checkpoint (the service) nothing may be deferred.
 */
public final class DeferredQueueSends implements Checkpoint.Outbound {

    /** The broker's header by which it drops a message whose id it already holds. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final ConnectionFactory connectionFactory;
    private final boolean active;
    private List<RoutingMessage> pending = new ArrayList<>();

    public DeferredQueueSends(ConnectionFactory connectionFactory, Checkpoint checkpoint) {
        this.connectionFactory = connectionFactory;
        this.active = checkpoint != null;
        if (active) {
            checkpoint.registerOutbound(this);
        }
    }

    public synchronized void add(RoutingMessage message) {
        if (!active) {
            throw new IllegalStateException("queue messages are deferred only by an import, which has checkpoints");
        }
        if (message.routable()) {
            pending.add(message);
        }
    }

    @Override
    public synchronized Checkpoint.Sending take() {
        List<RoutingMessage> taken = pending;
        pending = new ArrayList<>();
        return () -> send(taken);
    }

    private void send(List<RoutingMessage> messages) throws IOException {
        if (messages.isEmpty()) {
            return;
        }
        try {
            send(messages, true);
        } catch (JMSException e) {
            // The broker refuses a whole transaction for one message whose duplicate id it holds (a run that crashed
            // after its commit sent it, and its mails were imported again); sent alone, such a message is dropped and
            // the others go through. Were the broker down, this fails as well and says so.
            try {
                send(messages, false);
            } catch (JMSException again) {
                throw new IOException("the queue messages could not be sent: " + again, again);
            }
        }
    }

    /**
     * Sends the messages in one transaction, or each on its own. One producer per queue: a producer without a
     * destination, or a queue looked up by name, asks the broker about the queue and waits for its answer at every
     * message, three round trips a message that cost more than the sends themselves.
     */
    private void send(List<RoutingMessage> messages, boolean together) throws JMSException {
        Map<String, MessageProducer> producers = new HashMap<>();
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(together, together ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
            for (RoutingMessage message : messages) {
                MessageProducer producer = producers.get(message.queue());
                if (producer == null) {
                    producer = session.createProducer(session.createQueue(message.queue()));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    producers.put(message.queue(), producer);
                }
                TextMessage text = session.createTextMessage(message.json());
                text.setStringProperty(DUPLICATE_ID, message.duplicateId());
                producer.send(text);
            }
            if (together) {
                session.commit();
            }
        }
    }
}
