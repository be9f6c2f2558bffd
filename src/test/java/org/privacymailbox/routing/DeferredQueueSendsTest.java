package org.privacymailbox.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privacymailbox.BrokerJournal;
import org.privacymailbox.storage.Checkpoint;

class DeferredQueueSendsTest {

    private static final String QUEUE = "privacy.inquiries";

    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory connectionFactory;

    @BeforeEach
    void startBroker() throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.addAcceptorConfiguration("in-vm", "vm://7");
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        connectionFactory = new ActiveMQConnectionFactory("vm://7");
    }

    @AfterEach
    void stopBroker() throws Exception {
        connectionFactory.close();
        broker.stop();
    }

    private static RoutingMessage message(String mailKey) {
        return new RoutingMessage(QUEUE, mailKey, "{\"mail\":\"" + mailKey + "\"}");
    }

    private List<String> queued() throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            return BrokerJournal.drain(connection, QUEUE, 300);
        }
    }

    @Test
    void messagesReachTheirQueueOnlyAfterTheCheckpointSyncedTheStores() throws Exception {
        Checkpoint checkpoint = new Checkpoint();
        DeferredQueueSends sends = new DeferredQueueSends(connectionFactory, checkpoint);
        List<Integer> queuedWhenStoresSynced = new ArrayList<>();
        checkpoint.register(() -> {
            try {
                queuedWhenStoresSynced.add(queued().size());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sends.add(message("a"));
        sends.add(message("b"));
        sends.add(RoutingMessage.none());

        checkpoint.makeDurable();

        assertThat(queuedWhenStoresSynced).containsExactly(0);
        assertThat(queued()).containsExactly("{\"mail\":\"a\"}", "{\"mail\":\"b\"}");
    }

    @Test
    void messageAddedWhileTheStoresSyncWaitsForTheNextCheckpoint() throws Exception {
        Checkpoint checkpoint = new Checkpoint();
        DeferredQueueSends sends = new DeferredQueueSends(connectionFactory, checkpoint);
        List<String> arriving = new ArrayList<>(List.of("late"));
        // a mail whose case was written after the stores began to sync: that sync may not cover it
        checkpoint.register(() -> arriving.removeIf(key -> {
            sends.add(message(key));
            return true;
        }));
        sends.add(message("early"));

        checkpoint.makeDurable();
        assertThat(queued()).containsExactly("{\"mail\":\"early\"}");

        checkpoint.makeDurable();
        assertThat(queued()).containsExactly("{\"mail\":\"late\"}");
    }

    @Test
    void messageTheQueueHoldsAlreadyIsDroppedWithoutLosingTheRestOfItsBatch() throws Exception {
        Checkpoint checkpoint = new Checkpoint();
        DeferredQueueSends sends = new DeferredQueueSends(connectionFactory, checkpoint);
        sends.add(message("sent-before-a-crash"));
        checkpoint.makeDurable();
        // imported again after a crash that came between the broker's commit and the completion
        sends.add(message("sent-before-a-crash"));
        sends.add(message("new"));

        checkpoint.makeDurable();

        assertThat(queued()).containsExactly("{\"mail\":\"sent-before-a-crash\"}", "{\"mail\":\"new\"}");
    }

    @Test
    void aBrokerThatCannotBeReachedFailsTheCheckpoint() throws Exception {
        Checkpoint checkpoint = new Checkpoint();
        DeferredQueueSends sends = new DeferredQueueSends(new ActiveMQConnectionFactory("vm://99"), checkpoint);
        sends.add(message("a"));

        assertThatThrownBy(checkpoint::makeDurable).hasMessageContaining("the queue messages could not be sent");
    }

    @Test
    void withoutACheckpointNothingIsDeferred() {
        DeferredQueueSends sends = new DeferredQueueSends(connectionFactory, null);

        assertThatThrownBy(() -> sends.add(message("a"))).isInstanceOf(IllegalStateException.class);
    }
}
