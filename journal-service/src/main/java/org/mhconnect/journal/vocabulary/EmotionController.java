package org.mhconnect.journal.vocabulary;

import java.time.Duration;
import java.util.List;

import org.mhconnect.events.journal.Emotions;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The emotion vocabulary, so that clients offer exactly the words the journal accepts. Public and cacheable. */
@RestController
class EmotionController {

    @GetMapping("/api/journal/emotions")
    ResponseEntity<List<Emotions.Emotion>> emotions() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(Emotions.ALL);
    }
}
