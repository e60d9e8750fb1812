package org.mhconnect.content.recommendation;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.mhconnect.events.journal.Emotions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A practice for right now. Public: nothing about the caller is stored. */
@RestController
class RecommendationController {

    private final Recommendations recommendations;

    RecommendationController(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    /**
     * Up to five practices, best first, each with a short reason. {@code emotions} are codes of the journal's
     * vocabulary (repeat the parameter, or separate with commas).
     */
    @GetMapping("/api/content/recommendations")
    Recommendations.Answer recommend(
            @RequestParam(required = false) @Min(1) @Max(5) Integer mood,
            @RequestParam(required = false) @Size(max = 10) List<String> emotions,
            @RequestParam(required = false) @Min(1) @Max(240) Integer minutes) {
        List<String> codes = emotions == null ? List.of() : emotions;
        for (String code : codes) {
            if (!Emotions.isKnown(code)) {
                throw new UnknownEmotionException();
            }
        }
        return recommendations.recommend(mood, codes, minutes);
    }
}
