package org.privacymailbox.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry, Clock clock) {
        return new PipelineMetrics(registry, clock);
    }
}
