package org.privacymailbox.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import jakarta.mail.PasswordAuthentication;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.component.mail.MailAuthenticator;

/** Jakarta Mail session properties and credentials for the mail endpoints: time-outs always, TLS as configured. */
public final class MailSessionProperties {

    private MailSessionProperties() {
    }

    public static Properties forImap(MailboxSettings settings) {
        return of(settings.protocol(), settings.starttls(), settings.timeout(), settings.trustStore(), settings.trustStorePassword());
    }

    /** For any mail protocol (imap, imaps, smtp, smtps); {@code trustStore} may be null for Java's own trust. */
    public static Properties of(String protocol, boolean starttls, Duration timeout, Path trustStore, String trustStorePassword) {
        Properties properties = new Properties();
        String p = "mail." + protocol + ".";
        String millis = Long.toString(timeout.toMillis());
        // without time-outs a silent server blocks the poller or the sender forever
        properties.setProperty(p + "connectiontimeout", millis);
        properties.setProperty(p + "timeout", millis);
        properties.setProperty(p + "writetimeout", millis);
        if (starttls) {
            properties.setProperty(p + "starttls.enable", "true");
            properties.setProperty(p + "starttls.required", "true");
        }
        if (starttls || protocol.endsWith("s")) {
            properties.setProperty(p + "ssl.checkserveridentity", "true");
            if (trustStore != null) {
                properties.put(p + "ssl.socketFactory", trusting(trustStore, trustStorePassword).getSocketFactory());
            }
        }
        return properties;
    }

    /** Credentials for a Camel mail endpoint; a null user name means no login. */
    public static MailAuthenticator authenticator(String username, String password) {
        return new MailAuthenticator() {
            @Override
            public PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        };
    }

    /** An SSL context that trusts the certificates in one trust store, e.g. a company CA or a self-signed server. */
    static SSLContext trusting(Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust store " + trustStore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }
}
