package org.privacymailbox.acknowledgement;

import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Shows when the circuit breaker has stopped all acknowledgements, and why. */
@Profile("!import")
@Component("acknowledgements")
class AcknowledgementHealthIndicator implements HealthIndicator {

    private final AcknowledgementLimits limits;

    AcknowledgementHealthIndicator(AcknowledgementLimits limits) {
        this.limits = limits;
    }

    @Override
    public Health health() {
        try {
            Optional<String> open = limits.breakerOpen();
            return open.map(reason -> Health.outOfService().withDetail("reason", reason).build()).orElseGet(() -> Health.up().build());
        } catch (IOException e) {
            return Health.unknown().withDetail("reason", "breaker state cannot be read: " + e.getClass().getSimpleName()).build();
        }
    }
}
