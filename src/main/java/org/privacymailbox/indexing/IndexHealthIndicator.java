package org.privacymailbox.indexing;

import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

// the import command has no health endpoint; checking would open the index or the mailbox for nothing
@Profile("!import")
@Component("index")
class IndexHealthIndicator implements HealthIndicator {

    private final MailIndex index;

    IndexHealthIndicator(MailIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        Optional<String> problem = index.problem();
        if (problem.isPresent()) {
            return Health.down().withDetail("error", problem.get()).build();
        }
        try {
            return Health.up().withDetail("documents", index.count()).build();
        } catch (IOException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
