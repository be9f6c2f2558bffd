package org.privacymailbox.quarantine;

import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuarantineController {

    private final QuarantineRecorder recorder;

    QuarantineController(QuarantineRecorder recorder) {
        this.recorder = recorder;
    }

    @GetMapping("/api/quarantine")
    List<QuarantineRecord> list() throws IOException {
        return recorder.list();
    }
}
