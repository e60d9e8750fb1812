package org.mhconnect.gateway.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.mhconnect.gateway.identity.account.Accounts;
import org.mhconnect.gateway.identity.account.Role;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An admin grants or takes away the EDITOR and ADMIN roles. Every account stays a USER. The new roles are in the
 * person's next access token, so within ten minutes at the latest (the access-token lifetime).
 */
@RestController
@Validated
class RolesController {

    private final Accounts accounts;

    RolesController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** @param roles the complete set the account should have; USER is always kept */
    record RolesRequest(@NotNull @Size(max = 3) List<@NotNull @Pattern(regexp = "USER|EDITOR|ADMIN",
            message = "must be USER, EDITOR or ADMIN") String> roles) {
    }

    @PutMapping("/api/admin/users/{id}/roles")
    Mono<UserView> setRoles(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}", message = "must be an account id") String id,
            @Valid @RequestBody RolesRequest request) {
        Set<Role> roles = EnumSet.of(Role.USER);
        request.roles().forEach(role -> roles.add(Role.valueOf(role)));
        return accounts.byId(id)
                .filter(account -> !account.pendingDeletion())
                .switchIfEmpty(Mono.error(() -> new IdentityException(HttpStatus.NOT_FOUND, "Account not found",
                        "There is no account with this id.")))
                .flatMap(account -> accounts.save(account.withRoles(roles)))
                .map(UserView::of);
    }
}
