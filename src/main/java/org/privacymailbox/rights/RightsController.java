package org.privacymailbox.rights;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.security.SafeDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export and erasure over the API, for ADMIN only (see the security configuration). */
@RestController
class RightsController {

    private final PersonData person;

    RightsController(PersonData person) {
        this.person = person;
    }

    @GetMapping("/api/export")
    ResponseEntity<byte[]> export(Principal user, @RequestParam("who") String who) throws IOException, InvalidQueryException {
        return SafeDownload.of(person.export(user.getName(), who), "export.zip");
    }

    /** {@code confirm} must repeat {@code who}: an erasure cannot be undone. */
    @PostMapping("/api/erase")
    ResponseEntity<Map<String, Object>> erase(Principal user, @RequestParam("who") String who, @RequestParam("confirm") String confirm)
            throws IOException, InvalidQueryException {
        if (!who.equals(confirm)) {
            return ResponseEntity.badRequest().body(Map.of("error", "confirm must repeat who"));
        }
        return ResponseEntity.ok(Map.of("erased", person.erase(user.getName(), who)));
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidQueryException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
