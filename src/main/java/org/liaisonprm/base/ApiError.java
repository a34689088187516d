package org.liaisonprm.base;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of every error the API answers, whatever went wrong and wherever:
 * {@code {"status": 400, "error": "what went wrong, in words", "parameter": "the parameter or field, or null"}}.
 */
public record ApiError(int status, String error, String parameter) {

    /** Seconds a caller is asked to wait before trying again after a 503 or 429. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static ResponseEntity<ApiError> answer(HttpStatus status, String error, String parameter) {
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
            response.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        return response.body(new ApiError(status.value(), error, parameter));
    }

    public static ResponseEntity<ApiError> answer(HttpStatus status, String error) {
        return answer(status, error, null);
    }
}
