package org.privacymailbox.routing;

/**
 * What goes to a topic queue: the queue, the id by which the broker drops a second copy, and the JSON body.
 * {@code queue} is null for mail that goes nowhere (automated mail).
 */
public record RoutingMessage(String queue, String duplicateId, String json) {

    public static RoutingMessage none() {
        return new RoutingMessage(null, null, null);
    }

    public boolean routable() {
        return queue != null;
    }

    @Override
    public String toString() {
        return "RoutingMessage[" + queue + "]";
    }
}
