package org.mhconnect.content.reaction;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.mhconnect.content.library.PublishedItems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reacting to an item, changing or removing the reaction, and the counts. */
@RestController
@RequestMapping("/api/content/items/{slug}")
class ReactionController {

    static final String SLUG = "[a-z0-9][a-z0-9-]{0,79}";

    private final Reactions reactions;
    private final PublishedItems items;

    ReactionController(Reactions reactions, PublishedItems items) {
        this.reactions = reactions;
        this.items = items;
    }

    record ReactionRequest(@NotNull @Pattern(regexp = "helpful|calming|inspiring|relatable",
            message = "must be helpful, calming, inspiring or relatable") String reaction) {
    }

    /** @param mine the caller's reaction; absent without a token or without a reaction */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ReactionView(String slug, Map<String, Integer> counts, String mine) {
    }

    /** The counts, and the caller's own reaction when a token is sent. Public. */
    @GetMapping("/reactions")
    ReactionView counts(@PathVariable @Pattern(regexp = SLUG, message = "must be an item slug") String slug,
            @AuthenticationPrincipal Jwt caller) {
        items.require(slug);
        return view(slug, caller == null ? null : caller.getSubject());
    }

    @PutMapping("/reaction")
    ReactionView react(@PathVariable @Pattern(regexp = SLUG, message = "must be an item slug") String slug,
            @AuthenticationPrincipal(expression = "subject") String userId, @Valid @RequestBody ReactionRequest request) {
        items.require(slug);
        reactions.react(userId, slug, request.reaction());
        return view(slug, userId);
    }

    @DeleteMapping("/reaction")
    ReactionView remove(@PathVariable @Pattern(regexp = SLUG, message = "must be an item slug") String slug,
            @AuthenticationPrincipal(expression = "subject") String userId) {
        items.require(slug);
        reactions.remove(userId, slug);
        return view(slug, userId);
    }

    private ReactionView view(String slug, String userId) {
        return new ReactionView(slug, reactions.counts(slug), userId == null ? null : reactions.of(userId, slug).orElse(null));
    }
}
