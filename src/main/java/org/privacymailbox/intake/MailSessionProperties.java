package org.privacymailbox.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Jakarta Mail session properties for the mailbox: time-outs always, TLS as configured. */
public final class MailSessionProperties {

    private MailSessionProperties() {
    }

    public static Properties forImap(MailboxSettings settings) {
        Properties properties = new Properties();
        String p = "mail." + settings.protocol() + ".";
        String millis = Long.toString(settings.timeout().toMillis());
        // without time-outs a silent server blocks the poller forever
        properties.setProperty(p + "connectiontimeout", millis);
        properties.setProperty(p + "timeout", millis);
        properties.setProperty(p + "writetimeout", millis);
        if (settings.starttls()) {
            properties.setProperty(p + "starttls.enable", "true");
            properties.setProperty(p + "starttls.required", "true");
        }
        if (settings.starttls() || settings.protocol().equals("imaps")) {
            properties.setProperty(p + "ssl.checkserveridentity", "true");
            if (settings.trustStore() != null) {
                properties.put(p + "ssl.socketFactory", trusting(settings.trustStore(), settings.trustStorePassword()).getSocketFactory());
            }
        }
        return properties;
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
