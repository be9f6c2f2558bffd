package org.privacymailbox.privacy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.privacymailbox.settings.DataSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    IdentityNumberDetector identityNumberDetector() {
        return new IdentityNumberDetector();
    }

    @Bean
    IdentityMasker identityMasker(IdentityNumberDetector detector) {
        return new IdentityMasker(detector);
    }

    @Bean
    IdentityHasher identityHasher(PrivacySettings settings, DataSettings data) throws IOException {
        if (settings.identityKey() != null && !settings.identityKey().isBlank()) {
            return new IdentityHasher(HexFormat.of().parseHex(settings.identityKey().strip()));
        }
        return new IdentityHasher(HexFormat.of().parseHex(Files.readString(keyFile(data.resolve("identity-hash.key"))).strip()));
    }

    /** The key must stay the same across restarts, or earlier mail could no longer be found by number. */
    private static Path keyFile(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return file;
        }
        Files.writeString(file, HexFormat.of().formatHex(key));
        return file;
    }
}
