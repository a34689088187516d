package org.liaisonprm.outreach;

import org.liaisonprm.base.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the outreach endpoints answer refused input: 400 naming the parameter, and 409 for a digest asked for
 * while no mail server is set up. Everything else answers as everywhere ({@code security.ApiErrors}).
 */
@RestControllerAdvice(basePackageClasses = OutreachApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutreachApiErrors {

    @ExceptionHandler(OutreachException.class)
    ResponseEntity<ApiError> refused(OutreachException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage(), e.field());
    }

    @ExceptionHandler(Digests.NotConfiguredException.class)
    ResponseEntity<ApiError> noMail(Digests.NotConfiguredException e) {
        return ApiError.answer(HttpStatus.CONFLICT, e.getMessage(), null);
    }
}
