package org.liaisonprm.security;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liaisonprm.base.ApiError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own API tokens over HTTP, as on the Account page: a script signs in once with its user's
 * password to get a token, then uses the token. A caller only ever sees and revokes their own tokens.
 */
@RestController
@Tag(name = "Account", description = "The caller's own API tokens")
class TokenApi {

    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy security;

    TokenApi(ApiTokens tokens, ObjectProvider<SecurityContextHolderStrategy> security) {
        this.tokens = tokens;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    record CreateRequest(String name) {
    }

    /** A new token: {@code token} is shown this once. */
    record CreatedJson(String id, String name, String hint, java.time.ZonedDateTime createdAt, String token) {
    }

    private String caller() {
        return security.getContext().getAuthentication().getName();
    }

    @GetMapping("/api/account/tokens")
    @Operation(summary = "The caller's API tokens (never the tokens themselves)")
    List<ApiTokens.TokenInfo> list() {
        return tokens.list(caller());
    }

    @PostMapping("/api/account/tokens")
    @Operation(summary = "Create an API token for the caller, signed in with their password (HTTP Basic): body "
            + "{\"name\": \"what will use it\"}; answers 201 with the token, shown this once (send it as "
            + "Authorization: Bearer lia_…)")
    ResponseEntity<?> create(@RequestBody CreateRequest request) {
        if (security.getContext().getAuthentication() instanceof ApiTokenFilter.ByToken) {
            // a stolen token must not be able to mint tokens that outlive its revocation
            return ApiError.answer(HttpStatus.FORBIDDEN, "Create API tokens with your password, not with a token");
        }
        var created = tokens.create(caller(), request.name());
        var info = created.info();
        return ResponseEntity.created(URI.create("/api/account/tokens/" + info.id()))
                .body(new CreatedJson(info.id(), info.name(), info.hint(), info.createdAt(), created.token()));
    }

    @DeleteMapping("/api/account/tokens/{id}")
    @Operation(summary = "Revoke one of the caller's API tokens")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        tokens.revoke(caller(), id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> refused(IllegalArgumentException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.getMessage(), "name");
    }
}
