package org.privacymailbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PrivacyMailboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrivacyMailboxApplication.class, args);
    }
}
