package org.privacymailbox;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * What the topic queues hold in the broker journal a service or an import left behind, read the way the embedded
 * broker keeps it; and the queue-draining loop the tests share.
 */
public final class BrokerJournal {

    public static final List<String> TOPIC_QUEUES = List.of("privacy.inquiries", "billing.inquiries", "general.inquiries");

    private BrokerJournal() {
    }

    /** Each topic queue's message bodies, in order; {@code broker} is the data directory's {@code broker}. */
    public static Map<String, List<String>> queued(Path broker) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setJournalDirectory(broker.resolve("journal").toString());
        configuration.setBindingsDirectory(broker.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(broker.resolve("largemessages").toString());
        configuration.setPagingDirectory(broker.resolve("paging").toString());
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.addAcceptorConfiguration("in-vm", "vm://42");
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(configuration);
        server.start();
        Map<String, List<String>> queued = new LinkedHashMap<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://42"); Connection connection = factory.createConnection()) {
            connection.start();
            for (String queue : TOPIC_QUEUES) {
                queued.put(queue, drain(connection, queue, 500));
            }
        } finally {
            server.stop();
        }
        return queued;
    }

    /**
     * Takes every message on {@code queue} through a started {@code connection} and returns their bodies, in order;
     * the queue counts as empty once no message came for {@code waitMillis}.
     */
    public static List<String> drain(Connection connection, String queue, long waitMillis) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            jakarta.jms.Message message;
            while ((message = consumer.receive(waitMillis)) != null) {
                bodies.add(((TextMessage) message).getText());
            }
        }
        return bodies;
    }
}
