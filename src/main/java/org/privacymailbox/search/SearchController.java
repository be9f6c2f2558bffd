package org.privacymailbox.search;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailQuery;
import org.privacymailbox.indexing.SearchResult;
import org.privacymailbox.security.SafeDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API for staff systems: search, person, mail, its raw form and files. Errors are JSON with a message. */
@RestController
class SearchController {

    private static final int MAX_LIMIT = 100;

    private final MailSearch search;
    private final MailViews views;

    SearchController(MailSearch search, MailViews views) {
        this.search = search;
        this.views = views;
    }

    @GetMapping("/api/search")
    SearchResult search(Principal user, @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "limit", defaultValue = "20") int limit, @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "sort", defaultValue = "relevance") String sort) throws InvalidQueryException, IOException {
        return search.search(user.getName(), query, order(sort), offset, Math.min(Math.max(limit, 1), MAX_LIMIT));
    }

    @GetMapping("/api/person")
    SearchResult person(Principal user, @RequestParam(name = "who", defaultValue = "") String who,
            @RequestParam(name = "limit", defaultValue = "100") int limit) throws InvalidQueryException, IOException {
        return search.person(user.getName(), who, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/api/mail")
    ResponseEntity<MailView> mail(Principal user, @RequestParam("key") String key) throws IOException, InvalidQueryException {
        return ResponseEntity.of(views.view(user.getName(), key));
    }

    @GetMapping("/api/mail/raw")
    ResponseEntity<byte[]> raw(Principal user, @RequestParam("key") String key) throws IOException {
        return views.raw(user.getName(), key).map(bytes -> SafeDownload.of(bytes, "mail.eml")).orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/api/mail/attachment")
    ResponseEntity<byte[]> attachment(Principal user, @RequestParam("key") String key, @RequestParam("n") int number) throws IOException {
        return views.attachment(user.getName(), key, number).map(file -> SafeDownload.of(file.content(), file.name()))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/case/status")
    Map<String, String> status(Principal user, @RequestParam("case") String caseReference, @RequestParam("status") String status)
            throws IOException {
        views.setStatus(user.getName(), caseReference, status);
        return Map.of("case", caseReference, "status", status);
    }

    static MailQuery.Order order(String sort) {
        return "newest".equalsIgnoreCase(sort) || "date".equalsIgnoreCase(sort) ? MailQuery.Order.NEWEST : MailQuery.Order.RELEVANCE;
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Map<String, String>> invalidQuery(InvalidQueryException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badArgument(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }
}
