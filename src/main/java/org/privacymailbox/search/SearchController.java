package org.privacymailbox.search;

import java.io.IOException;
import java.util.Map;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.indexing.SearchResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private static final int MAX_LIMIT = 100;

    private final MailIndex index;

    SearchController(MailIndex index) {
        this.index = index;
    }

    @GetMapping("/api/search")
    SearchResult search(@RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "limit", defaultValue = "20") int limit) throws InvalidQueryException, IOException {
        return index.search(query, Math.min(Math.max(limit, 1), MAX_LIMIT));
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Map<String, String>> invalidQuery(InvalidQueryException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
