package org.liaisonprm.security;

import java.io.IOException;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.liaisonprm.base.ApiError;
import org.liaisonprm.graph.GraphUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * How the API answers what its endpoints do not answer themselves, always as an {@link ApiError}: the graph
 * store cannot be reached (503 with Retry-After), a missing or malformed parameter (400 naming it), a wrong
 * method (405), an unknown path under {@code /api/} (404), and anything unexpected (500, details only in
 * the log). The security filters answer 401, 403 and 503 in the same shape through {@link #write}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes an error straight to the response, as a filter must (there is no controller yet). */
    static void write(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", String.valueOf(ApiError.RETRY_AFTER_SECONDS));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), new ApiError(status, error, null));
    }

    @ExceptionHandler(GraphUnavailableException.class)
    ResponseEntity<ApiError> unavailable(GraphUnavailableException e) {
        return ApiError.answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler({NoSuchElementException.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> notFound(Exception e) {
        return ApiError.answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return ApiError.answer(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, "Give the parameter " + e.getParameterName(), e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, "Give the part " + e.getRequestPartName(), e.getRequestPartName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "another kind of value"
                : type == int.class || type == long.class || type == Integer.class || type == Long.class ? "a whole number"
                : type == double.class || type == Double.class ? "a number"
                : type == boolean.class || type == Boolean.class ? "true or false"
                : "a valid " + type.getSimpleName();
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.getName() + " must be " + expected + ", not '" + e.getValue() + "'",
                e.getName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, "The request body is not JSON of the expected shape");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ApiError.answer(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not answered here; use "
                + String.join(" or ", e.getSupportedMethods() == null ? new String[]{"another method"} : e.getSupportedMethods()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ApiError.answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(HttpServletRequest request, Exception e) {
        if (GraphUnavailableException.isCauseOf(e)) {
            return ApiError.answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "The graph store cannot be reached at the moment; Liaison answers again by itself as soon as it is back");
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ApiError.answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; its log has the details");
    }

    /**
     * Every path under {@code /api/} that no endpoint answers: without this, the web UI's page would. The
     * OpenAPI pages under {@code /api/docs/} are served as resources and stay out of it.
     */
    @Hidden
    @RestController
    static class UnknownPaths {

        @RequestMapping({"/api", "/api/", "/api/{first:(?!docs$).+}", "/api/{first:(?!docs$).+}/**"})
        ResponseEntity<ApiError> unknown(HttpServletRequest request) {
            return ApiError.answer(HttpStatus.NOT_FOUND, "No API endpoint answers " + request.getMethod() + " "
                    + request.getRequestURI() + "; GET /api/docs lists them");
        }
    }
}
