package org.mhconnect.content.saved;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.mhconnect.content.library.ItemSummary;
import org.mhconnect.content.library.PublishedItems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved items. */
@RestController
@RequestMapping("/api/content/saved")
class SavedItemsController {

    private final SavedItems saved;
    private final PublishedItems items;

    SavedItemsController(SavedItems saved, PublishedItems items) {
        this.saved = saved;
        this.items = items;
    }

    record SavedList(List<ItemSummary> items) {
    }

    /** The caller's saved items that are still published, most recently saved first. */
    @GetMapping
    SavedList list(@AuthenticationPrincipal(expression = "subject") String userId) {
        return new SavedList(items.summaries(saved.of(userId)));
    }

    /** Saves an item; saving it again changes nothing. */
    @PutMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void save(@AuthenticationPrincipal(expression = "subject") String userId,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be an item slug") String slug) {
        items.require(slug);
        if (saved.count(userId) >= SavedItems.MAX && !saved.of(userId).contains(slug)) {
            throw new TooManySavedItemsException();
        }
        saved.save(userId, slug);
    }

    @DeleteMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal(expression = "subject") String userId,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be an item slug") String slug) {
        saved.remove(userId, slug);
    }
}
