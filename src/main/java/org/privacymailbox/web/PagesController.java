package org.privacymailbox.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailQuery;
import org.privacymailbox.indexing.SearchResult;
import org.privacymailbox.rights.PersonData;
import org.privacymailbox.search.MailSearch;
import org.privacymailbox.search.MailView;
import org.privacymailbox.search.MailViews;
import org.privacymailbox.security.SafeDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The staff's pages, rendered on the server; every value reaches the page escaped, no mail HTML is ever rendered. */
@Controller
class PagesController {

    private static final int PAGE_SIZE = 20;

    private final MailSearch search;
    private final MailViews views;
    private final PersonData person;
    private final Dashboard dashboard;
    private final AuditLog audit;

    PagesController(MailSearch search, MailViews views, PersonData person, Dashboard dashboard, AuditLog audit) {
        this.search = search;
        this.views = views;
        this.person = person;
        this.dashboard = dashboard;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/search";
    }

    @GetMapping("/search")
    String search(Principal user, Model model, @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "sort", defaultValue = "relevance") String sort, @RequestParam(name = "page", defaultValue = "1") int page)
            throws IOException {
        model.addAttribute("q", query);
        model.addAttribute("sort", sort);
        int current = Math.max(1, page);
        model.addAttribute("page", current);
        if (!query.isBlank()) {
            try {
                MailQuery.Order order = "newest".equals(sort) ? MailQuery.Order.NEWEST : MailQuery.Order.RELEVANCE;
                SearchResult result = search.search(user.getName(), query, order, (current - 1) * PAGE_SIZE, PAGE_SIZE);
                model.addAttribute("result", result);
                model.addAttribute("pages", (int) Math.min(50, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
            } catch (InvalidQueryException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "search";
    }

    @GetMapping("/person")
    String person(Principal user, Model model, @RequestParam(name = "who", defaultValue = "") String who) throws IOException {
        model.addAttribute("who", who);
        if (!who.isBlank()) {
            try {
                model.addAttribute("result", search.person(user.getName(), who, 500));
            } catch (InvalidQueryException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "person";
    }

    @GetMapping("/mail")
    String mail(Principal user, Model model, @RequestParam("key") String key) throws IOException, InvalidQueryException {
        Optional<MailView> view = views.view(user.getName(), key);
        if (view.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such mail");
        }
        model.addAttribute("view", view.get());
        model.addAttribute("key", key);
        return "mail";
    }

    @GetMapping("/mail/raw")
    ResponseEntity<byte[]> raw(Principal user, @RequestParam("key") String key) throws IOException {
        return views.raw(user.getName(), key).map(bytes -> SafeDownload.of(bytes, "mail.eml"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such mail"));
    }

    @GetMapping("/mail/attachment")
    ResponseEntity<byte[]> attachment(Principal user, @RequestParam("key") String key, @RequestParam("n") int number) throws IOException {
        return views.attachment(user.getName(), key, number).map(file -> SafeDownload.of(file.content(), file.name()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file"));
    }

    @PostMapping("/mail/status")
    String status(Principal user, @RequestParam("key") String key, @RequestParam("case") String caseReference,
            @RequestParam("status") String status) throws IOException {
        views.setStatus(user.getName(), caseReference, status);
        return "redirect:/mail?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) throws IOException, InvalidQueryException {
        List<Dashboard.Day> days = dashboard.perDay();
        model.addAttribute("bars", Dashboard.bars(days, 180));
        model.addAttribute("total", days.stream().mapToLong(Dashboard.Day::total).sum());
        model.addAttribute("topics", Dashboard.TOPICS);
        model.addAttribute("due", dashboard.openPrivacyCases());
        return "dashboard";
    }

    @PostMapping("/person/export")
    ResponseEntity<byte[]> export(Principal user, @RequestParam("who") String who) throws IOException, InvalidQueryException {
        return SafeDownload.of(person.export(user.getName(), who), "export.zip");
    }

    @GetMapping("/person/erase")
    String confirmErasure(Principal user, Model model, @RequestParam("who") String who) throws IOException, InvalidQueryException {
        model.addAttribute("who", who);
        model.addAttribute("result", person.preview(user.getName(), who));
        return "erase";
    }

    @PostMapping("/person/erase")
    String erase(Principal user, Model model, @RequestParam("who") String who, @RequestParam("confirm") String confirm)
            throws IOException, InvalidQueryException {
        if (!who.equals(confirm)) {
            model.addAttribute("who", who);
            model.addAttribute("error", "Type the identity number or address exactly as above to confirm.");
            model.addAttribute("result", person.preview(user.getName(), who));
            return "erase";
        }
        model.addAttribute("who", who);
        model.addAttribute("erased", person.erase(user.getName(), who));
        return "erased";
    }

    @GetMapping("/audit")
    String audit(Model model) throws IOException {
        model.addAttribute("entries", audit.latest(500));
        return "audit";
    }
}
